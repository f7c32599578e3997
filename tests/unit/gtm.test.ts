/**
 * Go-to-market plans (issue 21): the one definition of an overdue asset, the GTM board (upcoming
 * launches, overdue assets) and launch days on the calendar's month grid. Loading errors are in
 * content-errors.test.ts (`gtm-bad`); the old `{ required, launchDate, owner, notes }` form stays valid.
 */
import { Temporal } from 'temporal-polyfill';
import { describe, expect, it } from 'vitest';
import { monthModel } from '../../src/calendar/month.ts';
import { calendarLegend } from '../../src/calendar/view.ts';
import { viewForAudience } from '../../src/core/audience.ts';
import type { Gtm, GtmAsset } from '../../src/core/model.ts';
import { gtmBoard, isAssetOverdue } from '../../src/gtm/gtm.ts';
import { releaseSchema } from '../../src/schemas/release.ts';
import { at, HUB_ZONE, makeHub, makeRelease } from './helpers/hub-factory.ts';

const NOW = at('2026-11-26T10:00').toInstant();
const asset = (due: string, overrides: Partial<GtmAsset> = {}): GtmAsset => ({
  title: 'Launch post',
  owner: 'zoe',
  due: Temporal.PlainDate.from(due),
  done: false,
  ...overrides,
});
const plan = (launchDate: string | undefined, overrides: Partial<Gtm> = {}): Gtm => ({
  required: true,
  ...(launchDate ? { launchDate: at(launchDate) } : {}),
  owner: 'zoe',
  channels: ['blog', 'email'],
  assets: [],
  checklist: [],
  ...overrides,
});

describe('an overdue asset', () => {
  it.each([
    { what: 'due yesterday, open', due: '2026-11-25', done: false, overdue: true },
    { what: 'due today, open (not yet)', due: '2026-11-26', done: false, overdue: false },
    { what: 'due tomorrow, open', due: '2026-11-27', done: false, overdue: false },
    { what: 'due long ago, done', due: '2026-10-01', done: true, overdue: false },
  ])('$what', ({ due, done, overdue }) => {
    expect(isAssetOverdue(asset(due, { done }), NOW, HUB_ZONE)).toBe(overdue);
  });

  it('is judged on the hub zone’s day: 23:30 UTC on the 25th is already the 26th in Berlin', () => {
    const late = Temporal.Instant.from('2026-11-25T23:30:00Z');
    expect(isAssetOverdue(asset('2026-11-25'), late, HUB_ZONE)).toBe(true);
    expect(isAssetOverdue(asset('2026-11-25'), late, 'UTC')).toBe(false);
  });
});

const people = [
  { id: 'zoe', name: 'Zoë Müller', role: 'Product Manager' },
  { id: 'bob', name: 'Bob Brown', role: 'Engineer' },
];
const hub = makeHub({
  people,
  releases: [
    makeRelease({
      version: '2.0.0',
      status: 'scheduled',
      title: 'Boards on phones',
      gtm: plan('2026-12-09', {
        channels: ['blog', 'in-app', 'sales-enablement'],
        assets: [
          asset('2026-12-07', { title: 'Launch post', channel: 'blog' }),
          asset('2026-11-25', { title: 'Tour', channel: 'in-app', owner: 'bob' }),
          asset('2026-11-20', { title: 'Deck', channel: 'sales-enablement', done: true }),
        ],
        checklist: [
          { item: 'Screenshots', done: true },
          { item: 'Support trained', done: false },
        ],
      }),
    }),
    makeRelease({ version: '1.9.0', status: 'in-progress', gtm: plan('2026-11-26', { assets: [asset('2026-11-10', { title: 'Old email' })] }) }),
    makeRelease({ version: '1.8.0', status: 'released', gtm: plan('2026-11-20', { assets: [asset('2026-11-18', { title: 'Past due', owner: 'bob' })] }) }),
    makeRelease({ version: '1.7.0', status: 'cancelled', gtm: plan('2026-12-01', { assets: [asset('2026-11-01', { title: 'Never' })] }) }),
    makeRelease({ product: 'api', version: '3.0.0', gtm: plan('2026-12-02', { required: false }) }),
    makeRelease({ product: 'api', version: '3.1.0', gtm: plan(undefined) }),
  ],
});

