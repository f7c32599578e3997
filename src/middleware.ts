/**
 * During `npm run build`, each rendered page that can be searched is also sent to the search index
 * (see `scripts/build.ts`), so Pagefind reads it while Astro generates the other pages instead of
 * reading every file again once the site is written. Elsewhere (`astro dev`, a bare
 * `astro build`) nothing is collected.
 */
import { defineMiddleware } from 'astro:middleware';
import { searchablePageSink } from './lib/content/handoff';
import { isSearchablePage } from './lib/search';

export const onRequest = defineMiddleware(async (context, next) => {
  const response = await next();
  const sink = searchablePageSink();
  const sitePath = `${decodeURIComponent(context.url.pathname).replace(/^\//, '')}index.html`;
  if (!sink || !isSearchablePage(sitePath)) return response;
  // The page is read once here and handed on as text: a static build only writes its status, headers and body.
  const html = await response.text();
  if (html.includes('data-pagefind-body')) sink({ sitePath, html });
  return new Response(html, { status: response.status, statusText: response.statusText, headers: response.headers });
});
