/**
 * The dashboard (`/`): what a stakeholder needs in ten seconds, computed once per build from the
 * hub and the build's "now". Every time is shown in the hub zone.
 *
 * Decisions where the spec is silent:
 * - The next release window is the earliest non-cancelled release window starting at or after
 *   now (the calendar's rule, `nextWindowMonth`), with every release booked at that same start.
 *   Without one, the hub's next cadence slot is shown as open. Deployed releases never count.
 * - In flight: status `in-progress`. Upcoming: planned or scheduled releases whose window starts
 *   within the next 30 days. Recently shipped: the last 5 deployed releases (`isDeployed`), by
 *   their release time.
 * - Freezes: active ones (now inside) and those starting within the next 90 days. GTM launches:
 *   required launches of non-cancelled releases from today to 30 days ahead (hub-zone days).
 * - Headline metrics compare the last 90 days with the 90 before (`computeTrend`, as /metrics/),
 *   say what each value is computed over ("6 of 9 releases …", linked to the releases behind it)
 *   and draw each metric's monthly values of the last 12 months (the current month so far).
 * - Needs attention: every item of `hubAttention` (SPEC §5), the most actionable kinds first.
 * - What runs where: per product and environment, the release `whatRunsWhere` finds at now.
 * - Review actions: every open follow-up of a post-release review, by due day.
 * - Internal panels (freezes, metrics, runbooks, GTM, attention, environments, review actions) are absent from a public build, not empty.
 */
import { launchDay, launchingReleases } from '../gtm/gtm.ts';
import { Temporal } from 'temporal-polyfill';
import { expandCadence } from '../calendar/cadence.ts';
import { compareText, isWholeDays } from '../calendar/common.ts';
import { hasWindow } from '../calendar/conflicts.ts';
import { formatDate, formatMonth, isoDateTime } from '../presentation/format.ts';
import { buildMetricsSite, metricAnchor } from '../metrics/page.ts';
import { provenanceSentence } from '../presentation/provenance.ts';
import {
  computeMetricSet,
  computeTrend,
  isDeployed,
  METRIC_DEFINITIONS,
  metricOptionsFor,
  type MetricField,
  type ProvenanceField,
} from '../metrics/metrics.ts';
import type { Audience, Freeze, Hub, Release, ReleaseStatus } from '../core/model.ts';
import { describeTrend, formatMetricValue, type TrendText } from '../presentation/number-format.ts';
import { formatTimeRange, productName, releaseListingPath } from '../releases/releases.ts';
import { isReviewOverdue, reviewDueDate } from '../runbooks/runbooks.ts';
import { ATTENTION_KINDS, hubAttention, releaseAttention, type AttentionKind } from '../process/attention.ts';
import { whatRunsWhere } from '../process/environments.ts';
import { isActionOverdue, openActions } from '../process/reviews.ts';
import { compareTimes, monthKey } from '../core/time.ts';
import { personPath, releasePath, runbookPath, sectionPath } from '../core/urls.ts';

/** Upcoming releases and GTM launches look this many days ahead. */
export const UPCOMING_DAYS = 30;
/** How many deployed releases "recently shipped" lists. */
export const RECENT_COUNT = 5;
/** Upcoming freezes are those starting within this many days. */
export const FREEZE_HORIZON_DAYS = 90;
/** Headline metrics: the period compared with the one before it (the same as /metrics/). */
export const HEALTH_WINDOW_DAYS = 90;
/** Months drawn in each sparkline, ending with the current month. */
export const SPARKLINE_MONTHS = 12;
/** The metrics on the dashboard, in order: frequency, predictability, speed, and DORA's stability keys. */
export const HEADLINE_FIELDS = [
  'releaseCount',
  'onScheduleRate',
  'leadTimeDaysMedian',
  'changeFailureRate',
  'failedDeploymentRecoveryHoursMedian',
  'deploymentReworkRate',
] as const satisfies readonly ProvenanceField[];
/** Longest lists on the dashboard; the rest is one link away. */
export const LIST_LIMIT = 8;

