import { Temporal } from 'temporal-polyfill';
import { describe, expect, it } from 'vitest';
import {
  calendarMonths,
  monthModel,
  nextWindow,
  nextWindowMonth,
  type CalendarDay,
  type CalendarEvent,
  type MonthModel,
  type WindowEvent,
} from '../../src/calendar/month.ts';
import { at, makeFreeze, makeHub, makeRelease, windowOf } from './helpers/hub-factory.ts';

const NOW = Temporal.Instant.from('2026-03-05T12:00:00Z');

const hub = makeHub({
  config: { cadence: { rrule: 'FREQ=WEEKLY;BYDAY=TU', start: Temporal.PlainTime.from('02:00'), durationMinutes: 120 } },
  releases: [
    makeRelease({
      product: 'api',
      version: '1.0.0',
      status: 'released',
      window: windowOf('2026-01-20T02:00', '2026-01-20T04:00'),
    }),
    makeRelease({
      version: '4.2.0',
      title: 'Smarter exports',
      window: windowOf('2026-03-10T02:00', '2026-03-10T04:00'),
    }),
    makeRelease({ version: '4.3.0', window: windowOf('2026-03-12T23:00', '2026-03-13T01:00') }),
    makeRelease({ version: '4.3.1', window: windowOf('2026-03-14T22:00', '2026-03-15T00:00') }),
    makeRelease({ version: '4.2.1', status: 'cancelled', window: windowOf('2026-03-17T02:00', '2026-03-17T04:00') }),
    makeRelease({
      product: 'api',
      version: '2.1.0',
      freezeException: 'Security fix',
      window: windowOf('2026-03-19T10:00', '2026-03-19T11:00'),
    }),
    makeRelease({ product: 'api', version: '2.0.0', window: windowOf('2026-03-24T02:00', '2026-03-24T04:00') }),
    makeRelease({ version: '4.4.0', window: windowOf('2026-03-31T23:00', '2026-04-01T01:00') }),
    makeRelease({ version: '4.5.0', status: 'cancelled', window: windowOf('2026-04-14T02:00', '2026-04-14T04:00') }),
    makeRelease({ version: '5.0.0', window: windowOf('2026-05-05T02:00', '2026-05-05T04:00') }),
    makeRelease({ version: '5.1.0' }),
  ],
  freezes: [
    makeFreeze({ name: 'Spring freeze', start: at('2026-03-18'), end: at('2026-03-21') }),
    makeFreeze({ name: 'API summit', products: ['api'], start: at('2026-03-30'), end: at('2026-04-01') }),
    makeFreeze({ name: 'Easter', start: at('2026-04-06'), end: at('2026-04-08') }),
  ],
});

function day(model: MonthModel, date: string): CalendarDay {
  const found = model.weeks.flat().find((cell) => cell.date.toString() === date);
  if (!found) throw new Error(`${date} is not in the grid of ${model.month}`);
  return found;
}

function label(event: CalendarEvent): string {
  if (event.kind === 'window') return `window ${event.id}`;
  if (event.kind === 'freeze') return `freeze ${event.name}`;
  return `open ${event.start.toPlainDateTime().toString({ smallestUnit: 'minute' })}`;
}

function entries(model: MonthModel, date: string): string[] {
  return day(model, date).entries.map((entry) => `${label(entry.event)} (${entry.part})`);
}

function windowEvent(model: MonthModel, id: string): WindowEvent {
  const event = model.agenda.find((item): item is WindowEvent => item.kind === 'window' && item.id === id);
  if (!event) throw new Error(`no window ${id} in ${model.month}`);
  return event;
}

