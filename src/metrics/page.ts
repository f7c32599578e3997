/**
 * Everything the metrics pages show, computed once per build from the hub and the build's "now":
 * a view per period (all time, last 12 months, last 90 days) of all products and of each product,
 * each with its headline values, a chart and table per metric, the events on its time axis, the
 * custom series and the DORA keys with their bands; the drill-down pages behind every value; and
 * each chart table as CSV. The pages only render these objects.
 *
 * Every value says what it is computed over ("6 of 9 releases with a window on schedule") and links
 * to the drill-down that lists those releases, and the ones left out with the reason.
 */
import { Temporal } from 'temporal-polyfill';
import type { Hub, Product, Release } from '../core/model.ts';
import { metricsCsvPath, metricsViewPath, releasePath } from '../core/urls.ts';
import { monthKey } from '../core/time.ts';
import { formatDate, formatMonth, isoDateTime } from '../presentation/format.ts';
import { countOf } from '../presentation/count.ts';
import { describeTrend, formatMetricCell, formatMetricValue, type TrendText, type ValueFormat } from '../presentation/number-format.ts';
import { provenanceSentence } from '../presentation/provenance.ts';
import type { Tone } from '../presentation/status.ts';
import { productName } from '../releases/releases.ts';
import {
  CHARTED_METRICS,
  customSeriesChart,
  markersOnMonths,
  metricChart,
  paletteColor,
  tableCsv,
  type ChartedMetric,
  type ChartEvent,
  type ChartWithTable,
  type MarkerKind,
  type MonthlyData,
  type MonthlySeries,
} from './charts.ts';
import { buildDrillDowns, DRILL_SLUGS, drillFieldOf, type DrillIndex, type DrillPage } from './drilldown.ts';
import {
  benchmarksFor,
  DAYS_PER_MONTH,
  deploymentsPerDay,
  DORA_BANDS,
  DORA_KEY_INFO,
  DORA_KEYS,
  doraAssessment,
  doraValues,
  type DoraBand,
  type DoraKey,
} from './dora.ts';
import {
  computeMetrics,
  computeTrend,
  isDeployed,
  METRIC_DEFINITIONS,
  metricOptionsFor,
  type CustomSeries,
  type MetricDefinition,
  type MetricOptions,
  type MetricsDocument,
} from './metrics.ts';
import { HEADLINE_WINDOW_DAYS, PERIOD_IDS, periodMonths, type PeriodId } from './periods.ts';
import { explainScopeMonth, scopesOf, type Scope } from './scopes.ts';

/** Months the all-time charts and tables show: a page stays the same size however long the history; every month is in `/api/metrics.json`. */
export const CHART_MONTHS = 24;

/** A link of the view switcher. */
export interface ViewLink {
  label: string;
  href: string;
  current: boolean;
}

/** One headline value: the view's value, what it is computed over (linked to its releases), and its trend where there is one. */
export interface Headline {
  field: ChartedMetric;
  label: string;
  /** The value with its unit, or "no data yet". */
  value: string;
  /** "6 of 9 releases with a window on schedule". */
  provenance: string;
  /** The drill-down listing the releases; `null` when there are none. */
  href: string | null;
  /** Against the 90 days before (the last-90-days view only). */
  trend: TrendText | null;
  /** A second value, e.g. releases per month under the release count. */
  secondary: string | null;
  /** Fragment id of the metric's section. */
  anchor: string;
}

/** One metric's section: its definition ("how we compute this") and its chart, or `null` for "no data yet". */
export interface MetricSection {
  field: ChartedMetric;
  anchor: string;
  definition: MetricDefinition;
  /** More definitions explained in the same section (release frequency with releases, the old name of recovery time). */
  alsoDefined: MetricDefinition[];
  chart: ChartWithTable | null;
}

/** A custom series section. */
export interface CustomSection {
  series: CustomSeries;
  anchor: string;
  chart: Omit<ChartWithTable, 'productsWithoutData'> | null;
}

