import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Temporal } from 'temporal-polyfill';
import { describe, expect, it } from 'vitest';
import { cadenceRuleProblem, describeCadence, expandCadence, isOnCadence } from '../../src/calendar/cadence.ts';
import type { Cadence } from '../../src/core/model.ts';
import { at, HUB_ZONE, windowOf } from './helpers/hub-factory.ts';

const TUESDAYS: Cadence = {
  rrule: 'FREQ=WEEKLY;BYDAY=TU',
  start: Temporal.PlainTime.from('02:00'),
  durationMinutes: 120,
};

const REPO = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

/** Slot starts of a DST-crossing expansion, computed in a child process with the given TZ. */
function slotsInChildProcess(tz: string): string {
  const script = [
    "import { Temporal } from 'temporal-polyfill';",
    "import { expandCadence } from './src/calendar/cadence.ts';",
    "const cadence = { rrule: 'FREQ=WEEKLY;BYDAY=SU,TU', start: Temporal.PlainTime.from('02:30'), durationMinutes: 60 };",
    "const slots = expandCadence(cadence, 'Europe/Berlin', Temporal.Instant.from('2026-03-20T00:00Z'), Temporal.Instant.from('2026-11-01T00:00Z'));",
    "process.stdout.write(slots.map((slot) => slot.start.toString()).join('\\n'));",
  ].join('\n');
  const child = spawnSync(path.join(REPO, 'node_modules/.bin/tsx'), ['-e', script], {
    cwd: REPO,
    env: { ...process.env, TZ: tz },
    encoding: 'utf8',
  });
  if (child.status !== 0) throw new Error(`tsx failed with TZ=${tz}: ${child.stderr}`);
  return child.stdout;
}

function instant(text: string): Temporal.Instant {
  return Temporal.Instant.from(text);
}

/** Slot starts as local ISO strings with offset, and as UTC instants. */
function describeSlots(cadence: Cadence, from: string, to: string, zone = HUB_ZONE) {
  const slots = expandCadence(cadence, zone, instant(from), instant(to));
  return {
    local: slots.map((slot) => slot.start.toString({ timeZoneName: 'never' })),
    utc: slots.map((slot) => slot.start.toInstant().toString()),
  };
}

