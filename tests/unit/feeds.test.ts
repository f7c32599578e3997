/**
 * Changelog feeds as written by src/releases/feeds.ts, read back with real parsers: fast-xml-parser's
 * validator for well-formed XML, @rowanmanning/feed-parser for RSS and Atom semantics.
 */
import { parseFeed } from '@rowanmanning/feed-parser';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { describe, expect, it } from 'vitest';
import { changelogFeed, FEED_ITEM_LIMIT, feedHtml, feedLinks, toAtom, toJsonFeed, toRss } from '../../src/releases/feeds.ts';
import type { Change } from '../../src/core/model.ts';
import { at, makeHub, makeRelease } from './helpers/hub-factory.ts';

const change = (summary: string): Change => ({ type: 'added', summary, breaking: false, audience: 'public' });
const hub = makeHub({
  releases: [
    makeRelease({
      version: '1.0.0',
      title: 'First & <best>',
      status: 'released',
      audience: 'public',
      tags: ['launch'],
      deployment: { finishedAt: at('2026-03-10T02:41') },
      changes: [change('One')],
    }),
    makeRelease({
      version: '1.1.0',
      status: 'rolled-back',
      audience: 'public',
      summary: 'Back **out**',
      deployment: { finishedAt: at('2026-04-14T02:30') },
      rollback: { reason: 'x' },
    }),
    makeRelease({ version: '1.2.0', status: 'released', audience: 'internal', deployment: { finishedAt: at('2026-05-01T02:30') } }),
    makeRelease({ product: 'api', version: '2.0.0', title: 'API', status: 'released', audience: 'public', deployment: { finishedAt: at('2026-03-10T02:41') } }),
  ],
});
const content = (id: string) => `<p>Content of ${id} <a href="/releases/">all</a></p>`;
const feed = changelogFeed(hub, undefined, (entry) => content(entry.release.id));

describe('the feed model', () => {
  it('holds the changelog entries, newest first, with stable absolute ids and the release time', () => {
    expect(feed.items.map((item) => [item.id, item.title, item.publishedIso])).toEqual([
      ['https://releases.acme.example/releases/web/1.1.0/', 'Acme Web 1.1.0 (rolled back)', '2026-04-14T02:30:00+02:00'],
      // Same release time: SemVer descending.
      ['https://releases.acme.example/releases/api/2.0.0/', 'Acme API 2.0.0: API', '2026-03-10T02:41:00+01:00'],
      ['https://releases.acme.example/releases/web/1.0.0/', 'Acme Web 1.0.0: First & <best>', '2026-03-10T02:41:00+01:00'],
    ]);
    expect(feed.items[0]!.summary).toBe('Back out');
    expect(feed.items[2]!.contentHtml).toBe('<p>Content of web/1.0.0 <a href="https://releases.acme.example/releases/">all</a></p>');
    expect(feed.updated.toISOString()).toBe('2026-04-14T00:30:00.000Z');
    expect(feed.feedUrls).toEqual({
      rss: 'https://releases.acme.example/changelog/rss.xml',
      atom: 'https://releases.acme.example/changelog/atom.xml',
      json: 'https://releases.acme.example/changelog/feed.json',
    });
  });

  it('has one feed per product, and an empty feed dated at the epoch, never the clock', () => {
    const api = changelogFeed(hub, 'api', () => '');
    expect(api.items.map((item) => item.id)).toEqual(['https://releases.acme.example/releases/api/2.0.0/']);
    expect(api.homePageUrl).toBe('https://releases.acme.example/changelog/api/');
    const empty = changelogFeed(makeHub(), 'web', () => '');
    expect(empty.items).toEqual([]);
    expect(empty.updated.getTime()).toBe(0);
  });

  it(`keeps the newest ${FEED_ITEM_LIMIT} items`, () => {
    const releases = Array.from({ length: FEED_ITEM_LIMIT + 5 }, (_, index) =>
      makeRelease({
        version: `1.0.${index}`,
        status: 'released',
        audience: 'public',
        deployment: { finishedAt: at('2026-01-01T00:00Z').add({ hours: index }) },
      }),
    );
    const long = changelogFeed(makeHub({ releases }), undefined, () => '');
    expect(long.items).toHaveLength(FEED_ITEM_LIMIT);
    expect(long.items[0]!.id).toContain(`/1.0.${FEED_ITEM_LIMIT + 4}/`);
  });
});