/** A rollback, incident or freeze of the charted months, as listed under the charts. */
export interface EventItem {
  kind: MarkerKind;
  /** "Rollback", "Incident", "Freeze". */
  kindLabel: string;
  iso: string;
  /** "Tue 16 Jun 2026", or a range for a freeze. */
  date: string;
  label: string;
  href: string | null;
}

/** A DORA band as shown: a word and a tone (never colour alone). */
export interface BandDisplay {
  band: DoraBand;
  /** "Elite" … "Low". */
  label: string;
  tone: Tone;
}

/** One key of one DORA row: the value, what it is computed over, its band (`null`: no band). */
export interface DoraCell {
  value: string;
  provenance: string | null;
  href: string | null;
  band: BandDisplay | null;
}

/** A row of the DORA table: one product (or all products), each key and the overall band. */
export interface DoraRow {
  name: string;
  keys: Record<DoraKey, DoraCell>;
  overall: BandDisplay | null;
}

/** The benchmark set as shown: named, dated, cited, with the published range of each band. */
export interface BenchmarkDisplay {
  name: string;
  /** "October 2024". */
  published: string;
  source: { title: string; url: string; note: string | null };
  /** Column headers, in `DORA_BANDS` order. */
  bands: string[];
  /** One row per key; `published` is `null` where the set has no band for the key. */
  thresholds: { key: DoraKey; label: string; unit: string; published: string[] | null }[];
}

/** The DORA section of a view. */
export interface DoraSection {
  rows: DoraRow[];
  keyHeaders: Record<DoraKey, string>;
  /** `null` when hub.yaml turns benchmarks off. */
  benchmarks: BenchmarkDisplay | null;
}

/** The months the all-time charts show when they leave older months out (formatted, e.g. "December 2024"). */
export interface ChartedPeriod {
  months: number;
  from: string;
  to: string;
  /** The first month of the whole history, which only the JSON holds. */
  firstMonth: string;
}

/** One metrics view: a period of all products or of one product. */
export interface MetricsView {
  period: { id: PeriodId; label: string; from: string | null; to: string | null };
  product: Product | null;
  path: string;
  /** "Release metrics", "Release metrics: Northwind Web, last 90 days". */
  heading: string;
  periodLinks: ViewLink[];
  productLinks: ViewLink[];
  /** "61 deployed releases". */
  deployedText: string;
  chartedPeriod: ChartedPeriod | null;
  headlines: Headline[];
  sections: MetricSection[];
  events: EventItem[];
  custom: CustomSection[];
  dora: DoraSection;
  /** Deployment frequency and duration per hub.yaml environment (the all-time view of all products, when the hub has more than one environment). */
  environments: EnvironmentRow[];
}

/** One environment's deployments, as the metrics page's table shows them (`byEnvironment` of `/api/metrics.json`; the units are in the column heads). */
export interface EnvironmentRow {
  name: string;
  /** Where releases reach their users: the one DORA's keys count. */
  release: boolean;
  deployments: string;
  perMonth: string;
  durationMedian: string;
}

/** A chart table as a CSV file. */
export interface CsvFile {
  path: string;
  /** The route parameter: the path under `/metrics/csv/`. */
  file: string;
  text: string;
}

/** Everything the metrics routes build. */
export interface MetricsSite {
  document: MetricsDocument;
  views: MetricsView[];
  drilldowns: DrillPage[];
  csv: CsvFile[];
  drills: DrillIndex;
}

const BAND_DISPLAY: Record<DoraBand, { label: string; tone: Tone }> = {
  elite: { label: 'Elite', tone: 'ok' },
  high: { label: 'High', tone: 'info' },
  medium: { label: 'Medium', tone: 'warn' },
  low: { label: 'Low', tone: 'bad' },
};

const KIND_LABELS: Record<MarkerKind, string> = { rollback: 'Rollback', incident: 'Incident', freeze: 'Freeze' };

const built = new WeakMap<Hub, { now: string; site: MetricsSite }>();

