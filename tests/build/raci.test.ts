/** The built RACI pages: the matrix as an accessible table with a legend, its people and releases. */
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

describe('RACI pages of the example hub (internal build)', () => {
  const dist = () => builtSite('example-internal');

  it('list every matrix', () => {
    const $ = page(dist(), 'raci');
    expect(
      $('h2 a')
        .map((_, link) => $(link).attr('href'))
        .get(),
    ).toEqual(['/raci/hotfix/', '/raci/standard-release/']);
  });

  it('render the matrix as a table: a caption, roles as column headers, activities as row headers', () => {
    const matrix = hub.raci.find((entry) => entry.id === 'standard-release')!;
    const $ = page(dist(), 'raci/standard-release');
    const table = $('table.raci-matrix');
    expect(table.find('caption').text()).toContain('Standard release');
    expect(
      table
        .find('thead th')
        .map((_, th) => [[$(th).attr('scope'), $(th).text()]])
        .get(),
    ).toEqual([['col', 'Activity'], ...matrix.roles.map((role) => ['col', role])]);
    expect(
      table
        .find('tbody th')
        .map((_, th) => [[$(th).attr('scope'), $(th).text()]])
        .get(),
    ).toEqual(matrix.activities.map((activity) => ['row', activity.name]));
  });

  it('show each code as text, with its full name for screen readers, A/R as such', () => {
    const matrix = hub.raci.find((entry) => entry.id === 'standard-release')!;
    const $ = page(dist(), 'raci/standard-release');
    const names: Record<string, string> = { R: 'Responsible', A: 'Accountable', C: 'Consulted', I: 'Informed', 'A/R': 'Accountable and Responsible' };
    $('table.raci-matrix tbody tr').each((row, tr) => {
      $(tr)
        .find('td')
        .each((column, td) => {
          const code = matrix.activities[row]!.assignments[matrix.roles[column]!];
          const cell = $(td);
          if (code) {
            expect(cell.find('[aria-hidden="true"]').text()).toBe(code);
            expect(cell.find('.visually-hidden').text()).toBe(names[code]);
          } else {
            expect(cell.text()).toBe('Not involved');
          }
        });
    });
    expect($('table.raci-matrix [aria-hidden="true"]:contains("A/R")').length).toBeGreaterThan(0);
  });

  it('explain every code in a legend', () => {
    const $ = page(dist(), 'raci/standard-release');
    const legend = $('dl.legend > div')
      .map((_, entry) => $(entry).find('dt').text().replace(/\s+/g, ' ').trim())
      .get();
    expect(legend).toEqual(['R Responsible', 'A Accountable', 'C Consulted', 'I Informed', 'A/R Accountable and Responsible']);
    $('dl.legend dd').each((_, dd) => expect($(dd).text().length).toBeGreaterThan(10));
  });

  it('name the people in each role, linked to their pages', () => {
    const $ = page(dist(), 'raci/standard-release');
    const roles = Object.fromEntries(
      $('dl.roles > div')
        .map((_, entry) => [
          [
            $(entry).find('dt').text(),
            $(entry)
              .find('dd a')
              .map((__, link) => $(link).attr('href'))
              .get(),
          ],
        ])
        .get(),
    );
    expect(roles['Release Manager']).toEqual(['/people/alice/', '/people/lena/']);
    expect(roles.SRE).toEqual(['/people/emre/', '/people/kai/']);
    for (const person of hub.people) expect(roles[person.role]).toContain(`/people/${person.id}/`);
  });

  const usingMatrix = (id: string) =>
    hub.releases
      .filter((release) => release.raci === id)
      .sort(compareReleasesNewestFirst)
      .map((release) => `/releases/${release.product}/${release.version}/`);
  const linkedReleases = ($: CheerioAPI, scope: string) =>
    $(`${scope} tbody th a`)
      .map((_, link) => $(link).attr('href'))
      .get();

  it('list every release of a matrix used by 20 or fewer, newest first, with no link to a sub-list', () => {
    const $ = page(dist(), 'raci/hotfix');
    expect(linkedReleases($, 'section[aria-labelledby="releases-heading"]')).toEqual(usingMatrix('hotfix'));
    expect(usingMatrix('hotfix')).toHaveLength(3);
    expect($('a[href^="/raci/hotfix/releases/"]').length).toBe(0);
    expect(existsSync(path.join(dist(), 'raci/hotfix/releases'))).toBe(false);
  });

  it('show the newest 20 releases of a busy matrix, the total, and a link to all of them', () => {
    const expected = usingMatrix('standard-release');
    expect(expected.length).toBeGreaterThan(50); // the example hub: more than one sub-list page
    const $ = page(dist(), 'raci/standard-release');
    expect(linkedReleases($, 'section[aria-labelledby="releases-heading"]')).toEqual(expected.slice(0, 20));
    expect($('a[href="#releases-heading"]').text()).toBe(`${expected.length} releases`);
    const all = $('section[aria-labelledby="releases-heading"] a[href="/raci/standard-release/releases/"]');
    expect(all.text()).toBe(`All ${expected.length} releases using this matrix →`);
  });

  it('list every release of a busy matrix on paginated sub-list pages, 50 a page, out of the search index', () => {
    const expected = usingMatrix('standard-release');
    const pageCount = Math.ceil(expected.length / 50);
    const linked: string[] = [];
    for (let n = 1; n <= pageCount; n++) {
      const $ = page(dist(), n === 1 ? 'raci/standard-release/releases' : `raci/standard-release/releases/page/${n}`);
      expect($('h1').text()).toBe('Releases using Standard release');
      expect($('title').text()).toMatch(n === 1 ? /^Releases using Standard release · / : new RegExp(`^Releases using Standard release \\(page ${n}\\) · `));
      expect(
        $('nav[aria-label="Breadcrumb"] a')
          .map((_, link) => $(link).attr('href'))
          .get(),
      ).toEqual(['/raci/', '/raci/standard-release/']);
      expect($('[data-pagefind-body]').length).toBe(0);
      const rows = linkedReleases($, 'main');
      expect(rows.length).toBeLessThanOrEqual(50);
      linked.push(...rows);
      const pager = $('nav.pagination');
      expect(pager.find('[aria-current="page"]').text().replace(/\s+/g, ' ').trim()).toBe(`Page ${n}`);
      if (n < pageCount) expect(pager.find('a[rel="next"]').attr('href')).toBe(`/raci/standard-release/releases/page/${n + 1}/`);
      if (n > 1)
        expect(pager.find('a[rel="prev"]').attr('href')).toBe(n === 2 ? '/raci/standard-release/releases/' : `/raci/standard-release/releases/page/${n - 1}/`);
    }
    expect(linked).toEqual(expected);
    expect(existsSync(path.join(dist(), `raci/standard-release/releases/page/${pageCount + 1}`))).toBe(false);
  });
});

describe('RACI pages in the public build', () => {
  it('are not generated at all', () => {
    expect(existsSync(path.join(builtSite('example-public'), 'raci'))).toBe(false);
  });
});
