/**
 * The hub's files that are not pages: Markdown twins and social cards of releases, calendars, JSON
 * documents, OSV records, metrics CSV, announcement and digest drafts. Each is defined once here,
 * by its route pattern: the dev server serves it through an Astro route (src/runtime/file-route.ts),
 * and a build writes them all from one build-only route (src/files/write-hub-files.ts), which
 * spares Astro's work per route. Feeds and the upgrade JSON stay Astro routes, because they read
 * the compiled release notes. No Astro imports.
 */
import { announcementLinks } from '../announce/announcement.ts';
import { DRAFT_FORMAT_FILES, draftFiles, releasesToAnnounce } from '../announce/drafts.ts';
import { buildIcs } from '../calendar/ics.ts';
import { calendarName } from '../calendar/view.ts';
import type { BuildContext } from '../core/model.ts';
import { absoluteUrl, releasePath } from '../core/urls.ts';
import { DIGEST_FILES, messageDigestsOf } from '../digest/digest.ts';
import { announcementEml, announcementPlainText } from '../announce/email.ts';
import { llmsFull, llmsIndex } from '../llms/llms-txt.ts';
import { releaseMarkdown } from '../llms/release-markdown.ts';
import { buildMetricsSite } from '../metrics/page.ts';
import { formatJson, jsonDocument } from '../presentation/json.ts';
import { environmentsDocument } from '../process/environments.ts';
import { releaseAttention } from '../process/attention.ts';
import { releasePages, releasesDocument } from '../releases/releases.ts';
import { securityAdvisories } from '../security/advisories.ts';
import { osvRecord } from '../security/osv.ts';
import { socialCardEntries, socialCardSvg } from '../social/card.ts';
import { usageDocument } from '../usage/view.ts';
import { widgetData } from '../widget/widget-data.ts';

/** One file of a build. */
export interface HubFile {
  /** The route's parameters, as Astro's `getStaticPaths` gives them (none for a route without any). */
  params: Record<string, string>;
  /** The `Content-Type` the dev server sends. */
  contentType: string;
  /** The file's content, made when it is written, so a build never holds every file at once. */
  body(): string | Uint8Array | Promise<string | Uint8Array>;
}

/** The files of one route pattern in one build. */
export type HubFileRoute = (context: BuildContext) => HubFile[];

const JSON_TYPE = 'application/json; charset=utf-8';
const TEXT_TYPE = 'text/plain; charset=utf-8';

