/**
 * The list of pages that `release-hub check` checks content links against (src/site/pages.ts) is
 * exactly what the build writes, page for page, and the anchors it gives release, runbook and
 * changelog pages are the ids those pages have: so `check` and the build agree on every link.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { Temporal } from 'temporal-polyfill';
import { describe, expect, it } from 'vitest';
import { bodyOutlines } from '../../src/content/body-outline.ts';
import { publicSitePaths } from '../../src/content/public-files.ts';
import { loadForBuild } from '../../src/integration/hub-state.ts';
import { sitePages } from '../../src/site/pages.ts';
import { projectRoot } from './scenarios.ts';
import { builtSite, TEST_NOW_EPOCH } from './helpers/scenario.ts';

const NOW = Temporal.Instant.fromEpochMilliseconds(Number(TEST_NOW_EPOCH) * 1000);
const PUBLIC_DIR = path.join(projectRoot, 'public');
/** What Astro and Pagefind add besides the hub's own pages. */
const TOOL_FILES = /^\/(?:_astro\/|pagefind\/|sitemap-\d+\.xml$|favicon\.svg$)/;

/** The hub path of every file of a built site (`/runbooks/x/index.html` is `/runbooks/x/`). */
function builtPaths(dist: string): string[] {
  return readdirSync(dist, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => `/${path.relative(dist, path.join(entry.parentPath, entry.name)).split(path.sep).join('/')}`)
    .map((file) => file.replace(/(^|\/)index\.html$/, '$1'))
    .filter((file) => !TOOL_FILES.test(file) && !publicSitePaths(PUBLIC_DIR).has(file));
}

/** Ids of the headings inside <main>, and every id of the page. */
function idsOf(html: string): { headings: string[]; all: Set<string> } {
  const main = html.slice(html.indexOf('<main'), html.indexOf('</main>'));
  return {
    headings: [...main.matchAll(/<h[1-6][^>]*\sid="([^"]+)"/g)].map((match) => match[1]!),
    all: new Set([...html.matchAll(/\sid="([^"]+)"/g)].map((match) => match[1]!)),
  };
}

describe.each(['example-internal', 'example-public'] as const)('the pages of %s', (name) => {
  const audience = name === 'example-internal' ? 'internal' : 'public';

  it('are the pages the build wrote, and their anchors are the ids of those pages', async () => {
    const dist = builtSite(name);
    const contentRoot = path.join(projectRoot, 'content'); // the example projects' content option
    const { view } = await loadForBuild({ contentRoot, audience }, PUBLIC_DIR, NOW);
    const pages = sitePages(view!, audience, NOW, bodyOutlines(contentRoot));
    expect([...pages.keys()].sort()).toEqual(builtPaths(dist).sort());

    let checked = 0;
    for (const [page, anchorsOf] of pages) {
      if (!anchorsOf) continue;
      const anchors = anchorsOf();
      const { headings, all } = idsOf(readFileSync(path.join(dist, page, 'index.html'), 'utf8'));
      expect(
        [...anchors].filter((anchor) => !all.has(anchor)),
        `${page}: anchors the page does not have`,
      ).toEqual([]);
      expect(
        headings.filter((id) => !anchors.has(id)),
        `${page}: headings the list does not know`,
      ).toEqual([]);
      checked++;
    }
    expect(checked).toBeGreaterThan(50);
  });
});
