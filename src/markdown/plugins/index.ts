/**
 * The Sätteri plugins of Markdown and MDX content (runbook and release bodies), in one place so
 * the site and the unit tests use the same pipeline: GitHub-style alerts, then heading ids, then
 * anchors, then the hub's base path on site-path links.
 */
import { satteriHeadingIdsPlugin, type SatteriProcessorOptions } from '@astrojs/markdown-satteri';
import { alertsPlugin } from './alerts.ts';
import { baseLinksPlugin } from './base-links.ts';
import { headingAnchorsPlugin } from './heading-anchors.ts';

/** Why: the integration's `markdown.processor: satteri(markdownPlugins(base))`; MDX follows it. */
export function markdownPlugins(base = '/'): Required<Pick<SatteriProcessorOptions, 'mdastPlugins' | 'hastPlugins'>> {
  return {
    mdastPlugins: [alertsPlugin],
    // Astro adds its own heading-ids plugin after ours; the anchors need the ids before that, so
    // Astro's plugin runs here first. It keeps an existing id, so both passes agree on every id
    // and the `headings` that `render()` returns match the anchors.
    hastPlugins: [satteriHeadingIdsPlugin(), headingAnchorsPlugin, ...(base === '/' ? [] : [baseLinksPlugin(base)])],
  };
}
