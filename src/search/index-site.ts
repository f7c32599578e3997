/**
 * The Pagefind index written over a built site. Only pages that exist in the build are indexed,
 * so a public build's index holds public content only. Node only: pages never import this.
 */
import { readFile } from 'node:fs/promises';
import * as pagefind from 'pagefind';
import path from 'node:path';
import { SEARCHABLE_PAGES_GLOB } from './search.ts';

/** A failed search index: the build must fail with it, never only log it. */
export class SearchIndexError extends Error {
  override name = 'SearchIndexError';
}

/**
 * Why: the integration indexes the built site when Astro is done (and `release-hub build` before it replaces `dist/`), so a site is
 * never published without its index. Pages opt in with `data-pagefind-body`; every Pagefind error
 * throws `SearchIndexError`, and so does a Pagefind that crashed without answering.
 */
export async function writeSearchIndex(siteDir: string): Promise<{ pageCount: number }> {
  const crash = pagefindCrash();
  try {
    return await Promise.race([indexSite(pagefind, siteDir), crash.detected]);
  } finally {
    crash.stopWatching();
    await pagefind.close();
  }
}

type PagefindApi = typeof pagefind;

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
