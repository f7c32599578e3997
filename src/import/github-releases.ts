/**
 * `import github-releases <file.json>`: the JSON that `gh api repos/<owner>/<repo>/releases
 * --paginate` writes (one array per page, one after the other; `--slurp` output and a single
 * array work too), read offline. Each release keeps its notes, date, pre-release flag and draft
 * state; its notes are read like one version of a changelog (`changelog-walk.ts`).
 */
import semver from 'semver';
import type { Audience } from '../core/model.ts';
import { parseVersionHeading, type VersionLine } from './changelog-headings.ts';
import { sectionWarnings } from './changelog.ts';
import { bodyText, type Anomaly, type SectionUse, type UnmappedItem } from './changelog-blocks.ts';
import { walkBody } from './changelog-walk.ts';
import { UserError } from './errors.ts';
import { selectTags } from './git-tags.ts';
import { parseMarkdown } from './markdown-source.ts';
import type { DraftRelease } from './release-draft.ts';
import { linkContext, repoRoot, type RelativeLink } from './relative-links.ts';

/** The fields of a GitHub release the import reads (REST API, "List releases"). */
export interface GithubRelease {
  tag_name: string;
  name: string | null;
  body: string | null;
  draft: boolean;
  prerelease: boolean;
  created_at: string;
  published_at: string | null;
  html_url: string;
}

export interface GithubReleasesOptions {
  product: string;
  audience?: Audience;
  /** Only tags `<prefix><version>` (a monorepo's `web@`). */
  tagPrefix?: string;
  /** Web address of the repository; default: the one the releases' `html_url` names. */
  repoUrl?: string;
}

export interface GithubReleasesImport {
  releases: DraftRelease[];
  warnings: string[];
  anomalies: Anomaly[];
  unmapped: UnmappedItem[];
  sections: SectionUse[];
  /** Releases not imported (other packages, tags that are not SemVer, repeated versions), with why. */
  ignored: string[];
  /** Relative links in the notes, with the release they are in. */
  relativeLinks: (RelativeLink & { tag: string })[];
}

/** Why: `--paginate` writes `[…][…]`: split the text into its JSON values before parsing each. */
export function parseJsonValues(text: string, file: string): unknown[] {
  const values: unknown[] = [];
  let depth = 0;
  let start = -1;
  let inString = false;
  for (let index = 0; index < text.length; index++) {
    const char = text[index];
    if (inString) {
      if (char === '\\') index++;
      else if (char === '"') inString = false;
      continue;
    }
    if (char === '"') inString = true;
    else if (char === '[' || char === '{') {
      if (depth === 0) start = index;
      depth++;
    } else if (char === ']' || char === '}') {
      depth--;
      if (depth === 0) values.push(parseValue(text.slice(start, index + 1), file, lineAt(text, start)));
      if (depth < 0) throw new UserError(`${file}:${lineAt(text, index)}: unexpected "${char}": not the JSON that gh api … --paginate writes.`);
    } else if (depth === 0 && char !== undefined && !/\s/.test(char)) {
      throw new UserError(`${file}:${lineAt(text, index)}: unexpected "${char}" between JSON values: not the JSON that gh api … --paginate writes.`);
    }
  }
  if (depth !== 0)
    throw new UserError(
      `${file}: the JSON ends before its last ${text.trimStart().startsWith('[') ? 'array' : 'object'} is closed (was the download cut off?).`,
    );
  return values;
}

function parseValue(text: string, file: string, line: number): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch (error) {
    throw new UserError(`${file}:${line}: not valid JSON: ${(error as Error).message}.`);
  }
}

function lineAt(text: string, index: number): number {
  return text.slice(0, index).split('\n').length;
}

/** Why: pages of arrays, a `--slurp`ed array of pages, one array or one release: always a flat list. */
function flatten(values: readonly unknown[]): unknown[] {
  return values.flatMap((value) => (Array.isArray(value) ? flatten(value) : [value]));
}

/** Why: every entry is checked before anything is written, and every problem is named at once. */
export function readGithubReleases(text: string, file: string): GithubRelease[] {
  const entries = flatten(parseJsonValues(text, file));
  if (entries.length === 0) throw new UserError(`${file} holds no releases.`);
  const problems: string[] = [];
  const releases: GithubRelease[] = [];
  entries.forEach((entry, index) => {
    const found = problemsOf(entry);
    if (found.length === 0) releases.push(entry as GithubRelease);
    const tag = typeof (entry as { tag_name?: unknown })?.tag_name === 'string' ? ` (${(entry as { tag_name: string }).tag_name})` : '';
    problems.push(...found.map((problem) => `  release ${index + 1}${tag}: ${problem}`));
  });
  if (problems.length > 0) {
    throw new UserError(`${file} is not the JSON of \`gh api repos/<owner>/<repo>/releases --paginate\`:\n${problems.join('\n')}`);
  }
  return releases;
}

