/**
 * How metric numbers are written on pages, in chart tooltips and in tests: one formatter, no Intl
 * locale data, so the table under a chart, the tooltip and a test that compares them with
 * `/api/metrics.json` agree to the character on every machine.
 */
import type { MetricChange, MetricDefinition } from '../metrics/metrics.ts';

/** What a missing value reads as in a headline or a sentence (never 0, never NaN). */
export const NO_DATA_TEXT = 'no data yet';
/** What a missing value reads as in a table cell. */
export const NO_DATA_CELL = 'no data';

/** The display hint of a value: `percent` values are fractions 0..1 shown ×100. */
export type NumberFormat = MetricDefinition['format'];

/** Enough of a metric definition to write its values. */
export type ValueFormat = Pick<MetricDefinition, 'format' | 'unit'>;

/** Why: tables and tooltips show a raw JSON value as a short number ("66.7" for 0.6667 as percent, "15.1" days). */
export function formatMetricNumber(value: number, format: NumberFormat): string {
  if (format === 'integer') return withoutNegativeZero(Math.round(value).toFixed(0));
  if (format === 'percent') return trimZeros((value * 100).toFixed(1));
  return trimZeros(value.toFixed(decimalsFor(value)));
}

/** Why: headlines and tooltips need the unit too ("66.7%", "15.1 days", "no data yet"). */
export function formatMetricValue(value: number | null, valueFormat: ValueFormat): string {
  if (value === null) return NO_DATA_TEXT;
  const number = formatMetricNumber(value, valueFormat.format);
  if (valueFormat.format === 'percent') return `${number}%`;
  if (!valueFormat.unit) return number;
  return `${number} ${number === '1' ? singular(valueFormat.unit) : valueFormat.unit}`;
}

/** "1 release", "1 day", "1 release per month": the unit's first word without its plural s. */
function singular(unit: string): string {
  return unit.replace(/^(\p{L}+?)s\b/u, '$1');
}

/** Why: a table cell states "no data" in words instead of a blank, a 0 or a dash. */
export function formatMetricCell(value: number | null, format: NumberFormat): string {
  return value === null ? NO_DATA_CELL : formatMetricNumber(value, format);
}

/** Which way a metric moved, and whether that is good news; every part also has words. */
export interface TrendText {
  direction: 'up' | 'down' | 'flat' | 'none';
  /** Visible arrow; decorative (the words carry the meaning). */
  arrow: string;
  /** The sentence, e.g. "Up 12% vs previous 90 days" or "No comparison: no data in the previous 90 days". */
  text: string;
  /** `better` / `worse` for metrics with a good direction, else `null`. */
  verdict: 'better' | 'worse' | null;
}

/** How the two compared periods are named (a number N: "the last N days", "the previous N days"). */
export interface TrendPeriods {
  /** After "no data in": "this week". */
  current: string;
  /** After "no data in": "the week before". */
  previous: string;
  /** After "vs": "the week before". */
  versus: string;
}

/**
 * Why: "↑ 12% vs previous 90 days" must say in words which way and whether that is good. Rates move
 * in percentage points (a relative change of a rate misleads); other metrics by their relative
 * change, or by the difference in their unit when the previous value was 0.
 */
export function describeTrend(
  change: MetricChange,
  definition: Pick<MetricDefinition, 'format' | 'unit' | 'better'>,
  periods: number | TrendPeriods,
  hasCurrent: boolean,
): TrendText {
  const names =
    typeof periods === 'number'
      ? { current: `the last ${periods} days`, previous: `the previous ${periods} days`, versus: `previous ${periods} days` }
      : periods;
  const period = names.versus;
  if (change.delta === null) {
    const missing = hasCurrent ? names.previous : names.current;
    return { direction: 'none', arrow: '', text: `No comparison: no data in ${missing}`, verdict: null };
  }
  const amount = trendAmount(change.delta, change.relative, definition);
  if (amount === null) return { direction: 'flat', arrow: '→', text: `No change vs ${period}`, verdict: null };
  const direction = change.delta > 0 ? 'up' : 'down';
  const improved = definition.better === null ? null : (direction === 'up') === (definition.better === 'higher');
  return {
    direction,
    arrow: direction === 'up' ? '↑' : '↓',
    text: `${direction === 'up' ? 'Up' : 'Down'} ${amount} vs ${period}`,
    verdict: improved === null ? null : improved ? 'better' : 'worse',
  };
}

/** The size of a change as written, or `null` when it rounds to nothing. */
function trendAmount(delta: number, relative: number | null, definition: Pick<MetricDefinition, 'format' | 'unit'>): string | null {
  if (definition.format === 'percent') {
    const points = formatMetricNumber(Math.abs(delta), 'percent');
    return points === '0' ? null : `${points} ${points === '1' ? 'point' : 'points'}`;
  }
  if (relative !== null) {
    const percent = formatMetricNumber(Math.abs(relative), 'percent');
    return percent === '0' ? null : `${percent}%`;
  }
  const size = formatMetricNumber(Math.abs(delta), definition.format);
  return size === '0' ? null : formatMetricValue(Math.abs(delta), definition);
}

/** About three significant digits: 4.24 (score), 15.1 (days), 140 (minutes). */
function decimalsFor(value: number): number {
  const size = Math.abs(value);
  if (size >= 100) return 0;
  if (size >= 10) return 1;
  return 2;
}

function trimZeros(fixed: string): string {
  const trimmed = fixed.includes('.') ? fixed.replace(/\.?0+$/, '') : fixed;
  return withoutNegativeZero(trimmed);
}

function withoutNegativeZero(text: string): string {
  return text === '-0' ? '0' : text;
}
