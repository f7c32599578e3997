/**
 * Security advisories (issue 20, item 2): every `advisory` of a security change in this build's hub,
 * for `/security/` (per product, newest first), its feed and one OSV file each. A public build's hub
 * holds public changes only and no embargoed advisory (src/security/embargo.ts), so this lists
 * exactly what that build may show; the internal build lists every advisory, embargoed ones marked.
 *
 * URLs: `/security/` (an anchor per advisory id), `/security/rss.xml`, `/security/atom.xml`,
 * `/security/feed.json`, and `/security/osv/<id>.json`.
 */
import type { Temporal } from 'temporal-polyfill';
import type { Advisory, AdvisorySeverity, Change, Hub, Release } from '../core/model.ts';
import { compareTimes } from '../core/time.ts';
import { absoluteUrl, releasePath, sitePath } from '../core/urls.ts';
import { markdownForHub } from '../markdown/fields.ts';
import { isoDateTime } from '../presentation/format.ts';
import { FEED_ITEM_LIMIT, feedHtml, feedLocations, type ChangelogFeed } from '../releases/feeds.ts';
import { productName, releaseTime } from '../releases/releases.ts';
import { isEmbargoed } from './embargo.ts';

/** Severity labels, as CVSS writes its ratings. */
export const SEVERITY_LABELS: Record<AdvisorySeverity, string> = { low: 'Low', medium: 'Medium', high: 'High', critical: 'Critical' };

/** Severity tones of the hub's badges. */
export const SEVERITY_TONES: Record<AdvisorySeverity, 'neutral' | 'warn' | 'bad'> = { low: 'neutral', medium: 'warn', high: 'bad', critical: 'bad' };

/** One advisory with the change and release it belongs to. */
export interface AdvisoryEntry {
  advisory: Advisory;
  change: Change;
  release: Release;
  productName: string;
  /** The fixing release of the same product, when this build has it. */
  fixedIn?: Release;
  /** When it became (or becomes) public: `disclosedAt`, else the release time; undefined for an undated release. */
  published?: Temporal.ZonedDateTime;
  /** Before `disclosedAt` (only ever true in the internal build). */
  embargoed: boolean;
}

/** Why: the security page's URL, also the home page of its feed. */
export function securityPath(): string {
  return sitePath('/security/');
}

/** Why: one OSV file per advisory, at a URL scanners can be given. */
export function osvPath(id: string): string {
  return sitePath(`/security/osv/${id}.json`);
}

const entriesByHub = new WeakMap<Hub, AdvisoryEntry[]>();

/** Why: every advisory of the build, newest published first (undated ones first, as the furthest ahead), then by id; computed once per hub. */
export function securityAdvisories(hub: Hub, now: Temporal.Instant): AdvisoryEntry[] {
  let entries = entriesByHub.get(hub);
  if (!entries) {
    const byId = new Map(hub.releases.map((release) => [release.id, release]));
    entries = hub.releases
      .flatMap((release) =>
        release.changes.flatMap((change) => {
          const { advisory } = change;
          if (!advisory) return [];
          return [
            {
              advisory,
              change,
              release,
              productName: productName(hub, release.product),
              fixedIn: byId.get(`${release.product}/${advisory.fixed}`),
              published: advisory.disclosedAt ?? releaseTime(release),
              embargoed: isEmbargoed(advisory, now),
            },
          ];
        }),
      )
      .sort(newestFirst);
    entriesByHub.set(hub, entries);
  }
  return entries;
}

function newestFirst(a: AdvisoryEntry, b: AdvisoryEntry): number {
  if (a.published && b.published) {
    const byTime = compareTimes(b.published, a.published);
    if (byTime !== 0) return byTime;
  } else if (a.published || b.published) {
    return a.published ? 1 : -1;
  }
  return a.advisory.id < b.advisory.id ? -1 : a.advisory.id > b.advisory.id ? 1 : 0;
}

/** Why: `/security/` shows the advisories of each hub.yaml product, in hub.yaml order (a product without any says so). */
export function advisoriesByProduct(hub: Hub, now: Temporal.Instant): { product: string; name: string; entries: AdvisoryEntry[] }[] {
  const entries = securityAdvisories(hub, now);
  return hub.config.products.map((product) => ({
    product: product.id,
    name: product.name,
    entries: entries.filter((entry) => entry.release.product === product.id),
  }));
}

/** Why: "CVE-2026-1234 (High): Northwind API 2.4.1" reads well in a feed reader's list; embargoed ones say so (internal build only). */
export function advisoryTitle(entry: AdvisoryEntry, zone: string): string {
  const title = `${entry.advisory.id} (${SEVERITY_LABELS[entry.advisory.severity]}): ${entry.productName} ${entry.advisory.fixed}`;
  return entry.embargoed && entry.advisory.disclosedAt ? `${title}, embargoed until ${isoDateTime(entry.advisory.disclosedAt.withTimeZone(zone))}` : title;
}

/** Why: the security feed is a changelog feed of advisories: the same writers (RSS, Atom, JSON Feed) and the same HTML rules. */
export function securityFeed(hub: Hub, now: Temporal.Instant): ChangelogFeed {
  const { config } = hub;
  const markdown = markdownForHub(hub);
  const base = securityPath();
  const items = securityAdvisories(hub, now)
    .slice(0, FEED_ITEM_LIMIT)
    .map((entry) => {
      const { advisory, release } = entry;
      const url = `${absoluteUrl(config.url, base)}#${advisory.id}`;
      const time = entry.published?.toInstant() ?? now;
      const fixed = escapeHtml(`${entry.productName} ${advisory.fixed}`);
      const facts = `<p>Affected: <code>${escapeHtml(advisory.affected)}</code>. Fixed in ${entry.fixedIn ? `<a href="${releasePath(entry.fixedIn)}">${fixed}</a>` : fixed}.</p>`;
      const html = [
        markdown.block(entry.change.summary, release.product),
        advisory.details ? markdown.block(advisory.details, release.product) : '',
        facts,
      ].join('');
      return {
        id: url,
        url,
        title: advisoryTitle(entry, config.timezone),
        summary: markdown.text(entry.change.summary, release.product),
        contentHtml: feedHtml(html, url),
        published: new Date(time.epochMilliseconds),
        publishedIso: isoDateTime(time.toZonedDateTimeISO(config.timezone)),
        tags: [SEVERITY_LABELS[advisory.severity]],
      };
    });
  return {
    title: `${config.title} security advisories`,
    description: `Security advisories of ${config.products.map((product) => product.name).join(' and ')}, newest first.`,
    ...feedLocations(config.url, base),
    updated: items[0]?.published ?? new Date(0),
    items,
  };
}

function escapeHtml(text: string): string {
  return text.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;').replaceAll('"', '&quot;');
}
