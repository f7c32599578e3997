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
 * - Every value comes with its provenance: the releases (or incidents) it is computed over, the
 *   ones left out and why, and its numerator and denominator. The value is computed from that
 *   provenance, so the two cannot disagree, and anyone can recompute it from the release ids.
 */
import { Temporal } from 'temporal-polyfill';
import { ownValue } from '../core/own.ts';
import type { Hub, HubConfig, Incident, MetricSeries, Release } from '../core/model.ts';
import { compareTimes, monthKey, monthsBetweenInclusive } from '../core/time.ts';
import { deployedIn } from './environments.ts';
import { environmentsOf } from '../process/environments.ts';
import { periodOf, releasesIn, type PeriodId } from './periods.ts';

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
  /** Alias of `failedDeploymentRecoveryHoursMedian` (its pre-2023 DORA name), kept for existing consumers. */
  timeToRestoreHoursMedian: number | null;
  /** Fraction 0..1 of D that is unplanned: releases that fix an incident of another release (`fixes`). */
  deploymentReworkRate: number | null;
  /** Median hours from incident start to resolution, over the resolved incidents of D. */
  failedDeploymentRecoveryHoursMedian: number | null;
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

/** A bounded period of `periods`: its bounds (ISO instants) and its metric sets. */
export interface PeriodMetrics {
  /** Releases finished after `from` (at or after, for the last 12 months) and by `to`. */
  from: string;
  to: string;
  overall: MetricSet;
  byProduct: Record<string, MetricSet>;
}

/** Deployment frequency and duration of one environment (`byEnvironment`). */
export interface EnvironmentMetrics {
  releaseCount: number;
  releasesPerMonth: number | null;
  deploymentMinutesMedian: number | null;
}

/**
 * How one value was worked out, in `/api/metrics.json`: release ids only (every other input is in
 * `/api/releases.json`), so anyone can recompute the value. `counted` is the denominator's
 * releases; `matching` (rates) the numerator's; `incidents` (recovery time) the resolved incidents
 * whose durations the median is over; `excluded` the releases left out, by reason, and
 * `unresolvedIncidents` the open incidents left out.
 */
export interface ProvenanceJson {
  numerator: number | null;
  denominator: number;
  counted: string[];
  matching?: string[];
  incidents?: { release: string; incident: string }[];
  excluded: Partial<Record<ExclusionReason, string[]>>;
  unresolvedIncidents?: { release: string; incident: string }[];
}

/** The provenance of every field of a set, as JSON. */
export type SetProvenanceJson = Record<ProvenanceField, ProvenanceJson>;
/** The provenance of a month, as JSON: every field but `releasesPerMonth`. */
export type MonthProvenanceJson = Omit<SetProvenanceJson, 'releasesPerMonth'>;

/** How every number of the document was worked out, by the same keys as the numbers. */
export interface DocumentProvenance {
  overall: SetProvenanceJson;
  byProduct: Record<string, { overall: SetProvenanceJson; byMonth: Record<string, MonthProvenanceJson> }>;
  byMonth: Record<string, MonthProvenanceJson>;
  periods: Record<'last12Months' | 'last90Days', { overall: SetProvenanceJson; byProduct: Record<string, SetProvenanceJson> }>;
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
  /** Set when this field is another name for that field (the same value). */
  aliasOf?: MetricField;
}

/**
 * Why a release (or one of its incidents) of a set is not counted in a metric: not deployed (its
 * status), no deployment finish time, no window, no `acceptedAt`, no deployment start, no survey,
 * a survey without responses, no incident, or an incident not resolved yet.
 */
export type ExclusionReason =
  | 'not-deployed'
  | 'no-finish-time'
  | 'no-window'
  | 'no-accepted-at'
  | 'no-start-time'
  | 'no-survey'
  | 'no-responses'
  | 'no-incident'
  | 'unresolved';

/** One input of a metric: a release (or one of its incidents) and what it contributes. */
export interface CountedInput {
  release: string;
  /** For incident metrics: the incident id. */
  incident?: string;
  /** Rates: whether it matches (rolled back, on schedule, …); medians: its value in the metric's unit; satisfaction: its score. */
  value?: number | boolean;
  /** Satisfaction: the survey's responses (its weight). */
  weight?: number;
}

