/**
 * The built changelog feeds of the example hub (all products, each product and a tag, both audiences),
 * parsed back with real parsers and checked against the content: count, ids, titles, dates,
 * absolute links, full content.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { parseFeed } from '@rowanmanning/feed-parser';
import { load } from 'cheerio';
import { XMLValidator } from 'fast-xml-parser';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadContentRoot } from '../../src/content/load.ts';
import { FEED_ITEM_LIMIT } from '../../src/releases/feeds.ts';
import { createMarkdownRenderer } from '../../src/markdown/fields.ts';
import type { Hub, Release } from '../../src/core/model.ts';
import { builtSite } from './helpers/scenario.ts';

const contentRoot = path.resolve(import.meta.dirname, '../../content');
const SITE = 'https://releases.northwind.example';
let hub: Hub;
beforeAll(async () => {
  hub = (await loadContentRoot(contentRoot)).hub!;
});

const plain = createMarkdownRenderer({ releaseHref: () => undefined });
const textOf = (html: string) =>
  html
    .replace(/<[^>]+>/g, '')
    .replace(/&amp;/g, '&')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#x27;|&#39;/g, "'")
    .replace(/\s+/g, ' ');

/** What a feed of `product` (all when undefined) must hold: shipped public releases, newest first (SemVer on ties), at most 50. */
function expectedItems(product: string | undefined): Release[] {
  return hub.releases
    .filter((release) => release.audience === 'public' && (release.status === 'released' || release.status === 'rolled-back') && release.deployment?.finishedAt)
    .filter((release) => product === undefined || release.product === product)
    .sort((a, b) => b.deployment!.finishedAt!.epochMilliseconds - a.deployment!.finishedAt!.epochMilliseconds)
    .slice(0, FEED_ITEM_LIMIT);
}

const productName = (id: string) => hub.config.products.find((product) => product.id === id)!.name;
const expectedTitle = (release: Release) =>
  `${productName(release.product)} ${release.version}${release.title ? `: ${release.title}` : ''}${release.status === 'rolled-back' ? ' (rolled back)' : ''}`;

interface ParsedItem {
  id: string | null;
  url: string | null;
  title: string | null;
  published: Date | null;
  content: string | null;
}

function checkItems(items: ParsedItem[], product: string | undefined, dist: string) {
  const expected = expectedItems(product);
  expect(items.length).toBe(expected.length);
  expect(items.length).toBeGreaterThan(0);
  items.forEach((item, index) => {
    const release = expected[index]!;
    const url = `${SITE}/releases/${release.id}/`;
    expect(item.id).toBe(url);
    expect(item.url).toBe(url);
    expect(existsSync(path.join(dist, new URL(item.url!).pathname, 'index.html')), item.url!).toBe(true);
    expect(item.title).toBe(expectedTitle(release));
    expect(item.published?.getTime()).toBe(release.deployment!.finishedAt!.epochMilliseconds);
    const text = textOf(item.content ?? '');
    for (const change of release.changes) {
      expect(text.includes(plain.text(change.summary, release.product)), `${release.id}: ${change.summary}`).toBe(change.audience === 'public');
    }
    // Every link in the content is absolute.
    for (const [, href] of (item.content ?? '').matchAll(/\s(?:href|src)="([^"]*)"/g)) expect(href, release.id).toMatch(/^(https?:|mailto:)/);
  });
}

describe.each([
  ['all products', undefined, 'changelog'],
  ['web', 'web', 'changelog/web'],
  ['api', 'api', 'changelog/api'],
] as const)('feeds of %s', (_, product, folder) => {
  for (const audience of ['internal', 'public'] as const) {
    const dist = () => (audience === 'internal' ? builtSite('example-internal') : builtSite('example-public'));

    it(`RSS 2.0 (${audience} build)`, () => {
      const xml = readFileSync(path.join(dist(), folder, 'rss.xml'), 'utf8');
      expect(XMLValidator.validate(xml)).toBe(true);
      const feed = parseFeed(xml);
      expect(feed.meta).toMatchObject({ type: 'rss', version: '2.0' });
      expect(feed.url).toBe(`${SITE}/${folder}/`);
      expect(feed.self).toBe(`${SITE}/${folder}/rss.xml`);
      expect(feed.updated?.getTime()).toBe(expectedItems(product)[0]!.deployment!.finishedAt!.epochMilliseconds);
      checkItems(feed.items, product, dist());
    });

    it(`Atom (${audience} build)`, () => {
      const xml = readFileSync(path.join(dist(), folder, 'atom.xml'), 'utf8');
      expect(XMLValidator.validate(xml)).toBe(true);
      const feed = parseFeed(xml);
      expect(feed.meta.type).toBe('atom');
      expect(feed.self).toBe(`${SITE}/${folder}/atom.xml`);
      expect(feed.updated?.getTime()).toBe(expectedItems(product)[0]!.deployment!.finishedAt!.epochMilliseconds);
      checkItems(feed.items, product, dist());
    });

    it(`JSON Feed 1.1 (${audience} build)`, () => {
      const json = JSON.parse(readFileSync(path.join(dist(), folder, 'feed.json'), 'utf8'));
      expect(json.version).toBe('https://jsonfeed.org/version/1.1');
      expect(json.feed_url).toBe(`${SITE}/${folder}/feed.json`);
      expect(json.home_page_url).toBe(`${SITE}/${folder}/`);
      for (const item of json.items) expect(item.date_published).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d[+-]\d\d:\d\d$/);
      checkItems(
        json.items.map((item: Record<string, string>) => ({ ...item, published: new Date(item.date_published!), content: item.content_html })),
        product,
        dist(),
      );
    });
  }
});