/** A time as shown: a machine-readable instant for `<time datetime>` and its text in the hub zone. */
export interface ShownTime {
  iso: string;
  text: string;
}

/** A release as a dashboard row. */
export interface DashboardRelease {
  id: string;
  url: string;
  productName: string;
  version: string;
  title?: string;
  status: ReleaseStatus;
  /** The panel's time: the window (upcoming, in flight) or the release time (shipped). */
  when?: ShownTime;
  /** What needs attention about it (internal dashboard only; left out when nothing does). */
  attention?: AttentionKind[];
}

/** A capped list: the first items and how many more the full page has. */
export interface Listed<T> {
  items: T[];
  more: number;
}

/** The hero: when the next release window opens and what is booked in it. */
export interface NextWindow {
  /** `release`: releases are booked; `cadence`: the next regular slot, nothing booked yet. */
  kind: 'release' | 'cadence';
  startIso: string;
  endIso: string;
  /** "Tue 1 Dec 2026". */
  date: string;
  /** "02:00–04:00", or both ends written out when the window spans days. */
  time: string;
  releases: DashboardRelease[];
}

/** A person named on the dashboard, linked to their page. */
export interface PersonLink {
  name: string;
  url: string;
}

/** A freeze as a dashboard row. */
export interface DashboardFreeze {
  name: string;
  startIso: string;
  endIso: string;
  /** "Sat 19 Dec 2026 – Mon 4 Jan 2027" (last day inclusive) or a time range. */
  span: string;
  /** Product names; empty means every product. */
  products: string[];
  reason?: string;
}

/** Freezes that block releases now or soon. */
export interface FreezePanel {
  active: DashboardFreeze[];
  upcoming: DashboardFreeze[];
}

/** One headline metric: last period's value, its trend in words and a monthly sparkline. */
export interface HealthMetric {
  field: MetricField;
  label: string;
  value: string;
  /** What the value is computed over, e.g. "6 of 9 releases with a window on schedule". */
  provenance: string;
  /** The releases behind the value (the drill-down of the last 90 days); `null` when there are none. */
  provenanceUrl: string | null;
  trend: TrendText;
  /** The metric's section on /metrics/. */
  url: string;
  /** Monthly values, oldest first (`null`: no data that month). */
  series: (number | null)[];
  /** The same series in words, as the sparkline's text alternative. */
  seriesSummary: string;
}

/** The health panel: headline metrics of the last period. */
export interface HealthPanel {
  windowDays: number;
  metrics: HealthMetric[];
}

/** A runbook past its review date (`isReviewOverdue`). */
export interface StaleRunbook {
  id: string;
  title: string;
  url: string;
  owner?: PersonLink;
  /** The review due date, or `null` when it was never reviewed. */
  due: ShownTime | null;
}

/** A go-to-market launch coming up. */
export interface GtmLaunch {
  release: DashboardRelease;
  date: ShownTime;
  owner?: PersonLink;
}

/** One attention item as a dashboard row (`hubAttention`). */
export interface AttentionRow {
  kind: AttentionKind;
  /** The subject: "Northwind Web 4.8.0" or a runbook title. */
  title: string;
  url: string;
  message: string;
}

/** The "Needs attention" card: every item, the first few listed. */
export interface AttentionPanel {
  /** Items per kind, in the kinds' order; kinds without items are left out. */
  counts: { kind: AttentionKind; count: number }[];
  items: Listed<AttentionRow>;
}

/** What runs where: one row per product, one cell per environment (`whatRunsWhere`). */
export interface EnvironmentsPanel {
  /** Environment names, in promotion order: the column headers. */
  environments: string[];
  rows: { product: string; cells: ({ version: string; url: string; finished: ShownTime } | null)[] }[];
}

