/** `npm run import:changelog -- <CHANGELOG.md> --product <id>`: one release file per version (issue 8). */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { importChangelog } from '../src/lib/import/changelog';
import { runCli } from '../src/lib/import/cli';
import { UserError } from '../src/lib/import/errors';
import { audienceFrom, finishImport, importTarget } from '../src/lib/import/import-run';
import { changelogLists } from '../src/lib/import/report';

const HELP = `Usage: npm run import:changelog -- <CHANGELOG.md> --product <id> [options]

Reads a changelog (Keep a Changelog, release-please, git-cliff, changesets) with remark and
writes <content>/releases/<product>/<version>.md per version. Dated versions become
released with deployment.finishedAt = the date; [Unreleased] becomes a planned release.
Existing release files (.md or .mdx) are never overwritten unless --force is given.

Options:
  --product <id>         hub.yaml product id (required)
  --audience <audience>  internal (default) | public, for every imported release
  --dry-run              print the files and the report, write nothing
  --force                overwrite <version>.md files written by an earlier import
  --content <dir>        content root (default: $HUB_CONTENT_DIR, else ./content)
  -h, --help             show this help

Example:
  npm run import:changelog -- ../web/CHANGELOG.md --product web --dry-run`;

await runCli(async () => {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: {
      product: { type: 'string' },
      audience: { type: 'string' },
      'dry-run': { type: 'boolean' },
      force: { type: 'boolean' },
      content: { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  if (values.help) return void console.log(HELP);
  const [file, ...extra] = positionals;
  if (!file || extra.length > 0) throw new UserError('Give exactly one changelog file.');
  const audience = audienceFrom(values.audience);
  const target = await importTarget(values);
  const source = await readFile(file, 'utf8').catch(() => {
    throw new UserError(`Cannot read ${file}.`);
  });
  const result = importChangelog(source, { product: target.product, audience });
  const headline = `Imported ${result.releases.length} version(s) of ${target.product} from ${path.basename(file)}`;
  console.log(await finishImport({ headline, ...result, lists: changelogLists(result) }, target));
});
