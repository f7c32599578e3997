/**
 * Everything `/metrics/` shows, computed once per build from the hub and the build's "now": the
 * `/api/metrics.json` document, the headline numbers of the last period against the one before,
 * a chart and table per metric, the custom series and the DORA band of each product. The page only
 * renders this object.
 */
import { Temporal } from 'temporal-polyfill';
import { DORA_BANDS, DORA_KEYS, DORA_SOURCE, DORA_THRESHOLDS, doraBand, type DoraBand, type DoraKey } from './dora.ts';
import { formatDate, formatMonth } from '../presentation/format.ts';
import { CHARTED_METRICS, customSeriesChart, metricChart, type ChartedMetric, type ChartWithTable } from './charts.ts';
import {
  computeMetrics,
  computeTrend,
  METRIC_DEFINITIONS,
  metricOptionsFor,
  type CustomSeries,
  type MetricDefinition,
  type MetricSet,
  type MetricsDocument,
  type MetricTrend,
} from './metrics.ts';
import type { Hub } from '../core/model.ts';
import { describeTrend, formatMetricValue, type TrendText, type ValueFormat } from '../presentation/number-format.ts';
import type { Tone } from '../presentation/status.ts';

/** Length of the headline period; the trend compares it with the same length before it. */
export const HEADLINE_WINDOW_DAYS = 90;

/** One headline number: the last period's value, its trend and the all-time value. */
export interface Headline {
  field: ChartedMetric;
  label: string;
  /** The last period's value with its unit, or "no data yet". */
  value: string;
  trend: TrendText;
  /** All-time value(s) with unit. */
  allTime: string;
  /** Fragment id of the metric's section. */
  anchor: string;
}

/** One metric's section: its definition ("how we compute this") and its chart, or `null` for "no data yet". */
export interface MetricSection {
  field: ChartedMetric;
  anchor: string;
  definition: MetricDefinition;
  /** More definitions explained in the same section (release frequency shares the releases chart). */
  alsoDefined: MetricDefinition[];
  chart: ChartWithTable | null;
}

/** A custom series section. */
export interface CustomSection {
  series: CustomSeries;
  anchor: string;
  chart: Omit<ChartWithTable, 'productsWithoutData'> | null;
}

/** A DORA band as shown: a word and a tone (never colour alone). */
export interface BandDisplay {
  band: DoraBand | null;
  /** "Elite" … "Low", or "no data yet". */
  label: string;
  tone: Tone;
}

/** A row of the DORA table: one product (or all products), each key's value and band, and the overall band. */
export interface DoraRow {
  name: string;
  keys: Record<DoraKey, { value: string; band: BandDisplay }>;
  overall: BandDisplay;
}

/** A row of the thresholds table: one key and the published range of each band. */
export interface ThresholdRow {
  key: DoraKey;
  label: string;
  /** The ranges, in `DORA_BANDS` order. */
  published: string[];
}

/** Months the charts and tables show: the page stays the same size however long the hub's history; every month is in `/api/metrics.json`. */
export const CHART_MONTHS = 24;

/** The months the charts show when they leave older months out (formatted, e.g. "December 2024"). */
export interface ChartedPeriod {
  months: number;
  from: string;
  to: string;
  /** The first month of the whole history, which only the JSON holds. */
  firstMonth: string;
}

/** The whole `/metrics/` page. */
export interface MetricsPage {
  document: MetricsDocument;
  /** The headline period, formatted in the hub zone. */
  period: { windowDays: number; from: string; to: string };
  /** Set when the charts leave older months out; `null` when they show the whole history. */
  chartedPeriod: ChartedPeriod | null;
  headlines: Headline[];
  sections: MetricSection[];
  custom: CustomSection[];
  dora: {
    rows: DoraRow[];
    /** Column headers of the thresholds table, in `DORA_BANDS` order. */
    bands: string[];
    thresholds: ThresholdRow[];
    keyLabels: Record<DoraKey, string>;
    source: typeof DORA_SOURCE;
  };
}

const BAND_DISPLAY: Record<DoraBand, { label: string; tone: Tone }> = {
  elite: { label: 'Elite', tone: 'ok' },
  high: { label: 'High', tone: 'info' },
  medium: { label: 'Medium', tone: 'warn' },
  low: { label: 'Low', tone: 'bad' },
};

/** How the page writes each DORA key's value; deployment frequency is shown per month (a reader's unit), from `releasesPerMonth`. */
const DORA_VALUE_FORMAT: Record<DoraKey, ValueFormat> = {
  deploymentFrequency: { format: 'decimal', unit: 'per month' },
  leadTime: METRIC_DEFINITIONS.leadTimeDaysMedian,
  changeFailureRate: METRIC_DEFINITIONS.changeFailureRate,
  timeToRestore: METRIC_DEFINITIONS.timeToRestoreHoursMedian,
};

