import { Temporal } from 'temporal-polyfill';
import { describe, expect, it } from 'vitest';
import {
  customSeriesChart,
  markersOnDates,
  markersOnMonths,
  metricChart,
  paletteColor,
  tableCsv,
  type ChartEvent,
  type MonthlyData,
  type SeriesColor,
} from '../../src/metrics/charts.ts';
import { METRIC_DEFINITIONS, type CustomSeries, type MetricProvenance, type MonthMetrics, type MonthProvenance } from '../../src/metrics/metrics.ts';
import type { Product } from '../../src/core/model.ts';

const PRODUCTS: Product[] = [
  { id: 'web', name: 'Web App' },
  { id: 'api', name: 'Public API' },
  { id: 'docs', name: 'Docs Site' },
];

const EMPTY_MONTH: Omit<MonthMetrics, 'month'> = {
  releaseCount: 0,
  onScheduleRate: null,
  rollbackRate: null,
  leadTimeDaysMedian: null,
  satisfactionScore: null,
  deploymentMinutesMedian: null,
  changeFailureRate: null,
  timeToRestoreHoursMedian: null,
  deploymentReworkRate: null,
  failedDeploymentRecoveryHoursMedian: null,
};

/** A month's values; its provenance gives each field `numerator of denominator` from `counts` (default 1 of 1, medians of 1). */
type MonthInput = Partial<MonthMetrics> & { counts?: Partial<Record<keyof MonthProvenance, [number | null, number]>> };

const MONTHS = ['2026-01', '2026-02', '2026-03'];

function stubProvenance(counts: MonthInput['counts'] = {}): MonthProvenance {
  const fields = Object.keys(EMPTY_MONTH).filter((field) => field !== 'timeToRestoreHoursMedian') as (keyof MonthProvenance)[];
  return Object.fromEntries(
    fields.map((field): [string, MetricProvenance] => {
      const median = field === 'leadTimeDaysMedian' || field === 'deploymentMinutesMedian' || field === 'failedDeploymentRecoveryHoursMedian';
      const [numerator, denominator] = counts[field] ?? [median ? null : 1, 1];
      return [field, { numerator, denominator, counted: [], excluded: [] }];
    }),
  ) as MonthProvenance;
}

/** Three months of a hub where web and api released and docs never did (the monthly data is input here, not computed). */
function dataWith(byMonth: { web: MonthInput[]; api: MonthInput[]; overall: MonthInput[] }, months: string[] = MONTHS): MonthlyData {
  const series = (label: string, key: string, color: SeriesColor, values: MonthInput[]) => ({
    label,
    color,
    months: months.map((month, index) => {
      const { counts, ...metrics } = values[index] ?? {};
      return { metrics: { month, ...EMPTY_MONTH, ...metrics }, provenance: stubProvenance(counts) };
    }),
    href: (field: string, index: number) => `/metrics/${field}/all-time/${key}#month-${months[index]}`,
  });
  return {
    timezone: 'Europe/Berlin',
    months,
    monthNotes: {},
    products: [
      { product: PRODUCTS[0]!, series: series('Web App', 'web', paletteColor(0), byMonth.web) },
      { product: PRODUCTS[1]!, series: series('Public API', 'api', paletteColor(1), byMonth.api) },
      { product: PRODUCTS[2]!, series: series('Docs Site', 'docs', paletteColor(2), []) },
    ],
    overall: series('All products', 'all', { kind: 'overall' }, byMonth.overall),
    markers: [],
    csvHref: (chart) => `/metrics/csv/all-time/${chart}.csv`,
  };
}

