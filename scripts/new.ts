/** `npm run new -- release <version> --product <id>`: scaffold a release file (issue 8). */
import { parseArgs } from 'node:util';
import { resolveContentRoot, runCli } from '../src/lib/import/cli';
import { UserError } from '../src/lib/import/errors';
import { createRelease } from '../src/lib/import/new-release';

const HELP = `Usage: npm run new -- release <version> --product <id> [options]

Writes <content>/releases/<product>/<version>.mdx with every release field,
set or commented out with what it means. Never overwrites an existing release.

Options:
  --product <id>      hub.yaml product id (required)
  --status <status>   planned (default) | scheduled | in-progress | released | rolled-back | cancelled
  --window <start>    window start, e.g. 2026-05-12T02:00 (local to the hub timezone) or with +02:00;
                      the end is start + cadence durationMinutes from hub.yaml (default 120)
  --content <dir>     content root (default: $HUB_CONTENT_DIR, else ./content)
  -h, --help          show this help

Example:
  npm run new -- release 2.5.0 --product web --window 2026-05-12T02:00`;

await runCli(async () => {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: {
      product: { type: 'string' },
      status: { type: 'string' },
      window: { type: 'string' },
      content: { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  if (values.help) return void console.log(HELP);
  const [kind, version, ...extra] = positionals;
  if (kind !== 'release') throw new UserError(`Expected "release <version>", got "${positionals.join(' ')}".`);
  if (!version || extra.length > 0) throw new UserError('Give exactly one version: new release <version> --product <id>.');
  if (!values.product) throw new UserError('--product <id> is required.');
  const contentRoot = resolveContentRoot(values.content);
  const { file } = await createRelease({ version, product: values.product, status: values.status, window: values.window, contentRoot });
  console.log(`Wrote ${file} in ${contentRoot}`);
});
