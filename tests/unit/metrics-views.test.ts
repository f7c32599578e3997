/**
 * The metrics views and drill-downs of the metrics fixture hub (tests/fixtures/metrics-hub/content; every
 * release is explained in its file). "Now" is 2026-05-20T00:00Z, so the last 90 days are
 * (2026-02-19T00:00Z, 2026-05-20T00:00Z] and the 90 before (2025-11-21T00:00Z, 2026-02-19T00:00Z]:
 *   last 90 days: api 2.1.0 (3 Mar; fixes INC-2 of api 2.0.0), web 1.2.0 (12 May; INC-3 still open)
 *   the 90 before: web 1.0.0 (13 Jan), web 1.1.0 (31 Jan 23:30Z, rolled back, INC-1), api 2.0.0 (11 Feb 02:00Z, INC-2)
 * Not deployed: web 1.3.0 (scheduled), api 2.2.0 (in progress). The hub has a benchmark set of its own.
 */
import path from 'node:path';
import { Temporal } from 'temporal-polyfill';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadContentRoot } from '../../src/content/load.ts';
import type { Hub } from '../../src/core/model.ts';
import { buildMetricsSite, customAnchor, type MetricsSite, type MetricsView } from '../../src/metrics/page.ts';
import { DORA_2024 } from '../../src/metrics/dora.ts';

const FIXTURE = path.resolve(import.meta.dirname, '../fixtures/metrics-hub/content');
const NOW = Temporal.Instant.from('2026-05-20T00:00:00Z');

let hub: Hub;
let site: MetricsSite;
const view = (period: string, product: string | null = null): MetricsView =>
  site.views.find((entry) => entry.period.id === period && (entry.product?.id ?? null) === product)!;
const headline = (of: MetricsView, field: string) => of.headlines.find((entry) => entry.field === field)!;

beforeAll(async () => {
  const loaded = await loadContentRoot(FIXTURE);
  expect(loaded.problems).toEqual([]);
  hub = loaded.hub!;
  site = buildMetricsSite(hub, NOW);
});

describe('views: every period, of all products and of each product', () => {
  it('has three periods for all products and for each product, each linking to the others', () => {
    expect(site.views.map((entry) => entry.path)).toEqual([
      '/metrics/',
      '/metrics/all-time/web/',
      '/metrics/all-time/api/',
      '/metrics/all-time/docs/',
      '/metrics/last-12-months/',
      '/metrics/last-12-months/web/',
      '/metrics/last-12-months/api/',
      '/metrics/last-12-months/docs/',
      '/metrics/last-90-days/',
      '/metrics/last-90-days/web/',
      '/metrics/last-90-days/api/',
      '/metrics/last-90-days/docs/',
    ]);
    const web90 = view('last-90-days', 'web');
    expect(web90.heading).toBe('Release metrics: Web App, last 90 days');
    expect(web90.periodLinks).toEqual([
      { label: 'All time', href: '/metrics/all-time/web/', current: false },
      { label: 'Last 12 months', href: '/metrics/last-12-months/web/', current: false },
      { label: 'Last 90 days', href: '/metrics/last-90-days/web/', current: true },
    ]);
    expect(web90.productLinks.map((link) => [link.href, link.current])).toEqual([
      ['/metrics/last-90-days/', false],
      ['/metrics/last-90-days/web/', true],
      ['/metrics/last-90-days/api/', false],
      ['/metrics/last-90-days/docs/', false],
    ]);
  });

  it('names a bounded period in the hub zone and charts its months, the cut ones noted', () => {
    const last90 = view('last-90-days');
    expect(last90.period).toEqual({ id: 'last-90-days', label: 'Last 90 days', from: 'Thu 19 Feb 2026', to: 'Wed 20 May 2026' });
    const rows = last90.sections.find((section) => section.field === 'releaseCount')!.chart!.table.rows;
    expect(rows.map((row) => row.header)).toEqual(['February 2026 (from 19 Feb)', 'March 2026', 'April 2026', 'May 2026 (to 20 May)']);
    // The last 12 months: June 2025 to May 2026 (the current month so far).
    const months = view('last-12-months').sections[0]!.chart!.table.rows.map((row) => row.datetime);
    expect([months[0], months.at(-1), months.length]).toEqual(['2025-06', '2026-05', 12]);
  });
});

