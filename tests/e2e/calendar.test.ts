/**
 * The release calendar in Chromium: going a month forward with the "next" link and opening a
 * release from the grid; the page without JavaScript on a 390 px phone; and axe (WCAG 2.2 AA)
 * on a month with a freeze and on the month of "today", wide and narrow, light and dark (the
 * site-wide a11y test samples calendar pages at the default width only).
 */
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { axeViolations, COLOUR_RULES, WCAG22_AA } from './helpers/a11y.ts';
import { launchChromium } from './helpers/browser.ts';
import { serveDist } from '../build/helpers/static-server.ts';
import { builtSite } from '../build/helpers/scenario.ts';

let browser: Browser;
let site: Awaited<ReturnType<typeof serveDist>>;

beforeAll(async () => {
  browser = await launchChromium();
  site = await serveDist(builtSite('example-internal'));
});

afterAll(async () => {
  await browser?.close();
  await site?.close();
});

describe('the calendar in Chromium', () => {
  it('goes a month forward with the next link and opens a release from the grid', async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    await page.goto(`${site.url}/calendar/`);
    await expect(page.locator('h1').textContent()).resolves.toBe('Release calendar: December 2026');

    await page.getByRole('navigation', { name: 'Months' }).getByRole('link', { name: 'January 2027 →' }).click();
    await page.waitForURL(`${site.url}/calendar/2027-01/`);
    await expect(page.locator('h1').textContent()).resolves.toBe('Release calendar: January 2027');

    const cell = page
      .getByRole('table')
      .getByRole('cell')
      .filter({ has: page.locator('time[datetime="2027-01-19"]') });
    await cell.getByRole('link', { name: 'Northwind Web 4.10.0' }).click();
    await page.waitForURL(`${site.url}/releases/web/4.10.0/`);
    await expect(page.locator('h1').textContent()).resolves.toContain('4.10.0');
    await context.close();
  });

  it('is complete without JavaScript on a 390 px phone: no sideways scrolling, compact grid and full agenda', async () => {
    const context = await browser.newContext({ viewport: { width: 390, height: 844 }, javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(`${site.url}/calendar/2025-12/`);
    const width = await page.evaluate(() => document.documentElement.scrollWidth);
    expect(width).toBeLessThanOrEqual(390);
    const grid = page.getByRole('table', { name: 'December 2025, weeks from Monday to Sunday, times in Europe/Berlin' });
    await expect(grid.isVisible()).resolves.toBe(true);
    const release = grid.getByRole('link', { name: 'api 1.20.1' });
    await expect(release.isVisible()).resolves.toBe(true);
    const box = await release.boundingBox();
    expect(box?.height).toBeGreaterThanOrEqual(24);
    await expect(grid.locator('.entry-freeze').first().innerText()).resolves.toBe('Freeze');
    const agenda = page.locator('.agenda');
    await expect(agenda.getByRole('link', { name: 'Northwind API 1.20.1' }).isVisible()).resolves.toBe(true);
    await expect(agenda.getByText('Fri 19 Dec 2025 – Sun 4 Jan 2026').isVisible()).resolves.toBe(true);
    await context.close();
  });

  // At 1280 px the calendar months are in the axe sample of tests/e2e/a11y-*.test.ts; the phone layout is checked here.
  it('has no WCAG 2.2 AA violation on calendar months at 390 px, nor a colour contrast violation there in the dark theme', async () => {
    const violations: string[] = [];
    for (const colorScheme of ['light', 'dark'] as const) {
      const context = await browser.newContext({ colorScheme, viewport: { width: 390, height: 900 } });
      for (const pathname of ['/calendar/2025-12/', '/calendar/2026-11/']) {
        const page = await context.newPage();
        await page.goto(`${site.url}${pathname}`);
        const run = colorScheme === 'light' ? { tags: WCAG22_AA } : { rules: COLOUR_RULES };
        for (const violation of await axeViolations(page, run)) violations.push(`${colorScheme} 390px ${pathname}: ${violation}`);
        await page.close();
      }
      await context.close();
    }
    expect(violations).toEqual([]);
  });
});
