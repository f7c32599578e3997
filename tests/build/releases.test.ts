/**
 * The built release pages of the example hub, in both audiences: the listing with its filters
 * and pages, one page per release, /api/releases.json and the sitemap.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { load, type CheerioAPI } from 'cheerio';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { beforeAll, describe, expect, it } from 'vitest';
import { viewForAudience } from '../../src/core/audience.ts';
import { loadContentRoot } from '../../src/content/load.ts';
import { formatDate } from '../../src/presentation/format.ts';
import type { Hub } from '../../src/core/model.ts';
import { compareReleasesNewestFirst, releaseTime, RELEASES_PER_PAGE } from '../../src/releases/releases.ts';
import type { ReleasesDocument } from '../../src/releases/releases.ts';
import { builtSite } from './helpers/scenario.ts';

const contentRoot = path.resolve(import.meta.dirname, '../../content');
let hub: Hub;
beforeAll(async () => {
  const loaded = await loadContentRoot(contentRoot);
  hub = loaded.hub!;
});

const dists = () => ({ internal: builtSite('example-internal'), public: builtSite('example-public') });
const html = (dist: string, pathname: string): CheerioAPI => load(readFileSync(path.join(dist, pathname, 'index.html'), 'utf8'));
const pageExists = (dist: string, href: string) => existsSync(path.join(dist, new URL(href, 'https://x.example').pathname, 'index.html'));
/**
 * Scripts of the page itself: the frame (Base.astro: the theme script in <head>, search and theme
 * toggle in the site header) is shared by every page and not the page's own.
 */
const ownScripts = ($: CheerioAPI) => $('body script').filter((_, element) => $(element).closest('header.site-header').length === 0);

describe('/releases/', () => {
  it('lists the newest 50 releases with version, product, title, status and date, then a second page', () => {
    const dist = dists().internal;
    const $ = html(dist, 'releases');
    const rows = $('table.release-table tbody tr');
    expect(rows).toHaveLength(RELEASES_PER_PAGE);
    const expected = [...hub.releases].sort(compareReleasesNewestFirst);
    expect(rows.map((_, row) => $(row).find('th a').text()).get()).toEqual(expected.slice(0, RELEASES_PER_PAGE).map((release) => release.version));
    const webRow = rows.filter((_, row) => $(row).find('th a').attr('href') === '/releases/web/4.3.0/');
    const release = hub.releases.find((candidate) => candidate.id === 'web/4.3.0')!;
    expect(
      webRow
        .find('td')
        .map((_, cell) => $(cell).text().trim())
        .get(),
    ).toEqual(['Northwind Web', 'Real-time co-editing', 'Rolled back', formatDate(releaseTime(release)!, 'Europe/Berlin')]);
    const page2 = html(dist, 'releases/page/2').root();
    expect(page2.find('table.release-table tbody tr')).toHaveLength(hub.releases.length - RELEASES_PER_PAGE);
    expect(page2.find('nav.pagination a[rel="prev"]').attr('href')).toBe('/releases/');
  });

  it('filters by product, status and audience with plain links to pre-rendered pages', () => {
    const dist = dists().internal;
    const $ = html(dist, 'releases');
    const filterLinks = $('nav.filters a')
      .map((_, link) => $(link).attr('href'))
      .get();
    expect(filterLinks).toEqual(expect.arrayContaining(['/releases/product/web/', '/releases/status/rolled-back/', '/releases/audience/internal/']));
    for (const href of filterLinks) expect(pageExists(dist, href), href).toBe(true);

    const rolledBack = html(dist, 'releases/status/rolled-back');
    const versions = rolledBack('tbody th a')
      .map((_, link) => rolledBack(link).attr('href'))
      .get();
    expect(versions.sort()).toEqual(
      hub.releases
        .filter((release) => release.status === 'rolled-back')
        .map((release) => `/releases/${release.id}/`)
        .sort(),
    );
    // Combined filters: counts are of the combination; each choice keeps the other filters.
    const combined = html(dist, 'releases/product/web/status/rolled-back');
    expect(
      combined('tbody th a')
        .map((_, link) => combined(link).attr('href'))
        .get(),
    ).toEqual(['/releases/web/4.3.0/', '/releases/web/3.11.0/']);
    expect(
      combined('nav.filters a[aria-current="page"]')
        .map((_, link) => combined(link).text().replace(/\s+/g, ' ').trim())
        .get(),
    ).toEqual(['Northwind Web (2)', 'Rolled back (2)', 'All (2)']);
    const internalOnly = html(dist, 'releases/audience/internal')('tbody th a').length;
    expect(internalOnly).toBe(hub.releases.filter((release) => release.audience === 'internal').length);
  });

  it('has no audience filter in the public build, and public releases only', () => {
    const dist = dists().public;
    const $ = html(dist, 'releases');
    expect(
      $('nav.filters h2')
        .map((_, heading) => $(heading).text())
        .get(),
    ).toEqual(['Product', 'Status']);
    expect(existsSync(path.join(dist, 'releases/audience'))).toBe(false);
    const publicCount = hub.releases.filter((release) => release.audience === 'public').length;
    expect(publicCount).toBeLessThanOrEqual(RELEASES_PER_PAGE);
    expect($('tbody th a')).toHaveLength(publicCount);
    expect(existsSync(path.join(dist, 'releases/page/2'))).toBe(false);
  });
});

