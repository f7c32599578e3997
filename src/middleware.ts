/**
 * During `npm run build`, each rendered page that can be searched is also sent to the search index
 * (see `scripts/build-site.ts`), so Pagefind reads it while Astro generates the other pages instead
 * of reading every file again once the site is written. Elsewhere (`astro dev`, a bare
 * `astro build`) nothing is collected.
 */
import { defineMiddleware } from 'astro:middleware';
import { searchablePageSink } from './lib/content/handoff';
import { isSearchablePage } from './lib/search';

export const onRequest = defineMiddleware(async (context, next) => {
  const response = await next();
  const sink = searchablePageSink();
  if (!sink) return response;
  const sitePath = `${decodeURIComponent(context.url.pathname).replace(/^\//, '')}index.html`;
  if (!isSearchablePage(sitePath)) return response;
  const html = await response.clone().text();
  if (html.includes('data-pagefind-body')) sink({ sitePath, html });
  return response;
});
