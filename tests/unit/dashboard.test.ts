import { Temporal } from 'temporal-polyfill';
import { describe, expect, it } from 'vitest';
import { buildDashboard, HEADLINE_FIELDS, LIST_LIMIT, SPARKLINE_MONTHS } from '../../src/dashboard/dashboard.ts';
import type { Release, Runbook } from '../../src/core/model.ts';
import { at, makeFreeze, makeHub, makeRelease, windowOf } from './helpers/hub-factory.ts';

/** The tests' "now": Thu 26 Nov 2026, 10:00 in Europe/Berlin (09:00 UTC), as in the site tests. */
const NOW = Temporal.Instant.from('2026-11-26T09:00:00Z');
const WEEKLY_TUESDAY = { rrule: 'FREQ=WEEKLY;BYDAY=TU', start: Temporal.PlainTime.from('02:00'), durationMinutes: 120 };

function shipped(version: string, finishedAt: string, overrides: Partial<Release> = {}): Release {
  return makeRelease({
    version,
    status: 'released',
    deployment: { startedAt: at(finishedAt).subtract({ minutes: 30 }), finishedAt: at(finishedAt) },
    ...overrides,
  });
}

function runbook(id: string, overrides: Partial<Runbook> = {}): Runbook {
  return { id, title: `Runbook ${id}`, kind: 'deploy', products: [], source: { file: `runbooks/${id}.mdx` }, ...overrides };
}

describe('the next release window', () => {
  it('is the earliest upcoming window, with every release booked at that start, in the hub zone', () => {
    const hub = makeHub({
      releases: [
        makeRelease({ version: '1.0.0', status: 'released', window: windowOf('2026-11-24T02:00', '2026-11-24T04:00') }),
        makeRelease({ version: '1.1.0', status: 'cancelled', window: windowOf('2026-11-27T02:00', '2026-11-27T04:00') }),
        makeRelease({ version: '1.2.0', status: 'scheduled', title: 'Later', window: windowOf('2026-12-08T02:00', '2026-12-08T04:00') }),
        makeRelease({ product: 'api', version: '2.0.0', status: 'planned', window: windowOf('2026-12-01T02:00', '2026-12-01T03:00') }),
        // The same instant written in New York time: 20:00 the evening before.
        makeRelease({
          version: '1.1.1',
          status: 'scheduled',
          timezone: 'America/New_York',
          window: windowOf('2026-11-30T20:00', '2026-11-30T23:00', 'America/New_York'),
        }),
      ],
    });
    const next = buildDashboard(hub, 'internal', NOW).nextWindow;
    expect(next).toMatchObject({ kind: 'release', date: 'Tue 1 Dec 2026', time: '02:00–05:00', startIso: '2026-12-01T02:00:00+01:00' });
    expect(next?.releases.map((release) => release.id)).toEqual(['api/2.0.0', 'web/1.1.1']);
    expect(next?.releases[0]).toMatchObject({ url: '/releases/api/2.0.0/', productName: 'Acme API', status: 'planned' });
  });

  it('counts a window that opens exactly now, and writes both ends of a window across midnight', () => {
    const hub = makeHub({ releases: [makeRelease({ window: windowOf('2026-11-26T10:00', '2026-11-27T01:00') })] });
    expect(buildDashboard(hub, 'internal', NOW).nextWindow).toMatchObject({
      date: 'Thu 26 Nov 2026',
      time: 'Thu 26 Nov 2026, 10:00 – Fri 27 Nov 2026, 01:00',
    });
  });

  it('falls back to the next cadence slot when nothing is booked, and is null without a cadence', () => {
    const past = makeRelease({ status: 'released', window: windowOf('2026-11-24T02:00', '2026-11-24T04:00') });
    const withCadence = makeHub({ config: { cadence: WEEKLY_TUESDAY }, releases: [past] });
    expect(buildDashboard(withCadence, 'internal', NOW).nextWindow).toEqual({
      kind: 'cadence',
      startIso: '2026-12-01T02:00:00+01:00',
      endIso: '2026-12-01T04:00:00+01:00',
      date: 'Tue 1 Dec 2026',
      time: '02:00–04:00',
      releases: [],
    });
    expect(buildDashboard(makeHub({ releases: [past] }), 'internal', NOW).nextWindow).toBeNull();
  });
});

