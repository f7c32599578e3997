/** Every URL of the hub (SPEC §3), defined once; pages, feeds, ICS, JSON and search use these. */
import type { Release } from './model';

/** Why: the release page path, also the base of ICS URLs and feed links. */
export function releasePath(release: Pick<Release, 'product' | 'version'>): string {
  return `/releases/${release.product}/${release.version}/`;
}

/** Why: the customer changelog of all products or of one. */
export function changelogPath(product?: string): string {
  return product ? `/changelog/${product}/` : '/changelog/';
}

/** Why: the anchor of a version on a changelog page (a permalink per version). */
export function changelogAnchor(release: Pick<Release, 'product' | 'version'>): string {
  return `${release.product}-${release.version.replace(/[^a-zA-Z0-9-]/g, '-')}`;
}

export function runbookPath(id: string): string {
  return `/runbooks/${id}/`;
}

export function raciPath(id: string): string {
  return `/raci/${id}/`;
}

export function personPath(id: string): string {
  return `/people/${id}/`;
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
  return product ? `/calendar/${product}/` : '/calendar/';
}

/** Why: month pages of the calendar are `/calendar/<yyyy>-<mm>/`, and `/calendar/<product>/<yyyy>-<mm>/` for one product. */
export function calendarMonthPath(monthKey: string, product?: string): string {
  return `${calendarPath(product)}${monthKey}/`;
}

/** Why: calendar subscriptions, all products or one. */
export function icsPath(product?: string): string {
  return product ? `/calendar/${product}.ics` : '/calendar.ics';
}

/** Why: feeds, ICS and JSON need absolute URLs built from hub.yaml `url`. */
export function absoluteUrl(siteUrl: string, pathname: string): string {
  return new URL(pathname, `${siteUrl.replace(/\/+$/, '')}/`).toString();
}
