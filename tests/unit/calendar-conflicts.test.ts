import { describe, expect, it } from 'vitest';
import { findWindowClashes, freezeConflictText, freezesOverlapping, overlaps, windowClashText, type WindowedRelease } from '../../src/calendar/conflicts.ts';
import type { Release } from '../../src/core/model.ts';
import { at, makeFreeze, makeRelease, windowOf } from './helpers/hub-factory.ts';

function windowed(overrides: Partial<Release> & Pick<Release, 'window'>): WindowedRelease {
  return makeRelease(overrides) as WindowedRelease;
}

const pairs = (releases: Release[]) => findWindowClashes(releases).map(({ first, second }) => `${first.id} × ${second.id}`);

describe('overlaps (half-open intervals)', () => {
  const base = windowOf('2026-03-10T02:00', '2026-03-10T04:00');

  it('is true for partial overlap and containment, in both orders', () => {
    expect(overlaps(base, windowOf('2026-03-10T03:00', '2026-03-10T05:00'))).toBe(true);
    expect(overlaps(windowOf('2026-03-10T03:00', '2026-03-10T05:00'), base)).toBe(true);
    expect(overlaps(base, windowOf('2026-03-10T02:30', '2026-03-10T03:00'))).toBe(true);
  });

  it('is false for windows that only touch', () => {
    expect(overlaps(base, windowOf('2026-03-10T04:00', '2026-03-10T05:00'))).toBe(false);
    expect(overlaps(windowOf('2026-03-10T01:00', '2026-03-10T02:00'), base)).toBe(false);
  });

  it('compares instants across zones', () => {
    // 02:00–04:00 CET is 21:00–23:00 EDT the evening before (New York is already on summer time).
    expect(overlaps(base, windowOf('2026-03-09T22:30', '2026-03-09T23:30', 'America/New_York'))).toBe(true);
    expect(overlaps(base, windowOf('2026-03-09T23:00', '2026-03-10T00:00', 'America/New_York'))).toBe(false);
  });
});

describe('freezesOverlapping', () => {
  const everyProduct = makeFreeze({ name: 'Year-end', start: at('2026-12-19'), end: at('2027-01-05') });
  const apiOnly = makeFreeze({ name: 'Summit', products: ['api'], start: at('2026-12-20'), end: at('2026-12-23') });
  const freezes = [everyProduct, apiOnly];

  it('applies a freeze without products to every product, and a listed one to its products only', () => {
    const web = makeRelease({ window: windowOf('2026-12-22T02:00', '2026-12-22T04:00') });
    const api = makeRelease({ product: 'api', window: windowOf('2026-12-22T02:00', '2026-12-22T04:00') });
    expect(freezesOverlapping(web, freezes).map((freeze) => freeze.name)).toEqual(['Year-end']);
    expect(freezesOverlapping(api, freezes).map((freeze) => freeze.name)).toEqual(['Year-end', 'Summit']);
  });

  it('treats the freeze end as exclusive: a window on the day after a date-only end is free', () => {
    const after = makeRelease({ window: windowOf('2027-01-05T00:00', '2027-01-05T02:00') });
    const lastDay = makeRelease({ window: windowOf('2027-01-04T23:00', '2027-01-05T01:00') });
    expect(freezesOverlapping(after, freezes)).toEqual([]);
    expect(freezesOverlapping(lastDay, freezes)).toEqual([everyProduct]);
  });

  it('finds nothing for a release without a window', () => {
    expect(freezesOverlapping(makeRelease(), freezes)).toEqual([]);
  });

  it('ignores status and freezeException (that policy is the caller’s)', () => {
    const excepted = makeRelease({
      status: 'cancelled',
      freezeException: 'Security fix',
      window: windowOf('2026-12-22T02:00', '2026-12-22T04:00'),
    });
    expect(freezesOverlapping(excepted, freezes)).toEqual([everyProduct]);
  });
});

