/** Deprecations and sunsets (src/deprecations/deprecations.ts), worked out by hand; and their removal days in the ICS and on the calendar's month grid. */
import { Temporal } from 'temporal-polyfill';
import { describe, expect, it } from 'vitest';
import { buildIcs } from '../../src/calendar/ics.ts';
import { monthModel, type MonthModel, type SunsetEvent } from '../../src/calendar/month.ts';
import { calendarLegend, entryTime, eventLabel, eventWhen, sunsetNote } from '../../src/calendar/view.ts';
import { deprecations, deprecationsRemovedBy, overdueRemovals } from '../../src/deprecations/deprecations.ts';
import { hubAttention } from '../../src/process/attention.ts';
import { releasesDocument } from '../../src/releases/releases.ts';
import { at, makeChange, makeHub, makeRelease, makeShippedRelease } from './helpers/hub-factory.ts';

const NOW = Temporal.Instant.from('2026-11-26T09:00:00Z');
const change = makeChange;
const shipped = makeShippedRelease;

const hub = makeHub({
  releases: [
    shipped('1.1.0', '2026-02-03', [
      change('added', 'Bulk edit'),
      change('deprecated', 'The v1 export', { removal: { version: '2.0.0' } }),
      change('deprecated', 'The old theme', { removal: { date: at('2026-10-01') } }),
    ]),
    shipped('1.2.0', '2026-03-03', [
      change('deprecated', 'SMS sign-in', { removal: { version: '3.0.0', date: at('2027-01-31') } }),
      change('deprecated', 'Internal flag', { audience: 'internal', removal: { version: '2.0.0' } }),
      change('deprecated', 'Someday'),
    ]),
    shipped('2.0.0', '2026-06-02', [change('removed', 'The v1 export is gone', { breaking: true })]),
    // Scheduled: its deprecation is not announced to customers yet.
    makeRelease({
      version: '2.1.0',
      status: 'scheduled',
      audience: 'public',
      changes: [change('deprecated', 'Not yet', { removal: { date: at('2027-03-01') } })],
    }),
  ],
});

describe('the deprecation timeline', () => {
  it('lists public deprecations of shipped releases in the order they go, with the release that removed each', () => {
    expect(deprecations(hub, 'web', NOW).map((item) => [item.change.summary, item.status, item.removedIn?.version ?? null, item.anchor])).toEqual([
      ['The old theme', 'overdue', null, 'deprecated-1-1-0-2'],
      ['SMS sign-in', 'announced', null, 'deprecated-1-2-0-0'],
      ['The v1 export', 'removed', '2.0.0', 'deprecated-1-1-0-1'],
      ['Someday', 'announced', null, 'deprecated-1-2-0-2'],
    ]);
  });

  it('links a removal back to what it ends, and lists a removal day that passed as attention', () => {
    const remover = hub.releases.find((release) => release.version === '2.0.0')!;
    expect(deprecationsRemovedBy(hub, remover, NOW).map((item) => item.change.summary)).toEqual(['The v1 export']);
    expect(overdueRemovals(hub, NOW)).toEqual([
      {
        release: 'web/1.1.0',
        index: 2,
        file: 'releases/web/1.1.0.mdx',
        field: 'changes[2].removal.date',
        message: '2026-10-01 has passed and no released web release removes this deprecation',
        fix: 'ship the removal (a removed change in the release of removal.version), or move the date',
      },
    ]);
    expect(hubAttention(hub, NOW).filter((item) => item.kind === 'removal-overdue')).toEqual([
      {
        kind: 'removal-overdue',
        message: 'Removal overdue: 2026-10-01 has passed and no released web release removes this deprecation.',
        subject: { type: 'release', id: 'web/1.1.0' },
        file: 'releases/web/1.1.0.mdx',
        path: ['changes', 2, 'removal', 'date'],
        fix: 'ship the removal (a removed change in the release of removal.version), or move the date',
      },
    ]);
    // Before the day, nothing is overdue.
    expect(overdueRemovals(hub, Temporal.Instant.from('2026-09-30T00:00:00Z'))).toEqual([]);
  });

  it('writes each removal into /api/releases.json', () => {
    const removals = releasesDocument(hub, 'internal', String)
      .releases.flatMap((release) => release.changes)
      .flatMap((item) => (item.removal ? [[item.summary, item.removal]] : []));
    expect(removals).toEqual([
      ['Not yet', { version: null, date: '2027-03-01' }],
      ['SMS sign-in', { version: '3.0.0', date: '2027-01-31' }],
      ['Internal flag', { version: '2.0.0', date: null }],
      ['The v1 export', { version: '2.0.0', date: null }],
      ['The old theme', { version: null, date: '2026-10-01' }],
    ]);
  });

  it('puts each removal day in the ICS as an all-day sunset, linked to the timeline', () => {
    const ics = buildIcs(hub, { now: NOW, siteUrl: 'https://releases.acme.example', calendarName: 'Acme' }).replace(/\r\n /g, '');
    const sunsets = ics.split('BEGIN:VEVENT').filter((event) => event.includes('UID:sunset-'));
    expect(sunsets.map((event) => /UID:(\S+)/.exec(event)![1])).toEqual([
      'sunset-web-1.1.0-2@releases.acme.example',
      'sunset-web-1.2.0-0@releases.acme.example',
    ]);
    expect(sunsets[1]).toContain('DTSTART;VALUE=DATE:20270131');
    expect(sunsets[1]).toContain('DTEND;VALUE=DATE:20270201');
    expect(sunsets[1]).toContain('SUMMARY:Sunset: Acme Web: SMS sign-in');
    expect(sunsets[1]).toContain('DESCRIPTION:Deprecated in Acme Web 1.2.0: SMS sign-in\\nTo be removed in 3.0.0');
    expect(sunsets[1]).toContain('URL;VALUE=URI:https://releases.acme.example/changelog/web/sunsets/#deprecated-1-2-0-0');
  });
});