/** Why: one table of the hub's files, read by the dev server's routes and by the build's one writer alike. */
export const HUB_FILE_ROUTES = {
  '/releases/[product]/[version]/index.md': ({ hub, audience, now }) =>
    releasePages(hub).map(({ params, release }) => ({
      params,
      contentType: 'text/markdown; charset=utf-8',
      body: () => releaseMarkdown(hub, release, audience, now),
    })),
  // Rasterised by sharp (libvips: the same bytes for the same SVG and fonts), loaded only where a card is made.
  '/releases/[product]/[version]/card.png': ({ hub }) =>
    [...socialCardEntries(hub).values()].map((entry) => ({
      params: { product: entry.release.product, version: entry.release.version },
      contentType: 'image/png',
      body: async () => {
        const { default: sharp } = await import('sharp');
        return new Uint8Array(
          await sharp(Buffer.from(socialCardSvg(hub, entry)))
            .png({ compressionLevel: 9 })
            .toBuffer(),
        );
      },
    })),
  '/calendar.ics': ({ hub, now }) => [calendarFile({ hub, now })],
  '/calendar/[product].ics': ({ hub, now }) => hub.config.products.map((product) => calendarFile({ hub, now }, product.id)),
  '/api/releases.json': ({ hub, audience, now }) => [
    {
      params: {},
      contentType: JSON_TYPE,
      body: () => {
        const attentionOf = audience === 'internal' ? (release: { id: string }) => releaseAttention(hub, now, release.id) : undefined;
        return jsonDocument(releasesDocument(hub, audience, (path) => absoluteUrl(hub.config.url, path), attentionOf));
      },
    },
  ],
  '/security/osv/[id].json': ({ hub, now }) =>
    securityAdvisories(hub, now).map((entry) => ({
      params: { id: entry.advisory.id },
      contentType: JSON_TYPE,
      body: () => jsonDocument(osvRecord(hub, entry, now)),
    })),
  '/llms.txt': ({ hub }) => [{ params: {}, contentType: TEXT_TYPE, body: () => llmsIndex(hub) }],
  '/llms-full.txt': ({ hub, now }) => [{ params: {}, contentType: TEXT_TYPE, body: () => llmsFull(hub, now) }],
  '/widget.json': ({ hub }) => [{ params: {}, contentType: JSON_TYPE, body: () => jsonDocument(widgetData(hub)) }],
  // The document the metrics pages are built from (computed once per build).
  '/api/metrics.json': ({ hub, now }) => [{ params: {}, contentType: JSON_TYPE, body: () => formatJson(buildMetricsSite(hub, now).document) }],
  '/api/environments.json': ({ hub, now }) => [
    {
      params: {},
      contentType: JSON_TYPE,
      body: () => jsonDocument(environmentsDocument(hub, now, (release) => absoluteUrl(hub.config.url, releasePath(release)))),
    },
  ],
  '/api/usage.json': ({ hub }) => [
    { params: {}, contentType: JSON_TYPE, body: () => formatJson(usageDocument(hub, (path) => absoluteUrl(hub.config.url, path))) },
  ],
  // Each chart's data table as CSV, the rows and columns of the table under the chart.
  '/metrics/csv/[...file]': ({ hub, audience, now }) =>
    audience === 'internal'
      ? buildMetricsSite(hub, now).csv.map((csv) => ({ params: { file: csv.file }, contentType: 'text/csv; charset=utf-8', body: () => csv.text }))
      : [],
  // A digest as an email (multipart: the text part and the inline-styled HTML) and its text part, for a CI step to send.
  '/digest/[kind]/[id]/[file]': (context) =>
    messageDigestsOf(context).flatMap(({ period, message }) => [
      { params: { kind: period.kind, id: period.id, file: DIGEST_FILES.eml }, contentType: 'message/rfc822', body: () => announcementEml(message) },
      { params: { kind: period.kind, id: period.id, file: DIGEST_FILES.text }, contentType: TEXT_TYPE, body: () => announcementPlainText(message) },
    ]),
  // The announcement drafts of the releases `releasesToAnnounce` picks, each kind in each format (internal only).
  '/announce/[product]/[version]/[file]': ({ hub, audience, now }) => {
    if (audience !== 'internal') return [];
    // The hrefs of core/urls.ts carry the base path already.
    const links = announcementLinks(hub.config.url);
    return releasesToAnnounce(hub, now).flatMap((release) =>
      draftFiles(hub, release, links).map((draft) => ({
        params: { product: release.product, version: release.version, file: draft.name },
        contentType: DRAFT_FORMAT_FILES[draft.format].contentType,
        body: () => draft.text,
      })),
    );
  },
} satisfies Record<string, HubFileRoute>;

/** A route pattern of one of the hub's files. */
export type HubFilePattern = keyof typeof HUB_FILE_ROUTES;

/** Why: `/calendar.ics` and `/calendar/<product>.ics`: this build's hub (already cut to its audience) as RFC 5545. */
function calendarFile({ hub, now }: Pick<BuildContext, 'hub' | 'now'>, product?: string): HubFile {
  return {
    params: product === undefined ? {} : { product },
    contentType: 'text/calendar; charset=utf-8',
    body: () => buildIcs(hub, { now, siteUrl: hub.config.url, calendarName: calendarName(hub.config, product), ...(product === undefined ? {} : { product }) }),
  };
}

/**
 * Why: where Astro would write a file of a route, relative to the output folder: the pattern with
 * its parameters filled in (`/security/osv/[id].json` → `security/osv/GHSA-….json`).
 */
export function hubFilePath(pattern: string, params: Record<string, string>): string {
  return pattern.slice(1).replace(/\[(?:\.\.\.)?([^\]]+)\]/g, (_, name: string) => {
    const value = Object.hasOwn(params, name) ? params[name] : undefined;
    if (value === undefined || value === '') throw new Error(`${pattern}: no value for its parameter ${name}`);
    return value;
  });
}
