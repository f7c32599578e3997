/**
 * Issue 23 in a real browser, at 390 px (a phone) and 1280 px: the pages readers tripped on have
 * no horizontal page overflow and every table column is reachable (in view, in a region that
 * scrolls to it, or as a labelled line of a stacked row); metrics tables scroll one way only; RACI
 * captions are not clipped; the search filters leave the first result above the fold; a typo still
 * finds; the release list filters by text; runbook code blocks have a copy button.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { useBrowserOnSite } from './helpers/browser.ts';
import { builtSite } from '../build/helpers/scenario.ts';

const HEIGHT = 844;
const PAGES = [
  '/releases/api/2.4.0/',
  '/releases/web/4.0.0/',
  '/raci/standard-release/',
  '/metrics/',
  '/releases/',
  '/runbooks/rollback-web/',
  '/changelog/',
  '/calendar/2025-12/',
  '/people/kai/',
  '/people/',
  '/runbooks/',
  '/',
  '/metrics/all-time/',
  '/raci/',
];
/** At 1280 px only the pages with the widest tables can overflow: every column of each must still be reachable. */
const WIDE_TABLE_PAGES = ['/raci/standard-release/', '/metrics/', '/releases/', '/calendar/2025-12/', '/people/', '/metrics/all-time/'];
const WIDTHS = [
  { width: 390, pages: PAGES },
  { width: 1280, pages: WIDE_TABLE_PAGES },
] as const;

/** Column headers that cannot be reached: neither in view nor scrollable into view, nor shown as a stacked label. */
async function unreachableColumns(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const problems: string[] = [];
    const width = document.documentElement.clientWidth;
    for (const table of document.querySelectorAll('main table')) {
      const head = table.querySelector('thead');
      const stacked = head !== null && head.getBoundingClientRect().width <= 1;
      if (stacked) {
        // A stacked row: every cell with a label is a visible line inside the screen.
        for (const cell of table.querySelectorAll<HTMLElement>('td[data-label]')) {
          const box = cell.getBoundingClientRect();
          if (box.width <= 1 || box.left < -1 || box.right > width + 1) problems.push(`stacked cell ${cell.dataset.label}`);
        }
        continue;
      }
      let scroller: HTMLElement | null = table.parentElement;
      while (scroller && !['auto', 'scroll'].includes(getComputedStyle(scroller).overflowX)) scroller = scroller.parentElement;
      for (const header of table.querySelectorAll<HTMLElement>('thead th')) {
        if (header.classList.contains('visually-hidden') || header.closest('.visually-hidden')) continue;
        if (scroller && scroller !== document.documentElement && scroller !== document.body) {
          header.scrollIntoView({ block: 'nearest', inline: 'nearest' });
          const box = header.getBoundingClientRect();
          const frame = scroller.getBoundingClientRect();
          if (box.width <= 1 || box.left < frame.left - 1 || box.right > frame.right + 1) problems.push(`scrolled header ${header.textContent?.trim()}`);
          scroller.scrollLeft = 0;
        } else {
          const box = header.getBoundingClientRect();
          if (box.width <= 1 || box.left < -1 || box.right > width + 1) problems.push(`header ${header.textContent?.trim()}`);
        }
      }
    }
    return problems;
  });
}

