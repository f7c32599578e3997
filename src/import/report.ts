/** The plain-text report every importer prints: what was imported, written, and what needs a look. */
import { CHANGE_TYPES } from '../core/model.ts';
import type { ChangelogImport } from './changelog.ts';
import { oneLine, type Anomaly, type UnmappedItem } from './changelog-blocks.ts';
import type { GitImport } from './git.ts';
import type { GithubReleasesImport } from './github-releases.ts';
import { countChanges, type DraftRelease } from './release-draft.ts';
import type { RelativeLink } from './relative-links.ts';
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
  /** What may have put content under the wrong version or lost it: listed first. */
  anomalies?: readonly Anomaly[];
  warnings: readonly string[];
  lists: readonly ReportList[];
}

/** Why: one report layout for every importer, so users learn to read it once. */
export function formatReport(input: ReportInput): string {
  const lines = [input.headline, `Changes: ${changeSummary(input.releases)}`, `Files: ${fileSummary(input.results)}`];
  const undated = input.releases.filter((release) => release.status === 'released' && !release.deployment).length;
  if (undated > 0)
    lines.push(`Undated: ${undated} released version(s) have no date and will NOT appear in the customer changelog, its feeds or the metrics (see Warnings).`);
  lines.push(
    ...input.results
      .filter((result) => result.outcome === 'exists')
      .map(
        (result) => `  skipped ${result.file}${result.existing === result.file ? '' : ` (exists as ${result.existing})`}: ${result.reason ?? 'already exists'}`,
      ),
  );
  const anomalies = (input.anomalies ?? []).map((anomaly) => (anomaly.line > 0 ? `line ${anomaly.line}: ${anomaly.message}` : anomaly.message));
  for (const list of [{ title: 'Anomalies', lines: anomalies }, { title: 'Warnings', lines: [...input.warnings] }, ...input.lists])
    lines.push(...formatList(list));
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

/** Why: the stop line when anomalies were found and not accepted. */
export function anomalyStop(count: number): string {
  return `Stopped: ${count} anomal${count === 1 ? 'y' : 'ies'} (listed above) could put content under the wrong version or lose it, so nothing was written. Check each in the source, fix it there and run again, or re-run with --accept-anomalies to import as shown.`;
}

function relativeLinkLines(links: readonly (RelativeLink & { tag?: string })[]): string[] {
  return links.map((link) => `${link.tag ? `${link.tag}, ` : ''}line ${link.line}: ${link.url}${link.rewritten ? ` -> ${link.rewritten}` : ' (kept)'}`);
}

/** Why: the changelog importer's lists: sections seen, items it could not map, content left out. */
export function changelogLists(result: ChangelogImport): ReportList[] {
  return [
    ...walkLists(result),
    { title: 'Relative links', lines: relativeLinkLines(result.relativeLinks) },
    ...(result.taggedDates.length > 0 ? [{ title: 'Dates from git tags', lines: result.taggedDates }] : []),
    { title: 'Left out on purpose', lines: result.skipped },
  ];
}

/** Why: the lists every importer of Markdown notes shares. */
function walkLists(result: { sections: ChangelogImport['sections']; unmapped: readonly UnmappedItem[] }): ReportList[] {
  const item = (entry: UnmappedItem): string => `${entry.under}, line ${entry.line}: ${entry.reason}: ${oneLine(entry.text)}`;
  return [
    { title: 'Sections', lines: result.sections.map((use) => `"${use.title}" -> ${use.target}: ${use.items} item(s)`) },
    { title: 'Could not map (kept as changed)', lines: result.unmapped.filter((entry) => entry.outcome === 'kept as changed').map(item) },
    { title: 'Not imported', lines: result.unmapped.filter((entry) => entry.outcome === 'not imported').map(item) },
  ];
}

/** Why: the git importer's lists: skipped types, commits it could not parse, authors, tags it ignored. */
export function gitLists(result: GitImport): ReportList[] {
  return [
    { title: 'Skipped commit types', lines: Object.entries(result.skippedTypes).map(([type, count]) => `${type}: ${count}`) },
    { title: 'Commits not imported', lines: result.unparsed.map((commit) => `${commit.tag} ${commit.hash} ${oneLine(commit.subject)} (${commit.reason})`) },
    {
      title: 'Authors',
      lines: result.authors.map(
        (author) =>
          `${author.name} <${author.email}>: ${author.commits} change(s), ${author.person ? `people.yaml ${author.person}` : 'not in people.yaml (no matching email)'}`,
      ),
    },
    { title: 'Tags not imported', lines: result.ignoredTags },
  ];
}

/** Why: the GitHub Releases importer's lists. */
export function githubLists(result: GithubReleasesImport): ReportList[] {
  return [
    ...walkLists(result),
    { title: 'Relative links', lines: relativeLinkLines(result.relativeLinks) },
    { title: 'Releases not imported', lines: result.ignored },
  ];
}
