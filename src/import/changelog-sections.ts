/**
 * Where the items of a changelog section go: a change type (`### Added`, `### 🐛 Bug Fixes`,
 * `### ⚠️ Breaking Changes & Deprecations`, `**Bugfixes:**`), the release body as credits
 * (`### Contributors to this release`, `Thanks`) or as narrative (`### Upgrade Guide`,
 * `### Example Usage`). Titles are matched exactly first, then by their words.
 */
import type { ChangeType } from '../core/model.ts';

export type SectionTarget =
  /**
   * `deprecations`: items that say "deprecate…" become `deprecated` (a "Breaking Changes & Deprecations" section);
   * `generic`: the title says nothing about the type (`What's Changed`), so an item's `fix:` prefix decides.
   */
  | { kind: 'change'; type: ChangeType; breaking: boolean; known: boolean; deprecations?: boolean; generic?: boolean }
  /** Not changes: kept in the release body. */
  | { kind: 'body'; why: 'credits' | 'narrative' };

export type ChangeTarget = Extract<SectionTarget, { kind: 'change' }>;

const change = (type: ChangeType, breaking = false): SectionTarget => ({ kind: 'change', type, breaking, known: true });
const CREDITS: SectionTarget = { kind: 'body', why: 'credits' };
const NARRATIVE: SectionTarget = { kind: 'body', why: 'narrative' };
export const UNKNOWN_SECTION: ChangeTarget = { kind: 'change', type: 'changed', breaking: false, known: false, generic: true };
const GENERIC: ChangeTarget = { kind: 'change', type: 'changed', breaking: false, known: true, generic: true };

// Titles that name a change type, as opposed to a topic (`Dependencies`, `Internal`) whose items are `changed`.
const TYPE_TITLES = new Set([
  'added',
  'features',
  'feature',
  'new features',
  'fixed',
  'fixes',
  'bug fixes',
  'bugfixes',
  'bugfix',
  'deprecated',
  'deprecations',
  'removed',
  'security',
  'breaking changes',
  'breaking',
  'changed',
  'changes',
]);

// Section titles, normalised (lower case, letters and digits only), as Keep a Changelog,
// release-please, conventional-changelog, git-cliff, changesets and GitHub write them.
const EXACT: ReadonlyMap<string, SectionTarget> = new Map([
  ...['added', 'features', 'feature', 'feat', 'feats', 'new features', 'new', 'minor changes', 'additions'].map((title) => [title, change('added')] as const),
  ...['fixed', 'fixes', 'fix', 'bug fixes', 'bugfixes', 'bug fix', 'bugfix', 'bugs', 'patch changes'].map((title) => [title, change('fixed')] as const),
  ...['deprecated', 'deprecations', 'deprecation'].map((title) => [title, change('deprecated')] as const),
  ...['removed', 'removals', 'removal'].map((title) => [title, change('removed')] as const),
  ...['security', 'security fixes'].map((title) => [title, change('security')] as const),
  ...['major changes', 'breaking changes', 'breaking change', 'breaking'].map((title) => [title, change('changed', true)] as const),
  ...['changes', 'what s changed', 'other', 'other changes'].map((title) => [title, GENERIC] as const),
  ...[
    'changed',
    'internal',
    'performance',
    'performance improvements',
    'perf',
    'refactor',
    'refactoring',
    'code refactoring',
    'documentation',
    'docs',
    'miscellaneous',
    'miscellaneous tasks',
    'misc',
    'chore',
    'chores',
    'styling',
    'style',
    'styles',
    'testing',
    'tests',
    'test',
    'build',
    'build system',
    'ci',
    'continuous integration',
    'dependencies',
    'deps',
    'revert',
    'reverts',
    'reverted',
    'improvements',
    'enhancements',
    'updates',
  ].map((title) => [title, change('changed')] as const),
  ...['new contributors', 'contributors', 'thanks', 'credits', 'acknowledgements', 'acknowledgments'].map((title) => [title, CREDITS] as const),
]);

