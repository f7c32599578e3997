/**
 * Chart specs and data tables for the metrics views, built once per build from the monthly metric
 * sets of a view. A spec is plain JSON: the page writes it into the HTML and `src/client/charts.ts`
 * only draws it, so the numbers in a chart, in the table under it, in its CSV and in the JSON are
 * the same numbers.
 *
 * Values stay raw (rates are fractions 0..1, as in the JSON); the chart script formats ticks and
 * tooltips with `number-format.ts`, like the tables. A month without data is `null`: a gap in the
 * line, "no data" in the table, an empty CSV cell. Rollbacks, incidents and freezes are markers at
 * their time on the month axis (a position in category units: month i spans i − 0.5 to i + 0.5).
 */
import { Temporal } from 'temporal-polyfill';
import { formatMonth } from '../presentation/format.ts';
import { ownValue } from '../core/own.ts';
import type { CustomSeries, MetricDefinition, MetricField, MonthMetrics, MonthProvenance } from './metrics.ts';
import type { Product } from '../core/model.ts';
import { monthKey } from '../core/time.ts';
import { formatMetricCell, formatMetricNumber, formatMetricValue, NO_DATA_CELL, type ValueFormat } from '../presentation/number-format.ts';
import { provenanceShort } from '../presentation/provenance.ts';
import { CHART_PALETTE_SIZE, type ChartMarker, type ChartSeries, type ChartSpec, type MarkerKind, type SeriesColor } from './chart-spec.ts';

export { CHART_PALETTE_SIZE, type ChartMarker, type ChartSeries, type ChartSpec, type MarkerKind, type SeriesColor } from './chart-spec.ts';

/** A table cell: the value as the page writes it, what it is computed over, and where its releases are listed. */
export interface TableCell {
  text: string;
  detail: string | null;
  href: string | null;
}

/** A data table under a chart: the same numbers, formatted by `formatMetricCell`. */
export interface DataTable {
  caption: string;
  /** Header of the first column (the row headers), e.g. "Month". */
  rowHeaderTitle: string;
  columns: string[];
  rows: { header: string; datetime: string; cells: TableCell[] }[];
  /** The table as CSV: where it is served and its file name. */
  csv: { href: string; filename: string };
}

/** A chart and the table of its data. */
export interface ChartWithTable {
  chart: ChartSpec;
  table: DataTable;
  /** Products without any data for this metric, named under the table. */
  productsWithoutData: string[];
}

/** The metrics charted per month, in page order: every SPEC §4 field but `releasesPerMonth` (per month it is `releaseCount`) and the alias `timeToRestoreHoursMedian`. */
export const CHARTED_METRICS = [
  'releaseCount',
  'onScheduleRate',
  'leadTimeDaysMedian',
  'deploymentMinutesMedian',
  'rollbackRate',
  'changeFailureRate',
  'failedDeploymentRecoveryHoursMedian',
  'deploymentReworkRate',
  'satisfactionScore',
] as const satisfies readonly Exclude<MetricField, 'releasesPerMonth' | 'timeToRestoreHoursMedian'>[];

/** One of the metrics that has a chart per month. */
export type ChartedMetric = (typeof CHARTED_METRICS)[number];

/** One series of a view's monthly data: a product, or all products. */
export interface MonthlySeries {
  label: string;
  color: SeriesColor;
  /** One entry per month of the view, in order. */
  months: { metrics: MonthMetrics; provenance: MonthProvenance }[];
  /** Where the releases behind each month's value of a metric are listed (`null`: nowhere). */
  href: (field: ChartedMetric, monthIndex: number) => string | null;
}

/** A view's monthly data, the input of `metricChart`. */
export interface MonthlyData {
  timezone: string;
  months: string[];
  /** Row headers where a month is not whole in the view, e.g. the first month of the last 90 days. */
  monthNotes: Record<string, string>;
  /** One series per product (hub.yaml order). */
  products: { product: Product; series: MonthlySeries }[];
  /** All products together; `null` in a view of one product. */
  overall: MonthlySeries | null;
  markers: ChartMarker[];
  csvHref: (chart: string) => string;
}

