/** The built RACI pages: the matrix as an accessible table with a legend, its people and releases. */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { load, type CheerioAPI } from 'cheerio';
import { beforeAll, describe, expect, inject, it } from 'vitest';
import { loadContentRoot } from '../../src/lib/content/load';
import type { Hub } from '../../src/lib/model';

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
  const dist = () => inject('distInternal');

  it('list every matrix', () => {
    const $ = page(dist(), 'raci');
    expect($('h2 a').map((_, link) => $(link).attr('href')).get()).toEqual(['/raci/hotfix/', '/raci/standard-release/']);
  });

  it('render the matrix as a table: a caption, roles as column headers, activities as row headers', () => {
    const matrix = hub.raci.find((entry) => entry.id === 'standard-release')!;
    const $ = page(dist(), 'raci/standard-release');
    const table = $('table.raci-matrix');
    expect(table.find('caption').text()).toContain('Standard release');
    expect(table.find('thead th').map((_, th) => [[$(th).attr('scope'), $(th).text()]]).get()).toEqual([
      ['col', 'Activity'],
      ...matrix.roles.map((role) => ['col', role]),
    ]);
    expect(table.find('tbody th').map((_, th) => [[$(th).attr('scope'), $(th).text()]]).get()).toEqual(matrix.activities.map((activity) => ['row', activity.name]));
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
    const legend = $('dl.legend > div').map((_, entry) => $(entry).find('dt').text().replace(/\s+/g, ' ').trim()).get();
    expect(legend).toEqual(['R Responsible', 'A Accountable', 'C Consulted', 'I Informed', 'A/R Accountable and Responsible']);
    $('dl.legend dd').each((_, dd) => expect($(dd).text().length).toBeGreaterThan(10));
  });

  it('name the people in each role, linked to their pages', () => {
    const $ = page(dist(), 'raci/standard-release');
    const roles = Object.fromEntries($('dl.roles > div').map((_, entry) => [[$(entry).find('dt').text(), $(entry).find('dd a').map((__, link) => $(link).attr('href')).get()]]).get());
    expect(roles['Release Manager']).toEqual(['/people/alice/', '/people/lena/']);
    expect(roles['SRE']).toEqual(['/people/emre/', '/people/kai/']);
    for (const person of hub.people) expect(roles[person.role]).toContain(`/people/${person.id}/`);
  });

  it('link every release that uses the matrix', () => {
    for (const matrix of hub.raci) {
      const $ = page(dist(), `raci/${matrix.id}`);
      const linked = $('section[aria-labelledby="releases-heading"] tbody th a').map((_, link) => $(link).attr('href')).get().sort();
      const expected = hub.releases.filter((release) => release.raci === matrix.id).map((release) => `/releases/${release.product}/${release.version}/`).sort();
      expect(linked).toEqual(expected);
    }
    expect(page(dist(), 'raci/hotfix')('section[aria-labelledby="releases-heading"] tbody tr').length).toBe(3);
  });
});

describe('RACI pages in the public build', () => {
  it('are not generated at all', () => {
    expect(existsSync(path.join(inject('distPublic'), 'raci'))).toBe(false);
  });
});