describe('sunsets on the calendar month grid', () => {
  const sunsetsOf = (model: MonthModel) => model.agenda.filter((event): event is SunsetEvent => event.kind === 'sunset');

  it('are whole days of the hub zone on the removal day, linked to the timeline entry, with the words of the ICS event', () => {
    const january = monthModel(hub, '2027-01', NOW);
    const [sunset, ...others] = sunsetsOf(january);
    expect(others).toEqual([]);
    expect(sunset).toMatchObject({
      key: 'sunset-web-1-2-0-0',
      product: 'web',
      version: '1.2.0',
      summary: 'SMS sign-in',
      removalVersion: '3.0.0',
      url: '/changelog/web/sunsets/#deprecated-1-2-0-0',
    });
    expect([sunset!.start.toString(), sunset!.end.toString()]).toEqual([
      '2027-01-31T00:00:00+01:00[Europe/Berlin]',
      '2027-02-01T00:00:00+01:00[Europe/Berlin]',
    ]);
    // The grid's last day of January holds it, and no other day does.
    const days = january.weeks.flat().filter((day) => day.entries.length > 0);
    expect(days.map((day) => [day.date.toString(), day.entries.map(({ event, part }) => [event.kind, part])])).toEqual([['2027-01-31', [['sunset', 'whole']]]]);
    expect(eventLabel(sunset!)).toBe('Sunset: Acme Web');
    expect(entryTime({ event: sunset!, part: 'whole' }, 'Europe/Berlin')).toBe('removal day');
    expect(sunsetNote(sunset!)).toBe('The removal day of a deprecation in Acme Web 1.2.0; to be removed in 3.0.0.');
    expect(eventWhen(sunset!, 'Europe/Berlin')).toEqual({ start: 'Sun 31 Jan 2027', startIso: '2027-01-31', separator: ' – ' });
    expect(calendarLegend(january.agenda).map((entry) => entry.term)).toEqual(['Sunset']);
  });

  it('are the ICS sunsets: an overdue one too, none of an unshipped release, only in their product’s view', () => {
    expect(sunsetsOf(monthModel(hub, '2026-10', NOW)).map((event) => [event.key, event.start.toPlainDate().toString()])).toEqual([
      ['sunset-web-1-1-0-2', '2026-10-01'],
    ]);
    // 2.1.0 is scheduled: its deprecation is not in the changelog, so not on the calendar.
    expect(sunsetsOf(monthModel(hub, '2027-03', NOW))).toEqual([]);
    expect(sunsetsOf(monthModel(hub, '2027-01', NOW, { product: 'api' }))).toEqual([]);
    expect(sunsetsOf(monthModel(hub, '2027-01', NOW, { product: 'web' }))).toHaveLength(1);
  });
});