describe('the GTM board', () => {
  const board = gtmBoard(hub, NOW);

  it('lists upcoming launches soonest first, from today: needed, dated, not cancelled', () => {
    expect(
      board.upcoming.map((launch) => [
        launch.release.id,
        launch.day.toString(),
        launch.inDays,
        launch.owner,
        launch.channels.join(', '),
        `${launch.assets.done}/${launch.assets.total} (${launch.assets.overdue} overdue)`,
        `${launch.checklist.done}/${launch.checklist.total}`,
      ]),
    ).toEqual([
      ['web/1.9.0', '2026-11-26', 0, 'Zoë Müller', 'Blog, Email', '0/1 (1 overdue)', '0/0'],
      ['web/2.0.0', '2026-12-09', 13, 'Zoë Müller', 'Blog, In-app, Sales enablement', '1/3 (1 overdue)', '1/2'],
    ]);
  });

  it('lists every overdue asset, most overdue first, also of launches that passed; never of a cancelled release', () => {
    expect(board.overdue.map((item) => [item.release.id, item.asset.title, item.owner, item.channel ?? null, item.daysLate])).toEqual([
      ['web/1.9.0', 'Old email', 'Zoë Müller', null, 16],
      ['web/1.8.0', 'Past due', 'Bob Brown', null, 8],
      ['web/2.0.0', 'Tour', 'Bob Brown', 'In-app', 1],
    ]);
  });
});

describe('launch days on the calendar', () => {
  it('are whole-day entries of the internal month grid, linked to the plan, with a legend line; none in the public view', () => {
    const december = monthModel(hub, '2026-12', NOW);
    const launches = december.agenda.filter((event) => event.kind === 'launch');
    expect(launches.map((event) => [event.key, event.url, event.start.toString(), event.end.toString()])).toEqual([
      ['launch-web-2-0-0', '/releases/web/2.0.0/#gtm', '2026-12-09T00:00:00+01:00[Europe/Berlin]', '2026-12-10T00:00:00+01:00[Europe/Berlin]'],
    ]);
    const day = december.weeks.flat().find((candidate) => candidate.date.toString() === '2026-12-09')!;
    expect(day.entries.map(({ event, part }) => [event.kind, part])).toEqual([['launch', 'whole']]);
    expect(calendarLegend(december.agenda).map((entry) => entry.term)).toContain('Launch');
    expect(monthModel(hub, '2026-12', NOW, { product: 'api' }).agenda.filter((event) => event.kind === 'launch')).toEqual([]);
    const publicHub = viewForAudience({ ...hub, releases: hub.releases.map((release) => ({ ...release, audience: 'public' })) }, 'public');
    expect(monthModel(publicHub, '2026-12', NOW).agenda.filter((event) => event.kind === 'launch')).toEqual([]);
  });
});

describe('the gtm field', () => {
  const base = { version: '1.0.0', status: 'planned' };
  it.each([
    {
      what: 'the old form is a plan without channels, assets or checklist',
      gtm: { required: true, launchDate: '2026-12-09', owner: 'zoe' },
      parsed: { required: true, launchDate: '2026-12-09', owner: 'zoe', channels: [], assets: [], checklist: [] },
    },
    {
      what: 'a checklist item written as text is an open item; one channel may be written alone',
      gtm: { channels: 'blog', checklist: ['Pricing page', { item: 'Support', done: true }] },
      parsed: {
        required: true,
        channels: ['blog'],
        assets: [],
        checklist: [
          { item: 'Pricing page', done: false },
          { item: 'Support', done: true },
        ],
      },
    },
    {
      what: 'an asset is open unless done',
      gtm: { assets: [{ title: 'Post', owner: 'zoe', due: '2026-12-01' }] },
      parsed: { required: true, channels: [], assets: [{ title: 'Post', owner: 'zoe', due: '2026-12-01', done: false }], checklist: [] },
    },
  ])('$what', ({ gtm, parsed }) => {
    const result = releaseSchema.safeParse({ ...base, gtm });
    expect(result.success && result.data.gtm).toEqual(parsed);
  });
});
