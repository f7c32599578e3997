/**
 * `import git`: release tags (`v1.2.3`, or a monorepo's `pkg@1.2.3` / `pkg-v1.2.3` /
 * `--tag-prefix`) and the Conventional Commits between them into one draft release per tag.
 * A final release holds every commit since the previous final release, its pre-releases' too.
 * git runs through `execFile` (no shell); commits are parsed with conventional-commits-parser
 * and the conventionalcommits preset's parser options. Commits that are not conventional are
 * listed, never dropped silently; authors are matched to people.yaml by email.
 */
import { ownValue } from '../core/own.ts';
import createPreset from 'conventional-changelog-conventionalcommits';
import { CommitParser, type Commit, type ParserOptions } from 'conventional-commits-parser';
import semver from 'semver';
import type { Audience, ChangeType } from '../core/model.ts';
import { UserError } from './errors.ts';
import { FIELD, git, readTagRefs, selectTags, type GitTag } from './git-tags.ts';
import type { DraftChange, DraftRelease } from './release-draft.ts';
import { repoRoot } from './relative-links.ts';

export interface GitCommit {
  hash: string;
  message: string;
  author: string;
  email: string;
}

/** A commit not turned into a change. */
export interface UnparsedCommit {
  tag: string;
  hash: string;
  subject: string;
  reason: string;
}

/** A people.yaml entry, for matching commit authors by email. */
export interface KnownPerson {
  id: string;
  name: string;
  email?: string;
}

export interface GitImportOptions {
  repo: string;
  product: string;
  from?: string;
  to?: string;
  audience?: Audience;
  /** Only tags `<prefix><version>` (`web@`, `web-v`). */
  tagPrefix?: string;
  /** Only commits that touch this path (a monorepo package's folder). */
  path?: string;
  /** Web address of the repository: commit hashes become links. */
  repoUrl?: string;
  /** people.yaml, for authors. */
  people?: readonly KnownPerson[];
}

/** One commit author, matched to people.yaml when possible. */
export interface AuthorUse {
  name: string;
  email: string;
  /** people.yaml id, when the email matches. */
  person?: string;
  commits: number;
}

export interface GitImport {
  releases: DraftRelease[];
  /** What tags were read: `tags v1.2.3 / 1.2.3`, `tags web@<version>`. */
  tags: string;
  /** Commits of skipped types (docs, chore, ci, test, build, style), counted per type. */
  skippedTypes: Record<string, number>;
  unparsed: UnparsedCommit[];
  /** Tags that were not imported, with why. */
  ignoredTags: string[];
  authors: AuthorUse[];
}

type Outcome = { kind: 'change'; change: DraftChange } | { kind: 'skipped'; type: string } | { kind: 'unparsed'; reason: string };

const TYPES: Readonly<Record<string, ChangeType | 'skip'>> = {
  feat: 'added',
  feature: 'added',
  fix: 'fixed',
  perf: 'changed',
  refactor: 'changed',
  revert: 'changed',
  deprecate: 'deprecated',
  deprecated: 'deprecated',
  remove: 'removed',
  removed: 'removed',
  security: 'security',
  sec: 'security',
  docs: 'skip',
  chore: 'skip',
  ci: 'skip',
  test: 'skip',
  tests: 'skip',
  build: 'skip',
  style: 'skip',
};

// Record separator that cannot occur in commit messages (the field separator is FIELD).
const RECORD = '\x1e';

/** Why: the commits of one release: after the previous tag, up to and including this one. */
async function readCommits(repo: string, tag: string, previous: string | undefined, path: string | undefined): Promise<GitCommit[]> {
  const range = previous ? `${previous}..${tag}` : tag;
  const out = await git(repo, ['log', '--no-merges', `--format=%H${FIELD}%aN${FIELD}%aE${FIELD}%B${RECORD}`, range, '--', ...(path ? [path] : [])]);
  return out
    .split(RECORD)
    .map((record) => record.replace(/^\n/, ''))
    .filter(Boolean)
    .map((record) => {
      const [hash = '', author = '', email = '', message = ''] = record.split(FIELD);
      return { hash, author, email, message: message.trim() };
    });
}

/** Why: one parser with the conventionalcommits preset's options, reused for every commit. */
function commitParser(): CommitParser {
  const preset = createPreset() as { parser: ParserOptions };
  return new CommitParser(preset.parser);
}

/** Why: maps one parsed commit to a change, a skipped type, or a reason it could not be used. */
function classifyCommit(commit: Commit, ref: string): Outcome {
  const breakingNote = commit.notes.find((note) => /^BREAKING[ -]CHANGE$/i.test(note.title));
  const type = commit.type?.toLowerCase();
  if (commit.revert) return { kind: 'change', change: { type: 'changed', summary: `${commit.header ?? ''} ${ref}`, breaking: Boolean(breakingNote) } };
  if (!type || !commit.subject) return { kind: 'unparsed', reason: 'not a Conventional Commit' };
  // A commit type is the author's word: `constructor: …` must not find a built-in property.
  const mapped = ownValue(TYPES, type);
  if (!mapped) return { kind: 'unparsed', reason: `unknown type "${type}"` };
  if (mapped === 'skip' && !breakingNote) return { kind: 'skipped', type };
  const scope = commit.scope ? `**${commit.scope}:** ` : '';
  const note = breakingNote && breakingNote.text.trim() !== commit.subject.trim() ? `\n\n${breakingNote.text.trim()}` : '';
  const changeType = mapped === 'skip' ? 'changed' : mapped;
  return { kind: 'change', change: { type: changeType, summary: `${scope}${commit.subject} ${ref}${note}`, breaking: Boolean(breakingNote) } };
}