describe('releases in flight, upcoming and shipped', () => {
  it('lists in-progress releases in flight and links to their listing, or to all releases when there is none', () => {
    const hub = makeHub({
      releases: [
        makeRelease({ version: '2.0.0', status: 'in-progress', window: windowOf('2026-11-26T02:00', '2026-11-26T04:00') }),
        makeRelease({ version: '1.9.0', status: 'in-progress', window: windowOf('2026-11-24T02:00', '2026-11-24T04:00') }),
        makeRelease({ version: '2.1.0', status: 'scheduled', window: windowOf('2026-11-25T02:00', '2026-11-25T04:00') }),
      ],
    });
    const dashboard = buildDashboard(hub, 'internal', NOW);
    expect(dashboard.inFlight.items.map((release) => [release.version, release.when?.text])).toEqual([
      ['1.9.0', 'Tue 24 Nov 2026, 02:00–04:00'],
      ['2.0.0', 'Thu 26 Nov 2026, 02:00–04:00'],
    ]);
    expect(dashboard.inFlightUrl).toBe('/releases/status/in-progress/');
    expect(buildDashboard(makeHub(), 'internal', NOW).inFlightUrl).toBe('/releases/');
  });

  it('lists planned and scheduled windows starting in the next 30 days, soonest first', () => {
    const hub = makeHub({
      releases: [
        makeRelease({ version: '1.0.0', status: 'scheduled', window: windowOf('2026-11-26T10:00', '2026-11-26T11:00') }), // exactly now
        makeRelease({ version: '1.1.0', status: 'planned', window: windowOf('2026-12-26T09:59', '2026-12-26T11:00') }), // just inside 30 days
        makeRelease({ version: '1.2.0', status: 'planned', window: windowOf('2026-12-26T10:00', '2026-12-26T11:00') }), // exactly 30 days: out
        makeRelease({ version: '1.3.0', status: 'cancelled', window: windowOf('2026-12-01T02:00', '2026-12-01T04:00') }),
        makeRelease({ version: '1.4.0', status: 'in-progress', window: windowOf('2026-12-01T02:00', '2026-12-01T04:00') }),
        makeRelease({ version: '1.5.0', status: 'scheduled', window: windowOf('2026-11-26T09:00', '2026-11-26T11:00') }), // started an hour ago
        makeRelease({ version: '1.6.0', status: 'planned' }), // no window yet
      ],
    });
    expect(buildDashboard(hub, 'internal', NOW).upcoming).toEqual({
      items: [
        expect.objectContaining({ version: '1.0.0', when: { iso: '2026-11-26T10:00:00+01:00', text: 'Thu 26 Nov 2026, 10:00–11:00' } }),
        expect.objectContaining({ version: '1.1.0' }),
      ],
      more: 0,
    });
  });

  it('caps long lists and says how many more there are', () => {
    const releases = Array.from({ length: LIST_LIMIT + 3 }, (_, index) =>
      makeRelease({
        version: `1.${index}.0`,
        window: windowOf(`2026-12-${String(index + 1).padStart(2, '0')}T02:00`, `2026-12-${String(index + 1).padStart(2, '0')}T04:00`),
      }),
    );
    const { upcoming } = buildDashboard(makeHub({ releases }), 'internal', NOW);
    expect(upcoming.items).toHaveLength(LIST_LIMIT);
    expect(upcoming.more).toBe(3);
    expect(upcoming.items[0]?.version).toBe('1.0.0');
  });

  it('lists the last five deployed releases by release time, rolled back ones included', () => {
    const hub = makeHub({
      releases: [
        shipped('1.0.0', '2026-05-01T02:30'),
        shipped('1.1.0', '2026-06-01T02:30'),
        shipped('1.2.0', '2026-07-01T02:30', { status: 'rolled-back', rollback: { reason: 'Broke exports' } }),
        shipped('1.3.0', '2026-08-01T02:30'),
        shipped('1.4.0', '2026-09-01T02:30'),
        shipped('1.5.0', '2026-10-01T02:30'),
        makeRelease({ version: '1.6.0', status: 'released' }), // no finishedAt: not deployed in SPEC §4's sense
        makeRelease({ version: '1.7.0', status: 'in-progress', deployment: { startedAt: at('2026-11-26T02:00') } }),
      ],
    });
    const shippedRows = buildDashboard(hub, 'internal', NOW).recentlyShipped;
    expect(shippedRows.map((release) => [release.version, release.status, release.when?.text])).toEqual([
      ['1.5.0', 'released', 'Thu 1 Oct 2026'],
      ['1.4.0', 'released', 'Tue 1 Sep 2026'],
      ['1.3.0', 'released', 'Sat 1 Aug 2026'],
      ['1.2.0', 'rolled-back', 'Wed 1 Jul 2026'],
      ['1.1.0', 'released', 'Mon 1 Jun 2026'],
    ]);
  });
});

