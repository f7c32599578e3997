import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import ICAL from 'ical.js';
import { Temporal } from 'temporal-polyfill';
import { describe, expect, it } from 'vitest';
import { buildIcs, type IcsOptions } from '../../src/calendar/ics.ts';
import type { Hub } from '../../src/core/model.ts';
import { at, makeHub, makeRelease, makeSampleCalendarHub, windowOf } from './helpers/hub-factory.ts';

const REPO = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const NOW = '2026-03-01T09:30:00Z';
const OPTIONS: IcsOptions = {
  now: Temporal.Instant.from(NOW),
  siteUrl: 'https://releases.acme.example/',
  calendarName: 'Acme releases',
};

const hub = makeSampleCalendarHub();
const text = buildIcs(hub, OPTIONS);
const calendar = new ICAL.Component(ICAL.parse(text));
const events = calendar.getAllSubcomponents('vevent').map((vevent) => new ICAL.Event(vevent));

function eventByUid(uid: string): ICAL.Event {
  const event = events.find((candidate) => candidate.uid === uid);
  if (!event) throw new Error(`no VEVENT ${uid}`);
  return event;
}

function utc(time: ICAL.Time): string {
  return Temporal.Instant.fromEpochMilliseconds(time.toUnixTime() * 1000).toString();
}

function property(uid: string, name: string): unknown {
  return eventByUid(uid).component.getFirstPropertyValue(name);
}

const releaseUid = (id: string) => `release-${id.replace('/', '-')}@releases.acme.example`;

/** The ICS of a hub, generated in a child process with the given TZ. */
function icsInChildProcess(tz: string): string {
  const script = [
    "import { Temporal } from 'temporal-polyfill';",
    "import { buildIcs } from './src/calendar/ics.ts';",
    "import { makeSampleCalendarHub } from './tests/unit/helpers/hub-factory.ts';",
    `const options = { now: Temporal.Instant.from('${NOW}'), siteUrl: '${OPTIONS.siteUrl}', calendarName: '${OPTIONS.calendarName}' };`,
    'process.stdout.write(buildIcs(makeSampleCalendarHub(), options));',
  ].join('\n');
  const child = spawnSync(path.join(REPO, 'node_modules/.bin/tsx'), ['-e', script], {
    cwd: REPO,
    env: { ...process.env, TZ: tz },
    encoding: 'utf8',
  });
  if (child.status !== 0) throw new Error(`tsx failed with TZ=${tz}: ${child.stderr}`);
  return child.stdout;
}