describe('findWindowClashes', () => {
  const web420 = windowed({ version: '4.2.0', window: windowOf('2026-03-10T01:30', '2026-03-10T03:00') });
  const web421 = windowed({ version: '4.2.1', window: windowOf('2026-03-10T02:00', '2026-03-10T04:00') });

  it('pairs releases of one product whose windows overlap, earlier window first', () => {
    expect(pairs([web421, web420])).toEqual(['web/4.2.0 × web/4.2.1']);
  });

  it('ignores other products, cancelled releases, releases without a window and touching windows', () => {
    const api = windowed({ product: 'api', version: '2.0.0', window: web421.window });
    const cancelled = windowed({ version: '4.2.2', status: 'cancelled', window: web421.window });
    const touching = windowed({ version: '4.2.3', window: windowOf('2026-03-10T04:00', '2026-03-10T05:00') });
    expect(pairs([web421, api, cancelled, makeRelease({ version: '4.2.4' }), touching])).toEqual([]);
  });

  it('finds every overlapping pair, ordered by product then time', () => {
    const long = windowed({ version: '5.0.0', window: windowOf('2026-03-10T00:00', '2026-03-10T06:00') });
    const api1 = windowed({ product: 'api', version: '1.0.0', window: web420.window });
    const api2 = windowed({ product: 'api', version: '1.0.1', window: web421.window });
    expect(pairs([web421, api2, long, web420, api1])).toEqual([
      'api/1.0.0 × api/1.0.1',
      'web/5.0.0 × web/4.2.0',
      'web/5.0.0 × web/4.2.1',
      'web/4.2.0 × web/4.2.1',
    ]);
  });

  it('detects clashes between windows written in different zones', () => {
    const newYork = windowed({
      version: '4.2.2',
      timezone: 'America/New_York',
      window: windowOf('2026-03-09T21:00', '2026-03-09T22:00', 'America/New_York'),
    });
    expect(pairs([web421, newYork])).toEqual(['web/4.2.2 × web/4.2.1']);
  });
});

describe('conflict messages (printed by the validator after file:line window:)', () => {
  it('names the other release and its window', () => {
    const web420 = windowed({ version: '4.2.0', window: windowOf('2026-03-10T01:30', '2026-03-10T03:00') });
    const web421 = windowed({ version: '4.2.1', window: windowOf('2026-03-10T02:00', '2026-03-10T04:00') });
    const [clash] = findWindowClashes([web420, web421]);
    expect(clash && windowClashText(clash)).toEqual({
      message: 'overlaps the window of web 4.2.1 (2026-03-10 02:00–04:00 Europe/Berlin)',
      fix: 'move one of the two windows, or cancel one of the releases',
    });
  });

  it('writes a window across midnight with both dates, in the release’s own zone', () => {
    const early = windowed({
      version: '4.2.0',
      timezone: 'America/New_York',
      window: windowOf('2026-03-09T22:30', '2026-03-09T23:30', 'America/New_York'),
    });
    const late = windowed({
      version: '4.2.1',
      timezone: 'America/New_York',
      window: windowOf('2026-03-09T23:00', '2026-03-10T01:00', 'America/New_York'),
    });
    const [clash] = findWindowClashes([late, early]);
    expect(clash?.first.version).toBe('4.2.0');
    expect(clash && windowClashText(clash).message).toBe('overlaps the window of web 4.2.1 (2026-03-09 23:00–2026-03-10 01:00 America/New_York)');
  });

  it('explains a freeze conflict with the freeze days (last day inclusive) and how to resolve it', () => {
    const freeze = makeFreeze({ name: 'Year-end freeze 2026', start: at('2026-12-19'), end: at('2027-01-05') });
    expect(freezeConflictText(freeze, 'Europe/Berlin')).toEqual({
      message: 'overlaps the freeze "Year-end freeze 2026" (2026-12-19 to 2027-01-04)',
      fix: 'move the window, or set freezeException: <why it must ship> to ship anyway',
    });
  });

  it('shows a timed freeze with its times and zone, and a one-day freeze as that day', () => {
    const timed = makeFreeze({ name: 'Move', start: at('2026-04-18T08:00'), end: at('2026-04-18T20:00') });
    const oneDay = makeFreeze({ name: 'Launch day', start: at('2026-04-18'), end: at('2026-04-19') });
    expect(freezeConflictText(timed, 'Europe/Berlin').message).toBe('overlaps the freeze "Move" (2026-04-18 08:00–20:00 Europe/Berlin)');
    expect(freezeConflictText(oneDay, 'Europe/Berlin').message).toBe('overlaps the freeze "Launch day" (2026-04-18)');
  });
});