/** Why: the page routes, the CSV route and the dashboard read one computation per build. */
export function buildMetricsSite(hub: Hub, now: Temporal.Instant): MetricsSite {
  const cached = built.get(hub);
  if (cached && cached.now === now.toString()) return cached.site;
  const document = computeMetrics(hub, now);
  const scopes = scopesOf(hub, now);
  const { pages, index } = buildDrillDowns(hub, scopes);
  const views: MetricsView[] = [];
  const csv: CsvFile[] = [];
  for (const scope of scopes) {
    const view = buildView(hub, now, document, scope, scopes, index);
    views.push(view);
    for (const section of [...view.sections, ...view.custom]) {
      if (!section.chart) continue;
      const unit = 'definition' in section ? (section.definition.format === 'percent' ? '%' : section.definition.unit) : (section.series.unit ?? '');
      const { href } = section.chart.table.csv;
      csv.push({ path: href, file: href.slice(href.indexOf('/metrics/csv/') + '/metrics/csv/'.length), text: tableCsv(section.chart.table, unit) });
    }
  }
  const site = { document, views, drilldowns: pages, csv, drills: index };
  built.set(hub, { now: now.toString(), site });
  return site;
}

/** Why: the page shows `byEnvironment` in promotion order, worded like the headlines; nothing to show with one environment (its figures are D's). */
function environmentRows(hub: Hub, document: MetricsDocument): EnvironmentRow[] {
  const environments = hub.config.environments ?? [];
  if (environments.length < 2) return [];
  return environments.flatMap((environment) => {
    const figures = document.byEnvironment[environment.id];
    if (!figures) return [];
    return [
      {
        name: environment.name,
        release: environment.release,
        deployments: formatMetricCell(figures.releaseCount, 'integer'),
        perMonth: formatMetricCell(figures.releasesPerMonth, METRIC_DEFINITIONS.releasesPerMonth.format),
        durationMedian: formatMetricCell(figures.deploymentMinutesMedian, METRIC_DEFINITIONS.deploymentMinutesMedian.format),
      },
    ];
  });
}

/** Why: headline cards and tables link to the section of their metric. */
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

/** Why: the all-time charts show the last `count` months of every series (products line up), the JSON keeps them all. */
export function recentMonths(months: readonly string[], count: number = CHART_MONTHS): string[] {
  return months.slice(-count);
}

