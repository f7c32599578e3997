/**
 * The text filter of release lists: a row matches when every word typed appears in its text,
 * ignoring case and accents. No imports: the browser bundles it (src/client/release-filter.ts).
 */

/** Why: case, accents and runs of spaces do not decide a match ("Zürich" matches "zurich"). */
export function normaliseForFilter(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{Diacritic}/gu, '')
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .trim();
}

/** Why: every word of the query must appear in the row, in any order; an empty query matches every row. */
export function rowMatches(rowText: string, query: string): boolean {
  const text = normaliseForFilter(rowText);
  return normaliseForFilter(query)
    .split(' ')
    .filter(Boolean)
    .every((word) => text.includes(word));
}

/** Why: the filter's live status: "12 releases on this page" or "3 of 12 releases on this page match “api”". */
export function filterStatusText(shown: number, total: number, query: string): string {
  const releases = total === 1 ? 'release' : 'releases';
  if (!query.trim()) return `${total} ${releases} on this page`;
  return `${shown} of ${total} ${releases} on this page match “${query.trim()}”`;
}
