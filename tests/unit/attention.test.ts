/**
 * Drift (SPEC §5): every attention kind at a given "now", with hand-worked cases. The hub zone is
 * Europe/Berlin (UTC+1 in November, March); "now" is 2026-11-26T09:00Z = 10:00 in Berlin.
 */
import { Temporal } from 'temporal-polyfill';
import { describe, expect, it } from 'vitest';
import type { Release, Runbook } from '../../src/core/model.ts';
import { buildDashboard } from '../../src/dashboard/dashboard.ts';
import { durationText, hubAttention, isWindowPast, releaseAttention } from '../../src/process/attention.ts';
import { at, type HubOverrides, makeHub, makeRelease, windowOf } from './helpers/hub-factory.ts';

const NOW = Temporal.Instant.from('2026-11-26T09:00:00Z');

function makeRunbook(overrides: Partial<Runbook> = {}): Runbook {
  const id = overrides.id ?? 'deploy-web';
  return { id, title: 'Deploy web', kind: 'deploy', products: ['web'], source: { file: `runbooks/${id}.mdx`, entryId: id }, ...overrides };
}

/** The attention items of one release in a hub of its own, as `[kind, message]`. */
function itemsOf(release: Partial<Release>, config: HubOverrides['config'] = {}, now = NOW) {
  const hub = makeHub({ releases: [makeRelease(release)], config });
  return hubAttention(hub, now).map((item) => [item.kind, item.message]);
}

describe('in-progress past its window end (plus the grace of hub.yaml)', () => {
  // The window ends 26 Nov 04:00 Berlin = 03:00Z: at 09:00Z it ended 6 h ago.
  const inProgress = { status: 'in-progress' as const, window: windowOf('2026-11-24T02:00', '2026-11-26T04:00') };
  it.each([
    { graceHours: undefined, expected: [['in-progress-overdue', 'Still in progress 6 h after its window ended (Thu 26 Nov 2026, 04:00; grace 0 h).']] },
    { graceHours: 5.5, expected: [['in-progress-overdue', 'Still in progress 6 h after its window ended (Thu 26 Nov 2026, 04:00; grace 5.5 h).']] },
    { graceHours: 6, expected: [] },
    { graceHours: 24, expected: [] },
  ])('grace $graceHours h', ({ graceHours, expected }) => {
    expect(itemsOf(inProgress, graceHours === undefined ? {} : { attention: { graceHours } })).toEqual(expected);
  });

  it('is not flagged while the window is open, or without a window', () => {
    expect(itemsOf({ status: 'in-progress', window: windowOf('2026-11-24T02:00', '2026-11-26T20:00') })).toEqual([]);
    expect(itemsOf({ status: 'in-progress' })).toEqual([]);
  });
});

describe('scheduled or planned with a window wholly in the past', () => {
  it.each([
    // Ends 25 Nov 04:00 Berlin = 03:00Z: 30 h before now.
    {
      status: 'scheduled' as const,
      end: '2026-11-25T04:00',
      expected: [['window-passed', 'Scheduled, but its window ended 30 h ago (Wed 25 Nov 2026, 04:00).']],
    },
    // Ends exactly at now (10:00 Berlin): wholly past.
    { status: 'planned' as const, end: '2026-11-26T10:00', expected: [['window-passed', 'Planned, but its window ended 0 min ago (Thu 26 Nov 2026, 10:00).']] },
    // Ends a minute after now: still open.
    { status: 'planned' as const, end: '2026-11-26T10:01', expected: [] },
    // Ends 20 Nov 04:00 Berlin: 6 days 6 h ago, in whole days.
    {
      status: 'scheduled' as const,
      end: '2026-11-20T04:00',
      expected: [['window-passed', 'Scheduled, but its window ended 6 days ago (Fri 20 Nov 2026, 04:00).']],
    },
  ])('$status, window ending $end', ({ status, end, expected }) => {
    expect(itemsOf({ status, window: windowOf('2026-11-20T02:00', end) })).toEqual(expected);
  });

  it('is not flagged without a window, or when cancelled', () => {
    expect(itemsOf({ status: 'planned' })).toEqual([]);
    expect(itemsOf({ status: 'cancelled', window: windowOf('2026-11-20T02:00', '2026-11-20T04:00') })).toEqual([]);
  });
});