describe('headlines: each value, what it is computed over, linked to its releases', () => {
  it('the last 90 days, against the 90 before', () => {
    const last90 = view('last-90-days');
    // 2 releases now, 3 before: (2 − 3) ÷ 3 = −33.3 %; counts have no "better" direction.
    expect(headline(last90, 'releaseCount')).toMatchObject({
      value: '2 releases',
      provenance: '2 deployed releases',
      href: '/metrics/releases/last-90-days/',
      trend: { direction: 'down', text: 'Down 33.3% vs previous 90 days', verdict: null },
    });
    // On schedule: api 2.1.0 has no window, web 1.2.0 is on time: 1 of 1; before 2 of 3 → up 33.3 points.
    expect(headline(last90, 'onScheduleRate')).toMatchObject({
      value: '100%',
      provenance: '1 of 1 release with a window on schedule',
      trend: { text: 'Up 33.3 points vs previous 90 days', verdict: 'better' },
    });
    // Rework: api 2.1.0 fixes INC-2: 1 of 2 = 50 %; before 0 of 3 → up 50 points, worse.
    expect(headline(last90, 'deploymentReworkRate')).toMatchObject({
      value: '50%',
      provenance: '1 of 2 releases made to fix an incident',
      href: '/metrics/rework/last-90-days/',
      trend: { text: 'Up 50 points vs previous 90 days', verdict: 'worse' },
    });
    // Recovery: the only incident now (INC-3) is open → no data, and it says so.
    expect(headline(last90, 'failedDeploymentRecoveryHoursMedian')).toMatchObject({
      value: 'no data yet',
      provenance: 'no resolved incident',
      href: '/metrics/recovery-time/last-90-days/', // the open incident is listed there, left out
      trend: { text: 'No comparison: no data in the last 90 days' },
    });
    // Satisfaction: 4.5 × 20 ÷ 20 (api 2.1.0's survey has no responses); before (4 × 10 + 3 × 30) ÷ 40 = 3.25 → up 38.5 %.
    expect(headline(last90, 'satisfactionScore')).toMatchObject({
      value: '4.5 out of 5',
      provenance: '20 responses to 1 survey',
      trend: { text: 'Up 38.5% vs previous 90 days' },
    });
  });

  it('all time, with releases per month under the release count and no trend', () => {
    const allTime = view('all-time');
    expect(headline(allTime, 'releaseCount')).toMatchObject({
      value: '5 releases',
      secondary: '1 release per month (5 releases in 5 months)',
      trend: null,
    });
    expect(headline(allTime, 'deploymentReworkRate')).toMatchObject({ value: '20%', provenance: '1 of 5 releases made to fix an incident' });
    expect(headline(allTime, 'failedDeploymentRecoveryHoursMedian')).toMatchObject({ value: '2.75 hours', provenance: 'median of 2 resolved incidents' });
    // A product that never released has no value and nothing to link to.
    expect(headline(view('all-time', 'docs'), 'onScheduleRate')).toMatchObject({
      value: 'no data yet',
      provenance: 'no deployed release with a window',
      href: null,
    });
  });
});

