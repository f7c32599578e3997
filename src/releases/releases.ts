/**
 * The release pages' data: the listing of `/releases/` (order, filters, pagination) and
 * everything one release page shows (timeline, grouped changes, neighbours), computed once per
 * build from the hub model. Pure: no Astro imports.
 *
 * Listing URLs (documented in the README): `/releases/` then, in this fixed order and each
 * optional, `product/<id>/`, `status/<status>/`, `audience/<audience>/` (internal builds only),
 * `page/<n>/` (from 2). Every combination that has releases is pre-rendered, so filters are
 * plain links; each release is on at most 8 listings, so a hub of N releases has O(N) listing
 * pages of at most `RELEASES_PER_PAGE` rows each.
 */
import { oncePerHub } from '../core/per-hub.ts';
import { pageSlices } from './paging.ts';
import type { Temporal } from 'temporal-polyfill';
import {
  AUDIENCES,
  CHANGE_TYPES,
  RELEASE_STATUSES,
  type Advisory,
  type Audience,
  type Approval,
  type Change,
  type ChangeType,
  type Check,
  type Deployment,
  type Environment,
  type Hub,
  type Release,
  type ReleaseStatus,
  type ReviewAction,
} from '../core/model.ts';
import { formatDateTime, isoDateTime } from '../presentation/format.ts';
import { compareVersionsDescending } from '../core/semver.ts';
import { STATUS_DISPLAY } from '../presentation/status.ts';
import { compareTimes } from '../core/time.ts';
import { personPath, raciPath, releasePath, runbookPath, sitePath } from '../core/urls.ts';
import { promotionPath } from '../process/environments.ts';
import { gateViolations, isGated, type GateViolation } from '../process/gates.ts';

/** Rows per listing page: a page stays small however many releases the hub has. */
export const RELEASES_PER_PAGE = 50;

/** Why: the one "when" of a release in lists and feeds: the release time, else the planned window start. */
export function releaseTime(release: Release): Temporal.ZonedDateTime | undefined {
  return release.deployment?.finishedAt ?? release.window?.start;
}

/**
 * Why: one "newest first" everywhere. Releases without any date (planned, no window yet) come
 * first, as the furthest in the future; equal times fall back to SemVer (descending), then product.
 */
export function compareReleasesNewestFirst(a: Release, b: Release): number {
  const timeA = releaseTime(a);
  const timeB = releaseTime(b);
  if (timeA && timeB) {
    const byTime = compareTimes(timeB, timeA);
    if (byTime !== 0) return byTime;
  } else if (timeA || timeB) {
    return timeA ? 1 : -1;
  }
  return compareVersionsDescending(a.version, b.version) || (a.product < b.product ? -1 : a.product > b.product ? 1 : 0);
}

/** A listing filter: each dimension optional. */
export interface ReleaseFilter {
  product?: string;
  status?: ReleaseStatus;
  audience?: Audience;
}

/** The filter dimensions, in URL order. */
export type FilterDimension = keyof ReleaseFilter;
const DIMENSIONS: readonly FilterDimension[] = ['product', 'status', 'audience'];

/** Why: a public build holds public releases only, so filtering by audience would be an empty choice. */
export function filterDimensionsFor(audience: Audience): FilterDimension[] {
  return audience === 'public' ? ['product', 'status'] : [...DIMENSIONS];
}

/** Why: the one URL scheme of listing pages (see the file comment). */
export function releaseListingPath(filter: ReleaseFilter, page = 1): string {
  const segments = DIMENSIONS.flatMap((dimension) => (filter[dimension] ? [dimension, filter[dimension]] : []));
  if (page > 1) segments.push('page', String(page));
  return sitePath(`/releases/${segments.map((segment) => `${segment}/`).join('')}`);
}

/** One pre-rendered listing page. */
export interface ReleaseListingPage {
  filter: ReleaseFilter;
  /** 1-based. */
  page: number;
  pageCount: number;
  /** Releases matching the filter, on all pages. */
  total: number;
  /** This page's rows, newest first. */
  releases: Release[];
  /** The URL of this page. */
  path: string;
  /** `path` relative to `/releases/` without slashes at the ends (the rest parameter), or undefined for `/releases/`. */
  param: string | undefined;
}

/** One choice of a filter dimension, for the filter navigation. */
export interface FilterOption {
  label: string;
  /** Where the choice leads (page 1); `undefined` when no release matches it. */
  href: string | undefined;
  count: number;
  current: boolean;
}