describe('feed content', () => {
  it('carries the release narrative as HTML, without the site-only heading anchors', () => {
    const feed = parseFeed(readFileSync(path.join(builtSite('example-public'), 'changelog/web/atom.xml'), 'utf8'));
    const item = feed.items.find((candidate) => candidate.id === `${SITE}/releases/web/4.0.0/`)!;
    expect(item.content).toContain('<h2 id="migration-guide">Migration guide</h2>');
    expect(item.content).toContain('93 % of them mapped exactly onto');
    expect(item.content).not.toContain('Link to section');
    expect(item.content).not.toMatch(/data-astro-cid/);
  });
});

describe.each(['internal', 'public'] as const)('tag feeds (%s build)', (audience) => {
  const dist = () => (audience === 'internal' ? builtSite('example-internal') : builtSite('example-public'));
  // "security" is on releases of both products; the changelog (public, shipped) has four of them.
  const SECURITY = [
    'Northwind API 2.2.1: Security fix for CVE-2026-1234',
    'Northwind API 2.2.0: Webhook signatures v2',
    'Northwind Web 3.17.1: Security fix for the Markdown preview',
    'Northwind API 1.18.0: Scoped API tokens and OAuth client credentials',
  ];
  const folder = 'changelog/tags/security';

  it('RSS and Atom of a tag hold its changelog releases across products, newest first', () => {
    for (const [file, type] of [
      ['rss.xml', 'rss'],
      ['atom.xml', 'atom'],
    ] as const) {
      const xml = readFileSync(path.join(dist(), folder, file), 'utf8');
      expect(XMLValidator.validate(xml)).toBe(true);
      const feed = parseFeed(xml);
      expect(feed.meta.type).toBe(type);
      expect(feed.title).toBe('Northwind Release Hub changelog: security');
      expect(feed.self).toBe(`${SITE}/${folder}/${file}`);
      expect(feed.url).toBe(`${SITE}/changelog/tags/#tag-security`);
      expect(feed.items.map((item) => item.title)).toEqual(SECURITY);
      expect(feed.items[0]!.url).toBe(`${SITE}/releases/api/2.2.1/`);
      for (const item of feed.items) expect(item.categories.map((category) => category.label)).toContain('security');
    }
  });

  it('JSON Feed 1.1 of a tag holds the same items', () => {
    const json = JSON.parse(readFileSync(path.join(dist(), folder, 'feed.json'), 'utf8'));
    expect(json.version).toBe('https://jsonfeed.org/version/1.1');
    expect(json.feed_url).toBe(`${SITE}/${folder}/feed.json`);
    expect(json.items.map((item: { title: string }) => item.title)).toEqual(SECURITY);
  });

  it('has feeds for the tags of changelog releases only, each listed on /changelog/tags/ with its three feeds', () => {
    const publicShipped = hub.releases.filter(
      (release) => release.audience === 'public' && (release.status === 'released' || release.status === 'rolled-back') && release.deployment?.finishedAt,
    );
    const expected = [...new Set(publicShipped.flatMap((release) => release.tags))].sort();
    const folders = readdirSync(path.join(dist(), 'changelog/tags'), { withFileTypes: true })
      .filter((entry) => entry.isDirectory())
      .map((entry) => entry.name)
      .sort();
    expect(folders).toEqual(expected);
    // Tags of internal or unshipped releases only have no feed: "infrastructure", "kubernetes", "graphql".
    for (const tag of ['infrastructure', 'kubernetes', 'graphql']) expect(folders).not.toContain(tag);
    const $ = load(readFileSync(path.join(dist(), 'changelog/tags/index.html'), 'utf8'));
    expect($('tbody tr').length).toBe(expected.length);
    expect(
      $('#tag-security a')
        .map((_, link) => $(link).attr('href'))
        .get(),
    ).toEqual(['/releases/api/2.2.1/', `/${folder}/rss.xml`, `/${folder}/atom.xml`, `/${folder}/feed.json`]);
    expect($('#tag-security td').first().text()).toBe('4 releases');
  });
});
