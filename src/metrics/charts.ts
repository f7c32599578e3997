/**
 * Chart specs and data tables for `/metrics/`, built once per build from the `/api/metrics.json`
 * document. A spec is plain JSON: the page writes it into the HTML and `src/client/charts.ts` only
 * draws it, so the numbers in a chart, in the table under it and in the JSON are the same numbers.
 *
 * Values stay raw (rates are fractions 0..1, as in the JSON); the chart script formats ticks and
 * tooltips with `number-format.ts`, like the tables.
 */
import { formatMonth } from '../presentation/format.ts';
import { ownValue } from '../core/own.ts';
import type { CustomSeries, MetricField, MetricsDocument, MonthMetrics } from './metrics.ts';
import type { Product } from '../core/model.ts';
import { formatMetricCell, formatMetricNumber, formatMetricValue, type ValueFormat } from '../presentation/number-format.ts';

/** Number of product colours (`--chart-1` … `--chart-6` on the page); more products reuse them in order. */
export const CHART_PALETTE_SIZE = 6;

/** A series colour: a palette slot (products in hub.yaml order, or CSV columns), the foreground for "all products", or the target line. */
export type SeriesColor = { kind: 'palette'; slot: number } | { kind: 'overall' } | { kind: 'target' };

/** One line or bar series of a chart. */
export interface ChartSeries {
  label: string;
  /** One value per chart label; `null` where there is no data. */
  values: (number | null)[];
  color: SeriesColor;
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
  /** What the chart shows in one or two sentences: the canvas `aria-label`. */
  summary: string;
}

/** A data table under a chart: the same numbers, formatted by `formatMetricCell`. */
export interface DataTable {
  caption: string;
  /** Header of the first column (the row headers), e.g. "Month". */
  rowHeaderTitle: string;
  columns: string[];
  rows: { header: string; datetime: string; cells: string[] }[];
}

/** A chart and the table of its data. */
export interface ChartWithTable {
  chart: ChartSpec;
  table: DataTable;
  /** Products without any data for this metric, named under the table. */
  productsWithoutData: string[];
}

/** The metrics charted per month: every SPEC §4 field except `releasesPerMonth` (per month it equals `releaseCount`). */
export const CHARTED_METRICS = [
  'releaseCount',
  'onScheduleRate',
  'leadTimeDaysMedian',
  'deploymentMinutesMedian',
  'rollbackRate',
  'changeFailureRate',
  'timeToRestoreHoursMedian',
  'satisfactionScore',
] as const satisfies readonly Exclude<MetricField, 'releasesPerMonth'>[];

/** One of the metrics that has a chart per month. */
export type ChartedMetric = (typeof CHARTED_METRICS)[number];

const ALL_PRODUCTS = 'All products';
const SHORT_MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** Why: the `/metrics/` page shows one chart and table per metric over the hub's months; `null` when the metric has no data yet. */
export function metricChart(document: MetricsDocument, products: readonly Product[], field: ChartedMetric): ChartWithTable | null {
  const definition = document.definitions[field];
  const months = document.byMonth.map((month) => month.month);
  const valuesOf = (byMonth: readonly MonthMetrics[]) => byMonth.map((month) => month[field]);
  const productSeries = products.flatMap((product, index): ChartSeries[] => {
    const byMonth = document.byProduct[product.id]?.byMonth ?? [];
    const values = valuesOf(byMonth);
    return hasData(values, field) ? [{ label: product.name, values, color: paletteColor(index) }] : [];
  });
  if (productSeries.length === 0) return null;

  const overall: ChartSeries = { label: ALL_PRODUCTS, values: valuesOf(document.byMonth), color: { kind: 'overall' } };
  const isCount = field === 'releaseCount';
  const several = productSeries.length > 1;
  // Stacked bars already show the total; lines get an "all products" line when there are several products.
  const series = several && !isCount ? [...productSeries, overall] : productSeries;
  const tableSeries = several ? [...productSeries, overall] : productSeries;
  const unit = definition.format === 'percent' ? '%' : definition.unit;
  const valueFormat: ValueFormat = { format: definition.format, unit: definition.unit };
  const title = `${definition.label} per month${several ? ', by product' : ''}`;
  const chart: ChartSpec = {
    type: isCount ? 'bar' : 'line',
    title,
    xAxisTitle: `Month (${document.timezone})`,
    yAxisTitle: `${definition.label} (${unit})`,
    labels: months.map(shortMonth),
    series,
    stacked: isCount,
    valueFormat,
    yRange: axisRange(field),
    summary: chartSummary({
      kind: isCount ? 'Stacked bar chart' : 'Line chart',
      title,
      labels: months.map(formatMonth),
      series,
      headline: several ? overall : productSeries[0]!,
      valueFormat,
    }),
  };
  const table: DataTable = {
    caption: `${title} (${unit})`,
    rowHeaderTitle: 'Month',
    columns: tableSeries.map((entry) => entry.label),
    rows: months.map((month, row) => ({
      header: formatMonth(month),
      datetime: month,
      cells: tableSeries.map((entry) => formatMetricCell(entry.values[row] ?? null, definition.format)),
    })),
  };
  return { chart, table, productsWithoutData: productsWithout(productSeries, products) };
}

/** Names of the products that have no series. */
function productsWithout(series: readonly ChartSeries[], products: readonly Product[]): string[] {
  const charted = new Set(series.map((entry) => entry.label));
  return products.map((product) => product.name).filter((name) => !charted.has(name));
}

