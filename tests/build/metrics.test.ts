/**
 * `/api/metrics.json` as built: the metrics fixture hub against numbers worked out by hand here
 * (every release is explained in its file under tests/fixtures/metrics-hub/content/releases/), the
 * example hub's document shape, the public build without any metrics, and the chart script's
 * weight and reach.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { Temporal } from 'temporal-polyfill';
import { beforeAll, describe, expect, it } from 'vitest';
import { METRIC_DEFINITIONS, type MetricsDocument, type MonthMetrics } from '../../src/metrics/metrics.ts';
import { builtSite, TEST_NOW_EPOCH } from './helpers/scenario.ts';

/** Fractions as exact arithmetic: compare to 12 decimals, since the build sums milliseconds. */
const approx = (value: number) => expect.closeTo(value, 12);

/** Minutes as a fraction of a day, hours of incidents: the hand arithmetic below. */
const MINUTES_PER_DAY = 24 * 60;

const SPEC_FIELDS = [
  'releaseCount',
  'releasesPerMonth',
  'onScheduleRate',
  'leadTimeDaysMedian',
  'rollbackRate',
  'satisfactionScore',
  'deploymentMinutesMedian',
  'changeFailureRate',
  'timeToRestoreHoursMedian',
];

function readJson(dist: string, file: string): MetricsDocument {
  return JSON.parse(readFileSync(path.join(dist, file), 'utf8')) as MetricsDocument;
}

function htmlFiles(dist: string): string[] {
  return readdirSync(dist, { recursive: true, encoding: 'utf8' })
    .filter((file) => file.endsWith('.html'))
    .map((file) => file.split(path.sep).join('/'));
}

/** The `src` of every external script a page loads. */
function scriptSources(html: string): string[] {
  return [...html.matchAll(/<script\b[^>]*\bsrc="([^"]+)"/g)].map((match) => match[1]!);
}

