/**
 * The JSON a metrics page hands to the chart script (`src/client/charts.ts`): plain types and the
 * palette size, without runtime dependencies, so the browser bundle holds Chart.js and nothing else.
 */
import type { ValueFormat } from '../presentation/number-format.ts';

/** Number of product colours (`--chart-1` … `--chart-6` on the page); more products reuse them in order. */
export const CHART_PALETTE_SIZE = 6;

/** A series colour: a palette slot (products in hub.yaml order, or CSV columns), the foreground for "all products", or the target line. */
export type SeriesColor = { kind: 'palette'; slot: number } | { kind: 'overall' } | { kind: 'target' };

/** One line or bar series of a chart. */
export interface ChartSeries {
  label: string;
  /** One value per chart label; `null` where there is no data. */
  values: (number | null)[];
  /** What each value is computed over ("2 of 3"), for the tooltip; `null` where there is nothing to say. */
  details: (string | null)[];
  color: SeriesColor;
}

/** Kinds of events marked on a time axis. */
export type MarkerKind = 'rollback' | 'incident' | 'freeze';

/** An event on the time axis: a point (`until` absent) or a span, in category units. */
export interface ChartMarker {
  kind: MarkerKind;
  at: number;
  until?: number;
  /** "Rollback of Northwind Web 4.3.0", for the summary and the tooltip-free legend. */
  label: string;
}

/** Everything the chart script needs to draw one chart; JSON-serialisable. */
export interface ChartSpec {
  type: 'bar' | 'line';
  /** Drawn above the chart and used as the table caption. */
  title: string;
  xAxisTitle: string;
  /** Includes the unit, e.g. "Lead time (days)". */
  yAxisTitle: string;
  /** Category labels of the x axis (short month names or dates). */
  labels: string[];
  series: ChartSeries[];
  /** Bars of the series are stacked (the stack is the total). */
  stacked: boolean;
  /** How ticks and tooltips write the values. */
  valueFormat: ValueFormat;
  /** Fixed axis range where the metric has one (rates 0..1, survey scores 1..5). */
  yRange: { min: number; max?: number };
  /** Rollbacks, incidents and freezes at their time on the x axis. */
  markers: ChartMarker[];
  /** What the chart shows in one or two sentences: the canvas `aria-label`. */
  summary: string;
}
