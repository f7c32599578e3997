/** Release listing (order, filters, pagination), the release page's data, and /api/releases.json. */
import { describe, expect, it } from 'vitest';
import type { Change, Release } from '../../src/core/model.ts';
import {
  compareReleasesNewestFirst,
  filterDimensionsFor,
  fitPageTitle,
  formatTimeRange,
  groupChanges,
  paginationLinks,
  releaseDetail,
  releaseListing,
  releaseListingPath,
  releasesDocument,
  releaseTimeline,
  RELEASES_PER_PAGE,
} from '../../src/releases/releases.ts';
import { RELEASE_STATUSES } from '../../src/core/model.ts';
import { at, makeHub, makeRelease, windowOf } from './helpers/hub-factory.ts';

const change = (type: Change['type'], summary: string, breaking = false): Change => ({ type, summary, breaking, audience: 'public' });
const ids = (releases: Release[]) => releases.map((release) => release.id);

describe('newest first', () => {
  it('orders by release time, else window start; undated releases first; SemVer then product where times tie', () => {
    const releases = [
      makeRelease({ version: '1.0.0', deployment: { finishedAt: at('2026-03-10T02:41') } }),
      makeRelease({ version: '1.1.0', window: windowOf('2026-04-14T02:00', '2026-04-14T04:00') }),
      makeRelease({ version: '1.2.0' }),
      makeRelease({ version: '0.9.0', deployment: { finishedAt: at('2026-03-10T02:41') } }),
      makeRelease({ product: 'api', version: '1.0.0', deployment: { finishedAt: at('2026-03-10T01:41Z') } }),
      // Deployed after its window: the release time wins over the window.
      makeRelease({ version: '0.8.0', window: windowOf('2026-05-01T02:00', '2026-05-01T04:00'), deployment: { finishedAt: at('2026-01-01T02:00') } }),
    ];
    expect(ids([...releases].sort(compareReleasesNewestFirst))).toEqual(['web/1.2.0', 'web/1.1.0', 'api/1.0.0', 'web/1.0.0', 'web/0.9.0', 'web/0.8.0']);
  });

  it('uses SemVer, not string order, where times tie', () => {
    const finishedAt = at('2026-03-10T02:41');
    const releases = ['1.9.0', '1.10.0', '1.10.0-rc.1'].map((version) => makeRelease({ version, deployment: { finishedAt } }));
    expect(releases.sort(compareReleasesNewestFirst).map((release) => release.version)).toEqual(['1.10.0', '1.10.0-rc.1', '1.9.0']);
  });
});

describe('listing URLs', () => {
  it('puts filters in a fixed order and page numbers last', () => {
    expect(releaseListingPath({})).toBe('/releases/');
    expect(releaseListingPath({}, 2)).toBe('/releases/page/2/');
    expect(releaseListingPath({ audience: 'public', product: 'web' })).toBe('/releases/product/web/audience/public/');
    expect(releaseListingPath({ product: 'web', status: 'released', audience: 'internal' }, 3)).toBe(
      '/releases/product/web/status/released/audience/internal/page/3/',
    );
  });

  it('offers no audience filter in a public build', () => {
    expect(filterDimensionsFor('public')).toEqual(['product', 'status']);
    expect(filterDimensionsFor('internal')).toEqual(['product', 'status', 'audience']);
  });
});