describe('buildIcs: events', () => {
  it('writes one VEVENT per release window and one per freeze, with stable UIDs', () => {
    expect(events.map((event) => event.uid).sort()).toEqual(
      [
        ...hub.releases.filter((release) => release.window).map((release) => releaseUid(release.id)),
        'freeze-year-end-freeze-2025-2025-12-19@releases.acme.example',
        'freeze-data-centre-move-2026-04-18@releases.acme.example',
        'freeze-partner-summit-2026-06-15@releases.acme.example',
      ].sort(),
    );
    const later = buildIcs(hub, { ...OPTIONS, now: Temporal.Instant.from('2026-09-01T00:00:00Z') });
    expect(later.replace(/DTSTAMP:\w+/g, '')).toBe(text.replace(/DTSTAMP:\w+/g, ''));
  });

  it('puts every window at its exact instant (read back in UTC)', () => {
    for (const release of hub.releases) {
      if (!release.window) continue;
      const event = eventByUid(releaseUid(release.id));
      expect(utc(event.startDate)).toBe(release.window.start.toInstant().toString());
      expect(utc(event.endDate)).toBe(release.window.end.toInstant().toString());
    }
  });

  it('keeps local times and zones across DST changes in Berlin and New York', () => {
    const berlin = eventByUid(releaseUid('api/2.0.0'));
    expect([utc(berlin.startDate), utc(berlin.endDate)]).toEqual(['2026-03-29T00:00:00Z', '2026-03-29T02:00:00Z']);
    const newYork = eventByUid(releaseUid('api/2.1.0'));
    expect([utc(newYork.startDate), utc(newYork.endDate)]).toEqual(['2026-03-08T06:00:00Z', '2026-03-08T08:00:00Z']);
    expect(newYork.startDate.zone?.tzid).toBe('America/New_York');
    expect(text).toContain('DTSTART;TZID=America/New_York:20260308T010000\r\n');
    expect(utc(eventByUid(releaseUid('web/4.2.1')).startDate)).toBe('2026-03-31T00:00:00Z');
  });

  it('maps release statuses to STATUS', () => {
    const statuses = Object.fromEntries(
      hub.releases.filter((release) => release.window).map((release) => [release.status, property(releaseUid(release.id), 'status')]),
    );
    expect(statuses).toEqual({
      'rolled-back': 'CONFIRMED',
      scheduled: 'CONFIRMED',
      planned: 'TENTATIVE',
      cancelled: 'CANCELLED',
      released: 'CONFIRMED',
      'in-progress': 'CONFIRMED',
    });
  });

  it('uses the reschedule count as SEQUENCE and the build time as DTSTAMP', () => {
    expect(eventByUid(releaseUid('web/4.2.0')).sequence).toBe(2);
    expect(eventByUid(releaseUid('web/4.2.1')).sequence).toBe(0);
    const stamps = calendar.getAllSubcomponents('vevent').map((vevent) => vevent.getFirstProperty('dtstamp')?.toICALString());
    expect(new Set(stamps)).toEqual(new Set(['DTSTAMP:20260301T093000Z']));
  });

  it('writes SUMMARY, a plain-text DESCRIPTION and the absolute release URL', () => {
    const uid = releaseUid('web/4.2.0');
    expect(eventByUid(uid).summary).toBe('Acme Web 4.2.0 — Smarter exports');
    expect(eventByUid(uid).description).toBe(
      [
        'Status: Scheduled',
        'Window: 2026-03-10 02:00–04:00 Europe/Berlin',
        '',
        'Changes:',
        '- Added: CSV export keeps column order (docs) (breaking)',
        '- Fixed: Quotes in CSV cells are escaped, even in very long cells that span many lines of output',
        '',
        'Release notes: https://releases.acme.example/releases/web/4.2.0/',
      ].join('\n'),
    );
    expect(property(uid, 'url')).toBe('https://releases.acme.example/releases/web/4.2.0/');
    expect(eventByUid(releaseUid('api/2.2.0')).description).toContain('Freeze exception: Security fix that cannot wait');
  });

  it('writes a whole-day freeze as all-day dates and a timed freeze in the hub zone, not busy', () => {
    const yearEnd = eventByUid('freeze-year-end-freeze-2025-2025-12-19@releases.acme.example');
    expect(yearEnd.startDate.isDate).toBe(true);
    expect([yearEnd.startDate.toString(), yearEnd.endDate.toString()]).toEqual(['2025-12-19', '2026-01-05']);
    expect(yearEnd.summary).toBe('Freeze: Year-end freeze 2025');
    expect(yearEnd.description).toBe('Freeze: 2025-12-19–2026-01-04 Europe/Berlin\nApplies to: all products\n\nHolidays; only security fixes.');
    const move = eventByUid('freeze-data-centre-move-2026-04-18@releases.acme.example');
    expect(move.summary).toBe('Freeze: Data-centre move (Acme Web)');
    expect([utc(move.startDate), utc(move.endDate)]).toEqual(['2026-04-18T06:00:00Z', '2026-04-18T18:00:00Z']);
    expect(move.component.getFirstPropertyValue('transp')).toBe('TRANSPARENT');
  });

  it('limits a product calendar to its releases and the freezes that apply to it', () => {
    const api = new ICAL.Component(ICAL.parse(buildIcs(hub, { ...OPTIONS, product: 'api' })));
    const uids = api.getAllSubcomponents('vevent').map((vevent) => String(vevent.getFirstPropertyValue('uid')));
    expect(uids.filter((uid) => uid.startsWith('release-'))).toEqual(['api/1.9.0', 'api/2.1.0', 'api/2.0.0', 'api/2.2.0'].map(releaseUid));
    expect(uids.filter((uid) => uid.startsWith('freeze-'))).toEqual([
      'freeze-year-end-freeze-2025-2025-12-19@releases.acme.example',
      'freeze-partner-summit-2026-06-15@releases.acme.example',
    ]);
  });

  it('uses the canonical TZID of a linked zone name, with its VTIMEZONE', () => {
    const linked: Hub = makeHub({
      releases: [makeRelease({ timezone: 'US/Eastern', window: windowOf('2026-07-01T10:00', '2026-07-01T11:00', 'US/Eastern') })],
    });
    const ics = buildIcs(linked, OPTIONS);
    const [event] = new ICAL.Component(ICAL.parse(ics)).getAllSubcomponents('vevent').map((vevent) => new ICAL.Event(vevent));
    expect(ics).toContain('DTSTART;TZID=America/New_York:20260701T100000\r\n');
    expect(event && utc(event.startDate)).toBe('2026-07-01T14:00:00Z');
  });
});

