/** Splitting a list into numbered pages: one rule for the release listings, the changelog and the sub-lists. */

/** One page of a list. */
export interface PageSlice<T> {
  /** 1-based. */
  page: number;
  pageCount: number;
  /** Rows on all pages. */
  total: number;
  /** This page's rows. */
  items: T[];
}

/** Why: every page of a list is pre-rendered; each holds at most `perPage` rows (an empty list has one empty page). */
export function pageSlices<T>(items: readonly T[], perPage: number): PageSlice<T>[] {
  if (!Number.isInteger(perPage) || perPage < 1) throw new Error(`perPage must be a positive integer, not ${perPage}`);
  const pageCount = Math.max(1, Math.ceil(items.length / perPage));
  return Array.from({ length: pageCount }, (_, index) => ({
    page: index + 1,
    pageCount,
    total: items.length,
    items: items.slice(index * perPage, (index + 1) * perPage),
  }));
}
