import { describe, expect, it } from 'vitest';
import { customSeriesChart, metricChart, paletteColor } from '../../src/metrics/charts.ts';
import { METRIC_DEFINITIONS, type CustomSeries, type MetricSet, type MetricsDocument, type MonthMetrics } from '../../src/metrics/metrics.ts';
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
};

const NO_DATA: MetricSet = { ...EMPTY_MONTH, releasesPerMonth: null };

const month = (key: string, values: Partial<MonthMetrics> = {}): MonthMetrics => ({ month: key, ...EMPTY_MONTH, ...values });

/** Three months of a hub where web and api released and docs never did (the document is input here, not computed). */
function documentWith(byMonth: { web: Partial<MonthMetrics>[]; api: Partial<MonthMetrics>[]; overall: Partial<MonthMetrics>[] }): MetricsDocument {
  const months = ['2026-01', '2026-02', '2026-03'];
  const series = (values: Partial<MonthMetrics>[]) => months.map((key, index) => month(key, values[index]));
  return {
    generatedAt: '2026-04-01T00:00:00Z',
    timezone: 'Europe/Berlin',
    definitions: METRIC_DEFINITIONS,
    overall: NO_DATA,
    byProduct: {
      web: { ...NO_DATA, byMonth: series(byMonth.web) },
      api: { ...NO_DATA, byMonth: series(byMonth.api) },
      docs: { ...NO_DATA, byMonth: series([]) },
    },
    byMonth: series(byMonth.overall),
    custom: [],
  };
}

const TWO_PRODUCTS = documentWith({
  web: [
    { releaseCount: 2, onScheduleRate: 1 / 2, leadTimeDaysMedian: 3.25 },
    { releaseCount: 0 },
    { releaseCount: 1, onScheduleRate: 1, leadTimeDaysMedian: 10 },
  ],
  api: [{ releaseCount: 1, onScheduleRate: 0, leadTimeDaysMedian: 7 }, { releaseCount: 3, onScheduleRate: 2 / 3 }, {}],
  overall: [
    { releaseCount: 3, onScheduleRate: 1 / 3, leadTimeDaysMedian: 3.5 + 7 / 2 },
    { releaseCount: 3, onScheduleRate: 2 / 3 },
    { releaseCount: 1, onScheduleRate: 1, leadTimeDaysMedian: 10 },
  ],
});

