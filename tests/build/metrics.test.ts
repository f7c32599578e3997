/**
 * `/api/metrics.json` as built: the metrics fixture hub against numbers worked out by hand here
 * (every release is explained in its file under tests/fixtures/metrics-hub/content/releases/), the
 * example hub's document shape, the public build without any metrics, and the chart script's
 * weight and reach.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import * as cheerio from 'cheerio';
import { Temporal } from 'temporal-polyfill';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadContentRoot } from '../../src/content/load.ts';
import type { Hub, Release } from '../../src/core/model.ts';
import { METRIC_DEFINITIONS, type MetricSet, type MetricsDocument, type MonthMetrics, type ProvenanceJson } from '../../src/metrics/metrics.ts';
import { builtSite, scenario, TEST_NOW_EPOCH } from './helpers/scenario.ts';

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
  'deploymentReworkRate',
  'failedDeploymentRecoveryHoursMedian',
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
  deploymentReworkRate: null,
  failedDeploymentRecoveryHoursMedian: null,
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
  // Rework: api 2.1.0 fixes INC-2 of api 2.0.0 (March); nothing else fixes an incident.

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
      deploymentReworkRate: approx(1 / 5), // api 2.1.0
      failedDeploymentRecoveryHoursMedian: approx((1.5 + 4) / 2), // = time to restore, its old name
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
      deploymentReworkRate: approx(0 / 3),
      failedDeploymentRecoveryHoursMedian: approx(1.5),
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
      deploymentReworkRate: approx(1 / 2),
      failedDeploymentRecoveryHoursMedian: approx(4),
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
      deploymentReworkRate: null,
      failedDeploymentRecoveryHoursMedian: null,
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
      deploymentReworkRate: 0,
      failedDeploymentRecoveryHoursMedian: approx(1.5),
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
        deploymentReworkRate: approx(0 / 1),
        failedDeploymentRecoveryHoursMedian: null,
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
        deploymentReworkRate: approx(0 / 2),
        failedDeploymentRecoveryHoursMedian: approx((1.5 + 4) / 2),
      },
      {
        month: '2026-03', // api 2.1.0: no window, no acceptedAt, a survey without responses, the fix of INC-2
        releaseCount: 1,
        onScheduleRate: null,
        rollbackRate: approx(0 / 1),
        leadTimeDaysMedian: null,
        satisfactionScore: null,
        deploymentMinutesMedian: approx(20),
        changeFailureRate: approx(0 / 1),
        timeToRestoreHoursMedian: null,
        deploymentReworkRate: approx(1 / 1),
        failedDeploymentRecoveryHoursMedian: null,
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
        deploymentReworkRate: approx(0 / 1),
        failedDeploymentRecoveryHoursMedian: null,
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
    expect(Object.keys(document).sort()).toEqual([
      'byEnvironment',
      'byMonth',
      'byProduct',
      'custom',
      'definitions',
      'generatedAt',
      'overall',
      'periods',
      'provenance',
      'timezone',
    ]);
    expect(document.definitions.timeToRestoreHoursMedian.aliasOf).toBe('failedDeploymentRecoveryHoursMedian');
    expect(Object.keys(document.overall)).toEqual(SPEC_FIELDS);
    expect(Object.keys(document.byProduct)).toEqual(['web', 'api']);
    for (const set of [document.overall, ...Object.values(document.byProduct)]) {
      for (const field of SPEC_FIELDS) {
        const value = set[field as keyof typeof set];
        expect(value === null || (typeof value === 'number' && Number.isFinite(value)), `${field}: ${String(value)}`).toBe(true);
      }
      expect(set.timeToRestoreHoursMedian).toBe(set.failedDeploymentRecoveryHoursMedian);
      for (const rate of [set.onScheduleRate, set.rollbackRate, set.changeFailureRate, set.deploymentReworkRate]) {
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

/**
 * Recomputes every value of `/api/metrics.json` from the release ids of its provenance, with the
 * formulas of SPEC §4 written again here and the releases as loaded from the content (not from the
 * build), and checks that the ids cover the scope: every release of it is counted or left out.
 */
