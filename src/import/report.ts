/** The plain-text report both importers print: what was imported, written, and what needs a look. */
import { CHANGE_TYPES } from '../core/model.ts';
import type { ChangelogImport, UnmappedItem } from './changelog.ts';
import type { GitImport } from './git.ts';
import { countChanges, type DraftRelease } from './release-draft.ts';
import type { WriteResult } from './write-release.ts';

/** A titled list in the report; empty lists print as "none". */
export interface ReportList {
  title: string;
  lines: string[];
}

export interface ReportInput {
  /** First line, e.g. `Imported 16 versions of web from CHANGELOG.md`. */
  headline: string;
  releases: readonly DraftRelease[];
  results: readonly WriteResult[];
  warnings: readonly string[];
  lists: readonly ReportList[];
}

/** Why: one report layout for both importers, so users learn to read it once. */
export function formatReport(input: ReportInput): string {
  const lines = [input.headline, `Changes: ${changeSummary(input.releases)}`, `Files: ${fileSummary(input.results)}`];
  lines.push(
    ...input.results
      .filter((result) => result.outcome === 'exists')
      .map((result) => `  skipped ${result.file}${result.existing === result.file ? '' : ` (exists as ${result.existing})`}: already exists`),
  );
  for (const list of [{ title: 'Warnings', lines: [...input.warnings] }, ...input.lists]) lines.push(...formatList(list));
  return lines.join('\n');
}

/** Why: per-type counts in Keep a Changelog order, plus breaking. */
function changeSummary(releases: readonly DraftRelease[]): string {
  const counts = countChanges(releases);
  const total = CHANGE_TYPES.reduce((sum, type) => sum + counts[type], 0);
  return `${total} (${CHANGE_TYPES.map((type) => `${type} ${counts[type]}`).join(', ')}; breaking ${counts.breaking})`;
}

/** Why: how many files were written, would be written, or already existed. */
function fileSummary(results: readonly WriteResult[]): string {
  const count = (outcome: WriteResult['outcome']): number => results.filter((result) => result.outcome === outcome).length;
  const parts = [
    [count('written'), 'written'],
    [count('overwritten'), 'overwritten (--force)'],
    [count('dry-run'), 'would be written (--dry-run)'],
    [count('exists'), 'skipped (already exist)'],
  ] as const;
  return (
    parts
      .filter(([n]) => n > 0)
      .map(([n, what]) => `${n} ${what}`)
      .join(', ') || 'none'
  );
}

/** Why: a titled, counted, indented list. */
function formatList(list: ReportList): string[] {
  if (list.lines.length === 0) return [`${list.title}: none`];
  return [`${list.title} (${list.lines.length}):`, ...list.lines.map((line) => `  - ${line}`)];
}

/** Why: long Markdown items shortened to one line for the report. */
function oneLine(text: string, max = 100): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > max ? `${flat.slice(0, max - 1)}…` : flat;
}

/** Why: the changelog importer's lists: sections seen, items it could not map, content left out. */
export function changelogLists(result: ChangelogImport): ReportList[] {
  const item = (entry: UnmappedItem): string => `${entry.under}, line ${entry.line}: ${entry.reason}: ${oneLine(entry.text)}`;
  return [
    { title: 'Sections', lines: result.sections.map((use) => `"${use.title}" -> ${use.target}: ${use.items} item(s)`) },
    { title: 'Could not map (kept as changed)', lines: result.unmapped.filter((entry) => entry.outcome === 'kept as changed').map(item) },
    { title: 'Not imported', lines: result.unmapped.filter((entry) => entry.outcome === 'not imported').map(item) },
    { title: 'Left out on purpose', lines: result.skipped },
  ];
}

/** Why: the git importer's lists: skipped types, commits it could not parse, tags it ignored. */
export function gitLists(result: GitImport): ReportList[] {
  return [
    { title: 'Skipped commit types', lines: Object.entries(result.skippedTypes).map(([type, count]) => `${type}: ${count}`) },
    { title: 'Commits not imported', lines: result.unparsed.map((commit) => `${commit.tag} ${commit.hash} ${oneLine(commit.subject)} (${commit.reason})`) },
    { title: 'Tags ignored (not SemVer)', lines: result.ignoredTags },
  ];
}
