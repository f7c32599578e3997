/**
 * DORA's five software delivery keys read from our metrics, and their performance band in a
 * benchmark set (hub.yaml `metrics.benchmarks`; by default the bundled DORA 2024 set in
 * `benchmarks/dora-2024.json`, which is data of the hub.yaml form, validated by the same schema).
 *
 * How a set's bands classify a value:
 * - each band of a key has at most one bound (`below`, `atMost`, `above`, `atLeast`), in the key's
 *   unit: deployments per day, days, percent or hours; a value earns the best band, in the order
 *   listed, whose bound it meets; a band without a bound takes any value no other band takes. So a
 *   value in a gap between two published ranges gets the worse band, and where a worse band has a
 *   stricter bound than a better one (DORA 2024's medium cluster had a lower change fail rate, 10 %,
 *   than high, 20 %) the better band wins: a lower rate never earns a worse band;
 * - a key without bands (deployment rework rate in DORA 2024, which publishes none) has no band;
 * - the overall band is the weakest band among the keys that have one.
 *
 * Our measures stand in for DORA's: deployment frequency = deployed releases per day (releases per
 * month ÷ 30 over all time, releases ÷ days over a period), change lead time = `leadTimeDaysMedian`
 * (from `acceptedAt`, not from commit), change fail rate = `changeFailureRate`, failed deployment
 * recovery time = `failedDeploymentRecoveryHoursMedian`, deployment rework rate = `deploymentReworkRate`.
 */
import { benchmarkSetSchema, BENCHMARK_UNITS, HIGHER_IS_BETTER } from '../schemas/benchmarks.ts';
import {
  BENCHMARK_BANDS,
  BENCHMARK_KEYS,
  type BenchmarkBand,
  type BenchmarkKey,
  type BenchmarkRule,
  type BenchmarkSet,
  type HubConfig,
} from '../core/model.ts';
import type { MetricField, MetricSet } from './metrics.ts';
import DORA_2024_DATA from './benchmarks/dora-2024.json' with { type: 'json' };

/** The bands, best first. */
export const DORA_BANDS = BENCHMARK_BANDS;
/** A performance band. */
export type DoraBand = BenchmarkBand;
/** DORA's five keys, in the order the page lists them. */
export const DORA_KEYS = BENCHMARK_KEYS;
/** One of DORA's keys. */
export type DoraKey = BenchmarkKey;

/** Why: the default benchmark set is data, checked by the schema a team's own set passes. */
export const DORA_2024: BenchmarkSet = benchmarkSetSchema.parse(DORA_2024_DATA);

/** Days in a "month" of deployment frequency (DORA's wording is per day, week and month). */
export const DAYS_PER_MONTH = 30;

/** How a key is named (DORA's 2024 name), which metric stands in for it, and its benchmark unit. */
export interface DoraKeyInfo {
  label: string;
  metric: MetricField;
  unit: string;
  better: 'higher' | 'lower';
}

const info = (key: DoraKey, label: string, metric: MetricField): DoraKeyInfo => ({
  label,
  metric,
  unit: BENCHMARK_UNITS[key],
  better: HIGHER_IS_BETTER.has(key) ? 'higher' : 'lower',
});

/** Why: the page names each key as DORA does and links it to the metric standing in for it. */
export const DORA_KEY_INFO: Record<DoraKey, DoraKeyInfo> = {
  deploymentFrequency: info('deploymentFrequency', 'Deployment frequency', 'releasesPerMonth'),
  changeLeadTime: info('changeLeadTime', 'Change lead time', 'leadTimeDaysMedian'),
  changeFailRate: info('changeFailRate', 'Change fail rate', 'changeFailureRate'),
  failedDeploymentRecoveryTime: info('failedDeploymentRecoveryTime', 'Failed deployment recovery time', 'failedDeploymentRecoveryHoursMedian'),
  deploymentReworkRate: info('deploymentReworkRate', 'Deployment rework rate', 'deploymentReworkRate'),
};

/** The band of each key and the value (in the key's unit) it came from; `null` where there is no data or no band. */
export interface DoraAssessment {
  /** The weakest band among the keys that have one; `null` when none has. */
  overall: DoraBand | null;
  keys: Record<DoraKey, { value: number | null; band: DoraBand | null }>;
}

/** Why: hub.yaml chooses the benchmark set: left out, DORA 2024; `false`, none; else its own. */
export function benchmarksFor(config: HubConfig): BenchmarkSet | null {
  const chosen = config.metrics.benchmarks;
  return chosen === false ? null : (chosen ?? DORA_2024);
}

/** Why: the keys in their benchmark units (rates in percent), from a metric set and the deployments per day of its period. */
export function doraValues(metrics: MetricSet, deploymentsPerDay: number | null): Record<DoraKey, number | null> {
  const percent = (value: number | null) => (value === null ? null : value * 100);
  return {
    deploymentFrequency: deploymentsPerDay,
    changeLeadTime: metrics.leadTimeDaysMedian,
    changeFailRate: percent(metrics.changeFailureRate),
    failedDeploymentRecoveryTime: metrics.failedDeploymentRecoveryHoursMedian,
    deploymentReworkRate: percent(metrics.deploymentReworkRate),
  };
}

/** Why: deployment frequency per day: releases per month ÷ 30 over all time, or releases ÷ the days of a period. */
export function deploymentsPerDay(metrics: MetricSet, periodDays: number | null): number | null {
  if (periodDays !== null) return metrics.releaseCount / periodDays;
  return metrics.releasesPerMonth === null ? null : metrics.releasesPerMonth / DAYS_PER_MONTH;
}

/** Why: one key's band for one value, so the page can also mark the band a value falls in; `null` when the key has no bands. */
export function bandFor(set: BenchmarkSet, key: DoraKey, value: number): DoraBand | null {
  const rules = set.keys[key];
  if (!rules || rules.length === 0) return null;
  const earned = rules.find((rule) => meets(value, rule));
  return earned?.band ?? null;
}

/** Why: the DORA table shows each key's band and the overall band, the weakest key's. */
export function doraAssessment(set: BenchmarkSet | null, values: Record<DoraKey, number | null>): DoraAssessment {
  const keys = Object.fromEntries(
    DORA_KEYS.map((key) => {
      const value = values[key];
      return [key, { value, band: value === null || set === null ? null : bandFor(set, key, value) }];
    }),
  ) as DoraAssessment['keys'];
  return { overall: lowestBand(DORA_KEYS.map((key) => keys[key].band)), keys };
}

/** A bound met, or no bound at all (the catch-all band). */
function meets(value: number, rule: BenchmarkRule): boolean {
  if (rule.below !== undefined) return value < rule.below;
  if (rule.atMost !== undefined) return value <= rule.atMost;
  if (rule.above !== undefined) return value > rule.above;
  if (rule.atLeast !== undefined) return value >= rule.atLeast;
  return true;
}

function lowestBand(bands: readonly (DoraBand | null)[]): DoraBand | null {
  const ranks = bands.flatMap((band) => (band === null ? [] : [DORA_BANDS.indexOf(band)]));
  return ranks.length > 0 ? (DORA_BANDS[Math.max(...ranks)] ?? null) : null;
}