describe('listing pages', () => {
  const sample = makeHub({
    releases: [
      makeRelease({ version: '1.0.0', status: 'released', audience: 'public', deployment: { finishedAt: at('2026-01-10') } }),
      makeRelease({ version: '1.1.0', status: 'rolled-back', deployment: { finishedAt: at('2026-02-10') } }),
      makeRelease({ product: 'api', version: '2.0.0', status: 'released', audience: 'public', deployment: { finishedAt: at('2026-03-10') } }),
    ],
  });

  it('pre-renders every combination of filters that has releases, and /releases/ itself', () => {
    const paths = releaseListing(sample, 'internal').pages.map((page) => page.path);
    expect(paths).toContain('/releases/');
    expect(paths).toContain('/releases/product/web/status/rolled-back/audience/internal/');
    expect(paths).toContain('/releases/status/released/audience/public/');
    expect(paths).not.toContain('/releases/product/api/status/rolled-back/');
    expect(new Set(paths).size).toBe(paths.length);
    const web = releaseListing(sample, 'internal').pages.find((page) => page.path === '/releases/product/web/')!;
    expect(ids(web.releases)).toEqual(['web/1.1.0', 'web/1.0.0']);
    expect(web.param).toBe('product/web');
  });

  it('builds /releases/ even for a hub without releases', () => {
    expect(releaseListing(makeHub(), 'internal').pages.map((page) => page.path)).toEqual(['/releases/']);
  });

  it('links each filter choice with its count, keeps the other filters, and does not link empty choices', () => {
    const groups = releaseListing(sample, 'internal').filterGroups({ product: 'web' });
    expect(groups.map((group) => group.dimension)).toEqual(['product', 'status', 'audience']);
    const [product, status] = groups;
    expect(product!.options).toEqual([
      { label: 'All', count: 3, current: false, href: '/releases/' },
      { label: 'Acme Web', count: 2, current: true, href: '/releases/product/web/' },
      { label: 'Acme API', count: 1, current: false, href: '/releases/product/api/' },
    ]);
    expect(status!.options.map((option) => option.label)).toEqual(['All', 'Planned', 'Scheduled', 'In progress', 'Released', 'Rolled back', 'Cancelled']);
    expect(status!.options.find((option) => option.label === 'Rolled back')).toEqual({
      label: 'Rolled back',
      count: 1,
      current: false,
      href: '/releases/product/web/status/rolled-back/',
    });
    expect(status!.options.find((option) => option.label === 'Cancelled')).toEqual({ label: 'Cancelled', count: 0, current: false, href: undefined });
  });

  it('stays O(N) with bounded pages for 10,000 releases', () => {
    const releases = Array.from({ length: 10_000 }, (_, index) =>
      makeRelease({
        product: index % 2 ? 'web' : 'api',
        version: `1.${Math.floor(index / 100)}.${index % 100}`,
        status: RELEASE_STATUSES[index % RELEASE_STATUSES.length]!,
        audience: index % 3 ? 'public' : 'internal',
        deployment: { finishedAt: at('2020-01-01T00:00Z').add({ hours: index }) },
      }),
    );
    const started = performance.now();
    const { pages } = releaseListing(makeHub({ releases }), 'internal');
    expect(performance.now() - started).toBeLessThan(10_000);
    expect(Math.max(...pages.map((page) => page.releases.length))).toBe(RELEASES_PER_PAGE);
    // Each release is on at most 2^3 filter listings; each listing adds at most one partly filled page.
    const listings = new Set(pages.map((page) => JSON.stringify(page.filter))).size;
    expect(pages.length).toBeLessThanOrEqual((8 * releases.length) / RELEASES_PER_PAGE + listings);
    const first = pages.find((page) => page.path === '/releases/')!;
    expect(first.pageCount).toBe(200);
    expect(first.releases[0]!.version).toBe('1.99.99');
    const last = pages.find((page) => page.path === '/releases/page/200/')!;
    expect(last.releases.at(-1)!.version).toBe('1.0.0');
  });
});

describe('pagination links', () => {
  it('shows the first and last page and two either side of the current one', () => {
    expect(paginationLinks(1, 1)).toEqual([1]);
    expect(paginationLinks(1, 4)).toEqual([1, 2, 3, 4]);
    expect(paginationLinks(100, 200)).toEqual([1, 'gap', 98, 99, 100, 101, 102, 'gap', 200]);
    expect(paginationLinks(4, 200)).toEqual([1, 2, 3, 4, 5, 6, 'gap', 200]);
  });
});

