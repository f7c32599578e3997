/**
 * The changelog's tags (src/releases/tags.ts) and their feeds (src/releases/feeds.ts): which
 * releases a tag holds (the changelog's, so public and shipped only), slugs that are safe path
 * segments and do not move, and the feed's locations.
 */
import { describe, expect, it } from 'vitest';
import { changelogTagFeed, toRss } from '../../src/releases/feeds.ts';
import { changelogTags, tagSlug } from '../../src/releases/tags.ts';
import { parseFeed } from '@rowanmanning/feed-parser';
import { makeChange, makeHub, makeRelease, makeShippedRelease } from './helpers/hub-factory.ts';

const hub = makeHub({
  releases: [
    makeShippedRelease('1.0.0', '2026-03-10T02:00', [makeChange('added', 'One')], { tags: ['Real-time', 'C++'] }),
    makeShippedRelease('1.1.0', '2026-04-14T02:00', [makeChange('added', 'Two')], { tags: ['real-time', 'C#'] }),
    makeShippedRelease('2.0.0', '2026-04-20T02:00', [], { product: 'api', tags: ['real-time'], status: 'rolled-back' }),
    // Not in the changelog: internal, not shipped.
    makeShippedRelease('1.2.0', '2026-05-01T02:00', [], { tags: ['kubernetes', 'real-time'], audience: 'internal' }),
    makeRelease({ version: '1.3.0', status: 'planned', audience: 'public', tags: ['roadmap-only'] }),
  ],
});

describe('tag slugs', () => {
  it('are github-slugger slugs of ASCII letters, digits, "-" and "_"', () => {
    expect(tagSlug('Real-time')).toBe('real-time');
    expect(tagSlug('Data residency')).toBe('data-residency');
    expect(tagSlug('données')).toBe('donnees');
    expect(tagSlug('../etc/passwd')).toBe('etcpasswd');
    expect(tagSlug('<b>x</b>')).toBe('bxb');
  });

  it('are "tag-" and a hash when nothing of the text is left, the same for the same tag', () => {
    expect(tagSlug('日本語')).toMatch(/^tag-[0-9a-f]{8}$/);
    expect(tagSlug('!!')).toMatch(/^tag-[0-9a-f]{8}$/);
    expect(tagSlug('日本語')).not.toBe(tagSlug('!!'));
    expect(tagSlug('ÄÖ')).toBe('ao');
  });
});

describe('the changelog tags', () => {
  const tags = changelogTags(hub);

  it('are the tags of changelog releases only, one per text up to case, sorted by slug', () => {
    expect(tags.map((tag) => [tag.slug, tag.name, tag.entries.map((entry) => entry.release.id)])).toEqual([
      ['c', 'C++', ['web/1.0.0']],
      // C# slugs like C++, which had "c" first: it gets a hash of its own.
      [expect.stringMatching(/^c-[0-9a-f]{8}$/), 'C#', ['web/1.1.0']],
      // Named as its newest release writes it; the rolled-back release is in the changelog too.
      ['real-time', 'real-time', ['api/2.0.0', 'web/1.1.0', 'web/1.0.0']],
    ]);
  });

  it('keep their slugs when a newer release brings a tag that slugs the same', () => {
    const later = makeHub({
      releases: [...hub.releases, makeShippedRelease('1.4.0', '2026-06-01T02:00', [], { tags: ['C'] })],
    });
    const slugs = new Map(changelogTags(later).map((tag) => [tag.name, tag.slug]));
    expect(slugs.get('C++')).toBe('c');
    expect(slugs.get('C#')).toBe(tags[1]!.slug);
    expect(slugs.get('C')).toMatch(/^c-[0-9a-f]{8}$/);
    expect(slugs.get('C')).not.toBe(slugs.get('C#'));
  });

  it('do not hold a release listing one tag twice more than once', () => {
    const twice = makeHub({ releases: [makeShippedRelease('1.0.0', '2026-03-10T02:00', [], { tags: ['UI', 'ui'] })] });
    expect(changelogTags(twice).map((tag) => [tag.slug, tag.entries.length])).toEqual([['ui', 1]]);
  });
});

describe('a tag feed', () => {
  const realTime = changelogTags(hub).find((tag) => tag.slug === 'real-time')!;
  const feed = changelogTagFeed(hub, realTime, (entry) => `<p>${entry.release.id}</p>`);

  it('lives under /changelog/tags/<slug>/ and names the tag index line as its home page', () => {
    expect(feed.title).toBe('Acme Release Hub changelog: real-time');
    expect(feed.homePageUrl).toBe('https://releases.acme.example/changelog/tags/#tag-real-time');
    expect(feed.feedUrls).toEqual({
      rss: 'https://releases.acme.example/changelog/tags/real-time/rss.xml',
      atom: 'https://releases.acme.example/changelog/tags/real-time/atom.xml',
      json: 'https://releases.acme.example/changelog/tags/real-time/feed.json',
    });
  });

  it('holds the tag’s entries across products, newest first, as the product feeds write them', () => {
    const parsed = parseFeed(toRss(feed, 'Acme Release Hub'));
    expect(parsed.items.map((item) => item.title)).toEqual(['Acme API 2.0.0 (rolled back)', 'Acme Web 1.1.0', 'Acme Web 1.0.0']);
    expect(parsed.updated?.toISOString()).toBe('2026-04-20T00:00:00.000Z');
  });
});
