import { describe, expect, it } from 'vitest';
import { isDeployed, scheduleVerdict } from '../../src/metrics/metrics.ts';
import { at, makeRelease, windowOf } from './helpers/hub-factory.ts';

/** A released release with a 02:00–04:00 window, finished at `finished`. */
const shipped = (finished: string, window = true) => {
  const release = makeRelease({
    status: 'released',
    ...(window ? { window: windowOf('2026-03-10T02:00', '2026-03-10T04:00') } : {}),
    deployment: { finishedAt: at(finished) },
  });
  if (!isDeployed(release)) throw new Error('not deployed');
  return release;
};

describe('scheduleVerdict (the rule of onScheduleRate)', () => {
  it.each([
    // finished, tolerance, verdict
    ['2026-03-10T03:30', 0, { kind: 'on-time' }],
    ['2026-03-10T04:00', 0, { kind: 'on-time' }],
    ['2026-03-10T04:01', 0, { kind: 'late', minutesLate: 1 }],
    ['2026-03-10T04:20', 30, { kind: 'on-time' }],
    ['2026-03-10T04:31', 30, { kind: 'late', minutesLate: 1 }],
    ['2026-03-10T06:15', 0, { kind: 'late', minutesLate: 135 }],
  ])('finished %s with %i min tolerance: %j', (finished, tolerance, expected) => {
    expect(scheduleVerdict(shipped(finished), { onTimeToleranceMinutes: tolerance })).toEqual(expected);
  });

  it('has no verdict for a release without a window', () => {
    expect(scheduleVerdict(shipped('2026-03-10T03:00', false), { onTimeToleranceMinutes: 0 })).toEqual({ kind: 'no-window' });
  });
});