function buildView(hub: Hub, now: Temporal.Instant, document: MetricsDocument, scope: Scope, scopes: readonly Scope[], drills: DrillIndex): MetricsView {
  const options = metricOptionsFor(hub.config);
  const zone = options.hubZone;
  const { period, product } = scope;
  const productId = product?.id ?? null;
  const allMonths = document.byMonth.map((month) => month.month);
  const months = period.id === 'all-time' ? recentMonths(allMonths) : periodMonths(period, zone);
  const find = (id: string | null) => scopes.find((other) => other.period.id === period.id && (other.product?.id ?? null) === id)!;
  const seriesOf = (of: Scope, label: string, color: MonthlySeries['color']): MonthlySeries => ({
    label,
    color,
    months: months.map((month) => explainScopeMonth(of, month, options)),
    href: (field, monthIndex) => drills.href(field, period.id, of.product?.id ?? null, months[monthIndex]),
  });
  const charted = product ? [product] : hub.config.products;
  const events = viewEvents(hub, scope, months, options);
  const data: MonthlyData = {
    timezone: zone,
    months,
    monthNotes: monthNotes(period.from, period.fromInclusive, period.to, months, zone),
    products: charted.map((entry) => ({ product: entry, series: seriesOf(find(entry.id), entry.name, paletteColor(hub.config.products.indexOf(entry))) })),
    overall: product ? null : seriesOf(scope, 'All products', { kind: 'overall' }),
    markers: markersOnMonths(
      events.map((event) => event.chart),
      months,
      zone,
    ),
    csvHref: (chart) => metricsCsvPath(period.id, chart, productId ?? undefined),
  };
  // The trend compares with the 90 days before, so it reads every release of the scope's products, not only the period's.
  const ownReleases = product ? hub.releases.filter((release) => release.product === product.id) : hub.releases;
  const trend = period.id === 'last-90-days' ? computeTrend(ownReleases, now, options, HEADLINE_WINDOW_DAYS) : null;
  const shownFrom = period.from && (period.fromInclusive ? period.from : period.from.add({ nanoseconds: 1 }));
  const label = period.label.toLowerCase();
  return {
    period: {
      id: period.id,
      label: period.label,
      from: shownFrom ? formatDate(shownFrom.toZonedDateTimeISO(zone), zone) : null,
      to: period.to ? formatDate(period.to.toZonedDateTimeISO(zone), zone) : null,
    },
    product,
    path: metricsViewPath(period.id, productId ?? undefined),
    heading: product ? `Release metrics: ${product.name}, ${label}` : period.id === 'all-time' ? 'Release metrics' : `Release metrics: ${label}`,
    periodLinks: PERIOD_IDS.map((id) => ({ label: labelOf(scopes, id), href: metricsViewPath(id, productId ?? undefined), current: id === period.id })),
    productLinks: [
      { label: 'All products', href: metricsViewPath(period.id), current: product === null },
      ...hub.config.products.map((entry) => ({ label: entry.name, href: metricsViewPath(period.id, entry.id), current: entry.id === productId })),
    ],
    deployedText: countOf(scope.explained.metrics.releaseCount, 'deployed release'),
    chartedPeriod: period.id === 'all-time' ? chartedPeriod(allMonths, months) : null,
    headlines: CHARTED_METRICS.map((field) => {
      const definition = METRIC_DEFINITIONS[field];
      const value = scope.explained.metrics[field];
      const perMonth = scope.explained.metrics.releasesPerMonth;
      return {
        field,
        label: definition.label,
        value: formatMetricValue(value, definition),
        provenance: provenanceSentence(field, scope.explained.provenance[field]),
        href: drills.href(field, period.id, productId),
        trend: trend ? describeTrend(trend.change[field], definition, HEADLINE_WINDOW_DAYS, trend.current.metrics[field] !== null) : null,
        secondary:
          field === 'releaseCount' && period.id === 'all-time' && perMonth !== null
            ? `${formatMetricValue(perMonth, METRIC_DEFINITIONS.releasesPerMonth)} (${provenanceSentence('releasesPerMonth', scope.explained.provenance.releasesPerMonth)})`
            : null,
        anchor: metricAnchor(field),
      };
    }),
    sections: CHARTED_METRICS.map((field) => ({
      field,
      anchor: metricAnchor(field),
      definition: METRIC_DEFINITIONS[field],
      alsoDefined:
        field === 'releaseCount'
          ? [METRIC_DEFINITIONS.releasesPerMonth]
          : field === 'failedDeploymentRecoveryHoursMedian'
            ? [METRIC_DEFINITIONS.timeToRestoreHoursMedian]
            : [],
      chart: metricChart(data, METRIC_DEFINITIONS, field, DRILL_SLUGS[drillFieldOf(field)]),
    })),
    events: events.map((event) => eventItem(event, zone)),
    environments: period.id === 'all-time' && !product ? environmentRows(hub, document) : [],
    custom: product
      ? []
      : customSections(
          document.custom,
          months,
          period.id,
          events.map((event) => event.chart),
          zone,
        ),
    dora: doraSection(hub, scope, scopes, drills),
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

function labelOf(scopes: readonly Scope[], id: PeriodId): string {
  return scopes.find((scope) => scope.period.id === id)!.period.label;
}

function chartedPeriod(all: readonly string[], shown: readonly string[]): ChartedPeriod | null {
  const [first] = all;
  const [shownFirst] = shown;
  const shownLast = shown.at(-1);
  if (!first || !shownFirst || !shownLast || shown.length === all.length) return null;
  return { months: shown.length, from: formatMonth(shownFirst), to: formatMonth(shownLast), firstMonth: formatMonth(first) };
}

/** "August 2026 (from 28 Aug)" for a first month the period cuts, "November 2026 (to 26 Nov)" for the month of now. */
function monthNotes(
  from: Temporal.Instant | null,
  fromInclusive: boolean,
  to: Temporal.Instant | null,
  months: readonly string[],
  zone: string,
): Record<string, string> {
  const notes: Record<string, string> = {};
  const day = (instant: Temporal.Instant) => formatDate(instant.toZonedDateTimeISO(zone), zone).split(' ').slice(1, 3).join(' ');
  const [first] = months;
  const last = months.at(-1);
  if (from && first) {
    const start = fromInclusive ? from : from.add({ nanoseconds: 1 });
    const local = start.toZonedDateTimeISO(zone);
    if (!local.equals(local.with({ day: 1 }).startOfDay())) notes[first] = `${formatMonth(first)} (from ${day(start)})`;
  }
  if (to && last) notes[last] = `${notes[last] ?? formatMonth(last)} (to ${day(to)})`.replace(/\) \(to/, ', to');
  return notes;
}

/** An event of a view and the page it links to (the release, for rollbacks and incidents). */
interface ViewEvent {
  chart: ChartEvent;
  href: string | null;
}

/** Rollbacks and incidents of the scope's deployed releases, and the freezes of its products, in the charted months. */
function viewEvents(hub: Hub, scope: Scope, months: readonly string[], options: MetricOptions): ViewEvent[] {
  const zone = options.hubZone;
  const shown = new Set(months);
  const name = (release: Release) => `${productName(hub, release.product)} ${release.version}`;
  const deployed = scope.releases.filter(isDeployed);
  const inMonths = (time: Temporal.ZonedDateTime) => shown.has(monthKey(time, zone));
  const rollbacks = deployed
    .filter((release) => release.status === 'rolled-back')
    .map(
      (release): ViewEvent => ({
        chart: { kind: 'rollback', start: release.rollback?.at ?? release.deployment.finishedAt, label: `${name(release)} rolled back` },
        href: releasePath(release),
      }),
    );
  const incidents = deployed.flatMap((release) =>
    release.incidents.map(
      (incident): ViewEvent => ({
        chart: { kind: 'incident', start: incident.startedAt, label: `${incident.id} of ${name(release)}` },
        href: releasePath(release),
      }),
    ),
  );
  const [first] = months;
  const last = months.at(-1);
  const freezes =
    first && last
      ? hub.freezes
          .filter((freeze) => !scope.product || freeze.products.length === 0 || freeze.products.includes(scope.product.id))
          .filter((freeze) => monthKey(freeze.end.subtract({ nanoseconds: 1 }), zone) >= first && monthKey(freeze.start, zone) <= last)
          .map((freeze): ViewEvent => ({ chart: { kind: 'freeze', start: freeze.start, end: freeze.end, label: freeze.name }, href: null }))
      : [];
  return [...freezes, ...[...rollbacks, ...incidents].filter((event) => inMonths(event.chart.start))].sort(
    (a, b) => a.chart.start.epochMilliseconds - b.chart.start.epochMilliseconds || (a.chart.label < b.chart.label ? -1 : a.chart.label > b.chart.label ? 1 : 0),
  );
}

function eventItem({ chart: event, href }: ViewEvent, zone: string): EventItem {
  const date = event.end ? `${formatDate(event.start, zone)} – ${formatDate(event.end.subtract({ nanoseconds: 1 }), zone)}` : formatDate(event.start, zone);
  return { kind: event.kind, kindLabel: KIND_LABELS[event.kind], iso: isoDateTime(event.start), date, label: event.label, href };
}

/** Custom series rows: all time, the 24 months up to the series' last row; a bounded period, the rows of its months. */
function customSections(
  custom: readonly CustomSeries[],
  months: readonly string[],
  period: PeriodId,
  events: readonly ChartEvent[],
  zone: string,
): CustomSection[] {
  const shown = new Set(months);
  return custom.map((series) => {
    const anchor = customAnchor(series.id);
    const inView = period === 'all-time' ? recentRows(series, CHART_MONTHS) : { ...series, rows: series.rows.filter((row) => shown.has(row.date.slice(0, 7))) };
    return {
      series,
      anchor,
      chart: customSeriesChart(inView, { zone, events, csvHref: metricsCsvPath(period, anchor) }, anchor),
    };
  });
}

/** Each product's keys and bands (and all products' when there are several), and the benchmark set. */
function doraSection(hub: Hub, scope: Scope, scopes: readonly Scope[], drills: DrillIndex): DoraSection {
  const set = benchmarksFor(hub.config);
  const { period } = scope;
  const days = period.from && period.to ? (period.to.epochMilliseconds - period.from.epochMilliseconds) / 86_400_000 : null;
  const rowOf = (of: Scope, name: string): DoraRow => {
    const { metrics, provenance } = of.explained;
    const perDay = deploymentsPerDay(metrics, days);
    const assessment = doraAssessment(set, doraValues(metrics, perDay));
    const productId = of.product?.id ?? null;
    const keys = Object.fromEntries(
      DORA_KEYS.map((key): [DoraKey, DoraCell] => {
        const { metric } = DORA_KEY_INFO[key];
        const shown =
          key === 'deploymentFrequency'
            ? formatMetricValue(perDay === null ? null : perDay * DAYS_PER_MONTH, FREQUENCY_FORMAT)
            : formatMetricValue(metrics[metric], METRIC_DEFINITIONS[metric]);
        const frequencyText =
          days === null
            ? provenanceSentence('releasesPerMonth', provenance.releasesPerMonth)
            : `${countOf(metrics.releaseCount, 'release')} in ${countOf(Math.round(days), 'day')}`;
        const band = assessment.keys[key].band;
        return [
          key,
          {
            value: shown,
            provenance: key === 'deploymentFrequency' ? frequencyText : provenanceSentence(metric, provenance[drillFieldOf(metric)]),
            href: drills.href(metric, period.id, productId),
            band: band === null ? null : { band, ...BAND_DISPLAY[band] },
          },
        ];
      }),
    ) as Record<DoraKey, DoraCell>;
    return { name, keys, overall: assessment.overall === null ? null : { band: assessment.overall, ...BAND_DISPLAY[assessment.overall] } };
  };
  const own = scope.product
    ? [scope]
    : hub.config.products.map((product) => scopes.find((other) => other.period.id === period.id && other.product?.id === product.id)!);
  const rows = [...own.map((of) => rowOf(of, of.product!.name)), ...(!scope.product && hub.config.products.length > 1 ? [rowOf(scope, 'All products')] : [])];
  return {
    rows,
    keyHeaders: Object.fromEntries(
      DORA_KEYS.map((key) => {
        const { label, metric } = DORA_KEY_INFO[key];
        const definition = METRIC_DEFINITIONS[metric];
        const unit = key === 'deploymentFrequency' ? FREQUENCY_FORMAT.unit : definition.format === 'percent' ? '%' : definition.unit;
        return [key, `${label} (${unit})`];
      }),
    ) as Record<DoraKey, string>,
    benchmarks: set && {
      name: set.name,
      published: /^\d{4}-\d{2}$/.test(set.published)
        ? formatMonth(set.published)
        : formatDate(Temporal.PlainDate.from(set.published).toZonedDateTime('UTC'), 'UTC'),
      source: { title: set.source.title, url: set.source.url, note: set.source.note ?? null },
      bands: DORA_BANDS.map((band) => BAND_DISPLAY[band].label),
      thresholds: DORA_KEYS.map((key) => {
        const rules = set.keys[key];
        return {
          key,
          label: DORA_KEY_INFO[key].label,
          unit: DORA_KEY_INFO[key].unit,
          published: rules ? DORA_BANDS.map((band) => rules.find((rule) => rule.band === band)?.published ?? 'not published') : null,
        };
      }),
    },
  };
}

/** Deployment frequency as the DORA table writes it: per month of 30 days. */
const FREQUENCY_FORMAT: ValueFormat = { format: 'decimal', unit: 'per month' };
