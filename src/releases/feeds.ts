/**
 * Changelog feeds (SPEC §3): RSS 2.0 and Atom (RFC 4287) written by the `feed` package, and
 * JSON Feed 1.1 as a plain object (`feed` only writes JSON Feed 1.0). One model per feed, built
 * from the changelog entries, so the three formats always hold the same items.
 *
 * - Item id: the absolute URL of the release page: stable for a given hub.yaml `url`, and unique
 *   (product + version).
 * - Dates: the release time (`deployment.finishedAt`); the feed's `updated` is its newest item,
 *   never the clock, so a rebuild of the same content gives the same bytes. A feed without items
 *   says 1970-01-01T00:00:00Z.
 * - Content: full HTML (summary, changes, release notes) with every URL made absolute, sanitized
 *   with the rule of the pages' Markdown (rehype-sanitize's GitHub schema, plus the hub's own
 *   classes), whatever reached it.
 * - Text: RSS `description` and Atom `title`/`summary` are read as HTML by feed readers, so every
 *   plain text is HTML-escaped there; characters that XML 1.0 forbids are dropped, and no string
 *   can close a CDATA section early: every feed is well-formed XML for any input.
 */
import { Feed } from 'feed';
import type { Element, Root } from 'hast';
import rehypeParse from 'rehype-parse';
import rehypeSanitize from 'rehype-sanitize';
import { FEED_HTML_SCHEMA } from '../markdown/sanitize.ts';
import rehypeStringify from 'rehype-stringify';
import { unified } from 'unified';
import { changelogEntries, type ChangelogEntry } from './changelog.ts';
import { isoDateTime } from '../presentation/format.ts';
import { markdownForHub } from '../markdown/fields.ts';
import type { Hub } from '../core/model.ts';
import { productName } from './releases.ts';
import { absoluteUrl, changelogPath, changelogTagsPath, releasePath } from '../core/urls.ts';
import { tagAnchor, type ChangelogTag } from './tags.ts';

/** The newest items a feed holds: readers poll feeds often, so they stay small on a hub with thousands of releases. */
export const FEED_ITEM_LIMIT = 50;

/** The three files of one feed. */
export const FEED_FILES = { rss: 'rss.xml', atom: 'atom.xml', json: 'feed.json' } as const;

/** One feed of a folder as a page links it: in the head (`rel="alternate"`) and in its text. */
export interface FeedLink {
  label: 'RSS' | 'Atom' | 'JSON Feed';
  type: 'application/rss+xml' | 'application/atom+xml' | 'application/feed+json';
  href: string;
}

/** Why: the pages that offer a folder's feeds (changelog, security, roadmap) link its three files alike. */
export function feedLinks(base: string): FeedLink[] {
  return [
    { label: 'RSS', type: 'application/rss+xml', href: `${base}${FEED_FILES.rss}` },
    { label: 'Atom', type: 'application/atom+xml', href: `${base}${FEED_FILES.atom}` },
    { label: 'JSON Feed', type: 'application/feed+json', href: `${base}${FEED_FILES.json}` },
  ];
}

/**
 * Why: every feed of the hub (changelog, security, roadmap, trains, digests) is found the same way:
 * its three files in the folder at `base`; its home page is that folder's page unless `homePage` is given.
 */
export function feedLocations(
  site: string,
  base: string,
  homePage: string = base,
): { homePageUrl: string; feedUrls: { rss: string; atom: string; json: string } } {
  return {
    homePageUrl: absoluteUrl(site, homePage),
    feedUrls: {
      rss: absoluteUrl(site, `${base}${FEED_FILES.rss}`),
      atom: absoluteUrl(site, `${base}${FEED_FILES.atom}`),
      json: absoluteUrl(site, `${base}${FEED_FILES.json}`),
    },
  };
}

/** One feed item, format-neutral. */
export interface ChangelogFeedItem {
  /** Absolute URL of the release page; also the item's link. */
  id: string;
  url: string;
  title: string;
  /** Plain-text summary (the release summary, else its title). */
  summary?: string;
  /** Full HTML with absolute URLs. */
  contentHtml: string;
  published: Date;
  /** The same instant as ISO 8601 with the hub zone's offset. */
  publishedIso: string;
  tags: string[];
}

/** One changelog feed, format-neutral. */
export interface ChangelogFeed {
  title: string;
  description: string;
  /** Absolute URL of the changelog page (the feed's home page). */
  homePageUrl: string;
  /** Absolute URLs of the three feed files. */
  feedUrls: Record<keyof typeof FEED_FILES, string>;
  /** The newest item's time (Unix epoch when there is none). */
  updated: Date;
  items: ChangelogFeedItem[];
}

