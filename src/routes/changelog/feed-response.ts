/**
 * The changelog feed endpoints' shared body (all products, one product, one tag): the feed model of `src/releases/feeds.ts` filled with
 * full HTML content (FeedItemContent rendered through Astro's container API), written as RSS,
 * Atom or JSON Feed 1.1. Each item's HTML is rendered once per build and shared by all feeds.
 */
import FeedItemContent from '../../components/release/FeedItemContent.astro';
import { getContainer, narrativeHtml } from '../../runtime/narrative.ts';
import { getBuildContext } from '../../runtime/build-context.ts';
import { changelogEntries, type ChangelogEntry } from '../../releases/changelog.ts';
import { changelogFeed, changelogTagFeed, FEED_ITEM_LIMIT, toAtom, toJsonFeed, toRss, type ChangelogFeed } from '../../releases/feeds.ts';
import { changelogTags } from '../../releases/tags.ts';
import { jsonDocument } from '../../presentation/json.ts';

/** The three feed formats. */
export type FeedFormat = 'rss' | 'atom' | 'json';

const CONTENT_TYPES: Record<FeedFormat, string> = {
  rss: 'application/rss+xml; charset=utf-8',
  atom: 'application/atom+xml; charset=utf-8',
  json: 'application/feed+json; charset=utf-8',
};

const itemHtml = new Map<string, Promise<string>>();

function contentOf(entry: ChangelogEntry): Promise<string> {
  let html = itemHtml.get(entry.release.id);
  if (!html) {
    html = (async () => {
      const container = await getContainer();
      return container.renderToString(FeedItemContent, { props: { entry, narrative: await narrativeHtml(entry.release) } });
    })();
    itemHtml.set(entry.release.id, html);
  }
  return html;
}

const feeds = new Map<string, Promise<ChangelogFeed>>();

/** A feed model built once per build from its entries' rendered HTML, and written in three formats. */
function cachedFeed(
  key: string,
  entries: readonly ChangelogEntry[],
  make: (contentHtmlOf: (entry: ChangelogEntry) => string) => ChangelogFeed,
): Promise<ChangelogFeed> {
  let feed = feeds.get(key);
  if (!feed) {
    feed = (async () => {
      const contents = new Map<string, string>();
      // One after another: the renders share one container, and the HTML is memoised per release.
      for (const entry of entries.slice(0, FEED_ITEM_LIMIT)) contents.set(entry.release.id, await contentOf(entry));
      return make((entry) => contents.get(entry.release.id) ?? '');
    })();
    feeds.set(key, feed);
  }
  return feed;
}

/** Why: six endpoints (three formats, all products or one) share one implementation. */
export async function feedResponse(format: FeedFormat, product: string | undefined): Promise<Response> {
  const { hub } = getBuildContext();
  const feed = await cachedFeed(`product:${product ?? ''}`, changelogEntries(hub, product), (contentHtmlOf) => changelogFeed(hub, product, contentHtmlOf));
  return feedFileResponse(format, feed);
}

/** Why: the three feeds of each changelog tag (src/releases/tags.ts) are written like the product feeds. */
export async function tagFeedResponse(format: FeedFormat, slug: string | undefined): Promise<Response> {
  const { hub } = getBuildContext();
  const tag = changelogTags(hub).find((candidate) => candidate.slug === slug);
  if (!tag) throw new Error(`no changelog tag has the slug "${slug}"`);
  const feed = await cachedFeed(`tag:${tag.slug}`, tag.entries, (contentHtmlOf) => changelogTagFeed(hub, tag, contentHtmlOf));
  return feedFileResponse(format, feed);
}

/** Why: the changelog and the security feeds are written by the same three writers. */
export function feedFileResponse(format: FeedFormat, feed: ChangelogFeed): Response {
  const title = getBuildContext().hub.config.title;
  const body = format === 'rss' ? toRss(feed, title) : format === 'atom' ? toAtom(feed, title) : jsonDocument(toJsonFeed(feed, title));
  return new Response(body, { headers: { 'Content-Type': CONTENT_TYPES[format] } });
}

/** Why: tag feeds exist for every tag of a changelog release, and for no other. */
export async function tagFeedPaths() {
  const { hub } = getBuildContext();
  return changelogTags(hub).map((tag) => ({ params: { tag: tag.slug } }));
}

/** Why: product feeds exist for every hub.yaml product, also one without public releases yet. */
export async function productFeedPaths() {
  const { hub } = getBuildContext();
  return hub.config.products.map((product) => ({ params: { product: product.id } }));
}