describe('released late against its window (the on-schedule rule of the metrics)', () => {
  // Window end Tue 10 Mar 2026 04:00 Berlin; tolerance 15 min, as in the example hub.
  it.each([
    { finishedAt: '2026-03-10T05:20', expected: [['released-late', 'Finished 1 h 20 min after its window ended (Tue 10 Mar 2026, 04:00; tolerance 15 min).']] },
    { finishedAt: '2026-03-10T04:16', expected: [['released-late', 'Finished 16 min after its window ended (Tue 10 Mar 2026, 04:00; tolerance 15 min).']] },
    { finishedAt: '2026-03-10T04:15', expected: [] },
    { finishedAt: '2026-03-10T02:41', expected: [] },
  ])('finished $finishedAt', ({ finishedAt, expected }) => {
    const release = { status: 'released' as const, window: windowOf('2026-03-10T02:00', '2026-03-10T04:00'), deployment: { finishedAt: at(finishedAt) } };
    expect(itemsOf(release, { metrics: { onTimeToleranceMinutes: 15 } })).toEqual(expected);
  });

  it('is not flagged without a window, or when rolled back', () => {
    expect(itemsOf({ status: 'released', deployment: { finishedAt: at('2026-03-10T05:20') } })).toEqual([]);
    expect(
      itemsOf({
        status: 'rolled-back',
        window: windowOf('2026-03-10T02:00', '2026-03-10T04:00'),
        deployment: { finishedAt: at('2026-03-10T05:20') },
        rollback: { reason: 'x' },
      }),
    ).toEqual([]);
  });
});

describe('released without finishedAt', () => {
  it.each([
    { deployment: undefined, expected: [['released-without-finish', 'Released, but without a release time: it is left out of every metric.']] },
    {
      deployment: { startedAt: at('2026-03-10T02:05') },
      expected: [['released-without-finish', 'Released, but without a release time: it is left out of every metric.']],
    },
    { deployment: { finishedAt: at('2026-03-10T02:41') }, expected: [] },
  ])('deployment $deployment', ({ deployment, expected }) => {
    expect(itemsOf({ status: 'released', deployment })).toEqual(expected);
  });
});

describe('runbooks overdue for review (the rule of src/runbooks/)', () => {
  it.each([
    // 15 Jul + 90 days = Tue 13 Oct 2026; overdue from 14 Oct.
    {
      runbook: { lastReviewed: Temporal.PlainDate.from('2026-07-15'), reviewEveryDays: 90 },
      expected: [['runbook-review-overdue', 'Its review was due Tue 13 Oct 2026 (every 90 days).']],
    },
    { runbook: { reviewEveryDays: 30 }, expected: [['runbook-review-overdue', 'Never reviewed, though it has a review cycle of 30 days.']] },
    // Due on today, 26 Nov: not overdue yet.
    { runbook: { lastReviewed: Temporal.PlainDate.from('2026-08-28'), reviewEveryDays: 90 }, expected: [] },
    { runbook: { lastReviewed: Temporal.PlainDate.from('2020-01-01') }, expected: [] },
  ])('$runbook', ({ runbook, expected }) => {
    const hub = makeHub({ runbooks: [makeRunbook(runbook)] });
    expect(hubAttention(hub, NOW).map((item) => [item.kind, item.message])).toEqual(expected);
  });
});