const TWO_PRODUCTS = dataWith({
  web: [
    { releaseCount: 2, onScheduleRate: 1 / 2, leadTimeDaysMedian: 3.25, counts: { onScheduleRate: [1, 2], leadTimeDaysMedian: [null, 2] } },
    { releaseCount: 0 },
    { releaseCount: 1, onScheduleRate: 1, leadTimeDaysMedian: 10 },
  ],
  api: [
    { releaseCount: 1, onScheduleRate: 0, leadTimeDaysMedian: 7, counts: { onScheduleRate: [0, 1] } },
    { releaseCount: 3, onScheduleRate: 2 / 3, counts: { onScheduleRate: [2, 3] } },
    {},
  ],
  overall: [
    { releaseCount: 3, onScheduleRate: 1 / 3, leadTimeDaysMedian: 3.5 + 7 / 2, counts: { onScheduleRate: [1, 3] } },
    { releaseCount: 3, onScheduleRate: 2 / 3, counts: { onScheduleRate: [2, 3] } },
    { releaseCount: 1, onScheduleRate: 1, leadTimeDaysMedian: 10 },
  ],
});

const chartOf = (data: MonthlyData, field: Parameters<typeof metricChart>[2]) => metricChart(data, METRIC_DEFINITIONS, field, 'chart-file');
const plain = (cells: { text: string }[]) => cells.map((cell) => cell.text);

describe('metricChart: release counts', () => {
  const result = chartOf(TWO_PRODUCTS, 'releaseCount')!;

  it('is a stacked bar per product, months as labels, colours by hub.yaml position', () => {
    expect(result.chart).toMatchObject({
      type: 'bar',
      stacked: true,
      title: 'Releases per month, by product',
      xAxisTitle: 'Month (Europe/Berlin)',
      yAxisTitle: 'Releases (releases)',
      labels: ['Jan 2026', 'Feb 2026', 'Mar 2026'],
      yRange: { min: 0 },
      valueFormat: { format: 'integer', unit: 'releases' },
    });
    // The stack is the total, so there is no separate "all products" series.
    expect(result.chart.series).toEqual([
      { label: 'Web App', values: [2, 0, 1], details: [null, null, null], color: { kind: 'palette', slot: 1 } },
      { label: 'Public API', values: [1, 3, 0], details: [null, null, null], color: { kind: 'palette', slot: 2 } },
    ]);
    expect(result.chart.markers).toEqual([]);
  });

  it('tabulates every product with data and the total, links each count to its releases, and names the product without data', () => {
    const { rows, ...table } = result.table;
    expect(table).toEqual({
      caption: 'Releases per month, by product (releases)',
      rowHeaderTitle: 'Month',
      columns: ['Web App', 'Public API', 'All products'],
      csv: { href: '/metrics/csv/all-time/chart-file.csv', filename: 'chart-file.csv' },
    });
    expect(rows.map((row) => [row.header, row.datetime, plain(row.cells)])).toEqual([
      ['January 2026', '2026-01', ['2', '1', '3']],
      ['February 2026', '2026-02', ['0', '3', '3']],
      ['March 2026', '2026-03', ['1', '0', '1']],
    ]);
    // A count of 0 still links: the month's drill-down says there was nothing (or what was left out).
    expect(rows[1]?.cells[0]).toEqual({ text: '0', detail: null, href: '/metrics/releaseCount/all-time/web#month-2026-02' });
    expect(result.productsWithoutData).toEqual(['Docs Site']);
  });

  it('summarises the totals for the canvas aria-label', () => {
    expect(result.chart.summary).toBe(
      'Stacked bar chart: Releases per month, by product, January 2026 to March 2026. ' +
        'Series: Web App, Public API. ' +
        'All products: lowest 1 release (March 2026), highest 3 releases (January 2026), latest 1 release (March 2026). ' +
        'The table below lists every value.',
    );
  });
});

