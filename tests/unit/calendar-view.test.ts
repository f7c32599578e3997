import { Temporal } from 'temporal-polyfill';
import { describe, expect, it } from 'vitest';
import { monthModel, type CalendarEvent, type DayEntry } from '../../src/calendar/month.ts';
import {
  calendarLegend,
  calendarName,
  calendarPageModel,
  calendarPages,
  entryTime,
  eventLabel,
  eventWhen,
  freezeNote,
  plannedWhen,
  type CalendarPage,
} from '../../src/calendar/view.ts';
import { at, makeFreeze, makeHub, makeRelease, makeSampleCalendarHub, windowOf } from './helpers/hub-factory.ts';

const NOW = Temporal.Instant.from('2026-03-20T09:00:00Z');
const hub = makeSampleCalendarHub();
const pages = calendarPages(hub, NOW);

function page(param: string | undefined): CalendarPage {
  const found = pages.find((candidate) => candidate.param === param);
  if (!found) throw new Error(`no calendar page ${param}`);
  return found;
}

function event(month: string, key: string): CalendarEvent {
  const found = monthModel(hub, month, NOW).agenda.find((candidate) => candidate.key === key);
  if (!found) throw new Error(`no event ${key} in ${month}`);
  return found;
}

describe('calendarPages', () => {
  it('has every month for all products and for each product, plus an opening page per scope', () => {
    const months = ['2025-12', '2026-01', '2026-02', '2026-03', '2026-04', '2026-05', '2026-06'];
    expect(pages.map((candidate) => candidate.param)).toEqual([
      undefined,
      ...months,
      'web',
      ...months.map((month) => `web/${month}`),
      'api',
      ...months.map((month) => `api/${month}`),
    ]);
  });

  it('opens each scope on the month of its own next window', () => {
    expect(page(undefined)).toEqual({ param: undefined, month: '2026-03', opening: true });
    expect(page('api')).toEqual({ param: 'api', month: '2026-03', product: 'api', opening: true });
    const later = calendarPages(makeSampleCalendarHub(), Temporal.Instant.from('2026-04-01T00:00:00Z'));
    expect(later.filter((candidate) => candidate.opening).map((candidate) => candidate.month)).toEqual(['2026-04', '2026-04', '2026-06']);
  });

  it('refuses a product id that would take the place of a month page', () => {
    const clashing = makeHub({
      config: { products: [{ id: '2026-03', name: 'March' }] },
      releases: [makeRelease({ product: '2026-03', window: windowOf('2026-03-10T02:00', '2026-03-10T04:00') })],
    });
    expect(() => calendarPages(clashing, NOW)).toThrow('a product id must not look like a month');
  });
});