describe('calendarMonths', () => {
  it('lists every month from the first to the last window or freeze, in the hub zone', () => {
    expect(calendarMonths(hub, NOW)).toEqual(['2026-01', '2026-02', '2026-03', '2026-04', '2026-05']);
  });

  it('extends to freezes, counting an exclusive midnight end as the previous day', () => {
    const withFreezes = makeHub({
      freezes: [makeFreeze({ start: at('2025-11-28'), end: at('2025-12-01') }), makeFreeze({ start: at('2026-02-20'), end: at('2026-03-01') })],
    });
    expect(calendarMonths(withFreezes, NOW)).toEqual(['2025-11', '2025-12', '2026-01', '2026-02']);
  });

  it('uses the hub zone for the month of a window written as UTC', () => {
    const utc = makeHub({ releases: [makeRelease({ window: windowOf('2026-03-31T23:30Z', '2026-04-01T00:00Z') })] });
    expect(calendarMonths(utc, NOW)).toEqual(['2026-04']);
  });

  it('falls back to the month of now for a hub without windows or freezes', () => {
    expect(calendarMonths(makeHub(), NOW)).toEqual(['2026-03']);
  });
});

describe('nextWindowMonth', () => {
  it('is the month of the next window that starts at or after now', () => {
    expect(nextWindowMonth(hub, NOW)).toBe('2026-03');
    expect(nextWindowMonth(hub, at('2026-03-10T02:00').toInstant())).toBe('2026-03');
  });

  it('skips cancelled releases and windows already started', () => {
    expect(nextWindowMonth(hub, at('2026-04-01T00:00').toInstant())).toBe('2026-05');
  });

  it('falls back to the last month when nothing is upcoming', () => {
    expect(nextWindowMonth(hub, Temporal.Instant.from('2026-07-01T00:00:00Z'))).toBe('2026-05');
    expect(nextWindowMonth(makeHub(), NOW)).toBe('2026-03');
  });

  it('looks at one product in a product view (the range of months stays the hub’s)', () => {
    expect(nextWindowMonth(hub, NOW, { product: 'api' })).toBe('2026-03');
    expect(nextWindowMonth(hub, at('2026-03-20T00:00').toInstant(), { product: 'api' })).toBe('2026-03');
    expect(nextWindowMonth(hub, at('2026-03-25T00:00').toInstant(), { product: 'api' })).toBe('2026-05');
  });
});

describe('nextWindow', () => {
  it('is the first non-cancelled window starting at or after now, for all products or one', () => {
    expect(nextWindow(hub, NOW)?.id).toBe('web/4.2.0');
    expect(nextWindow(hub, NOW, { product: 'api' })?.id).toBe('api/2.1.0');
    expect(nextWindow(hub, at('2026-04-10T00:00').toInstant())?.id).toBe('web/5.0.0');
    expect(nextWindow(hub, at('2026-05-05T02:00:01').toInstant())).toBeUndefined();
  });
});

describe('monthModel: grid', () => {
  const march = monthModel(hub, '2026-03', NOW);

  it('lays out ISO weeks, Monday first, covering the whole month', () => {
    expect(march.weeks).toHaveLength(6);
    expect(march.weeks.every((week) => week.length === 7 && week[0]?.date.dayOfWeek === 1)).toBe(true);
    expect(march.weeks[0]?.[0]?.date.toString()).toBe('2026-02-23');
    expect(march.weeks.at(-1)?.at(-1)?.date.toString()).toBe('2026-04-05');
    expect(march.weeks.flat().filter((cell) => cell.inMonth)).toHaveLength(31);
    expect(monthModel(hub, '2026-02', NOW).weeks).toHaveLength(5);
    expect(monthModel(hub, '2027-02', NOW).weeks).toHaveLength(4);
  });

  it('marks today in the hub zone and leaves days of other months empty', () => {
    expect(
      march.weeks
        .flat()
        .filter((cell) => cell.isToday)
        .map((cell) => cell.date.toString()),
    ).toEqual(['2026-03-05']);
    expect(day(march, '2026-04-01').inMonth).toBe(false);
    expect(day(march, '2026-04-01').entries).toEqual([]);
  });

  it('links to the neighbouring months, with null at the ends', () => {
    expect([march.prev, march.next]).toEqual(['2026-02', '2026-04']);
    expect(monthModel(hub, '2026-01', NOW).prev).toBeNull();
    expect(monthModel(hub, '2026-05', NOW).next).toBeNull();
  });

  it('rejects a month that is not YYYY-MM', () => {
    expect(() => monthModel(hub, '2026-3', NOW)).toThrow('month must be written YYYY-MM, got "2026-3"');
  });
});