/** The ids of the Chart.js components a bundle registers (`static id = 'line'` and so on). */
function chartComponentIds(code: string): string[] {
  return [...code.matchAll(/\bid\s*=\s*[`'"](\w+)[`'"]/g)].map((match) => match[1]!);
}

const EMPTY_MONTH = {
  releaseCount: 0,
  onScheduleRate: null,
  rollbackRate: null,
  leadTimeDaysMedian: null,
  satisfactionScore: null,
  deploymentMinutesMedian: null,
  changeFailureRate: null,
  timeToRestoreHoursMedian: null,
};

describe('the metrics fixture hub: /api/metrics.json against a hand computation', () => {
  let metrics: MetricsDocument;

  beforeAll(() => {
    metrics = readJson(builtSite('metrics-hub'), 'api/metrics.json');
  });

  // D (deployed): web 1.0.0, web 1.1.0, web 1.2.0, api 2.0.0, api 2.1.0. Not in D: web 1.3.0 (scheduled)
  // and api 2.2.0 (in progress).
  // Release months in Europe/Berlin: web 1.0.0 Jan; web 1.1.0 Feb (2026-01-31T23:30Z is 1 Feb 00:30 in
  // Berlin); api 2.0.0 Feb; api 2.1.0 Mar; web 1.2.0 May. Jan–May = 5 months.
  // Lead times (exact elapsed time):
  //   web 1.0.0: 3 Jan 00:00 → 13 Jan 02:45 CET                      = 10 d + 165 min
  //   web 1.1.0: 20 Jan 00:00 CET → 1 Feb 00:30 CET                   = 12 d + 30 min
  //   web 1.2.0: 20 Mar 00:00 CET → 12 May 04:05 CEST (1 h DST)       = 53 d + 185 min
  //   api 2.0.0: 1 Feb 00:00 New York (05:00Z) → 11 Feb 02:00Z        = 9 d 21 h
  const lead = {
    web100: 10 + 165 / MINUTES_PER_DAY,
    web110: 12 + 30 / MINUTES_PER_DAY,
    web120: 53 + 185 / MINUTES_PER_DAY,
    api200: 9 + 21 / 24,
  };
  // Deployment minutes: web 1.0.0 02:05→02:45 = 40; web 1.1.0 23:00Z→23:30Z = 30; web 1.2.0 03:00→04:05 = 65;
  // api 2.0.0 20:10→21:00 = 50; api 2.1.0 10:00→10:20 = 20.
  // Incidents: INC-1 (web 1.1.0) 00:40→02:10 = 1.5 h; INC-2 (api 2.0.0) 21:30→01:30 = 4 h; INC-3 (web 1.2.0) open.
  // On schedule (tolerance 10 min): web 1.0.0 yes; web 1.1.0 no (00:30 > 00:15 + 10); web 1.2.0 yes
  // (04:05 ≤ 04:10); api 2.0.0 yes (21:00 ≤ 22:10); api 2.1.0 has no window.

  it('has the build time and the hub zone', () => {
    expect(metrics.generatedAt).toBe(Temporal.Instant.fromEpochMilliseconds(Number(TEST_NOW_EPOCH) * 1000).toString());
    expect(metrics.generatedAt).toBe('2026-11-26T09:00:00Z');
    expect(metrics.timezone).toBe('Europe/Berlin');
  });

  it('overall', () => {
    expect(metrics.overall).toEqual({
      releaseCount: 5,
      releasesPerMonth: approx(5 / 5),
      onScheduleRate: approx(3 / 4),
      leadTimeDaysMedian: approx((lead.web100 + lead.web110) / 2), // sorted 9.875, 10.11, 12.02, 53.13: even count
      rollbackRate: approx(1 / 5),
      satisfactionScore: approx((4.0 * 10 + 3.0 * 30 + 4.5 * 20 + 5 * 0) / (10 + 30 + 20 + 0)), // scheduled web 1.3.0's survey is not counted
      deploymentMinutesMedian: approx(40), // sorted 20, 30, 40, 50, 65
      changeFailureRate: approx(3 / 5), // web 1.1.0 (rolled back), api 2.0.0, web 1.2.0 (open incident)
      timeToRestoreHoursMedian: approx((1.5 + 4) / 2), // the open incident has no restore time
    });
  });

  it('byProduct, including a product that never released', () => {
    expect(Object.keys(metrics.byProduct)).toEqual(['web', 'api', 'docs']);
    const { byMonth: webMonths, ...web } = metrics.byProduct.web!;
    expect(web).toEqual({
      releaseCount: 3,
      releasesPerMonth: approx(3 / 5), // Jan–May
      onScheduleRate: approx(2 / 3),
      leadTimeDaysMedian: approx(lead.web110),
      rollbackRate: approx(1 / 3),
      satisfactionScore: approx((4.0 * 10 + 4.5 * 20) / (10 + 20)),
      deploymentMinutesMedian: approx(40), // 30, 40, 65
      changeFailureRate: approx(2 / 3),
      timeToRestoreHoursMedian: approx(1.5),
    });
    const { byMonth: apiMonths, ...api } = metrics.byProduct.api!;
    expect(api).toEqual({
      releaseCount: 2,
      releasesPerMonth: approx(2 / 2), // Feb–Mar
      onScheduleRate: approx(1 / 1), // api 2.1.0 has no window
      leadTimeDaysMedian: approx(lead.api200),
      rollbackRate: approx(0 / 2),
      satisfactionScore: approx((3.0 * 30 + 5 * 0) / (30 + 0)),
      deploymentMinutesMedian: approx((20 + 50) / 2),
      changeFailureRate: approx(1 / 2),
      timeToRestoreHoursMedian: approx(4),
    });
    const { byMonth: docsMonths, ...docs } = metrics.byProduct.docs!;
    expect(docs).toEqual({
      releaseCount: 0,
      releasesPerMonth: null,
      onScheduleRate: null,
      leadTimeDaysMedian: null,
      rollbackRate: null,
      satisfactionScore: null,
      deploymentMinutesMedian: null,
      changeFailureRate: null,
      timeToRestoreHoursMedian: null,
    });
    // Every product lists the hub's months, so charts line up.
    for (const months of [webMonths, apiMonths, docsMonths]) {
      expect(months.map((month) => month.month)).toEqual(['2026-01', '2026-02', '2026-03', '2026-04', '2026-05']);
    }
    expect(docsMonths).toEqual(docsMonths.map((month) => ({ month: month.month, ...EMPTY_MONTH })));
    expect(webMonths[1]).toEqual({
      month: '2026-02', // web 1.1.0 only: February in Berlin
      releaseCount: 1,
      onScheduleRate: 0,
      rollbackRate: 1,
      leadTimeDaysMedian: approx(lead.web110),
      satisfactionScore: null,
      deploymentMinutesMedian: approx(30),
      changeFailureRate: 1,
      timeToRestoreHoursMedian: approx(1.5),
    });
  });

  it('byMonth: every month from the first to the last release month, in the hub zone', () => {
    expect(metrics.byMonth).toEqual<MonthMetrics[]>([
      {
        month: '2026-01', // web 1.0.0 (not web 1.1.0: that is 1 Feb in Berlin)
        releaseCount: 1,
        onScheduleRate: approx(1 / 1),
        rollbackRate: approx(0 / 1),
        leadTimeDaysMedian: approx(lead.web100),
        satisfactionScore: approx(4.0),
        deploymentMinutesMedian: approx(40),
        changeFailureRate: approx(0 / 1),
        timeToRestoreHoursMedian: null,
      },
      {
        month: '2026-02', // web 1.1.0, api 2.0.0
        releaseCount: 2,
        onScheduleRate: approx(1 / 2),
        rollbackRate: approx(1 / 2),
        leadTimeDaysMedian: approx((lead.web110 + lead.api200) / 2),
        satisfactionScore: approx((3.0 * 30) / 30),
        deploymentMinutesMedian: approx((30 + 50) / 2),
        changeFailureRate: approx(2 / 2),
        timeToRestoreHoursMedian: approx((1.5 + 4) / 2),
      },
      {
        month: '2026-03', // api 2.1.0: no window, no acceptedAt, a survey without responses
        releaseCount: 1,
        onScheduleRate: null,
        rollbackRate: approx(0 / 1),
        leadTimeDaysMedian: null,
        satisfactionScore: null,
        deploymentMinutesMedian: approx(20),
        changeFailureRate: approx(0 / 1),
        timeToRestoreHoursMedian: null,
      },
      { month: '2026-04', ...EMPTY_MONTH }, // no release: a count of 0, every rate and median null
      {
        month: '2026-05', // web 1.2.0
        releaseCount: 1,
        onScheduleRate: approx(1 / 1),
        rollbackRate: approx(0 / 1),
        leadTimeDaysMedian: approx(lead.web120),
        satisfactionScore: approx(4.5),
        deploymentMinutesMedian: approx(65),
        changeFailureRate: approx(1 / 1),
        timeToRestoreHoursMedian: null,
      },
    ]);
  });

  it('custom series from metrics/*.csv with the sidecar, sorted by date, empty cells null', () => {
    expect(metrics.custom).toEqual([
      {
        id: 'deploy-queue',
        title: 'Deploy queue',
        unit: 'changes',
        description: 'Changes waiting for a release window at the start of each month.',
        target: 5,
        columns: ['waiting', 'blocked'],
        rows: [
          { date: '2026-01-01', values: { waiting: 7, blocked: 2 } },
          { date: '2026-02-01', values: { waiting: 5, blocked: 1 } },
          { date: '2026-03-01', values: { waiting: 4, blocked: null } }, // written "2026-03", blocked empty
        ],
      },
    ]);
  });

  it('ships the definitions the page explains', () => {
    expect(metrics.definitions).toEqual(JSON.parse(JSON.stringify(METRIC_DEFINITIONS)));
  });
});

describe('the example hub: /api/metrics.json', () => {
  const metrics = () => readJson(builtSite('example-internal'), 'api/metrics.json');

  it('has exactly the SPEC §4 fields overall and per product, numbers or null', () => {
    const document = metrics();
    expect(Object.keys(document).sort()).toEqual(['byMonth', 'byProduct', 'custom', 'definitions', 'generatedAt', 'overall', 'timezone']);
    expect(Object.keys(document.overall)).toEqual(SPEC_FIELDS);
    expect(Object.keys(document.byProduct)).toEqual(['web', 'api']);
    for (const set of [document.overall, ...Object.values(document.byProduct)]) {
      for (const field of SPEC_FIELDS) {
        const value = set[field as keyof typeof set];
        expect(value === null || (typeof value === 'number' && Number.isFinite(value)), `${field}: ${String(value)}`).toBe(true);
      }
      for (const rate of [set.onScheduleRate, set.rollbackRate, set.changeFailureRate]) {
        expect(rate).toBeGreaterThanOrEqual(0);
        expect(rate).toBeLessThanOrEqual(1);
      }
    }
    expect(document.overall.releaseCount).toBe(Object.values(document.byProduct).reduce((total, product) => total + product.releaseCount, 0));
  });

  it('lists every month from the first to the last release month, counts adding up', () => {
    const document = metrics();
    const months = document.byMonth.map((month) => month.month);
    expect(months[0]).toMatch(/^\d{4}-\d{2}$/);
    const expected = Array.from({ length: months.length }, (_, index) => Temporal.PlainYearMonth.from(months[0]!).add({ months: index }).toString());
    expect(months).toEqual(expected);
    for (const month of document.byMonth) {
      expect(Object.keys(month)).toEqual(expect.arrayContaining(['month', 'releaseCount', 'onScheduleRate', 'rollbackRate']));
    }
    expect(document.byMonth.reduce((total, month) => total + month.releaseCount, 0)).toBe(document.overall.releaseCount);
    expect(document.overall.releasesPerMonth).toBeCloseTo(document.overall.releaseCount / months.length, 12);
    for (const product of Object.values(document.byProduct)) {
      expect(product.byMonth.map((month) => month.month)).toEqual(months);
    }
  });

  it('has null, not 0, where a month has no release', () => {
    const empty = metrics().byProduct.web!.byMonth.filter((month) => month.releaseCount === 0);
    expect(empty.length).toBeGreaterThan(0);
    expect(empty).toEqual(empty.map((month) => ({ month: month.month, ...EMPTY_MONTH })));
  });

  it('includes the support-tickets series and its target', () => {
    const [tickets] = metrics().custom;
    expect(tickets).toMatchObject({ id: 'support-tickets', title: 'Support tickets after release', unit: 'tickets', target: 120 });
    const dates = tickets!.rows.map((row) => row.date);
    expect(dates).toEqual([...dates].sort());
  });
});

describe('the public build', () => {
  it('has no metrics JSON, page or link', () => {
    const dist = builtSite('example-public');
    expect(existsSync(path.join(dist, 'api/metrics.json'))).toBe(false);
    expect(existsSync(path.join(dist, 'metrics'))).toBe(false);
    const pages = htmlFiles(dist);
    expect(pages.length).toBeGreaterThan(0);
    for (const page of pages) {
      const html = readFileSync(path.join(dist, page), 'utf8');
      expect(html, page).not.toMatch(/href="\/metrics\/"|\/api\/metrics\.json/);
    }
  });
});

describe('the chart script', () => {
  const dist = () => builtSite('example-internal');
  const read = (file: string) => readFileSync(path.join(dist(), file), 'utf8');
  /** Scripts of /metrics/ that hold Chart.js (the page also loads the site-wide scripts). */
  const chartBundles = () => scriptSources(read('metrics/index.html')).filter((source) => chartComponentIds(read(source)).includes('category'));

  it('is one bundled module on /metrics/, tree-shaken to line and bar charts, under 64 KiB gzipped', () => {
    const bundles = chartBundles();
    expect(bundles).toHaveLength(1);
    expect(bundles[0]).toMatch(/^\/_astro\/[\w.-]+\.js$/);
    const code = read(bundles[0]!);
    // Registered components carry a static id; chart.js/auto would bring the other chart types too.
    const ids = chartComponentIds(code);
    expect(ids).toEqual(expect.arrayContaining(['line', 'bar', 'point', 'category', 'linear']));
    expect(ids.filter((id) => ['doughnut', 'pie', 'polarArea', 'radar', 'bubble', 'scatter', 'arc'].includes(id))).toEqual([]);
    // chart.js/auto measures about 70 KiB gzipped; this bundle about 59 KiB.
    expect(gzipSync(code).length).toBeLessThan(64 * 1024);
  });

  it('is loaded by no other page', () => {
    const [bundle] = chartBundles();
    const others = htmlFiles(dist()).filter((page) => page !== 'metrics/index.html');
    expect(others).toContain('index.html');
    for (const page of others) {
      expect(scriptSources(read(page)), page).not.toContain(bundle);
    }
  });
});
