/**
 * Accessibility checks shared by the tests/e2e/a11y-*.test.ts files (split by audience and theme,
 * so they run in parallel): axe-core with the WCAG 2.2 AA rules over every index
 * page and the first, middle and last page of each kind, one test per page and theme. The light
 * theme runs every rule; the dark theme changes colours only, so it runs the rules that depend on
 * colour, on every index page and one page of each kind (the same markup passed every other rule
 * in the light run). The phone width is checked where the layout changes (calendar, RACI).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import type { AxeResults, RunOptions } from 'axe-core';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ScenarioName } from '../../build/scenarios.ts';
import { builtSite } from '../../build/helpers/scenario.ts';
import { launchChromium } from './browser.ts';
import { serveDist } from '../../build/helpers/static-server.ts';

/** The axe tags of WCAG 2.2 AA. */
export const WCAG22_AA = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];
const TAGS = WCAG22_AA;
/** The WCAG 2.2 AA rules of axe whose result depends on colours. */
export const COLOUR_RULES = ['color-contrast', 'link-in-text-block'];

const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

/**
 * Why: one axe run for every browser test, `id (impact) targets` per violation. axe-core runs in
 * the page itself, put there once per document (a light and a dark run of one page share it; the
 * hub's pages have no frames). Only violations are collected: axe skips the details of what
 * passed, about a third of its time. tests/e2e/a11y-public.test.ts plants violations to prove
 * that this finds them.
 */
export async function axeViolations(page: Page, run: { tags?: string[]; rules?: string[] } = { tags: WCAG22_AA }): Promise<string[]> {
  if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(axeSource);
  const options: RunOptions = {
    runOnly: run.rules ? { type: 'rule', values: run.rules } : { type: 'tag', values: run.tags ?? WCAG22_AA },
    resultTypes: ['violations'],
  };
  const results = await page.evaluate(
    (runOptions) => (window as unknown as { axe: { run(context: Document, options: RunOptions): Promise<AxeResults> } }).axe.run(document, runOptions),
    options,
  );
  return results.violations.map(
    (violation) =>
      `${violation.id} (${violation.impact}) ${violation.nodes
        .map((node) => node.target.join(' '))
        .slice(0, 3)
        .join(', ')}`,
  );
}

/** Site paths of every built page. */
function pagePaths(dist: string): string[] {
  return readdirSync(dist, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile() && entry.name === 'index.html')
    .map((entry) => `/${path.relative(dist, entry.parentPath).split(path.sep).join('/')}/`.replace(/^\/\/$/, '/'))
    .sort();
}

/**
 * Why: every index page, plus the first, middle and last of each kind of detail page (or only the
 * first of each kind, `perKind: 1`), keeps the run short: axe takes about a second a page.
 */
export function samplePages(paths: string[], perKind: 1 | 3 = 3): string[] {
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
    const chosen = perKind === 1 ? [pages[0]] : [pages[0], pages[Math.floor(pages.length / 2)], pages.at(-1)];
    for (const page of chosen) if (page) picked.add(page);
  }
  return [...picked].sort();
}

/**
 * Why: the same axe run for each audience's file; each page is a test of its own. With both themes,
 * a page is loaded once: every WCAG 2.2 AA rule in the light theme, then the colour rules after
 * switching the page to the dark colour scheme (the dark theme changes colours, not markup).
 */
export function describeAccessibility(
  name: ScenarioName,
  minimumPages: number,
  {
    themes = ['light', 'dark'],
    perKind = 3,
    only,
  }: { themes?: readonly ('light' | 'dark')[]; perKind?: 1 | 3 /** These pages instead of a sample; each must be built. */; only?: string[] } = {},
): void {
  const paths = pagePaths(builtSite(name));
  const pages = only ?? samplePages(paths, perKind);
  const title = themes
    .map((theme) => (theme === 'light' ? 'no WCAG 2.2 AA violation in the light theme' : 'no colour contrast violation in the dark theme'))
    .join(' and ');

  describe(`accessibility of ${name}`, () => {
    let browser: Browser;
    let server: Awaited<ReturnType<typeof serveDist>>;
    let context: BrowserContext;
    beforeAll(async () => {
      browser = await launchChromium();
      server = await serveDist(builtSite(name));
      context = await browser.newContext({ colorScheme: themes[0] });
      // axe-core goes into every page of this context as it opens: half the cost of evaluating it after the load.
      await context.addInitScript(axeSource);
    });
    afterAll(async () => {
      await browser?.close();
      await server?.close();
    });

    it(`samples at least ${minimumPages} pages, each of them built`, () => {
      expect(pages.length).toBeGreaterThanOrEqual(minimumPages);
      expect(pages.filter((page) => !paths.includes(page))).toEqual([]);
    });

    it.each(pages)(`%s has ${title}`, async (pagePath) => {
      const page = await context.newPage();
      try {
        await page.goto(`${server.url}${pagePath}`);
        for (const colorScheme of themes) {
          await page.emulateMedia({ colorScheme });
          // The theme follows the media query live (src/styles/global.css), so the page is now in this scheme.
          expect(await page.evaluate((scheme) => matchMedia(`(prefers-color-scheme: ${scheme})`).matches, colorScheme)).toBe(true);
          const violations = await axeViolations(page, colorScheme === 'light' ? { tags: TAGS } : { rules: COLOUR_RULES });
          expect(violations, `${colorScheme} theme`).toEqual([]);
        }
      } finally {
        await page.close();
      }
    });
  });
}
