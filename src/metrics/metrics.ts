/**
 * Release metrics of SPEC.md §4, computed from the hub model alone: pure functions of the
 * releases, the hub zone, the on-time tolerance and a given "now" (the clock is never read).
 *
 * Conventions (SPEC §4 is silent on these):
 * - Rates are fractions 0..1, not percent. Durations are exact elapsed time (a DST change
 *   does not stretch a day): lead time in days of 24 h, deployment in minutes, restore in hours.
 * - Nothing is rounded, here or in the JSON: rounding is presentation, so a page table and
 *   `/api/metrics.json` hold the same numbers.
 * - No data is `null` (never 0, never NaN). `releaseCount` is a count, so it is 0, not null.
 */
import { Temporal } from 'temporal-polyfill';
import { ownValue } from '../core/own.ts';
import type { Hub, HubConfig, Incident, MetricSeries, Release, TimeWindow } from '../core/model.ts';
import { compareTimes, monthKey, monthsBetweenInclusive } from '../core/time.ts';

const MS_PER_MINUTE = 60_000;
const MS_PER_HOUR = 60 * MS_PER_MINUTE;
const MS_PER_DAY = 24 * MS_PER_HOUR;

/** A release in D of SPEC §4: released or rolled back, with a release time (`deployment.finishedAt`). */
export type DeployedRelease = Release & {
  status: 'released' | 'rolled-back';
  deployment: { startedAt?: Temporal.ZonedDateTime; finishedAt: Temporal.ZonedDateTime };
};

/** What the metrics depend on besides the releases: hub.yaml `timezone` and `metrics.onTimeToleranceMinutes`. */
export interface MetricOptions {
  /** IANA zone whose calendar months bucket the releases. */
  hubZone: string;
  /** Minutes a release may finish after its window end and still count as on schedule. */
  onTimeToleranceMinutes: number;
}

/** Every field of SPEC §4 for one set of releases (overall, one product, one month or one trend window). */
export interface MetricSet {
  /** |D|. */
  releaseCount: number;
  /** |D| per calendar month, first to last release month inclusive (hub zone). */
  releasesPerMonth: number | null;
  /** Fraction 0..1 of D with a window that finished by window end + tolerance. */
  onScheduleRate: number | null;
  /** Median days (exact elapsed hours / 24) from `acceptedAt` to `finishedAt`. */
  leadTimeDaysMedian: number | null;
  /** Fraction 0..1 of D that was rolled back. */
  rollbackRate: number | null;
  /** Response-weighted mean survey score (1-5). */
  satisfactionScore: number | null;
  /** Median minutes from `deployment.startedAt` to `deployment.finishedAt`. */
  deploymentMinutesMedian: number | null;
  /** Fraction 0..1 of D rolled back or with at least one incident. */
  changeFailureRate: number | null;
  /** Median hours from incident start to resolution, over resolved incidents of D. */
  timeToRestoreHoursMedian: number | null;
}

/** The name of one metric: a field of `MetricSet`. */
export type MetricField = keyof MetricSet;

/**
 * One month of `byMonth`: SPEC §4's `{ month, releaseCount, onScheduleRate, rollbackRate }`, plus the
 * other metrics of the month's releases so every metric can be charted over time.
 * (`releasesPerMonth` is left out: for one month it would just repeat `releaseCount`.)
 */
export type MonthMetrics = { month: string } & Omit<MetricSet, 'releasesPerMonth'>;

/** A `byProduct` entry: the product's metric set and its months (the hub-wide month range, for aligned charts). */
export interface ProductMetrics extends MetricSet {
  byMonth: MonthMetrics[];
}

/** A custom series from `content/metrics/<id>.csv` and its sidecar, as JSON. Absent values are `null`. */
export interface CustomSeries {
  id: string;
  title: string;
  unit: string | null;
  description: string | null;
  target: number | null;
  columns: string[];
  /** Sorted by date; every column has a key, `null` where the CSV cell has no value. */
  rows: { date: string; values: Record<string, number | null> }[];
}

/** How a page labels, formats and explains one metric; rendered on `/metrics/` and shipped in the JSON. */
export interface MetricDefinition {
  label: string;
  /** Unit of the displayed value (`%` means the raw value is a fraction 0..1, shown ×100). */
  unit: string;
  /** Display hint: `integer` (counts), `decimal` (one or two digits), `percent` (fraction shown ×100). */
  format: 'integer' | 'decimal' | 'percent';
  /** Which way is an improvement, for trend arrows; `null` when neither. */
  better: 'higher' | 'lower' | null;
  /** Plain-English "how we compute this"; it describes the code in this file. */
  description: string;
}