describe('changes', () => {
  it('groups in Keep a Changelog order and calls out breaking changes first', () => {
    const changes = [
      change('fixed', 'F'),
      change('security', 'S'),
      change('added', 'A1'),
      change('removed', 'R', true),
      change('changed', 'C'),
      change('deprecated', 'D'),
      change('added', 'A2', true),
    ];
    const grouped = groupChanges(changes);
    expect(grouped.breaking.map((item) => item.summary)).toEqual(['R', 'A2']);
    expect(grouped.groups.map((group) => [group.label, group.changes.map((item) => item.summary)])).toEqual([
      ['Added', ['A2', 'A1']],
      ['Changed', ['C']],
      ['Deprecated', ['D']],
      ['Removed', ['R']],
      ['Fixed', ['F']],
      ['Security', ['S']],
    ]);
  });
});

describe('release page data', () => {
  it('shows each timeline step the release has, in order', () => {
    const release = makeRelease({
      acceptedAt: at('2026-02-20'),
      window: windowOf('2026-03-10T02:00', '2026-03-10T04:00'),
      deployment: { startedAt: at('2026-03-10T02:05'), finishedAt: at('2026-03-10T02:41') },
      rollback: { reason: 'x', at: at('2026-03-10T03:10') },
    });
    expect(releaseTimeline(release).map((step) => [step.key, step.at.toString({ timeZoneName: 'never' }), step.dateOnly ?? false])).toEqual([
      ['accepted', '2026-02-20T00:00:00+01:00', true],
      ['window', '2026-03-10T02:00:00+01:00', false],
      ['deployment-started', '2026-03-10T02:05:00+01:00', false],
      ['deployed', '2026-03-10T02:41:00+01:00', false],
      ['rolled-back', '2026-03-10T03:10:00+01:00', false],
    ]);
    expect(releaseTimeline(makeRelease({ deployment: { finishedAt: at('2026-03-10T02:41') } })).map((step) => step.key)).toEqual(['deployed']);
  });

  it('shows a release dated by day only (an imported changelog) as that day, never as 00:00', () => {
    expect(releaseTimeline(makeRelease({ deployment: { finishedAt: at('2024-01-02') } })).map((step) => [step.key, step.dateOnly])).toEqual([
      ['deployed', true],
    ]);
  });

  it('writes a window on one day once and across days in full', () => {
    expect(formatTimeRange(at('2026-03-10T02:00'), at('2026-03-10T04:00'), 'Europe/Berlin')).toBe('Tue 10 Mar 2026, 02:00–04:00');
    expect(formatTimeRange(at('2026-11-24T02:00'), at('2026-11-26T20:00'), 'Europe/Berlin')).toBe('Tue 24 Nov 2026, 02:00 – Thu 26 Nov 2026, 20:00');
  });

  const hub = makeHub({
    people: [{ id: 'alice', name: 'Alice Adams', role: 'Release Manager' }],
    runbooks: [{ id: 'deploy-web', title: 'Deploy the web app', kind: 'deploy', products: ['web'], source: { file: 'runbooks/deploy-web.md' } }],
    raci: [{ id: 'standard', title: 'Standard release', roles: [], activities: [], source: { file: 'raci/standard.yaml' } }],
    releases: ['1.10.0', '1.9.0', '1.2.0']
      .map((version) => makeRelease({ version, owner: 'alice', runbooks: ['deploy-web'], raci: 'standard' }))
      .concat(makeRelease({ product: 'api', version: '1.9.5' })),
  });

  it('links owner, runbooks and RACI in the internal build only', () => {
    const release = hub.releases[1]!;
    const internal = releaseDetail(hub, release, 'internal');
    expect(internal.owner).toEqual({ id: 'alice', label: 'Alice Adams', href: '/people/alice/' });
    expect(internal.runbooks).toEqual([{ id: 'deploy-web', label: 'Deploy the web app', href: '/runbooks/deploy-web/' }]);
    expect(internal.raci).toEqual({ id: 'standard', label: 'Standard release', href: '/raci/standard/' });
    const unlinked = releaseDetail(hub, release, 'public');
    expect([unlinked.owner?.href, unlinked.runbooks[0]?.href, unlinked.raci?.href]).toEqual([undefined, undefined, undefined]);
  });

  it('finds the previous and next version of the same product in SemVer order', () => {
    const [v1100, v190, v120] = hub.releases;
    expect(releaseDetail(hub, v190!, 'internal')).toMatchObject({ previous: v120, next: v1100 });
    expect(releaseDetail(hub, v120!, 'internal').previous).toBeUndefined();
    expect(releaseDetail(hub, v1100!, 'internal').next).toBeUndefined();
  });

  it('names the incidents a release fixes with their release, and on that release the releases that fix it', () => {
    const broken = makeRelease({
      version: '2.0.0',
      status: 'released',
      deployment: { finishedAt: at('2026-03-10T02:40') },
      incidents: [{ id: 'INC-9', startedAt: at('2026-03-10T03:00') }],
    });
    const fix = makeRelease({ version: '2.0.1', status: 'released', deployment: { finishedAt: at('2026-03-11T02:40') }, fixes: ['INC-9'] });
    const withFix = makeHub({ releases: [broken, fix] });
    expect(releaseDetail(withFix, fix, 'internal')).toMatchObject({
      fixes: [{ incident: 'INC-9', release: { id: 'web/2.0.0', label: 'Acme Web 2.0.0', href: '/releases/web/2.0.0/' } }],
      fixedBy: [],
    });
    expect(releaseDetail(withFix, broken, 'internal')).toMatchObject({
      fixes: [],
      fixedBy: [{ id: 'web/2.0.1', label: 'Acme Web 2.0.1', href: '/releases/web/2.0.1/' }],
    });
  });
});