/** Why: feeds of all products (`product` undefined) or one, from the same entries as the changelog pages. */
export function changelogFeed(hub: Hub, product: string | undefined, contentHtmlOf: (entry: ChangelogEntry) => string): ChangelogFeed {
  const { config } = hub;
  return entriesFeed(hub, changelogEntries(hub, product), contentHtmlOf, {
    title: product === undefined ? `${config.title} changelog` : `${productName(hub, product)} changelog · ${config.title}`,
    description: `What changed in ${product === undefined ? config.products.map((candidate) => candidate.name).join(' and ') : productName(hub, product)}, newest first.`,
    ...feedLocations(config.url, changelogPath(product)),
  });
}

/** Why: a feed of one tag across products (src/releases/tags.ts), from the same entries; its home page is the tag's line on the tag index. */
export function changelogTagFeed(hub: Hub, tag: ChangelogTag, contentHtmlOf: (entry: ChangelogEntry) => string): ChangelogFeed {
  const { config } = hub;
  return entriesFeed(hub, tag.entries, contentHtmlOf, {
    title: `${config.title} changelog: ${tag.name}`,
    description: `What changed in releases tagged "${tag.name}", newest first.`,
    ...feedLocations(config.url, changelogTagsPath(tag.slug), `${changelogTagsPath()}#${tagAnchor(tag)}`),
  });
}

/** The newest entries of a changelog feed as items, under the feed's title and locations. */
function entriesFeed(
  hub: Hub,
  entries: readonly ChangelogEntry[],
  contentHtmlOf: (entry: ChangelogEntry) => string,
  head: Pick<ChangelogFeed, 'title' | 'description' | 'homePageUrl' | 'feedUrls'>,
): ChangelogFeed {
  const { config } = hub;
  const site = config.url;
  const markdown = markdownForHub(hub);
  const items = entries.slice(0, FEED_ITEM_LIMIT).map((entry): ChangelogFeedItem => {
    const url = absoluteUrl(site, releasePath(entry.release));
    return {
      id: url,
      url,
      title: itemTitle(entry),
      summary: entry.release.summary ? markdown.text(entry.release.summary, entry.release.product) : entry.release.title,
      contentHtml: feedHtmlOf(entry, contentHtmlOf(entry), url),
      published: new Date(entry.time.epochMilliseconds),
      publishedIso: isoDateTime(entry.time.withTimeZone(config.timezone)),
      tags: entry.release.tags,
    };
  });
  return { ...head, updated: items[0]?.published ?? new Date(0), items };
}

const feedHtmlCache = new WeakMap<ChangelogEntry['release'], { source: string; html: string }>();

/** An item's feed HTML, cleaned once per release: the all-products, the product and the tag feeds hold the same item. */
function feedHtmlOf(entry: ChangelogEntry, source: string, url: string): string {
  const cached = feedHtmlCache.get(entry.release);
  if (cached?.source === source) return cached.html;
  const html = feedHtml(source, url);
  feedHtmlCache.set(entry.release, { source, html });
  return html;
}

/** Why: "Northwind Web 4.3.0: Real-time co-editing (rolled back)" reads well in any feed reader's list. */
function itemTitle(entry: ChangelogEntry): string {
  const { release } = entry;
  const headline = `${entry.productName} ${release.version}${release.title ? `: ${release.title}` : ''}`;
  return entry.rolledBack ? `${headline} (rolled back)` : headline;
}

function feedOf(feed: ChangelogFeed, hubTitle: string): Feed {
  const writer = new Feed({
    id: feed.homePageUrl,
    title: xmlText(feed.title),
    description: xmlText(feed.description),
    link: feed.homePageUrl,
    language: 'en',
    updated: feed.updated,
    generator: 'Release Hub',
    feedLinks: { rss: feed.feedUrls.rss, atom: feed.feedUrls.atom, json: feed.feedUrls.json },
    // RFC 4287 wants an author for every entry; the hub speaks for its releases.
    author: { name: xmlText(hubTitle), link: new URL(feed.homePageUrl).origin },
    copyright: xmlText(hubTitle),
  });
  for (const item of feed.items) {
    writer.addItem({
      id: item.id,
      guid: item.id,
      link: item.url,
      // Written as CDATA and read as HTML: escaped text, which cannot hold "]]>" or a tag.
      title: escapeHtml(item.title),
      description: item.summary === undefined ? undefined : escapeHtml(item.summary),
      content: cdataSafe(item.contentHtml),
      date: item.published,
      published: item.published,
      category: item.tags.map((tag) => ({ name: xmlText(tag), term: xmlText(tag) })),
    });
  }
  return writer;
}

/** Text without the characters XML 1.0 forbids (controls other than tab, newline and return, lone surrogates). */
export function xmlText(text: string): string {
  let kept = '';
  for (const char of text) {
    if (isXmlChar(char.codePointAt(0) ?? 0)) kept += char;
  }
  return kept;
}