describe('metricChart: rates and medians', () => {
  it('draws a line per product plus all products, with raw fractions on a 0..1 axis', () => {
    const { chart, table } = chartOf(TWO_PRODUCTS, 'onScheduleRate')!;
    expect(chart.type).toBe('line');
    expect(chart.stacked).toBe(false);
    expect(chart.yRange).toEqual({ min: 0, max: 1 });
    expect(chart.yAxisTitle).toBe('On schedule (%)');
    expect(chart.series.map((series) => [series.label, series.values, series.color])).toEqual([
      ['Web App', [1 / 2, null, 1], { kind: 'palette', slot: 1 }],
      ['Public API', [0, 2 / 3, null], { kind: 'palette', slot: 2 }],
      ['All products', [1 / 3, 2 / 3, 1], { kind: 'overall' }],
    ]);
    // Table cells: percent with one decimal, "no data" in words, never blank, 0 or NaN.
    expect(table.rows.map((row) => plain(row.cells))).toEqual([
      ['50', '0', '33.3'],
      ['no data', '66.7', '66.7'],
      ['100', 'no data', '100'],
    ]);
    // Each value says what it is computed over and links to its releases; "no data" links nowhere.
    expect(table.rows[0]?.cells[0]).toEqual({ text: '50', detail: '1 of 2', href: '/metrics/onScheduleRate/all-time/web#month-2026-01' });
    expect(table.rows[1]?.cells[0]).toEqual({ text: 'no data', detail: null, href: null });
    expect(chart.series[2]?.details).toEqual(['1 of 3', '2 of 3', '1 of 1']); // the tooltips say it too
    expect(table.caption).toBe('On schedule per month, by product (%)');
  });

  it('leaves out a product whose values are all missing, and then needs no "all products" line', () => {
    const { chart, table, productsWithoutData } = chartOf(TWO_PRODUCTS, 'leadTimeDaysMedian')!;
    expect(chart.series.map(({ label, values, color }) => ({ label, values, color }))).toEqual([
      { label: 'Web App', values: [3.25, null, 10], color: { kind: 'palette', slot: 1 } },
      { label: 'Public API', values: [7, null, null], color: { kind: 'palette', slot: 2 } },
      { label: 'All products', values: [3.5 + 7 / 2, null, 10], color: { kind: 'overall' } },
    ]);
    expect(chart.series[0]?.details).toEqual(['median of 2', null, 'median of 1']);
    expect(plain(table.rows[0]!.cells)).toEqual(['3.25', '7', '7']);
    expect(productsWithoutData).toEqual(['Docs Site']);

    const onlyApi = dataWith({
      web: [],
      api: [{ releaseCount: 1, deploymentMinutesMedian: 42.5 }],
      overall: [{ releaseCount: 1, deploymentMinutesMedian: 42.5 }],
    });
    const single = chartOf(onlyApi, 'deploymentMinutesMedian')!;
    expect(single.chart.title).toBe('Deployment duration per month');
    // api keeps its hub.yaml colour (second) even though web has no line.
    expect(single.chart.series.map(({ label, values, color }) => ({ label, values, color }))).toEqual([
      { label: 'Public API', values: [42.5, null, null], color: { kind: 'palette', slot: 2 } },
    ]);
    expect(single.table.columns).toEqual(['Public API']);
    expect(single.productsWithoutData).toEqual(['Web App', 'Docs Site']);
  });

  it('fixes the survey axis to the 1-5 scale', () => {
    const surveyed = dataWith({
      web: [{ releaseCount: 1, satisfactionScore: 4.25 }],
      api: [],
      overall: [{ releaseCount: 1, satisfactionScore: 4.25 }],
    });
    expect(chartOf(surveyed, 'satisfactionScore')?.chart.yRange).toEqual({ min: 1, max: 5 });
  });

  it('is null (the page says "no data yet", no canvas) when no product has data', () => {
    expect(chartOf(TWO_PRODUCTS, 'failedDeploymentRecoveryHoursMedian')).toBeNull();
    expect(chartOf(dataWith({ web: [], api: [], overall: [] }), 'releaseCount')).toBeNull();
    expect(chartOf(dataWith({ web: [], api: [], overall: [] }, []), 'releaseCount')).toBeNull();
  });

  it('is plain JSON, so the page can hand it to the chart script unchanged', () => {
    const { chart } = chartOf(TWO_PRODUCTS, 'onScheduleRate')!;
    expect(JSON.parse(JSON.stringify(chart))).toEqual(chart);
  });
});

