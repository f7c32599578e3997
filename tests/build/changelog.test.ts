/** The built customer changelog of the example hub: what it lists, in which order, its pages, anchors and feed links. */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { load, type CheerioAPI } from 'cheerio';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadContentRoot } from '../../src/content/load.ts';
import { CHANGELOG_ENTRIES_PER_PAGE } from '../../src/releases/changelog.ts';
import { createMarkdownRenderer } from '../../src/markdown/fields.ts';
import type { Hub, Release } from '../../src/core/model.ts';
import { builtSite } from './helpers/scenario.ts';

const contentRoot = path.resolve(import.meta.dirname, '../../content');
let hub: Hub;
beforeAll(async () => {
  hub = (await loadContentRoot(contentRoot)).hub!;
});

const dists = () => ({ internal: builtSite('example-internal'), public: builtSite('example-public') });
const html = (dist: string, pathname: string): CheerioAPI => load(readFileSync(path.join(dist, pathname, 'index.html'), 'utf8'));
const plain = createMarkdownRenderer({ releaseHref: () => undefined });
const isShipped = (release: Release) =>
  release.audience === 'public' && (release.status === 'released' || release.status === 'rolled-back') && release.deployment?.finishedAt !== undefined;

/** Every entry of a changelog, across its pages: anchor id and release time. */
function entriesOf(dist: string, base: string): { id: string; datetime: string; text: string }[] {
  const entries: { id: string; datetime: string; text: string }[] = [];
  for (let page = 1; ; page++) {
    const pathname = page === 1 ? base : `${base}/page/${page}`;
    if (!existsSync(path.join(dist, pathname, 'index.html'))) break;
    const $ = html(dist, pathname);
    const articles = $('article.entry');
    expect(articles.length).toBeLessThanOrEqual(CHANGELOG_ENTRIES_PER_PAGE);
    articles.each((_, article) => {
      entries.push({ id: $(article).attr('id')!, datetime: $(article).find('header time').attr('datetime')!, text: $(article).text() });
    });
  }
  return entries;
}

describe('/changelog/', () => {
  it('lists exactly the public releases that shipped, newest first, over pages of 20', () => {
    const expected = hub.releases.filter(isShipped);
    const entries = entriesOf(dists().internal, 'changelog');
    expect(entries.map((entry) => entry.id).sort()).toEqual(expected.map((release) => `${release.product}-${release.version.replaceAll('.', '-')}`).sort());
    const times = entries.map((entry) => Date.parse(entry.datetime));
    expect(times).toEqual([...times].sort((a, b) => b - a));
    expect(existsSync(path.join(dists().internal, 'changelog/page/2/index.html'))).toBe(expected.length > CHANGELOG_ENTRIES_PER_PAGE);
  });

  it('shows public changes only, and marks rolled-back releases', () => {
    const entries = entriesOf(dists().internal, 'changelog');
    const byId = new Map(entries.map((entry) => [entry.id, entry.text.replace(/\s+/g, ' ')]));
    for (const release of hub.releases.filter(isShipped)) {
      const text = byId.get(`${release.product}-${release.version.replaceAll('.', '-')}`)!;
      for (const change of release.changes) {
        expect(text.includes(plain.text(change.summary, release.product)), `${release.id}: ${change.summary}`).toBe(change.audience === 'public');
      }
      expect(text.includes('This release was rolled back.')).toBe(release.status === 'rolled-back');
    }
  });

  it('gives every version a permalink anchor on its page', () => {
    const $ = html(dists().internal, 'changelog');
    $('article.entry').each((_, article) => {
      expect($(article).find('h2 a.permalink').attr('href')).toBe(`#${$(article).attr('id')}`);
      expect($(article).find(`a[href^="/releases/"]`).last().attr('href')).toMatch(/^\/releases\/[a-z]+\/\d+\.\d+\.\d+\/$/);
    });
  });

  it('is the same customer view in the internal and the public build', () => {
    for (const pathname of ['changelog', 'changelog/page/2', 'changelog/web', 'changelog/api']) {
      expect(html(dists().public, pathname)('main').html(), pathname).toBe(html(dists().internal, pathname)('main').html());
    }
  });
});

describe('/changelog/<product>/', () => {
  it("lists one product, and links that product's feeds for autodiscovery", () => {
    for (const product of ['web', 'api']) {
      const entries = entriesOf(dists().public, `changelog/${product}`);
      expect(entries.map((entry) => entry.id.split('-')[0])).toEqual(entries.map(() => product));
      expect(entries).toHaveLength(hub.releases.filter((release) => release.product === product && isShipped(release)).length);
      const $ = html(dists().public, `changelog/${product}`);
      const alternates = $('head link[rel="alternate"]')
        .map((_, link) => [[$(link).attr('type'), $(link).attr('href')]])
        .get();
      expect(alternates).toEqual(
        expect.arrayContaining([
          ['application/rss+xml', `/changelog/${product}/rss.xml`],
          ['application/atom+xml', `/changelog/${product}/atom.xml`],
          ['application/feed+json', `/changelog/${product}/feed.json`],
        ]),
      );
      for (const [, href] of alternates) expect(existsSync(path.join(dists().public, href!)), href).toBe(true);
    }
  });

  it('ships no JavaScript of its own', () => {
    for (const dist of Object.values(dists())) {
      for (const pathname of ['changelog', 'changelog/page/2', 'changelog/web', 'changelog/api']) {
        const $ = html(dist, pathname);
        // The frame's scripts (Base.astro: theme in <head>, search and theme toggle in the site header) are every page's, not this page's.
        const scripts = $('body script').filter((_, element) => $(element).closest('header.site-header').length === 0);
        expect(scripts.length, pathname).toBe(0);
        expect($('main [onclick], main [onload], main [onerror]').length, pathname).toBe(0);
      }
    }
  });
});
