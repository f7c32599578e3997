/**
 * The drill-down pages behind every metric value: the releases counted (with what each contributes),
 * the ones left out and why, by month, each month with its own value, paginated.
 */
import path from 'node:path';
import { Temporal } from 'temporal-polyfill';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadContentRoot } from '../../src/content/load.ts';
import type { Hub } from '../../src/core/model.ts';
import { DRILL_PAGE_SIZE, drillFieldOf, type DrillPage } from '../../src/metrics/drilldown.ts';
import { buildMetricsSite, type MetricsSite } from '../../src/metrics/page.ts';
import { at, makeHub, makeRelease } from './helpers/hub-factory.ts';

const FIXTURE = path.resolve(import.meta.dirname, '../fixtures/metrics-hub/content');
const NOW = Temporal.Instant.from('2026-05-20T00:00:00Z');

let site: MetricsSite;
const page = (path_: string): DrillPage => site.drilldowns.find((entry) => entry.path === path_)!;
const rows = (drill: DrillPage) => drill.groups.flatMap((group) => group.rows.map((row) => [row.release.label, ...row.cells, row.outcome]));

beforeAll(async () => {
  const { hub } = await loadContentRoot(FIXTURE);
  site = buildMetricsSite(hub as Hub, NOW);
});

describe('drill-down pages of the metrics fixture hub', () => {
  it('exist for every metric, period and scope that holds a release', () => {
    // 9 drill-downs (release frequency is listed by the releases, time to restore by recovery time) × 3 periods
    // × all products, web and api; docs never released, so it has none.
    expect(site.drilldowns).toHaveLength(9 * 3 * 3);
    expect(site.drilldowns.some((drill) => drill.product?.id === 'docs')).toBe(false);
    expect(drillFieldOf('releasesPerMonth')).toBe('releaseCount');
    expect(drillFieldOf('timeToRestoreHoursMedian')).toBe('failedDeploymentRecoveryHoursMedian');
  });

  it('lists the rework of a period: the release that fixes an incident, and what it fixes', () => {
    const drill = page('/metrics/rework/last-90-days/');
    expect(drill.heading).toBe('Deployment rework rate: all products, last 90 days');
    expect(drill.summary).toEqual({ value: '50%', sentence: '1 of 2 releases made to fix an incident' });
    expect(drill.columns).toEqual(['Release', 'Fixes', 'Counted as']);
    expect(drill.groups.map((group) => [group.heading, group.anchor, group.summary])).toEqual([
      ['May 2026', 'month-2026-05', '0% · 0 of 1 release made to fix an incident'],
      ['March 2026', 'month-2026-03', '100% · 1 of 1 release made to fix an incident'],
    ]);
    expect(rows(drill)).toEqual([
      ['Web App 1.2.0', '—', 'planned'],
      ['Public API 2.1.0', 'INC-2 of Public API 2.0.0', 'unplanned (rework)'],
    ]);
    expect(drill.viewHref).toBe('/metrics/last-90-days/');
  });

  it('lists recovery time by incident: resolved ones counted, open ones and releases without one left out', () => {
    const drill = page('/metrics/recovery-time/all-time/web/');
    expect(drill.summary).toEqual({ value: '1.5 hours', sentence: 'median of 1 resolved incident' });
    expect(drill.columns).toEqual(['Release', 'Incident', 'Started', 'Resolved', 'Counted as']);
    expect(rows(drill)).toEqual([
      ['Web App 1.2.0', 'INC-3', 'Tue 12 May 2026, 05:00', '—', 'left out: incident not resolved yet'],
      ['Web App 1.1.0', 'INC-1', 'Sun 1 Feb 2026, 00:40', 'Sun 1 Feb 2026, 02:10', '1.5 hours'],
      ['Web App 1.0.0', '—', '—', '—', 'left out: no incident'],
      ['Web App 1.3.0', '—', '—', '—', 'left out: not deployed (scheduled)'],
    ]);
    expect(drill.groups.at(-1)).toMatchObject({ month: null, heading: 'No release time', anchor: 'no-release-time' });
  });

  it('says why a release is on schedule or late, and which have no window', () => {
    expect(rows(page('/metrics/on-schedule/all-time/'))).toEqual([
      ['Web App 1.2.0', 'Tue 12 May 2026, 04:00', 'Tue 12 May 2026, 04:05', 'on schedule'], // within the 10-minute tolerance
      ['Public API 2.1.0', '—', 'Tue 3 Mar 2026, 10:20', 'left out: no window'],
      ['Public API 2.0.0', 'Wed 11 Feb 2026, 04:00', 'Wed 11 Feb 2026, 03:00', 'on schedule'],
      ['Web App 1.1.0', 'Sun 1 Feb 2026, 00:15', 'Sun 1 Feb 2026, 00:30', 'late by 5 minutes after the 10-minute tolerance'],
      ['Web App 1.0.0', 'Tue 13 Jan 2026, 04:00', 'Tue 13 Jan 2026, 02:45', 'on schedule'],
      ['Public API 2.2.0', '—', '—', 'left out: not deployed (in progress)'],
      ['Web App 1.3.0', 'Tue 8 Dec 2026, 04:00', '—', 'left out: not deployed (scheduled)'],
    ]);
  });

  it('weighs surveys by their responses and leaves out a survey without any', () => {
    expect(rows(page('/metrics/satisfaction/all-time/api/'))).toEqual([
      ['Public API 2.1.0', '5', '0', 'left out: a survey without responses'],
      ['Public API 2.0.0', '3', '30', 'score 3 × 30 responses'],
      ['Public API 2.2.0', '—', '—', 'left out: not deployed (in progress)'],
    ]);
  });

  it('is where each value links: the month fragment of a table cell, page 1 of a headline', () => {
    expect(site.drills.href('onScheduleRate', 'all-time', 'web', '2026-02')).toBe('/metrics/on-schedule/all-time/web/#month-2026-02');
    expect(site.drills.href('releasesPerMonth', 'all-time', null)).toBe('/metrics/releases/all-time/');
    expect(site.drills.href('onScheduleRate', 'all-time', 'web', '2026-04')).toBeNull(); // no release that month
    expect(site.drills.href('onScheduleRate', 'all-time', 'docs')).toBeNull();
  });
});