function recompute(hub: Hub, document: MetricsDocument): number {
  const zone = hub.config.timezone;
  const tolerance = hub.config.metrics.onTimeToleranceMinutes;
  const byId = new Map(hub.releases.map((release) => [release.id, release]));
  const get = (id: string) => byId.get(id) ?? expect.fail(`provenance names ${id}, which is not a release`);
  const month = (release: Release) =>
    Temporal.Instant.fromEpochMilliseconds(release.deployment!.finishedAt!.epochMilliseconds).toZonedDateTimeISO(zone).toString().slice(0, 7);
  const deployed = (release: Release) => (release.status === 'released' || release.status === 'rolled-back') && release.deployment?.finishedAt !== undefined;
  const median = (values: number[]) => {
    const sorted = [...values].sort((a, b) => a - b);
    if (sorted.length === 0) return null;
    const middle = Math.floor(sorted.length / 2);
    return sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
  };
  const ms = (from: Temporal.ZonedDateTime, to: Temporal.ZonedDateTime) => to.epochMilliseconds - from.epochMilliseconds;
  const rates: Record<string, (release: Release) => boolean> = {
    onScheduleRate: (release) => ms(release.deployment!.finishedAt!, release.window!.end.add({ minutes: tolerance })) >= 0,
    rollbackRate: (release) => release.status === 'rolled-back',
    changeFailureRate: (release) => release.status === 'rolled-back' || release.incidents.length > 0,
    deploymentReworkRate: (release) => release.fixes.length > 0,
  };
  const medians: Record<string, (release: Release) => number> = {
    leadTimeDaysMedian: (release) => ms(release.acceptedAt!, release.deployment!.finishedAt!) / 86_400_000,
    deploymentMinutesMedian: (release) => ms(release.deployment!.startedAt!, release.deployment!.finishedAt!) / 60_000,
  };
  let checked = 0;
  const check = (label: string, scope: Release[], values: Partial<MetricSet>, provenance: Record<string, ProvenanceJson>) => {
    const scopeIds = scope.map((release) => release.id).sort();
    for (const [field, entry] of Object.entries(provenance)) {
      const where = `${label} ${field}`;
      const counted = entry.counted.map(get);
      const left = Object.values(entry.excluded).flat();
      const open = (entry.unresolvedIncidents ?? []).map((incident) => incident.release);
      expect([...new Set([...entry.counted, ...left, ...open])].sort(), `${where}: every release of the scope, once`).toEqual(scopeIds);
      for (const id of entry.excluded['not-deployed'] ?? []) expect(['released', 'rolled-back'], where).not.toContain(get(id).status);
      for (const id of entry.excluded['no-window'] ?? []) expect(get(id).window, where).toBeUndefined();
      for (const id of entry.excluded['no-accepted-at'] ?? []) expect(get(id).acceptedAt, where).toBeUndefined();
      for (const id of entry.excluded['no-incident'] ?? []) expect(get(id).incidents, where).toEqual([]);
      let value: number | null;
      if (field === 'releaseCount') value = counted.length;
      else if (field === 'releasesPerMonth') {
        const months = counted.map(month).sort();
        value =
          months.length === 0 ? null : counted.length / (Temporal.PlainYearMonth.from(months[0]!).until(months.at(-1)!, { largestUnit: 'months' }).months + 1);
      } else if (rates[field]) {
        expect(entry.matching, where).toEqual(counted.filter(rates[field]).map((release) => release.id));
        value = counted.length === 0 ? null : counted.filter(rates[field]).length / counted.length;
      } else if (medians[field]) value = median(counted.map(medians[field]));
      else if (field === 'satisfactionScore') {
        const responses = counted.reduce((total, release) => total + release.satisfaction!.responses, 0);
        value =
          responses === 0 ? null : counted.reduce((total, release) => total + release.satisfaction!.score * release.satisfaction!.responses, 0) / responses;
      } else {
        expect(field).toBe('failedDeploymentRecoveryHoursMedian');
        const hours = entry.incidents!.map(({ release, incident }) => {
          const found = get(release).incidents.find((candidate) => candidate.id === incident)!;
          return ms(found.startedAt, found.resolvedAt!) / 3_600_000;
        });
        value = median(hours);
        expect(values.timeToRestoreHoursMedian, `${where}: the alias`).toBe(values.failedDeploymentRecoveryHoursMedian);
      }
      const written = values[field as keyof MetricSet];
      if (value === null) expect(written, where).toBeNull();
      else expect(written, where).toBeCloseTo(value, 12);
      checked += 1;
    }
  };
  const now = Temporal.Instant.from(document.generatedAt);
  const ofProduct = (releases: Release[], id: string) => releases.filter((release) => release.product === id);
  const products = hub.config.products.map((product) => product.id);
  check('overall', hub.releases, document.overall, document.provenance.overall);
  for (const id of products) check(id, ofProduct(hub.releases, id), document.byProduct[id]!, document.provenance.byProduct[id]!.overall);
  const inMonth = (key: string) => hub.releases.filter((release) => deployed(release) && month(release) === key);
  for (const entry of document.byMonth) check(entry.month, inMonth(entry.month), entry, document.provenance.byMonth[entry.month]!);
  for (const id of products)
    for (const entry of document.byProduct[id]!.byMonth)
      check(`${id} ${entry.month}`, ofProduct(inMonth(entry.month), id), entry, document.provenance.byProduct[id]!.byMonth[entry.month]!);
  for (const key of ['last12Months', 'last90Days'] as const) {
    const period = document.periods[key];
    const from = Temporal.Instant.from(period.from);
    expect(period.to).toBe(now.toString());
    const inside = hub.releases.filter((release) => {
      if (!deployed(release)) return false;
      const at = release.deployment!.finishedAt!.toInstant();
      const after = Temporal.Instant.compare(at, from);
      return (key === 'last90Days' ? after > 0 : after >= 0) && Temporal.Instant.compare(at, now) <= 0;
    });
    check(key, inside, period.overall, document.provenance.periods[key].overall);
    for (const id of products) check(`${key} ${id}`, ofProduct(inside, id), period.byProduct[id]!, document.provenance.periods[key].byProduct[id]!);
  }
  return checked;
}

