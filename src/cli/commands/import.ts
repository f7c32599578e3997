/**
 * `release-hub import changelog <file>`, `import git --repo <path>` and
 * `import github-releases <file.json>`: one release file per version.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { importChangelog } from '../../import/changelog.ts';
import { UserError } from '../../import/errors.ts';
import { importGit } from '../../import/git.ts';
import { tagDates } from '../../import/git-tags.ts';
import { importGithubReleases, readGithubReleases } from '../../import/github-releases.ts';
import { readPeople } from '../../import/hub-products.ts';
import { audienceFrom, finishImport, importTarget, type ImportOutcome, type ImportTarget } from '../../import/import-run.ts';
import { linkContext } from '../../import/relative-links.ts';
import { changelogLists, githubLists, gitLists } from '../../import/report.ts';
import { contentRootOf } from '../project.ts';

const HELP = `Usage: release-hub import changelog <CHANGELOG.md> --product <id> [options]
       release-hub import git --repo <path> --product <id> [options]
       release-hub import github-releases <releases.json> --product <id> [options]

changelog: reads a changelog (Keep a Changelog, release-please, git-cliff, changesets, or kept by
  hand: versions as headings "## v1.2.3 (2024-01-02)", bold lines "**1.2.3 / 2024-01-02**" or list
  items "- 1.2.3 (2024-01-02)") and writes <content>/releases/<product>/<version>.md per version.
  Dated versions become released with deployment.finishedAt = the date; [Unreleased] becomes a
  planned release. Undated versions never reach the customer changelog: give --dates-from-git.
git: reads the release tags of a repository (v1.2.3, 1.2.3, pkg@1.2.3, pkg-v1.2.3) and the
  Conventional Commits between consecutive tags: feat -> added, fix -> fixed,
  perf/refactor/revert -> changed, deprecate -> deprecated, remove -> removed, security/sec ->
  security, "!" or a BREAKING CHANGE footer -> breaking. docs/chore/ci/test/build/style are skipped
  and counted; merge commits are left out; commits that are not Conventional Commits are listed.
  A final release also holds the commits of its pre-releases.
github-releases: reads the JSON that \`gh api repos/<owner>/<repo>/releases --paginate\` writes,
  offline: notes, dates, pre-release and draft state (drafts become planned and internal).

Anything that could put content under the wrong version or lose it (a heading that names no
version, a section title that names one, a release with far more changes than its neighbours,
a date that cannot be read) is listed as an anomaly, and the import stops without writing
(exit 1) unless --accept-anomalies is given.

Existing releases (anywhere under releases/, .md or .mdx) are never overwritten; --force replaces
only .md files an earlier import wrote (they carry importedFrom), never a hand-written one.

Options:
  --product <id>          hub.yaml product id (required)
  --audience <audience>   internal (default) | public, for every imported release
  --repo-url <url>        the repository's web address (https://github.com/acme/web): relative
                          links in the notes are rewritten against it, commits link to it
  --tag-prefix <prefix>   only tags <prefix><version>, e.g. web@ or web-v (monorepos)
  --accept-anomalies      write even though anomalies were found
  --dry-run               print the files and the report, write nothing
  --force                 replace .md files written by an earlier import
  --content <dir>         content root (default: the releaseHub() content option, else
                          $HUB_CONTENT_DIR, else ./content)
  -h, --help              show this help
changelog:
  --dates-from-git <repo> dates for undated versions from the repository's tags
git:
  --repo <path>           the repository (required)
  --from <tag>            first tag to import (default: the oldest)
  --to <tag>              last tag to import (default: the newest)
  --path <dir>            only commits that touch this folder (a monorepo package)

Examples:
  release-hub import changelog ../web/CHANGELOG.md --product web --repo-url https://github.com/acme/web --dry-run
  release-hub import changelog ../ui/CHANGELOG.md --product ui --dates-from-git ../ui --tag-prefix ui@
  release-hub import git --repo ../web --product web --from v2.0.0 --repo-url https://github.com/acme/web
  gh api repos/acme/web/releases --paginate > releases.json
  release-hub import github-releases releases.json --product web`;

type Values = Record<string, string | boolean | undefined>;

/** Why: a team starts its hub from the history it already has. */
export async function runImport(args: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: {
      product: { type: 'string' },
      repo: { type: 'string' },
      from: { type: 'string' },
      to: { type: 'string' },
      path: { type: 'string' },
      audience: { type: 'string' },
      'repo-url': { type: 'string' },
      'tag-prefix': { type: 'string' },
      'dates-from-git': { type: 'string' },
      'accept-anomalies': { type: 'boolean' },
      'dry-run': { type: 'boolean' },
      force: { type: 'boolean' },
      content: { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  if (values.help) {
    process.stdout.write(`${HELP}\n`);
    return 0;
  }
  const [source, ...rest] = positionals;
  const only = (allowed: string[]): void => {
    const misplaced = ['repo', 'from', 'to', 'path', 'dates-from-git'].find(
      (name) => values[name as keyof typeof values] !== undefined && !allowed.includes(name),
    );
    if (misplaced) throw new UserError(`--${misplaced} does not apply to "import ${source ?? ''}" (see --help).`);
  };
  if (source === 'changelog') {
    only(['dates-from-git']);
    return runChangelog(onlyFile(rest, 'changelog <CHANGELOG.md>'), values);
  }
  if (source === 'git') {
    only(['repo', 'from', 'to', 'path']);
    if (rest.length > 0) throw new UserError(`Unexpected argument "${rest[0] ?? ''}".`);
    return runGit(values);
  }
  if (source === 'github-releases') {
    only([]);
    return runGithub(onlyFile(rest, 'github-releases <releases.json>'), values);
  }
  throw new UserError(
    `Expected "import changelog <file>", "import git --repo <path>" or "import github-releases <file.json>", got "${positionals.join(' ')}".`,
  );
}

function onlyFile(rest: string[], usage: string): string {
  const [file, ...extra] = rest;
  if (!file || extra.length > 0) throw new UserError(`Give exactly one file: import ${usage} --product <id>.`);
  return file;
}

async function targetOf(values: Values): Promise<{ target: ImportTarget; audience: ReturnType<typeof audienceFrom> }> {
  const audience = audienceFrom(values.audience as string | undefined);
  const content = await contentRootOf(values.content as string | undefined);
  return { target: await importTarget({ ...values, content } as Parameters<typeof importTarget>[0]), audience };
}

async function readText(file: string): Promise<string> {
  return readFile(file, 'utf8').catch(() => {
    throw new UserError(`Cannot read ${file}.`);
  });
}

/** Why: writes what the import found, prints the report, and says so loudly when versions have no date. */
async function finish(outcome: ImportOutcome, target: ImportTarget): Promise<number> {
  const { text, code } = await finishImport(outcome, target);
  process.stdout.write(`${text}\n`);
  const undated = outcome.releases.filter((release) => release.status === 'released' && !release.deployment).length;
  if (undated > 0)
    process.stderr.write(`warning: ${undated} released version(s) have no date: they will not appear in the customer changelog, its feeds or the metrics.\n`);
  if (code !== 0)
    process.stderr.write(
      `error: ${outcome.anomalies?.length ?? 0} anomal${outcome.anomalies?.length === 1 ? 'y' : 'ies'} found; nothing was written (see the report, or pass --accept-anomalies).\n`,
    );
  return code;
}

async function runChangelog(file: string, values: Values): Promise<number> {
  const { target, audience } = await targetOf(values);
  const text = await readText(file);
  const datesRepo = values['dates-from-git'] as string | undefined;
  if (values['tag-prefix'] !== undefined && datesRepo === undefined)
    throw new UserError('--tag-prefix applies to "import changelog" only with --dates-from-git <repo>.');
  const dates = datesRepo === undefined ? undefined : await tagDates(datesRepo, values['tag-prefix'] as string | undefined);
  const result = importChangelog(text, {
    product: target.product,
    audience,
    importedFrom: path.basename(file),
    links: linkContext(values['repo-url'] as string | undefined),
    tagDates: dates?.dates,
  });
  const from = dates ? ` (dates from ${datesRepo}: ${dates.described})` : '';
  const headline = `Imported ${result.releases.length} version(s) of ${target.product} from ${path.basename(file)}${from}`;
  if (result.releases.length === 0) {
    throw new UserError(
      `No versions found in ${file}: expected headings like "## 1.2.3" or "## [1.2.3] - 2024-01-02", lines like "**1.2.3 / 2024-01-02**", or list items like "- 1.2.3 (2024-01-02)".`,
    );
  }
  return finish({ headline, ...result, lists: changelogLists(result) }, target);
}

async function runGit(values: Values): Promise<number> {
  const repo = values.repo as string | undefined;
  if (!repo) throw new UserError('--repo <path> is required.');
  const { target, audience } = await targetOf(values);
  const result = await importGit({
    repo,
    product: target.product,
    from: values.from as string | undefined,
    to: values.to as string | undefined,
    audience,
    tagPrefix: values['tag-prefix'] as string | undefined,
    path: values.path as string | undefined,
    repoUrl: values['repo-url'] as string | undefined,
    people: await readPeople(target.contentRoot),
  });
  const headline = `Imported ${result.releases.length} tag(s) of ${repo} as ${target.product} releases (${result.tags})`;
  return finish({ headline, releases: result.releases, warnings: [], lists: gitLists(result) }, target);
}

async function runGithub(file: string, values: Values): Promise<number> {
  const { target, audience } = await targetOf(values);
  const entries = readGithubReleases(await readText(file), file);
  const result = importGithubReleases(entries, {
    product: target.product,
    audience,
    tagPrefix: values['tag-prefix'] as string | undefined,
    repoUrl: values['repo-url'] as string | undefined,
  });
  const headline = `Imported ${result.releases.length} GitHub release(s) of ${target.product} from ${path.basename(file)}`;
  if (result.releases.length === 0) throw new UserError(`No releases of ${target.product} in ${file}: ${result.ignored.join('; ')}.`);
  return finish({ headline, ...result, lists: githubLists(result) }, target);
}
