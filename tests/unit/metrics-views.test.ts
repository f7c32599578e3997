/**
 * The `/metrics/` page model of the metrics fixture hub (tests/fixtures/metrics-hub/content; every release
 * is explained in its file). "Now" is 2026-05-20T00:00Z, so the headline period is the 90 days
 * (2026-02-19T00:00Z, 2026-05-20T00:00Z] and the previous one (2025-11-21T00:00Z, 2026-02-19T00:00Z].
 *   current:  api 2.1.0 (3 Mar), web 1.2.0 (12 May)
 *   previous: web 1.0.0 (13 Jan), web 1.1.0 (31 Jan 23:30Z), api 2.0.0 (11 Feb 02:00Z)
 */
import path from 'node:path';
import { Temporal } from 'temporal-polyfill';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadContentRoot } from '../../src/content/load.ts';
import { DORA_KEYS, DORA_THRESHOLDS } from '../../src/metrics/dora.ts';
import { buildMetricsPage, customAnchor, type MetricsPage } from '../../src/metrics/page.ts';

const FIXTURE = path.resolve(import.meta.dirname, '../fixtures/metrics-hub/content');
const NOW = Temporal.Instant.from('2026-05-20T00:00:00Z');

let page: MetricsPage;

beforeAll(async () => {
  const { hub, problems } = await loadContentRoot(FIXTURE);
  expect(problems).toEqual([]);
  page = buildMetricsPage(hub!, NOW);
});

describe('headlines: the last 90 days against the 90 before', () => {
  it('names the period in the hub zone', () => {
    expect(page.period).toEqual({ windowDays: 90, from: 'Thu 19 Feb 2026', to: 'Wed 20 May 2026' });
  });

  it('gives each metric its value, trend in words and all-time value', () => {
    const byField = Object.fromEntries(page.headlines.map((headline) => [headline.field, headline]));
    // 2 releases now, 3 before: (2 − 3) ÷ 3 = −33.3 %; counts have no "better" direction.
    expect(byField.releaseCount).toMatchObject({
      value: '2 releases',
      trend: { direction: 'down', text: 'Down 33.3% vs previous 90 days', verdict: null },
      allTime: '5 releases, 1 release per month',
      anchor: 'metric-releaseCount',
    });
    // On schedule: now 1/1 (web 1.2.0), before 2/3 → up 1/3 = 33.3 points.
    expect(byField.onScheduleRate).toMatchObject({
      value: '100%',
      trend: { direction: 'up', text: 'Up 33.3 points vs previous 90 days', verdict: 'better' },
      allTime: '75%',
    });
    // Rollbacks: now 0/2, before 1/3 → down 33.3 points.
    expect(byField.rollbackRate?.trend).toMatchObject({ text: 'Down 33.3 points vs previous 90 days', verdict: 'better' });
    // Change failures: now 1/2 (the open incident), before 2/3 → 1/2 − 2/3 = −16.7 points.
    expect(byField.changeFailureRate).toMatchObject({
      value: '50%',
      trend: { text: 'Down 16.7 points vs previous 90 days', verdict: 'better' },
      allTime: '60%',
    });
    // Satisfaction: now 4.5×20 ÷ 20 (the 0-response survey counts nothing) = 4.5; before (4×10 + 3×30) ÷ 40 = 3.25;
    // (4.5 − 3.25) ÷ 3.25 = 38.5 %.
    expect(byField.satisfactionScore).toMatchObject({
      value: '4.5 out of 5',
      trend: { text: 'Up 38.5% vs previous 90 days', verdict: 'better' },
      allTime: '3.67 out of 5',
    });
    // Time to restore: the only incident now is still open → no data now, so no comparison.
    expect(byField.timeToRestoreHoursMedian).toMatchObject({
      value: 'no data yet',
      trend: { direction: 'none', arrow: '', text: 'No comparison: no data in the last 90 days', verdict: null },
      allTime: '2.75 hours',
    });
  });
});

describe('sections', () => {
  it('has one section per charted metric, release frequency explained with release counts', () => {
    expect(page.sections.map((section) => section.anchor)).toEqual([
      'metric-releaseCount',
      'metric-onScheduleRate',
      'metric-leadTimeDaysMedian',
      'metric-deploymentMinutesMedian',
      'metric-rollbackRate',
      'metric-changeFailureRate',
      'metric-timeToRestoreHoursMedian',
      'metric-satisfactionScore',
    ]);
    expect(page.sections[0]?.alsoDefined.map((definition) => definition.label)).toEqual(['Releases per month']);
    expect(page.sections.every((section) => section.chart !== null)).toBe(true);
    // docs never released: named under every table, never a line of zeros.
    expect(page.sections[0]?.chart?.productsWithoutData).toEqual(['Docs Site']);
  });

  it('charts the CSV series with its sidecar target', () => {
    expect(page.custom).toHaveLength(1);
    expect(page.custom[0]?.anchor).toBe('custom-deploy-queue');
    expect(page.custom[0]?.chart?.table.columns).toEqual(['waiting', 'blocked', 'Target']);
  });

  it('gives custom series an HTML id from their file name', () => {
    expect(customAnchor('Deploy Queue (EU)')).toBe('custom-deploy-queue-eu');
    expect(customAnchor('___')).toBe('custom-series');
  });
});

describe('DORA bands (all deployed releases of each product)', () => {
  it('bands each key and takes the weakest as the overall band', () => {
    const [web, api, docs, all] = page.dora.rows;
    // web: 3 releases over Jan–May = 0.6 a month = 0.02 a day (between 1/180 and 1/30: medium); lead time
    // median of 10.11, 12.02, 53.13 days = 12.02 (medium); change failures 2/3 (low); restore 1.5 h (high).
    expect(web).toEqual({
      name: 'Web App',
      keys: {
        deploymentFrequency: { value: '0.6 per month', band: { band: 'medium', label: 'Medium', tone: 'warn' } },
        leadTime: { value: '12 days', band: { band: 'medium', label: 'Medium', tone: 'warn' } },
        changeFailureRate: { value: '66.7%', band: { band: 'low', label: 'Low', tone: 'bad' } },
        timeToRestore: { value: '1.5 hours', band: { band: 'high', label: 'High', tone: 'info' } },
      },
      overall: { band: 'low', label: 'Low', tone: 'bad' },
    });
    // api: 2 releases over Feb–Mar = 1 a month = 1/30 a day, which the high range includes.
    expect(api?.keys.deploymentFrequency).toEqual({ value: '1 per month', band: { band: 'high', label: 'High', tone: 'info' } });
    expect(docs).toEqual({
      name: 'Docs Site',
      keys: Object.fromEntries(DORA_KEYS.map((key) => [key, { value: 'no data yet', band: { band: null, label: 'no data yet', tone: 'neutral' } }])),
      overall: { band: null, label: 'no data yet', tone: 'neutral' },
    });
    expect(all?.name).toBe('All products');
    expect(all?.overall.band).toBe('low');
  });

  it('renders the thresholds from DORA_THRESHOLDS and cites the source', () => {
    expect(page.dora.bands).toEqual(['Elite', 'High', 'Medium', 'Low']);
    expect(page.dora.thresholds[0]).toEqual({
      key: 'deploymentFrequency',
      label: 'Deployment frequency',
      published: DORA_THRESHOLDS.deploymentFrequency.rules.map((rule) => rule.published),
    });
    expect(page.dora.keyLabels.changeFailureRate).toBe('Change failure rate (%)');
    expect(page.dora.source.url).toMatch(/^https:\/\/dora\.dev\//);
  });
});
