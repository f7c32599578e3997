/** Runbook review status (the one definition of "stale") and the releases that use each runbook. */
import { Temporal } from 'temporal-polyfill';
import { describe, expect, it } from 'vitest';
import type { Runbook } from '../../src/core/model.ts';
import { isReviewOverdue, reviewDueDate, runbookBacklinks, sortRunbooks } from '../../src/runbooks/runbooks.ts';
import { makeHub, makeRelease } from './helpers/hub-factory.ts';

const ZONE = 'Europe/Berlin';

function makeRunbook(overrides: Partial<Runbook> = {}): Runbook {
  const id = overrides.id ?? 'deploy-web';
  return { id, title: 'Deploy web', kind: 'deploy', products: ['web'], source: { file: `runbooks/${id}.mdx`, entryId: id }, ...overrides };
}

/** An instant written as a wall-clock time in Berlin, or with an offset. */
const instant = (text: string) => Temporal.PlainDateTime.from(text).toZonedDateTime(ZONE).toInstant();

describe('reviewDueDate', () => {
  it('is the last review plus the review period', () => {
    const runbook = makeRunbook({ lastReviewed: Temporal.PlainDate.from('2026-01-15'), reviewEveryDays: 90 });
    expect(reviewDueDate(runbook)?.toString()).toBe('2026-04-15');
  });

  it('is undefined without a review period or without a review', () => {
    expect(reviewDueDate(makeRunbook({ lastReviewed: Temporal.PlainDate.from('2026-01-15') }))).toBeUndefined();
    expect(reviewDueDate(makeRunbook({ reviewEveryDays: 30 }))).toBeUndefined();
  });
});

describe('isReviewOverdue', () => {
  // Reviewed 2026-01-15, every 90 days: due 2026-04-15 (Berlin), overdue from 2026-04-16 00:00 Berlin.
  const runbook = makeRunbook({ lastReviewed: Temporal.PlainDate.from('2026-01-15'), reviewEveryDays: 90 });

  it('is not overdue on the due date, up to its last minute in the hub zone', () => {
    expect(isReviewOverdue(runbook, instant('2026-04-15T00:00'), ZONE)).toBe(false);
    expect(isReviewOverdue(runbook, instant('2026-04-15T23:59:59'), ZONE)).toBe(false);
  });

  it('is overdue from the first moment of the next day in the hub zone', () => {
    expect(isReviewOverdue(runbook, instant('2026-04-16T00:00'), ZONE)).toBe(true);
    expect(isReviewOverdue(runbook, instant('2027-01-01T12:00'), ZONE)).toBe(true);
  });

  it('decides the day in the hub zone, not in UTC', () => {
    // 2026-04-15T22:30Z is already 2026-04-16 00:30 in Berlin (CEST, +02:00) but still the 15th in New York.
    const lateUtc = Temporal.Instant.from('2026-04-15T22:30:00Z');
    expect(isReviewOverdue(runbook, lateUtc, 'Europe/Berlin')).toBe(true);
    expect(isReviewOverdue(runbook, lateUtc, 'America/New_York')).toBe(false);
  });

  it('is fresh right after a review', () => {
    expect(isReviewOverdue(runbook, instant('2026-01-15T09:00'), ZONE)).toBe(false);
  });

  it('is overdue when a review period is set but the runbook was never reviewed', () => {
    expect(isReviewOverdue(makeRunbook({ reviewEveryDays: 90 }), instant('2026-01-01T00:00'), ZONE)).toBe(true);
  });

  it('is never overdue without a review period', () => {
    expect(isReviewOverdue(makeRunbook({ lastReviewed: Temporal.PlainDate.from('2020-01-01') }), instant('2026-01-01T00:00'), ZONE)).toBe(false);
    expect(isReviewOverdue(makeRunbook(), instant('2026-01-01T00:00'), ZONE)).toBe(false);
  });
});

describe('runbookBacklinks', () => {
  const hub = makeHub({
    runbooks: [makeRunbook({ id: 'deploy-web' }), makeRunbook({ id: 'rollback-web', kind: 'rollback' }), makeRunbook({ id: 'unused' })],
    releases: [
      makeRelease({
        version: '2.0.0',
        runbooks: ['deploy-web', 'rollback-web'],
        status: 'rolled-back',
        rollback: { runbook: 'rollback-web', reason: 'Broke exports' },
      }),
      makeRelease({ version: '1.1.0', runbooks: ['deploy-web'] }),
      makeRelease({ version: '1.0.0', runbooks: [], status: 'rolled-back', rollback: { runbook: 'rollback-web', reason: 'Slow' } }),
    ],
  });

  it('lists each release that names the runbook, with how it uses it', () => {
    const links = runbookBacklinks(hub);
    expect(links.get('deploy-web')!.map(({ release, uses }) => [release.version, uses])).toEqual([
      ['2.0.0', ['procedure']],
      ['1.1.0', ['procedure']],
    ]);
    expect(links.get('rollback-web')!.map(({ release, uses }) => [release.version, uses])).toEqual([
      ['2.0.0', ['procedure', 'rollback']],
      ['1.0.0', ['rollback']],
    ]);
    expect(links.get('unused')).toEqual([]);
  });

  it('is computed once per hub', () => {
    expect(runbookBacklinks(hub)).toBe(runbookBacklinks(hub));
  });
});

describe('sortRunbooks', () => {
  it('orders by kind as the schema lists kinds, then by title', () => {
    const sorted = sortRunbooks([
      makeRunbook({ id: 'b', title: 'Roll back API', kind: 'rollback' }),
      makeRunbook({ id: 'c', title: 'Test plan', kind: 'test-plan' }),
      makeRunbook({ id: 'a', title: 'Deploy web', kind: 'deploy' }),
      makeRunbook({ id: 'd', title: 'Deploy API', kind: 'deploy' }),
    ]);
    expect(sorted.map((runbook) => runbook.id)).toEqual(['d', 'a', 'b', 'c']);
  });
});
