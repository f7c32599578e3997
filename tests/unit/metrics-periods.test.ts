/** The periods of the metrics views: bounds in exact time and in the hub zone, and the months they chart. */
import { Temporal } from 'temporal-polyfill';
import { describe, expect, it } from 'vitest';
import { inPeriod, periodMonths, periodOf, releasesIn } from '../../src/metrics/periods.ts';
import { at, makeRelease } from './helpers/hub-factory.ts';

const NOW = Temporal.Instant.from('2026-11-26T09:00:00Z');
const ZONE = 'Europe/Berlin';

describe('periodOf', () => {
  it('the last 90 days: after now − 90 × 24 h, up to and including now', () => {
    const period = periodOf('last-90-days', NOW, ZONE);
    expect([period.from?.toString(), period.fromInclusive, period.to?.toString()]).toEqual(['2026-08-28T09:00:00Z', false, '2026-11-26T09:00:00Z']);
    expect(inPeriod(period, at('2026-08-28T09:00Z'))).toBe(false); // its start is the previous period's end
    expect(inPeriod(period, at('2026-08-28T09:00:01Z'))).toBe(true);
    expect(inPeriod(period, at('2026-11-26T09:00Z'))).toBe(true);
    expect(inPeriod(period, at('2026-11-26T09:00:01Z'))).toBe(false); // after now
    expect(periodMonths(period, ZONE)).toEqual(['2026-08', '2026-09', '2026-10', '2026-11']);
  });

  it('the last 12 months: from the start of the month 11 months before now’s, in the hub zone', () => {
    const period = periodOf('last-12-months', NOW, ZONE);
    expect([period.from?.toString(), period.fromInclusive]).toEqual(['2025-11-30T23:00:00Z', true]); // 1 Dec 2025, 00:00 in Berlin
    expect(inPeriod(period, at('2025-12-01T00:00'))).toBe(true);
    expect(inPeriod(period, at('2025-11-30T23:59'))).toBe(false);
    expect(periodMonths(period, ZONE)).toHaveLength(12);
  });

  it('all time: every release, deployed or not; bounded periods hold deployed releases by their release time', () => {
    const shipped = makeRelease({ version: '1.0.0', status: 'released', deployment: { finishedAt: at('2026-10-01T02:00') } });
    const old = makeRelease({ version: '0.9.0', status: 'released', deployment: { finishedAt: at('2024-10-01T02:00') } });
    const planned = makeRelease({ version: '1.1.0', status: 'planned' });
    expect(releasesIn(periodOf('all-time', NOW, ZONE), [shipped, old, planned])).toEqual([shipped, old, planned]);
    expect(releasesIn(periodOf('last-90-days', NOW, ZONE), [shipped, old, planned])).toEqual([shipped]);
    expect(periodMonths(periodOf('all-time', NOW, ZONE), ZONE)).toEqual([]);
  });
});