/** Why: the short hash makes each imported change traceable to its commit; with `--repo-url` it links there. */
function commitRef(hash: string, root: string | undefined): string {
  const short = hash.slice(0, 7);
  return root ? `([${short}](${root}/commit/${hash}))` : `(${short})`;
}

/** Why: `--from`/`--to` pick a slice of the release tags, both ends included. */
function sliceTags(tags: readonly GitTag[], from?: string, to?: string): GitTag[] {
  const index = (name: string | undefined, fallback: number): number => {
    if (name === undefined) return fallback;
    const found = tags.findIndex((tag) => tag.name === name || tag.version === name);
    if (found < 0) throw new UserError(`No release tag "${name}": the repository has ${tags.map((tag) => tag.name).join(', ') || 'none'}.`);
    return found;
  };
  const start = index(from, 0);
  const end = index(to, tags.length - 1);
  if (start > end) throw new UserError(`--from ${from ?? ''} comes after --to ${to ?? ''}.`);
  return tags.slice(start, end + 1);
}

/** Why: a final release starts after the previous final release (its pre-releases' commits are its own too); a pre-release after the tag before it. */
function previousTag(tags: readonly GitTag[], tag: GitTag): GitTag | undefined {
  const before = tags.slice(0, tags.indexOf(tag));
  if (semver.prerelease(tag.version)) return before.at(-1);
  return before.findLast((candidate) => !semver.prerelease(candidate.version));
}

/** Why: the whole git import minus file writing: tags, ranges, parsing, the report lists. */
export async function importGit(options: GitImportOptions): Promise<GitImport> {
  const selection = selectTags(await readTagRefs(options.repo), options.tagPrefix);
  const { tags } = selection;
  if (tags.length === 0) {
    const what = options.tagPrefix === undefined ? 'release tags (like v1.2.3, 1.2.3, pkg@1.2.3 or pkg-v1.2.3)' : `tags ${options.tagPrefix}<version>`;
    throw new UserError(`No ${what} in ${options.repo}.`);
  }
  const parser = commitParser();
  const root = options.repoUrl === undefined ? undefined : repoRoot(options.repoUrl);
  const authors = new Map<string, AuthorUse>();
  const result: GitImport = { releases: [], tags: selection.described, skippedTypes: {}, unparsed: [], ignoredTags: selection.ignored, authors: [] };
  // Newest first, like a changelog.
  for (const tag of sliceTags(tags, options.from, options.to).reverse()) {
    const commits = await readCommits(options.repo, tag.name, previousTag(tags, tag)?.name, options.path);
    result.releases.push(releaseFor(tag, commits, { parser, root, authors, result, options }));
  }
  result.authors = [...authors.values()].sort((a, b) => b.commits - a.commits || a.name.localeCompare(b.name, 'en'));
  return result;
}

interface ReleaseContext {
  parser: CommitParser;
  root: string | undefined;
  authors: Map<string, AuthorUse>;
  result: GitImport;
  options: GitImportOptions;
}

/** Why: one tag's commits to one draft release, filling the report lists on the way. */
function releaseFor(tag: GitTag, commits: readonly GitCommit[], context: ReleaseContext): DraftRelease {
  const { result, options } = context;
  const changes: DraftChange[] = [];
  const credited: string[] = [];
  for (const commit of commits) {
    const outcome = classifyCommit(context.parser.parse(commit.message), commitRef(commit.hash, context.root));
    if (outcome.kind === 'change') {
      changes.push(outcome.change);
      const author = authorOf(commit, context);
      if (!credited.includes(author)) credited.push(author);
    } else if (outcome.kind === 'skipped') result.skippedTypes[outcome.type] = (result.skippedTypes[outcome.type] ?? 0) + 1;
    else result.unparsed.push({ tag: tag.name, hash: commit.hash.slice(0, 7), subject: commit.message.split('\n')[0] ?? '', reason: outcome.reason });
  }
  return {
    version: tag.version,
    product: options.product,
    status: 'released',
    audience: options.audience ?? 'internal',
    deployment: { finishedAt: tag.date },
    changes,
    tags: semver.prerelease(tag.version) ? ['prerelease'] : [],
    body: credited.length > 0 ? `**Contributors:** ${[...credited].sort((a, b) => a.localeCompare(b, 'en')).join(', ')}.` : '',
    importedFrom: `git tag ${tag.name}`,
  };
}

/** Why: a commit author by their people.yaml name when the email matches, else as git has them; counted for the report. */
function authorOf(commit: GitCommit, context: ReleaseContext): string {
  const email = commit.email.toLowerCase();
  const person = context.options.people?.find((candidate) => candidate.email?.toLowerCase() === email);
  const key = person ? `person:${person.id}` : `email:${email}`;
  const use = context.authors.get(key) ?? { name: person?.name ?? commit.author, email: commit.email, ...(person ? { person: person.id } : {}), commits: 0 };
  use.commits += 1;
  context.authors.set(key, use);
  return use.name;
}