/** The `/api/metrics.json` document. */
export interface MetricsDocument {
  /** ISO 8601 instant of the build's "now". */
  generatedAt: string;
  /** The hub zone: months are its calendar months. */
  timezone: string;
  definitions: Record<MetricField, MetricDefinition>;
  overall: MetricSet;
  /** Keyed by product id, one entry per hub.yaml product (also those without releases). */
  byProduct: Record<string, ProductMetrics>;
  /** Every month from the first to the last release month (hub zone), empty months included. */
  byMonth: MonthMetrics[];
  custom: CustomSeries[];
}

/** Difference between two periods' values; `null` when either side has no data. */
export interface MetricChange {
  /** current − previous, in the metric's own unit (for rates: fraction points). */
  delta: number | null;
  /** (current − previous) ÷ |previous| as a fraction; `null` also when previous is 0. */
  relative: number | null;
}

/** One trend period: releases whose `finishedAt` is after `from` and at or before `to`. */
export interface TrendPeriod {
  from: string;
  to: string;
  metrics: MetricSet;
}

/**
 * Headline numbers now against the period before, for "↑ 12 % vs previous 90 days". Periods are
 * `windowDays` × 24 h of exact time. For release frequency compare `releaseCount` (both periods are
 * equally long); `releasesPerMonth` keeps its SPEC meaning (months from the period's first to last release).
 */
export interface MetricTrend {
  windowDays: number;
  current: TrendPeriod;
  previous: TrendPeriod;
  change: Record<MetricField, MetricChange>;
}

/** Why: the page explains each metric from the same place the code lives, so text and formula cannot drift. */
export const METRIC_DEFINITIONS: Record<MetricField, MetricDefinition> = {
  releaseCount: {
    label: 'Releases',
    unit: 'releases',
    format: 'integer',
    better: null,
    description:
      'The number of deployed releases: releases whose status is released or rolled back and that have a ' +
      'deployment finish time (the release time). Planned, scheduled, in-progress and cancelled releases, ' +
      'and releases without a finish time, are not counted in any metric.',
  },
  releasesPerMonth: {
    label: 'Releases per month',
    unit: 'releases per month',
    format: 'decimal',
    better: 'higher',
    description:
      'Deployed releases divided by the number of calendar months from the month of the first release to ' +
      'the month of the last, both included and months without releases counted, in the hub time zone.',
  },
  onScheduleRate: {
    label: 'On schedule',
    unit: '%',
    format: 'percent',
    better: 'higher',
    description:
      'Of the deployed releases that have a planned window, the share whose deployment finished no later ' +
      'than the window end plus the on-time tolerance (metrics.onTimeToleranceMinutes in hub.yaml). ' +
      'Releases without a window are left out of the count.',
  },
  leadTimeDaysMedian: {
    label: 'Lead time',
    unit: 'days',
    format: 'decimal',
    better: 'lower',
    description:
      'The median time from acceptedAt (work accepted) to the deployment finish, in days of 24 hours of ' +
      'elapsed time, over the deployed releases that have acceptedAt. For an even number of releases the ' +
      'median is the mean of the two middle values.',
  },
  rollbackRate: {
    label: 'Rollback rate',
    unit: '%',
    format: 'percent',
    better: 'lower',
    description: 'The share of deployed releases whose status is rolled back.',
  },
  satisfactionScore: {
    label: 'Satisfaction',
    unit: 'out of 5',
    format: 'decimal',
    better: 'higher',
    description:
      'The survey score (1 to 5) of deployed releases, weighted by the number of responses: the sum of ' +
      'score × responses divided by the sum of responses. Releases without a survey or with no responses ' +
      'are left out.',
  },
  deploymentMinutesMedian: {
    label: 'Deployment duration',
    unit: 'minutes',
    format: 'decimal',
    better: 'lower',
    description: 'The median time from deployment start to deployment finish, in minutes, over the deployed releases ' + 'that record a deployment start.',
  },
  changeFailureRate: {
    label: 'Change failure rate',
    unit: '%',
    format: 'percent',
    better: 'lower',
    description: 'The share of deployed releases that were rolled back or had at least one incident.',
  },
  timeToRestoreHoursMedian: {
    label: 'Time to restore',
    unit: 'hours',
    format: 'decimal',
    better: 'lower',
    description:
      'The median time from the start of an incident to its resolution, in hours, over the resolved ' +
      'incidents of deployed releases. Incidents without a resolution time are left out.',
  },
};

const METRIC_FIELDS = Object.keys(METRIC_DEFINITIONS) as MetricField[];