describe('/releases/<product>/<version>/', () => {
  it('exists for every release of the audience and no other', () => {
    const { internal, public: publicDist } = dists();
    for (const release of hub.releases) {
      expect(pageExists(internal, `/releases/${release.id}/`), release.id).toBe(true);
      expect(pageExists(publicDist, `/releases/${release.id}/`), release.id).toBe(release.audience === 'public');
    }
  });

  it('shows everything about a release in the internal build', () => {
    const $ = html(dists().internal, 'releases/web/4.3.0');
    expect($('h1').text()).toBe('Northwind Web 4.3.0 Real-time co-editing');
    expect($('h1')).toHaveLength(1);
    expect(
      $('.timeline li')
        .map((_, step) => $(step).attr('data-step'))
        .get(),
    ).toEqual(['accepted', 'window', 'deployment-started', 'deployed', 'rolled-back']);
    expect($('.timeline li[data-step="rolled-back"] time').attr('datetime')).toBe('2026-06-16T04:40:00+02:00');
    const fact = (label: string) =>
      $('article > dl.facts > div')
        .filter((_, item) => $(item).find('dt').text() === label)
        .find('dd');
    expect(fact('Risk').text()).toBe('High');
    expect(fact('Audience').text()).toBe('Public (in the changelog)');
    expect(fact('Owner').find('a').attr('href')).toBe('/people/bob/');
    expect(fact('RACI').find('a').attr('href')).toBe('/raci/standard-release/');
    expect(
      fact('Runbooks')
        .find('a')
        .map((_, link) => $(link).attr('href'))
        .get(),
    ).toEqual(['/runbooks/deploy-web/', '/runbooks/rollback-web/', '/runbooks/release-test-plan/']);
    expect($('section.rollback').text()).toContain('merge queue overflowed under load');
    expect($('section[aria-labelledby="incidents"] tbody th').text()).toBe('INC-152');
    expect($('section[aria-labelledby="gtm"]').text()).toContain('Launch webinar moved to 1 July');
    expect(
      $('section[aria-labelledby="changes"] h3')
        .map((_, heading) => $(heading).text())
        .get(),
    ).toEqual(['Added', 'Changed']);
    expect($('section[aria-labelledby="changes"]').text()).toContain('CRDT-based');
    expect($('section.notes h2').first().text()).toBe('Release notes');
    expect($('section.notes').text()).toContain('Live cursors with names and colours');
    expect($('nav.neighbours a[rel="prev"]').attr('href')).toBe('/releases/web/4.2.0/');
    expect($('nav.neighbours a[rel="next"]').attr('href')).toBe('/releases/web/4.3.1/');
  });

  it('calls out breaking changes first, then groups changes in Keep a Changelog order', () => {
    const $ = html(dists().internal, 'releases/web/4.0.0');
    const headings = $('section[aria-labelledby="changes"] h3')
      .map((_, heading) => $(heading).text().trim())
      .get();
    expect(headings).toEqual(['⚠ Breaking changes', 'Added', 'Changed', 'Removed']);
    expect($('section.breaking li')).toHaveLength(4);
    expect($('section[aria-labelledby="satisfaction"]').text()).toContain('3.8 out of 5 from 74 responses');
  });

  it('links v1.2.3 and #123 in summaries', () => {
    const $ = html(dists().internal, 'releases/web/4.3.1');
    expect($('section[aria-labelledby="changes"] a[href="/releases/web/4.3.0/"] code').text()).toBe('v4.3.0');
    expect($('section[aria-labelledby="changes"] a[href="https://tracker.northwind.example/issues/2731"]').text()).toBe('#2731');
  });

  it('shows only the public view in the public build', () => {
    const $ = html(dists().public, 'releases/web/4.3.0');
    const text = $('main').text();
    expect($('main a[href^="/people/"], main a[href^="/runbooks/"], main a[href^="/raci/"]')).toHaveLength(0);
    for (const hidden of ['Bob Lindqvist', 'INC-152', 'CRDT-based', 'merge queue', 'Launch webinar', 'Risk', 'Accepted']) expect(text).not.toContain(hidden);
    expect(text).toContain('Real-time co-editing of task descriptions');
    expect($('.badge').first().text()).toBe('Rolled back');
  });

  it('ships no JavaScript of its own on release and listing pages', () => {
    const { internal, public: publicDist } = dists();
    const common = ['releases', 'releases/product/web', 'releases/status/released', 'releases/web/4.3.0', 'releases/api/2.4.0'];
    for (const [dist, pathnames] of [
      [internal, [...common, 'releases/page/2', 'releases/audience/internal', 'releases/web/3.10.1']],
      [publicDist, common],
    ] as const) {
      for (const pathname of pathnames) {
        const $ = html(dist, pathname);
        expect(ownScripts($).length, `${dist} ${pathname}`).toBe(0);
        expect($('main [onclick], main [onload], main [onerror], main [onmouseover]').length).toBe(0);
      }
    }
  });
});

