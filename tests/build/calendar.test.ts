/**
 * The release calendar as built: month pages, opening pages, links, markers and the `.ics` feeds
 * of the example hub in both audiences, checked against the content files (loadContentRoot) with
 * days, months and instants worked out here; and a small fixture hub (a freeze exception, a window
 * across the end of summer time) built with TZ=UTC and TZ=America/New_York, byte for byte the same.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { load, type CheerioAPI } from 'cheerio';
import ICAL from 'ical.js';
import { Temporal } from 'temporal-polyfill';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadContentRoot } from '../../src/content/load.ts';
import { NEUTRAL_FREEZE_NAME, viewForAudience } from '../../src/core/audience.ts';
import { deprecations } from '../../src/deprecations/deprecations.ts';
import { formatMonth } from '../../src/presentation/format.ts';
import type { Freeze, Hub, Release, TimeWindow } from '../../src/core/model.ts';
import { STATUS_DISPLAY } from '../../src/presentation/status.ts';
import { serveDist } from './helpers/static-server.ts';
import { projectRoot } from './helpers/run.ts';
import { builtSite, TEST_NOW_EPOCH } from './helpers/scenario.ts';

const ZONE = 'Europe/Berlin';
const SITE = 'https://releases.northwind.example';
const HOST = 'releases.northwind.example';

type Audience = 'internal' | 'public';
type Windowed = Release & { window: TimeWindow };

let content: Hub;

beforeAll(async () => {
  const { hub, problems } = await loadContentRoot(path.join(projectRoot, 'content'));
  if (!hub) throw new Error(`the example hub does not load: ${JSON.stringify(problems)}`);
  content = hub;
});

const testNow = () => Temporal.Instant.fromEpochMilliseconds(Number(TEST_NOW_EPOCH) * 1000);
const distOf = (audience: Audience) => builtSite(audience === 'internal' ? 'example-internal' : 'example-public');

/** What each audience may see, decided from the content files' own `audience` fields. */
function windowsFor(audience: Audience): Windowed[] {
  return content.releases.filter((release): release is Windowed => release.window !== undefined && (audience === 'internal' || release.audience === 'public'));
}
/** The public build shows public freezes as they are and internal ones as a neutral "Release freeze" (core/audience). */
function freezesFor(audience: Audience): Freeze[] {
  return viewForAudience(content, audience).freezes;
}
/** The trains each audience sees (public trains with public members in a public build), each an event over its window; with `product`, those with a member of it. */
function trainUids(audience: Audience, product?: string): string[] {
  const view = viewForAudience(content, audience);
  return view.trains.filter((train) => !product || train.members.some((id) => id.startsWith(`${product}/`))).map((train) => `train-${train.id}@${HOST}`);
}

/** The hub-zone days `[start, end)` covers (an end at midnight does not reach that day). */
function daysOf(span: TimeWindow): Temporal.PlainDate[] {
  const first = span.start.withTimeZone(ZONE).toPlainDate();
  const last = span.end.withTimeZone(ZONE).subtract({ nanoseconds: 1 }).toPlainDate();
  const days: Temporal.PlainDate[] = [];
  for (let day = first; Temporal.PlainDate.compare(day, last) <= 0; day = day.add({ days: 1 })) days.push(day);
  return days;
}
const monthOfDay = (day: Temporal.PlainDate) => day.toPlainYearMonth().toString();
const monthsOf = (span: TimeWindow) => [...new Set(daysOf(span).map(monthOfDay))];
const monthOf = (time: Temporal.ZonedDateTime) => time.withTimeZone(ZONE).toPlainDate().toPlainYearMonth().toString();

function monthRange(first: string, last: string): string[] {
  const months: string[] = [];
  for (
    let month = Temporal.PlainYearMonth.from(first);
    Temporal.PlainYearMonth.compare(month, Temporal.PlainYearMonth.from(last)) <= 0;
    month = month.add({ months: 1 })
  ) {
    months.push(month.toString());
  }
  return months;
}

