/**
 * Accessibility: axe-core with the WCAG 2.2 AA rules over every index page and a sample of each
 * page type (first, middle and last of each), in both audiences, light and dark theme.
 */
import { readdirSync } from 'node:fs';
import path from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launchChromium, serveDist } from './helpers/browser';

const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

/** Site paths of every built page. */
function pagePaths(dist: string): string[] {
  return readdirSync(dist, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile() && entry.name === 'index.html')
    .map((entry) => `/${path.relative(dist, entry.parentPath).split(path.sep).join('/')}/`.replace(/^\/\/$/, '/'))
    .sort();
}

/** Why: every index page, plus first/middle/last of each kind of detail page, keeps the run short. */
function samplePages(paths: string[]): string[] {
  const byType = new Map<string, string[]>();
  const picked = new Set<string>();
  for (const page of paths) {
    const depth = page.split('/').filter(Boolean).length;
    if (depth <= 1) picked.add(page);
    else {
      const type = page.split('/')[1]!;
      byType.set(type, [...(byType.get(type) ?? []), page]);
    }
  }
  for (const pages of byType.values()) {
    for (const page of [pages[0], pages[Math.floor(pages.length / 2)], pages.at(-1)]) if (page) picked.add(page);
  }
  return [...picked].sort();
}

describe.each(['internal', 'public'] as const)('accessibility of the %s build', (audience) => {
  let browser: Browser;
  let server: Awaited<ReturnType<typeof serveDist>>;
  beforeAll(async () => {
    browser = await launchChromium();
    server = await serveDist(inject(audience === 'internal' ? 'distInternal' : 'distPublic'));
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('has no WCAG 2.2 AA violation on any sampled page, in light and dark mode', async () => {
    const pages = samplePages(pagePaths(inject(audience === 'internal' ? 'distInternal' : 'distPublic')));
    expect(pages.length).toBeGreaterThan(audience === 'internal' ? 15 : 5);
    const violations: string[] = [];
    for (const colorScheme of ['light', 'dark'] as const) {
      const context = await browser.newContext({ colorScheme });
      for (const pagePath of pages) {
        const page = await context.newPage();
        await page.goto(`${server.url}${pagePath}`);
        const results = await new AxeBuilder({ page }).withTags(TAGS).analyze();
        for (const violation of results.violations) {
          violations.push(`${colorScheme} ${pagePath}: ${violation.id} (${violation.impact}) ${violation.nodes.map((node) => node.target.join(' ')).slice(0, 3).join(', ')}`);
        }
        await page.close();
      }
      await context.close();
    }
    expect(violations).toEqual([]);
  });
});