/** Why: names each missing or mistyped field of one entry. */
function problemsOf(entry: unknown): string[] {
  if (typeof entry !== 'object' || entry === null) return ['is not an object'];
  const record = entry as Record<string, unknown>;
  const problems: string[] = [];
  const expect = (key: string, ok: (value: unknown) => boolean, what: string): void => {
    if (!ok(record[key])) problems.push(`${key} ${record[key] === undefined ? 'is missing' : 'is not'} ${what}`.replace('is missing ', 'is missing: '));
  };
  const isText = (value: unknown) => typeof value === 'string' && value.trim() !== '';
  const isTime = (value: unknown) => typeof value === 'string' && !Number.isNaN(Date.parse(value)) && /^\d{4}-\d{2}-\d{2}T/.test(value);
  expect('tag_name', isText, 'a tag name');
  expect('name', (value) => value === null || typeof value === 'string', 'text or null');
  expect('body', (value) => value === null || value === undefined || typeof value === 'string', 'text or null');
  expect('draft', (value) => typeof value === 'boolean', 'true or false');
  expect('prerelease', (value) => typeof value === 'boolean', 'true or false');
  expect('created_at', isTime, 'a time like 2024-03-05T17:00:00Z');
  expect('published_at', (value) => value === null || isTime(value), 'a time like 2024-03-05T17:00:00Z, or null');
  expect('html_url', isText, 'a URL');
  return problems;
}

/** Why: the whole import minus file I/O: select the package's releases, read each one's notes. */
export function importGithubReleases(entries: readonly GithubRelease[], options: GithubReleasesOptions): GithubReleasesImport {
  const selection = selectTags(
    entries.map((entry) => ({ name: entry.tag_name, date: entry.published_at ?? entry.created_at })),
    options.tagPrefix,
  );
  const result: GithubReleasesImport = { releases: [], warnings: [], anomalies: [], unmapped: [], sections: [], ignored: selection.ignored, relativeLinks: [] };
  const seen = new Set<string>();
  const sections = new Map<string, SectionUse>();
  let credits = 0;
  for (const tag of [...selection.tags].sort((a, b) => semver.rcompare(a.version, b.version))) {
    const entry = entries.find((candidate) => candidate.tag_name === tag.name);
    if (!entry) continue;
    if (seen.has(tag.version)) {
      result.ignored.push(`${entry.tag_name} (version ${tag.version} again: the first release of it is imported)`);
      continue;
    }
    seen.add(tag.version);
    const read = readRelease(entry, tag.version, options);
    result.releases.push(read.release);
    result.anomalies.push(...read.anomalies);
    result.unmapped.push(...read.unmapped.map((item) => ({ ...item, under: `${entry.tag_name}` })));
    result.relativeLinks.push(...read.links.map((link) => ({ ...link, tag: entry.tag_name })));
    for (const use of read.sections) {
      const key = `${use.title}\n${use.target}`;
      const total = sections.get(key) ?? { ...use, items: 0 };
      total.items += use.items;
      sections.set(key, total);
    }
    credits += read.credits;
  }
  result.sections = [...sections.values()];
  result.warnings.push(...sectionWarnings(result.sections));
  if (credits > 0) result.warnings.push(`${credits} credit item(s) ("Thanks to …", avatar lists) kept in the release bodies, not imported as changes.`);
  const drafts = result.releases.filter((release) => release.tags.includes('draft'));
  if (drafts.length > 0) {
    result.warnings.push(
      `${drafts.length} draft release(s) imported as planned and internal (a draft is not published): ${drafts.map((release) => release.version).join(', ')}.`,
    );
  }
  return result;
}

/** Why: one GitHub release as a draft release: title, status, date, tags and the notes read as changes and body. */
function readRelease(entry: GithubRelease, version: string, options: GithubReleasesOptions) {
  const notes = (entry.body ?? '').replace(/\r\n?/g, '\n');
  const root = repoRoot(options.repoUrl ?? entry.html_url.replace(/\/releases\/.*$/, ''));
  const links = linkContext(`${root}/blob/${encodeURI(entry.tag_name)}/`);
  const heading: VersionLine = { kind: 'version', version, written: entry.tag_name, coerced: false, yanked: false, breaking: false, prefix: '' };
  const walk = walkBody(parseMarkdown(notes), notes, heading, links);
  const block = walk.blocks[0];
  const title = titleOf(entry.name, entry.tag_name, version);
  const release: DraftRelease = {
    version,
    product: options.product,
    ...(title ? { title } : {}),
    status: entry.draft ? 'planned' : 'released',
    audience: entry.draft ? 'internal' : (options.audience ?? 'internal'),
    deployment: entry.draft ? undefined : { finishedAt: entry.published_at ?? entry.created_at },
    changes: block?.changes ?? [],
    tags: [...(entry.draft ? ['draft'] : []), ...(entry.prerelease ? ['prerelease'] : [])],
    body: block ? bodyText(block.body) : '',
    importedFrom: `GitHub release ${entry.tag_name}`,
  };
  const anomalies = walk.anomalies.map((anomaly) => ({ line: anomaly.line, message: `${entry.tag_name}: ${anomaly.message}` }));
  return { release, anomalies, unmapped: walk.unmapped, sections: [...walk.sections.values()], credits: walk.credits, links: [...links.found.values()] };
}

/** Why: a release named only by its tag has no title; "v2.0.0 – Faster exports" has "Faster exports". */
function titleOf(name: string | null, tag: string, version: string): string | undefined {
  const trimmed = name?.trim();
  if (!trimmed || trimmed === tag || trimmed === version) return undefined;
  const heading = parseVersionHeading(trimmed);
  if (heading?.kind === 'version' && heading.version === version) return heading.title;
  return trimmed;
}