describe('paletteColor', () => {
  it('gives products slots 1-6 in hub.yaml order and wraps after six', () => {
    expect([0, 1, 5, 6, 13].map((index) => paletteColor(index))).toEqual([
      { kind: 'palette', slot: 1 },
      { kind: 'palette', slot: 2 },
      { kind: 'palette', slot: 6 },
      { kind: 'palette', slot: 1 },
      { kind: 'palette', slot: 2 },
    ]);
  });
});

describe('customSeriesChart', () => {
  const queue: CustomSeries = {
    id: 'deploy-queue',
    title: 'Deploy queue',
    unit: 'changes',
    description: null,
    target: 5,
    columns: ['waiting', 'blocked'],
    rows: [
      { date: '2026-01-01', values: { waiting: 7, blocked: 2 } },
      { date: '2026-02-01', values: { waiting: 5.5, blocked: 1 } },
      { date: '2026-03-01', values: { waiting: 4, blocked: null } },
    ],
  };

  const context = { zone: 'Europe/Berlin', events: [], csvHref: '/metrics/csv/all-time/custom-deploy-queue.csv' };

  it('draws a line per column and the target as its own series', () => {
    const { chart } = customSeriesChart(queue, context, 'custom-deploy-queue')!;
    expect(chart).toMatchObject({
      type: 'line',
      title: 'Deploy queue',
      xAxisTitle: 'Month',
      yAxisTitle: 'changes',
      labels: ['Jan 2026', 'Feb 2026', 'Mar 2026'],
    });
    expect(chart.series.map(({ label, values, color }) => ({ label, values, color }))).toEqual([
      { label: 'waiting', values: [7, 5.5, 4], color: { kind: 'palette', slot: 1 } },
      { label: 'blocked', values: [2, 1, null], color: { kind: 'palette', slot: 2 } },
      { label: 'Target (5 changes)', values: [5, 5, 5], color: { kind: 'target' } },
    ]);
    expect(chart.summary).toContain('Target: 5 changes.');
    expect(chart.summary).toContain('waiting: lowest 4 changes (March 2026), highest 7 changes (January 2026), latest 4 changes (March 2026).');
  });

  it('tabulates the columns and the target, and writes the same table as CSV', () => {
    const table = customSeriesChart(queue, context, 'custom-deploy-queue')!.table;
    expect({ ...table, rows: table.rows.map((row) => ({ ...row, cells: plain(row.cells) })) }).toEqual({
      caption: 'Deploy queue (changes)',
      rowHeaderTitle: 'Month',
      columns: ['waiting', 'blocked', 'Target'],
      rows: [
        { header: 'January 2026', datetime: '2026-01', cells: ['7', '2', '5'] },
        { header: 'February 2026', datetime: '2026-02', cells: ['5.5', '1', '5'] },
        { header: 'March 2026', datetime: '2026-03', cells: ['4', 'no data', '5'] },
      ],
      csv: { href: '/metrics/csv/all-time/custom-deploy-queue.csv', filename: 'custom-deploy-queue.csv' },
    });
    expect(tableCsv(table, 'changes')).toBe(
      'Month,waiting (changes),blocked (changes),Target (changes)\r\n2026-01,7,2,5\r\n2026-02,5.5,1,5\r\n2026-03,4,,5\r\n',
    );
  });

  it('labels days when the dates are not all month starts, and has no target without one', () => {
    const daily: CustomSeries = {
      ...queue,
      unit: null,
      target: null,
      rows: [
        { date: '2026-01-01', values: { waiting: 1, blocked: null } },
        { date: '2026-01-15', values: { waiting: 2, blocked: null } },
      ],
    };
    const { chart, table } = customSeriesChart(daily, context, 'custom-deploy-queue')!;
    expect(chart.labels).toEqual(['1 Jan 2026', '15 Jan 2026']);
    expect(chart.xAxisTitle).toBe('Date');
    expect(chart.yAxisTitle).toBe('Value');
    // A column without any value is not drawn.
    expect(chart.series.map((series) => series.label)).toEqual(['waiting']);
    expect(table.columns).toEqual(['waiting']);
    expect({ ...table.rows[1], cells: plain(table.rows[1]!.cells) }).toEqual({ header: '15 Jan 2026', datetime: '2026-01-15', cells: ['2'] });
  });

  it('is null when the CSV holds no values', () => {
    expect(customSeriesChart({ ...queue, rows: [] }, context, 'x')).toBeNull();
    expect(customSeriesChart({ ...queue, rows: [{ date: '2026-01-01', values: { waiting: null, blocked: null } }] }, context, 'x')).toBeNull();
  });
});