describe('/api/releases.json', () => {
  it('writes every field with ISO times (offset) and the zone, newest first, with absolute URLs', () => {
    const hub = makeHub({
      releases: [
        makeRelease({
          version: '1.0.0',
          status: 'released',
          timezone: 'America/New_York',
          window: windowOf('2026-03-10T02:00', '2026-03-10T04:00', 'America/New_York'),
          deployment: { finishedAt: at('2026-03-10T02:41', 'America/New_York') },
        }),
        makeRelease({ version: '1.1.0', title: 'Next', changes: [change('added', '**x**')] }),
      ],
    });
    const document = releasesDocument(hub, 'internal', (path) => `https://h.example${path}`);
    expect(document).toMatchObject({ site: 'https://releases.acme.example', audience: 'internal', timezone: 'Europe/Berlin' });
    expect(document.releases.map((release) => release.id)).toEqual(['web/1.1.0', 'web/1.0.0']);
    expect(document.releases[1]).toMatchObject({
      url: 'https://h.example/releases/web/1.0.0/',
      timezone: 'America/New_York',
      window: { start: '2026-03-10T02:00:00-04:00', end: '2026-03-10T04:00:00-04:00' },
      deployment: { startedAt: null, finishedAt: '2026-03-10T02:41:00-04:00' },
      owner: null,
      rollback: null,
    });
    expect(document.releases[0]!.changes).toEqual([{ type: 'added', summary: '**x**', breaking: false, audience: 'public' }]);
  });
});

describe('page titles', () => {
  it('uses the most descriptive title that fits in 70 characters with the hub title', () => {
    expect(fitPageTitle(['Northwind Web 4.3.0: Real-time co-editing', 'Northwind Web 4.3.0'], 'Northwind Release Hub')).toBe(
      'Northwind Web 4.3.0: Real-time co-editing',
    );
    expect(
      fitPageTitle(['Northwind Web 4.0.0: Northwind Web 4: spaces, simpler permissions and a faster app', 'Northwind Web 4.0.0'], 'Northwind Release Hub'),
    ).toBe('Northwind Web 4.0.0');
    expect(fitPageTitle(['x'.repeat(80)], 'Hub')).toBe('x'.repeat(80));
  });
});
