/**
 * One advisory as an OSV record (the Open Source Vulnerability format of osv.dev, schema 1.6,
 * https://ossf.github.io/osv-schema/), so scanners can read the hub's advisories.
 *
 * - `affected`: the product as a package of the ecosystem "Release Hub" (a hosted product is in
 *   no ecosystem OSV defines) named by the hub's host and product id, with one SEMVER range per
 *   comparator set of `affected`: `introduced` is the set's lowest version ("0" for all), then
 *   `fixed` at its `<` bound, `last_affected` at its `<=` bound, or the advisory's `fixed` when
 *   the set has no upper bound. So `>=2.0.0 <2.4.1` is introduced 2.0.0, fixed 2.4.1.
 * - Times are UTC (RFC 3339): `published` is the disclosure, else the release time; `modified` the
 *   same (the content has no edit history), else the build's "now".
 */
import semver from 'semver';
import type { Temporal } from 'temporal-polyfill';
import { absoluteUrl, releasePath } from '../core/urls.ts';
import type { Hub } from '../core/model.ts';
import { markdownForHub } from '../markdown/fields.ts';
import { advisoryHref, type AdvisoryEntry } from './advisories.ts';

/** The OSV schema version the records follow. */
export const OSV_SCHEMA_VERSION = '1.6.0';

/** One OSV range event. */
export type OsvEvent = { introduced: string } | { fixed: string } | { last_affected: string };

/** An OSV record, with the fields the hub writes. */
export interface OsvRecord {
  schema_version: string;
  id: string;
  modified: string;
  published?: string;
  summary: string;
  details: string;
  severity?: { type: 'CVSS_V3' | 'CVSS_V4'; score: string }[];
  affected: {
    package: { ecosystem: string; name: string };
    ranges: { type: 'SEMVER'; events: OsvEvent[] }[];
    database_specific: { product: string; affected: string };
  }[];
  references: { type: 'ADVISORY' | 'FIX'; url: string }[];
  credits?: { name: string }[];
  database_specific: { severity: string; url: string };
}

/** Why: OSV ranges are event lists, one per comparator set of the written range (see the file comment). */
export function osvRanges(affected: string, fixed: string): { type: 'SEMVER'; events: OsvEvent[] }[] {
  return new semver.Range(affected).set.map((comparators) => {
    const lowest = semver.minVersion(new semver.Range(comparators.map((comparator) => comparator.value).join(' ')));
    const introduced = !lowest || lowest.version === '0.0.0' ? '0' : lowest.version;
    const exact = comparators.find((comparator) => comparator.operator === '' && comparator.value !== '');
    const below = comparators.find((comparator) => comparator.operator === '<');
    const atMost = comparators.find((comparator) => comparator.operator === '<=');
    const end: OsvEvent = exact
      ? { last_affected: exact.semver.version }
      : below
        ? { fixed: withoutLowestPrerelease(below.semver.version) }
        : atMost
          ? { last_affected: atMost.semver.version }
          : { fixed };
    return { type: 'SEMVER', events: [{ introduced }, end] };
  });
}

/** `^1.2.0` reads as `<2.0.0-0` (below every 2.0.0 prerelease): OSV readers expect the version itself. */
function withoutLowestPrerelease(version: string): string {
  return version.replace(/-0$/, '');
}

/** Why: scanners read an advisory as OSV JSON; the hub writes one record per advisory. */
export function osvRecord(hub: Hub, entry: AdvisoryEntry, now: Temporal.Instant): OsvRecord {
  const { advisory, release } = entry;
  const site = hub.config.url;
  const markdown = markdownForHub(hub);
  const published = entry.published?.toInstant();
  const summary = markdown.text(entry.change.summary, release.product);
  const page = absoluteUrl(site, advisoryHref(hub, now, release.product, advisory.id));
  return {
    schema_version: OSV_SCHEMA_VERSION,
    id: advisory.id,
    modified: utc(published ?? now),
    ...(published ? { published: utc(published) } : {}),
    summary,
    details: advisory.details ?? summary,
    ...(advisory.cvss ? { severity: [{ type: advisory.cvss.startsWith('CVSS:4') ? 'CVSS_V4' : 'CVSS_V3', score: advisory.cvss }] } : {}),
    affected: [
      {
        package: { ecosystem: 'Release Hub', name: `${new URL(site).host}/${release.product}` },
        ranges: osvRanges(advisory.affected, advisory.fixed),
        database_specific: { product: entry.productName, affected: advisory.affected },
      },
    ],
    references: [{ type: 'ADVISORY', url: page }, ...(entry.fixedIn ? [{ type: 'FIX' as const, url: absoluteUrl(site, releasePath(entry.fixedIn)) }] : [])],
    ...(advisory.credit ? { credits: [{ name: advisory.credit }] } : {}),
    database_specific: { severity: advisory.severity.toUpperCase(), url: page },
  };
}

/** OSV times: UTC, whole seconds, `Z`. */
function utc(instant: Temporal.Instant): string {
  return instant.toString({ smallestUnit: 'second' });
}
