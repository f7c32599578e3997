/** `release-hub announce <product> <version>`: print an announcement draft of a release, for CI to send. */
import { parseArgs } from 'node:util';
import { announcementKindsFor, announcementLinks, buildAnnouncement } from '../../announce/announcement.ts';
import { ANNOUNCEMENT_KINDS } from '../../schemas/vocabulary.ts';
import { ANNOUNCE_FORMATS, renderAnnouncement } from '../../announce/drafts.ts';
import { printProblems } from '../../content/problems.ts';
import { compareVersionsDescending } from '../../core/semver.ts';
import { UserError } from '../../import/errors.ts';
import { resolveBuildNow } from '../../integration/build-now.ts';
import { loadForBuild } from '../../integration/hub-state.ts';
import { loadProject } from '../project.ts';

const HELP = `Usage: release-hub announce <product> <version> --format <format> [options]

Prints an announcement of one release to stdout, the same draft the internal build writes under
/announce/<product>/<version>/. It sends nothing and makes no network call: pipe it to a webhook
in CI, e.g. | curl -X POST -H 'Content-Type: application/json' --data-binary @- "$SLACK_WEBHOOK_URL".

Options:
  --format <format>     slack    Slack Block Kit message (JSON)
                        teams    Microsoft Teams message with an Adaptive Card 1.5 (JSON)
                        email    email HTML (inline styles, no external assets)
                        text     the email's plain-text part
                        eml      both parts as one MIME message (.eml) a mail client opens
                        markdown Markdown
  --audience <who>      internal (default): status, window, owner, risk, changes, rollback plan
                        customer: public changes only (public releases only)
                        exec: a short executive summary
  --content <dir>       content root (default: the releaseHub() content option, else
                        $HUB_CONTENT_DIR, else ./content)
  --root <dir>          the project folder with astro.config.mjs (default: .)
  -h, --help            show this help

Exits 1 with one error line for an unknown product, version, format or audience, and with the
content problems (file:line field: what — fix) when the content root does not validate.

Example:
  release-hub announce web 4.9.0 --format slack --audience customer`;

/** Why: CI posts the hub's own words about a release without building the site. */
export async function runAnnounce(args: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: {
      format: { type: 'string' },
      audience: { type: 'string' },
      content: { type: 'string' },
      root: { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  if (values.help) {
    process.stdout.write(`${HELP}\n`);
    return 0;
  }
  const [product, version, ...extra] = positionals;
  if (!product || !version || extra.length > 0)
    throw new UserError('Give a product and a version: release-hub announce <product> <version> --format <format>.');
  const format = oneOf(values.format, ANNOUNCE_FORMATS, '--format');
  const kind = oneOf(values.audience ?? 'internal', ANNOUNCEMENT_KINDS, '--audience');
  const { project, problems: optionProblems } = await loadProject(values);
  if (!project) {
    printProblems(optionProblems, '');
    return 1;
  }
  const now = resolveBuildNow(process.env, Date.now());
  if (!now.value) {
    printProblems(now.problems, project.settings.displayRoot);
    return 1;
  }
  // The internal view: an announcement reads the whole hub (the customer one cuts it to the public view itself).
  const { hub, problems } = await loadForBuild({ ...project.settings, audience: 'internal' }, project.publicDir, now.value);
  // Problems go to stderr, warnings included; stdout holds the payload only.
  printProblems(problems, project.settings.displayRoot);
  if (!hub || problems.some((problem) => problem.severity === 'error')) return 1;
  if (!hub.config.products.some((candidate) => candidate.id === product)) {
    throw new UserError(`"${product}" is not a product of hub.yaml; the products are ${hub.config.products.map((candidate) => candidate.id).join(', ')}.`);
  }
  const release = hub.releases.find((candidate) => candidate.product === product && candidate.version === version);
  if (!release) {
    const versions = hub.releases
      .filter((candidate) => candidate.product === product)
      .map((candidate) => candidate.version)
      .sort(compareVersionsDescending);
    const newest = versions.length > 0 ? ` (newest: ${versions.slice(0, 5).join(', ')}${versions.length > 5 ? ', …' : ''})` : '';
    throw new UserError(`${product} has no release ${version}${newest}: check the version, or add releases/${product}/${version}.mdx.`);
  }
  const links = announcementLinks(hub.config.url, project.base ?? new URL(hub.config.url).pathname);
  const announcement = buildAnnouncement(hub, release, kind, links);
  if (!announcement) {
    throw new UserError(
      `${release.id} is an internal release: it has no customer announcement (its announcements: ${announcementKindsFor(release).join(', ')}).`,
    );
  }
  process.stdout.write(renderAnnouncement(announcement, format));
  return 0;
}

function oneOf<T extends string>(value: string | undefined, allowed: readonly T[], flag: string): T {
  if (value === undefined) throw new UserError(`${flag} is required: one of ${allowed.join(', ')}.`);
  if (!(allowed as readonly string[]).includes(value)) throw new UserError(`${flag} must be one of ${allowed.join(', ')}; got "${value}".`);
  return value as T;
}
