/**
 * Typo tolerance on top of Pagefind's. Pagefind 1.6 matches prefixes of words and forgives some
 * typos itself ("rollbakc" finds "rollback") but not all: "migraiton" finds nothing, and "rolback"
 * finds only pages with the letter "R" (RACI roles), and it has no option to forgive more. When a
 * search finds nothing, or only words unlike those typed, the search UI tries shorter prefixes of
 * its words ("migraito", "migrait", …, "mig"), which Pagefind does match ("migra" → "migration"),
 * and says that it did. No imports: the browser bundles it.
 */

/** Words this short are left as they are: a two-letter prefix matches too much to be a guess. */
const MIN_PREFIX = 3;

/**
 * Why: the retries of a search that found nothing, best first: every word of more than three
 * letters loses one more letter at its end each time, down to three. Empty when nothing can be
 * shortened (the query is then searched as written only).
 */
export function typoFallbacks(term: string): string[] {
  const words = term.trim().split(/\s+/).filter(Boolean);
  const longest = Math.max(0, ...words.map((word) => [...word].length));
  const fallbacks: string[] = [];
  for (let cut = 1; longest - cut >= MIN_PREFIX; cut++) {
    fallbacks.push(words.map((word) => shorten(word, cut)).join(' '));
  }
  return fallbacks;
}

function shorten(word: string, cut: number): string {
  const letters = [...word];
  if (letters.length <= MIN_PREFIX) return word;
  return letters.slice(0, Math.max(MIN_PREFIX, letters.length - cut)).join('');
}

/**
 * Why: Pagefind's own typo matching can land on unrelated words ("rolback" marks "R"), which is
 * worse than nothing. A search counts as a close match when every typed word of three letters or
 * more shares its first three letters with a word Pagefind marked in the top results' excerpts.
 */
export function isCloseMatch(term: string, markedWords: readonly string[]): boolean {
  const marked = markedWords.map((word) => word.toLowerCase());
  return words(term)
    .filter((word) => [...word].length >= MIN_PREFIX)
    .every((word) => marked.some((candidate) => sharedPrefixLength(word.toLowerCase(), candidate) >= MIN_PREFIX));
}

/** Why: the words Pagefind marked in an excerpt (`<mark>…</mark>`), which is what it matched. */
export function markedWords(excerpt: string): string[] {
  return [...excerpt.matchAll(/<mark>([^<]*)<\/mark>/g)].flatMap((match) => words(match[1] ?? ''));
}

function words(text: string): string[] {
  return text.split(/[^\p{L}\p{N}]+/u).filter(Boolean);
}

function sharedPrefixLength(a: string, b: string): number {
  const left = [...a];
  const right = [...b];
  let shared = 0;
  while (shared < left.length && shared < right.length && left[shared] === right[shared]) shared++;
  return shared;
}