describe('calendarPageModel', () => {
  const march = calendarPageModel(hub, NOW, page('2026-03'));
  const apiOpening = calendarPageModel(hub, NOW, page('api'));

  it('names the month, the scope and the zone', () => {
    expect(march.heading).toBe('Release calendar: March 2026');
    expect(apiOpening.heading).toBe('Acme API releases: March 2026');
    expect(march.description).toBe('March 2026: 4 release windows, 0 freezes, 1 open slot (times in Europe/Berlin).');
    expect(apiOpening.description).toBe('March 2026 for Acme API: 2 release windows, 0 freezes, 2 open slots (times in Europe/Berlin).');
    expect(march.zone).toBe('Europe/Berlin');
    expect(march.asOf).toBe('Fri 20 Mar 2026, 10:00');
    expect(march.cadence).toBe('02:00–04:00, every week on Tuesday');
  });

  it('points the opening page at its month page as canonical', () => {
    expect(apiOpening.canonical).toBe('https://releases.acme.example/calendar/api/2026-03/');
    expect(march.canonical).toBe('https://releases.acme.example/calendar/2026-03/');
  });

  it('links the neighbouring months and every month of the same scope', () => {
    expect(apiOpening.prev).toEqual({ href: '/calendar/api/2026-02/', label: 'February 2026', current: false });
    expect(apiOpening.next).toEqual({ href: '/calendar/api/2026-04/', label: 'April 2026', current: false });
    expect(march.years.map(({ year, months }) => `${year}: ${months.map((month) => month.label).join(' ')}`)).toEqual([
      '2025: December',
      '2026: January February March April May June',
    ]);
    expect(march.years[1]?.months.find((month) => month.current)?.href).toBe('/calendar/2026-03/');
    expect(apiOpening.years.flatMap(({ months }) => months).some((month) => month.current)).toBe(false);
    expect(calendarPageModel(hub, NOW, page('2025-12')).prev).toBeUndefined();
    expect(calendarPageModel(hub, NOW, page('2026-06')).next).toBeUndefined();
  });

  it('switches products within the same month', () => {
    expect(apiOpening.scopes).toEqual([
      { href: '/calendar/2026-03/', label: 'All products', current: false },
      { href: '/calendar/web/2026-03/', label: 'Acme Web', current: false },
      { href: '/calendar/api/2026-03/', label: 'Acme API', current: true },
    ]);
  });

  it('names the next window of the scope, in the hub zone', () => {
    expect(march.nextWindow).toEqual({
      label: 'Acme API 2.0.0',
      href: '/releases/api/2.0.0/',
      when: {
        start: 'Sun 29 Mar 2026, 01:00',
        startIso: '2026-03-29T01:00:00+01:00',
        end: '04:00',
        endIso: '2026-03-29T04:00:00+02:00',
        separator: '–',
      },
    });
    expect(calendarPageModel(hub, Temporal.Instant.from('2026-07-01T00:00:00Z'), page('2026-06')).nextWindow).toBeUndefined();
  });

  it('offers every feed with its https and webcal address, marking the one of the scope', () => {
    expect(apiOpening.subscriptions).toEqual([
      {
        label: 'All products',
        path: '/calendar.ics',
        url: 'https://releases.acme.example/calendar.ics',
        webcal: 'webcal://releases.acme.example/calendar.ics',
        current: false,
      },
      {
        label: 'Acme Web',
        path: '/calendar/web.ics',
        url: 'https://releases.acme.example/calendar/web.ics',
        webcal: 'webcal://releases.acme.example/calendar/web.ics',
        current: false,
      },
      {
        label: 'Acme API',
        path: '/calendar/api.ics',
        url: 'https://releases.acme.example/calendar/api.ics',
        webcal: 'webcal://releases.acme.example/calendar/api.ics',
        current: true,
      },
    ]);
  });
});

describe('calendarName', () => {
  it('names the whole calendar and each product feed', () => {
    expect(calendarName(hub.config)).toBe('Acme Release Hub: release calendar');
    expect(calendarName(hub.config, 'web')).toBe('Acme Release Hub: Acme Web releases');
  });
});

describe('eventWhen and plannedWhen', () => {
  it('writes a window of one day with the end time only', () => {
    expect(eventWhen(event('2026-03', 'window-web-4_2_0'), 'Europe/Berlin')).toEqual({
      start: 'Tue 10 Mar 2026, 02:00',
      startIso: '2026-03-10T02:00:00+01:00',
      end: '04:00',
      endIso: '2026-03-10T04:00:00+01:00',
      separator: '–',
    });
  });

  it('writes a window across midnight with both days', () => {
    const when = eventWhen(event('2026-04', 'window-web-4_4_0'), 'Europe/Berlin');
    expect(`${when.start}${when.separator}${when.end}`).toBe('Tue 21 Apr 2026, 23:00 – Wed 22 Apr 2026, 01:00');
  });

  it('writes a whole-day freeze as its first and last day, and a one-day freeze as that day', () => {
    expect(eventWhen(event('2026-01', 'freeze-year-end-freeze-2025-2025-12-19'), 'Europe/Berlin')).toEqual({
      start: 'Fri 19 Dec 2025',
      startIso: '2025-12-19',
      end: 'Sun 4 Jan 2026',
      endIso: '2026-01-04',
      separator: ' – ',
    });
    const oneDay = makeHub({ freezes: [makeFreeze({ name: 'Launch', start: at('2026-04-18'), end: at('2026-04-19') })] });
    const [launch] = monthModel(oneDay, '2026-04', NOW).agenda;
    expect(launch && eventWhen(launch, 'Europe/Berlin')).toEqual({ start: 'Sat 18 Apr 2026', startIso: '2026-04-18', separator: ' – ' });
  });

  it('writes a timed freeze with its times', () => {
    const when = eventWhen(event('2026-04', 'freeze-data-centre-move-2026-04-18'), 'Europe/Berlin');
    expect(`${when.start}${when.separator}${when.end}`).toBe('Sat 18 Apr 2026, 08:00–20:00');
  });

  it('shows a window planned in New York in the hub zone, and in New York as planned', () => {
    const newYork = event('2026-03', 'window-api-2_1_0');
    const hubWhen = eventWhen(newYork, 'Europe/Berlin');
    expect(`${hubWhen.start}${hubWhen.separator}${hubWhen.end}`).toBe('Sun 8 Mar 2026, 07:00–09:00');
    const planned = newYork.kind === 'window' ? plannedWhen(newYork) : undefined;
    expect(planned && `${planned.start}${planned.separator}${planned.end}`).toBe('Sun 8 Mar 2026, 01:00–04:00');
  });
});

