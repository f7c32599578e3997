/**
 * What a changelog heading means: a version (`## [1.2.3] - 2024-01-02`, `## [1.2.3](url) (2024-01-02)`,
 * `## @scope/pkg@1.2.3`, `## 1.2.3 [YANKED]`), `[Unreleased]`, or a section (`### Added`,
 * `### 🐛 Bug Fixes`, `### Patch Changes`) and the change type its items get.
 * The patterns run on one heading's text, never on the file's lines.
 */
import semver from 'semver';
import type { ChangeType } from '../core/model.ts';

export type VersionHeading =
  /** `badDate`: a date-like text that is no calendar date (`2025-02-30`); the version is then undated. */
  | { kind: 'version'; version: string; date?: string; badDate?: string; yanked: boolean }
  | { kind: 'unreleased' }
  /** Looks like a version but is not SemVer (`1.0`, `2024-01-02`): its items cannot be imported. */
  | { kind: 'invalid'; text: string };

/** Where a section's items go. */
export type SectionTarget =
  | { kind: 'change'; type: ChangeType; breaking: boolean; known: boolean }
  /** Not changes (contributor lists): kept in the release body. */
  | { kind: 'body' };

// Optional `[`, optional `pkg@` / `@scope/pkg@` or `Version `, optional `v`, then a dotted number.
const VERSION_START = /^\[?\s*(?:(?:@[\w.-]+\/)?[\w.-]+@|version\s+|release\s+)?v?(\d+\.\d+(?:\.\d+)*(?:-[0-9a-z.-]+)?(?:\+[0-9a-z.-]+)?)(?=$|[\s\]()])/i;
const UNRELEASED = /^\[?\s*unreleased\s*\]?(?:$|\s)/i;
const ISO_DATE = /(?<!\d)(\d{4})-(\d{2})-(\d{2})(?!\d)/;
const YANKED = /\[\s*yanked\s*\]|\bYANKED\b/i;

/** Why: decides whether a heading starts a release and reads its version, date and yanked marker. */
export function parseVersionHeading(text: string): VersionHeading | undefined {
  const trimmed = text.trim();
  if (UNRELEASED.test(trimmed)) return { kind: 'unreleased' };
  const match = VERSION_START.exec(trimmed);
  if (!match?.[1]) return undefined;
  const version = match[1];
  if (semver.valid(version) !== version) return { kind: 'invalid', text: trimmed };
  const rest = trimmed.slice(match[0].length);
  const date = ISO_DATE.exec(rest);
  const dates = date && isCalendarDate(date) ? { date: date[0] } : { badDate: date?.[0] };
  return { kind: 'version', version, ...dates, yanked: YANKED.test(rest) };
}

/** Why: `2025-02-30` looks like a date but is none; it must not become a release time. */
function isCalendarDate(match: RegExpExecArray): boolean {
  const [, year, month, day] = match.map(Number) as [number, number, number, number];
  const check = new Date(Date.UTC(year, month - 1, day));
  return check.getUTCFullYear() === year && check.getUTCMonth() === month - 1 && check.getUTCDate() === day;
}

const change = (type: ChangeType, breaking = false): SectionTarget => ({ kind: 'change', type, breaking, known: true });

// Section titles, normalised (lower case, letters and digits only), as Keep a Changelog,
// release-please, conventional-changelog, git-cliff and changesets write them.
const SECTION_WORDS: ReadonlyMap<string, SectionTarget> = new Map([
  ...['added', 'features', 'feature', 'feat', 'feats', 'new features', 'new', 'minor changes'].map((title) => [title, change('added')] as const),
  ...['fixed', 'fixes', 'fix', 'bug fixes', 'bugfixes', 'bug fix', 'bugfix', 'patch changes'].map((title) => [title, change('fixed')] as const),
  ...['deprecated', 'deprecations', 'deprecation'].map((title) => [title, change('deprecated')] as const),
  ...['removed', 'removals', 'removal'].map((title) => [title, change('removed')] as const),
  ...['security', 'security fixes'].map((title) => [title, change('security')] as const),
  ...['major changes', 'breaking changes', 'breaking change', 'breaking'].map((title) => [title, change('changed', true)] as const),
  ...[
    'changed',
    'changes',
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
  ...['new contributors', 'contributors', 'thanks', 'credits', 'acknowledgements', 'acknowledgments'].map((title) => [title, { kind: 'body' }] as const),
]);

// Emoji-only titles, as git-cliff's default templates write them.
const SECTION_EMOJI: ReadonlyArray<readonly [string, SectionTarget]> = [
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

/** Why: every section maps to a change type; unknown ones become `changed` with `known: false`. */
export function mapSection(title: string): SectionTarget {
  const words = title
    .toLowerCase()
    .replace(/[^\p{L}\p{N}\s]/gu, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  const byWords = SECTION_WORDS.get(words);
  if (byWords) return byWords;
  const byEmoji = words ? undefined : SECTION_EMOJI.find(([emoji]) => title.includes(emoji));
  return byEmoji?.[1] ?? { kind: 'change', type: 'changed', breaking: false, known: false };
}