/** An open follow-up of a post-release review (`openActions`). */
export interface ReviewActionRow {
  release: DashboardRelease;
  title: string;
  owner?: PersonLink;
  due: ShownTime | null;
  overdue: boolean;
}

/** Everything the dashboard shows. Optional panels are internal: a public build has none of them. */
export interface Dashboard {
  /** The hub zone every time is shown in. */
  timezone: string;
  nextWindow: NextWindow | null;
  inFlight: Listed<DashboardRelease>;
  /** Where "all releases in flight" leads: the in-progress listing, or all releases when there is none. */
  inFlightUrl: string;
  upcoming: Listed<DashboardRelease>;
  recentlyShipped: DashboardRelease[];
  freezes?: FreezePanel;
  health?: HealthPanel;
  staleRunbooks?: Listed<StaleRunbook>;
  gtmLaunches?: Listed<GtmLaunch>;
  attention?: AttentionPanel;
  environments?: EnvironmentsPanel;
  reviewActions?: Listed<ReviewActionRow>;
}

/** Why: the page renders this object only; it is a pure function of the hub, the audience and "now". */
export function buildDashboard(hub: Hub, audience: Audience, now: Temporal.Instant): Dashboard {
  const zone = hub.config.timezone;
  const inFlight = hub.releases.filter((release) => release.status === 'in-progress').sort(byWindowStart);
  const publicPanels: Dashboard = {
    timezone: zone,
    nextWindow: nextWindow(hub, now),
    inFlight: capped(inFlight.map((release) => dashboardRelease(hub, release, windowText(release, zone)))),
    inFlightUrl: inFlight.length > 0 ? releaseListingPath({ status: 'in-progress' }) : releaseListingPath({}),
    upcoming: capped(upcomingReleases(hub, now).map((release) => dashboardRelease(hub, release, windowText(release, zone)))),
    recentlyShipped: recentlyShipped(hub),
  };
  if (audience === 'public') return publicPanels;
  const flagged = (row: DashboardRelease): DashboardRelease => {
    const kinds = [...new Set(releaseAttention(hub, now, row.id).map((item) => item.kind))];
    return kinds.length > 0 ? { ...row, attention: kinds } : row;
  };
  return {
    ...publicPanels,
    inFlight: { ...publicPanels.inFlight, items: publicPanels.inFlight.items.map(flagged) },
    upcoming: { ...publicPanels.upcoming, items: publicPanels.upcoming.items.map(flagged) },
    recentlyShipped: publicPanels.recentlyShipped.map(flagged),
    freezes: freezePanel(hub, now),
    health: healthPanel(hub, now),
    staleRunbooks: capped(staleRunbooks(hub, now)),
    gtmLaunches: capped(gtmLaunches(hub, now)),
    attention: attentionPanel(hub, now),
    environments: environmentsPanel(hub, now),
    reviewActions: capped(reviewActionRows(hub, now)),
  };
}

function reviewActionRows(hub: Hub, now: Temporal.Instant): ReviewActionRow[] {
  const zone = hub.config.timezone;
  return openActions(hub.releases).map(({ release, action }) => ({
    release: dashboardRelease(hub, release),
    title: action.title,
    ...ownerOf(hub, action.owner),
    due: action.due ? { iso: action.due.toString(), text: formatDate(action.due.toZonedDateTime(zone), zone) } : null,
    overdue: isActionOverdue(action, now, zone),
  }));
}

function environmentsPanel(hub: Hub, now: Temporal.Instant): EnvironmentsPanel {
  const zone = hub.config.timezone;
  const products = whatRunsWhere(hub, now);
  return {
    environments: (products[0]?.environments ?? []).map(({ environment }) => environment.name),
    rows: products.map(({ product, environments }) => ({
      product: product.name,
      cells: environments.map(({ running }) =>
        running
          ? {
              version: running.release.version,
              url: releasePath(running.release),
              finished: shownTime(running.deployment.finishedAt, formatDate(running.deployment.finishedAt, zone)),
            }
          : null,
      ),
    })),
  };
}

