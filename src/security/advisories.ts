/**
 * Security advisories (issue 20, item 2): every `advisory` of a security change in this build's hub,
 * for `/security/` (an index: per product, how many and the newest few), each product's pages of
 * advisories (newest first, `ADVISORIES_PER_PAGE` a page), the feed and one OSV file each. A public
 * build's hub holds public changes only and no embargoed advisory (src/security/embargo.ts), so this
 * lists exactly what that build may show; the internal build lists every advisory, embargoed ones marked.
 *
 * URLs: `/security/`, `/security/<product>/` and `/security/<product>/page/<n>/` (an anchor per
 * advisory id: `advisoryHref`), `/security/rss.xml`, `/security/atom.xml`, `/security/feed.json`,
 * and `/security/osv/<id>.json`. Feed item ids stay `/security/#<id>`, as they were before the
 * advisories moved to product pages, so readers do not see old advisories again; their links are
 * the advisory's page.
 */
import type { Temporal } from 'temporal-polyfill';
import type { Advisory, AdvisorySeverity, Change, Hub, Release } from '../core/model.ts';
import { compareTimes } from '../core/time.ts';
import { absoluteUrl, pagedPath, releasePath, sitePath } from '../core/urls.ts';
import { markdownForHub } from '../markdown/fields.ts';
import { isoDateTime } from '../presentation/format.ts';
import { FEED_ITEM_LIMIT, feedHtml, feedLocations, type ChangelogFeed } from '../releases/feeds.ts';
import { paginate, previewList, type ListPage, type ListPreview } from '../releases/release-lists.ts';
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

/** Advisories on one page of a product's list: /security/ at 1,000 generated releases was 488 KB with all of them on it. */
export const ADVISORIES_PER_PAGE = 50;

/** Advisories of each product that the index `/security/` shows; the product's pages have them all. */
export const ADVISORY_PREVIEW_COUNT = 3;

/** Why: the security index's URL, also the home page of its feed. */
export function securityPath(): string {
  return sitePath('/security/');
}

/** Why: page n of a product's advisories: `/security/<product>/`, then `…/page/<n>/` like every paged list. */
export function securityProductPath(product: string, page = 1): string {
  return pagedPath(sitePath(`/security/${product}/`), page);
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

/** The advisories of one product. */
export interface ProductAdvisories {
  product: string;
  name: string;
  /** All of them, newest first. */
  entries: AdvisoryEntry[];
  /** What the index shows: the newest `ADVISORY_PREVIEW_COUNT`, and how many there are. */
  newest: ListPreview<AdvisoryEntry>;
}

/** Why: each hub.yaml product's advisories, in hub.yaml order (a product without any says so): the index and the product pages. */
export function advisoriesByProduct(hub: Hub, now: Temporal.Instant): ProductAdvisories[] {
  const entries = securityAdvisories(hub, now);
  return hub.config.products.map((product) => {
    const own = entries.filter((entry) => entry.release.product === product.id);
    return { product: product.id, name: product.name, entries: own, newest: previewList(own, ADVISORY_PREVIEW_COUNT) };
  });
}

/** One pre-rendered page of a product's advisories. */
export interface AdvisoryPage extends ListPage<AdvisoryEntry> {
  product: string;
  name: string;
  /** Its URL (`securityProductPath`). */
  path: string;
}

const pagesByHub = new WeakMap<Hub, { pages: AdvisoryPage[]; hrefs: Map<string, string> }>();

/** Why: every page of every product's advisories (a product without any has one, which says so), once per hub. */
export function advisoryPages(hub: Hub, now: Temporal.Instant): AdvisoryPage[] {
  return advisoryPaging(hub, now).pages;
}

/** Why: links to an advisory (change lists, upgrade paths, the index, feeds, OSV) name the page of its product that lists it. */
export function advisoryHref(hub: Hub, now: Temporal.Instant, product: string, id: string): string {
  return advisoryPaging(hub, now).hrefs.get(advisoryKey(product, id)) ?? `${securityProductPath(product)}#${id}`;
}

function advisoryPaging(hub: Hub, now: Temporal.Instant): { pages: AdvisoryPage[]; hrefs: Map<string, string> } {
  let paging = pagesByHub.get(hub);
  if (!paging) {
    const hrefs = new Map<string, string>();
    const pages = advisoriesByProduct(hub, now).flatMap(({ product, name, entries }) =>
      paginate(entries, ADVISORIES_PER_PAGE).map((slice): AdvisoryPage => {
        const path = securityProductPath(product, slice.page);
        for (const { advisory } of slice.items) {
          const key = advisoryKey(product, advisory.id);
          if (!hrefs.has(key)) hrefs.set(key, `${path}#${advisory.id}`);
        }
        return { ...slice, product, name, path };
      }),
    );
    paging = { pages, hrefs };
    pagesByHub.set(hub, paging);
  }
  return paging;
}

function advisoryKey(product: string, id: string): string {
  return `${product}\u0000${id}`;
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
      const id = `${absoluteUrl(config.url, base)}#${advisory.id}`;
      const url = absoluteUrl(config.url, advisoryHref(hub, now, release.product, advisory.id));
      const time = entry.published?.toInstant() ?? now;
      const fixed = escapeHtml(`${entry.productName} ${advisory.fixed}`);
      const facts = `<p>Affected: <code>${escapeHtml(advisory.affected)}</code>. Fixed in ${entry.fixedIn ? `<a href="${releasePath(entry.fixedIn)}">${fixed}</a>` : fixed}.</p>`;
      const html = [
        markdown.block(entry.change.summary, release.product),
        advisory.details ? markdown.block(advisory.details, release.product) : '',
        facts,
      ].join('');
      return {
        id,
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