/** Why: the page is a pure function of the hub and "now"; computing it here keeps the page thin and testable. */
export function buildMetricsPage(hub: Hub, now: Temporal.Instant): MetricsPage {
  const document = computeMetrics(hub, now);
  const zone = hub.config.timezone;
  const trend = computeTrend(hub.releases, now, metricOptionsFor(hub.config), HEADLINE_WINDOW_DAYS);
  const dayOf = (instant: string) => formatDate(Temporal.Instant.from(instant).toZonedDateTimeISO(zone), zone);
  const charted = recentMonths(document);
  return {
    document,
    period: { windowDays: trend.windowDays, from: dayOf(trend.current.from), to: dayOf(trend.current.to) },
    chartedPeriod: chartedPeriod(document, charted),
    headlines: CHARTED_METRICS.map((field) => headline(field, trend, document.overall)),
    sections: CHARTED_METRICS.map((field) => ({
      field,
      anchor: metricAnchor(field),
      definition: METRIC_DEFINITIONS[field],
      alsoDefined: field === 'releaseCount' ? [METRIC_DEFINITIONS.releasesPerMonth] : [],
      chart: metricChart(charted, hub.config.products, field),
    })),
    custom: charted.custom.map((series) => ({ series, anchor: customAnchor(series.id), chart: customSeriesChart(series) })),
    dora: doraSection(hub, document),
  };
}

/** Why: the charts show the last `count` months of every series (products line up), the JSON keeps them all. */
export function recentMonths(document: MetricsDocument, count: number = CHART_MONTHS): MetricsDocument {
  return {
    ...document,
    byMonth: document.byMonth.slice(-count),
    byProduct: Object.fromEntries(Object.entries(document.byProduct).map(([id, product]) => [id, { ...product, byMonth: product.byMonth.slice(-count) }])),
    custom: document.custom.map((series) => recentRows(series, count)),
  };
}

/** A custom series' rows in the `count` months up to its last row (its dates need not be monthly). */
function recentRows(series: CustomSeries, count: number): CustomSeries {
  const last = series.rows.at(-1);
  if (!last) return series;
  const firstMonth = Temporal.PlainYearMonth.from(last.date.slice(0, 7))
    .subtract({ months: count - 1 })
    .toString();
  return { ...series, rows: series.rows.filter((row) => row.date.slice(0, 7) >= firstMonth) };
}

function chartedPeriod(document: MetricsDocument, charted: MetricsDocument): ChartedPeriod | null {
  const first = document.byMonth[0];
  const shownFirst = charted.byMonth[0];
  const shownLast = charted.byMonth.at(-1);
  if (!first || !shownFirst || !shownLast || charted.byMonth.length === document.byMonth.length) return null;
  return { months: charted.byMonth.length, from: formatMonth(shownFirst.month), to: formatMonth(shownLast.month), firstMonth: formatMonth(first.month) };
}

/** Why: headline cards link to the section of their metric. */
export function metricAnchor(field: ChartedMetric): string {
  return `metric-${field}`;
}

/** Why: each custom series has a section to link to; its id comes from the CSV file name. */
export function customAnchor(seriesId: string): string {
  const slug = seriesId
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
  return `custom-${slug || 'series'}`;
}

/** A band is always shown as a word, with a tone for the badge. */
function bandDisplay(band: DoraBand | null): BandDisplay {
  return band === null ? { band, label: 'no data yet', tone: 'neutral' } : { band, ...BAND_DISPLAY[band] };
}

function headline(field: ChartedMetric, trend: MetricTrend, overall: MetricSet): Headline {
  const definition = METRIC_DEFINITIONS[field];
  const current = trend.current.metrics[field];
  const allTime =
    field === 'releaseCount'
      ? `${formatMetricValue(overall.releaseCount, definition)}, ${formatMetricValue(overall.releasesPerMonth, METRIC_DEFINITIONS.releasesPerMonth)}`
      : formatMetricValue(overall[field], definition);
  return {
    field,
    label: definition.label,
    value: formatMetricValue(current, definition),
    trend: describeTrend(trend.change[field], definition, trend.windowDays, current !== null),
    allTime,
    anchor: metricAnchor(field),
  };
}

/** Each product's band (and all products' when there are several), and the thresholds table. */
function doraSection(hub: Hub, document: MetricsDocument): MetricsPage['dora'] {
  const { products } = hub.config;
  return {
    rows: [
      ...products.map((product) => doraRow(product.name, document.byProduct[product.id] ?? null)),
      ...(products.length > 1 ? [doraRow('All products', document.overall)] : []),
    ],
    bands: DORA_BANDS.map((band) => BAND_DISPLAY[band].label),
    thresholds: DORA_KEYS.map((key) => ({
      key,
      label: DORA_THRESHOLDS[key].label,
      published: DORA_BANDS.map((band) => DORA_THRESHOLDS[key].rules.find((rule) => rule.band === band)?.published ?? ''),
    })),
    keyLabels: Object.fromEntries(DORA_KEYS.map((key) => [key, doraKeyHeader(key)])) as Record<DoraKey, string>,
    source: DORA_SOURCE,
  };
}

function doraRow(name: string, metrics: MetricSet | null): DoraRow {
  const assessment = metrics ? doraBand(metrics) : null;
  const shownValue = (key: DoraKey) => (key === 'deploymentFrequency' ? (metrics?.releasesPerMonth ?? null) : (assessment?.keys[key].value ?? null));
  const keys = Object.fromEntries(
    DORA_KEYS.map((key) => [
      key,
      {
        value: formatMetricValue(shownValue(key), DORA_VALUE_FORMAT[key]),
        band: bandDisplay(assessment?.keys[key].band ?? null),
      },
    ]),
  ) as DoraRow['keys'];
  return { name, keys, overall: bandDisplay(assessment?.overall ?? null) };
}

function doraKeyHeader(key: DoraKey): string {
  const format = DORA_VALUE_FORMAT[key];
  return `${DORA_THRESHOLDS[key].label} (${format.format === 'percent' ? '%' : format.unit})`;
}