describe('buildIcs: calendar and format', () => {
  it('names the calendar (RFC 7986 and X-WR) and asks clients to refresh every 6 hours', () => {
    const lines = text.split('\r\n');
    expect(lines.slice(0, 3)).toEqual(['BEGIN:VCALENDAR', 'VERSION:2.0', 'PRODID:-//Release Hub//EN']);
    expect(lines).toEqual(
      expect.arrayContaining(['NAME:Acme releases', 'X-WR-CALNAME:Acme releases', 'REFRESH-INTERVAL;VALUE=DURATION:PT6H', 'X-PUBLISHED-TTL:PT6H']),
    );
    expect(buildIcs(hub, { ...OPTIONS, calendarName: 'Acme, all; releases' })).toContain('NAME:Acme\\, all\\; releases\r\n');
  });

  it('has a VTIMEZONE for every TZID it uses', () => {
    const used = new Set([...text.matchAll(/;TZID=([^:;]+)/g)].map((match) => match[1]));
    const defined = new Set(calendar.getAllSubcomponents('vtimezone').map((zone) => zone.getFirstPropertyValue('tzid')));
    expect(used).toEqual(new Set(['Europe/Berlin', 'America/New_York']));
    expect(defined).toEqual(used);
  });

  it('ends every line with CRLF and folds lines at 75 octets', () => {
    expect(text.endsWith('END:VCALENDAR\r\n')).toBe(true);
    const lines = text.slice(0, -2).split('\r\n');
    expect(lines.filter((line) => /[\r\n]/.test(line))).toEqual([]);
    expect(lines.filter((line) => Buffer.byteLength(line, 'utf8') > 75)).toEqual([]);
    expect(lines.some((line) => line.startsWith(' '))).toBe(true);
  });

  it('is byte-identical whatever the process time zone (child processes with TZ=UTC and TZ=America/New_York)', () => {
    const inUtc = icsInChildProcess('UTC');
    expect(icsInChildProcess('America/New_York')).toBe(inUtc);
    expect(inUtc).toBe(text);
  });
});

describe('buildIcs: a window in the hour the clocks fall back (issue 17)', () => {
  // 2026-10-25 in Berlin: 02:00–03:00 happens twice. 02:30 written without an offset is the first one (+02:00).
  const fallBack = makeHub({
    releases: [
      makeRelease({ version: '9.0.0', window: { start: at('2026-10-25T02:30+02:00'), end: at('2026-10-25T04:00') } }),
      makeRelease({ version: '9.1.0', window: windowOf('2026-10-25T00:30', '2026-10-25T01:45') }),
    ],
  });
  const ics = buildIcs(fallBack, OPTIONS);

  it('writes times that fall in the repeated hour in UTC, and others with their TZID', () => {
    expect(ics).toContain('DTSTART:20261025T003000Z\r\n');
    expect(ics).toContain('DTEND:20261025T030000Z\r\n');
    expect(ics).toContain('DTSTART;TZID=Europe/Berlin:20261025T003000\r\n');
  });

  it('is read as the same instants by two different parsers (ical.js and node-ical)', async () => {
    const starts = new ICAL.Component(ICAL.parse(ics))
      .getAllSubcomponents('vevent')
      .map((vevent) => new ICAL.Event(vevent))
      .map((event) => [event.uid, utc(event.startDate), utc(event.endDate)]);
    const { default: nodeIcal } = await import('node-ical');
    const parsed = Object.values(nodeIcal.sync.parseICS(ics)).filter((entry) => entry?.type === 'VEVENT') as { uid: string; start: Date; end: Date }[];
    const fromNodeIcal = parsed.map((event) => [
      event.uid,
      Temporal.Instant.fromEpochMilliseconds(event.start.getTime()).toString(),
      Temporal.Instant.fromEpochMilliseconds(event.end.getTime()).toString(),
    ]);
    const expected = [
      ['release-web-9.0.0@releases.acme.example', '2026-10-25T00:30:00Z', '2026-10-25T03:00:00Z'],
      ['release-web-9.1.0@releases.acme.example', '2026-10-24T22:30:00Z', '2026-10-24T23:45:00Z'],
    ];
    expect(starts.sort()).toEqual(expected);
    expect(fromNodeIcal.sort()).toEqual(expected);
  });
});