/** Whether XML 1.0 allows the code point (its "Char" production). */
function isXmlChar(code: number): boolean {
  if (code === 0x9 || code === 0xa || code === 0xd) return true;
  if (code < 0x20) return false;
  if (code >= 0xd800 && code <= 0xdfff) return false; // a lone surrogate (pairs arrive joined)
  return code !== 0xfffe && code !== 0xffff;
}

/** Plain text for a field a reader shows as HTML. */
function escapeHtml(text: string): string {
  return xmlText(text).replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;');
}

/** HTML that is written inside CDATA: "]]>" would end it, and `&gt;` means the same in HTML. */
function cdataSafe(html: string): string {
  return xmlText(html).replaceAll(']]>', ']]&gt;');
}

/** Why: RSS 2.0 for the readers that only speak RSS. */
export function toRss(feed: ChangelogFeed, hubTitle: string): string {
  return feedOf(feed, hubTitle).rss2();
}

/** Why: Atom (RFC 4287): ids, updated times and HTML content are well defined there. */
export function toAtom(feed: ChangelogFeed, hubTitle: string): string {
  return escapeAtomCategories(feedOf(feed, hubTitle).atom1());
}

/**
 * `feed` escapes `&` and `"` in an Atom category's attributes but not `<`, which XML forbids there:
 * a tag such as `<b>` would make the feed unreadable. The attribute values are escaped here.
 */
function escapeAtomCategories(xml: string): string {
  return xml.replace(/<category((?:\s+[\w:-]+="[^"]*")*)\s*\/>/g, (element) =>
    element.replace(/="([^"]*)"/g, (_, value: string) => `="${value.replaceAll('<', '&lt;')}"`),
  );
}

/** A JSON Feed 1.1 document (https://jsonfeed.org/version/1.1). */
export interface JsonFeed {
  version: 'https://jsonfeed.org/version/1.1';
  title: string;
  home_page_url: string;
  feed_url: string;
  description: string;
  language: string;
  authors: { name: string; url: string }[];
  items: {
    id: string;
    url: string;
    title: string;
    summary?: string;
    content_html: string;
    date_published: string;
    tags?: string[];
  }[];
}

/** Why: JSON Feed 1.1 (not the 1.0 that `feed` writes), as a plain object for `JSON.stringify`. */
export function toJsonFeed(feed: ChangelogFeed, hubTitle: string): JsonFeed {
  return {
    version: 'https://jsonfeed.org/version/1.1',
    title: feed.title,
    home_page_url: feed.homePageUrl,
    feed_url: feed.feedUrls.json,
    description: feed.description,
    language: 'en',
    authors: [{ name: hubTitle, url: new URL(feed.homePageUrl).origin }],
    items: feed.items.map((item) => ({
      id: item.id,
      url: item.url,
      title: item.title,
      ...(item.summary ? { summary: item.summary } : {}),
      content_html: item.contentHtml,
      date_published: item.publishedIso,
      ...(item.tags.length > 0 ? { tags: item.tags } : {}),
    })),
  };
}

const htmlFragment = unified().use(rehypeParse, { fragment: true }).use(rehypeStringify);
const sanitizer = unified().use(rehypeSanitize, FEED_HTML_SCHEMA);
const URL_ATTRIBUTES: Record<string, string> = { a: 'href', img: 'src', source: 'src', video: 'src', audio: 'src', link: 'href' };

/**
 * Why: feed readers show HTML without the site's CSS and resolve relative URLs inconsistently.
 * So feed HTML carries absolute URLs (`#id` included), loses what only CSS hides (`hidden`,
 * `aria-hidden`, `.visually-hidden`, e.g. heading anchors' "Link to section" text), links left
 * empty by that, comments, and Astro's scoped-style attributes.
 */
export function feedHtml(html: string, baseUrl: string): string {
  const tree = htmlFragment.parse(html) as Root;
  const clean = (node: Root | Element) => {
    node.children = node.children.filter((child) => {
      if (child.type === 'comment') return false;
      if (child.type !== 'element') return true;
      if (isHiddenFromReaders(child)) return false;
      for (const key of Object.keys(child.properties)) if (key.startsWith('dataAstroCid')) delete child.properties[key];
      const attribute = URL_ATTRIBUTES[child.tagName];
      const value = attribute ? child.properties[attribute] : undefined;
      if (attribute && typeof value === 'string') child.properties[attribute] = URL.parse(value, baseUrl)?.toString() ?? value;
      clean(child);
      return !(child.tagName === 'a' && child.children.length === 0);
    });
  };
  clean(tree);
  return htmlFragment.stringify(sanitizer.runSync(tree) as Root).trim();
}

function isHiddenFromReaders(element: Element): boolean {
  const { hidden, ariaHidden, className } = element.properties;
  return hidden === true || ariaHidden === 'true' || (Array.isArray(className) && className.includes('visually-hidden'));
}