describe.each(['metrics-hub', 'example-internal'] as const)('the provenance of %s', (name) => {
  it('names releases that recompute to every value of /api/metrics.json, and covers every release of each scope', async () => {
    const document = readJson(builtSite(name), 'api/metrics.json');
    // The example scenarios build this repository's content/ (their astro.config.mjs points there).
    const { hub } = await loadContentRoot(name === 'example-internal' ? path.resolve(import.meta.dirname, '../../content') : scenario(name).content);
    const checked = recompute(hub!, document);
    // 10 fields with a provenance of their own per set (9 per month), over every scope of the document.
    expect(checked).toBeGreaterThan(100);
  });
});

describe('the example hub: rework and recovery', () => {
  it('counts its four hotfixes as rework, by their fixes', () => {
    const document = readJson(builtSite('example-internal'), 'api/metrics.json');
    const rework = document.provenance.overall.deploymentReworkRate;
    // web 3.11.1 (INC-118), web 3.17.1 (INC-131), web 4.0.1 (INC-140), api 2.4.1 (INC-158), oldest first.
    expect(rework.matching).toEqual(['web/3.11.1', 'web/3.17.1', 'web/4.0.1', 'api/2.4.1']);
    expect(document.overall.deploymentReworkRate).toBeCloseTo(4 / document.overall.releaseCount, 12);
    expect(document.provenance.overall.failedDeploymentRecoveryHoursMedian.incidents?.map((incident) => incident.incident)).toEqual([
      'INC-118',
      'INC-123',
      'INC-131',
      'INC-140',
      'INC-152',
      'INC-158',
      'INC-161',
      'INC-163',
    ]);
  });
});