describe('expandCadence', () => {
  it('keeps 02:00 local across the spring DST change while UTC moves from 01:00Z to 00:00Z', () => {
    const { local, utc } = describeSlots(TUESDAYS, '2026-03-16T00:00Z', '2026-04-08T00:00Z');
    expect(local).toEqual(['2026-03-17T02:00:00+01:00', '2026-03-24T02:00:00+01:00', '2026-03-31T02:00:00+02:00', '2026-04-07T02:00:00+02:00']);
    expect(utc).toEqual(['2026-03-17T01:00:00Z', '2026-03-24T01:00:00Z', '2026-03-31T00:00:00Z', '2026-04-07T00:00:00Z']);
  });

  it('keeps 02:00 local across the autumn DST change (00:00Z back to 01:00Z)', () => {
    const { utc } = describeSlots(TUESDAYS, '2026-10-19T00:00Z', '2026-10-28T00:00Z');
    expect(utc).toEqual(['2026-10-20T00:00:00Z', '2026-10-27T01:00:00Z']);
  });

  it('gives each slot the cadence duration as elapsed time', () => {
    const [slot] = expandCadence(TUESDAYS, HUB_ZONE, instant('2026-03-09T00:00Z'), instant('2026-03-11T00:00Z'));
    expect(slot?.end.toString()).toBe('2026-03-10T04:00:00+01:00[Europe/Berlin]');
  });

  it('returns the slots whose start lies in [from, to)', () => {
    const slotStart = at('2026-03-10T02:00').toInstant();
    expect(expandCadence(TUESDAYS, HUB_ZONE, slotStart, slotStart.add({ hours: 1 }))).toHaveLength(1);
    expect(expandCadence(TUESDAYS, HUB_ZONE, slotStart.subtract({ hours: 1 }), slotStart)).toHaveLength(0);
  });

  it("moves a slot in the spring-forward gap forward by the gap ('compatible', as RFC 5545)", () => {
    const sundays: Cadence = { ...TUESDAYS, rrule: 'FREQ=WEEKLY;BYDAY=SU', start: Temporal.PlainTime.from('02:30') };
    const { local } = describeSlots(sundays, '2026-03-21T00:00Z', '2026-04-06T00:00Z');
    expect(local).toEqual(['2026-03-22T02:30:00+01:00', '2026-03-29T03:30:00+02:00', '2026-04-05T02:30:00+02:00']);
  });

  it('takes the earlier instant for a local time that repeats when clocks fall back', () => {
    const sundays: Cadence = { ...TUESDAYS, rrule: 'FREQ=WEEKLY;BYDAY=SU', start: Temporal.PlainTime.from('02:30') };
    const { utc } = describeSlots(sundays, '2026-10-24T00:00Z', '2026-10-26T00:00Z');
    expect(utc).toEqual(['2026-10-25T00:30:00Z']);
  });

  it('expands in the given zone (America/New_York wall-clock)', () => {
    const { utc } = describeSlots(TUESDAYS, '2026-03-02T00:00Z', '2026-03-12T00:00Z', 'America/New_York');
    expect(utc).toEqual(['2026-03-03T07:00:00Z', '2026-03-10T06:00:00Z']);
  });

  it('keeps the phase of an every-other-week cadence whatever range is asked for', () => {
    const fortnightly: Cadence = { ...TUESDAYS, rrule: 'FREQ=WEEKLY;INTERVAL=2;BYDAY=TU' };
    const wide = describeSlots(fortnightly, '2026-01-01T00:00Z', '2026-05-01T00:00Z').local;
    const shifted = describeSlots(fortnightly, '2026-03-04T00:00Z', '2026-05-01T00:00Z').local;
    const early = describeSlots(fortnightly, '1999-01-01T00:00Z', '1999-02-01T00:00Z').local;
    expect(shifted).toEqual(wide.filter((start) => start >= '2026-03-04'));
    // The phase counts from the anchor week of 2000-01-03: 2026-01-05 is 1357 weeks later (odd).
    expect(wide[0]).toBe('2026-01-13T02:00:00+01:00');
    expect(early).toEqual(['1999-01-05T02:00:00+01:00', '1999-01-19T02:00:00+01:00']);
  });

  it('supports monthly rules such as the first Tuesday of the month', () => {
    const monthly: Cadence = { ...TUESDAYS, rrule: 'FREQ=MONTHLY;BYDAY=1TU' };
    const { local } = describeSlots(monthly, '2026-02-15T00:00Z', '2026-05-15T00:00Z');
    expect(local).toEqual(['2026-03-03T02:00:00+01:00', '2026-04-07T02:00:00+02:00', '2026-05-05T02:00:00+02:00']);
  });

  it('gives the same slots whatever the process time zone (rrule works on Dates)', () => {
    const inProcess = expandCadence(
      { rrule: 'FREQ=WEEKLY;BYDAY=SU,TU', start: Temporal.PlainTime.from('02:30'), durationMinutes: 60 },
      HUB_ZONE,
      instant('2026-03-20T00:00Z'),
      instant('2026-11-01T00:00Z'),
    ).map((slot) => slot.start.toString());
    expect(inProcess).toContain('2026-03-29T03:30:00+02:00[Europe/Berlin]');
    expect(slotsInChildProcess('America/New_York')).toBe(inProcess.join('\n'));
    expect(slotsInChildProcess('Pacific/Chatham')).toBe(inProcess.join('\n'));
  });

  it('throws the rule problem for a rule it cannot expand', () => {
    const broken: Cadence = { ...TUESDAYS, rrule: 'FREQ=WEEKLY;COUNT=3' };
    expect(() => expandCadence(broken, HUB_ZONE, instant('2026-01-01T00:00Z'), instant('2026-02-01T00:00Z'))).toThrow(/COUNT/);
  });
});