function attentionPanel(hub: Hub, now: Temporal.Instant): AttentionPanel {
  const items = hubAttention(hub, now);
  const rows = items.map((item): AttentionRow => {
    const release = item.subject.type === 'release' ? hub.releases.find((candidate) => candidate.id === item.subject.id) : undefined;
    const runbook = item.subject.type === 'runbook' ? hub.runbooks.find((candidate) => candidate.id === item.subject.id) : undefined;
    return {
      kind: item.kind,
      title: release ? `${productName(hub, release.product)} ${release.version}` : (runbook?.title ?? item.subject.id),
      url: release ? releasePath(release) : runbookPath(item.subject.id),
      message: item.message,
    };
  });
  const counts = ATTENTION_KINDS.map((kind) => ({ kind, count: items.filter((item) => item.kind === kind).length })).filter(({ count }) => count > 0);
  return { counts, items: capped(rows) };
}

function nextWindow(hub: Hub, now: Temporal.Instant): NextWindow | null {
  const zone = hub.config.timezone;
  const booked = hub.releases
    .filter(hasWindow)
    .filter((release) => release.status !== 'cancelled' && !isDeployed(release))
    .filter((release) => Temporal.Instant.compare(release.window.start.toInstant(), now) >= 0)
    .sort(byWindowStart);
  const first = booked[0];
  if (first) {
    const same = booked.filter((release) => compareTimes(release.window.start, first.window.start) === 0);
    const end = same
      .map((release) => release.window.end)
      .sort(compareTimes)
      .at(-1)!;
    return heroWindow(
      'release',
      first.window.start,
      end,
      zone,
      same.map((release) => dashboardRelease(hub, release)),
    );
  }
  const cadence = hub.config.cadence;
  if (!cadence) return null;
  const slot = expandCadence(cadence, zone, now, now.add({ hours: 24 * 400 }))[0];
  return slot ? heroWindow('cadence', slot.start, slot.end, zone, []) : null;
}

function heroWindow(
  kind: NextWindow['kind'],
  start: Temporal.ZonedDateTime,
  end: Temporal.ZonedDateTime,
  zone: string,
  releases: DashboardRelease[],
): NextWindow {
  const sameDay = start.withTimeZone(zone).toPlainDate().equals(end.withTimeZone(zone).toPlainDate());
  return {
    kind,
    startIso: isoDateTime(start),
    endIso: isoDateTime(end),
    date: formatDate(start, zone),
    time: sameDay ? `${clock(start, zone)}–${clock(end, zone)}` : formatTimeRange(start, end, zone),
    releases,
  };
}

/** "02:00" in the hub zone. */
function clock(time: Temporal.ZonedDateTime, zone: string): string {
  const local = time.withTimeZone(zone);
  return `${String(local.hour).padStart(2, '0')}:${String(local.minute).padStart(2, '0')}`;
}

function upcomingReleases(hub: Hub, now: Temporal.Instant): Release[] {
  const horizon = now.add({ hours: 24 * UPCOMING_DAYS });
  return hub.releases
    .filter(hasWindow)
    .filter((release) => release.status === 'planned' || release.status === 'scheduled')
    .filter((release) => {
      const start = release.window.start.toInstant();
      return Temporal.Instant.compare(start, now) >= 0 && Temporal.Instant.compare(start, horizon) < 0;
    })
    .sort(byWindowStart);
}

function recentlyShipped(hub: Hub): DashboardRelease[] {
  const zone = hub.config.timezone;
  return hub.releases
    .filter(isDeployed)
    .sort((a, b) => compareTimes(b.deployment.finishedAt, a.deployment.finishedAt) || compareText(a.id, b.id))
    .slice(0, RECENT_COUNT)
    .map((release) => dashboardRelease(hub, release, shownTime(release.deployment.finishedAt, formatDate(release.deployment.finishedAt, zone))));
}

