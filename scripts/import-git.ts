/** `npm run import:git -- --repo <path> --product <id>`: one draft release per SemVer tag (issue 8). */
import { parseArgs } from 'node:util';
import { runCli } from '../src/lib/import/cli';
import { UserError } from '../src/lib/import/errors';
import { importGit } from '../src/lib/import/git';
import { audienceFrom, finishImport, importTarget } from '../src/lib/import/import-run';
import { gitLists } from '../src/lib/import/report';

const HELP = `Usage: npm run import:git -- --repo <path> --product <id> [options]

Reads the SemVer tags of a git repository (v1.2.3 or 1.2.3) and the Conventional Commits
between consecutive tags, and writes <content>/releases/<product>/<version>.md per tag:
status released, deployment.finishedAt = the tag date. feat -> added, fix -> fixed,
perf/refactor/revert -> changed, deprecate -> deprecated, remove -> removed,
security/sec -> security, "!" or a BREAKING CHANGE footer -> breaking: true;
docs/chore/ci/test/build/style are skipped and counted. Merge commits are left out.
Commits that are not Conventional Commits are listed in the report.

Options:
  --repo <path>          the git repository (required)
  --product <id>         hub.yaml product id (required)
  --from <tag>           first tag to import (default: the oldest); its commits start after the tag before it
  --to <tag>             last tag to import (default: the newest)
  --audience <audience>  internal (default) | public
  --dry-run              print the files and the report, write nothing
  --force                overwrite <version>.md files written by an earlier import
  --content <dir>        content root (default: $HUB_CONTENT_DIR, else ./content)
  -h, --help             show this help

Example:
  npm run import:git -- --repo ../web --product web --from v2.0.0 --dry-run`;

await runCli(async () => {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: {
      repo: { type: 'string' },
      product: { type: 'string' },
      from: { type: 'string' },
      to: { type: 'string' },
      audience: { type: 'string' },
      'dry-run': { type: 'boolean' },
      force: { type: 'boolean' },
      content: { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  if (values.help) return void console.log(HELP);
  if (positionals.length > 0) throw new UserError(`Unexpected argument "${positionals[0] ?? ''}".`);
  if (!values.repo) throw new UserError('--repo <path> is required.');
  const audience = audienceFrom(values.audience);
  const target = await importTarget(values);
  const result = await importGit({ repo: values.repo, product: target.product, from: values.from, to: values.to, audience });
  const headline = `Imported ${result.releases.length} tag(s) of ${values.repo} as ${target.product} releases`;
  console.log(await finishImport({ headline, releases: result.releases, warnings: [], lists: gitLists(result) }, target));
});
