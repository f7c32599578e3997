/** The built people pages: "what am I on the hook for" per person. */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { load, type CheerioAPI } from 'cheerio';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadContentRoot } from '../../src/content/load.ts';
import type { Hub } from '../../src/core/model.ts';
import { compareReleasesNewestFirst } from '../../src/releases/releases.ts';
import { builtSite } from './helpers/scenario.ts';

const contentRoot = path.resolve(import.meta.dirname, '../../content');
let hub: Hub;
beforeAll(async () => {
  const loaded = await loadContentRoot(contentRoot);
  hub = loaded.hub!;
});

function page(dist: string, urlPath: string): CheerioAPI {
  return load(readFileSync(path.join(dist, urlPath, 'index.html'), 'utf8'));
}

const releaseLinks = ($: CheerioAPI) =>
  $('section[aria-labelledby="releases-heading"] tbody th a')
    .map((_, link) => $(link).attr('href'))
    .get();

describe('people pages of the example hub (internal build)', () => {
  const dist = () => builtSite('example-internal');

  it('list everyone in people.yaml with their role', () => {
    const $ = page(dist(), 'people');
    const rows = $('tbody tr')
      .map((_, row) => [[$(row).find('th a').attr('href'), $(row).find('td').first().text()]])
      .get();
    expect(rows).toEqual(hub.people.map((person) => [`/people/${person.id}/`, person.role]));
  });

  it("show the RACI cells of the person's role, matrix by matrix", () => {
    const $ = page(dist(), 'people/alice');
    expect($('h1').text()).toBe('Alice Okafor');
    const tables = $('section[aria-labelledby="raci-heading"] table');
    expect(tables.map((_, table) => $(table).find('caption a').attr('href')).get()).toEqual(['/raci/hotfix/', '/raci/standard-release/']);
    for (const matrix of hub.raci) {
      const table = tables.filter((_, element) => $(element).find(`caption a[href="/raci/${matrix.id}/"]`).length > 0);
      const rows = table
        .find('tbody tr')
        .map((_, row) => [[$(row).find('th').text(), $(row).find('.raci-code').text()]])
        .get();
      const expected = matrix.activities
        .filter((activity) => activity.assignments['Release Manager'])
        .map((activity) => [activity.name, activity.assignments['Release Manager']]);
      expect(rows).toEqual(expected);
    }
  });

  it('list the releases a person owns, open ones first, newest first within each', () => {
    const $ = page(dist(), 'people/alice');
    const owned = hub.releases.filter((release) => release.owner === 'alice').sort(compareReleasesNewestFirst);
    const isOpen = (release: Hub['releases'][number]) => ['planned', 'scheduled', 'in-progress'].includes(release.status);
    const href = (release: Hub['releases'][number]) => `/releases/${release.product}/${release.version}/`;
    expect(owned.filter(isOpen).length).toBeGreaterThan(0);
    expect(releaseLinks($)).toEqual([...owned.filter(isOpen), ...owned.filter((release) => !isOpen(release))].map(href));
  });

  it('show every owned release when there are 20 or fewer, with no link to a sub-list', () => {
    const owned = hub.releases.filter((release) => release.owner === 'chen' || release.gtm?.owner === 'chen');
    expect(owned.length).toBeGreaterThan(10);
    expect(owned.length).toBeLessThanOrEqual(20);
    const $ = page(dist(), 'people/chen');
    expect(releaseLinks($).sort()).toEqual(owned.map((release) => `/releases/${release.product}/${release.version}/`).sort());
    expect($('a[href="/people/chen/releases/"]').length).toBe(0);
    expect(existsSync(path.join(dist(), 'people/chen/releases'))).toBe(false);
  });

  it('list go-to-market ownership as such', () => {
    const $ = page(dist(), 'people/zoe');
    const gtm = hub.releases.filter((release) => release.gtm?.owner === 'zoe');
    expect(gtm.length).toBeGreaterThan(0);
    const notes = new Map(
      $('section[aria-labelledby="releases-heading"] tbody tr')
        .map((_, row) => [[$(row).find('th a').attr('href')!, $(row).find('td').last().text()]])
        .get() as [string, string][],
    );
    for (const release of gtm) expect(notes.get(`/releases/${release.product}/${release.version}/`)).toContain('Go-to-market owner');
  });

  it('list the runbooks a person owns, with their review state', () => {
    const $ = page(dist(), 'people/dana');
    const runbooks = $('ul.runbooks li');
    expect(
      runbooks
        .find('a')
        .map((_, link) => $(link).attr('href'))
        .get(),
    ).toEqual(['/runbooks/release-test-plan/']);
    expect(runbooks.find('.badge').text()).toBe('Review overdue');
  });
});

describe('people pages in the public build', () => {
  it('are not generated at all', () => {
    expect(existsSync(path.join(builtSite('example-public'), 'people'))).toBe(false);
  });
});