/** Why: SPEC §4's D is the population of every metric; pages and feeds must agree on what "shipped" means. */
export function isDeployed(release: Release): release is DeployedRelease {
  return (release.status === 'released' || release.status === 'rolled-back') && release.deployment?.finishedAt !== undefined;
}

/** Why: one function computes SPEC §4 for any subset (overall, product, month, trend window), so they never disagree. */
export function computeMetricSet(releases: readonly Release[], options: MetricOptions): MetricSet {
  const deployed = releases.filter(isDeployed);
  return {
    releaseCount: deployed.length,
    releasesPerMonth: releasesPerMonth(deployed, options.hubZone),
    onScheduleRate: onScheduleRate(deployed, options.onTimeToleranceMinutes),
    leadTimeDaysMedian: median(present(deployed.map(leadTimeDays))),
    rollbackRate: share(deployed, (release) => release.status === 'rolled-back'),
    satisfactionScore: satisfactionScore(deployed),
    deploymentMinutesMedian: median(present(deployed.map(deploymentMinutes))),
    changeFailureRate: share(deployed, isChangeFailure),
    timeToRestoreHoursMedian: median(present(deployed.flatMap((release) => release.incidents.map(restoreHours)))),
  };
}

/** Why: the JSON, the metrics page and the dashboard read the same hub.yaml settings the same way. */
export function metricOptionsFor(config: HubConfig): MetricOptions {
  return { hubZone: config.timezone, onTimeToleranceMinutes: config.metrics.onTimeToleranceMinutes };
}

/** Why: builds the `/api/metrics.json` document; pages render from the same object so tables equal the JSON. */
export function computeMetrics(hub: Hub, now: Temporal.Instant): MetricsDocument {
  const options = metricOptionsFor(hub.config);
  const deployed = hub.releases.filter(isDeployed);
  const months = monthRange(deployed, options.hubZone);
  const byProduct = hub.config.products.map((product): [string, ProductMetrics] => {
    const releases = deployed.filter((release) => release.product === product.id);
    return [product.id, { ...computeMetricSet(releases, options), byMonth: monthlyMetrics(releases, months, options) }];
  });
  return {
    generatedAt: now.toString(),
    timezone: options.hubZone,
    definitions: METRIC_DEFINITIONS,
    overall: computeMetricSet(deployed, options),
    byProduct: Object.fromEntries(byProduct),
    byMonth: monthlyMetrics(deployed, months, options),
    custom: hub.metricSeries.map(customSeries),
  };
}

/** Why: headline numbers need "vs the previous period"; both periods have the same length and end at `now`. */
export function computeTrend(releases: readonly Release[], now: Temporal.Instant, options: MetricOptions, windowDays = 90): MetricTrend {
  const length = { hours: 24 * windowDays };
  const currentFrom = now.subtract(length);
  const current = trendPeriod(releases, currentFrom, now, options);
  const previous = trendPeriod(releases, currentFrom.subtract(length), currentFrom, options);
  const change = Object.fromEntries(METRIC_FIELDS.map((field) => [field, metricChange(current.metrics[field], previous.metrics[field])])) as Record<
    MetricField,
    MetricChange
  >;
  return { windowDays, current, previous, change };
}

function trendPeriod(releases: readonly Release[], from: Temporal.Instant, to: Temporal.Instant, options: MetricOptions): TrendPeriod {
  const inPeriod = releases.filter(isDeployed).filter((release) => {
    const finished = release.deployment.finishedAt.toInstant();
    return Temporal.Instant.compare(finished, from) > 0 && Temporal.Instant.compare(finished, to) <= 0;
  });
  return { from: from.toString(), to: to.toString(), metrics: computeMetricSet(inPeriod, options) };
}

function metricChange(current: number | null, previous: number | null): MetricChange {
  if (current === null || previous === null) return { delta: null, relative: null };
  const delta = current - previous;
  return { delta, relative: previous === 0 ? null : delta / Math.abs(previous) };
}

function releasesPerMonth(deployed: readonly DeployedRelease[], hubZone: string): number | null {
  const span = monthSpan(deployed, hubZone);
  return span ? deployed.length / monthsBetweenInclusive(span.first, span.last) : null;
}

/** First and last release month (`YYYY-MM`, hub zone) of D; `null` when D is empty. */
function monthSpan(deployed: readonly DeployedRelease[], hubZone: string): { first: string; last: string } | null {
  const times = deployed.map((release) => release.deployment.finishedAt);
  const [first] = times;
  if (!first) return null;
  const earliest = times.reduce((min, time) => (compareTimes(time, min) < 0 ? time : min), first);
  const latest = times.reduce((max, time) => (compareTimes(time, max) > 0 ? time : max), first);
  return { first: monthKey(earliest, hubZone), last: monthKey(latest, hubZone) };
}