/** A filter dimension and its choices ("All" first). */
export interface FilterGroup {
  dimension: FilterDimension;
  label: string;
  options: FilterOption[];
}

/** The listing data of one build: every page and the filter navigation of each. */
export interface ReleaseListing {
  pages: ReleaseListingPage[];
  filterGroups(filter: ReleaseFilter): FilterGroup[];
}

/** Why: every listing page of a build reads the same index; it is computed once per hub and audience. */
export const releaseListing: (hub: Hub, audience: Audience) => ReleaseListing = oncePerHub(buildListing);

const filterKey = (filter: ReleaseFilter) => DIMENSIONS.map((dimension) => filter[dimension] ?? '').join('\u0000');

function buildListing(hub: Hub, audience: Audience): ReleaseListing {
  const dimensions = filterDimensionsFor(audience);
  const sorted = [...hub.releases].sort(compareReleasesNewestFirst);
  // Every release joins the listing of each subset of its filter values: at most 2^3 lists.
  const matches = new Map<string, { filter: ReleaseFilter; releases: Release[] }>();
  for (const release of sorted) {
    for (const filter of filterSubsets(release, dimensions)) {
      const key = filterKey(filter);
      const entry = matches.get(key) ?? { filter, releases: [] };
      entry.releases.push(release);
      matches.set(key, entry);
    }
  }
  if (!matches.has(filterKey({}))) matches.set(filterKey({}), { filter: {}, releases: [] });
  const pages = [...matches.values()].flatMap(({ filter, releases }) => paginate(filter, releases));
  const countOf = (filter: ReleaseFilter) => matches.get(filterKey(filter))?.releases.length ?? 0;
  const choices: Record<FilterDimension, { value: string; label: string }[]> = {
    product: hub.config.products.map((product) => ({ value: product.id, label: product.name })),
    status: RELEASE_STATUSES.map((status) => ({ value: status, label: STATUS_DISPLAY[status].label })),
    audience: AUDIENCES.map((value) => ({ value, label: value === 'public' ? 'Public' : 'Internal' })),
  };
  const option = (filter: ReleaseFilter, label: string, current: boolean): FilterOption => {
    const count = countOf(filter);
    return { label, count, current, href: count > 0 || current ? releaseListingPath(filter) : undefined };
  };
  return {
    pages,
    filterGroups: (filter) =>
      dimensions.map((dimension) => ({
        dimension,
        label: DIMENSION_LABELS[dimension],
        options: [
          option({ ...filter, [dimension]: undefined }, 'All', filter[dimension] === undefined),
          ...choices[dimension].map(({ value, label }) => option({ ...filter, [dimension]: value }, label, filter[dimension] === value)),
        ],
      })),
  };
}

const DIMENSION_LABELS: Record<FilterDimension, string> = { product: 'Product', status: 'Status', audience: 'Audience' };

function filterSubsets(release: Release, dimensions: FilterDimension[]): ReleaseFilter[] {
  return dimensions.reduce<ReleaseFilter[]>(
    (subsets, dimension) => subsets.flatMap((subset) => [subset, { ...subset, [dimension]: release[dimension] }]),
    [{}],
  );
}

function paginate(filter: ReleaseFilter, releases: Release[]): ReleaseListingPage[] {
  return pageSlices(releases, RELEASES_PER_PAGE).map(({ page, pageCount, total, items }) => {
    const path = releaseListingPath(filter, page);
    return { filter, page, pageCount, total, releases: items, path, param: path.slice(releaseListingPath({}).length, -1) || undefined };
  });
}

/** The changes of a release as a page shows them. */
export interface GroupedChanges {
  /** Breaking changes, called out before the groups (they also stay in their group). */
  breaking: Change[];
  /** Non-empty groups in Keep a Changelog order. */
  groups: { type: ChangeType; label: string; changes: Change[] }[];
}

/** Keep a Changelog headings. */
export const CHANGE_TYPE_LABELS: Record<ChangeType, string> = {
  added: 'Added',
  changed: 'Changed',
  deprecated: 'Deprecated',
  removed: 'Removed',
  fixed: 'Fixed',
  security: 'Security',
};

/** Why: release pages, the changelog and feeds group changes the same way (Keep a Changelog, breaking first). */
export function groupChanges(changes: readonly Change[]): GroupedChanges {
  return {
    breaking: changes.filter((change) => change.breaking),
    groups: CHANGE_TYPES.map((type) => ({
      type,
      label: CHANGE_TYPE_LABELS[type],
      // Within a type, breaking changes first; otherwise the order of the file.
      changes: changes.filter((change) => change.type === type).sort((a, b) => Number(b.breaking) - Number(a.breaking)),
    })).filter((group) => group.changes.length > 0),
  };
}

