/**
 * A release's MDX narrative as an HTML string, for feeds (full content) and for pages that must
 * know whether a release has a narrative at all. Rendered with Astro's container API
 * (`experimental_AstroContainer` + the MDX renderer), once per release per build.
 */
import { getContainerRenderer } from '@astrojs/mdx/container-renderer';
import { experimental_AstroContainer as AstroContainer } from 'astro/container';
import { loadRenderers } from 'astro:container';
import { getEntry, render } from 'astro:content';
import type { Release } from '../../lib/model';

let container: Promise<AstroContainer> | undefined;
const narratives = new Map<string, Promise<string>>();

/** Why: one container for the whole build; creating it loads the MDX renderer. */
export function getContainer(): Promise<AstroContainer> {
  container ??= loadRenderers([getContainerRenderer()]).then((renderers) => AstroContainer.create({ renderers }));
  return container;
}

/** Why: the narrative of a release as HTML (empty when the file has no body), rendered once per build. */
export function narrativeHtml(release: Release): Promise<string> {
  const entryId = release.source.entryId;
  if (entryId === undefined) return Promise.resolve('');
  let html = narratives.get(entryId);
  if (!html) {
    html = renderNarrative(entryId);
    narratives.set(entryId, html);
  }
  return html;
}

async function renderNarrative(entryId: string): Promise<string> {
  const entry = await getEntry('releases', entryId);
  if (!entry) return '';
  const { Content } = await render(entry);
  const html = await (await getContainer()).renderToString(Content);
  return html.trim();
}
