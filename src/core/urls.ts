/**
 * Every URL of the hub (SPEC §3), defined once; pages, feeds, ICS, JSON and search use these.
 * Each is an href from the host's root, with the hub's base path: a hub deployed under a path
 * (`https://acme.github.io/releases/`) links inside itself.
 */
import type { Release } from './model.ts';

/**
 * The hub's base path, `/` or e.g. `/releases/`: written into the routes' bundle by the
 * integration's Vite plugin (a compile-time constant, unlike `import.meta.env`, which a build's
 * environment can change); `/` outside an Astro build (the CLI, unit tests).
 */
export const BASE_PATH: string = typeof __RELEASE_HUB_BASE__ === 'string' ? __RELEASE_HUB_BASE__ : '/';

/** Why: every path written in the hub (`/runbooks/x/`, a logo `/logo.svg`) is served under the base path. */
export function sitePath(hubPath: string): string {
  return BASE_PATH === '/' || !hubPath.startsWith('/') ? hubPath : `${BASE_PATH.slice(0, -1)}${hubPath}`;
}

/** Why: the dashboard is the hub's home page. */
export function homePath(): string {
  return sitePath('/');
}

/** Why: the search page; `?q=` deep-links a query. */
export function searchPath(): string {
  return sitePath('/search/');
}

/** Why: the list page of an internal section (`/runbooks/`, `/raci/`, `/people/`, `/metrics/`). */
export function sectionPath(section: 'runbooks' | 'raci' | 'people' | 'metrics'): string {
  return sitePath(`/${section}/`);
}

/** Why: the machine-readable documents under `/api/`. */
export function apiPath(document: 'releases' | 'metrics' | 'environments' | 'usage'): string {
  return sitePath(`/api/${document}.json`);
}

/** Why: the changelog feeds, of all products or one. */
export function changelogFeedPath(format: 'rss' | 'atom' | 'json', product?: string): string {
  return `${changelogPath(product)}${format === 'rss' ? 'rss.xml' : format === 'atom' ? 'atom.xml' : 'feed.json'}`;
}

/** Why: the search UI loads Pagefind's script from the index the build wrote. */
export function pagefindPath(): string {
  return sitePath('/pagefind/');
}

/** Why: the release page path, also the base of ICS URLs and feed links. */
export function releasePath(release: Pick<Release, 'product' | 'version'>): string {
  return sitePath(`/releases/${release.product}/${release.version}/`);
}

/** Why: the customer changelog of all products or of one. */
export function changelogPath(product?: string): string {
  return sitePath(product ? `/changelog/${product}/` : '/changelog/');
}

/** Why: the changelog's tags: the index `/changelog/tags/`, and one tag's feed folder `/changelog/tags/<slug>/` (src/releases/tags.ts). */
export function changelogTagsPath(slug?: string): string {
  return sitePath(slug ? `/changelog/tags/${slug}/` : '/changelog/tags/');
}

/** Why: the page "upgrade from this version to the latest" of a product (src/upgrade/upgrade-paths.ts). */
export function upgradePagePath(release: Pick<Release, 'product' | 'version'>): string {
  return sitePath(`/changelog/${release.product}/upgrade/${release.version}/`);
}

/** Why: a product's upgrade steps as JSON, for tools. */
export function upgradeJsonPath(product: string): string {
  return sitePath(`/api/upgrade/${product}.json`);
}

/** Why: the anchor of a version on a changelog page (a permalink per version). */
export function changelogAnchor(release: Pick<Release, 'product' | 'version'>): string {
  return `${release.product}-${release.version.replace(/[^a-zA-Z0-9-]/g, '-')}`;
}

export function runbookPath(id: string): string {
  return sitePath(`/runbooks/${id}/`);
}

export function raciPath(id: string): string {
  return sitePath(`/raci/${id}/`);
}

export function personPath(id: string): string {
  return sitePath(`/people/${id}/`);
}

