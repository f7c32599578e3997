/**
 * In Chromium: the theme follows the system, the toggle switches and remembers it, the saved
 * choice is applied by the head script alone (so before first paint, with no flash), and the
 * dashboard adds the reader's own time to the next window only when their zone differs.
 */
import type { Browser, BrowserContextOptions, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium } from '../e2e/helpers/browser.ts';
import { serveDist } from './helpers/static-server.ts';
import { builtSite } from './helpers/scenario.ts';

const DARK_BACKGROUND = 'rgb(13, 17, 23)';
const LIGHT_BACKGROUND = 'rgb(255, 255, 255)';

let browser: Browser;
let server: Awaited<ReturnType<typeof serveDist>>;
beforeAll(async () => {
  browser = await launchChromium();
  server = await serveDist(builtSite('example-internal'));
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
});

async function openDashboard(options: BrowserContextOptions): Promise<Page> {
  const context = await browser.newContext({ locale: 'en-US', ...options });
  const page = await context.newPage();
  await page.goto(`${server.url}/`, { waitUntil: 'networkidle' });
  return page;
}

const theme = (page: Page) =>
  page.evaluate(() => ({
    attribute: document.documentElement.dataset.theme ?? null,
    saved: localStorage.getItem('release-hub-theme'),
    background: getComputedStyle(document.body).backgroundColor,
  }));

describe('the theme', () => {
  it('follows the system, and the toggle switches, remembers and forgets the choice', async () => {
    const page = await openDashboard({ colorScheme: 'dark' });
    const toggle = page.getByRole('button', { name: 'Dark theme' });
    expect(await toggle.isVisible()).toBe(true);
    expect(await toggle.getAttribute('aria-pressed')).toBe('true');
    expect(await theme(page)).toEqual({ attribute: null, saved: null, background: DARK_BACKGROUND });

    await toggle.click();
    expect(await toggle.getAttribute('aria-pressed')).toBe('false');
    expect(await theme(page)).toEqual({ attribute: 'light', saved: 'light', background: LIGHT_BACKGROUND });

    await page.goto(`${server.url}/releases/`, { waitUntil: 'networkidle' });
    expect(await theme(page)).toEqual({ attribute: 'light', saved: 'light', background: LIGHT_BACKGROUND });

    // Back to what the system shows: the choice is forgotten and the page follows the system again.
    await page.getByRole('button', { name: 'Dark theme' }).click();
    expect(await theme(page)).toEqual({ attribute: null, saved: null, background: DARK_BACKGROUND });
    await page.context().close();
  });

  it('applies a saved choice and toggles with the inline head script alone: no script file is loaded', async () => {
    const context = await browser.newContext({ colorScheme: 'light' });
    await context.addInitScript(() => localStorage.setItem('release-hub-theme', 'dark'));
    const scriptFiles: string[] = [];
    await context.route(`${server.url}/**`, (route) => {
      if (route.request().resourceType() !== 'script') return route.continue();
      scriptFiles.push(route.request().url());
      return route.abort();
    });
    const page = await context.newPage();
    await page.goto(`${server.url}/changelog/`, { waitUntil: 'load' });
    expect(await theme(page)).toEqual({ attribute: 'dark', saved: 'dark', background: DARK_BACKGROUND });
    const toggle = page.getByRole('button', { name: 'Dark theme' });
    expect(await toggle.getAttribute('aria-pressed')).toBe('true');
    await toggle.click();
    // Light is what the system shows: the saved choice is forgotten.
    expect(await theme(page)).toEqual({ attribute: null, saved: null, background: LIGHT_BACKGROUND });
    expect(await toggle.getAttribute('aria-pressed')).toBe('false');
    expect(scriptFiles).toEqual([]);
    await context.close();
  });

  it('hides the toggle without JavaScript, where it could do nothing, and follows the system', async () => {
    const page = await openDashboard({ colorScheme: 'dark', javaScriptEnabled: false });
    expect(await page.getByRole('button', { name: 'Dark theme' }).count()).toBe(0);
    expect(await theme(page)).toEqual({ attribute: null, saved: null, background: DARK_BACKGROUND });
    await page.context().close();
  });
});

describe("the next window in the reader's time", () => {
  it('is added when the reader is in another zone', async () => {
    const page = await openDashboard({ timezoneId: 'America/New_York' });
    const viewerTime = page.locator('[data-viewer-time]');
    expect(await viewerTime.isVisible()).toBe(true);
    // 02:00–04:00 in Berlin (UTC+1) is 20:00–22:00 the evening before in New York (UTC−5).
    expect(await viewerTime.textContent()).toMatch(/^Your time: Mon, Nov 30, 0?8:00( PM)? – 10:00 PM EST$/);
    await page.context().close();
  });

  it('is left out when the hub zone already shows the reader their time', async () => {
    const page = await openDashboard({ timezoneId: 'Europe/Berlin' });
    expect(await page.locator('[data-viewer-time]').isVisible()).toBe(false);
    await page.context().close();
  });
});
