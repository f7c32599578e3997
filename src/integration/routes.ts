/**
 * Every page and file the hub injects (SPEC §3), with the audiences that get it. A public build
 * is not given the internal routes at all, so no internal page can be generated into it.
 */
import type { Audience } from '../schemas/vocabulary.ts';

/** One injected route: its URL pattern and its entry point under `src/routes/`. */
export interface HubRoute {
  pattern: string;
  entrypoint: string;
  /** Only the internal build has it. */
  internal?: boolean;
  /** One of the hub's files (src/files/hub-files.ts): the dev server routes it, a build writes it with all the others. */
  file?: boolean;
}

export const HUB_ROUTES: readonly HubRoute[] = [
  { pattern: '/', entrypoint: 'index.astro' },
  { pattern: '/404', entrypoint: '404.astro' },
  { pattern: '/search', entrypoint: 'search.astro' },
  { pattern: '/releases/[...listing]', entrypoint: 'releases/[...listing].astro' },
  { pattern: '/releases/[product]/[version]', entrypoint: 'releases/[product]/[version].astro' },
  { pattern: '/releases/[product]/[version]/index.md', entrypoint: 'releases/[product]/[version].md.ts', file: true },
  { pattern: '/releases/[product]/[version]/card.png', entrypoint: 'releases/[product]/[version].card.png.ts', file: true },
  { pattern: '/changelog/[...page]', entrypoint: 'changelog/[...page].astro' },
  { pattern: '/changelog/rss.xml', entrypoint: 'changelog/rss.xml.ts' },
  { pattern: '/changelog/atom.xml', entrypoint: 'changelog/atom.xml.ts' },
  { pattern: '/changelog/feed.json', entrypoint: 'changelog/feed.json.ts' },
  { pattern: '/changelog/[product]/rss.xml', entrypoint: 'changelog/[product]/rss.xml.ts' },
  { pattern: '/changelog/[product]/atom.xml', entrypoint: 'changelog/[product]/atom.xml.ts' },
  { pattern: '/changelog/[product]/feed.json', entrypoint: 'changelog/[product]/feed.json.ts' },
  { pattern: '/changelog/tags', entrypoint: 'changelog/tags/index.astro' },
  { pattern: '/changelog/tags/[tag]/rss.xml', entrypoint: 'changelog/tags/[tag]/rss.xml.ts' },
  { pattern: '/changelog/tags/[tag]/atom.xml', entrypoint: 'changelog/tags/[tag]/atom.xml.ts' },
  { pattern: '/changelog/tags/[tag]/feed.json', entrypoint: 'changelog/tags/[tag]/feed.json.ts' },
  { pattern: '/calendar/[...view]', entrypoint: 'calendar/[...view].astro' },
  { pattern: '/calendar.ics', entrypoint: 'calendar.ics.ts', file: true },
  { pattern: '/calendar/[product].ics', entrypoint: 'calendar/[product].ics.ts', file: true },
  { pattern: '/api/releases.json', entrypoint: 'api/releases.json.ts', file: true },
  { pattern: '/changelog/[product]/upgrade/[from]', entrypoint: 'changelog/[product]/upgrade/[from].astro' },
  { pattern: '/changelog/[product]/sunsets', entrypoint: 'changelog/[product]/sunsets/index.astro' },
  { pattern: '/api/upgrade/[product].json', entrypoint: 'api/upgrade/[product].json.ts' },
  { pattern: '/security', entrypoint: 'security/index.astro' },
  { pattern: '/security/[product]/[...page]', entrypoint: 'security/[product]/[...page].astro' },
  { pattern: '/security/rss.xml', entrypoint: 'security/rss.xml.ts' },
  { pattern: '/security/atom.xml', entrypoint: 'security/atom.xml.ts' },
  { pattern: '/security/feed.json', entrypoint: 'security/feed.json.ts' },
  { pattern: '/security/osv/[id].json', entrypoint: 'security/osv/[id].json.ts', file: true },
  { pattern: '/roadmap', entrypoint: 'roadmap/index.astro' },
  { pattern: '/roadmap/rss.xml', entrypoint: 'roadmap/rss.xml.ts' },
  { pattern: '/roadmap/atom.xml', entrypoint: 'roadmap/atom.xml.ts' },
  { pattern: '/roadmap/feed.json', entrypoint: 'roadmap/feed.json.ts' },
  { pattern: '/llms.txt', entrypoint: 'llms.txt.ts', file: true },
  { pattern: '/llms-full.txt', entrypoint: 'llms-full.txt.ts', file: true },
  { pattern: '/widget.js', entrypoint: 'widget.js.ts' },
  { pattern: '/widget.json', entrypoint: 'widget.json.ts', file: true },
  { pattern: '/widget', entrypoint: 'widget/index.astro' },
  { pattern: '/api/metrics.json', entrypoint: 'api/metrics.json.ts', internal: true, file: true },
  { pattern: '/api/environments.json', entrypoint: 'api/environments.json.ts', internal: true, file: true },
  { pattern: '/api/usage.json', entrypoint: 'api/usage.json.ts', internal: true, file: true },
  { pattern: '/usage/[product]', entrypoint: 'usage/[product].astro', internal: true },
  { pattern: '/metrics/[...page]', entrypoint: 'metrics/[...page].astro', internal: true },
  { pattern: '/metrics/csv/[...file]', entrypoint: 'metrics/csv/[...file].ts', internal: true, file: true },
  { pattern: '/runbooks/[...listing]', entrypoint: 'runbooks/[...listing].astro', internal: true },
  { pattern: '/runbooks/[id]', entrypoint: 'runbooks/[id].astro', internal: true },
  { pattern: '/runbooks/[id]/releases/[...page]', entrypoint: 'runbooks/[id]/releases/[...page].astro', internal: true },
  { pattern: '/raci/[...listing]', entrypoint: 'raci/[...listing].astro', internal: true },
  { pattern: '/raci/[id]', entrypoint: 'raci/[id].astro', internal: true },
  { pattern: '/raci/[id]/releases/[...page]', entrypoint: 'raci/[id]/releases/[...page].astro', internal: true },
  { pattern: '/people/[...listing]', entrypoint: 'people/[...listing].astro', internal: true },
  { pattern: '/people/[id]', entrypoint: 'people/[id].astro', internal: true },
  { pattern: '/people/[id]/releases/[...page]', entrypoint: 'people/[id]/releases/[...page].astro', internal: true },
  { pattern: '/trains/[...listing]', entrypoint: 'trains/[...listing].astro' },
  { pattern: '/trains/[id]', entrypoint: 'trains/[id].astro' },
  { pattern: '/trains/rss.xml', entrypoint: 'trains/rss.xml.ts' },
  { pattern: '/trains/atom.xml', entrypoint: 'trains/atom.xml.ts' },
  { pattern: '/trains/feed.json', entrypoint: 'trains/feed.json.ts' },
  { pattern: '/gtm', entrypoint: 'gtm/index.astro', internal: true },
  { pattern: '/digest', entrypoint: 'digest/index.astro' },
  { pattern: '/digest/rss.xml', entrypoint: 'digest/rss.xml.ts' },
  { pattern: '/digest/atom.xml', entrypoint: 'digest/atom.xml.ts' },
  { pattern: '/digest/feed.json', entrypoint: 'digest/feed.json.ts' },
  { pattern: '/digest/[kind]/[id]', entrypoint: 'digest/[kind]/[id].astro' },
  { pattern: '/digest/[kind]/[id]/[file]', entrypoint: 'digest/[kind]/[id]/[file].ts', file: true },
  { pattern: '/announce/[...listing]', entrypoint: 'announce/[...listing].astro', internal: true },
  { pattern: '/announce/[product]/[version]/[file]', entrypoint: 'announce/[product]/[version]/[file].ts', internal: true, file: true },
];

/** The build's one route that writes every file of the hub (src/routes/hub-files.txt.ts); its own output is removed. */
export const HUB_FILES_ROUTE: HubRoute = { pattern: '/_release-hub/files.txt', entrypoint: 'hub-files.txt.ts' };

/** Why: the routes of this audience: the dev server has a route per file, a build one route for all files (`fileRoutes: false`). */
export function routesFor(audience: Audience, { fileRoutes }: { fileRoutes: boolean }): HubRoute[] {
  const routes = HUB_ROUTES.filter((route) => (audience === 'internal' || !route.internal) && (fileRoutes || !route.file));
  return fileRoutes ? routes : [...routes, HUB_FILES_ROUTE];
}