const pages = new Map<string, CheerioAPI>();
function page(dist: string, pathname: string): CheerioAPI {
  const file = path.join(dist, pathname, 'index.html');
  let $ = pages.get(file);
  if (!$) {
    $ = load(readFileSync(file, 'utf8'));
    pages.set(file, $);
  }
  return $;
}

/** The grid cell of a day (days outside the month have no `<time>`). */
function cell($: CheerioAPI, day: Temporal.PlainDate) {
  return $(`.month-grid td:has(> .day-head time[datetime="${day.toString()}"])`);
}

/** The agenda item of a release: its id is `window-<product>-<version>` with dots as underscores (valid HTML ids). */
const agendaItem = ($: CheerioAPI, release: Release) => $(`.agenda li#window-${release.product}-${release.version.replaceAll('.', '_')}`);
const releaseHref = (release: Release) => `/releases/${release.product}/${release.version}/`;
const iso = (time: Temporal.ZonedDateTime) => time.withTimeZone(ZONE).toString({ timeZoneName: 'never', smallestUnit: 'second' });

function htmlFilesUnder(dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' }).filter((file) => file.endsWith('.html'));
}

describe.each(['internal', 'public'] as const)('the calendar pages of the %s build', (audience) => {
  const dist = () => distOf(audience);

  it('has a page for every month from the first to the last window or freeze, each linked to its neighbours', () => {
    const touched = [...windowsFor(audience).map((release) => release.window), ...freezesFor(audience)].flatMap(monthsOf).sort();
    const expected = monthRange(touched[0]!, touched.at(-1)!);
    const built = readdirSync(path.join(dist(), 'calendar'))
      .filter((name) => /^\d{4}-\d{2}$/.test(name))
      .sort();
    expect(built).toEqual(expected);
    expected.forEach((month, index) => {
      const $ = page(dist(), `calendar/${month}`);
      expect($('h1').text()).toBe(`Release calendar: ${formatMonth(month)}`);
      expect($('a[rel="prev"]').attr('href')).toBe(index > 0 ? `/calendar/${expected[index - 1]}/` : undefined);
      expect($('a[rel="next"]').attr('href')).toBe(index < expected.length - 1 ? `/calendar/${expected[index + 1]}/` : undefined);
    });
  });

  it('shows every window on each day it covers in the grid, and once with its status in the agenda', () => {
    const windows = windowsFor(audience);
    expect(windows.length).toBeGreaterThan(audience === 'internal' ? 55 : 40);
    for (const release of windows) {
      for (const day of daysOf(release.window)) {
        const $ = page(dist(), `calendar/${monthOfDay(day)}`);
        expect(cell($, day).find(`a[href="${releaseHref(release)}"]`).length, `${release.id} on ${day}`).toBe(1);
      }
      for (const month of monthsOf(release.window)) {
        const item = agendaItem(page(dist(), `calendar/${month}`), release);
        expect(item.length, `${release.id} in the agenda of ${month}`).toBe(1);
        expect(item.find(`a[href="${releaseHref(release)}"]`).length).toBe(1);
        expect(item.find('time').first().attr('datetime')).toBe(iso(release.window.start));
        expect(item.find('.badge').first().text()).toBe(STATUS_DISPLAY[release.status].label);
      }
    }
  });

  it('shows every freeze as a band over its days (the public build: internal ones without name or reason)', () => {
    const freezes = freezesFor(audience);
    expect(freezes.length).toBe(3);
    for (const freeze of freezes) {
      const days = daysOf(freeze);
      days.forEach((day, index) => {
        const band = cell(page(dist(), `calendar/${monthOfDay(day)}`), day).find('.entry-freeze');
        const part = days.length === 1 ? 'whole' : index === 0 ? 'start' : index === days.length - 1 ? 'end' : 'continues';
        expect(band.length, `${freeze.name} on ${day}`).toBe(1);
        expect(band.attr('data-part')).toBe(part);
        expect(band.text()).toContain(freeze.name);
      });
      for (const month of monthsOf(freeze)) {
        expect(page(dist(), `calendar/${month}`)('.agenda li.agenda-freeze').text()).toContain(`Freeze: ${freeze.name}`);
      }
    }
    if (audience === 'public') {
      expect(freezes.map((freeze) => freeze.name)).toEqual(['Year-end freeze 2025', NEUTRAL_FREEZE_NAME, 'Year-end freeze 2026']);
      const internal = content.freezes.filter((freeze) => freeze.audience === 'internal');
      expect(internal.map((freeze) => freeze.name)).toEqual(['Northwind Partner Summit']);
      for (const file of htmlFilesUnder(path.join(dist(), 'calendar'))) {
        const html = readFileSync(path.join(dist(), 'calendar', file), 'utf8');
        for (const freeze of internal) {
          expect(html).not.toContain(freeze.name);
          expect(html).not.toContain(freeze.reason!.slice(0, 40));
        }
      }
    }
  });

  it('never offers an "Open slot" inside a freeze, and its legend explains only the markers the page shows', () => {
    for (const freeze of freezesFor(audience)) {
      for (const day of daysOf(freeze)) {
        const $ = page(dist(), `calendar/${monthOfDay(day)}`);
        const slots = cell($, day).find('.entry-open-slot');
        if (freeze.products.length === 0) expect(slots.length, `${freeze.name} on ${day}`).toBe(0);
        else slots.each((_, slot) => void expect($(slot).text()).not.toMatch(/Open\s*slot/));
      }
    }
    for (const file of htmlFilesUnder(path.join(dist(), 'calendar'))) {
      const $ = load(readFileSync(path.join(dist(), 'calendar', file), 'utf8'));
      const terms = $('.legend dt')
        .map((_, term) => $(term).text())
        .get();
      const shows = (selector: string) => $(selector).length > 0;
      expect(terms.includes('Freeze'), file).toBe(shows('.agenda-freeze'));
      expect(terms.includes('Open slot'), file).toBe(shows('.entry-open-slot') && /Open\s*slot/.test($('.month-grid .entry-open-slot').text()));
      expect(terms.includes('Off-cadence'), file).toBe(shows('.agenda .badge:contains("Off-cadence")'));
      expect(terms.includes('Freeze exception'), file).toBe(shows('.agenda .badge:contains("Freeze exception")'));
    }
  });

  it('opens /calendar/ (and each product’s calendar) on the month of the next window after now', () => {
    const nextMonth = (product?: string) =>
      monthOf(
        windowsFor(audience)
          .filter((release) => release.status !== 'cancelled' && (!product || release.product === product))
          .map((release) => release.window.start)
          .filter((start) => Temporal.Instant.compare(start.toInstant(), testNow()) >= 0)
          .sort(Temporal.ZonedDateTime.compare)[0]!,
      );
    expect(nextMonth()).toBe('2026-12');
    for (const product of [undefined, 'web', 'api']) {
      const scope = product ? `calendar/${product}` : 'calendar';
      const opening = page(dist(), scope);
      const month = page(dist(), `${scope}/${nextMonth(product)}`);
      expect(opening('h1').text()).toBe(month('h1').text());
      expect(opening('link[rel="canonical"]').attr('href')).toBe(`${SITE}/${scope}/${nextMonth(product)}/`);
      expect(opening('.month-grid').html()).toBe(month('.month-grid').html());
      expect(opening('.agenda').html()).toBe(month('.agenda').html());
    }
  });

  it('links release windows to release pages that exist, and to no other release', () => {
    const linked = new Set<string>();
    const launches = new Set<string>();
    for (const file of htmlFilesUnder(path.join(dist(), 'calendar'))) {
      const $ = load(readFileSync(path.join(dist(), 'calendar', file), 'utf8'));
      $('.month-grid .entry-window a[href^="/releases/"], .agenda .agenda-window a[href^="/releases/"]').each((_, link) => {
        linked.add($(link).attr('href')!);
      });
      $('.month-grid .entry-launch a, .agenda .agenda-launch a').each((_, link) => {
        launches.add($(link).attr('href')!);
      });
    }
    expect([...linked].sort()).toEqual(windowsFor(audience).map(releaseHref).sort());
    // Launch days (go-to-market, internal only) link to the plan on the release page.
    expect([...launches].every((href) => /^\/releases\/[^#]+\/#gtm$/.test(href))).toBe(true);
    expect(launches.size > 0).toBe(audience === 'internal');
    for (const href of linked) expect(existsSync(path.join(dist(), href, 'index.html')), href).toBe(true);
  });

  it('marks exactly the windows that do not start on the cadence (Tuesday 02:00 Europe/Berlin) as off-cadence', () => {
    const offCadence = windowsFor(audience).filter((release) => {
      const start = release.window.start.withTimeZone(ZONE);
      return !(start.dayOfWeek === 2 && start.hour === 2 && start.minute === 0);
    });
    expect(offCadence.map((release) => release.id)).toEqual(expect.arrayContaining(['web/3.17.1', 'web/3.8.1']));
    for (const release of windowsFor(audience)) {
      const $ = page(dist(), `calendar/${monthOf(release.window.start)}`);
      const badges = agendaItem($, release)
        .find('.badge')
        .map((_, badge) => $(badge).text())
        .get();
      expect(badges.includes('Off-cadence'), release.id).toBe(offCadence.includes(release));
    }
  });

  it('has per-product month pages with that product’s windows only', () => {
    const months = readdirSync(path.join(dist(), 'calendar')).filter((name) => /^\d{4}-\d{2}$/.test(name));
    for (const product of content.config.products) {
      for (const month of months) {
        const $ = page(dist(), `calendar/${product.id}/${month}`);
        expect($('h1').text()).toBe(`${product.name} releases: ${formatMonth(month)}`);
        const hrefs = $('.agenda .agenda-window a[href^="/releases/"]')
          .map((_, link) => $(link).attr('href'))
          .get();
        const expected = windowsFor(audience).filter((release) => release.product === product.id && monthsOf(release.window).includes(month));
        expect(hrefs.sort()).toEqual(expected.map(releaseHref).sort());
      }
    }
  });

  it('shows the sunset of api 2.2.0 (HMAC-SHA1 signatures, removal day 2027-01-31) on that day of January 2027, linked to the timeline', () => {
    const href = '/changelog/api/sunsets/#deprecated-2-2-0-2';
    for (const scope of ['', 'api/']) {
      const $ = page(dist(), `calendar/${scope}2027-01`);
      const sunsets = $('.month-grid .entry-sunset');
      expect(sunsets.length, scope).toBe(1);
      expect(sunsets.closest('td').find('.day-head time').attr('datetime')).toBe('2027-01-31');
      expect(sunsets.find('a').attr('href')).toBe(href);
      // Words, not only a colour: "Sunset: Northwind API", and the deprecated feature for screen readers.
      expect(sunsets.find('a .wide').text()).toBe(': Northwind API');
      expect(sunsets.find('a .visually-hidden').text()).toBe(': HMAC-SHA1 signatures (X-Northwind-Signature) are deprecated and will stop on 2027-01-31');
      expect(sunsets.find('.entry-time').text()).toBe('removal day');
      const item = $('.agenda li#sunset-api-2-2-0-2');
      expect(item.find('time').attr('datetime')).toBe('2027-01-31');
      expect(item.find('a').attr('href')).toBe(href);
      expect(item.find('.note').last().text()).toBe('The removal day of a deprecation in Northwind API 2.2.0.');
      expect($('.legend dt:contains("Sunset")').length).toBe(1);
    }
    expect(page(dist(), 'calendar/web/2027-01')('.entry-sunset, .agenda-sunset').length).toBe(0);
    // The timeline entry the sunset links to exists.
    expect(page(dist(), 'changelog/api/sunsets')('#deprecated-2-2-0-2').length).toBe(1);
    // The example hub's only removal day (the ICS's only sunset), on no other page.
    const months = new Set<string>();
    for (const file of htmlFilesUnder(path.join(dist(), 'calendar'))) {
      if (load(readFileSync(path.join(dist(), 'calendar', file), 'utf8'))('.entry-sunset').length > 0) months.add(path.dirname(file));
    }
    expect([...months].sort()).toEqual(['2027-01', 'api/2027-01']);
  });

  it('adds no JavaScript of its own: the only scripts are the layout’s, in the head and the site header', () => {
    const files = htmlFilesUnder(path.join(dist(), 'calendar'));
    expect(files.length).toBeGreaterThan(60);
    for (const file of files) {
      const $ = load(readFileSync(path.join(dist(), 'calendar', file), 'utf8'));
      expect($('script').filter((_, script) => $(script).closest('head, header.site-header').length === 0).length, file).toBe(0);
    }
  });
});

describe('the example hub’s calendar markers', () => {
  it('shows the freeze exception of a release inside a freeze, with the freeze and the reason', () => {
    const release = content.releases.find((candidate) => candidate.id === 'api/2.2.1')!;
    const $ = page(distOf('internal'), 'calendar/2026-06');
    const item = agendaItem($, release);
    expect(
      item
        .find('.badge')
        .map((_, badge) => $(badge).text())
        .get(),
    ).toEqual(['Released', 'Freeze exception']);
    expect(item.text()).toContain(`Freeze exception during Northwind Partner Summit: ${release.freezeException}`);
  });
});

/** An `.ics` file parsed with ical.js, and its raw text. */
function readIcs(dist: string, file: string) {
  const text = readFileSync(path.join(dist, file), 'utf8');
  const calendar = new ICAL.Component(ICAL.parse(text));
  const events = calendar.getAllSubcomponents('vevent').map((vevent) => new ICAL.Event(vevent));
  return { text, calendar, events };
}

const utcMillis = (time: ICAL.Time) => time.toUnixTime() * 1000;
const releaseUid = (release: Release) => `release-${release.product}-${release.version}@${HOST}`;
/** The removal days of the example hub's deprecations (issue 20): one all-day sunset each, in both builds. */
const sunsetUids = (product?: string) =>
  content.config.products
    .filter((candidate) => !product || candidate.id === product)
    .flatMap((candidate) => deprecations(content, candidate.id, testNow()).filter((deprecation) => deprecation.removal?.date))
    .map(({ release, index }) => `sunset-${release.product}-${release.version}-${index}@${HOST}`);
const freezeUid = (freeze: Freeze) =>
  `freeze-${freeze.name.toLowerCase().replace(/[^a-z0-9]+/g, '-')}-${freeze.start.withTimeZone(ZONE).toPlainDate()}@${HOST}`;
const EXPECTED_STATUS: Record<Release['status'], string> = {
  planned: 'TENTATIVE',
  scheduled: 'CONFIRMED',
  'in-progress': 'CONFIRMED',
  released: 'CONFIRMED',
  'rolled-back': 'CONFIRMED',
  cancelled: 'CANCELLED',
};

describe.each(['internal', 'public'] as const)('the .ics feeds of the %s build', (audience) => {
  const dist = () => distOf(audience);

  it('hold one event per window, per freeze and per train, with UIDs derived from product and version', () => {
    const { events } = readIcs(dist(), 'calendar.ics');
    const expected = [...windowsFor(audience).map(releaseUid), ...freezesFor(audience).map(freezeUid), ...sunsetUids(), ...trainUids(audience)];
    expect(sunsetUids()).toEqual(['sunset-api-2.2.0-2@releases.northwind.example']);
    expect(trainUids(audience)).toEqual(
      audience === 'internal'
        ? ['train-december-launch@releases.northwind.example', 'train-platform-maintenance@releases.northwind.example']
        : ['train-december-launch@releases.northwind.example'],
    );
    expect(events.map((event) => event.uid).sort()).toEqual(expected.sort());
    if (audience === 'public') {
      // Freezes are in the public feed as on the public calendar: internal ones without name or reason.
      expect(expected.filter((uid) => uid.startsWith('freeze-release-freeze-'))).toHaveLength(1);
      const internal = content.releases.filter((release) => release.audience === 'internal' && release.window);
      expect(internal.length).toBeGreaterThan(5);
      const { text } = readIcs(dist(), 'calendar.ics');
      for (const release of internal) expect(text).not.toContain(releaseUid(release));
      for (const freeze of content.freezes.filter((candidate) => candidate.audience === 'internal')) expect(text).not.toContain(freeze.name);
    }
  });

  it('put every window at its instant (read back in UTC), with its status, SEQUENCE, URL and DTSTAMP', () => {
    const { events } = readIcs(dist(), 'calendar.ics');
    const byUid = new Map(events.map((event) => [event.uid, event]));
    const rescheduled = windowsFor(audience).filter((release) => release.rescheduled > 0);
    expect(rescheduled.map((release) => release.id)).toContain('web/4.9.0');
    const statuses = new Set<string>();
    for (const release of windowsFor(audience)) {
      const event = byUid.get(releaseUid(release))!;
      expect(utcMillis(event.startDate), release.id).toBe(release.window.start.epochMilliseconds);
      expect(utcMillis(event.endDate), release.id).toBe(release.window.end.epochMilliseconds);
      expect(event.component.getFirstProperty('dtstart')?.getParameter('tzid')).toBe(release.timezone);
      const status = String(event.component.getFirstPropertyValue('status'));
      expect(status, release.id).toBe(EXPECTED_STATUS[release.status]);
      statuses.add(status);
      expect(event.sequence, release.id).toBe(release.rescheduled);
      expect(String(event.component.getFirstPropertyValue('url'))).toBe(`${SITE}${releaseHref(release)}`);
      expect(String(event.component.getFirstPropertyValue('dtstamp'))).toBe('2026-11-26T09:00:00Z');
    }
    expect([...statuses].sort()).toEqual(['CANCELLED', 'CONFIRMED', 'TENTATIVE']);
  });

  it('write whole-day freezes as all-day dates (last day inclusive)', () => {
    const { events } = readIcs(dist(), 'calendar.ics');
    for (const freeze of freezesFor(audience)) {
      const event = events.find((candidate) => candidate.uid === freezeUid(freeze))!;
      expect(event.startDate.isDate).toBe(true);
      expect(event.startDate.toString()).toBe(freeze.start.withTimeZone(ZONE).toPlainDate().toString());
      expect(event.endDate.toString()).toBe(freeze.end.withTimeZone(ZONE).toPlainDate().toString());
    }
  });

  it('have a VTIMEZONE for every TZID, CRLF line ends and lines of at most 75 octets', () => {
    for (const product of [undefined, 'web', 'api']) {
      const file = product ? `calendar/${product}.ics` : 'calendar.ics';
      const { text, calendar } = readIcs(dist(), file);
      const zones = windowsFor(audience)
        .filter((release) => !product || release.product === product)
        .map((release) => release.timezone);
      const tzids = new Set([...text.matchAll(/;TZID=([^:;]+)/g)].map((match) => match[1]));
      expect([...tzids].sort(), file).toEqual([...new Set(zones)].sort());
      const declared = calendar.getAllSubcomponents('vtimezone').map((zone) => String(zone.getFirstPropertyValue('tzid')));
      expect(declared.sort(), file).toEqual([...tzids].sort());
      expect(text.endsWith('END:VCALENDAR\r\n')).toBe(true);
      expect(text.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
      for (const line of text.slice(0, -2).split('\r\n')) expect(Buffer.byteLength(line, 'utf8'), line).toBeLessThanOrEqual(75);
    }
  });

  it('give each product a feed of its windows and of the freezes that apply to it', () => {
    for (const product of content.config.products) {
      const { events, text } = readIcs(dist(), `calendar/${product.id}.ics`);
      const windows = windowsFor(audience).filter((release) => release.product === product.id);
      const freezes = freezesFor(audience).filter((freeze) => freeze.products.length === 0 || freeze.products.includes(product.id));
      expect(events.map((event) => event.uid).sort()).toEqual(
        [...windows.map(releaseUid), ...freezes.map(freezeUid), ...sunsetUids(product.id), ...trainUids(audience, product.id)].sort(),
      );
      expect(text).toContain(`NAME:Northwind Release Hub: ${product.name} releases`);
    }
  });

  it('are served as text/calendar by a static host', async () => {
    const site = await serveDist(dist());
    try {
      for (const file of ['/calendar.ics', '/calendar/web.ics']) {
        const response = await fetch(`${site.url}${file}`);
        expect(response.status).toBe(200);
        expect(response.headers.get('content-type')).toMatch(/^text\/calendar/);
      }
    } finally {
      await site.close();
    }
  });
});

describe('a hub with a freeze exception and a window across the end of summer time', () => {
  let built: Record<string, string>;

  beforeAll(() => {
    built = { UTC: builtSite('overlays'), 'America/New_York': builtSite('overlays-new-york') };
  });

  it('builds byte-identical calendar pages and feeds with TZ=UTC and TZ=America/New_York', () => {
    const files = [
      'calendar.ics',
      ...readdirSync(path.join(built.UTC!, 'calendar'), { recursive: true, encoding: 'utf8' }).map((file) => `calendar/${file}`),
    ].filter((file) => /\.(html|ics)$/.test(file));
    expect(files.length).toBeGreaterThan(20);
    for (const file of files) {
      expect(readFileSync(path.join(built['America/New_York']!, file), 'utf8'), file).toBe(readFileSync(path.join(built.UTC!, file), 'utf8'));
    }
  });

  it('shows a release inside a freeze with freezeException as a freeze exception, with its reason', () => {
    const $ = page(built.UTC!, 'calendar/2026-12');
    const day = cell($, Temporal.PlainDate.from('2026-12-22'));
    expect(day.find('a[href="/releases/web/1.1.0/"]').length).toBe(1);
    expect(
      day
        .find('.entry-window .badge')
        .map((_, badge) => $(badge).text())
        .get(),
    ).toEqual(['Scheduled', 'Freeze exception']);
    expect(day.find('.entry-freeze').text()).toContain('Year-end freeze');
    expect($('.agenda li#window-web-1_1_0').text()).toContain(
      'Freeze exception during Year-end freeze: Security fix for CVE-2026-9999 cannot wait until January',
    );
  });

  it('puts a window across the DST change at its real instants in the feed, with its SEQUENCE', () => {
    const { events, text } = readIcs(built.UTC!, 'calendar.ics');
    const drill = events.find((event) => event.uid === 'release-api-0.2.0@hub.example')!;
    // 01:00 CEST (UTC+2) to 04:00 CET (UTC+1): four hours, not three.
    expect(new Date(utcMillis(drill.startDate)).toISOString()).toBe('2026-10-24T23:00:00.000Z');
    expect(new Date(utcMillis(drill.endDate)).toISOString()).toBe('2026-10-25T03:00:00.000Z');
    expect(text).toContain('DTSTART;TZID=Europe/Berlin:20261025T010000\r\n');
    expect(text).toContain('DTEND;TZID=Europe/Berlin:20261025T040000\r\n');
    expect(drill.sequence).toBe(2);
    expect(String(drill.component.getFirstPropertyValue('status'))).toBe('CONFIRMED');
  });

  it('shows that window in local times on its month page, marked off-cadence (a Sunday)', () => {
    const $ = page(built.UTC!, 'calendar/2026-10');
    const item = $('.agenda li#window-api-0_2_0');
    expect(item.find('.agenda-when').text()).toBe('Sun 25 Oct 2026, 01:00–04:00');
    expect(
      item
        .find('.agenda-when time')
        .map((_, time) => $(time).attr('datetime'))
        .get(),
    ).toEqual(['2026-10-25T01:00:00+02:00', '2026-10-25T04:00:00+01:00']);
    expect(item.text()).toContain('Off-cadence');
  });
});
