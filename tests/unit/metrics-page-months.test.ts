/** `/metrics/` charts a bounded period (the last 24 months), so the page does not grow with the hub's history. */
import { Temporal } from 'temporal-polyfill';
import { describe, expect, it } from 'vitest';
import { buildMetricsPage, CHART_MONTHS, recentMonths } from '../../src/metrics/page.ts';
import { computeMetrics } from '../../src/metrics/metrics.ts';
import { at, makeHub, makeRelease } from './helpers/hub-factory.ts';

const NOW = Temporal.Instant.from('2026-11-26T09:00:00Z');
/** One released `web` release on the 10th of each of `months` months ending in November 2026. */
function hubOver(months: number) {
  const releases = Array.from({ length: months }, (_, index) => {
    const month = Temporal.PlainYearMonth.from('2026-11').subtract({ months: months - 1 - index });
    return makeRelease({ version: `1.${index}.0`, status: 'released', deployment: { finishedAt: at(`${month.toString()}-10T03:00`) } });
  });
  return makeHub({ releases });
}

describe('the charted period of /metrics/', () => {
  it('is the last 24 months of a 40-month history, in every product, the JSON keeping them all', () => {
    const document = computeMetrics(hubOver(40), NOW);
    expect(document.byMonth).toHaveLength(40);
    const charted = recentMonths(document);
    expect(CHART_MONTHS).toBe(24);
    expect(charted.byMonth.map((month) => month.month)).toEqual(document.byMonth.slice(-24).map((month) => month.month));
    expect(charted.byMonth[0]!.month).toBe('2024-12');
    for (const product of Object.values(charted.byProduct))
      expect(product.byMonth.map((month) => month.month)).toEqual(charted.byMonth.map((month) => month.month));
    expect(charted.overall).toEqual(document.overall);
  });

  it('keeps the chart tables to 24 rows and says which months the page leaves to the JSON', () => {
    const page = buildMetricsPage(hubOver(40), NOW);
    for (const section of page.sections) if (section.chart) expect(section.chart.table.rows).toHaveLength(24);
    expect(page.chartedPeriod).toEqual({ months: 24, from: 'December 2024', to: 'November 2026', firstMonth: 'August 2023' });
    expect(page.document.byMonth).toHaveLength(40);
  });

  it('shows a short history whole, with no note', () => {
    const page = buildMetricsPage(hubOver(24), NOW);
    expect(page.chartedPeriod).toBeNull();
    expect(page.sections.find((section) => section.field === 'releaseCount')!.chart!.table.rows).toHaveLength(24);
  });

  it('keeps the rows of a custom series in the 24 months up to its last row', () => {
    const document = computeMetrics(hubOver(3), NOW);
    const rows = Array.from({ length: 36 }, (_, index) => ({
      date: `${Temporal.PlainYearMonth.from('2023-12').add({ months: index }).toString()}-01`,
      values: { tickets: index },
    }));
    const charted = recentMonths({
      ...document,
      custom: [{ id: 'tickets', title: 'Tickets', unit: null, description: null, target: null, columns: ['tickets'], rows }],
    });
    expect(charted.custom[0]!.rows.map((row) => row.date)).toEqual(rows.slice(-24).map((row) => row.date));
  });
});
