/**
 * `/llms.txt` and `/llms-full.txt` (the llms.txt convention, https://llmstxt.org/): a Markdown index
 * of the hub's customer-facing pages and data for language models, and the whole customer changelog
 * as one Markdown file. Both are written from the changelog entries and advisories of the build's
 * hub, so each build holds only what it may show: public releases and changes, and disclosed
 * advisories (embargoed ones are left out in both builds, as on the changelog). Pure: no Astro imports.
 */
import type { Temporal } from 'temporal-polyfill';
import type { Hub } from '../core/model.ts';
import { absoluteUrl, apiPath, changelogFeedPath, changelogPath, icsPath, releasePath, upgradeJsonPath } from '../core/urls.ts';
import { changelogEntries } from '../releases/changelog.ts';
import { SEVERITY_LABELS, securityAdvisories, securityPath } from '../security/advisories.ts';
import { isoDateTime } from '../presentation/format.ts';
import { roadmapPath } from '../roadmap/roadmap.ts';
import { MARKDOWN_TWIN, releaseMarkdownPath } from './release-markdown.ts';

/** The two files, as hub paths. */
export const LLMS_FILES = { index: '/llms.txt', full: '/llms-full.txt' } as const;

/** One line of Markdown from text that may hold line breaks (a summary written over several lines). */
function oneLine(text: string): string {
  return text.replace(/\s*\n\s*/g, ' ').trim();
}

/** Why: `/llms.txt`: what the hub is and where its customer-facing pages and data are, as llms.txt's sections of links. */
export function llmsIndex(hub: Hub): string {
  const { config } = hub;
  const url = (path: string) => absoluteUrl(config.url, path);
  const names = config.products.map((product) => product.name).join(' and ');
  const lines = [
    `# ${oneLine(config.title)}`,
    '',
    `> ${oneLine(config.description ?? `Releases, changelog and security advisories of ${names}.`)}`,
    '',
    `The customer changelog lists public releases that shipped, newest first, with their public changes. Every version has an upgrade path to the latest, and security fixes have advisories with OSV records. The whole changelog as one Markdown file: ${url(LLMS_FILES.full)}. Every release page has a Markdown twin: \`${MARKDOWN_TWIN}\` after its URL.`,
    '',
    '## Changelog',
    '',
    `- [All products](${url(changelogPath())}): every public release, newest first`,
    ...config.products.map((product) => `- [${product.name}](${url(changelogPath(product.id))}): the ${product.name} changelog`),
    `- [JSON Feed](${url(changelogFeedPath('json'))}): the newest changelog entries as JSON Feed 1.1`,
    '',
    '## Upgrades',
    '',
    ...config.products.map(
      (product) =>
        `- [${product.name} upgrade steps](${url(upgradeJsonPath(product.id))}): every version and its changes, grouped breaking, security, deprecations, other`,
    ),
    '',
    '## Security',
    '',
    `- [Security advisories](${url(securityPath())}): per product, newest first, each with an OSV record`,
    '',
    '## Roadmap',
    '',
    `- [Roadmap](${url(roadmapPath())}): public releases in progress, scheduled and planned, per product`,
    '',
    '## Optional',
    '',
    `- [Releases as JSON](${url(apiPath('releases'))}): every release of this build with all its fields`,
    `- [Release calendar](${url(icsPath())}): release windows as iCalendar`,
    `- [Full changelog](${url(LLMS_FILES.full)}): every changelog entry in Markdown`,
  ];
  return `${lines.join('\n')}\n`;
}

/** Why: `/llms-full.txt`: every changelog entry in Markdown, newest first, with its advisories, so a model reads the history in one file. */
export function llmsFull(hub: Hub, now: Temporal.Instant): string {
  const { config } = hub;
  // A customer view: embargoed advisories (only ever in the internal build's hub) are left out, as on the changelog.
  const advisories = new Map(securityAdvisories(hub, now).flatMap((entry) => (entry.embargoed ? [] : [[entry.change, entry.advisory] as const])));
  const lines = [`# ${oneLine(config.title)}: changelog`, '', `> Every public release that shipped, newest first, with its public changes.`, ''];
  for (const entry of changelogEntries(hub)) {
    const { release } = entry;
    lines.push(`## ${entry.productName} ${release.version}${release.title ? `: ${oneLine(release.title)}` : ''}`, '');
    lines.push(
      `Released ${isoDateTime(entry.time.withTimeZone(config.timezone))}${entry.rolledBack ? ' (rolled back)' : ''}. ${absoluteUrl(config.url, releasePath(release))} (as Markdown: ${absoluteUrl(config.url, releaseMarkdownPath(release))})`,
      '',
    );
    if (release.summary) lines.push(oneLine(release.summary), '');
    for (const group of entry.changes.groups) {
      lines.push(`### ${group.label}`, '');
      for (const change of group.changes) {
        const advisory = advisories.get(change);
        const notes = [change.breaking ? 'breaking' : undefined, advisory ? `${advisory.id}, ${SEVERITY_LABELS[advisory.severity]}` : undefined].filter(
          Boolean,
        );
        lines.push(`- ${notes.length > 0 ? `(${notes.join('; ')}) ` : ''}${oneLine(change.summary)}`);
      }
      lines.push('');
    }
  }
  if (lines.length === 4) lines.push('No public releases yet.', '');
  return `${lines.join('\n').trimEnd()}\n`;
}
