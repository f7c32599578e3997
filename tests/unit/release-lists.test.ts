/** Bounded release lists: the newest few on a matrix, runbook or person page, the rest on paginated sub-lists. */
import { describe, expect, it } from 'vitest';
import { personReleaseLists, peopleDuties } from '../../src/people/people.ts';
import { raciIndex } from '../../src/people/raci.ts';
import { needsSubList, paginate, previewList, RELEASE_PREVIEW_COUNT } from '../../src/releases/release-lists.ts';
import { RELEASES_PER_PAGE } from '../../src/releases/releases.ts';
import { runbookBacklinks } from '../../src/runbooks/runbooks.ts';
import { pagedPath, personReleasesPath, raciReleasesPath, runbookReleasesPath } from '../../src/core/urls.ts';
import { makeHub, makeRelease, windowOf } from './helpers/hub-factory.ts';

const numbers = (count: number) => Array.from({ length: count }, (_, index) => index + 1);

describe('previewList', () => {
  it('keeps the first 20 rows and the total, and says when rows were left out', () => {
    const preview = previewList(numbers(45));
    expect(RELEASE_PREVIEW_COUNT).toBe(20);
    expect(preview.items).toEqual(numbers(20));
    expect(preview.total).toBe(45);
    expect(preview.truncated).toBe(true);
  });

  it('keeps a short list whole', () => {
    expect(previewList(numbers(20))).toEqual({ items: numbers(20), total: 20, truncated: false });
    expect(previewList([])).toEqual({ items: [], total: 0, truncated: false });
  });

  it('needs a sub-list exactly when the preview leaves rows out', () => {
    expect(needsSubList(20)).toBe(false);
    expect(needsSubList(21)).toBe(true);
  });
});

describe('paginate', () => {
  it('splits a list into pages of 50, in order, the last one partial', () => {
    const pages = paginate(numbers(120));
    expect(RELEASES_PER_PAGE).toBe(50);
    expect(pages.map(({ page, pageCount, total, items }) => [page, pageCount, total, items.length])).toEqual([
      [1, 3, 120, 50],
      [2, 3, 120, 50],
      [3, 3, 120, 20],
    ]);
    expect(pages.flatMap(({ items }) => items)).toEqual(numbers(120));
  });

  it('gives the rest parameter of each page: none for page 1, then page/<n>', () => {
    expect(paginate(numbers(101)).map(({ param }) => param)).toEqual([undefined, 'page/2', 'page/3']);
  });

  it('makes one page of a list that fits, and one empty page of an empty list', () => {
    expect(paginate(numbers(50)).map(({ items }) => items.length)).toEqual([50]);
    expect(paginate([])).toEqual([{ page: 1, pageCount: 1, total: 0, items: [], param: undefined }]);
  });

  it('keeps every page at most perPage rows for 10,000 rows', () => {
    const pages = paginate(numbers(10_000), 50);
    expect(pages).toHaveLength(200);
    expect(Math.max(...pages.map(({ items }) => items.length))).toBe(50);
  });

  it('refuses a page size that is not a positive integer', () => {
    expect(() => paginate(numbers(3), 0)).toThrow(/positive integer/);
  });
});

describe('sub-list URLs', () => {
  it('put page 1 at the base and later pages under page/<n>/', () => {
    expect(pagedPath('/raci/std/releases/')).toBe('/raci/std/releases/');
    expect(pagedPath('/raci/std/releases/', 1)).toBe('/raci/std/releases/');
    expect(pagedPath('/raci/std/releases/', 3)).toBe('/raci/std/releases/page/3/');
  });

  it('live under the matrix, runbook and person pages', () => {
    expect(raciReleasesPath('standard')).toBe('/raci/standard/releases/');
    expect(runbookReleasesPath('deploy-api', 2)).toBe('/runbooks/deploy-api/releases/page/2/');
    expect(personReleasesPath('alice', 4)).toBe('/people/alice/releases/page/4/');
  });

  it('match the rest parameter paginate gives each page', () => {
    for (const { page, param } of paginate(numbers(150))) expect(raciReleasesPath('x', page)).toBe(`/raci/x/releases/${param ? `${param}/` : ''}`);
  });
});