describe('pagination', () => {
  // 49 months with one release each, and a busy first month with three: 52 rows, newest first.
  const releases = [
    ...Array.from({ length: 49 }, (_, index) => {
      const month = Temporal.PlainYearMonth.from('2026-11').subtract({ months: index });
      return makeRelease({ version: `2.${index}.0`, status: 'released', deployment: { finishedAt: at(`${month.toString()}-10T03:00`) } });
    }),
    ...[1, 2, 3].map((day) => makeRelease({ version: `1.${day}.0`, status: 'released', deployment: { finishedAt: at(`2022-10-0${day}T03:00`) } })),
  ];
  const drills = () => buildMetricsSite(makeHub({ releases }), Temporal.Instant.from('2026-11-26T09:00:00Z'));

  it('splits a long list into pages of 50 rows, a month continued on the next page without a second anchor', () => {
    const built = drills();
    const pages = built.drilldowns.filter((drill) => drill.field === 'releaseCount' && drill.period.id === 'all-time' && !drill.product);
    expect(DRILL_PAGE_SIZE).toBe(50);
    expect(pages.map((drill) => [drill.path, drill.groups.reduce((total, group) => total + group.rows.length, 0)])).toEqual([
      ['/metrics/releases/all-time/', 50],
      ['/metrics/releases/all-time/page/2/', 2],
    ]);
    // The busy month (October 2022) starts on page 1 with its newest release and goes on on page 2.
    expect(pages[0]!.groups.at(-1)).toMatchObject({
      heading: 'October 2022',
      anchor: 'month-2022-10',
      continued: false,
      summary: '3 releases · 3 deployed releases',
    });
    expect(pages[1]!.groups).toMatchObject([{ heading: 'October 2022 (continued)', anchor: null, continued: true }]);
    expect(pages[1]!.pager.map((link) => [link.page, link.href, link.current])).toEqual([
      [1, '/metrics/releases/all-time/', false],
      [2, '/metrics/releases/all-time/page/2/', true],
    ]);
    expect(built.drills.href('releaseCount', 'all-time', null, '2022-10')).toBe('/metrics/releases/all-time/#month-2022-10');
  });
});
