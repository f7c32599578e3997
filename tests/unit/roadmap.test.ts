/** The roadmap (src/roadmap/roadmap.ts): which lane a release is on, the order of each lane, and its feed. */
import { Temporal } from 'temporal-polyfill';
import { describe, expect, it } from 'vitest';
import { viewForAudience } from '../../src/core/audience.ts';
import type { Change, Release } from '../../src/core/model.ts';
import { ROADMAP_SHIPPED_SHOWN, roadmap, roadmapFeed, roadmapLaneOf } from '../../src/roadmap/roadmap.ts';
import { at, makeHub, makeRelease, windowOf } from './helpers/hub-factory.ts';

const NOW = Temporal.Instant.from('2026-11-26T09:00:00Z');
const change = (summary: string, audience: Change['audience'] = 'public'): Change => ({ type: 'added', summary, breaking: false, audience });
const finished = { deployment: { finishedAt: at('2026-11-24T02:40') } };

describe('the lane of a release', () => {
  it.each([
    ['released', 'public', {}, 'shipped'],
    // Deployed but not marked released: the work is not shipped yet.
    ['in-progress', 'public', finished, 'now'],
    ['scheduled', 'public', {}, 'next'],
    ['planned', 'public', {}, 'later'],
    ['rolled-back', 'public', { ...finished, rollback: { reason: 'Slow' } }, undefined],
    ['cancelled', 'public', {}, undefined],
    ['scheduled', 'internal', {}, undefined],
    ['released', 'internal', finished, undefined],
  ] as const)('%s and %s: %s', (status, audience, extra, lane) => {
    expect(roadmapLaneOf(makeRelease({ status, audience, ...(extra as Partial<Release>) }))).toBe(lane);
  });
});

const hub = makeHub({
  releases: [
    makeRelease({ version: '2.3.0', status: 'planned', audience: 'public' }),
    makeRelease({ version: '2.2.0', status: 'planned', audience: 'public', window: windowOf('2027-02-09T02:00', '2027-02-09T04:00') }),
    makeRelease({
      version: '2.1.0',
      status: 'scheduled',
      audience: 'public',
      window: windowOf('2026-12-08T02:00', '2026-12-08T04:00'),
      changes: [change('Boards on phones'), change('New queue', 'internal')],
    }),
    makeRelease({ version: '2.1.1', status: 'scheduled', audience: 'internal', window: windowOf('2026-12-01T02:00', '2026-12-01T04:00') }),
    makeRelease({ version: '2.0.0', status: 'in-progress', audience: 'public', window: windowOf('2026-11-24T02:00', '2026-11-24T04:00'), ...finished }),
    ...['1.7.0', '1.8.0', '1.9.0', '1.9.1'].map((version, index) =>
      makeRelease({ version, status: 'released', audience: 'public', deployment: { finishedAt: at(`2026-0${index + 5}-05T02:40`) } }),
    ),
    makeRelease({
      version: '1.9.2',
      status: 'rolled-back',
      audience: 'public',
      rollback: { reason: 'Slow' },
      deployment: { finishedAt: at('2026-10-05T02:40') },
    }),
  ],
});

describe('the roadmap of a product', () => {
  it('puts each release on its lane, soonest first and undated last, with its public changes only', () => {
    const [web, api] = roadmap(hub);
    expect(web!.lanes.map((lane) => [lane.key, lane.items.map((item) => item.release.version)])).toEqual([
      ['now', ['2.0.0']],
      ['next', ['2.1.0']],
      ['later', ['2.2.0', '2.3.0']],
    ]);
    expect(web!.lanes[1]!.items[0]!.changes.map((item) => item.summary)).toEqual(['Boards on phones']);
    // The newest released ones; the rolled-back 1.9.2 is not shipped.
    expect(ROADMAP_SHIPPED_SHOWN).toBe(3);
    expect(web!.shipped.map((item) => item.release.version)).toEqual(['1.9.1', '1.9.0', '1.8.0']);
    expect(api!.lanes.every((lane) => lane.items.length === 0)).toBe(true);
  });

  it('is the same in the public build', () => {
    const versions = (products: ReturnType<typeof roadmap>) =>
      products.map((product) => product.lanes.map((lane) => lane.items.map((item) => item.release.id)));
    expect(versions(roadmap(viewForAudience(hub, 'public')))).toEqual(versions(roadmap(hub)));
  });

  it('feeds the lanes, an item per release and lane, dated by its window or the build\u2019s now', () => {
    const feed = roadmapFeed(hub, NOW);
    expect(feed.items.map((item) => [item.title, item.id.replace('https://releases.acme.example/releases/web/', ''), item.publishedIso])).toEqual([
      ['Now: Acme Web 2.0.0', '2.0.0/#roadmap-now', '2026-11-24T02:00:00+01:00'],
      ['Next: Acme Web 2.1.0', '2.1.0/#roadmap-next', '2026-12-08T02:00:00+01:00'],
      ['Later: Acme Web 2.2.0', '2.2.0/#roadmap-later', '2027-02-09T02:00:00+01:00'],
      ['Later: Acme Web 2.3.0', '2.3.0/#roadmap-later', '2026-11-26T10:00:00+01:00'],
    ]);
    expect(feed.items[1]!.contentHtml).toBe('<ul><li>Boards on phones</li></ul>');
    expect(feed.updated.toISOString()).toBe('2027-02-09T01:00:00.000Z');
  });
});