describe('/api/releases.json', () => {
  for (const audience of ['internal', 'public'] as const) {
    it(`lists every release of the ${audience} build with ISO times, its zone and an absolute URL`, () => {
      const dist = dists()[audience];
      const document = JSON.parse(readFileSync(path.join(dist, 'api/releases.json'), 'utf8')) as ReleasesDocument;
      const expected = viewForAudience(hub, audience).releases;
      expect(document.audience).toBe(audience);
      expect(document.timezone).toBe('Europe/Berlin');
      expect(document.releases.map((release) => release.id).sort()).toEqual(expected.map((release) => release.id).sort());
      for (const release of document.releases) {
        expect(release.url).toBe(`https://releases.northwind.example/releases/${release.id}/`);
        expect(pageExists(dist, release.url)).toBe(true);
        expect(release.timezone).toBe(hub.releases.find((candidate) => candidate.id === release.id)!.timezone);
        for (const time of [release.window?.start, release.window?.end, release.deployment?.finishedAt, release.acceptedAt]) {
          if (time) expect(time).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d[+-]\d\d:\d\d$/);
        }
      }
      const sample = document.releases.find((release) => release.id === 'web/4.3.0')!;
      expect(sample.deployment?.finishedAt).toBe('2026-06-16T02:48:00+02:00');
      expect(sample.owner).toBe(audience === 'internal' ? 'bob' : null);
      expect(sample.changes.every((change) => audience === 'internal' || change.audience === 'public')).toBe(true);
    });
  }
});

describe('sitemap', () => {
  for (const audience of ['internal', 'public'] as const) {
    it(`lists the pages of the ${audience} build with absolute URLs that exist`, () => {
      const dist = dists()[audience];
      const index = readFileSync(path.join(dist, 'sitemap-index.xml'), 'utf8');
      expect(XMLValidator.validate(index)).toBe(true);
      const parser = new XMLParser({ isArray: (name) => name === 'sitemap' || name === 'url' });
      const sitemaps = parser.parse(index).sitemapindex.sitemap.map((entry: { loc: string }) => entry.loc);
      const urls = sitemaps.flatMap((loc: string) =>
        parser.parse(readFileSync(path.join(dist, new URL(loc).pathname), 'utf8')).urlset.url.map((entry: { loc: string }) => entry.loc),
      );
      expect(urls).toContain('https://releases.northwind.example/releases/web/4.3.0/');
      expect(urls).toContain('https://releases.northwind.example/changelog/');
      for (const url of urls) {
        expect(url.startsWith('https://releases.northwind.example/')).toBe(true);
        expect(pageExists(dist, url), url).toBe(true);
      }
      expect(urls.includes('https://releases.northwind.example/releases/web/3.10.1/')).toBe(audience === 'internal');
    });
  }
});
