/** `release-hub new release <version> --product <id>`: scaffold a release file. */
import { parseArgs } from 'node:util';
import { UserError } from '../../import/errors.ts';
import { createRelease } from '../../import/new-release.ts';
import { contentRootOf } from '../project.ts';

const HELP = `Usage: release-hub new release <version> --product <id> [options]

Writes <content>/releases/<product>/<version>.mdx with every release field,
set or commented out with what it means. Never overwrites an existing release.

Options:
  --product <id>      hub.yaml product id (required)
  --status <status>   planned (default) | scheduled | in-progress | released | rolled-back | cancelled
  --window <start>    window start, e.g. 2026-05-12T02:00 (local to the hub timezone) or with +02:00;
                      the end is start + cadence durationMinutes from hub.yaml (default 120)
  --content <dir>     content root (default: the releaseHub() content option, else
                      $HUB_CONTENT_DIR, else ./content)
  -h, --help          show this help

Example:
  release-hub new release 2.5.0 --product web --window 2026-05-12T02:00`;

/** Why: nobody has to remember the release schema to start a release file. */
export async function runNew(args: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: {
      product: { type: 'string' },
      status: { type: 'string' },
      window: { type: 'string' },
      content: { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  if (values.help) {
    process.stdout.write(`${HELP}\n`);
    return 0;
  }
  const [kind, version, ...extra] = positionals;
  if (kind !== 'release') throw new UserError(`Expected "release <version>", got "${positionals.join(' ')}".`);
  if (!version || extra.length > 0) throw new UserError('Give exactly one version: new release <version> --product <id>.');
  if (!values.product) throw new UserError('--product <id> is required.');
  const contentRoot = await contentRootOf(values.content);
  const { file } = await createRelease({ version, product: values.product, status: values.status, window: values.window, contentRoot });
  process.stdout.write(`Wrote ${file} in ${contentRoot}\n`);
  return 0;
}