describe('release lists are newest first, so a preview shows the newest', () => {
  // File order (hub.releases) is not time order: 1.0.0 is the oldest, 3.0.0 the newest.
  const hub = makeHub({
    runbooks: [{ id: 'deploy', title: 'Deploy', kind: 'deploy', products: [], source: { file: 'runbooks/deploy.md', entryId: 'deploy' } }],
    raci: [
      { id: 'standard', title: 'Standard', roles: ['RM'], activities: [{ name: 'Go', assignments: { RM: 'A/R' } }], source: { file: 'raci/standard.yaml' } },
    ],
    people: [{ id: 'alice', name: 'Alice', role: 'RM' }],
    releases: [
      makeRelease({
        version: '2.0.0',
        status: 'released',
        raci: 'standard',
        owner: 'alice',
        runbooks: ['deploy'],
        window: windowOf('2026-05-01T02:00', '2026-05-01T04:00'),
      }),
      makeRelease({
        version: '1.0.0',
        status: 'released',
        raci: 'standard',
        owner: 'alice',
        runbooks: ['deploy'],
        window: windowOf('2026-01-01T02:00', '2026-01-01T04:00'),
      }),
      makeRelease({
        version: '3.0.0',
        status: 'released',
        raci: 'standard',
        owner: 'alice',
        runbooks: ['deploy'],
        window: windowOf('2026-09-01T02:00', '2026-09-01T04:00'),
      }),
      makeRelease({
        version: '4.0.0',
        status: 'scheduled',
        raci: 'standard',
        owner: 'alice',
        runbooks: ['deploy'],
        window: windowOf('2026-12-01T02:00', '2026-12-01T04:00'),
      }),
    ],
  });
  const newestFirst = ['4.0.0', '3.0.0', '2.0.0', '1.0.0'];

  it('for a RACI matrix', () => {
    expect(
      raciIndex(hub)
        .releasesByMatrix.get('standard')!
        .map((release) => release.version),
    ).toEqual(newestFirst);
  });

  it('for a runbook', () => {
    expect(
      runbookBacklinks(hub)
        .get('deploy')!
        .map(({ release }) => release.version),
    ).toEqual(newestFirst);
  });

  it('for a person: open first, then past, newest first within each; each part bounded', () => {
    const { releases } = peopleDuties(hub).get('alice')!;
    expect(releases.map(({ release }) => release.version)).toEqual(newestFirst);
    const lists = personReleaseLists(releases);
    expect(lists.open.items.map(({ release }) => release.version)).toEqual(['4.0.0']);
    expect(lists.past.items.map(({ release }) => release.version)).toEqual(['3.0.0', '2.0.0', '1.0.0']);
    expect([lists.total, lists.truncated]).toEqual([4, false]);
  });
});

describe('personReleaseLists', () => {
  it('bounds the open and the past list to 20 each and asks for the sub-list when either is cut', () => {
    const owned = (status: 'scheduled' | 'released', count: number) =>
      numbers(count).map((n) => ({ release: makeRelease({ version: `${status === 'scheduled' ? 9 : 1}.${n}.0`, status }), as: ['owner' as const] }));
    const lists = personReleaseLists([...owned('scheduled', 3), ...owned('released', 30)]);
    expect([lists.open.items.length, lists.open.total, lists.open.truncated]).toEqual([3, 3, false]);
    expect([lists.past.items.length, lists.past.total, lists.past.truncated]).toEqual([20, 30, true]);
    expect([lists.total, lists.truncated]).toEqual([33, true]);
    expect(personReleaseLists(owned('released', 20)).truncated).toBe(false);
  });
});