const ALL_PRODUCTS = 'All products';
const SHORT_MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** Why: each metric gets one chart and table over the view's months; `null` when the metric has no data yet. */
export function metricChart(
  data: MonthlyData,
  definitions: Record<MetricField, MetricDefinition>,
  field: ChartedMetric,
  chartFile: string,
): ChartWithTable | null {
  const definition = definitions[field];
  const isCount = field === 'releaseCount';
  const toSeries = (entry: MonthlySeries): ChartSeries => ({
    label: entry.label,
    values: entry.months.map((month) => month.metrics[field]),
    details: entry.months.map((month) => (month.metrics[field] === null ? null : provenanceShort(field, month.provenance[field]))),
    color: entry.color,
  });
  const withData = data.products.filter(({ series }) => hasData(toSeries(series).values, field));
  if (withData.length === 0) return null;
  const productSeries = withData.map(({ series }) => ({ source: series, chart: toSeries(series) }));
  const several = productSeries.length > 1 && data.overall !== null;
  const overall = several && data.overall ? { source: data.overall, chart: { ...toSeries(data.overall), label: ALL_PRODUCTS } } : null;
  // Stacked bars already show the total; lines get an "all products" line when there are several products.
  const drawn = overall && !isCount ? [...productSeries, overall] : productSeries;
  const tabled = overall ? [...productSeries, overall] : productSeries;
  const unit = definition.format === 'percent' ? '%' : definition.unit;
  const valueFormat: ValueFormat = { format: definition.format, unit: definition.unit };
  const title = `${definition.label} per month${several ? ', by product' : ''}`;
  const longLabels = data.months.map((month) => data.monthNotes[month] ?? formatMonth(month));
  const chart: ChartSpec = {
    type: isCount ? 'bar' : 'line',
    title,
    xAxisTitle: `Month (${data.timezone})`,
    yAxisTitle: `${definition.label} (${unit})`,
    labels: data.months.map(shortMonth),
    series: drawn.map((entry) => entry.chart),
    stacked: isCount,
    valueFormat,
    yRange: axisRange(field),
    markers: data.markers,
    summary: chartSummary({
      kind: isCount ? 'Stacked bar chart' : 'Line chart',
      title,
      labels: longLabels,
      series: drawn.map((entry) => entry.chart),
      headline: (overall ?? productSeries[0]!).chart,
      valueFormat,
      markers: data.markers,
    }),
  };
  const table: DataTable = {
    caption: `${title} (${unit})`,
    rowHeaderTitle: 'Month',
    columns: tabled.map((entry) => entry.chart.label),
    rows: data.months.map((month, row) => ({
      header: longLabels[row]!,
      datetime: month,
      cells: tabled.map((entry) => {
        const value = entry.chart.values[row] ?? null;
        return {
          text: formatMetricCell(value, definition.format),
          detail: entry.chart.details[row] ?? null,
          href: value === null && !isCount ? null : entry.source.href(field, row),
        };
      }),
    })),
    csv: { href: data.csvHref(chartFile), filename: `${chartFile}.csv` },
  };
  const charted = new Set(withData.map(({ product }) => product.id));
  return { chart, table, productsWithoutData: data.products.filter(({ product }) => !charted.has(product.id)).map(({ product }) => product.name) };
}

/** What a custom series chart needs besides the series: its events and where its CSV is. */
export interface CustomChartContext {
  zone: string;
  events: readonly ChartEvent[];
  csvHref: string;
}

