/** Post-release reviews (SPEC §5): open actions, their order, and when one is overdue, with hand-worked cases. */
import { Temporal } from 'temporal-polyfill';
import { describe, expect, it } from 'vitest';
import type { ReviewAction } from '../../src/core/model.ts';
import { hubAttention } from '../../src/process/attention.ts';
import { isActionOverdue, openActions } from '../../src/process/reviews.ts';
import { makeHub, makeRelease } from './helpers/hub-factory.ts';

const NOW = Temporal.Instant.from('2026-11-26T09:00:00Z'); // Thu 26 Nov, 10:00 in Berlin
const action = (title: string, due?: string, done = false, owner = 'alice'): ReviewAction => ({
  title,
  owner,
  done,
  ...(due ? { due: Temporal.PlainDate.from(due) } : {}),
});
const review = (actions: ReviewAction[]) => ({ date: Temporal.PlainDate.from('2026-11-12'), wentWell: [], wentBadly: [], actions });

describe('isActionOverdue', () => {
  it.each([
    { action: action('a', '2026-11-25'), now: NOW, zone: 'Europe/Berlin', expected: true },
    { action: action('a', '2026-11-26'), now: NOW, zone: 'Europe/Berlin', expected: false },
    { action: action('a', '2026-11-25', true), now: NOW, zone: 'Europe/Berlin', expected: false },
    { action: action('a'), now: NOW, zone: 'Europe/Berlin', expected: false },
    // 25 Nov 23:30Z is 26 Nov 00:30 in Berlin, still 25 Nov (18:30) in New York.
    { action: action('a', '2026-11-25'), now: Temporal.Instant.from('2026-11-25T23:30:00Z'), zone: 'Europe/Berlin', expected: true },
    { action: action('a', '2026-11-25'), now: Temporal.Instant.from('2026-11-25T23:30:00Z'), zone: 'America/New_York', expected: false },
  ])('due $action.due, done $action.done, at $now in $zone', ({ action, now, zone, expected }) => {
    expect(isActionOverdue(action, now, zone)).toBe(expected);
  });
});

describe('open actions', () => {
  const releases = [
    makeRelease({
      version: '2.0.0',
      status: 'released',
      review: review([action('undated'), action('late', '2026-11-20'), action('done', '2026-11-01', true)]),
    }),
    makeRelease({
      version: '1.0.0',
      status: 'released',
      review: review([action('soon', '2026-12-04', false, 'bob'), action('also late', '2026-11-20', false, 'bob')]),
    }),
    makeRelease({ version: '0.9.0', status: 'released' }),
  ];

  it('are the actions not done, by due day (undated last), then release and order', () => {
    expect(openActions(releases).map(({ release, action }) => `${release.version} ${action.title}`)).toEqual([
      '1.0.0 also late',
      '2.0.0 late',
      '1.0.0 soon',
      '2.0.0 undated',
    ]);
    expect(openActions(releases, 'bob').map(({ action }) => action.title)).toEqual(['also late', 'soon']);
  });

  it('make an attention item each, once overdue', () => {
    const hub = makeHub({ releases, people: [{ id: 'alice', name: 'Alice Adams', role: 'Release Manager' }] });
    expect(
      hubAttention(hub, NOW)
        .filter((item) => item.kind === 'review-action-overdue')
        .map((item) => [item.subject.id, item.path.join('.'), item.message]),
    ).toEqual([
      ['web/1.0.0', 'review.actions.1', 'Review action "also late" (bob) was due Fri 20 Nov 2026.'],
      ['web/2.0.0', 'review.actions.1', 'Review action "late" (Alice Adams) was due Fri 20 Nov 2026.'],
    ]);
  });
});