describe('sections, events and custom series', () => {
  it('has one section per charted metric: the five DORA keys and the rest, the alias explained with its field', () => {
    expect(view('all-time').sections.map((section) => section.anchor)).toEqual([
      'metric-releaseCount',
      'metric-onScheduleRate',
      'metric-leadTimeDaysMedian',
      'metric-deploymentMinutesMedian',
      'metric-rollbackRate',
      'metric-changeFailureRate',
      'metric-failedDeploymentRecoveryHoursMedian',
      'metric-deploymentReworkRate',
      'metric-satisfactionScore',
    ]);
    const sections = view('all-time').sections;
    expect(sections[0]?.alsoDefined.map((definition) => definition.label)).toEqual(['Releases per month']);
    expect(sections[6]?.alsoDefined.map((definition) => definition.label)).toEqual(['Time to restore']);
    // docs never released: named under every table, never a line of zeros.
    expect(sections[0]?.chart?.productsWithoutData).toEqual(['Docs Site']);
  });

  it('lists the rollbacks and incidents it marks on the time axis, in the hub zone, linked to their release', () => {
    expect(view('all-time').events.map((event) => [event.kind, event.date, event.label, event.href])).toEqual([
      ['incident', 'Sun 1 Feb 2026', 'INC-1 of Web App 1.1.0', '/releases/web/1.1.0/'],
      ['rollback', 'Sun 1 Feb 2026', 'Web App 1.1.0 rolled back', '/releases/web/1.1.0/'], // rollback.at 01:00
      ['incident', 'Wed 11 Feb 2026', 'INC-2 of Public API 2.0.0', '/releases/api/2.0.0/'], // 21:30 in New York
      ['incident', 'Tue 12 May 2026', 'INC-3 of Web App 1.2.0', '/releases/web/1.2.0/'],
    ]);
    expect(view('all-time', 'api').events.map((event) => event.label)).toEqual(['INC-2 of Public API 2.0.0']);
    const marked = view('all-time').sections[0]!.chart!.chart.markers;
    // The rollback at 2026-02-01T01:00 Berlin: 1 hour into February's 672 → 1 − 0.5 + 1/672.
    expect(marked.find((marker) => marker.kind === 'rollback')).toEqual({ kind: 'rollback', at: 0.501, label: 'Web App 1.1.0 rolled back' });
  });

  it('charts the CSV series with its sidecar target in views of all products only', () => {
    expect(view('all-time').custom.map((custom) => [custom.anchor, custom.chart?.table.columns])).toEqual([
      ['custom-deploy-queue', ['waiting', 'blocked', 'Target']],
    ]);
    expect(view('all-time', 'web').custom).toEqual([]);
    expect(customAnchor('Deploy Queue (EU)')).toBe('custom-deploy-queue-eu');
    expect(customAnchor('___')).toBe('custom-series');
  });

  it('writes each chart table as a CSV file beside its view', () => {
    const csv = site.csv.find((file) => file.path === '/metrics/csv/all-time/on-schedule.csv')!;
    expect(csv.file).toBe('all-time/on-schedule.csv');
    expect(csv.text).toBe(
      'Month,Web App (%),Public API (%),All products (%)\r\n2026-01,100,,100\r\n2026-02,0,100,50\r\n2026-03,,,\r\n2026-04,,,\r\n2026-05,100,,100\r\n',
    );
    expect(site.csv.map((file) => file.path)).toContain('/metrics/csv/last-90-days/web/rework.csv');
    expect(site.csv.map((file) => file.path)).toContain('/metrics/csv/all-time/custom-deploy-queue.csv');
  });
});