describe('the list', () => {
  const hub = makeHub({
    releases: [
      makeRelease({ version: '2.0.0', status: 'released' }),
      makeRelease({ version: '1.0.0', status: 'released' }),
      makeRelease({ product: 'api', version: '1.0.0', status: 'scheduled', window: windowOf('2026-11-25T02:00', '2026-11-25T04:00') }),
    ],
    runbooks: [makeRunbook({ reviewEveryDays: 30 })],
  });

  it('orders items by kind, then subject, and names the file and field to change', () => {
    expect(hubAttention(hub, NOW).map((item) => [item.kind, item.subject.id, item.file, item.path.join('.')])).toEqual([
      ['window-passed', 'api/1.0.0', 'releases/api/1.0.0.mdx', 'window.end'],
      ['released-without-finish', 'web/1.0.0', 'releases/web/1.0.0.mdx', 'status'],
      ['released-without-finish', 'web/2.0.0', 'releases/web/2.0.0.mdx', 'status'],
      ['runbook-review-overdue', 'deploy-web', 'runbooks/deploy-web.mdx', 'lastReviewed'],
    ]);
  });

  it('gives each release its own items, for the "now" asked', () => {
    expect(releaseAttention(hub, NOW, 'api/1.0.0').map((item) => item.kind)).toEqual(['window-passed']);
    expect(releaseAttention(hub, Temporal.Instant.from('2026-11-24T00:00:00Z'), 'api/1.0.0')).toEqual([]);
    expect(releaseAttention(hub, NOW, 'web/3.0.0')).toEqual([]);
  });
});

describe('isWindowPast', () => {
  it.each([
    { release: makeRelease({ window: windowOf('2026-11-25T02:00', '2026-11-25T04:00') }), expected: true },
    { release: makeRelease({ window: windowOf('2026-11-26T09:00', '2026-11-26T10:00') }), expected: true },
    { release: makeRelease({ window: windowOf('2026-11-26T09:00', '2026-11-26T10:01') }), expected: false },
    { release: makeRelease({ window: windowOf('2026-11-25T02:00', '2026-11-25T04:00'), deployment: { finishedAt: at('2026-11-25T03:00') } }), expected: false },
    { release: makeRelease(), expected: false },
  ])('$release.window.end → $expected', ({ release, expected }) => {
    expect(isWindowPast(release, NOW)).toBe(expected);
  });
});

describe('durationText', () => {
  it.each([
    { minutes: 0, expected: '0 min' },
    { minutes: 59.9, expected: '59 min' },
    { minutes: 60, expected: '1 h' },
    { minutes: 90, expected: '1 h 30 min' },
    { minutes: 47 * 60 + 59, expected: '47 h 59 min' },
    { minutes: 48 * 60, expected: '2 days' },
    { minutes: 71 * 60, expected: '2 days' },
  ])('$minutes min → $expected', ({ minutes, expected }) => {
    expect(durationText(minutes * 60_000)).toBe(expected);
  });
});

describe('on the dashboard', () => {
  const hub = makeHub({
    releases: [
      makeRelease({ version: '2.0.0', status: 'in-progress', window: windowOf('2026-11-24T02:00', '2026-11-26T04:00') }),
      makeRelease({
        version: '1.0.0',
        status: 'released',
        window: windowOf('2026-03-10T02:00', '2026-03-10T04:00'),
        deployment: { finishedAt: at('2026-03-10T05:20') },
      }),
    ],
    runbooks: [makeRunbook({ reviewEveryDays: 30 })],
  });

  it('flags releases in flight and shipped, and lists every item in the "Needs attention" card, by kind', () => {
    const dashboard = buildDashboard(hub, 'internal', NOW);
    expect(dashboard.inFlight.items.map((row) => row.attention)).toEqual([['in-progress-overdue']]);
    expect(dashboard.recentlyShipped.map((row) => row.attention)).toEqual([['released-late']]);
    expect(dashboard.attention?.counts).toEqual([
      { kind: 'in-progress-overdue', count: 1 },
      { kind: 'runbook-review-overdue', count: 1 },
      { kind: 'released-late', count: 1 },
    ]);
    expect(dashboard.attention?.items.items.map((row) => [row.title, row.url])).toEqual([
      ['Acme Web 2.0.0', '/releases/web/2.0.0/'],
      ['Deploy web', '/runbooks/deploy-web/'],
      ['Acme Web 1.0.0', '/releases/web/1.0.0/'],
    ]);
  });

  it('shows none of it on the public dashboard', () => {
    const dashboard = buildDashboard(hub, 'public', NOW);
    expect(dashboard.attention).toBeUndefined();
    expect([...dashboard.inFlight.items, ...dashboard.recentlyShipped].some((row) => 'attention' in row)).toBe(false);
  });
});