describe('markers on the time axis', () => {
  const berlin = (text: string) => Temporal.PlainDateTime.from(text).toZonedDateTime('Europe/Berlin');
  const events: ChartEvent[] = [
    { kind: 'incident', start: berlin('2026-01-01T00:00'), label: 'INC-1 of Web App 1.0.0' },
    { kind: 'rollback', start: berlin('2026-02-15T00:00'), label: 'Web App 1.1.0 rolled back' },
    { kind: 'freeze', start: berlin('2025-12-19T00:00'), end: berlin('2026-01-05T00:00'), label: 'Year-end freeze' },
    { kind: 'freeze', start: berlin('2026-03-20T00:00'), end: berlin('2026-04-10T00:00'), label: 'Spring freeze' },
    { kind: 'incident', start: berlin('2026-04-02T00:00'), label: 'INC-2 of Web App 1.2.0' },
  ];

  it('places events in their month by the time elapsed in it (month i spans i − 0.5 to i + 0.5), clipping spans to the axis', () => {
    expect(markersOnMonths(events, MONTHS, 'Europe/Berlin')).toEqual([
      { kind: 'incident', at: -0.5, label: 'INC-1 of Web App 1.0.0' }, // the first instant of January
      { kind: 'rollback', at: 1, label: 'Web App 1.1.0 rolled back' }, // 14 of February's 28 days
      { kind: 'freeze', at: -0.5, until: -0.371, label: 'Year-end freeze' }, // from before the axis to 4 of 31 days into January
      { kind: 'freeze', at: 2.114, until: 2.5, label: 'Spring freeze' }, // 456 of March's 743 hours (summer time), to the end of the axis
    ]); // April's incident is not on the axis
  });

  it('places events between the dates of a daily series in proportion, leaving out those outside', () => {
    const utc = (text: string) => Temporal.Instant.from(text).toZonedDateTimeISO('UTC');
    const daily: ChartEvent[] = [
      { kind: 'rollback', start: utc('2026-01-08T00:00:00Z'), label: 'A' },
      { kind: 'freeze', start: utc('2025-12-01T00:00:00Z'), end: utc('2026-01-20T00:00:00Z'), label: 'B' },
      { kind: 'incident', start: utc('2026-02-02T00:00:00Z'), label: 'C' },
    ];
    expect(markersOnDates(daily, ['2026-01-01', '2026-01-15', '2026-02-01'], 'UTC')).toEqual([
      { kind: 'rollback', at: 0.5, label: 'A' },
      { kind: 'freeze', at: 0, until: 1.294, label: 'B' }, // 5 of the 17 days from 15 Jan to 1 Feb
    ]);
  });

  it('go into every chart of the data and are counted in its summary', () => {
    const marked = { ...TWO_PRODUCTS, markers: markersOnMonths(events, MONTHS, 'Europe/Berlin') };
    const { chart } = chartOf(marked, 'changeFailureRate') ?? chartOf(marked, 'releaseCount')!;
    expect(chart.markers).toHaveLength(4);
    expect(chart.summary).toContain('Marked: 1 rollback, 1 incident, 2 freezes, listed under Events.');
  });
});
