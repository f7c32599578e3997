/**
 * Search (SPEC §3 `/search/`): the filters, metadata and sort key each indexed page declares, and
 * which pages Pagefind reads (`src/search/index-site.ts` writes the index).
 */
import type { Temporal } from 'temporal-polyfill';
import type { Audience, Hub, ReleaseStatus } from '../core/model.ts';
import { productName } from '../releases/releases.ts';
import { STATUS_DISPLAY } from '../presentation/status.ts';

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