/** A release (or an incident) of the set that the metric leaves out, and why. */
export interface ExcludedInput {
  release: string;
  incident?: string;
  reason: ExclusionReason;
}

/**
 * How one value was worked out. Rates: `numerator` of `denominator` counted releases match.
 * Medians: the median of `denominator` values (`numerator` is null). Satisfaction: Σ score ×
 * responses over Σ responses. Releases per month: releases over calendar months. Counts: the count.
 */
export interface MetricProvenance {
  numerator: number | null;
  denominator: number;
  /** The inputs, oldest release first (incident metrics: one per resolved incident). */
  counted: CountedInput[];
  /** What the set holds but the metric leaves out. */
  excluded: ExcludedInput[];
}

/** The fields with a provenance of their own (the alias shares its field's). */
export type ProvenanceField = Exclude<MetricField, 'timeToRestoreHoursMedian'>;
/** The provenance of every field of a set. */
export type SetProvenance = Record<ProvenanceField, MetricProvenance>;
/** The provenance of a month: every field but `releasesPerMonth`. */
export type MonthProvenance = Omit<SetProvenance, 'releasesPerMonth'>;

/** A metric set and how each value was worked out. */
export interface ExplainedSet {
  metrics: MetricSet;
  provenance: SetProvenance;
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
  /** The last 12 months and the last 90 days (src/metrics/periods.ts). */
  periods: Record<'last12Months' | 'last90Days', PeriodMetrics>;
  /** Deployment frequency and duration per hub.yaml environment, in promotion order (SPEC §4); DORA counts the release environment only. */
  byEnvironment: Record<string, EnvironmentMetrics>;
  /** The releases behind every number above (the alias `timeToRestoreHoursMedian` shares its field's). */
  provenance: DocumentProvenance;
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
      'score × responses divided by the sum of responses (with survey responses in feedback/, the mean of ' +
      'all the responses). Releases without a survey or with no responses are left out.',
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
    description:
      'The share of deployed releases that were rolled back or had at least one incident: the deployments that needed ' +
      'immediate intervention (DORA’s change fail rate).',
  },
  timeToRestoreHoursMedian: {
    label: 'Time to restore',
    unit: 'hours',
    format: 'decimal',
    better: 'lower',
    description:
      'The same value as failed deployment recovery time, under the name DORA used until 2023; kept so that readers of ' + '/api/metrics.json keep working.',
    aliasOf: 'failedDeploymentRecoveryHoursMedian',
  },
  deploymentReworkRate: {
    label: 'Deployment rework rate',
    unit: '%',
    format: 'percent',
    better: 'lower',
    description:
      'The share of deployed releases that were not planned but made to fix an incident in production: releases whose ' +
      'fixes field names an incident of another release (DORA’s deployment rework rate, 2024).',
  },
  failedDeploymentRecoveryHoursMedian: {
    label: 'Failed deployment recovery time',
    unit: 'hours',
    format: 'decimal',
    better: 'lower',
    description:
      'The median time from the start of an incident to its resolution, in hours, over the resolved incidents of deployed ' +
      'releases. An incident is recorded on the release whose change caused it, so each one is the recovery from a failed ' +
      'deployment (DORA’s failed deployment recovery time, called time to restore until 2023). Incidents not resolved yet ' +
      'are left out; a rollback without an incident has no recorded recovery.',
  },
};

const METRIC_FIELDS = Object.keys(METRIC_DEFINITIONS) as MetricField[];

/** Why: SPEC §4's D is the population of every metric; pages and feeds must agree on what "shipped" means. */
export function isDeployed(release: Release): release is DeployedRelease {
  return (release.status === 'released' || release.status === 'rolled-back') && release.deployment?.finishedAt !== undefined;
}

/** Why: one function computes SPEC §4 for any subset (overall, product, month, period), so they never disagree. */
export function computeMetricSet(releases: readonly Release[], options: MetricOptions): MetricSet {
  return explainMetricSet(releases, options).metrics;
}