describe('the pages readers tripped on (issue 23)', () => {
  const site = useBrowserOnSite(() => builtSite('example-internal'));
  const open = async (path: string, width: number) => {
    const context = await site.browser().newContext({ viewport: { width, height: HEIGHT }, reducedMotion: 'reduce' });
    const page = await context.newPage();
    await page.goto(`${site.url()}${path}`);
    return { page, close: () => context.close() };
  };

  describe.each(WIDTHS)('at $width px', ({ width, pages }) => {
    it.each(pages)('%s has no horizontal page overflow and every table column is reachable', async (path) => {
      const { page, close } = await open(path, width);
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(width);
      expect(await unreachableColumns(page)).toEqual([]);
      await close();
    });
  });

  it('stacks the incidents table on a phone: no hidden column, no towering row', async () => {
    const { page, close } = await open('/releases/api/2.4.0/', 390);
    const rows = page.locator('table.incidents tbody tr');
    expect(await rows.count()).toBeGreaterThan(0);
    const heights = await rows.evaluateAll((list) => list.map((row) => row.getBoundingClientRect().height));
    for (const height of heights) expect(height).toBeLessThan(300);
    expect(await page.locator('table.incidents td[data-label="What happened"]').first().isVisible()).toBe(true);
    await close();
  });

  it('scrolls metrics tables sideways only on a phone, with the month column in view', async () => {
    const { page, close } = await open('/metrics/', 390);
    const regions = await page
      .locator('.data-table-block .table-scroll')
      .evaluateAll((list) =>
        list.map((region) => ({ vertical: region.scrollHeight > region.clientHeight + 1, label: region.getAttribute('aria-labelledby') })),
      );
    expect(regions.length).toBeGreaterThan(0);
    expect(regions.filter((region) => region.vertical)).toEqual([]);
    const sticky = await page
      .locator('.data-table-block tbody th[scope="row"]')
      .first()
      .evaluate((cell) => getComputedStyle(cell).position);
    expect(sticky).toBe('sticky');
    const caption = await page.locator('.data-table-block caption').first().boundingBox();
    expect(caption!.x + caption!.width).toBeLessThanOrEqual(390);
    await close();
  });

  it('keeps RACI captions inside the screen on a phone', async () => {
    const { page, close } = await open('/raci/standard-release/', 390);
    const box = await page.locator('.raci-matrix caption').boundingBox();
    expect(box!.x).toBeGreaterThanOrEqual(0);
    expect(box!.x + box!.width).toBeLessThanOrEqual(390);
    await close();
  });

  it('leaves the first search result above the fold on a phone, and finds through typos', async () => {
    const { page, close } = await open('/search/?q=rollback', 390);
    const first = page.locator('[data-search-results] .search-result').first();
    await first.waitFor();
    expect((await first.boundingBox())!.y).toBeLessThan(HEIGHT);
    expect(await page.locator('[data-search-filters]').evaluate((details) => (details as HTMLDetailsElement).open)).toBe(false);
    // Pagefind's own typo tolerance finds "rollbakc"; "migraiton" it does not, and the retry with a shorter prefix does.
    await page.goto(`${site.url()}/search/?q=rollbakc`);
    await page.locator('[data-search-results] .search-result').first().waitFor();
    expect(await page.locator('[data-search-results] .search-result-title').first().getAttribute('href')).toMatch(/^\/runbooks\/rollback-/);
    await page.goto(`${site.url()}/search/?q=migraiton`);
    await page.locator('[data-search-results] .search-result').first().waitFor();
    await expect
      .poll(() => page.locator('[data-search-page] [data-search-status]').textContent())
      .toMatch(/^No results for “migraiton”; \d+ results? for words starting “migr[a-z]*…”$/);
    // "rolback" alone, and beside a word that does match ("web"), lands on the rollback runbooks,
    // never on unlike words that Pagefind's own guess marks (once the RACI letter "R").
    await page.goto(`${site.url()}/search/?q=rolback`);
    await expect.poll(() => page.locator('[data-search-results] .search-result-title').first().getAttribute('href')).toMatch(/^\/runbooks\/rollback-/);
    await page.goto(`${site.url()}/search/?q=rolback+web`);
    await expect
      .poll(() => page.locator('[data-search-page] [data-search-status]').textContent())
      .toMatch(/^No close match for “rolback web”; \d+ results for words starting “rol web…”$/);
    expect(await page.locator('[data-search-results] .search-result-title').first().getAttribute('href')).toBe('/runbooks/rollback-web/');
    await close();
  });

  it('filters the release list by text, on this page', async () => {
    const { page, close } = await open('/releases/', 1280);
    const input = page.locator('[data-release-filter] input');
    await input.fill('northwind api rolled');
    // The module loads on the first focus, then filters what was typed.
    await expect
      .poll(() => page.locator('[data-release-filter-status]').textContent())
      .toMatch(/^\d+ of \d+ releases on this page match “northwind api rolled”$/);
    const visible = await page.locator('table.release-table tbody tr:not([hidden])').allTextContents();
    expect(visible.length).toBeGreaterThan(0);
    for (const row of visible) expect(row.toLowerCase()).toMatch(/api[\s\S]*rolled back|rolled back[\s\S]*api/);
    await close();
  });

  it('puts a copy button on every code block of a runbook', async () => {
    const context = await site.browser().newContext({ viewport: { width: 1280, height: HEIGHT }, permissions: ['clipboard-read', 'clipboard-write'] });
    const page = await context.newPage();
    await page.goto(`${site.url()}/runbooks/rollback-web/`);
    const blocks = await page.locator('.procedure pre').count();
    expect(blocks).toBeGreaterThan(0);
    expect(await page.locator('.procedure .copy-code').count()).toBe(blocks);
    await page.locator('.procedure .copy-code').first().click();
    await expect.poll(() => page.locator('.procedure [role="status"]').textContent()).toBe('Code block 1 copied.');
    const copied = await page.evaluate(() => navigator.clipboard.readText());
    expect(copied).toBe(await page.locator('.procedure pre').first().textContent());
    await context.close();
  });
});
