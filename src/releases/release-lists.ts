/**
 * Lists of releases that grow with the hub (the releases using a RACI matrix or a runbook, the
 * releases a person owns): their parent page shows the newest few (`RELEASE_PREVIEW_COUNT`) and
 * links to a paginated sub-list of all of them (`RELEASES_PER_PAGE` per page), so no page grows
 * with the number of releases. Pure: no Astro imports.
 */
import { pageSlices, type PageSlice } from './paging.ts';
import { RELEASES_PER_PAGE } from './releases.ts';
import { pagedPath } from '../core/urls.ts';

/** Rows a matrix, runbook or person page shows of its releases; the rest are on its sub-list. */
export const RELEASE_PREVIEW_COUNT = 20;

/** The first rows of a list, shown on its parent page, and how many there are in all. */
export interface ListPreview<T> {
  /** At most `RELEASE_PREVIEW_COUNT` rows, in the list's order. */
  items: T[];
  /** Rows in the whole list. */
  total: number;
  /** Whether rows were left out: then the parent page links to the sub-list. */
  truncated: boolean;
}

/** One page of a paginated sub-list. */
export interface ListPage<T> extends PageSlice<T> {
  /** The rest parameter of a `[...page].astro` route: undefined for page 1, else `page/<n>` (see `pagedPath`). */
  param: string | undefined;
}

/** Why: a parent page shows a bounded list whatever the size of the hub. */
export function previewList<T>(items: readonly T[], count: number = RELEASE_PREVIEW_COUNT): ListPreview<T> {
  return { items: items.slice(0, count), total: items.length, truncated: items.length > count };
}

/** Why: a sub-list exists only when its parent page leaves rows out; otherwise it would repeat the parent. */
export function needsSubList(total: number, count: number = RELEASE_PREVIEW_COUNT): boolean {
  return total > count;
}

/** Why: every page of a sub-list is pre-rendered; each holds at most `perPage` rows (an empty list has one empty page). */
export function paginate<T>(items: readonly T[], perPage: number = RELEASES_PER_PAGE): ListPage<T>[] {
  return pageSlices(items, perPage).map((slice) => ({ ...slice, param: pagedPath('/', slice.page).slice(1, -1) || undefined }));
}