/** Why: each `content/metrics/*.csv` gets a line per column and its sidecar target as a dashed line; `null` without values. */
export function customSeriesChart(series: CustomSeries, context: CustomChartContext, chartFile: string): Omit<ChartWithTable, 'productsWithoutData'> | null {
  const columns = series.columns.filter((column) => series.rows.some((row) => ownValue(row.values, column) != null));
  if (columns.length === 0) return null;
  const valueFormat: ValueFormat = { format: 'decimal', unit: series.unit ?? '' };
  const monthly = series.rows.every((row) => row.date.endsWith('-01'));
  const lines: ChartSeries[] = columns.map((column, index) => ({
    label: column,
    values: series.rows.map((row) => ownValue(row.values, column) ?? null),
    details: series.rows.map(() => null),
    color: paletteColor(index),
  }));
  const target: ChartSeries[] =
    series.target === null
      ? []
      : [
          {
            label: `Target (${formatMetricValue(series.target, valueFormat)})`,
            values: series.rows.map(() => series.target),
            details: series.rows.map(() => null),
            color: { kind: 'target' },
          },
        ];
  const markers = monthly
    ? markersOnMonths(
        context.events,
        series.rows.map((row) => row.date.slice(0, 7)),
        context.zone,
      )
    : markersOnDates(
        context.events,
        series.rows.map((row) => row.date),
        context.zone,
      );
  const unitSuffix = series.unit ? ` (${series.unit})` : '';
  const longLabels = series.rows.map((row) => (monthly ? formatMonth(row.date.slice(0, 7)) : longDate(row.date)));
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
    markers,
    summary: chartSummary({
      kind: 'Line chart',
      title: series.title,
      labels: longLabels,
      series: lines,
      headline: lines[0]!,
      valueFormat,
      target: target.length > 0 ? formatMetricValue(series.target, valueFormat) : undefined,
      markers,
    }),
  };
  const plain = (text: string): TableCell => ({ text, detail: null, href: null });
  const table: DataTable = {
    caption: `${series.title}${unitSuffix}`,
    rowHeaderTitle: monthly ? 'Month' : 'Date',
    columns: [...columns, ...(series.target === null ? [] : ['Target'])],
    rows: series.rows.map((row, index) => ({
      header: longLabels[index]!,
      datetime: monthly ? row.date.slice(0, 7) : row.date,
      cells: [
        ...columns.map((column) => plain(formatMetricCell(ownValue(row.values, column) ?? null, 'decimal'))),
        ...(series.target === null ? [] : [plain(formatMetricNumber(series.target, 'decimal'))]),
      ],
    })),
    csv: { href: context.csvHref, filename: `${chartFile}.csv` },
  };
  return { chart, table };
}