/**
 * Why: every value with the releases behind it. Releases outside D are left out of every metric
 * ("not deployed", or "no finish time" when released without `deployment.finishedAt`).
 */
export function explainMetricSet(releases: readonly Release[], options: MetricOptions): ExplainedSet {
  const deployed = releases.filter(isDeployed).sort(byReleaseTime);
  const outside = releases
    .filter((release) => !isDeployed(release))
    .sort((a, b) => compareIds(a.id, b.id))
    .map(
      (release): ExcludedInput => ({
        release: release.id,
        reason: release.status === 'released' || release.status === 'rolled-back' ? 'no-finish-time' : 'not-deployed',
      }),
    );
  const span = monthSpan(deployed, options.hubZone);
  const months = span ? monthsBetweenInclusive(span.first, span.last) : 0;
  const recovery = recoveryProvenance(deployed, outside);
  const provenance: SetProvenance = {
    releaseCount: { numerator: null, denominator: deployed.length, counted: deployed.map((release) => ({ release: release.id })), excluded: outside },
    releasesPerMonth: { numerator: deployed.length, denominator: months, counted: deployed.map((release) => ({ release: release.id })), excluded: outside },
    onScheduleRate: rateProvenance(deployed, outside, (release) => onScheduleVerdict(release, options.onTimeToleranceMinutes)),
    leadTimeDaysMedian: medianProvenance(deployed, outside, (release) => leadTimeDays(release) ?? 'no-accepted-at'),
    rollbackRate: rateProvenance(deployed, outside, (release) => release.status === 'rolled-back'),
    satisfactionScore: satisfactionProvenance(deployed, outside),
    deploymentMinutesMedian: medianProvenance(deployed, outside, (release) => deploymentMinutes(release) ?? 'no-start-time'),
    changeFailureRate: rateProvenance(deployed, outside, isChangeFailure),
    deploymentReworkRate: rateProvenance(deployed, outside, isRework),
    failedDeploymentRecoveryHoursMedian: recovery,
  };
  const recoveryHours = median(valuesOf(recovery));
  return {
    metrics: {
      releaseCount: deployed.length,
      releasesPerMonth: months > 0 ? deployed.length / months : null,
      onScheduleRate: ratio(provenance.onScheduleRate),
      leadTimeDaysMedian: median(valuesOf(provenance.leadTimeDaysMedian)),
      rollbackRate: ratio(provenance.rollbackRate),
      satisfactionScore: ratio(provenance.satisfactionScore),
      deploymentMinutesMedian: median(valuesOf(provenance.deploymentMinutesMedian)),
      changeFailureRate: ratio(provenance.changeFailureRate),
      timeToRestoreHoursMedian: recoveryHours,
      deploymentReworkRate: ratio(provenance.deploymentReworkRate),
      failedDeploymentRecoveryHoursMedian: recoveryHours,
    },
    provenance,
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
  const productIds = hub.config.products.map((product) => product.id);
  const ofProduct = (releases: readonly Release[], id: string) => releases.filter((release) => release.product === id);
  const overall = explainMetricSet(hub.releases, options);
  const byMonth = explainMonths(deployed, months, options);
  const products = productIds.map((id) => {
    const releases = ofProduct(hub.releases, id);
    return { id, set: explainMetricSet(releases, options), months: explainMonths(ofProduct(deployed, id), months, options) };
  });
  const period = (id: Exclude<PeriodId, 'all-time'>) => {
    const bounds = periodOf(id, now, options.hubZone);
    const releases = releasesIn(bounds, hub.releases);
    const set = explainMetricSet(releases, options);
    const perProduct = productIds.map((product) => [product, explainMetricSet(ofProduct(releases, product), options)] as const);
    return {
      metrics: {
        from: bounds.from!.toString(),
        to: bounds.to!.toString(),
        overall: set.metrics,
        byProduct: Object.fromEntries(perProduct.map(([product, explained]) => [product, explained.metrics])),
      },
      provenance: {
        overall: provenanceJson(set.provenance),
        byProduct: Object.fromEntries(perProduct.map(([product, explained]) => [product, provenanceJson(explained.provenance)])),
      },
    };
  };
  const last12Months = period('last-12-months');
  const last90Days = period('last-90-days');
  return {
    generatedAt: now.toString(),
    timezone: options.hubZone,
    definitions: METRIC_DEFINITIONS,
    overall: overall.metrics,
    byProduct: Object.fromEntries(
      products.map(({ id, set, months: productMonths }) => [id, { ...set.metrics, byMonth: productMonths.map((month) => month.metrics) }]),
    ),
    byMonth: byMonth.map((month) => month.metrics),
    periods: { last12Months: last12Months.metrics, last90Days: last90Days.metrics },
    byEnvironment: environmentMetrics(hub, deployed, options),
    provenance: {
      overall: provenanceJson(overall.provenance),
      byProduct: Object.fromEntries(
        products.map(({ id, set, months: productMonths }) => [
          id,
          {
            overall: provenanceJson(set.provenance),
            byMonth: Object.fromEntries(productMonths.map((month) => [month.metrics.month, provenanceJson(month.provenance)])),
          },
        ]),
      ),
      byMonth: Object.fromEntries(byMonth.map((month) => [month.metrics.month, provenanceJson(month.provenance)])),
      periods: { last12Months: last12Months.provenance, last90Days: last90Days.provenance },
    },
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

/**
 * Why: a digest compares one calendar period with the one before it (`[start, end)` each, hub
 * zone), with the same metric set and the same change arithmetic as `computeTrend`.
 */
export function comparePeriods(
  releases: readonly Release[],
  current: { start: Temporal.Instant; end: Temporal.Instant },
  previous: { start: Temporal.Instant; end: Temporal.Instant },
  options: MetricOptions,
): { current: MetricSet; previous: MetricSet; change: Record<MetricField, MetricChange> } {
  const setOf = ({ start, end }: { start: Temporal.Instant; end: Temporal.Instant }) =>
    computeMetricSet(
      releases.filter(isDeployed).filter((release) => {
        const finished = release.deployment.finishedAt.toInstant();
        return Temporal.Instant.compare(finished, start) >= 0 && Temporal.Instant.compare(finished, end) < 0;
      }),
      options,
    );
  const now = setOf(current);
  const before = setOf(previous);
  const change = Object.fromEntries(METRIC_FIELDS.map((field) => [field, metricChange(now[field], before[field])])) as Record<MetricField, MetricChange>;
  return { current: now, previous: before, change };
}

/** Why: the JSON form of a set's provenance: release ids by role, reasons as keys (see `ProvenanceJson`). */
export function provenanceJson<T extends Partial<SetProvenance>>(provenance: T): { [K in keyof T]: ProvenanceJson } {
  return Object.fromEntries(
    Object.entries(provenance).map(([field, entry]) => [field, metricProvenanceJson(field as ProvenanceField, entry as MetricProvenance)]),
  ) as {
    [K in keyof T]: ProvenanceJson;
  };
}

function metricProvenanceJson(field: ProvenanceField, provenance: MetricProvenance): ProvenanceJson {
  const incidentsOf = (inputs: readonly (CountedInput | ExcludedInput)[]) => inputs.map((input) => ({ release: input.release, incident: input.incident! }));
  const releaseLevel = provenance.excluded.filter((input) => input.incident === undefined);
  const byReason = Map.groupBy(releaseLevel, (input) => input.reason);
  const excluded: Partial<Record<ExclusionReason, string[]>> = Object.fromEntries(
    [...byReason].map(([reason, inputs]) => [reason, inputs.map((input) => input.release)]),
  );
  const isRate = RATE_FIELDS.has(field);
  const isIncidents = field === 'failedDeploymentRecoveryHoursMedian';
  return {
    numerator: provenance.numerator,
    denominator: provenance.denominator,
    counted: [...new Set(provenance.counted.map((input) => input.release))],
    ...(isRate ? { matching: provenance.counted.filter((input) => input.value === true).map((input) => input.release) } : {}),
    ...(isIncidents ? { incidents: incidentsOf(provenance.counted) } : {}),
    excluded,
    ...(isIncidents ? { unresolvedIncidents: incidentsOf(provenance.excluded.filter((input) => input.incident !== undefined)) } : {}),
  };
}

const RATE_FIELDS: ReadonlySet<ProvenanceField> = new Set(['onScheduleRate', 'rollbackRate', 'changeFailureRate', 'deploymentReworkRate']);

/** Why: a month of `byMonth` (or of a period's chart) with the provenance of each value. */
export function explainMonth(
  month: string,
  deployedInMonth: readonly Release[],
  options: MetricOptions,
): { metrics: MonthMetrics; provenance: MonthProvenance } {
  const { metrics, provenance } = explainMetricSet(deployedInMonth, options);
  const { releasesPerMonth: _perMonth, ...monthMetrics } = metrics;
  const { releasesPerMonth: _perMonthProvenance, ...monthProvenance } = provenance;
  return { metrics: { month, ...monthMetrics }, provenance: monthProvenance };
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

/** Deployment frequency and duration per environment, in hub.yaml order: the release environment's is D, the others' their deployments (`deployedIn`). */
function environmentMetrics(hub: Hub, deployed: readonly DeployedRelease[], options: MetricOptions): Record<string, EnvironmentMetrics> {
  const groups = environmentsOf(hub.config)
    .map((environment) => [environment.id, environment.release ? deployed : deployedIn(hub.releases, hub.config, environment.id)] as const)
    .filter(([, releases]) => releases.length > 0);
  return Object.fromEntries(
    groups.map(([environment, releases]) => {
      const set = computeMetricSet(releases, options);
      return [environment, { releaseCount: set.releaseCount, releasesPerMonth: set.releasesPerMonth, deploymentMinutesMedian: set.deploymentMinutesMedian }];
    }),
  );
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

function explainMonths(deployed: readonly Release[], months: readonly string[], options: MetricOptions) {
  const byMonth = Map.groupBy(deployed.filter(isDeployed), (release) => monthKey(release.deployment.finishedAt, options.hubZone));
  return months.map((month) => explainMonth(month, byMonth.get(month) ?? [], options));
}

/** A rate: each release of D matches (`true`), does not (`false`) or is left out (a reason). */
function rateProvenance(
  deployed: readonly DeployedRelease[],
  outside: readonly ExcludedInput[],
  judge: (release: DeployedRelease) => boolean | ExclusionReason,
): MetricProvenance {
  const counted: CountedInput[] = [];
  const excluded: ExcludedInput[] = [];
  for (const release of deployed) {
    const verdict = judge(release);
    if (typeof verdict === 'boolean') counted.push({ release: release.id, value: verdict });
    else excluded.push({ release: release.id, reason: verdict });
  }
  return { numerator: counted.filter((input) => input.value === true).length, denominator: counted.length, counted, excluded: [...excluded, ...outside] };
}

/** A median over releases: each release of D gives a value or is left out (a reason). */
function medianProvenance(
  deployed: readonly DeployedRelease[],
  outside: readonly ExcludedInput[],
  measure: (release: DeployedRelease) => number | ExclusionReason,
): MetricProvenance {
  const counted: CountedInput[] = [];
  const excluded: ExcludedInput[] = [];
  for (const release of deployed) {
    const value = measure(release);
    if (typeof value === 'number') counted.push({ release: release.id, value });
    else excluded.push({ release: release.id, reason: value });
  }
  return { numerator: null, denominator: counted.length, counted, excluded: [...excluded, ...outside] };
}

/** Recovery time: one input per resolved incident of D; releases without an incident and open incidents are left out. */
function recoveryProvenance(deployed: readonly DeployedRelease[], outside: readonly ExcludedInput[]): MetricProvenance {
  const counted: CountedInput[] = [];
  const excluded: ExcludedInput[] = [];
  for (const release of deployed) {
    if (release.incidents.length === 0) excluded.push({ release: release.id, reason: 'no-incident' });
    for (const incident of release.incidents) {
      const hours = restoreHours(incident);
      if (hours === null) excluded.push({ release: release.id, incident: incident.id, reason: 'unresolved' });
      else counted.push({ release: release.id, incident: incident.id, value: hours });
    }
  }
  return { numerator: null, denominator: counted.length, counted, excluded: [...excluded, ...outside] };
}

/** A survey with 0 responses counts for nothing, so it is left out; no responses at all is `null`. */
function satisfactionProvenance(deployed: readonly DeployedRelease[], outside: readonly ExcludedInput[]): MetricProvenance {
  const counted: CountedInput[] = [];
  const excluded: ExcludedInput[] = [];
  for (const release of deployed) {
    const survey = release.satisfaction;
    if (!survey) excluded.push({ release: release.id, reason: 'no-survey' });
    else if (survey.responses === 0) excluded.push({ release: release.id, reason: 'no-responses' });
    else counted.push({ release: release.id, value: survey.score, weight: survey.responses });
  }
  return {
    numerator: sum(counted.map((input) => (input.value as number) * input.weight!)),
    denominator: sum(counted.map((input) => input.weight!)),
    counted,
    excluded: [...excluded, ...outside],
  };
}

/** numerator ÷ denominator, `null` when the denominator is 0. */
function ratio(provenance: MetricProvenance): number | null {
  return provenance.denominator > 0 && provenance.numerator !== null ? provenance.numerator / provenance.denominator : null;
}

function valuesOf(provenance: MetricProvenance): number[] {
  return provenance.counted.map((input) => input.value as number);
}

/** Whether a deployed release finished on schedule (the rule of `onScheduleRate`), or how late. */
export type ScheduleVerdict = { kind: 'no-window' } | { kind: 'on-time' } | { kind: 'late'; minutesLate: number };

/**
 * Why: the one on-time rule (SPEC §4 `onScheduleRate`, the release page's schedule line and the
 * `released-late` attention kind): on schedule when it finished by its window end plus the
 * tolerance; otherwise late by the whole minutes after that (as the drill-down says).
 */
export function scheduleVerdict(release: DeployedRelease, options: Pick<MetricOptions, 'onTimeToleranceMinutes'>): ScheduleVerdict {
  if (!release.window) return { kind: 'no-window' };
  const { finishedAt } = release.deployment;
  if (finishedInWindow(finishedAt, release.window.end, options.onTimeToleranceMinutes)) return { kind: 'on-time' };
  return { kind: 'late', minutesLate: Math.ceil(elapsedMs(release.window.end.add({ minutes: options.onTimeToleranceMinutes }), finishedAt) / MS_PER_MINUTE) };
}

/** Why: the counts and the attention list only need yes, no or no window, from the same rule. */
export function onScheduleVerdict(release: DeployedRelease, toleranceMinutes: number): boolean | 'no-window' {
  const verdict = scheduleVerdict(release, { onTimeToleranceMinutes: toleranceMinutes });
  return verdict.kind === 'no-window' ? 'no-window' : verdict.kind === 'on-time';
}

function finishedInWindow(finishedAt: Temporal.ZonedDateTime, windowEnd: Temporal.ZonedDateTime, toleranceMinutes: number): boolean {
  return compareTimes(finishedAt, windowEnd.add({ minutes: toleranceMinutes })) <= 0;
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

/** SPEC §4's change failure: a rollback, or any incident caused by the release. */
function isChangeFailure(release: DeployedRelease): boolean {
  return release.status === 'rolled-back' || release.incidents.length > 0;
}

/** SPEC §4's rework: a release made to fix another release's incident (`fixes`). */
function isRework(release: Release): boolean {
  return release.fixes.length > 0;
}

/** Oldest release first; releases finished at the same instant by id. */
function byReleaseTime(a: DeployedRelease, b: DeployedRelease): number {
  return compareTimes(a.deployment.finishedAt, b.deployment.finishedAt) || compareIds(a.id, b.id);
}

/** Code-point order, the same on every machine (no locale). */
function compareIds(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
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

function sum(values: readonly number[]): number {
  return values.reduce((total, value) => total + value, 0);
}
