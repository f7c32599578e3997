/**
 * `import:git`: SemVer tags and the Conventional Commits between them into one draft release
 * per tag. git runs through `execFile` (no shell); commits are parsed with
 * conventional-commits-parser and the conventionalcommits preset's parser options.
 * Commits that are not conventional are listed, never dropped silently.
 */
import { execFile } from 'node:child_process';
import { ownValue } from '../core/own.ts';
import { promisify } from 'node:util';
import createPreset from 'conventional-changelog-conventionalcommits';
import { CommitParser, type Commit, type ParserOptions } from 'conventional-commits-parser';
import semver from 'semver';
import type { Audience, ChangeType } from '../core/model.ts';
import { UserError } from './errors.ts';
import type { DraftChange, DraftRelease } from './release-draft.ts';

const run = promisify(execFile);

export interface GitTag {
  name: string;
  version: string;
  /** Tag date (annotated: tagger date; lightweight: commit date), ISO 8601 with offset. */
  date: string;
}

export interface GitCommit {
  hash: string;
  message: string;
}

/** A commit not turned into a change. */
export interface UnparsedCommit {
  tag: string;
  hash: string;
  subject: string;
  reason: string;
}

export interface GitImportOptions {
  repo: string;
  product: string;
  from?: string;
  to?: string;
  audience?: Audience;
}