/** Why: page n of a paginated sub-list: page 1 at `base`, then `<base>page/<n>/`, like the release listing and changelog. */
export function pagedPath(base: string, page = 1): string {
  return page > 1 ? `${base}page/${page}/` : base;
}

/** Why: all releases using a RACI matrix, paginated; the matrix page shows the newest few. */
export function raciReleasesPath(id: string, page = 1): string {
  return pagedPath(`${raciPath(id)}releases/`, page);
}

/** Why: all releases using a runbook, paginated; the runbook page shows the newest few. */
export function runbookReleasesPath(id: string, page = 1): string {
  return pagedPath(`${runbookPath(id)}releases/`, page);
}

/** Why: all releases a person owns, paginated; the person's page shows the newest few. */
export function personReleasesPath(id: string, page = 1): string {
  return pagedPath(`${personPath(id)}releases/`, page);
}

/** Why: the calendar opens on the month of the next window; `/calendar/<product>/` for one product. */
export function calendarPath(product?: string): string {
  return sitePath(product ? `/calendar/${product}/` : '/calendar/');
}

/** Why: month pages of the calendar are `/calendar/<yyyy>-<mm>/`, and `/calendar/<product>/<yyyy>-<mm>/` for one product. */
export function calendarMonthPath(monthKey: string, product?: string): string {
  return `${calendarPath(product)}${monthKey}/`;
}

/** Why: a product's usage page (internal): its heatmap, quietest windows and busy windows. */
export function usagePath(product: string): string {
  return sitePath(`/usage/${product}/`);
}

/** Why: calendar subscriptions, all products or one. */
export function icsPath(product?: string): string {
  return sitePath(product ? `/calendar/${product}.ics` : '/calendar.ics');
}

/** Why: feeds, ICS and JSON need absolute URLs: an href of this module on the host of hub.yaml `url`. */
export function absoluteUrl(siteUrl: string, href: string): string {
  return new URL(href, `${siteUrl.replace(/\/+$/, '')}/`).toString();
}

/**
 * Why: a view of the metrics: `/metrics/` (all time, all products), `/metrics/<period>/` and
 * `/metrics/<period>/<product>/` (`all-time` too, for one product). Periods are fixed words, so a
 * product id never takes their place.
 */
export function metricsViewPath(period: string, product?: string): string {
  if (period === 'all-time' && !product) return sectionPath('metrics');
  return sitePath(`/metrics/${period}/${product ? `${product}/` : ''}`);
}

/** Why: the releases behind one metric of one view, paginated: `/metrics/<metric>/<period>/[<product>/][page/<n>/]`. */
export function metricsDrillPath(metric: string, period: string, product?: string, page = 1): string {
  return pagedPath(sitePath(`/metrics/${metric}/${period}/${product ? `${product}/` : ''}`), page);
}

/** Why: a chart's data table as CSV: `/metrics/csv/<period>/[<product>/]<chart>.csv`. */
export function metricsCsvPath(period: string, chart: string, product?: string): string {
  return sitePath(`/metrics/csv/${period}/${product ? `${product}/` : ''}${chart}.csv`);
}

/** Why: the announcement drafts (internal builds): the list at `/announce/`, one release's files under `/announce/<product>/<version>/`. */
export function announcePath(release?: Pick<Release, 'product' | 'version'>): string {
  return sitePath(release ? `/announce/${release.product}/${release.version}/` : '/announce/');
}

/** Why: the release trains: `/trains/` and one train's page `/trains/<id>/`. */
export function trainPath(id?: string): string {
  return sitePath(id ? `/trains/${id}/` : '/trains/');
}

/** Why: the stakeholder digests: `/digest/`, one digest `/digest/<kind>/<id>/` and the files beside it. */
export function digestPath(digest?: { kind: string; id: string }): string {
  return sitePath(digest ? `/digest/${digest.kind}/${digest.id}/` : '/digest/');
}

/** Why: the go-to-market board (internal builds). */
export function gtmPath(): string {
  return sitePath('/gtm/');
}