describe('internal panels', () => {
  it('splits freezes into active and upcoming within 90 days, with whole days written as days', () => {
    const hub = makeHub({
      freezes: [
        makeFreeze({ name: 'Over', start: at('2026-11-01'), end: at('2026-11-20') }),
        makeFreeze({ name: 'Data-centre move', products: ['web'], start: at('2026-11-26T08:00'), end: at('2026-11-26T20:00'), reason: 'Racks move' }),
        makeFreeze({ name: 'Year-end freeze', start: at('2026-12-19'), end: at('2027-01-05') }),
        makeFreeze({ name: 'Too far', start: at('2027-02-25'), end: at('2027-02-27') }),
      ],
    });
    const freezes = buildDashboard(hub, 'internal', NOW).freezes;
    expect(freezes?.active).toEqual([
      {
        name: 'Data-centre move',
        startIso: '2026-11-26T08:00:00+01:00',
        endIso: '2026-11-26T20:00:00+01:00',
        span: 'Thu 26 Nov 2026, 08:00–20:00',
        products: ['Acme Web'],
        reason: 'Racks move',
      },
    ]);
    expect(freezes?.upcoming.map((freeze) => [freeze.name, freeze.span, freeze.products])).toEqual([
      ['Year-end freeze', 'Sat 19 Dec 2026 – Mon 4 Jan 2027', []],
    ]);
  });

  it('lists overdue runbooks by the one definition (isReviewOverdue): never reviewed first, then the longest overdue', () => {
    const hub = makeHub({
      people: [{ id: 'dana', name: 'Dana Kowalski', role: 'QA Lead' }],
      runbooks: [
        runbook('fresh', { lastReviewed: Temporal.PlainDate.from('2026-10-01'), reviewEveryDays: 90 }),
        runbook('due-today', { lastReviewed: Temporal.PlainDate.from('2026-08-28'), reviewEveryDays: 90 }), // due 26 Nov: not overdue yet
        runbook('late', { title: 'Release test plan', owner: 'dana', lastReviewed: Temporal.PlainDate.from('2025-09-02'), reviewEveryDays: 90 }),
        runbook('later', { lastReviewed: Temporal.PlainDate.from('2026-08-01'), reviewEveryDays: 90 }),
        runbook('never', { reviewEveryDays: 30 }),
        runbook('no-cycle'),
      ],
    });
    const stale = buildDashboard(hub, 'internal', NOW).staleRunbooks;
    expect(stale?.items.map((item) => item.id)).toEqual(['never', 'late', 'later']);
    expect(stale?.items[0]?.due).toBeNull();
    expect(stale?.items[1]).toEqual({
      id: 'late',
      title: 'Release test plan',
      url: '/runbooks/late/',
      owner: { name: 'Dana Kowalski', url: '/people/dana/' },
      due: { iso: '2025-12-01', text: 'Mon 1 Dec 2025' },
    });
  });

  it('lists required GTM launches from today to 30 days ahead, except for cancelled releases', () => {
    const gtm = (launchDate: string, required = true) => ({ required, launchDate: at(launchDate), owner: 'zoe', channels: [], assets: [], checklist: [] });
    const hub = makeHub({
      people: [{ id: 'zoe', name: 'Zoë Müller', role: 'Product Manager' }],
      releases: [
        makeRelease({ version: '1.0.0', status: 'released', gtm: gtm('2026-11-25') }), // yesterday
        makeRelease({ version: '1.1.0', status: 'in-progress', title: 'Notification center', gtm: gtm('2026-11-26') }), // today
        makeRelease({ version: '1.2.0', gtm: gtm('2026-12-26') }), // the 30th day
        makeRelease({ version: '1.3.0', gtm: gtm('2026-12-27') }),
        makeRelease({ version: '1.4.0', status: 'cancelled', gtm: gtm('2026-12-01') }),
        makeRelease({ version: '1.5.0', gtm: gtm('2026-12-02', false) }),
      ],
    });
    const launches = buildDashboard(hub, 'internal', NOW).gtmLaunches;
    expect(launches?.items.map((launch) => [launch.release.version, launch.date.text, launch.owner?.name])).toEqual([
      ['1.1.0', 'Thu 26 Nov 2026', 'Zoë Müller'],
      ['1.2.0', 'Sat 26 Dec 2026', 'Zoë Müller'],
    ]);
  });

  it('shows headline metrics of the last 90 days with their trend and 12 months of values', () => {
    const hub = makeHub({
      releases: [
        shipped('1.0.0', '2026-06-05T02:30'), // the previous 90 days (30 May to 28 Aug)
        shipped('1.1.0', '2026-08-04T02:30'), // the previous 90 days
        shipped('1.2.0', '2026-09-01T02:30', { status: 'rolled-back', rollback: { reason: 'Broke exports' } }),
        shipped('1.3.0', '2026-11-03T02:30'),
        shipped('1.4.0', '2026-11-10T02:30'),
        shipped('0.9.0', '2025-10-06T02:30'), // before the sparkline's first month
      ],
    });
    const health = buildDashboard(hub, 'internal', NOW).health;
    expect(health?.windowDays).toBe(90);
    expect(health?.metrics.map((metric) => metric.field)).toEqual([...HEADLINE_FIELDS]);
    const releases = health?.metrics.find((metric) => metric.field === 'releaseCount');
    expect(releases).toMatchObject({ label: 'Releases', value: '3 releases', url: '/metrics/#metric-releaseCount' });
    expect(releases?.trend).toMatchObject({ direction: 'up', text: 'Up 50% vs previous 90 days' });
    // Dec 2025 … Nov 2026, months without releases count 0.
    expect(releases?.series).toEqual([0, 0, 0, 0, 0, 0, 1, 0, 1, 1, 0, 2]);
    expect(releases?.series).toHaveLength(SPARKLINE_MONTHS);
    expect(releases?.seriesSummary).toBe(
      'Monthly, December 2025 to November 2026: lowest 0 releases (December 2025), highest 2 releases (November 2026), latest 2 releases (November 2026).',
    );
    // 3 releases in the last 90 days against 2 before; one of the 3 rolled back, none of the 2.
    const failures = health?.metrics.find((metric) => metric.field === 'changeFailureRate');
    // Rates have no value in a month without releases: a gap, not 0.
    expect(failures?.series).toEqual([null, null, null, null, null, null, 0, null, 0, 1, null, 0]);
    expect(failures).toMatchObject({ value: '33.3%', trend: { direction: 'up', verdict: 'worse' } });
    // Every value says what it is computed over and links to those releases (the drill-down of the last 90 days).
    expect(failures).toMatchObject({ provenance: '1 of 3 releases rolled back or with an incident', provenanceUrl: '/metrics/change-failures/last-90-days/' });
    expect(releases).toMatchObject({ provenance: '3 deployed releases', provenanceUrl: '/metrics/releases/last-90-days/' });
    // The two DORA keys added since 2021: no incident and no fix among these releases.
    expect(health?.metrics.find((metric) => metric.field === 'deploymentReworkRate')).toMatchObject({
      label: 'Deployment rework rate',
      value: '0%',
      provenance: '0 of 3 releases made to fix an incident',
    });
    expect(health?.metrics.find((metric) => metric.field === 'failedDeploymentRecoveryHoursMedian')).toMatchObject({
      label: 'Failed deployment recovery time',
      value: 'no data yet',
      provenance: 'no resolved incident',
      provenanceUrl: '/metrics/recovery-time/last-90-days/', // it lists the releases, each without an incident
    });
  });
});

describe('the public dashboard', () => {
  it('has no internal panels at all, not even empty ones', () => {
    const hub = makeHub({ releases: [shipped('1.0.0', '2026-11-03T02:30', { audience: 'public' })] });
    const dashboard = buildDashboard(hub, 'public', NOW);
    expect(Object.keys(dashboard).sort()).toEqual(['inFlight', 'inFlightUrl', 'nextWindow', 'recentlyShipped', 'timezone', 'upcoming']);
    expect(dashboard.recentlyShipped.map((release) => release.id)).toEqual(['web/1.0.0']);
  });
});