function freezePanel(hub: Hub, now: Temporal.Instant): FreezePanel {
  const horizon = now.add({ hours: 24 * FREEZE_HORIZON_DAYS });
  const sorted = [...hub.freezes].sort((a, b) => compareTimes(a.start, b.start) || compareText(a.name, b.name));
  const startsBy = (freeze: Freeze, instant: Temporal.Instant) => Temporal.Instant.compare(freeze.start.toInstant(), instant) <= 0;
  const isActive = (freeze: Freeze) => startsBy(freeze, now) && Temporal.Instant.compare(now, freeze.end.toInstant()) < 0;
  return {
    active: sorted.filter(isActive).map((freeze) => dashboardFreeze(hub, freeze)),
    upcoming: sorted.filter((freeze) => !startsBy(freeze, now) && startsBy(freeze, horizon)).map((freeze) => dashboardFreeze(hub, freeze)),
  };
}

function dashboardFreeze(hub: Hub, freeze: Freeze): DashboardFreeze {
  const zone = hub.config.timezone;
  const span = isWholeDays(freeze, zone)
    ? dayRange(freeze.start, freeze.end.withTimeZone(zone).subtract({ days: 1 }), zone)
    : formatTimeRange(freeze.start, freeze.end, zone);
  return {
    name: freeze.name,
    startIso: isoDateTime(freeze.start),
    endIso: isoDateTime(freeze.end),
    span,
    products: freeze.products.map((id) => productName(hub, id)),
    ...(freeze.reason ? { reason: freeze.reason } : {}),
  };
}

function dayRange(first: Temporal.ZonedDateTime, last: Temporal.ZonedDateTime, zone: string): string {
  const from = formatDate(first, zone);
  const to = formatDate(last, zone);
  return from === to ? from : `${from} – ${to}`;
}

function healthPanel(hub: Hub, now: Temporal.Instant): HealthPanel {
  const options = metricOptionsFor(hub.config);
  const trend = computeTrend(hub.releases, now, options, HEALTH_WINDOW_DAYS);
  const months = lastMonths(now, options.hubZone, SPARKLINE_MONTHS);
  const deployedByMonth = Map.groupBy(hub.releases.filter(isDeployed), (release) => monthKey(release.deployment.finishedAt, options.hubZone));
  const monthly = months.map((month) => computeMetricSet(deployedByMonth.get(month) ?? [], options));
  const site = buildMetricsSite(hub, now);
  const provenance = site.document.provenance.periods.last90Days.overall;
  return {
    windowDays: HEALTH_WINDOW_DAYS,
    metrics: HEADLINE_FIELDS.map((field) => {
      const definition = METRIC_DEFINITIONS[field];
      const current = trend.current.metrics[field];
      const series = monthly.map((set) => set[field]);
      return {
        field,
        label: definition.label,
        value: formatMetricValue(current, definition),
        provenance: provenanceSentence(field, provenance[field]),
        provenanceUrl: site.drills.href(field, 'last-90-days', null),
        trend: describeTrend(trend.change[field], definition, HEALTH_WINDOW_DAYS, current !== null),
        url: `${sectionPath('metrics')}#${metricAnchor(field)}`,
        series,
        seriesSummary: seriesSummary(series, months, (value) => formatMetricValue(value, definition)),
      };
    }),
  };
}

/** `count` month keys (`YYYY-MM`) ending with now's month in the hub zone. */
function lastMonths(now: Temporal.Instant, zone: string, count: number): string[] {
  const current = Temporal.PlainYearMonth.from(monthKey(now.toZonedDateTimeISO(zone), zone));
  return Array.from({ length: count }, (_, index) => current.subtract({ months: count - 1 - index }).toString());
}

