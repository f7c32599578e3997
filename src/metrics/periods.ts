/**
 * The periods metrics are shown for: all time, the last 12 months and the last 90 days, each a
 * pure function of the build's "now" and the hub zone. A release belongs to a period by its
 * release time (`deployment.finishedAt`); a release without one belongs to no period but all time.
 *
 * - Last 90 days: after now − 90 × 24 h, up to and including now (the headline period of the
 *   dashboard and of `computeTrend`), so it can be compared with the 90 days before it.
 * - Last 12 months: the 12 calendar months of the hub zone ending with now's month (the current
 *   month so far), from the start of the first, up to and including now.
 * - All time: every release; its charts show the months from the first to the last release month.
 */
import { Temporal } from 'temporal-polyfill';
import { monthKey } from '../core/time.ts';

/** The periods, in the order the page offers them. */
export const PERIOD_IDS = ['all-time', 'last-12-months', 'last-90-days'] as const;
/** One of the periods; also its URL segment. */
export type PeriodId = (typeof PERIOD_IDS)[number];

/** Days of the headline period (the dashboard's and the trend's). */
export const HEADLINE_WINDOW_DAYS = 90;

/** A period with its bounds; all time has none. */
export interface Period {
  id: PeriodId;
  /** "All time", "Last 12 months", "Last 90 days". */
  label: string;
  /** The first instant in the period (`fromInclusive`) or the last one before it; `null` for all time. */
  from: Temporal.Instant | null;
  fromInclusive: boolean;
  /** The last instant in the period (now); `null` for all time. */
  to: Temporal.Instant | null;
}

const LABELS: Record<PeriodId, string> = { 'all-time': 'All time', 'last-12-months': 'Last 12 months', 'last-90-days': `Last ${HEADLINE_WINDOW_DAYS} days` };

/** Why: the page, the JSON and the dashboard bound a period the same way. */
export function periodOf(id: PeriodId, now: Temporal.Instant, hubZone: string): Period {
  const label = LABELS[id];
  if (id === 'all-time') return { id, label, from: null, fromInclusive: true, to: null };
  if (id === 'last-90-days') return { id, label, from: now.subtract({ hours: 24 * HEADLINE_WINDOW_DAYS }), fromInclusive: false, to: now };
  const firstMonth = Temporal.PlainYearMonth.from(monthKey(now.toZonedDateTimeISO(hubZone), hubZone)).subtract({ months: 11 });
  return { id, label, from: firstMonth.toPlainDate({ day: 1 }).toZonedDateTime(hubZone).toInstant(), fromInclusive: true, to: now };
}

/** Why: a release time is in a period when it is within its bounds (all time holds everything). */
export function inPeriod(period: Period, time: Temporal.ZonedDateTime): boolean {
  const instant = time.toInstant();
  if (period.from) {
    const after = Temporal.Instant.compare(instant, period.from);
    if (after < 0 || (after === 0 && !period.fromInclusive)) return false;
  }
  return !period.to || Temporal.Instant.compare(instant, period.to) <= 0;
}

/** Why: the releases of a period: by release time; all time keeps every release, deployed or not. */
export function releasesIn<T extends { deployment?: { finishedAt?: Temporal.ZonedDateTime } }>(period: Period, releases: readonly T[]): T[] {
  if (period.id === 'all-time') return [...releases];
  return releases.filter((release) => release.deployment?.finishedAt !== undefined && inPeriod(period, release.deployment.finishedAt));
}

/** Why: the months a bounded period's charts show, oldest first (the first one may be partial); `[]` for all time. */
export function periodMonths(period: Period, hubZone: string): string[] {
  if (!period.from || !period.to) return [];
  const first = Temporal.PlainYearMonth.from(monthKey(period.from.add({ nanoseconds: period.fromInclusive ? 0 : 1 }).toZonedDateTimeISO(hubZone), hubZone));
  const last = Temporal.PlainYearMonth.from(monthKey(period.to.toZonedDateTimeISO(hubZone), hubZone));
  const count = first.until(last, { largestUnit: 'months' }).months + 1;
  return Array.from({ length: count }, (_, index) => first.add({ months: index }).toString());
}