// Emoji-only titles, as git-cliff's default templates write them.
const EMOJI: ReadonlyArray<readonly [string, SectionTarget]> = [
  ['⚠', change('changed', true)],
  ['🐛', change('fixed')],
  ['⛰', change('added')],
  ['✨', change('added')],
  ['🚀', change('added')],
  ['🔒', change('security')],
  ['🛡', change('security')],
  ['🗑', change('removed')],
  ['⚡', change('changed')],
  ['🚜', change('changed')],
  ['📚', change('changed')],
  ['🎨', change('changed')],
  ['🧪', change('changed')],
  ['⚙', change('changed')],
  ['◀', change('changed')],
];

// Titles with more words, by the words they contain; the first rule that matches wins.
const BY_WORDS: ReadonlyArray<readonly [RegExp, SectionTarget]> = [
  [/\b(?:contributors?|thanks|thank you|credits|acknowledge?ments?|sponsors?)\b/, CREDITS],
  [
    /\b(?:upgrad(?:e|ing)|migrat(?:e|ing|ion)|examples?|usage|how to|notes?|highlights?|overview|summary|files changed|compatibility|known issues?|installation|getting started)\b/,
    NARRATIVE,
  ],
  [/\b(?:non|not|no) breaking\b/, change('changed')],
  [/\bbreaking\b/, change('changed', true)],
  [/\bsecurity\b|\bvulnerabilit/, change('security')],
  [/\bdeprecat/, change('deprecated')],
  [/\bremov/, change('removed')],
  [/\b(?:fix|fixes|fixed|bugs?|bugfix(?:es)?|patch(?:es)?)\b/, change('fixed')],
  [/\b(?:features?|added|additions?|new)\b/, change('added')],
  [
    /\b(?:changes?|changed|improve|improvements?|updated?|updates|enhancements?|refactor\w*|performance|dependenc\w*|deps|internal|misc\w*|other|tooling|infrastructure|build|testing|tests|docs|documentation)\b/,
    change('changed'),
  ],
];

/** Why: the exact form of a title, for looking it up. */
function normalise(title: string): string {
  return title
    .toLowerCase()
    .replace(/[^\p{L}\p{N}\s]/gu, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

/** Why: a section heading maps to a change type or to the body; unknown titles become `changed` with `known: false`. */
export function mapSection(title: string): SectionTarget {
  const words = normalise(title);
  const exact = EXACT.get(words);
  if (exact) return exact;
  if (!words) return EMOJI.find(([emoji]) => title.includes(emoji))?.[1] ?? UNKNOWN_SECTION;
  const found = BY_WORDS.find(([pattern]) => pattern.test(words))?.[1];
  if (found?.kind === 'change' && found.breaking && /\bdeprecat/.test(words)) return { ...found, deprecations: true };
  return found ?? UNKNOWN_SECTION;
}

/** Why: a label in a list (`- Bugfixes:`, `**Features**`) is a section only when it is exactly a section title. */
export function mapLabel(label: string): SectionTarget | undefined {
  const words = normalise(label);
  return EXACT.get(words) ?? (/^(?:thanks|thank you|special thanks)\b/.test(words) ? CREDITS : undefined);
}

/** Why: `- Bugfixes:` says what its items are; `- deps:` says what they are about, so it stays with them. */
export function namesType(label: string): boolean {
  return TYPE_TITLES.has(normalise(label));
}

/** Why: a readable mapping for the report: `added`, `changed, breaking`, `release body (credits)`. */
export function describeTarget(target: SectionTarget): string {
  if (target.kind === 'body') return `release body (${target.why})`;
  const extras = [target.breaking ? 'breaking' : '', target.deprecations ? 'deprecated where the item says so' : ''].filter(Boolean);
  return `${target.type}${extras.length ? `, ${extras.join(', ')}` : ''}${target.known ? '' : ' (unknown section)'}`;
}