/** "Monthly, December 2025 to November 2026: lowest 0 releases (December 2025), highest …, latest …." */
function seriesSummary(series: readonly (number | null)[], months: readonly string[], format: (value: number) => string): string {
  const known = series.flatMap((value, index) => (value === null ? [] : [{ value, month: months[index]! }]));
  const range = `Monthly, ${formatMonth(months[0]!)} to ${formatMonth(months.at(-1)!)}`;
  if (known.length === 0) return `${range}: no data.`;
  const lowest = known.reduce((min, point) => (point.value < min.value ? point : min));
  const highest = known.reduce((max, point) => (point.value > max.value ? point : max));
  const latest = known.at(-1)!;
  return `${range}: lowest ${format(lowest.value)} (${formatMonth(lowest.month)}), highest ${format(highest.value)} (${formatMonth(highest.month)}), latest ${format(latest.value)} (${formatMonth(latest.month)}).`;
}

function staleRunbooks(hub: Hub, now: Temporal.Instant): StaleRunbook[] {
  const zone = hub.config.timezone;
  return hub.runbooks
    .filter((runbook) => isReviewOverdue(runbook, now, zone))
    .map((runbook) => ({ runbook, due: reviewDueDate(runbook) }))
    .sort((a, b) => (a.due && b.due ? Temporal.PlainDate.compare(a.due, b.due) : a.due ? 1 : b.due ? -1 : 0) || compareText(a.runbook.title, b.runbook.title))
    .map(({ runbook, due }) => {
      const dueTime = due?.toZonedDateTime(zone);
      return {
        id: runbook.id,
        title: runbook.title,
        url: runbookPath(runbook.id),
        ...ownerOf(hub, runbook.owner),
        due: dueTime ? { iso: due!.toString(), text: formatDate(dueTime, zone) } : null,
      };
    });
}

function gtmLaunches(hub: Hub, now: Temporal.Instant): GtmLaunch[] {
  const zone = hub.config.timezone;
  const today = now.toZonedDateTimeISO(zone).toPlainDate();
  const lastDay = today.add({ days: UPCOMING_DAYS });
  return launchingReleases(hub.releases)
    .map((release) => ({ release, day: launchDay(release) }))
    .filter(({ day }) => Temporal.PlainDate.compare(day, today) >= 0 && Temporal.PlainDate.compare(day, lastDay) <= 0)
    .sort((a, b) => Temporal.PlainDate.compare(a.day, b.day) || compareText(a.release.id, b.release.id))
    .map(({ release, day }) => ({
      release: dashboardRelease(hub, release),
      date: { iso: day.toString(), text: formatDate(day.toZonedDateTime(zone), zone) },
      ...ownerOf(hub, release.gtm?.owner),
    }));
}

function ownerOf(hub: Hub, personId: string | undefined): { owner?: PersonLink } {
  const person = personId ? hub.people.find((candidate) => candidate.id === personId) : undefined;
  return person ? { owner: { name: person.name, url: personPath(person.id) } } : {};
}

function dashboardRelease(hub: Hub, release: Release, when?: ShownTime): DashboardRelease {
  return {
    id: release.id,
    url: releasePath(release),
    productName: productName(hub, release.product),
    version: release.version,
    ...(release.title ? { title: release.title } : {}),
    status: release.status,
    ...(when ? { when } : {}),
  };
}

function windowText(release: Release, zone: string): ShownTime | undefined {
  return release.window && shownTime(release.window.start, formatTimeRange(release.window.start, release.window.end, zone));
}

function shownTime(time: Temporal.ZonedDateTime, text: string): ShownTime {
  return { iso: isoDateTime(time), text };
}

function capped<T>(items: T[]): Listed<T> {
  return { items: items.slice(0, LIST_LIMIT), more: Math.max(0, items.length - LIST_LIMIT) };
}

/** Releases with a window first, by window start; then by id, so the order is stable. */
function byWindowStart(a: Release, b: Release): number {
  if (a.window && b.window) return compareTimes(a.window.start, b.window.start) || compareText(a.id, b.id);
  if (a.window || b.window) return a.window ? -1 : 1;
  return compareText(a.id, b.id);
}