describe('DORA keys and bands', () => {
  it('bands each key by the hub’s own set, shows what each value is computed over, and takes the weakest band', () => {
    const [web, api, docs, all] = view('all-time').dora.rows;
    // Web: lead time median of 10.11, 12.02, 53.13 days = 12.02 → "within 30 days": high; rework 0 of 3: high.
    expect(web?.keys.changeLeadTime).toEqual({
      value: '12 days',
      provenance: 'median of 3 releases with acceptedAt',
      href: '/metrics/lead-time/all-time/web/',
      band: { band: 'high', label: 'High', tone: 'info' },
    });
    expect(web?.keys.changeFailRate).toEqual({
      value: '66.7%',
      provenance: '2 of 3 releases rolled back or with an incident',
      href: '/metrics/change-failures/all-time/web/',
      band: null, // the set has no band for it
    });
    expect(web?.overall?.band).toBe('high');
    // API: lead time 9.875 days (elite), rework 1 of 2 = 50 % (low): overall low.
    expect(api?.keys.deploymentReworkRate.band?.band).toBe('low');
    expect(api?.overall?.band).toBe('low');
    expect(docs?.keys.deploymentFrequency).toEqual({ value: 'no data yet', provenance: 'no deployed release', href: null, band: null });
    expect(all?.name).toBe('All products');
    expect(view('all-time').dora.benchmarks).toMatchObject({
      name: 'Metrics fixture targets',
      published: 'January 2026',
      source: { title: 'Fixture delivery handbook', url: 'https://metrics.hub.example/handbook', note: 'Our own targets.' },
    });
    expect(view('all-time').dora.benchmarks?.thresholds.map((row) => row.published)).toEqual([
      null,
      ['Within 10 days', 'Within 30 days', 'not published', 'Longer'],
      null,
      null,
      ['not published', 'At most 25%', 'not published', 'More than 25%'],
    ]);
  });

  it('uses DORA 2024 when hub.yaml names no set: its bands, its date and its source', () => {
    const dora = buildMetricsSite({ ...hub, config: { ...hub.config, metrics: { onTimeToleranceMinutes: 10 } } }, NOW).views[0]!.dora;
    const [web, api] = dora.rows;
    // Web: 3 releases in 5 months = 0.6 a month = 0.02 a day, less than once a month: low. Lead time 12.02 days:
    // medium. Change fail rate 66.7 %: low. Recovery 1.5 h, less than a day: high. Rework: DORA publishes no band.
    expect(Object.values(web!.keys).map((cell) => [cell.value, cell.band?.band ?? null])).toEqual([
      ['0.6 per month', 'low'],
      ['12 days', 'medium'],
      ['66.7%', 'low'],
      ['1.5 hours', 'high'],
      ['0%', null],
    ]);
    // API: 2 releases in 2 months = 1 a month, exactly once per month: medium (the range includes it).
    expect(api?.keys.deploymentFrequency).toMatchObject({ value: '1 per month', provenance: '2 releases in 2 months', band: { band: 'medium' } });
    expect(dora.benchmarks).toMatchObject({ name: DORA_2024.name, published: 'October 2024', source: { url: 'https://dora.dev/research/2024/dora-report/' } });
    expect(dora.benchmarks?.thresholds.find((row) => row.key === 'deploymentReworkRate')?.published).toBeNull();
    expect(dora.keyHeaders).toEqual({
      deploymentFrequency: 'Deployment frequency (per month)',
      changeLeadTime: 'Change lead time (days)',
      changeFailRate: 'Change fail rate (%)',
      failedDeploymentRecoveryTime: 'Failed deployment recovery time (hours)',
      deploymentReworkRate: 'Deployment rework rate (%)',
    });
  });

  it('shows the values without bands when hub.yaml turns benchmarks off', () => {
    const dora = buildMetricsSite({ ...hub, config: { ...hub.config, metrics: { onTimeToleranceMinutes: 10, benchmarks: false } } }, NOW).views[0]!.dora;
    expect(dora.benchmarks).toBeNull();
    expect(dora.rows.every((row) => row.overall === null && Object.values(row.keys).every((cell) => cell.band === null))).toBe(true);
    expect(dora.rows[0]?.keys.changeLeadTime.value).toBe('12 days');
  });

  it('counts deployment frequency over the days of a bounded period', () => {
    // The last 90 days: 2 releases in 90 days → 2 ÷ 90 × 30 = 0.667 per month.
    expect(view('last-90-days').dora.rows.at(-1)?.keys.deploymentFrequency).toMatchObject({ value: '0.67 per month', provenance: '2 releases in 90 days' });
  });
});
