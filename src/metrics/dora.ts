/**
 * DORA performance bands (elite / high / medium / low) for a metric set, from the published
 * table of one report, encoded as data so the metrics page can render and cite it.
 *
 * Source: DORA, "Accelerate State of DevOps Report 2021" (Google Cloud), the software delivery
 * performance table. How its wording becomes numbers (the report gives ranges in words):
 * - a day is 24 h, a week 7 days, a month 30 days, six months 180 days;
 * - each band has one numeric bound (a maximum for "lower is better", a minimum for deployment
 *   frequency); a value earns the best band whose bound it meets, and a value that meets no
 *   bound is low. So a value in a gap between two published ranges (a lead time of 2 hours sits
 *   between "less than one hour" and "one day to one week") gets the worse of the two, and where
 *   the report gives several bands the same range (change failure rate 16-30 % for high, medium
 *   and low) the best of them wins;
 * - our measures stand in for DORA's: deployment frequency = deployed releases per day
 *   (`releasesPerMonth` ÷ 30 unless given), lead time for changes = `leadTimeDaysMedian` (from
 *   `acceptedAt`, not from commit), change failure rate = `changeFailureRate`, time to restore
 *   service = `timeToRestoreHoursMedian`.
 */
import type { MetricSet } from './metrics.ts';

/** The bands, best first. */
export const DORA_BANDS = ['elite', 'high', 'medium', 'low'] as const;
/** A DORA performance cluster, best first in `DORA_BANDS`. */
export type DoraBand = (typeof DORA_BANDS)[number];

/** DORA's four keys, in the order the page lists them. */
export const DORA_KEYS = ['deploymentFrequency', 'leadTime', 'changeFailureRate', 'timeToRestore'] as const;
/** One of DORA's four keys. */
export type DoraKey = (typeof DORA_KEYS)[number];

/** The report the thresholds come from; the page cites it next to the table. */
export const DORA_SOURCE = {
  title: 'Accelerate State of DevOps Report 2021',
  publisher: 'DORA (DevOps Research and Assessment), Google Cloud',
  year: 2021,
  url: 'https://dora.dev/research/2021/dora-report/',
  citation: 'DORA, Accelerate State of DevOps Report 2021, Google Cloud: software delivery performance by cluster (elite, high, medium, low).',
} as const;

/** A numeric reading of a published range: the limit a value must stay within (or reach) to earn the band. */
export interface DoraBound {
  limit: number;
  /** Whether the limit itself earns the band ("0%-15%" includes 15 %, "less than one hour" excludes 1 h). */
  inclusive: boolean;
}

/** One band of one key: the report's wording and the bound we read it as (`null` for the catch-all low band). */
export interface DoraBandRule {
  band: DoraBand;
  published: string;
  bound: DoraBound | null;
}

/** The published thresholds of one key, in the unit of the matching metric. */
export interface DoraKeyThresholds {
  key: DoraKey;
  label: string;
  /** Unit of the values and limits. */
  unit: string;
  /** `lower`: a bound is a maximum; `higher`: a bound is a minimum. */
  better: 'higher' | 'lower';
  /** Best band first. */
  rules: readonly DoraBandRule[];
}

/** The band of each key and the value it came from; `null` where the metric has no data. */
export interface DoraAssessment {
  /** The lowest band among the keys with data; `null` when no key has data. */
  overall: DoraBand | null;
  keys: Record<DoraKey, { value: number | null; band: DoraBand | null }>;
}

const HOURS_PER_DAY = 24;
const DAYS_PER_WEEK = 7;
const DAYS_PER_MONTH = 30;
const DAYS_PER_SIX_MONTHS = 6 * DAYS_PER_MONTH;

/** A bound the limit itself does not meet ("less than", "multiple per day"). */
const exclusive = (limit: number): DoraBound => ({ limit, inclusive: false });
/** A bound the limit itself meets ("0%-15%", "between one day and one week"). */
const inclusive = (limit: number): DoraBound => ({ limit, inclusive: true });