describe('monthModel: events', () => {
  const march = monthModel(hub, '2026-03', NOW);

  it('shows a window with its release data, in the hub zone', () => {
    const event = windowEvent(march, 'web/4.2.0');
    expect(event).toMatchObject({
      product: 'web',
      productName: 'Acme Web',
      version: '4.2.0',
      title: 'Smarter exports',
      status: 'scheduled',
      url: '/releases/web/4.2.0/',
      timezone: 'Europe/Berlin',
      offCadence: false,
      freezes: [],
      freezeException: false,
    });
    expect(event.start.toString()).toBe('2026-03-10T02:00:00+01:00[Europe/Berlin]');
    expect(entries(march, '2026-03-10')).toEqual(['window web/4.2.0 (whole)']);
  });

  it('marks a window outside the cadence as off-cadence', () => {
    expect(windowEvent(march, 'web/4.3.0').offCadence).toBe(true);
    expect(windowEvent(march, 'api/2.0.0').offCadence).toBe(false);
  });

  it('shows a window across midnight on both days, and one ending at midnight on one', () => {
    expect(entries(march, '2026-03-12')).toEqual(['window web/4.3.0 (start)']);
    expect(entries(march, '2026-03-13')).toEqual(['window web/4.3.0 (end)']);
    expect(entries(march, '2026-03-14')).toEqual(['window web/4.3.1 (whole)']);
    expect(entries(march, '2026-03-15')).toEqual([]);
  });

  it('shows a window across the month end in both months', () => {
    expect(entries(march, '2026-03-31')).toContain('window web/4.4.0 (start)');
    expect(entries(monthModel(hub, '2026-04', NOW), '2026-04-01')).toEqual(['window web/4.4.0 (end)']);
  });

  it('judges the cadence of a window that began in the previous month at its real start', () => {
    const long = makeHub({
      config: hub.config,
      releases: [
        makeRelease({ version: '6.0.0', window: windowOf('2026-03-31T02:00', '2026-04-01T03:00') }),
        makeRelease({ version: '6.0.1', window: windowOf('2026-03-31T03:00', '2026-04-01T03:00') }),
      ],
    });
    const april = monthModel(long, '2026-04', NOW);
    expect([windowEvent(april, 'web/6.0.0').offCadence, windowEvent(april, 'web/6.0.1').offCadence]).toEqual([false, true]);
  });

  it('shows a freeze as a span over the days it covers (date-only end included)', () => {
    expect(entries(march, '2026-03-18')).toEqual(['freeze Spring freeze (start)']);
    expect(entries(march, '2026-03-19')).toEqual(['freeze Spring freeze (continues)', 'window api/2.1.0 (whole)']);
    expect(entries(march, '2026-03-20')).toEqual(['freeze Spring freeze (end)']);
    expect(entries(march, '2026-03-21')).toEqual([]);
    expect(march.agenda.find((event) => event.kind === 'freeze' && event.name === 'Spring freeze')).toMatchObject({
      wholeDays: true,
      products: [],
    });
  });

  it('marks a window inside a freeze of its product that has a freezeException', () => {
    expect(windowEvent(march, 'api/2.1.0')).toMatchObject({
      freezes: ['Spring freeze'],
      freezeException: true,
      freezeExceptionReason: 'Security fix',
    });
  });

  it('sorts the events of a day by time: a running freeze, then a slot, then a later window', () => {
    expect(entries(march, '2026-03-31')).toEqual(['freeze API summit (end)', 'open 2026-03-31T02:00 (whole)', 'window web/4.4.0 (start)']);
  });

  it('lists the same events once each, in time order, as the agenda', () => {
    expect(march.agenda.map(label)).toEqual([
      'window web/4.2.0',
      'window web/4.3.0',
      'window web/4.3.1',
      'window web/4.2.1',
      'open 2026-03-17T02:00',
      'freeze Spring freeze',
      'window api/2.1.0',
      'window api/2.0.0',
      'freeze API summit',
      'open 2026-03-31T02:00',
      'window web/4.4.0',
    ]);
    expect(new Set(march.agenda.map((event) => event.key)).size).toBe(march.agenda.length);
  });
});