export interface GitImport {
  releases: DraftRelease[];
  /** Commits of skipped types (docs, chore, ci, test, build, style), counted per type. */
  skippedTypes: Record<string, number>;
  unparsed: UnparsedCommit[];
  /** Tags that are not SemVer and so were not imported. */
  ignoredTags: string[];
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

// Field and record separators that cannot occur in commit messages.
const FIELD = '\x1f';
const RECORD = '\x1e';

/** Why: the one place git runs: argument list, no shell, big buffer for long histories. */
async function git(repo: string, args: readonly string[]): Promise<string> {
  try {
    const { stdout } = await run('git', ['-C', repo, ...args], { maxBuffer: 256 * 1024 * 1024 });
    return stdout;
  } catch (error) {
    const stderr = (error as { stderr?: string }).stderr?.trim();
    throw new UserError(`git ${args[0] ?? ''} failed in ${repo}: ${stderr || String(error)}`);
  }
}

/** Why: releases are the SemVer tags (`v` allowed), oldest first; other tags are reported. */
async function readTags(repo: string): Promise<{ tags: GitTag[]; ignored: string[] }> {
  const out = await git(repo, ['for-each-ref', `--format=%(refname:strip=2)${FIELD}%(creatordate:iso-strict)`, 'refs/tags']);
  const tags: GitTag[] = [];
  const ignored: string[] = [];
  for (const line of out.split('\n').filter(Boolean)) {
    const [name = '', date = ''] = line.split(FIELD);
    const version = name.replace(/^v/, '');
    if (semver.valid(version) === version) tags.push({ name, version, date });
    else ignored.push(name);
  }
  return { tags: tags.sort((a, b) => semver.compare(a.version, b.version)), ignored };
}

/** Why: the commits of one release: after the previous tag, up to and including this one. */
async function readCommits(repo: string, tag: string, previous?: string): Promise<GitCommit[]> {
  const range = previous ? `${previous}..${tag}` : tag;
  const out = await git(repo, ['log', '--no-merges', `--format=%H${FIELD}%B${RECORD}`, range, '--']);
  return out
    .split(RECORD)
    .map((record) => record.replace(/^\n/, ''))
    .filter(Boolean)
    .map((record) => {
      const [hash = '', message = ''] = record.split(FIELD);
      return { hash, message: message.trim() };
    });
}

/** Why: one parser with the conventionalcommits preset's options, reused for every commit. */
function commitParser(): CommitParser {
  const preset = createPreset() as { parser: ParserOptions };
  return new CommitParser(preset.parser);
}

/** Why: maps one parsed commit to a change, a skipped type, or a reason it could not be used. */
function classifyCommit(commit: Commit, hash: string): Outcome {
  const breakingNote = commit.notes.find((note) => /^BREAKING[ -]CHANGE$/i.test(note.title));
  const type = commit.type?.toLowerCase();
  if (commit.revert) return { kind: 'change', change: { type: 'changed', summary: withHash(commit.header ?? '', hash), breaking: Boolean(breakingNote) } };
  if (!type || !commit.subject) return { kind: 'unparsed', reason: 'not a Conventional Commit' };
  // A commit type is the author's word: `constructor: …` must not find a built-in property.
  const mapped = ownValue(TYPES, type);
  if (!mapped) return { kind: 'unparsed', reason: `unknown type "${type}"` };
  if (mapped === 'skip' && !breakingNote) return { kind: 'skipped', type };
  const scope = commit.scope ? `**${commit.scope}:** ` : '';
  const note = breakingNote && breakingNote.text.trim() !== commit.subject.trim() ? `\n\n${breakingNote.text.trim()}` : '';
  const changeType = mapped === 'skip' ? 'changed' : mapped;
  return { kind: 'change', change: { type: changeType, summary: withHash(scope + commit.subject, hash) + note, breaking: Boolean(breakingNote) } };
}

/** Why: the short hash makes each imported change traceable to its commit. */
function withHash(text: string, hash: string): string {
  return `${text} (${hash.slice(0, 7)})`;
}

/** Why: `--from`/`--to` pick a slice of the SemVer tags, both ends included. */
function selectTags(tags: readonly GitTag[], from?: string, to?: string): GitTag[] {
  const index = (name: string | undefined, fallback: number): number => {
    if (name === undefined) return fallback;
    const found = tags.findIndex((tag) => tag.name === name || tag.version === name);
    if (found < 0) throw new UserError(`No SemVer tag "${name}": the repository has ${tags.map((tag) => tag.name).join(', ') || 'none'}.`);
    return found;
  };
  const start = index(from, 0);
  const end = index(to, tags.length - 1);
  if (start > end) throw new UserError(`--from ${from ?? ''} comes after --to ${to ?? ''}.`);
  return tags.slice(start, end + 1);
}

/** Why: the whole git import minus file writing: tags, ranges, parsing, the report lists. */
export async function importGit(options: GitImportOptions): Promise<GitImport> {
  const { tags, ignored } = await readTags(options.repo);
  if (tags.length === 0) throw new UserError(`No SemVer tags (like v1.2.3 or 1.2.3) in ${options.repo}.`);
  const parser = commitParser();
  const result: GitImport = { releases: [], skippedTypes: {}, unparsed: [], ignoredTags: ignored };
  // Newest first, like a changelog; each tag's commits start after the SemVer tag before it.
  for (const tag of selectTags(tags, options.from, options.to).reverse()) {
    const previous = tags[tags.indexOf(tag) - 1];
    const commits = await readCommits(options.repo, tag.name, previous?.name);
    result.releases.push(releaseFor(tag, commits, parser, result, options));
  }
  return result;
}

/** Why: one tag's commits to one draft release, filling the report lists on the way. */
function releaseFor(tag: GitTag, commits: readonly GitCommit[], parser: CommitParser, result: GitImport, options: GitImportOptions): DraftRelease {
  const changes: DraftChange[] = [];
  for (const commit of commits) {
    const outcome = classifyCommit(parser.parse(commit.message), commit.hash);
    if (outcome.kind === 'change') changes.push(outcome.change);
    else if (outcome.kind === 'skipped') result.skippedTypes[outcome.type] = (result.skippedTypes[outcome.type] ?? 0) + 1;
    else result.unparsed.push({ tag: tag.name, hash: commit.hash.slice(0, 7), subject: commit.message.split('\n')[0] ?? '', reason: outcome.reason });
  }
  return {
    version: tag.version,
    product: options.product,
    status: 'released',
    audience: options.audience ?? 'internal',
    deployment: { finishedAt: tag.date },
    changes,
    tags: [],
    body: '',
  };
}
