/**
 * Release and runbook bodies. The integration lists every body file in a virtual module
 * (compiled on demand by Astro for `.md` and @astrojs/mdx for `.mdx`; a build renders plain-Markdown
 * release bodies before the bundle instead, src/runtime/rendered-bodies.ts); a release's narrative is
 * also needed as an HTML string, for the feeds and for pages that must know whether there is one,
 * so it is rendered with Astro's container API once per release per build.
 */
import { getContainerRenderer } from '@astrojs/mdx/container-renderer';
import { experimental_AstroContainer as AstroContainer } from 'astro/container';
import { loadRenderers } from 'astro:container';
import { releaseBodies, runbookBodies, type BodyModule } from 'virtual:release-hub/bodies';
import type { Release, Runbook } from '../core/model.ts';
import { renderedBody } from './rendered-bodies.ts';

let container: Promise<AstroContainer> | undefined;
const narratives = new Map<string, Promise<string>>();

/** Why: one container for the whole build; creating it loads the MDX renderer. */
export function getContainer(): Promise<AstroContainer> {
  container ??= loadRenderers([getContainerRenderer()]).then((renderers) => AstroContainer.create({ renderers }));
  return container;
}

/** Why: a runbook page renders its procedure and lists its headings as a table of contents. */
export async function runbookBody(runbook: Runbook): Promise<BodyModule> {
  const load = runbook.source.entryId === undefined ? undefined : runbookBodies[runbook.source.entryId];
  if (!load) throw new Error(`${runbook.source.file}: its body is not in the build (virtual:release-hub/bodies)`);
  return load();
}

/** Why: the narrative of a release as HTML (empty when the file has no body), rendered once per build. */
export function narrativeHtml(release: Release): Promise<string> {
  const entryId = release.source.entryId;
  const rendered = entryId === undefined ? undefined : renderedBody(entryId);
  if (rendered) return Promise.resolve(rendered.html);
  const load = entryId === undefined ? undefined : releaseBodies[entryId];
  if (entryId === undefined || !load) return Promise.resolve('');
  let html = narratives.get(entryId);
  if (!html) {
    html = load().then(async ({ Content }) => (await (await getContainer()).renderToString(Content)).trim());
    narratives.set(entryId, html);
  }
  return html;
}