describe('metricChart: release counts', () => {
  const result = metricChart(TWO_PRODUCTS, PRODUCTS, 'releaseCount')!;

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
      { label: 'Web App', values: [2, 0, 1], color: { kind: 'palette', slot: 1 } },
      { label: 'Public API', values: [1, 3, 0], color: { kind: 'palette', slot: 2 } },
    ]);
  });

  it('tabulates every product with data and the total, and names the product without data', () => {
    expect(result.table).toEqual({
      caption: 'Releases per month, by product (releases)',
      rowHeaderTitle: 'Month',
      columns: ['Web App', 'Public API', 'All products'],
      rows: [
        { header: 'January 2026', datetime: '2026-01', cells: ['2', '1', '3'] },
        { header: 'February 2026', datetime: '2026-02', cells: ['0', '3', '3'] },
        { header: 'March 2026', datetime: '2026-03', cells: ['1', '0', '1'] },
      ],
    });
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
    const { chart, table } = metricChart(TWO_PRODUCTS, PRODUCTS, 'onScheduleRate')!;
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
    expect(table.rows.map((row) => row.cells)).toEqual([
      ['50', '0', '33.3'],
      ['no data', '66.7', '66.7'],
      ['100', 'no data', '100'],
    ]);
    expect(table.caption).toBe('On schedule per month, by product (%)');
  });

  it('leaves out a product whose values are all missing, and then needs no "all products" line', () => {
    const { chart, table, productsWithoutData } = metricChart(TWO_PRODUCTS, PRODUCTS, 'leadTimeDaysMedian')!;
    expect(chart.series).toEqual([
      { label: 'Web App', values: [3.25, null, 10], color: { kind: 'palette', slot: 1 } },
      { label: 'Public API', values: [7, null, null], color: { kind: 'palette', slot: 2 } },
      { label: 'All products', values: [3.5 + 7 / 2, null, 10], color: { kind: 'overall' } },
    ]);
    expect(table.rows[0]?.cells).toEqual(['3.25', '7', '7']);
    expect(productsWithoutData).toEqual(['Docs Site']);

    const onlyApi = documentWith({
      web: [],
      api: [{ releaseCount: 1, deploymentMinutesMedian: 42.5 }],
      overall: [{ releaseCount: 1, deploymentMinutesMedian: 42.5 }],
    });
    const single = metricChart(onlyApi, PRODUCTS, 'deploymentMinutesMedian')!;
    expect(single.chart.title).toBe('Deployment duration per month');
    // api keeps its hub.yaml colour (second) even though web has no line.
    expect(single.chart.series).toEqual([{ label: 'Public API', values: [42.5, null, null], color: { kind: 'palette', slot: 2 } }]);
    expect(single.table.columns).toEqual(['Public API']);
    expect(single.productsWithoutData).toEqual(['Web App', 'Docs Site']);
  });

  it('fixes the survey axis to the 1-5 scale', () => {
    const surveyed = documentWith({
      web: [{ releaseCount: 1, satisfactionScore: 4.25 }],
      api: [],
      overall: [{ releaseCount: 1, satisfactionScore: 4.25 }],
    });
    expect(metricChart(surveyed, PRODUCTS, 'satisfactionScore')?.chart.yRange).toEqual({ min: 1, max: 5 });
  });

  it('is null (the page says "no data yet", no canvas) when no product has data', () => {
    expect(metricChart(TWO_PRODUCTS, PRODUCTS, 'timeToRestoreHoursMedian')).toBeNull();
    expect(metricChart(documentWith({ web: [], api: [], overall: [] }), PRODUCTS, 'releaseCount')).toBeNull();
    const noMonths: MetricsDocument = { ...TWO_PRODUCTS, byMonth: [], byProduct: { web: { ...NO_DATA, byMonth: [] } } };
    expect(metricChart(noMonths, PRODUCTS, 'releaseCount')).toBeNull();
  });

  it('is plain JSON, so the page can hand it to the chart script unchanged', () => {
    const { chart } = metricChart(TWO_PRODUCTS, PRODUCTS, 'onScheduleRate')!;
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

  it('draws a line per column and the target as its own series', () => {
    const { chart } = customSeriesChart(queue)!;
    expect(chart).toMatchObject({
      type: 'line',
      title: 'Deploy queue',
      xAxisTitle: 'Month',
      yAxisTitle: 'changes',
      labels: ['Jan 2026', 'Feb 2026', 'Mar 2026'],
    });
    expect(chart.series).toEqual([
      { label: 'waiting', values: [7, 5.5, 4], color: { kind: 'palette', slot: 1 } },
      { label: 'blocked', values: [2, 1, null], color: { kind: 'palette', slot: 2 } },
      { label: 'Target (5 changes)', values: [5, 5, 5], color: { kind: 'target' } },
    ]);
    expect(chart.summary).toContain('Target: 5 changes.');
    expect(chart.summary).toContain('waiting: lowest 4 changes (March 2026), highest 7 changes (January 2026), latest 4 changes (March 2026).');
  });

  it('tabulates the columns and the target', () => {
    expect(customSeriesChart(queue)?.table).toEqual({
      caption: 'Deploy queue (changes)',
      rowHeaderTitle: 'Month',
      columns: ['waiting', 'blocked', 'Target'],
      rows: [
        { header: 'January 2026', datetime: '2026-01', cells: ['7', '2', '5'] },
        { header: 'February 2026', datetime: '2026-02', cells: ['5.5', '1', '5'] },
        { header: 'March 2026', datetime: '2026-03', cells: ['4', 'no data', '5'] },
      ],
    });
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
    const { chart, table } = customSeriesChart(daily)!;
    expect(chart.labels).toEqual(['1 Jan 2026', '15 Jan 2026']);
    expect(chart.xAxisTitle).toBe('Date');
    expect(chart.yAxisTitle).toBe('Value');
    // A column without any value is not drawn.
    expect(chart.series.map((series) => series.label)).toEqual(['waiting']);
    expect(table.columns).toEqual(['waiting']);
    expect(table.rows[1]).toEqual({ header: '15 Jan 2026', datetime: '2026-01-15', cells: ['2'] });
  });

  it('is null when the CSV holds no values', () => {
    expect(customSeriesChart({ ...queue, rows: [] })).toBeNull();
    expect(customSeriesChart({ ...queue, rows: [{ date: '2026-01-01', values: { waiting: null, blocked: null } }] })).toBeNull();
  });
});
