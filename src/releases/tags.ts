/**
 * The tags of the customer changelog (issue 20): every `tags` entry of a changelog release (public
 * and shipped, `changelogEntries`: the same entries in both builds), each with its entries and a
 * feed, listed on `/changelog/tags/`. A tag of internal releases only has no feed at all.
 *
 * - Same tag: the same text up to case (`Real-time` and `real-time`); it is named as the newest
 *   release that carries it writes it.
 * - Slug: github-slugger's (lowercase, spaces to `-`, punctuation dropped), with accents dropped
 *   and anything but `a-z`, `0-9`, `-` and `_` removed, so it is a safe path segment on every host;
 *   a tag left with no letter or digit (`日本語`, `!!`) is `tag-` and a hash of its text.
 * - Two different tags with one slug (`C++` and `C#`): the one that appeared first in the changelog
 *   keeps it, a later one gets `-<hash>` added, so an existing feed URL does not move when a new
 *   release brings a tag that slugs the same.
 *
 * URLs: `/changelog/tags/` (an anchor `tag-<slug>` per tag) and `/changelog/tags/<slug>/rss.xml`,
 * `atom.xml`, `feed.json`.
 */
import { slug } from 'github-slugger';
import type { Hub } from '../core/model.ts';
import { changelogEntries, type ChangelogEntry } from './changelog.ts';

/** One tag of the changelog. */
export interface ChangelogTag {
  /** Its path segment under `/changelog/tags/`; unique among the hub's tags. */
  slug: string;
  /** As the newest entry that carries it writes it. */
  name: string;
  /** Its changelog entries, newest first. */
  entries: ChangelogEntry[];
}

/** Why: a tag's path segment must be safe on any static host, whatever its text (see the file comment). */
export function tagSlug(tag: string): string {
  const ascii = slug(tag.normalize('NFKD').replace(/\p{M}/gu, '')).replace(/[^a-z0-9_-]/g, '');
  return /[a-z0-9]/.test(ascii) ? ascii : `tag-${textHash(sameTagText(tag))}`;
}

/** Why: a tag's line on `/changelog/tags/`, also the home page of its feed. */
export function tagAnchor(tag: Pick<ChangelogTag, 'slug'>): string {
  return `tag-${tag.slug}`;
}

const tagsByHub = new WeakMap<Hub, ChangelogTag[]>();

/** Why: the tag index and the tag feeds read the same tags, worked out once per hub, sorted by slug. */
export function changelogTags(hub: Hub): ChangelogTag[] {
  let tags = tagsByHub.get(hub);
  if (!tags) {
    const entries = changelogEntries(hub);
    const byText = new Map<string, ChangelogTag>();
    const taken = new Set<string>();
    // Oldest first, so a slug belongs to the tag that had it first.
    for (const entry of [...entries].reverse()) {
      for (const name of entry.release.tags) {
        const text = sameTagText(name);
        let tag = byText.get(text);
        if (!tag) {
          const wanted = tagSlug(name);
          tag = { slug: taken.has(wanted) ? `${wanted}-${textHash(text)}` : wanted, name, entries: [] };
          taken.add(tag.slug);
          byText.set(text, tag);
        }
        if (tag.entries[0] !== entry) tag.entries.unshift(entry);
        tag.name = name;
      }
    }
    tags = [...byText.values()].sort((a, b) => (a.slug < b.slug ? -1 : a.slug > b.slug ? 1 : 0));
    tagsByHub.set(hub, tags);
  }
  return tags;
}

/** What makes two written tags the same tag: their text up to case and Unicode normal form. */
function sameTagText(tag: string): string {
  return tag.normalize('NFC').toLowerCase();
}

/** FNV-1a (32 bits) as 8 hex digits: short, stable across builds and machines. */
function textHash(text: string): string {
  let hash = 0x811c9dc5;
  for (const byte of new TextEncoder().encode(text)) hash = Math.imul(hash ^ byte, 0x01000193) >>> 0;
  return hash.toString(16).padStart(8, '0');
}
