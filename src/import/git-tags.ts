/**
 * Release tags as teams write them: `v1.2.3`, `1.2.3`, and in monorepos `pkg@1.2.3`,
 * `@scope/pkg@1.2.3`, `pkg-v1.2.3` or `pkg/v1.2.3`, or any `--tag-prefix`. Read with
 * `git for-each-ref` (no shell); shared by `import git`, `import changelog --dates-from-git`
 * and `import github-releases`.
 */
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import semver from 'semver';
import { UserError } from './errors.ts';

const run = promisify(execFile);

/** Field separator that cannot occur in tag names or dates. */
export const FIELD = '\x1f';

/** What a tag name says. */
export interface TagName {
  name: string;
  /** `''` for `v1.2.3` and `1.2.3`; else the package (`web`, `@acme/web`). */
  pkg: string;
  version: string;
}

export interface GitTag extends TagName {
  /** Tag date (annotated: tagger date; lightweight: commit date), ISO 8601 with offset. */
  date: string;
}

/** The tags of one package, and the rest. */
export interface TagSelection {
  tags: GitTag[];
  /** What was selected, for the report: `v1.2.3 tags`, `tags web@1.2.3`. */
  described: string;
  /** Tags that are not releases of this package, with why. */
  ignored: string[];
}

const FORMS = [/^(?<pkg>(?:@[\w.-]+\/)?[\w.-]+)@v?(?<version>\d.*)$/, /^(?<pkg>[\w.@/-]+?)[-/]v(?<version>\d.*)$/, /^v?(?<version>\d.*)$/];

/** Why: one reading of a tag name in every importer; a `--tag-prefix` overrides the forms. */
export function parseTagName(name: string, prefix?: string): TagName | undefined {
  if (prefix !== undefined) {
    if (!name.startsWith(prefix)) return undefined;
    const version = name.slice(prefix.length).replace(/^v(?=\d)/, '');
    return semver.valid(version) === version ? { name, pkg: prefix, version } : undefined;
  }
  for (const form of FORMS) {
    const groups = form.exec(name)?.groups;
    const version = groups?.version;
    if (version !== undefined && semver.valid(version) === version) return { name, pkg: groups?.pkg ?? '', version };
  }
  return undefined;
}

/** Why: the one place git runs: argument list, no shell, big buffer for long histories. */
export async function git(repo: string, args: readonly string[]): Promise<string> {
  try {
    const { stdout } = await run('git', ['-C', repo, ...args], { maxBuffer: 256 * 1024 * 1024 });
    return stdout;
  } catch (error) {
    const stderr = (error as { stderr?: string }).stderr?.trim();
    throw new UserError(`git ${args[0] ?? ''} failed in ${repo}: ${stderr || String(error)}`);
  }
}

/** Why: every tag of the repository with its date, before any selection. */
export async function readTagRefs(repo: string): Promise<{ name: string; date: string }[]> {
  const out = await git(repo, ['for-each-ref', `--format=%(refname:strip=2)${FIELD}%(creatordate:iso-strict)`, 'refs/tags']);
  return out
    .split('\n')
    .filter(Boolean)
    .map((line) => {
      const [name = '', date = ''] = line.split(FIELD);
      return { name, date };
    });
}

/**
 * Why: the release tags of one package, oldest first. With `--tag-prefix` only those; without it
 * the plain tags (`v1.2.3`), else the one package there is; several packages and no prefix is an error.
 */
export function selectTags(refs: readonly { name: string; date: string }[], prefix?: string): TagSelection {
  const parsed = refs.map((ref) => ({ ref, tag: parseTagName(ref.name, prefix) }));
  const packages = [...new Set(parsed.flatMap(({ tag }) => (tag ? [tag.pkg] : [])))].sort();
  let pkg = prefix;
  if (pkg === undefined) {
    if (packages.includes('') || packages.length === 0) pkg = '';
    else if (packages.length === 1) pkg = packages[0] ?? '';
    else {
      const counts = packages.map(
        (name) => `${name} (${parsed.filter(({ tag }) => tag?.pkg === name).length} tags, e.g. ${parsed.find(({ tag }) => tag?.pkg === name)?.ref.name ?? ''})`,
      );
      throw new UserError(
        `The tags belong to ${packages.length} packages: ${counts.join(', ')}. Pass --tag-prefix with the one to import, e.g. --tag-prefix ${exampleName(parsed.find(({ tag }) => tag?.pkg === packages[0])?.ref.name ?? '')}.`,
      );
    }
  }
  const tags: GitTag[] = [];
  const ignored: string[] = [];
  for (const { ref, tag } of parsed) {
    if (tag && tag.pkg === pkg) tags.push({ ...tag, date: ref.date });
    else {
      const other = tag ?? parseTagName(ref.name);
      ignored.push(other ? `${ref.name} (another package: ${other.pkg || 'plain v1.2.3 tags'})` : `${ref.name} (not a SemVer release tag)`);
    }
  }
  tags.sort((a, b) => semver.compare(a.version, b.version));
  const described = prefix !== undefined ? `tags ${prefix}<version>` : pkg ? `tags of ${pkg} (${tags[0]?.name ?? ''}, …)` : 'tags v1.2.3 / 1.2.3';
  return { tags, described, ignored: ignored.sort() };
}

/** Why: the prefix to suggest for a tag like `web@1.2.3` or `web-v1.2.3`. */
function exampleName(name: string): string {
  const tag = parseTagName(name);
  return tag ? name.slice(0, name.length - tag.version.length).replace(/v$/, '') : name;
}

/** Why: `import changelog --dates-from-git`: the release time of each version, from its tag. */
export async function tagDates(repo: string, prefix?: string): Promise<{ dates: Map<string, { date: string; tag: string }>; described: string }> {
  const selection = selectTags(await readTagRefs(repo), prefix);
  return { dates: new Map(selection.tags.map((tag) => [tag.version, { date: tag.date, tag: tag.name }])), described: selection.described };
}
