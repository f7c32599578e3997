/** The customer changelog: which releases and changes customers see, in which order, on which page. */
import { describe, expect, it } from 'vitest';
import { viewForAudience } from '../../src/core/audience.ts';
import { CHANGELOG_ENTRIES_PER_PAGE, changelogEntries, changelogPagePath, changelogPages, isChangelogRelease } from '../../src/releases/changelog.ts';
import type { Change } from '../../src/core/model.ts';
import { at, makeHub, makeRelease } from './helpers/hub-factory.ts';

const change = (summary: string, audience: Change['audience'] = 'public'): Change => ({ type: 'added', summary, breaking: false, audience });
const shipped = { deployment: { finishedAt: at('2026-03-10T02:41') } };

describe('what customers see', () => {
  it('lists public releases that were released or rolled back and have a release time', () => {
    const cases = [
      [makeRelease({ status: 'released', audience: 'public', ...shipped }), true],
      [makeRelease({ status: 'rolled-back', audience: 'public', ...shipped }), true],
      [makeRelease({ status: 'released', audience: 'internal', ...shipped }), false],
      [makeRelease({ status: 'released', audience: 'public' }), false],
      [makeRelease({ status: 'in-progress', audience: 'public', ...shipped }), false],
      [makeRelease({ status: 'cancelled', audience: 'public', ...shipped }), false],
      [makeRelease({ status: 'scheduled', audience: 'public' }), false],
    ] as const;
    for (const [release, expected] of cases) expect(isChangelogRelease(release), `${release.status}/${release.audience}`).toBe(expected);
  });

  it('shows public changes only, and marks rolled-back releases', () => {
    const hub = makeHub({
      releases: [makeRelease({ status: 'rolled-back', audience: 'public', ...shipped, changes: [change('Shown'), change('Hidden', 'internal')] })],
    });
    const [entry] = changelogEntries(hub);
    expect(entry!.changes.groups.flatMap((group) => group.changes.map((item) => item.summary))).toEqual(['Shown']);
    expect(entry!.rolledBack).toBe(true);
    expect(entry!.anchor).toBe('web-1-0-0');
  });

  it('is the same list in the internal and the public build', () => {
    const hub = makeHub({
      releases: [
        makeRelease({ version: '1.0.0', status: 'released', audience: 'public', ...shipped, changes: [change('A'), change('B', 'internal')] }),
        makeRelease({ version: '1.0.1', status: 'released', audience: 'internal', ...shipped }),
      ],
    });
    const summaries = (entries: ReturnType<typeof changelogEntries>) =>
      entries.map((entry) => [entry.release.id, entry.changes.groups.flatMap((group) => group.changes.map((item) => item.summary))]);
    expect(summaries(changelogEntries(viewForAudience(hub, 'public')))).toEqual(summaries(changelogEntries(hub)));
  });
});

describe('order and pages', () => {
  it('is newest first, SemVer order where release times tie', () => {
    const tie = { deployment: { finishedAt: at('2026-05-05T10:00') } };
    const hub = makeHub({
      releases: [
        makeRelease({ version: '1.9.0', status: 'released', audience: 'public', ...tie }),
        makeRelease({ version: '1.10.0', status: 'released', audience: 'public', ...tie }),
        makeRelease({ version: '2.0.0', status: 'released', audience: 'public', ...shipped }),
        makeRelease({ product: 'api', version: '0.1.0', status: 'released', audience: 'public', deployment: { finishedAt: at('2026-06-01') } }),
      ],
    });
    expect(changelogEntries(hub).map((entry) => entry.release.id)).toEqual(['api/0.1.0', 'web/1.10.0', 'web/1.9.0', 'web/2.0.0']);
    expect(changelogEntries(hub, 'web').map((entry) => entry.release.id)).toEqual(['web/1.10.0', 'web/1.9.0', 'web/2.0.0']);
  });

  it('paginates all products and each product, with a page for a product without releases', () => {
    const releases = Array.from({ length: CHANGELOG_ENTRIES_PER_PAGE + 1 }, (_, index) =>
      makeRelease({
        version: `1.0.${index}`,
        status: 'released',
        audience: 'public',
        deployment: { finishedAt: at('2026-01-01T00:00Z').add({ days: index }) },
      }),
    );
    const pages = changelogPages(makeHub({ releases }));
    expect(pages.map((page) => [page.path, page.param, page.entries.length])).toEqual([
      ['/changelog/', undefined, CHANGELOG_ENTRIES_PER_PAGE],
      ['/changelog/page/2/', 'page/2', 1],
      ['/changelog/web/', 'web', CHANGELOG_ENTRIES_PER_PAGE],
      ['/changelog/web/page/2/', 'web/page/2', 1],
      ['/changelog/api/', 'api', 0],
    ]);
    expect(pages[1]!.entries[0]!.release.version).toBe('1.0.0');
    expect(changelogPagePath('web', 1)).toBe('/changelog/web/');
  });
});
