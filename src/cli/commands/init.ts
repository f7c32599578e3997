/** `release-hub init <dir>`: scaffold a team's hub repository; it never overwrites a file. */
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { Temporal } from 'temporal-polyfill';
import { isValidTimeZone } from '../../schemas/grammar.ts';
import { importChangelog } from '../../import/changelog.ts';
import { UserError } from '../../import/errors.ts';
import { writeReleases } from '../../import/write-release.ts';
import { scaffoldFiles } from '../init/scaffold.ts';
import packageJson from '../../../package.json' with { type: 'json' };

const HELP = `Usage: release-hub init <dir> [options]

Makes a new hub repository in <dir> (a new or empty folder): package.json (depending on
release-hub and astro), astro.config.mjs, content/ with two products, a few releases, a
runbook, a RACI matrix, people and a freeze, public/ with a logo, .gitignore, a README and
a GitHub Actions workflow that deploys to GitHub Pages. It installs nothing unless asked.

Options:
  --title <text>            the hub's title (default: "<dir> Release Hub")
  --timezone <zone>         the hub's IANA time zone (default: UTC)
  --from-changelog <file>   import this CHANGELOG.md as the releases of --product
  --product <id>            the product --from-changelog fills: app (default) or api
  --install                 run npm install in <dir> afterwards
  -h, --help                show this help

Example:
  npx release-hub init acme-releases --title "Acme Releases" --timezone Europe/Berlin`;

/** Why: a team starts from a working hub it owns, and upgrades the tool with npm update. */
export async function runInit(args: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: {
      title: { type: 'string' },
      timezone: { type: 'string' },
      'from-changelog': { type: 'string' },
      product: { type: 'string' },
      install: { type: 'boolean' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  if (values.help) {
    process.stdout.write(`${HELP}\n`);
    return 0;
  }
  const [dir, ...extra] = positionals;
  if (!dir || extra.length > 0) throw new UserError('Give exactly one folder: release-hub init <dir>.');
  const target = path.resolve(dir);
  if (existsSync(target) && readdirSync(target).some((entry) => entry !== '.git')) {
    throw new UserError(`${dir} is not empty: init writes only into a new or empty folder, so it never overwrites a file.`);
  }
  const timezone = values.timezone ?? 'UTC';
  if (!isValidTimeZone(timezone)) throw new UserError(`--timezone "${timezone}" is not an IANA time zone: use a name like Europe/Berlin or America/New_York.`);
  const product = values.product ?? 'app';
  if (product !== 'app' && product !== 'api') throw new UserError(`--product must be app or api (the scaffold's products), not "${product}".`);
  const slug =
    path
      .basename(target)
      .toLowerCase()
      .replace(/[^a-z0-9._-]+/g, '-')
      .replace(/^[-._]+|[-._]+$/g, '') || 'release-hub';
  const changelog = values['from-changelog'];
  const files = scaffoldFiles({
    slug,
    title: values.title ?? `${path.basename(target)} Release Hub`,
    timezone,
    today: todayIn(timezone),
    releaseHubVersion: packageJson.version,
    astroRange: packageJson.peerDependencies.astro,
    withoutSampleReleasesOf: changelog ? product : undefined,
  });
  for (const file of files) {
    const full = path.join(target, file.path);
    await mkdir(path.dirname(full), { recursive: true });
    await writeFile(full, file.content, { flag: 'wx' });
  }
  process.stdout.write(`✓ made a release hub in ${dir} (${files.length} files)\n`);
  if (changelog) {
    const text = await readFile(changelog, 'utf8').catch(() => {
      throw new UserError(`Cannot read ${changelog}.`);
    });
    const result = importChangelog(text, { product, audience: 'public' });
    await writeReleases(result.releases, { contentRoot: path.join(target, 'content'), extension: '.md' });
    process.stdout.write(`✓ imported ${result.releases.length} version(s) of ${product} from ${path.basename(changelog)}\n`);
  }
  if (values.install) {
    const npm = spawnSync('npm', ['install'], { cwd: target, stdio: 'inherit' });
    if (npm.status !== 0) throw new UserError(`npm install failed in ${dir}; the files are in place, run npm install there again.`);
  }
  process.stdout.write(`\nNext:\n  cd ${dir}\n${values.install ? '' : '  npm install\n'}  npm run check\n  npm run dev\n`);
  return 0;
}

/** The scaffold's "today": `SOURCE_DATE_EPOCH` when set (reproducible), else the clock, in the hub's zone. */
function todayIn(zone: string): Temporal.PlainDate {
  const epoch = process.env.SOURCE_DATE_EPOCH?.trim();
  const now = epoch && /^\d+$/.test(epoch) ? Temporal.Instant.fromEpochMilliseconds(Number(epoch) * 1000) : Temporal.Now.instant();
  return now.toZonedDateTimeISO(zone).toPlainDate();
}
