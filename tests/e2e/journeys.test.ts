/**
 * The journeys a stakeholder and a customer take first, in Chromium on the built example hub:
 * from the dashboard to the next release, and narrowing the changelog to one product.
 */
import { describe, expect, it } from 'vitest';
import { useBrowserOnSite } from './helpers/browser.ts';
import { builtSite } from '../build/helpers/scenario.ts';

describe('first journeys', () => {
  const site = useBrowserOnSite(() => builtSite('example-internal'));

  it('opens the dashboard and follows the next release window to its release page', async () => {
    const page = await site.browser().newPage();
    await page.goto(`${site.url()}/`);
    const link = page.locator('section[aria-labelledby="next-window-title"] ul.booked a').first();
    const label = (await link.innerText()).trim();
    const version = label.split(' ').at(-1)!;
    expect(version).toMatch(/^\d+\.\d+\.\d+/);
    await link.click();
    await page.waitForURL(/\/releases\/(web|api)\/[^/]+\/$/);
    expect(page.url()).toContain(`/${version}/`);
    await expect(page.locator('h1').innerText()).resolves.toContain(version);
    await page.close();
  });

  it('filters the changelog by product with a link, without JavaScript', async () => {
    const context = await site.browser().newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(`${site.url()}/changelog/`);
    const allIds = await page.locator('article.entry').evaluateAll((articles) => articles.map((article) => article.id));
    expect(allIds.some((id) => id.startsWith('web-'))).toBe(true);
    expect(allIds.some((id) => id.startsWith('api-'))).toBe(true);
    await page.locator('nav[aria-label="Changelog by product"] a', { hasText: 'Northwind API' }).click();
    await page.waitForURL(/\/changelog\/api\/$/);
    const apiIds = await page.locator('article.entry').evaluateAll((articles) => articles.map((article) => article.id));
    expect(apiIds.length).toBeGreaterThan(3);
    expect(apiIds.every((id) => id.startsWith('api-'))).toBe(true);
    await context.close();
  });
});
