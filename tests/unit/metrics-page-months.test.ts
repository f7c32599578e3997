/** The all-time view charts a bounded period (the last 24 months), so its page does not grow with the hub's history. */
import { Temporal } from 'temporal-polyfill';
import { describe, expect, it } from 'vitest';
import { buildMetricsSite, CHART_MONTHS, recentMonths } from '../../src/metrics/page.ts';
import { computeMetrics } from '../../src/metrics/metrics.ts';
import { at, makeHub, makeRelease } from './helpers/hub-factory.ts';
import type { MetricSeries } from '../../src/core/model.ts';

const NOW = Temporal.Instant.from('2026-11-26T09:00:00Z');
/** One released `web` release on the 10th of each of `months` months ending in November 2026. */
function hubOver(months: number, metricSeries: MetricSeries[] = []) {
  const releases = Array.from({ length: months }, (_, index) => {
    const month = Temporal.PlainYearMonth.from('2026-11').subtract({ months: months - 1 - index });
    return makeRelease({ version: `1.${index}.0`, status: 'released', deployment: { finishedAt: at(`${month.toString()}-10T03:00`) } });
  });
  return makeHub({ releases, metricSeries });
}

describe('the charted period of the all-time view', () => {
  it('is the last 24 months of a 40-month history, the JSON keeping them all', () => {
    const document = computeMetrics(hubOver(40), NOW);
    expect(document.byMonth).toHaveLength(40);
    expect(CHART_MONTHS).toBe(24);
    const months = document.byMonth.map((month) => month.month);
    expect(recentMonths(months)).toEqual(months.slice(-24));
    expect(recentMonths(months)[0]).toBe('2024-12');
  });

  it('keeps the chart tables to 24 rows and says which months the page leaves to the JSON', () => {
    const site = buildMetricsSite(hubOver(40), NOW);
    const [allTime] = site.views;
    for (const section of allTime!.sections) if (section.chart) expect(section.chart.table.rows).toHaveLength(24);
    expect(allTime!.chartedPeriod).toEqual({ months: 24, from: 'December 2024', to: 'November 2026', firstMonth: 'August 2023' });
    // The summary counts every month; the drill-down behind it lists every release, paginated.
    expect(allTime!.headlines[0]!.value).toBe('40 releases');
    expect(site.drilldowns.filter((page) => page.path.startsWith('/metrics/releases/all-time/') && !page.product).map((page) => page.page)).toEqual([1]);
  });

  it('shows a short history whole, with no note', () => {
    const [allTime] = buildMetricsSite(hubOver(24), NOW).views;
    expect(allTime!.chartedPeriod).toBeNull();
    expect(allTime!.sections.find((section) => section.field === 'releaseCount')!.chart!.table.rows).toHaveLength(24);
  });

  it('keeps the rows of a custom series in the 24 months up to its last row', () => {
    const rows = Array.from({ length: 36 }, (_, index) => ({
      date: Temporal.PlainYearMonth.from('2023-12').add({ months: index }).toPlainDate({ day: 1 }),
      values: { tickets: index },
    }));
    const series: MetricSeries = { id: 'tickets', title: 'Tickets', columns: ['tickets'], rows, source: { file: 'metrics/tickets.csv' } };
    const [allTime] = buildMetricsSite(hubOver(3, [series]), NOW).views;
    expect(allTime!.custom[0]!.chart!.table.rows.map((row) => row.datetime)).toEqual(rows.slice(-24).map((row) => row.date.toString().slice(0, 7)));
  });
});