/** Why: the table is data, so the page renders exactly what the classification uses. */
export const DORA_THRESHOLDS: Record<DoraKey, DoraKeyThresholds> = {
  deploymentFrequency: {
    key: 'deploymentFrequency',
    label: 'Deployment frequency',
    unit: 'deployments per day',
    better: 'higher',
    rules: [
      { band: 'elite', published: 'On-demand (multiple deploys per day)', bound: exclusive(1) },
      { band: 'high', published: 'Between once per week and once per month', bound: inclusive(1 / DAYS_PER_MONTH) },
      {
        band: 'medium',
        published: 'Between once per month and once every 6 months',
        bound: inclusive(1 / DAYS_PER_SIX_MONTHS),
      },
      { band: 'low', published: 'Fewer than once per six months', bound: null },
    ],
  },
  leadTime: {
    key: 'leadTime',
    label: 'Lead time for changes',
    unit: 'days',
    better: 'lower',
    rules: [
      { band: 'elite', published: 'Less than one hour', bound: exclusive(1 / HOURS_PER_DAY) },
      { band: 'high', published: 'Between one day and one week', bound: inclusive(DAYS_PER_WEEK) },
      { band: 'medium', published: 'Between one month and six months', bound: inclusive(DAYS_PER_SIX_MONTHS) },
      { band: 'low', published: 'More than six months', bound: null },
    ],
  },
  changeFailureRate: {
    key: 'changeFailureRate',
    label: 'Change failure rate',
    unit: 'fraction (0-1)',
    better: 'lower',
    rules: [
      { band: 'elite', published: '0%-15%', bound: inclusive(0.15) },
      { band: 'high', published: '16%-30%', bound: inclusive(0.3) },
      { band: 'medium', published: '16%-30%', bound: inclusive(0.3) },
      { band: 'low', published: '16%-30%', bound: null },
    ],
  },
  timeToRestore: {
    key: 'timeToRestore',
    label: 'Time to restore service',
    unit: 'hours',
    better: 'lower',
    rules: [
      { band: 'elite', published: 'Less than one hour', bound: exclusive(1) },
      { band: 'high', published: 'Less than one day', bound: exclusive(HOURS_PER_DAY) },
      { band: 'medium', published: 'Between one day and one week', bound: inclusive(DAYS_PER_WEEK * HOURS_PER_DAY) },
      { band: 'low', published: 'More than six months', bound: null },
    ],
  },
};

/** Why: one key's band for one value, so the page can also mark the row of the table a value falls in. */
export function doraBandFor(key: DoraKey, value: number): DoraBand {
  const thresholds = DORA_THRESHOLDS[key];
  const earned = thresholds.rules.find((rule) => rule.bound !== null && meets(value, rule.bound, thresholds.better));
  return earned?.band ?? 'low';
}

/** Why: the metrics page shows each product's DORA band; the overall band is its weakest key. */
export function doraBand(metrics: MetricSet, deploymentsPerDay?: number): DoraAssessment {
  const values: Record<DoraKey, number | null> = {
    deploymentFrequency: deploymentsPerDay ?? perDay(metrics.releasesPerMonth),
    leadTime: metrics.leadTimeDaysMedian,
    changeFailureRate: metrics.changeFailureRate,
    timeToRestore: metrics.timeToRestoreHoursMedian,
  };
  const keys = Object.fromEntries(
    DORA_KEYS.map((key) => {
      const value = values[key];
      return [key, { value, band: value === null ? null : doraBandFor(key, value) }];
    }),
  ) as DoraAssessment['keys'];
  return { overall: lowestBand(DORA_KEYS.map((key) => keys[key].band)), keys };
}

function meets(value: number, bound: DoraBound, better: 'higher' | 'lower'): boolean {
  if (better === 'lower') return bound.inclusive ? value <= bound.limit : value < bound.limit;
  return bound.inclusive ? value >= bound.limit : value > bound.limit;
}

function perDay(releasesPerMonth: number | null): number | null {
  return releasesPerMonth === null ? null : releasesPerMonth / DAYS_PER_MONTH;
}

function lowestBand(bands: readonly (DoraBand | null)[]): DoraBand | null {
  const ranks = bands.flatMap((band) => (band === null ? [] : [DORA_BANDS.indexOf(band)]));
  return ranks.length > 0 ? (DORA_BANDS[Math.max(...ranks)] ?? null) : null;
}