describe('monthModel: open slots', () => {
  it('offers future slots that no non-cancelled release of any product has booked', () => {
    const march = monthModel(hub, '2026-03', NOW);
    const open = march.agenda.filter((event) => event.kind === 'open-slot').map(label);
    // 03-03 is past, 03-10 booked by web, 03-17 only by a cancelled release, 03-24 booked by api.
    expect(open).toEqual(['open 2026-03-17T02:00', 'open 2026-03-31T02:00']);
    expect(entries(march, '2026-03-17')).toEqual(['window web/4.2.1 (whole)', 'open 2026-03-17T02:00 (whole)']);
  });

  it('does not offer a slot inside a freeze of every product', () => {
    const april = monthModel(hub, '2026-04', NOW);
    expect(april.agenda.filter((event) => event.kind === 'open-slot').map(label)).toEqual([
      'open 2026-04-14T02:00',
      'open 2026-04-21T02:00',
      'open 2026-04-28T02:00',
    ]);
  });

  it('opens a slot inside a freeze of some products for the others only, and says so', () => {
    const march = monthModel(hub, '2026-03', NOW);
    const slot = (key: string) => march.agenda.find((event) => event.key === key);
    // 31 Mar 02:00 is inside the API summit (api only): open for web; 17 Mar is inside no freeze.
    expect(slot('slot-2026-03-31T0200')).toMatchObject({ kind: 'open-slot', openFor: [{ id: 'web', name: 'Acme Web' }] });
    expect(slot('slot-2026-03-17T0200')).not.toHaveProperty('openFor');
  });

  it('offers no slot when every product in view is frozen, even by different freezes', () => {
    const split = {
      ...hub,
      freezes: [
        makeFreeze({ name: 'Web move', products: ['web'], start: at('2026-04-20'), end: at('2026-04-22') }),
        makeFreeze({ name: 'API move', products: ['api'], start: at('2026-04-21'), end: at('2026-04-23') }),
      ],
    };
    const open = monthModel(split, '2026-04', NOW)
      .agenda.filter((event) => event.kind === 'open-slot')
      .map(label);
    // 21 Apr 02:00 is frozen for web (20–21 Apr) and for api (21–22 Apr).
    expect(open).toEqual(['open 2026-04-07T02:00', 'open 2026-04-14T02:00', 'open 2026-04-28T02:00']);
  });

  it('decides per product in a product view', () => {
    const api = monthModel(hub, '2026-03', NOW, { product: 'api' });
    expect(api.agenda.map(label)).toEqual([
      'open 2026-03-10T02:00',
      'open 2026-03-17T02:00',
      'freeze Spring freeze',
      'window api/2.1.0',
      'window api/2.0.0',
      'freeze API summit',
    ]);
  });

  it('shows no slots for a hub without a cadence', () => {
    const noCadence = { ...hub, config: { ...hub.config, cadence: undefined } };
    const march = monthModel(noCadence, '2026-03', NOW);
    expect(march.agenda.some((event) => event.kind === 'open-slot')).toBe(false);
    expect(windowEvent(march, 'web/4.3.0').offCadence).toBe(false);
  });
});