describe('RSS 2.0', () => {
  const xml = toRss(feed, 'Acme Release Hub');

  it('is well-formed XML with an rss 2.0 root', () => {
    expect(XMLValidator.validate(xml)).toBe(true);
    expect(new XMLParser({ ignoreAttributes: false }).parse(xml).rss['@_version']).toBe('2.0');
  });

  it('reads back with the items, ids, titles, dates, links and full content', () => {
    const parsed = parseFeed(xml);
    expect(parsed.meta.type).toBe('rss');
    expect(parsed.title).toBe('Acme Release Hub changelog');
    expect(parsed.self).toBe('https://releases.acme.example/changelog/rss.xml');
    expect(parsed.updated?.toISOString()).toBe('2026-04-14T00:30:00.000Z');
    expect(parsed.items.map((item) => [item.id, item.url, item.title, item.published?.toISOString()])).toEqual(
      feed.items.map((item) => [item.id, item.url, item.title, item.published.toISOString()]),
    );
    expect(parsed.items[2]!.content).toBe(feed.items[2]!.contentHtml);
    expect(parsed.items[2]!.categories.map((category) => category.label)).toEqual(['launch']);
  });
});

describe('Atom', () => {
  const xml = toAtom(feed, 'Acme Release Hub');

  it('is well-formed XML in the Atom namespace with the elements RFC 4287 requires', () => {
    expect(XMLValidator.validate(xml)).toBe(true);
    const root = new XMLParser({ ignoreAttributes: false, isArray: (name) => name === 'entry' || name === 'link' }).parse(xml).feed;
    expect(root['@_xmlns']).toBe('http://www.w3.org/2005/Atom');
    expect(root.id).toBe('https://releases.acme.example/changelog/');
    expect(root.updated).toBe('2026-04-14T00:30:00.000Z');
    expect(root.author.name).toBe('Acme Release Hub');
    for (const entry of root.entry) {
      expect(entry.id).toMatch(/^https:\/\/releases\.acme\.example\/releases\/.+\/$/);
      expect(entry.updated).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);
      expect(entry.link[0]['@_href']).toBe(entry.id);
      expect(entry.content['@_type']).toBe('html');
    }
  });

  it('reads back with the same items as the RSS feed', () => {
    const parsed = parseFeed(xml);
    expect(parsed.meta.type).toBe('atom');
    expect(parsed.items.map((item) => [item.id, item.url, item.title, item.published?.toISOString(), item.content])).toEqual(
      feed.items.map((item) => [item.id, item.url, item.title, item.published.toISOString(), item.contentHtml]),
    );
  });
});

describe('JSON Feed 1.1', () => {
  it('is a 1.1 document with the same items', () => {
    const json = JSON.parse(JSON.stringify(toJsonFeed(feed, 'Acme Release Hub')));
    expect(json.version).toBe('https://jsonfeed.org/version/1.1');
    expect(json.feed_url).toBe('https://releases.acme.example/changelog/feed.json');
    expect(json.authors).toEqual([{ name: 'Acme Release Hub', url: 'https://releases.acme.example' }]);
    expect(json.items.map((item: Record<string, unknown>) => [item.id, item.url, item.title, item.date_published, item.content_html])).toEqual(
      feed.items.map((item) => [item.id, item.url, item.title, item.publishedIso, item.contentHtml]),
    );
    expect(json.items[2].tags).toEqual(['launch']);
    expect(json.items[1]).not.toHaveProperty('tags');
  });
});

describe('feed HTML', () => {
  it('makes URLs absolute and drops what only the site CSS hides', () => {
    const html =
      '<div><h2 id="a">A</h2><a class="heading-anchor" href="#a"><span aria-hidden="true">#</span><span class="visually-hidden">Link to section: A</span></a></div>' +
      '<p data-astro-cid-x1="">See <a href="../4.0.0/">4.0.0</a>, <a href="https://e.example/">e</a>, <img src="/i.png" alt="i"><!-- note --><span hidden>h</span></p>';
    expect(feedHtml(html, 'https://h.example/releases/web/4.1.0/')).toBe(
      '<div><h2 id="a">A</h2></div><p>See <a href="https://h.example/releases/web/4.0.0/">4.0.0</a>, <a href="https://e.example/">e</a>, <img src="https://h.example/i.png" alt="i"></p>',
    );
  });
});

describe('feedLinks', () => {
  it('links the three feeds of a folder, in the order pages show them', () => {
    expect(feedLinks('/team-hub/security/')).toEqual([
      { label: 'RSS', type: 'application/rss+xml', href: '/team-hub/security/rss.xml' },
      { label: 'Atom', type: 'application/atom+xml', href: '/team-hub/security/atom.xml' },
      { label: 'JSON Feed', type: 'application/feed+json', href: '/team-hub/security/feed.json' },
    ]);
  });
});