describe('the metrics pages as built', () => {
  const read = (name: 'metrics-hub' | 'single-product', file: string) => readFileSync(path.join(builtSite(name), file), 'utf8');

  it('builds every view, every drill-down and a CSV per chart table', () => {
    const dist = builtSite('metrics-hub');
    for (const view of ['metrics/index.html', 'metrics/last-90-days/index.html', 'metrics/last-12-months/web/index.html', 'metrics/all-time/docs/index.html']) {
      expect(existsSync(path.join(dist, view)), view).toBe(true);
    }
    const drills = htmlFiles(dist).filter((file) =>
      /^metrics\/(releases|on-schedule|lead-time|rollbacks|satisfaction|deployment-duration|change-failures|rework|recovery-time)\//.test(file),
    );
    // 9 drill-downs × (all products, web, api) × all time and the last 12 months: nothing shipped in the last
    // 90 days before the build's now (26 Nov 2026), so those values say "no data yet" and link nowhere.
    expect(drills).toHaveLength(9 * 3 * 2);
    expect(existsSync(path.join(dist, 'metrics/releases/last-90-days'))).toBe(false);
    expect(read('metrics-hub', 'metrics/csv/all-time/on-schedule.csv')).toBe(
      'Month,Web App (%),Public API (%),All products (%)\r\n2026-01,100,,100\r\n2026-02,0,100,50\r\n2026-03,,,\r\n2026-04,,,\r\n2026-05,100,,100\r\n',
    );
  });

  it('lists the fix of INC-2 behind the rework rate, and the table cell links to it', () => {
    const $ = cheerio.load(read('metrics-hub', 'metrics/rework/all-time/index.html'));
    expect($('.summary').text().replace(/\s+/g, ' ').trim()).toBe('20%: 1 of 5 releases made to fix an incident.');
    const march = $('#month-2026-03');
    expect(march.find('h2').text()).toBe('March 2026');
    expect(
      march
        .find('tbody tr')
        .map((_, row) =>
          $(row)
            .find('th, td')
            .map((__, cell) => $(cell).text().trim())
            .get()
            .join(' | '),
        )
        .get(),
    ).toEqual(['Public API 2.1.0 | INC-2 of Public API 2.0.0 | unplanned (rework)']);
    expect(march.find('tbody th a').attr('href')).toBe('/releases/api/2.1.0/');
    const view = cheerio.load(read('metrics-hub', 'metrics/index.html'));
    const cell = view('#metric-deploymentReworkRate-table tbody tr').eq(2).find('td').eq(1);
    expect(cell.text().replace(/\s+/g, ' ').trim()).toBe('100 (1 of 1)');
    expect(cell.find('a').attr('href')).toBe('/metrics/rework/all-time/api/#month-2026-03');
  });

  it('shows the hub’s own benchmark set, and none where hub.yaml turns benchmarks off', () => {
    expect(read('metrics-hub', 'metrics/index.html')).toContain('Metrics fixture targets, published January 2026');
    const solo = read('single-product', 'metrics/index.html');
    expect(solo).not.toContain('id="dora-thresholds"');
    expect(solo).toContain('No benchmark bands: hub.yaml turns them off');
    expect(solo).not.toMatch(/class="badge" data-tone="[a-z]+">(Elite|High|Medium|Low)</);
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

  it('is loaded by the metrics views, and by no other page (drill-downs have no chart)', () => {
    const [bundle] = chartBundles();
    const isView = (page: string) => page === 'metrics/index.html' || /^metrics\/(all-time|last-12-months|last-90-days)\//.test(page);
    const views = htmlFiles(dist()).filter(isView);
    expect(views).toHaveLength(3 * 3); // three periods, of all products and of each of the two
    for (const page of views) expect(scriptSources(read(page)), page).toContain(bundle);
    const others = htmlFiles(dist()).filter((page) => !isView(page));
    expect(others).toContain('index.html');
    expect(others).toContain('metrics/lead-time/all-time/index.html');
    for (const page of others) {
      expect(scriptSources(read(page)), page).not.toContain(bundle);
    }
  });
});
