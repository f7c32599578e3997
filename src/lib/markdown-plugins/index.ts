/**
 * The unified plugins of MDX content (runbook and release bodies), in one place so the site and
 * the unit tests use the same pipeline: GitHub-style alerts, then heading ids, then anchors.
 */
import { rehypeHeadingIds, type RehypePlugins, type RemarkPlugins } from '@astrojs/markdown-remark';
import rehypeAutolinkHeadings from 'rehype-autolink-headings';
import { remarkAlerts } from './alerts';
import { headingAnchorOptions } from './heading-anchors';

/** Why: `markdown.processor: unified(markdownPlugins())` in astro.config.mjs; MDX follows it. */
export function markdownPlugins(): { remarkPlugins: RemarkPlugins; rehypePlugins: RehypePlugins } {
  return {
    remarkPlugins: [remarkAlerts],
    // Astro's ids must exist before the anchors link to them.
    rehypePlugins: [rehypeHeadingIds, [rehypeAutolinkHeadings, headingAnchorOptions()]],
  };
}
