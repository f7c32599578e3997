/**
 * What `scripts/build-site.ts` hands to the Astro build it runs in the same process: the content
 * root it validated (so one build loads and validates the content once), and where to send each
 * searchable page as it is rendered (so Pagefind indexes while Astro still generates the rest).
 * The pages see a separately bundled copy of this module, so each hand-off lives on `globalThis`
 * under a registry symbol.
 */
import type { Hub } from '../model';
import type { SearchablePage } from '../search';

const VALIDATED_CONTENT = Symbol.for('release-hub.validated-content');
const SEARCHABLE_PAGES = Symbol.for('release-hub.searchable-pages');

interface ValidatedContent {
  /** Absolute path of the content root the hub was loaded from. */
  root: string;
  /** The whole hub (every audience), as `loadContentRoot` returned it. */
  hub: Hub;
}

/** Receives each rendered page that can be indexed. */
export type SearchablePageSink = (page: SearchablePage) => void;

type WithHandoff = typeof globalThis & { [VALIDATED_CONTENT]?: ValidatedContent; [SEARCHABLE_PAGES]?: SearchablePageSink };

/** Why: the build script has validated the content; the pages must not pay for it again. */
export function handOffValidatedHub(root: string, hub: Hub): void {
  (globalThis as WithHandoff)[VALIDATED_CONTENT] = { root, hub };
}

/** Why: pages reuse the build script's hub when it was loaded from the same content root. */
export function takeValidatedHub(root: string): Hub | undefined {
  const handoff = (globalThis as WithHandoff)[VALIDATED_CONTENT];
  return handoff?.root === root ? handoff.hub : undefined;
}

/** Why: the build script collects the searchable pages for Pagefind as Astro renders them. */
export function handOffSearchablePages(sink: SearchablePageSink): void {
  (globalThis as WithHandoff)[SEARCHABLE_PAGES] = sink;
}

/** Why: the middleware forwards pages only in a build that indexes them (not in `astro dev` or a bare `astro build`). */
export function searchablePageSink(): SearchablePageSink | undefined {
  return (globalThis as WithHandoff)[SEARCHABLE_PAGES];
}