/** Why: a chart's table as a CSV file: the same rows and columns (units in the headers), "no data" as an empty cell. */
export function tableCsv(table: DataTable, unit: string): string {
  const quote = (text: string) => (/[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text);
  const header = [table.rowHeaderTitle, ...table.columns.map((column) => (unit ? `${column} (${unit})` : column))];
  const rows = table.rows.map((row) => [row.datetime, ...row.cells.map((cell) => (cell.text === NO_DATA_CELL ? '' : cell.text))]);
  return `${[header, ...rows].map((cells) => cells.map(quote).join(',')).join('\r\n')}\r\n`;
}

/** Why: the same product keeps the same colour on every chart and every build (its hub.yaml position). */
export function paletteColor(index: number): SeriesColor {
  return { kind: 'palette', slot: (index % CHART_PALETTE_SIZE) + 1 };
}

/** An event to mark: a rollback or incident at one time, a freeze from its start to its end. */
export interface ChartEvent {
  kind: MarkerKind;
  start: Temporal.ZonedDateTime;
  end?: Temporal.ZonedDateTime;
  label: string;
}

/** Why: events as markers on a month axis (`months` are `YYYY-MM` in `zone`); events outside the months are left out, spans clipped to them. */
export function markersOnMonths(events: readonly ChartEvent[], months: readonly string[], zone: string): ChartMarker[] {
  const first = months[0];
  const last = months.at(-1);
  if (!first || !last) return [];
  const axisStart = monthStart(first, zone);
  const axisEnd = monthStart(Temporal.PlainYearMonth.from(last).add({ months: 1 }).toString(), zone);
  const position = (time: Temporal.ZonedDateTime): number => {
    const key = monthKey(time, zone);
    const start = monthStart(key, zone);
    const next = monthStart(Temporal.PlainYearMonth.from(key).add({ months: 1 }).toString(), zone);
    return months.indexOf(key) - 0.5 + (time.epochMilliseconds - start.epochMilliseconds) / (next.epochMilliseconds - start.epochMilliseconds);
  };
  return events.flatMap((event): ChartMarker[] => {
    const end = event.end ?? event.start;
    if (end.epochMilliseconds < axisStart.epochMilliseconds || event.start.epochMilliseconds >= axisEnd.epochMilliseconds) return [];
    if (event.end === undefined && !months.includes(monthKey(event.start, zone))) return [];
    const at = position(event.start.epochMilliseconds < axisStart.epochMilliseconds ? axisStart : event.start);
    if (event.end === undefined) return [{ kind: event.kind, at: round(at), label: event.label }];
    const until = end.epochMilliseconds >= axisEnd.epochMilliseconds ? months.length - 0.5 : position(end);
    return [{ kind: event.kind, at: round(at), until: round(until), label: event.label }];
  });
}

/** Why: events on an axis of dates (`YYYY-MM-DD` points): between two neighbouring points in proportion to the time; outside them, left out. */
export function markersOnDates(events: readonly ChartEvent[], dates: readonly string[], zone: string): ChartMarker[] {
  const instants = dates.map((date) => Temporal.PlainDate.from(date).toZonedDateTime(zone).epochMilliseconds);
  const first = instants[0];
  const last = instants.at(-1);
  if (first === undefined || last === undefined || instants.length < 2) return [];
  const position = (ms: number): number => {
    const index = Math.max(
      0,
      instants.findLastIndex((instant) => instant <= ms),
    );
    const next = instants[Math.min(index + 1, instants.length - 1)]!;
    const here = instants[index]!;
    return next === here ? index : index + (ms - here) / (next - here);
  };
  return events.flatMap((event): ChartMarker[] => {
    const start = event.start.epochMilliseconds;
    const end = event.end?.epochMilliseconds ?? start;
    if (end < first || start > last) return [];
    if (event.end === undefined) return [{ kind: event.kind, at: round(position(start)), label: event.label }];
    return [{ kind: event.kind, at: round(position(Math.max(start, first))), until: round(position(Math.min(end, last))), label: event.label }];
  });
}

function monthStart(month: string, zone: string): Temporal.ZonedDateTime {
  return Temporal.PlainYearMonth.from(month).toPlainDate({ day: 1 }).toZonedDateTime(zone);
}

/** A series has data when some value is present (for counts: some release). */
function hasData(values: readonly (number | null)[], field: ChartedMetric): boolean {
  return values.some((value) => value !== null && (field !== 'releaseCount' || value > 0));
}

function axisRange(field: ChartedMetric): ChartSpec['yRange'] {
  if (field === 'satisfactionScore') return { min: 1, max: 5 };
  if (field === 'onScheduleRate' || field === 'rollbackRate' || field === 'changeFailureRate' || field === 'deploymentReworkRate') return { min: 0, max: 1 };
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
  markers: readonly ChartMarker[];
}

/** "Line chart: On schedule per month, by product, April 2025 to November 2026. All products: lowest …". */
function chartSummary(input: SummaryInput): string {
  const span = input.labels.length > 1 ? `${input.labels[0]} to ${input.labels.at(-1)}` : (input.labels[0] ?? '');
  const points = input.headline.values.flatMap((value, index) => (value === null ? [] : [{ value, label: input.labels[index] ?? '' }]));
  const write = (value: number) => formatMetricValue(value, input.valueFormat);
  const lowest = points.reduce((min, point) => (point.value < min.value ? point : min), points[0]!);
  const highest = points.reduce((max, point) => (point.value > max.value ? point : max), points[0]!);
  const latest = points.at(-1)!;
  const count = (kind: MarkerKind, one: string) => {
    const n = input.markers.filter((marker) => marker.kind === kind).length;
    return n === 0 ? [] : [`${n} ${n === 1 ? one : `${one}s`}`];
  };
  const marked = [...count('rollback', 'rollback'), ...count('incident', 'incident'), ...count('freeze', 'freeze')];
  const parts = [
    `${input.kind}: ${input.title}, ${span}.`,
    input.series.length > 1 ? `Series: ${input.series.map((entry) => entry.label).join(', ')}.` : '',
    `${input.headline.label}: lowest ${write(lowest.value)} (${lowest.label}), highest ${write(highest.value)} (${highest.label}), latest ${write(latest.value)} (${latest.label}).`,
    input.target ? `Target: ${input.target}.` : '',
    marked.length > 0 ? `Marked: ${marked.join(', ')}, listed under Events.` : '',
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

/** Positions to 1/1000 of a month: the same bytes on every machine. */
function round(value: number): number {
  return Math.round(value * 1000) / 1000;
}
