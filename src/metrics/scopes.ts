/**
 * The scopes the metrics pages show: every period (all time, last 12 months, last 90 days) of all
 * products and of each product, with the releases in each and their explained metric set. Views,
 * drill-downs and the dashboard read these, so a number and the releases listed behind it are
 * worked out once.
 */
import type { Temporal } from 'temporal-polyfill';
import type { Hub, Product, Release } from '../core/model.ts';
import { monthKey } from '../core/time.ts';
import {
  explainMetricSet,
  explainMonth,
  isDeployed,
  metricOptionsFor,
  type ExplainedSet,
  type MetricOptions,
  type MonthMetrics,
  type MonthProvenance,
} from './metrics.ts';
import { PERIOD_IDS, periodOf, releasesIn, type Period, type PeriodId } from './periods.ts';

/** One period of all products (`product: null`) or of one product. */
export interface Scope {
  period: Period;
  product: Product | null;
  /** The scope's releases: by release time in a bounded period; every release of the product(s) for all time. */
  releases: Release[];
  explained: ExplainedSet;
}

/** Why: one key per scope, for lookups across views, drill-downs and the dashboard. */
export function scopeKey(period: PeriodId, product: string | null): string {
  return `${period}/${product ?? ''}`;
}

/** Why: every scope of the hub at "now", all products first, then each product in hub.yaml order. */
export function scopesOf(hub: Hub, now: Temporal.Instant): Scope[] {
  const options = metricOptionsFor(hub.config);
  return PERIOD_IDS.flatMap((id) => {
    const period = periodOf(id, now, options.hubZone);
    const releases = releasesIn(period, hub.releases);
    const scope = (product: Product | null): Scope => {
      const own = product ? releases.filter((release) => release.product === product.id) : releases;
      return { period, product, releases: own, explained: explainMetricSet(own, options) };
    };
    return [scope(null), ...hub.config.products.map(scope)];
  });
}

type ExplainedMonth = { metrics: MonthMetrics; provenance: MonthProvenance };

/** Each scope's releases by month and the months explained so far: views and drill-downs ask for the same months. */
const monthsOf = new WeakMap<Scope, { byMonth: Map<string, Release[]>; explained: Map<string, ExplainedMonth> }>();

/** Why: a scope's deployed releases of one month, explained as a month of `byMonth` is (once per scope and month). */
export function explainScopeMonth(scope: Scope, month: string, options: MetricOptions): ExplainedMonth {
  let cache = monthsOf.get(scope);
  if (!cache) {
    const byMonth = Map.groupBy(scope.releases.filter(isDeployed), (release) => monthKey(release.deployment.finishedAt, options.hubZone));
    cache = { byMonth, explained: new Map() };
    monthsOf.set(scope, cache);
  }
  let explained = cache.explained.get(month);
  if (!explained) {
    explained = explainMonth(month, cache.byMonth.get(month) ?? [], options);
    cache.explained.set(month, explained);
  }
  return explained;
}
