/**
 * The Markdown twin of a release page (`/releases/<product>/<version>/index.md`, linked from the
 * page as `rel="alternate" type="text/markdown"`): its facts, summary and changes grouped as on the
 * page, for language models and tools. Written from the build's hub, so each build holds only what
 * it may show: a public build's hub has public releases and changes only and no embargoed advisory;
 * the internal build marks internal changes and embargoed advisories. Text fields are plain text
 * (the safe renderer's `text`), escaped for Markdown, so no user-written HTML or link passes
 * through. The release notes stay on the page (linked). Pure: no Astro imports.
 */
import type { Temporal } from 'temporal-polyfill';
import type { Hub, Release } from '../core/model.ts';
import type { Audience } from '../schemas/vocabulary.ts';
import { absoluteUrl, releasePath } from '../core/urls.ts';
import { markdownForHub } from '../markdown/fields.ts';
import { groupChanges, productName, releaseTime } from '../releases/releases.ts';
import { STATUS_DISPLAY } from '../presentation/status.ts';
import { isoDateTime } from '../presentation/format.ts';
import { SEVERITY_LABELS } from '../security/advisories.ts';
import { isEmbargoed } from '../security/embargo.ts';
import { upgradeLinkOf } from '../upgrade/upgrade-paths.ts';

/** The twin's file name next to a release page's `index.html`. */
export const MARKDOWN_TWIN = 'index.md';

/** Why: the twin's href, next to the release page. */
export function releaseMarkdownPath(release: Pick<Release, 'product' | 'version'>): string {
  return `${releasePath(release)}${MARKDOWN_TWIN}`;
}

/** Why: plain text as Markdown text: one line, with the characters Markdown would read as syntax escaped. */
export function markdownText(text: string): string {
  return text
    .replace(/\s*\n\s*/g, ' ')
    .trim()
    .replace(/[\\`*_[\]<>#|~]/g, (character) => `\\${character}`);
}

/** Why: `index.md` of one release: what its page shows, as Markdown, with only what this build may show. */
export function releaseMarkdown(hub: Hub, release: Release, audience: Audience, now: Temporal.Instant): string {
  const { config } = hub;
  const text = (source: string) => markdownText(markdownForHub(hub).text(source, release.product));
  const url = (path: string) => absoluteUrl(config.url, path);
  const heading = `${productName(hub, release.product)} ${release.version}`;
  const time = releaseTime(release);
  const upgrade = upgradeLinkOf(hub, release);
  const lines = [`# ${markdownText(heading)}${release.title ? `: ${text(release.title)}` : ''}`, ''];
  if (release.summary) lines.push(text(release.summary), '');
  lines.push(`- Status: ${STATUS_DISPLAY[release.status].label}`);
  if (time) lines.push(`- ${release.deployment?.finishedAt ? 'Released' : 'Planned for'}: ${isoDateTime(time.withTimeZone(config.timezone))}`);
  if (audience === 'internal') lines.push(`- Audience: ${release.audience === 'public' ? 'Public (in the changelog)' : 'Internal only'}`);
  if (release.tags.length > 0) lines.push(`- Tags: ${release.tags.map(markdownText).join(', ')}`);
  if (upgrade) lines.push(`- Upgrading: every change from ${release.version} to the latest: ${url(upgrade)}`);
  lines.push(`- Release notes and everything else: ${url(releasePath(release))}`, '');
  const grouped = groupChanges(release.changes);
  if (grouped.groups.length > 0) lines.push('## Changes', '');
  for (const group of grouped.groups) {
    lines.push(`### ${group.label}`, '');
    for (const change of group.changes) {
      const { advisory, removal } = change;
      const notes = [
        change.breaking ? 'breaking' : undefined,
        audience === 'internal' && change.audience === 'internal' ? 'internal' : undefined,
        advisory
          ? `${advisory.id}, ${SEVERITY_LABELS[advisory.severity]}${isEmbargoed(advisory, now) && advisory.disclosedAt ? `, embargoed until ${isoDateTime(advisory.disclosedAt)}` : ''}`
          : undefined,
      ].filter(Boolean);
      const goes = removal
        ? ` Removal: ${[removal.version ? `in ${removal.version}` : undefined, removal.date ? `on ${removal.date.toPlainDate().toString()}` : undefined].filter(Boolean).join(', ')}.`
        : '';
      lines.push(`- ${notes.length > 0 ? `(${notes.join('; ')}) ` : ''}${text(change.summary)}${goes}`);
    }
    lines.push('');
  }
  return `${lines.join('\n').trimEnd()}\n`;
}
