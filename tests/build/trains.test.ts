/**
 * The release trains of the example hub in both builds: december-launch (public: web 4.9.0 and
 * api 2.7.0, 7–16 December 2026) with its page, the list of trains and the link from each member's
 * release page; platform-maintenance (internal: api 2.6.1) in the internal build only.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { load } from 'cheerio';
import { describe, expect, it } from 'vitest';
import { builtSite } from './helpers/scenario.ts';

const page = (dist: string, urlPath: string) => load(readFileSync(path.join(dist, urlPath, 'index.html'), 'utf8'));

describe.each(['example-internal', 'example-public'] as const)('release trains (%s)', (name) => {
  const dist = () => builtSite(name);

  it('has a page per train with every member, its status, and one combined changelog entry', () => {
    const $ = page(dist(), 'trains/december-launch');
    expect($('h1').text()).toBe('December launch');
    expect($('p:contains("Window")').text().replace(/\s+/g, ' ').trim()).toBe(
      'Window Mon 7 Dec 2026, 00:00 – Wed 16 Dec 2026, 00:00 (Europe/Berlin). 0 of 2 shipped.',
    );
    expect(
      $('.members li')
        .map((_, item) => `${$(item).find('a').attr('href')} ${$(item).find('.badge').text()}`)
        .get(),
    ).toEqual(['/releases/web/4.9.0/ Scheduled', '/releases/api/2.7.0/ Scheduled']);
    expect(
      $('section[aria-labelledby="changes-heading"] h3')
        .map((_, heading) => $(heading).text())
        .get(),
    ).toEqual(['Added', 'Deprecated', 'Fixed']);
    expect($('#change-added + ul > li').length).toBe(4);
    expect($('#change-deprecated + ul > li').text()).toContain('(Northwind API 2.7.0)');
  });

  it('lists the trains on /trains/ and links each member release page to its train', () => {
    const $ = page(dist(), 'trains');
    // By window: the maintenance week (30 Nov) comes first, in the internal build.
    expect(
      $('.trains a')
        .map((_, link) => $(link).attr('href'))
        .get(),
    ).toEqual(name === 'example-internal' ? ['/trains/platform-maintenance/', '/trains/december-launch/'] : ['/trains/december-launch/']);
    expect(existsSync(path.join(dist(), 'trains/platform-maintenance/index.html'))).toBe(name === 'example-internal');
    for (const release of ['web/4.9.0', 'api/2.7.0'])
      expect(page(dist(), `releases/${release}`)('a[href="/trains/december-launch/"]').text(), release).toBe('December launch');
    expect(page(dist(), 'releases/web/4.7.0')('a[href^="/trains/"]').length).toBe(0);
  });
});