/** Every month key from the first to the last release month, inclusive. */
function monthRange(deployed: readonly DeployedRelease[], hubZone: string): string[] {
  const span = monthSpan(deployed, hubZone);
  if (!span) return [];
  const first = Temporal.PlainYearMonth.from(span.first);
  const count = monthsBetweenInclusive(span.first, span.last);
  return Array.from({ length: count }, (_, index) => first.add({ months: index }).toString());
}

function monthlyMetrics(deployed: readonly DeployedRelease[], months: readonly string[], options: MetricOptions): MonthMetrics[] {
  const byMonth = Map.groupBy(deployed, (release) => monthKey(release.deployment.finishedAt, options.hubZone));
  return months.map((month) => {
    const set = computeMetricSet(byMonth.get(month) ?? [], options);
    return {
      month,
      releaseCount: set.releaseCount,
      onScheduleRate: set.onScheduleRate,
      rollbackRate: set.rollbackRate,
      leadTimeDaysMedian: set.leadTimeDaysMedian,
      satisfactionScore: set.satisfactionScore,
      deploymentMinutesMedian: set.deploymentMinutesMedian,
      changeFailureRate: set.changeFailureRate,
      timeToRestoreHoursMedian: set.timeToRestoreHoursMedian,
    };
  });
}

function onScheduleRate(deployed: readonly DeployedRelease[], toleranceMinutes: number): number | null {
  const windowed = deployed.filter((release): release is DeployedRelease & { window: TimeWindow } => Boolean(release.window));
  return share(windowed, (release) => {
    const deadline = release.window.end.add({ minutes: toleranceMinutes });
    return compareTimes(release.deployment.finishedAt, deadline) <= 0;
  });
}

function leadTimeDays(release: DeployedRelease): number | null {
  return release.acceptedAt ? elapsedMs(release.acceptedAt, release.deployment.finishedAt) / MS_PER_DAY : null;
}

function deploymentMinutes(release: DeployedRelease): number | null {
  const { startedAt, finishedAt } = release.deployment;
  return startedAt ? elapsedMs(startedAt, finishedAt) / MS_PER_MINUTE : null;
}

function restoreHours(incident: Incident): number | null {
  return incident.resolvedAt ? elapsedMs(incident.startedAt, incident.resolvedAt) / MS_PER_HOUR : null;
}

function isChangeFailure(release: DeployedRelease): boolean {
  return release.status === 'rolled-back' || release.incidents.length > 0;
}

/** A survey with 0 responses adds 0 to both sums, so it counts for nothing; no responses at all is `null`. */
function satisfactionScore(deployed: readonly DeployedRelease[]): number | null {
  const surveys = present(deployed.map((release) => release.satisfaction));
  const responses = sum(surveys.map((survey) => survey.responses));
  return responses > 0 ? sum(surveys.map((survey) => survey.score * survey.responses)) / responses : null;
}

function customSeries(series: MetricSeries): CustomSeries {
  const rows = [...series.rows].sort((a, b) => Temporal.PlainDate.compare(a.date, b.date));
  return {
    id: series.id,
    title: series.title,
    unit: series.unit ?? null,
    description: series.description ?? null,
    target: series.target ?? null,
    columns: [...series.columns],
    rows: rows.map((row) => ({
      date: row.date.toString(),
      values: Object.fromEntries(series.columns.map((column) => [column, ownValue(row.values, column) ?? null])),
    })),
  };
}

/** Exact elapsed milliseconds between two instants (independent of zones and DST). */
function elapsedMs(from: Temporal.ZonedDateTime, to: Temporal.ZonedDateTime): number {
  return to.epochMilliseconds - from.epochMilliseconds;
}

/** Median; an even count gives the mean of the two middle values (SPEC §4). `null` for no values. */
function median(values: readonly number[]): number | null {
  const sorted = [...values].sort((a, b) => a - b);
  const half = sorted.length / 2;
  const middle = Number.isInteger(half) ? sorted.slice(half - 1, half + 1) : sorted.slice(half - 0.5, half + 0.5);
  return middle.length > 0 ? sum(middle) / middle.length : null;
}

/** Fraction 0..1 of items that match; `null` when there are no items. */
function share<T>(items: readonly T[], matches: (item: T) => boolean): number | null {
  return items.length > 0 ? items.filter(matches).length / items.length : null;
}

function sum(values: readonly number[]): number {
  return values.reduce((total, value) => total + value, 0);
}

function present<T>(values: readonly (T | null | undefined)[]): T[] {
  return values.filter((value): value is T => value !== null && value !== undefined);
}
