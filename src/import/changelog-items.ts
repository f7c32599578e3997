/**
 * What one changelog item says about itself: a breaking marker in any of its real forms
 * (`BREAKING:`, `**BREAKING**`, `**Breaking:**`, `[**breaking**]`, `⚠️ BREAKING CHANGE`,
 * `feat!:`), a Conventional Commits type (`fix: …`), or that it is a credit, not a change
 * (`Thanks to @x`, a list of avatars).
 */
import type { ChangeType } from '../core/model.ts';

// A marker that opens the item: optional ⚠️, `**`/`__`/`[`, the word (optionally `CHANGE(S)`),
// closing marks, then a colon, a dash, or a space.
const LEADING = /^\s*(⚠\uFE0F?\s*)?(\*\*|__)?(\[)?(?:\*\*|__)?(BREAKING(?:[ -]CHANGES?)?)(?:\*\*|__)?(\])?(\*\*|__)?(\s*:\s*(?:\*\*|__)?\s*|\s+[-–—]\s+|\s+)/i;
// Markers anywhere: git-cliff's `[**breaking**]` (removed from the summary), a `BREAKING CHANGE:` footer.
const BRACKETED = /\[\s*(?:\*\*|__)?breaking(?:\*\*|__)?\s*\]\s*/i;
const FOOTER = [/⚠\uFE0F?\s*BREAKING[ -]CHANGES?/, /BREAKING[ -]CHANGES?\s*:/];
// `feat!:`, `feat(api)!:`, `**api!:**` (a scope with `!`).
const BANG = /^\s*(?:\*\*|__)?[\w-]+(?:\([^)]*\))?!(?:\*\*|__)?\s*:/;

/** Why: decides whether an item is breaking and gives its summary without a leading marker (the page shows a badge). */
export function breakingMarker(markdown: string): { breaking: boolean; summary: string } {
  const leading = LEADING.exec(markdown);
  const rest = leading ? markdown.slice(leading[0].length).trim() : '';
  if (leading && rest && isMarker(leading)) return { breaking: true, summary: rest };
  // `- ⚠️ feat: …` (fast-xml-parser): the warning sign alone marks the item.
  if (/^\s*⚠\uFE0F?\s+\S/.test(markdown)) return { breaking: true, summary: markdown.replace(/^\s*⚠\uFE0F?\s+/, '') };
  if (BRACKETED.test(markdown)) return { breaking: true, summary: markdown.replace(BRACKETED, '').trim() };
  return { breaking: FOOTER.some((pattern) => pattern.test(markdown)) || BANG.test(markdown), summary: markdown };
}

/** Why: "Breaking changes after updating semver" is a sentence, not a marker; "BREAKING Removes…", "**Breaking** …" and "Breaking: …" are. */
function isMarker(match: RegExpExecArray): boolean {
  const [, emoji, boldOpen, bracketOpen, word = '', bracketClose, boldClose, tail = ''] = match;
  const marked = Boolean(emoji || boldOpen || bracketOpen || bracketClose || boldClose);
  return /[:\-–—]/.test(tail) || marked || word === word.toUpperCase();
}

const CONVENTIONAL: Readonly<Record<string, ChangeType>> = {
  feat: 'added',
  feature: 'added',
  fix: 'fixed',
  bugfix: 'fixed',
  perf: 'changed',
  refactor: 'changed',
  revert: 'changed',
  deps: 'changed',
  chore: 'changed',
  docs: 'changed',
  build: 'changed',
  ci: 'changed',
  test: 'changed',
  style: 'changed',
  deprecate: 'deprecated',
  deprecated: 'deprecated',
  remove: 'removed',
  removed: 'removed',
  security: 'security',
  sec: 'security',
};

/** Why: items of a section that says nothing about their type (`What's Changed`, none) often start with one: `fix: …`. */
export function conventionalType(text: string): ChangeType | undefined {
  const type = /^\s*(?:⚠\uFE0F?\s*)?(?:\*\*|__)?([a-z]+)(?:\s*\([^)]*\))?!?(?:\*\*|__)?\s*:/i.exec(text)?.[1]?.toLowerCase();
  // The word is the author's: `constructor: …` must not find a built-in property.
  return type === undefined || !Object.hasOwn(CONVENTIONAL, type) ? undefined : CONVENTIONAL[type];
}

// The first word of an item, as Keep a Changelog's sections are named.
const VERBS: ReadonlyArray<readonly [RegExp, ChangeType]> = [
  [/^(?:fix|fixes|fixed|fixing|bugfix(?:es)?)\b/i, 'fixed'],
  [/^(?:add|adds|added|adding|new)\b/i, 'added'],
  [/^(?:remove|removes|removed|removing|drop|drops|dropped)\b/i, 'removed'],
  [/^deprecat/i, 'deprecated'],
  [/^security\b/i, 'security'],
];

/** Why: an item with no section says what it is by its first word: "Fixed …", "Added …". */
export function verbType(text: string): ChangeType | undefined {
  const start = text.replace(/^[^\p{L}]+/u, '');
  return VERBS.find(([pattern]) => pattern.test(start))?.[1];
}

/** Why: "Thanks to @x", "Special thanks …", or an item of nothing but avatars is a credit, not a change. */
export function isCredit(plain: string, markdown: string): boolean {
  if (/^\s*(?:special\s+)?(?:thanks|thank you|many thanks|kudos|shout-?outs?)\b/i.test(plain)) return true;
  return plain.trim() === '' && /!\[[^\]]*\]\(|<img\b/i.test(markdown);
}

/** Why: a "Breaking Changes & Deprecations" section holds deprecations too; the item says which it is. */
export function saysDeprecated(plain: string): boolean {
  return /\bdeprecat/i.test(plain);
}
