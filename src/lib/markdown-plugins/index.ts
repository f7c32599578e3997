/**
 * The Sätteri plugins of Markdown and MDX content (runbook and release bodies), in one place so
 * the site and the unit tests use the same pipeline: GitHub-style alerts, then heading ids, then
 * anchors.
 */
import { satteriHeadingIdsPlugin, type SatteriProcessorOptions } from '@astrojs/markdown-satteri';
import { alertsPlugin } from './alerts';
import { headingAnchorsPlugin } from './heading-anchors';

/** Why: `markdown.processor: satteri(markdownPlugins())` in astro.config.mjs; MDX follows it. */
export function markdownPlugins(): Required<Pick<SatteriProcessorOptions, 'mdastPlugins' | 'hastPlugins'>> {
  return {
    mdastPlugins: [alertsPlugin],
    // Astro adds its own heading-ids plugin after ours; the anchors need the ids before that, so
    // Astro's plugin runs here first. It keeps an existing id, so both passes agree on every id
    // and the `headings` that `render()` returns match the anchors.
    hastPlugins: [satteriHeadingIdsPlugin(), headingAnchorsPlugin],
  };
}
