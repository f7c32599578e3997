/**
 * Search (SPEC §3 `/search/`): the filters, metadata and sort key each indexed page declares, and
 * the Pagefind index written over a built site. Only pages that exist in the build are indexed,
 * so a public build's index holds public content only.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { Temporal } from 'temporal-polyfill';
import type { Audience, Hub, ReleaseStatus } from './model';
import { productName } from './releases';
import { STATUS_DISPLAY } from './status';

/** What a search result is; the `type` filter. */
export const SEARCH_TYPES = ['release', 'runbook', 'raci', 'person', 'page'] as const;
export type SearchType = (typeof SEARCH_TYPES)[number];

/** How each type is named in results and on the filter. */
export const SEARCH_TYPE_LABELS: Record<SearchType, string> = {
  release: 'Release',
  runbook: 'Runbook',
  raci: 'RACI matrix',
  person: 'Person',
  page: 'Page',
};

/** Why: the filter offers only types a build can contain (a public build has no runbooks, RACI or people). */
export function searchTypesFor(audience: Audience): SearchType[] {
  return audience === 'public' ? ['release', 'page'] : [...SEARCH_TYPES];
}

/** What one indexed page says about itself (the props of `SearchMeta.astro`). */
export interface SearchRecordInput {
  type: SearchType;
  /** The result's title; default: the page's first `<h1>` as Pagefind reads it. */
  title?: string;
  /** Product ids the page is about. */
  products?: readonly string[];
  /** Release status. */
  status?: ReleaseStatus;
  version?: string;
  /** The page's date (a release's `releaseTime`, a runbook's last review); shown and sorted on. */
  date?: Temporal.ZonedDateTime | Temporal.PlainDate;
}

/** Pagefind's view of one page: `data-pagefind-filter`, `-meta` and `-sort` values. */
export interface SearchRecordFields {
  /** Filter values are ids (`type=release`, `product=web`, `status=released`), as in deep links. */
  filters: [key: 'type' | 'product' | 'status', value: string][];
  /** Metadata shown with a result, in words. */
  meta: [key: 'title' | 'kind' | 'product' | 'status' | 'version' | 'date', value: string][];
  /** Sort key `date`: `YYYY-MM-DD`, or `0000-00-00` for undated pages so they stay in date-sorted results (last). */
  sortDate: string;
}

/** Sort key of pages without a date: Pagefind drops pages without the key from sorted results. */
export const UNDATED_SORT_KEY = '0000-00-00';

/** Why: every indexed page declares its filters and metadata the same way, from one input. */
export function searchRecordFields(input: SearchRecordInput, hub: Hub): SearchRecordFields {
  const products = input.products ?? [];
  const date = input.date && isoDate(input.date, hub.config.timezone);
  const filters: SearchRecordFields['filters'] = [['type', input.type], ...products.map((id): ['product', string] => ['product', id])];
  if (input.status) filters.push(['status', input.status]);
  const meta: SearchRecordFields['meta'] = [['kind', SEARCH_TYPE_LABELS[input.type]]];
  if (input.title) meta.unshift(['title', input.title]);
  if (products.length > 0) meta.push(['product', products.map((id) => productName(hub, id)).join(', ')]);
  if (input.status) meta.push(['status', STATUS_DISPLAY[input.status].label]);
  if (input.version) meta.push(['version', input.version]);
  if (date) meta.push(['date', date]);
  return { filters, meta, sortDate: date ?? UNDATED_SORT_KEY };
}

function isoDate(date: Temporal.ZonedDateTime | Temporal.PlainDate, zone: string): string {
  return 'timeZoneId' in date ? date.withTimeZone(zone).toPlainDate().toString() : date.toString();
}

/**
 * The pages that can carry `data-pagefind-body` (a release, runbook, RACI matrix or person):
 * Pagefind reads only these instead of every page of the site (listings, calendar months,
 * changelog pages), which takes a fifth off indexing. It still skips a page here without a body;
 * a test fails if a page with a body falls outside it.
 */
export const SEARCHABLE_PAGES_GLOB = '{releases/*/*,runbooks/*,raci/*,people/*}/index.html';

/** A failed search index: the build must fail with it, never only log it. */
export class SearchIndexError extends Error {
  override name = 'SearchIndexError';
}

/**
 * Why: `scripts/build.ts` indexes the staging folder before it replaces `dist/`, so a site is
 * never published without its index. Pages opt in with `data-pagefind-body`; every Pagefind error
 * throws `SearchIndexError`, and so does a Pagefind that crashed without answering.
 */
export async function writeSearchIndex(siteDir: string): Promise<{ pageCount: number }> {
  // Loaded here, so pages that import this module for the fields above never load the indexer.
  const pagefind = await import('pagefind');
  const crash = pagefindCrash();
  try {
    return await Promise.race([indexSite(pagefind, siteDir), crash.detected]);
  } finally {
    crash.stopWatching();
    await pagefind.close();
  }
}

type PagefindApi = typeof import('pagefind');

async function indexSite(pagefind: PagefindApi, siteDir: string): Promise<{ pageCount: number }> {
  const created = await pagefind.createIndex({});
  if (!created.index) throw new SearchIndexError(`Pagefind could not start: ${created.errors.join('; ')}`);
  const added = await created.index.addDirectory({ path: siteDir, glob: SEARCHABLE_PAGES_GLOB });
  if (added.errors.length > 0) throw new SearchIndexError(`Pagefind could not index ${siteDir}: ${added.errors.join('; ')}`);
  const outputPath = path.join(siteDir, 'pagefind');
  const written = await created.index.writeFiles({ outputPath });
  if (written.errors.length > 0) throw new SearchIndexError(`Pagefind could not write its index: ${written.errors.join('; ')}`);
  return { pageCount: await indexedPageCount(outputPath) };
}

/** Pagefind's `page_count` counts every HTML file it read; its entry file counts the indexed ones. */
async function indexedPageCount(outputPath: string): Promise<number> {
  const entry = JSON.parse(await readFile(path.join(outputPath, 'pagefind-entry.json'), 'utf8')) as { languages: Record<string, { page_count: number }> };
  return Object.values(entry.languages).reduce((sum, language) => sum + language.page_count, 0);
}

/**
 * When Pagefind's binary panics, its pending answers never come and Node would exit quietly with
 * "unsettled top-level await"; an empty event loop while we wait means exactly that.
 */
function pagefindCrash(): { detected: Promise<never>; stopWatching: () => void } {
  let onIdle = () => {};
  const detected = new Promise<never>((_, reject) => {
    onIdle = () => reject(new SearchIndexError('Pagefind stopped without answering (it crashed; its own message is above)'));
    process.once('beforeExit', onIdle);
  });
  return { detected, stopWatching: () => process.off('beforeExit', onIdle) };
}
