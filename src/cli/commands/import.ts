/** `release-hub import changelog <file>` and `release-hub import git --repo <path>`: one release file per version. */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { importChangelog } from '../../import/changelog.ts';
import { UserError } from '../../import/errors.ts';
import { importGit } from '../../import/git.ts';
import { audienceFrom, finishImport, importTarget } from '../../import/import-run.ts';
import { changelogLists, gitLists } from '../../import/report.ts';
import { contentRootOf } from '../project.ts';

const HELP = `Usage: release-hub import changelog <CHANGELOG.md> --product <id> [options]
       release-hub import git --repo <path> --product <id> [options]

changelog: reads a changelog (Keep a Changelog, release-please, git-cliff, changesets) and
  writes <content>/releases/<product>/<version>.md per version. Dated versions become released
  with deployment.finishedAt = the date; [Unreleased] becomes a planned release.
git: reads the SemVer tags of a repository (v1.2.3 or 1.2.3) and the Conventional Commits between
  consecutive tags: feat -> added, fix -> fixed, perf/refactor/revert -> changed,
  deprecate -> deprecated, remove -> removed, security/sec -> security, "!" or a BREAKING CHANGE
  footer -> breaking. docs/chore/ci/test/build/style are skipped and counted; merge commits are
  left out; commits that are not Conventional Commits are listed in the report.

Existing release files (.md or .mdx) are never overwritten unless --force is given.

Options:
  --product <id>         hub.yaml product id (required)
  --repo <path>          git: the repository (required)
  --from <tag>           git: first tag to import (default: the oldest)
  --to <tag>             git: last tag to import (default: the newest)
  --audience <audience>  internal (default) | public, for every imported release
  --dry-run              print the files and the report, write nothing
  --force                overwrite <version>.md files written by an earlier import
  --content <dir>        content root (default: the releaseHub() content option, else
                         $HUB_CONTENT_DIR, else ./content)
  -h, --help             show this help

Examples:
  release-hub import changelog ../web/CHANGELOG.md --product web --dry-run
  release-hub import git --repo ../web --product web --from v2.0.0`;

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
      audience: { type: 'string' },
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
  const audience = audienceFrom(values.audience);
  const content = await contentRootOf(values.content);
  if (source === 'changelog') {
    const [file, ...extra] = rest;
    if (!file || extra.length > 0) throw new UserError('Give exactly one changelog file: import changelog <CHANGELOG.md> --product <id>.');
    const target = await importTarget({ ...values, content });
    const text = await readFile(file, 'utf8').catch(() => {
      throw new UserError(`Cannot read ${file}.`);
    });
    const result = importChangelog(text, { product: target.product, audience });
    const headline = `Imported ${result.releases.length} version(s) of ${target.product} from ${path.basename(file)}`;
    process.stdout.write(`${await finishImport({ headline, ...result, lists: changelogLists(result) }, target)}\n`);
    return 0;
  }
  if (source === 'git') {
    if (rest.length > 0) throw new UserError(`Unexpected argument "${rest[0] ?? ''}".`);
    if (!values.repo) throw new UserError('--repo <path> is required.');
    const target = await importTarget({ ...values, content });
    const result = await importGit({ repo: values.repo, product: target.product, from: values.from, to: values.to, audience });
    const headline = `Imported ${result.releases.length} tag(s) of ${values.repo} as ${target.product} releases`;
    process.stdout.write(`${await finishImport({ headline, releases: result.releases, warnings: [], lists: gitLists(result) }, target)}\n`);
    return 0;
  }
  throw new UserError(`Expected "import changelog <file>" or "import git --repo <path>", got "${positionals.join(' ')}".`);
}