/** One step of a release's status timeline. */
export interface TimelineStep {
  key: 'accepted' | 'window' | 'deployment-started' | 'deployed' | 'rolled-back';
  label: string;
  at: Temporal.ZonedDateTime;
  /** For the window: its end. */
  until?: Temporal.ZonedDateTime;
  /** Shown as a date: a date-only value (acceptance, a deployment dated by day) is the start of that day. */
  dateOnly?: boolean;
}

/** Why: accepted → window → deployment → rollback, showing only the steps this release has. */
export function releaseTimeline(release: Release): TimelineStep[] {
  const steps: (TimelineStep | undefined)[] = [
    release.acceptedAt && { key: 'accepted', label: 'Accepted', at: release.acceptedAt, dateOnly: isStartOfDay(release.acceptedAt) },
    release.window && { key: 'window', label: 'Release window', at: release.window.start, until: release.window.end },
    release.deployment?.startedAt && { key: 'deployment-started', label: 'Deployment started', at: release.deployment.startedAt },
    // An imported release is often dated by day only (`finishedAt: 2024-01-02`): show the day, not "00:00".
    release.deployment?.finishedAt && {
      key: 'deployed',
      label: 'Deployed',
      at: release.deployment.finishedAt,
      dateOnly: isStartOfDay(release.deployment.finishedAt),
    },
    release.rollback?.at && { key: 'rolled-back', label: 'Rolled back', at: release.rollback.at },
  ];
  return steps.filter((step): step is TimelineStep => step !== undefined);
}

function isStartOfDay(time: Temporal.ZonedDateTime): boolean {
  return time.equals(time.startOfDay());
}

/** A linked thing on a release page: a person, runbook or RACI matrix. */
export interface LinkedRef {
  id: string;
  label: string;
  /** Only in the internal build, where the page exists. */
  href?: string;
}

/** Everything one release page shows besides the release itself. */
export interface ReleaseDetail {
  release: Release;
  productName: string;
  time: Temporal.ZonedDateTime | undefined;
  timeline: TimelineStep[];
  changes: GroupedChanges;
  owner?: LinkedRef;
  gtmOwner?: LinkedRef;
  runbooks: LinkedRef[];
  rollbackRunbook?: LinkedRef;
  raci?: LinkedRef;
  /** The incidents of other releases this release fixes (rework), each with the release it belongs to. */
  fixes: { incident: string; release?: LinkedRef }[];
  /** The releases that fix an incident of this one. */
  fixedBy: LinkedRef[];
  /** Every hub.yaml environment in promotion order with this release's deployments there (internal builds; empty in a public one). */
  promotion: { environment: Environment; deployments: { deployment: Deployment; by?: LinkedRef }[] }[];
  /** The go/no-go panel (internal builds, when the release has approvals or checks or the policy applies to it). */
  goNoGo?: {
    approvals: { approval: Approval; by: LinkedRef; role?: string }[];
    checks: { check: Check; runbook?: LinkedRef }[];
    /** Whether hub.yaml `policy` applies to this release, and what of it the release misses. */
    gated: boolean;
    violations: GateViolation[];
  };
  /** The post-release review's actions with their owners (internal builds, when the release has a review). */
  reviewActions: { action: ReviewAction; owner: LinkedRef }[];
  /** The next lower and higher SemVer of the same product in this build. */
  previous?: Release;
  next?: Release;
}

const neighbourIndexes = new WeakMap<Hub, Map<string, { previous?: Release; next?: Release }>>();