/** Why: each `content/metrics/*.csv` gets a line per column and its sidecar target as a dashed line; `null` without values. */
export function customSeriesChart(series: CustomSeries): Omit<ChartWithTable, 'productsWithoutData'> | null {
  const columns = series.columns.filter((column) => series.rows.some((row) => ownValue(row.values, column) != null));
  if (columns.length === 0) return null;
  const valueFormat: ValueFormat = { format: 'decimal', unit: series.unit ?? '' };
  const monthly = series.rows.every((row) => row.date.endsWith('-01'));
  const lines: ChartSeries[] = columns.map((column, index) => ({
    label: column,
    values: series.rows.map((row) => ownValue(row.values, column) ?? null),
    color: paletteColor(index),
  }));
  const target: ChartSeries[] =
    series.target === null
      ? []
      : [{ label: `Target (${formatMetricValue(series.target, valueFormat)})`, values: series.rows.map(() => series.target), color: { kind: 'target' } }];
  const unitSuffix = series.unit ? ` (${series.unit})` : '';
  const chart: ChartSpec = {
    type: 'line',
    title: series.title,
    xAxisTitle: monthly ? 'Month' : 'Date',
    yAxisTitle: series.unit ?? 'Value',
    labels: series.rows.map((row) => (monthly ? shortMonth(row.date.slice(0, 7)) : longDate(row.date))),
    series: [...lines, ...target],
    stacked: false,
    valueFormat,
    yRange: { min: 0 },
    summary: chartSummary({
      kind: 'Line chart',
      title: series.title,
      labels: series.rows.map((row) => (monthly ? formatMonth(row.date.slice(0, 7)) : longDate(row.date))),
      series: lines,
      headline: lines[0]!,
      valueFormat,
      target: target.length > 0 ? formatMetricValue(series.target, valueFormat) : undefined,
    }),
  };
  const table: DataTable = {
    caption: `${series.title}${unitSuffix}`,
    rowHeaderTitle: monthly ? 'Month' : 'Date',
    columns: [...columns, ...(series.target === null ? [] : ['Target'])],
    rows: series.rows.map((row) => ({
      header: monthly ? formatMonth(row.date.slice(0, 7)) : longDate(row.date),
      datetime: monthly ? row.date.slice(0, 7) : row.date,
      cells: [
        ...columns.map((column) => formatMetricCell(ownValue(row.values, column) ?? null, 'decimal')),
        ...(series.target === null ? [] : [formatMetricNumber(series.target, 'decimal')]),
      ],
    })),
  };
  return { chart, table };
}

/** Why: the same product keeps the same colour on every chart and every build (its hub.yaml position). */
export function paletteColor(index: number): SeriesColor {
  return { kind: 'palette', slot: (index % CHART_PALETTE_SIZE) + 1 };
}

/** A series has data when some value is present (for counts: some release). */
function hasData(values: readonly (number | null)[], field: ChartedMetric): boolean {
  return values.some((value) => value !== null && (field !== 'releaseCount' || value > 0));
}

function axisRange(field: ChartedMetric): ChartSpec['yRange'] {
  if (field === 'satisfactionScore') return { min: 1, max: 5 };
  if (field === 'onScheduleRate' || field === 'rollbackRate' || field === 'changeFailureRate') return { min: 0, max: 1 };
  return { min: 0 };
}

interface SummaryInput {
  kind: string;
  title: string;
  /** Long labels, one per value. */
  labels: readonly string[];
  series: readonly ChartSeries[];
  /** The series whose range and latest value the summary states. */
  headline: ChartSeries;
  valueFormat: ValueFormat;
  target?: string;
}

/** "Line chart: On schedule per month, by product, April 2025 to November 2026. All products: lowest …". */
function chartSummary(input: SummaryInput): string {
  const span = input.labels.length > 1 ? `${input.labels[0]} to ${input.labels.at(-1)}` : (input.labels[0] ?? '');
  const points = input.headline.values.flatMap((value, index) => (value === null ? [] : [{ value, label: input.labels[index] ?? '' }]));
  const write = (value: number) => formatMetricValue(value, input.valueFormat);
  const lowest = points.reduce((min, point) => (point.value < min.value ? point : min), points[0]!);
  const highest = points.reduce((max, point) => (point.value > max.value ? point : max), points[0]!);
  const latest = points.at(-1)!;
  const parts = [
    `${input.kind}: ${input.title}, ${span}.`,
    input.series.length > 1 ? `Series: ${input.series.map((entry) => entry.label).join(', ')}.` : '',
    `${input.headline.label}: lowest ${write(lowest.value)} (${lowest.label}), highest ${write(highest.value)} (${highest.label}), latest ${write(latest.value)} (${latest.label}).`,
    input.target ? `Target: ${input.target}.` : '',
    'The table below lists every value.',
  ];
  return parts.filter(Boolean).join(' ');
}

/** "2025-04" → "Apr 2025": short enough for an x axis at 390 px. */
function shortMonth(monthKey: string): string {
  const [year, month] = monthKey.split('-').map(Number);
  return `${SHORT_MONTHS[(month ?? 1) - 1]} ${year}`;
}

/** "2026-02-03" → "3 Feb 2026". */
function longDate(isoDate: string): string {
  const [year, month, day] = isoDate.split('-').map(Number);
  return `${day} ${SHORT_MONTHS[(month ?? 1) - 1]} ${year}`;
}