describe('describeCadence', () => {
  const cadence = (rrule: string, start = '02:00', durationMinutes = 120) => ({
    rrule,
    start: Temporal.PlainTime.from(start),
    durationMinutes,
  });

  it('words the rule in English with the local start and end', () => {
    expect(describeCadence(cadence('FREQ=WEEKLY;BYDAY=TU'))).toBe('02:00–04:00, every week on Tuesday');
    expect(describeCadence(cadence('freq=weekly;interval=2;byday=tu,th', '23:30', 90))).toBe('23:30–01:00, every 2 weeks on Tuesday, Thursday');
    expect(describeCadence(cadence('FREQ=MONTHLY;BYDAY=1TU'))).toBe('02:00–04:00, every month on the 1st Tuesday');
    expect(describeCadence(cadence('FREQ=WEEKLY;BYDAY=TU;UNTIL=20271231T000000Z'))).toBe('02:00–04:00, every week on Tuesday until December 31, 2027');
  });

  it('keeps a rule it cannot word exactly as written (BYSETPOS would read as every Tuesday)', () => {
    expect(describeCadence(cadence('FREQ=MONTHLY;BYDAY=TU;BYSETPOS=-1'))).toBe('02:00–04:00, RRULE FREQ=MONTHLY;BYDAY=TU;BYSETPOS=-1');
  });
});

describe('cadenceRuleProblem', () => {
  it('accepts RFC 5545 rules', () => {
    expect(cadenceRuleProblem('FREQ=WEEKLY;BYDAY=TU')).toBeNull();
    expect(cadenceRuleProblem('FREQ=WEEKLY;INTERVAL=2;BYDAY=TU,TH;UNTIL=20271231T000000Z')).toBeNull();
    expect(cadenceRuleProblem('freq=weekly;byday=tu')).toBeNull();
  });

  it.each([
    ['FOO=1', `is not an RFC 5545 RRULE (Unknown RRULE property 'FOO')`, 'write a rule such as FREQ=WEEKLY;BYDAY=TU'],
    ['BYDAY=TU', 'has no FREQ', 'start it with one, e.g. FREQ=WEEKLY;BYDAY=TU'],
    ['FREQ=WEEKLY;INTERVAL=0', 'has an INTERVAL below 1', 'write a whole number of at least 1, e.g. INTERVAL=2'],
    ['FREQ=WEEKLY;BYDAY=XX', 'has an unknown BYDAY value', 'use MO, TU, WE, TH, FR, SA or SU'],
    ['FREQ=WEEKLY;COUNT=3', 'uses COUNT, but the cadence has no start date to count from', 'end it with UNTIL instead'],
    ['DTSTART:20260101T020000Z\nRRULE:FREQ=WEEKLY', 'sets DTSTART or TZID', 'leave them out: slots start at cadence.start in the hub timezone'],
  ])('explains what is wrong with %j', (rule, message, fix) => {
    expect(cadenceRuleProblem(rule)).toEqual({ message, fix });
  });
});

describe('isOnCadence', () => {
  const slots = expandCadence(TUESDAYS, HUB_ZONE, instant('2026-03-01T00:00Z'), instant('2026-04-01T00:00Z'));

  it('is on cadence when the window starts at a slot start, whatever its end', () => {
    expect(isOnCadence(windowOf('2026-03-10T02:00', '2026-03-10T03:00'), slots)).toBe(true);
    expect(isOnCadence(windowOf('2026-03-31T02:00', '2026-03-31T05:00'), slots)).toBe(true);
  });

  it('compares instants, so a window written in another zone can be on cadence', () => {
    const newYork = windowOf('2026-03-09T21:00', '2026-03-09T23:00', 'America/New_York');
    expect(isOnCadence(newYork, slots)).toBe(true);
  });

  it('is off cadence at another time or another day', () => {
    expect(isOnCadence(windowOf('2026-03-10T02:30', '2026-03-10T04:00'), slots)).toBe(false);
    expect(isOnCadence(windowOf('2026-03-11T02:00', '2026-03-11T04:00'), slots)).toBe(false);
  });

  it('uses the local 02:00 after the DST change, not the old UTC time', () => {
    expect(isOnCadence(windowOf('2026-03-31T02:00', '2026-03-31T04:00'), slots)).toBe(true);
    expect(isOnCadence(windowOf('2026-03-31T03:00', '2026-03-31T05:00'), slots)).toBe(false);
  });
});