/** Why: a release page resolves its ids to names and links once, here, not in the template. */
export function releaseDetail(hub: Hub, release: Release, audience: Audience): ReleaseDetail {
  const linked = audience === 'internal';
  const person = (id: string | undefined): LinkedRef | undefined =>
    id === undefined ? undefined : { id, label: hub.people.find((candidate) => candidate.id === id)?.name ?? id, href: linked ? personPath(id) : undefined };
  const runbook = (id: string): LinkedRef => ({
    id,
    label: hub.runbooks.find((candidate) => candidate.id === id)?.title ?? id,
    href: linked ? runbookPath(id) : undefined,
  });
  const matrix = hub.raci.find((candidate) => candidate.id === release.raci);
  const releaseRef = (other: Release): LinkedRef => ({ id: other.id, label: `${productName(hub, other.product)} ${other.version}`, href: releasePath(other) });
  const own = new Set(release.incidents.map((incident) => incident.id));
  return {
    release,
    fixes: release.fixes.map((incident) => {
      // The first by id, whatever the file order, should two releases record the same incident id.
      const owner = byId(hub.releases.filter((other) => other.id !== release.id && other.incidents.some((candidate) => candidate.id === incident)))[0];
      return { incident, ...(owner ? { release: releaseRef(owner) } : {}) };
    }),
    fixedBy: own.size === 0 ? [] : byId(hub.releases.filter((other) => other.id !== release.id && other.fixes.some((id) => own.has(id)))).map(releaseRef),
    productName: productName(hub, release.product),
    time: releaseTime(release),
    timeline: releaseTimeline(release),
    changes: groupChanges(release.changes),
    owner: person(release.owner),
    gtmOwner: person(release.gtm?.owner),
    runbooks: release.runbooks.map(runbook),
    rollbackRunbook: release.rollback?.runbook === undefined ? undefined : runbook(release.rollback.runbook),
    raci:
      release.raci === undefined ? undefined : { id: release.raci, label: matrix?.title ?? release.raci, href: linked ? raciPath(release.raci) : undefined },
    ...(linked ? goNoGoOf(hub, release, person, runbook) : {}),
    reviewActions: linked ? (release.review?.actions ?? []).map((action) => ({ action, owner: person(action.owner)! })) : [],
    promotion: linked
      ? promotionPath(release, hub.config).map(({ environment, deployments }) => ({
          environment,
          deployments: deployments.map((deployment) => ({ deployment, ...(deployment.by ? { by: person(deployment.by) } : {}) })),
        }))
      : [],
    ...neighboursOf(hub, release),
  };
}

/** The go/no-go panel's data: who approved as what, each check with its runbook, and the policy's verdict. */
function goNoGoOf(
  hub: Hub,
  release: Release,
  person: (id: string | undefined) => LinkedRef | undefined,
  runbook: (id: string) => LinkedRef,
): Pick<ReleaseDetail, 'goNoGo'> {
  const policy = hub.config.policy;
  const gated = policy !== undefined && isGated(release, policy, hub.config.timezone);
  const approvals = release.approvals ?? [];
  const checks = release.checks ?? [];
  if (!gated && approvals.length === 0 && checks.length === 0) return {};
  return {
    goNoGo: {
      approvals: approvals.map((approval) => {
        const role = approval.role ?? hub.people.find((candidate) => candidate.id === approval.by)?.role;
        return { approval, by: person(approval.by)!, ...(role ? { role } : {}) };
      }),
      checks: checks.map((check) => ({ check, ...(check.runbook ? { runbook: runbook(check.runbook) } : {}) })),
      gated,
      violations: gated ? gateViolations(release, policy!, hub.people, hub.runbooks) : [],
    },
  };
}

