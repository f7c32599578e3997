/**
 * Usage by hour of the week in Chromium: the heatmap and its table on a product's usage page and on
 * the calendar's first page, read without JavaScript at 390 px and 1280 px (no sideways scrolling of
 * the page, every hour drawn inside the viewport, the table's numbers and busy marks), and axe clean
 * at 390 px (axe itself needs JavaScript: it runs in a second page), light and dark; at 1280 px
 * tests/e2e/a11y-internal.test.ts checks both pages.
 */
import { describe, expect, it } from 'vitest';
import { axeViolations, COLOUR_RULES } from './helpers/a11y.ts';
import { useBrowserOnSite } from './helpers/browser.ts';
import { builtSite } from '../build/helpers/scenario.ts';

const session = useBrowserOnSite(() => builtSite('example-internal'));

describe.each([390, 1280])('usage heatmaps at %i px', (width) => {
  it.each(['/usage/api/', '/calendar/'])(`%s: the heatmap and its table read without JavaScript${width === 390 ? ', axe clean' : ''}`, async (pathname) => {
    const context = await session.browser().newContext({ viewport: { width, height: 900 }, javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(`${session.url()}${pathname}`);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(width);

    const heatmap = page.getByRole('img', { name: /^Mean requests per hour of the week in Europe\/Berlin: busiest / });
    await expect(heatmap.isVisible()).resolves.toBe(true);
    const cells = heatmap.locator('.cell');
    await expect(cells.count()).resolves.toBe(168);
    const boxes = await cells.evaluateAll((elements) => elements.map((element) => element.getBoundingClientRect().toJSON() as DOMRect));
    for (const box of boxes) {
      expect(box.width).toBeGreaterThan(4);
      expect(box.right).toBeLessThanOrEqual(width);
    }
    // Tuesday 02:00 and 03:00 in Berlin are 17:00 and 18:00 Pacific: the API customers' exports, busy.
    await expect(heatmap.locator('.cell[data-busy]').count()).resolves.toBeGreaterThan(0);
    await expect(cells.nth(24 + 2).getAttribute('title')).resolves.toMatch(/^Tuesday 02:00–03:00: \d+ requests, busy$/);

    const table = page.getByRole('table', { name: 'Mean requests per hour of the week, Northwind API (Europe/Berlin; * busy)' });
    await expect(table.isVisible()).resolves.toBe(true);
    await expect(table.locator('thead th').allInnerTexts()).resolves.toEqual(['Hour', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun']);
    const tuesdayTwo = table.locator('tbody tr').nth(2);
    await expect(tuesdayTwo.locator('th').innerText()).resolves.toBe('02:00');
    await expect(tuesdayTwo.locator('td').nth(1).textContent()).resolves.toMatch(/^\d+\* \(busy\)$/);
    const region = page.getByRole('region', { name: 'Mean requests per hour of the week, Northwind API (Europe/Berlin; * busy)' });
    const regionBox = await region.boundingBox();
    expect((regionBox?.x ?? 0) + (regionBox?.width ?? Infinity)).toBeLessThanOrEqual(width);

    await context.close();

    // At 1280 px the pages are axe-checked with the others (tests/e2e/a11y-internal.test.ts); the phone layout is checked here.
    if (width !== 390) return;
    const violations: string[] = [];
    for (const colorScheme of ['light', 'dark'] as const) {
      const checked = await session.browser().newContext({ viewport: { width, height: 900 }, colorScheme });
      const axePage = await checked.newPage();
      await axePage.goto(`${session.url()}${pathname}`);
      const run = colorScheme === 'light' ? undefined : { rules: COLOUR_RULES };
      for (const violation of await axeViolations(axePage, run)) violations.push(`${colorScheme}: ${violation}`);
      await checked.close();
    }
    expect(violations).toEqual([]);
  });
});