describe('entryTime', () => {
  const entry = (month: string, key: string, part: DayEntry['part']): DayEntry => ({ event: event(month, key), part });

  it('gives a window its times on one day, and from/until across days', () => {
    expect(entryTime(entry('2026-03', 'window-web-4_2_0', 'whole'), 'Europe/Berlin')).toBe('02:00–04:00');
    expect(entryTime(entry('2026-04', 'window-web-4_4_0', 'start'), 'Europe/Berlin')).toBe('from 23:00');
    expect(entryTime(entry('2026-04', 'window-web-4_4_0', 'end'), 'Europe/Berlin')).toBe('until 01:00');
    expect(entryTime(entry('2026-04', 'window-web-4_4_0', 'continues'), 'Europe/Berlin')).toBe('all day');
  });

  it('gives a whole-day freeze words for where it starts, continues and ends', () => {
    const key = 'freeze-partner-summit-2026-06-15';
    expect(['start', 'continues', 'end'].map((part) => entryTime(entry('2026-06', key, part as DayEntry['part']), 'Europe/Berlin'))).toEqual([
      'starts',
      'continues',
      'last day',
    ]);
    expect(entryTime(entry('2026-04', 'freeze-data-centre-move-2026-04-18', 'whole'), 'Europe/Berlin')).toBe('08:00–20:00');
  });
});

describe('eventLabel', () => {
  it('names windows by product and version, freezes by name, and open slots', () => {
    expect(eventLabel(event('2026-03', 'window-web-4_2_0'))).toBe('Acme Web 4.2.0');
    expect(eventLabel(event('2026-06', 'freeze-partner-summit-2026-06-15'))).toBe('Freeze: Partner Summit');
    expect(eventLabel(event('2026-03', 'slot-2026-03-24T0200'))).toBe('Open slot');
  });
});

describe('slots inside a freeze of some products, freeze notes and the legend', () => {
  // Tuesdays 02:00; an api-only freeze over Tue 7 Apr; now is 20 Mar, so every April slot is ahead.
  const partial = makeHub({
    config: hub.config,
    freezes: [makeFreeze({ name: 'API move', products: ['api'], start: at('2026-04-06'), end: at('2026-04-08') })],
  });
  const april = monthModel(partial, '2026-04', NOW);

  it('names a slot inside a freeze of some products by the products it is open for', () => {
    expect(april.agenda.map(eventLabel)).toEqual(['Freeze: API move', 'Open for Acme Web', 'Open slot', 'Open slot', 'Open slot']);
  });

  it('says what a freeze stops without "of all products", then its reason', () => {
    const yearEnd = event('2026-01', 'freeze-year-end-freeze-2025-2025-12-19');
    expect(yearEnd.kind === 'freeze' && freezeNote(yearEnd)).toBe('No releases. Holidays; only security fixes.');
    const [move] = april.agenda;
    expect(move && move.kind === 'freeze' && freezeNote(move)).toBe('No releases of Acme API.');
  });

  it('explains only the markers a month shows', () => {
    const terms = (events: CalendarEvent[]) => calendarLegend(events).map((entry) => entry.term);
    expect(terms([])).toEqual([]);
    expect(terms(april.agenda)).toEqual(['Freeze', 'Open slot', 'Open for …']);
    // December 2025: only the year-end freeze (its slots are before now).
    expect(terms(monthModel(hub, '2025-12', NOW).agenda)).toEqual(['Freeze']);
  });
});