/** Releases in id order (code points), the same on every machine and for any file order. */
function byId(releases: Release[]): Release[] {
  return releases.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

function neighboursOf(hub: Hub, release: Release): { previous?: Release; next?: Release } {
  let index = neighbourIndexes.get(hub);
  if (!index) {
    index = neighbourIndex(hub.releases);
    neighbourIndexes.set(hub, index);
  }
  return index.get(release.id) ?? {};
}

/** Each release's next lower and next higher SemVer of the same product. */
function neighbourIndex(releases: readonly Release[]): Map<string, { previous?: Release; next?: Release }> {
  const index = new Map<string, { previous?: Release; next?: Release }>();
  for (const ofProduct of Map.groupBy(releases, (candidate) => candidate.product).values()) {
    const ascending = [...ofProduct].sort((a, b) => compareVersionsDescending(b.version, a.version));
    for (const [position, candidate] of ascending.entries()) index.set(candidate.id, { previous: ascending[position - 1], next: ascending[position + 1] });
  }
  return index;
}

/** Why: pages show product names from hub.yaml, falling back to the id. */
export function productName(hub: Hub, productId: string): string {
  return hub.config.products.find((product) => product.id === productId)?.name ?? productId;
}

/** Why: release pages exist for every release of the build's hub (a public build holds only public ones). */
export function releasePages(hub: Hub): { params: { product: string; version: string }; release: Release }[] {
  return hub.releases.map((release) => ({ params: { product: release.product, version: release.version }, release }));
}

/** Why: a pager stays small on page 200 of 200: first, last, and two pages either side of the current one. */
export function paginationLinks(page: number, pageCount: number): (number | 'gap')[] {
  const shown = [...new Set([1, page - 2, page - 1, page, page + 1, page + 2, pageCount])]
    .filter((candidate) => candidate >= 1 && candidate <= pageCount)
    .sort((a, b) => a - b);
  return shown.flatMap((candidate, index) => (index > 0 && candidate - shown[index - 1]! > 1 ? ['gap' as const, candidate] : [candidate]));
}

/** Why: a window on one day reads "Tue 10 Mar 2026, 02:00–04:00"; across days both ends are written out. */
export function formatTimeRange(start: Temporal.ZonedDateTime, end: Temporal.ZonedDateTime, zone: string): string {
  const from = formatDateTime(start, zone);
  const to = formatDateTime(end, zone);
  const sameDay = start.withTimeZone(zone).toPlainDate().equals(end.withTimeZone(zone).toPlainDate());
  return sameDay ? `${from}–${to.slice(to.lastIndexOf(' ') + 1)}` : `${from} – ${to}`;
}

/** One release in `/api/releases.json`: every field of the model; times as ISO 8601 with offset, in the release's zone. */
export interface ReleaseJson {
  id: string;
  product: string;
  version: string;
  /** Absolute URL of the release page. */
  url: string;
  title: string | null;
  summary: string | null;
  status: ReleaseStatus;
  audience: Audience;
  risk: Release['risk'] | null;
  /** IANA zone of the times below (`window.timezone`, else the hub zone). */
  timezone: string;
  window: { start: string; end: string } | null;
  acceptedAt: string | null;
  deployment: { startedAt: string | null; finishedAt: string | null } | null;
  owner: string | null;
  raci: string | null;
  runbooks: string[];
  rollback: { runbook: string | null; at: string | null; reason: string } | null;
  incidents: { id: string; startedAt: string; resolvedAt: string | null; severity: string | null; summary: string | null }[];
  /** Ids of incidents of other releases this release fixes (rework); always empty in a public build. */
  fixes: string[];
  satisfaction: { score: number; responses: number } | null;
  gtm: {
    required: boolean;
    launchDate: string | null;
    owner: string | null;
    notes: string | null;
    channels: string[];
    assets: { title: string; channel: string | null; owner: string; due: string; done: boolean; url: string | null }[];
    checklist: { item: string; done: boolean }[];
  } | null;
  /**
   * Markdown summaries, as written; a security change's `advisory` (none while it is embargoed, in
   * a public build) and a deprecation's `removal`, when they have one.
   */
  changes: {
    type: ChangeType;
    summary: string;
    breaking: boolean;
    audience: Audience;
    advisory?: Omit<Advisory, 'disclosedAt'> & { disclosedAt: string | null };
    removal?: { version: string | null; date: string | null };
  }[];
  tags: string[];
  freezeException: string | null;
  rescheduled: number;
  /** Every deployment, the `deployment` shorthand included (SPEC §5); internal builds only, absent from a public one. */
  deployments?: { environment: string; startedAt: string | null; finishedAt: string | null; status: string; by: string | null; notes: string | null }[];
  /** Why the release skips the promotion order; internal builds only. */
  skipEnvironments?: string | null;
  /** Go/no-go approvals (SPEC §5); internal builds only. */
  approvals?: { by: string; role: string | null; decision: string; at: string | null; note: string | null }[];
  /** Checks run before the release (SPEC §5); internal builds only. */
  checks?: { name: string; kind: string; result: string; at: string | null; url: string | null; runbook: string | null }[];
  /** What needs attention at the build's "now" (SPEC §5); internal builds only, absent from a public one. */
  attention?: { kind: string; message: string }[];
}

/** The `/api/releases.json` document. */
export interface ReleasesDocument {
  /** hub.yaml `url`. */
  site: string;
  audience: Audience;
  /** The hub zone. */
  timezone: string;
  products: { id: string; name: string }[];
  /** Newest first, as on `/releases/`. */
  releases: ReleaseJson[];
}

/**
 * Why: tools read the hub's releases as JSON: the same releases and order as `/releases/`, for this
 * build's audience. `attentionOf` (internal builds) adds each release's attention items.
 */
export function releasesDocument(
  hub: Hub,
  audience: Audience,
  absolute: (path: string) => string,
  attentionOf?: (release: Release) => { kind: string; message: string }[],
): ReleasesDocument {
  return {
    site: hub.config.url,
    audience,
    timezone: hub.config.timezone,
    products: hub.config.products.map(({ id, name }) => ({ id, name })),
    releases: [...hub.releases].sort(compareReleasesNewestFirst).map((release) => ({
      ...releaseJson(release, absolute(releasePath(release))),
      ...(attentionOf ? { attention: attentionOf(release).map(({ kind, message }) => ({ kind, message })) } : {}),
    })),
  };
}

function releaseJson(release: Release, url: string): ReleaseJson {
  const iso = (time: Temporal.ZonedDateTime | undefined) => (time ? isoDateTime(time) : null);
  const { window, deployment, rollback, gtm, satisfaction } = release;
  return {
    id: release.id,
    product: release.product,
    version: release.version,
    url,
    title: release.title ?? null,
    summary: release.summary ?? null,
    status: release.status,
    audience: release.audience,
    risk: release.risk ?? null,
    timezone: release.timezone,
    window: window ? { start: isoDateTime(window.start), end: isoDateTime(window.end) } : null,
    acceptedAt: iso(release.acceptedAt),
    deployment: deployment ? { startedAt: iso(deployment.startedAt), finishedAt: iso(deployment.finishedAt) } : null,
    owner: release.owner ?? null,
    raci: release.raci ?? null,
    runbooks: release.runbooks,
    rollback: rollback ? { runbook: rollback.runbook ?? null, at: iso(rollback.at), reason: rollback.reason } : null,
    incidents: release.incidents.map((incident) => ({
      id: incident.id,
      startedAt: isoDateTime(incident.startedAt),
      resolvedAt: iso(incident.resolvedAt),
      severity: incident.severity ?? null,
      summary: incident.summary ?? null,
    })),
    fixes: release.fixes,
    satisfaction: satisfaction ? { score: satisfaction.score, responses: satisfaction.responses } : null,
    gtm: gtm
      ? {
          required: gtm.required,
          launchDate: iso(gtm.launchDate),
          owner: gtm.owner ?? null,
          notes: gtm.notes ?? null,
          channels: gtm.channels,
          assets: gtm.assets.map((asset) => ({
            title: asset.title,
            channel: asset.channel ?? null,
            owner: asset.owner,
            due: asset.due.toString(),
            done: asset.done,
            url: asset.url ?? null,
          })),
          checklist: gtm.checklist.map(({ item, done }) => ({ item, done })),
        }
      : null,
    changes: release.changes.map(({ type, summary, breaking, audience, advisory, removal }) => ({
      type,
      summary,
      breaking,
      audience,
      ...(advisory ? { advisory: { ...advisory, disclosedAt: iso(advisory.disclosedAt) } } : {}),
      ...(removal ? { removal: { version: removal.version ?? null, date: removal.date ? removal.date.toPlainDate().toString() : null } } : {}),
    })),
    tags: release.tags,
    freezeException: release.freezeException ?? null,
    rescheduled: release.rescheduled,
    ...(release.deployments
      ? {
          deployments: release.deployments.map((deployment) => ({
            environment: deployment.environment,
            startedAt: iso(deployment.startedAt),
            finishedAt: iso(deployment.finishedAt),
            status: deployment.status,
            by: deployment.by ?? null,
            notes: deployment.notes ?? null,
          })),
          skipEnvironments: release.skipEnvironments ?? null,
        }
      : {}),
    ...(release.approvals
      ? {
          approvals: release.approvals.map((approval) => ({
            by: approval.by,
            role: approval.role ?? null,
            decision: approval.decision,
            at: iso(approval.at),
            note: approval.note ?? null,
          })),
        }
      : {}),
    ...(release.checks
      ? {
          checks: release.checks.map((check) => ({
            name: check.name,
            kind: check.kind,
            result: check.result,
            at: iso(check.at),
            url: check.url ?? null,
            runbook: check.runbook ?? null,
          })),
        }
      : {}),
  };
}

/** Longest page title (with the hub title) that search results and tabs show in full; html-validate's `long-title` limit. */
export const MAX_PAGE_TITLE_LENGTH = 70;

/** Why: the most descriptive of `candidates` whose page title `<candidate> · <hub title>` still fits; else the last, shortest. */
export function fitPageTitle(candidates: readonly string[], hubTitle: string): string {
  return candidates.find((candidate) => `${candidate} · ${hubTitle}`.length <= MAX_PAGE_TITLE_LENGTH) ?? candidates.at(-1)!;
}
