/**
 * Search in a real browser on the built example hub: the header box (with "/"), the /search/ page
 * with filters and deep links, the public index, loading on demand, and the no-JavaScript form.
 */
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium } from './helpers/browser.ts';
import { serveDist } from '../build/helpers/static-server.ts';
import { builtSite } from '../build/helpers/scenario.ts';

let browser: Browser;
beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
});

/** The result links shown in a list, in order. */
async function resultHrefs(page: Page, list: string): Promise<string[]> {
  return page.locator(`${list} .search-result-title`).evaluateAll((links) => links.map((link) => new URL((link as HTMLAnchorElement).href).pathname));
}

describe('search on the internal build', () => {
  let server: Awaited<ReturnType<typeof serveDist>>;
  let context: BrowserContext;
  beforeAll(async () => {
    server = await serveDist(builtSite('example-internal'));
    context = await browser.newContext();
  });
  afterAll(async () => {
    await context?.close();
    await server?.close();
  });

  it('lists a runbook first for its distinctive phrase typed into the header box after "/"', async () => {
    const page = await context.newPage();
    await page.goto(`${server.url}/releases/`);
    await page.keyboard.press('/');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('header-search-input');
    await page.keyboard.type('stop the bleeding');
    const panel = page.locator('#header-search-panel');
    await panel.locator('.search-result').first().waitFor();
    expect((await resultHrefs(page, '#header-search-panel'))[0]).toBe('/runbooks/rollback-api/');
    await expect.poll(() => page.locator('[data-search-status]').first().textContent()).toMatch(/^\d+ results? for “stop the bleeding”$/);
    await page.close();
  });

  it('finds the rollback runbooks first for "rollback database", and Enter opens the search page', async () => {
    const page = await context.newPage();
    await page.goto(`${server.url}/`);
    await page.locator('#header-search-input').fill('rollback database');
    await page.locator('#header-search-panel .search-result').first().waitFor();
    const top = await resultHrefs(page, '#header-search-panel');
    expect(top.slice(0, 2).sort()).toEqual(['/runbooks/rollback-api/', '/runbooks/rollback-web/']);
    await page.keyboard.press('ArrowDown');
    expect(await page.evaluate(() => (document.activeElement as HTMLAnchorElement).pathname)).toBe(top[0]);
    await page.keyboard.press('Escape');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('header-search-input');
    expect(await page.locator('#header-search-panel').isHidden()).toBe(true);
    await page.keyboard.press('Enter');
    await page.waitForURL(/\/search\/\?q=rollback\+database$/);
    await page.close();
  });

  it('works from a deep link with a query, and type=release narrows the results to releases', async () => {
    const page = await context.newPage();
    await page.goto(`${server.url}/search/?q=rollback+database`);
    expect(await page.locator('#search-query').inputValue()).toBe('rollback database');
    await page.locator('[data-search-results] .search-result').first().waitFor();
    const all = await resultHrefs(page, '[data-search-results]');
    expect(all.some((href) => href.startsWith('/runbooks/'))).toBe(true);
    expect(all.some((href) => href.startsWith('/releases/'))).toBe(true);

    await page.getByRole('checkbox', { name: /^Release \(\d+\)$/ }).check();
    await expect.poll(async () => (await resultHrefs(page, '[data-search-results]')).every((href) => href.startsWith('/releases/'))).toBe(true);
    const releases = await resultHrefs(page, '[data-search-results]');
    expect(releases.length).toBeGreaterThan(0);
    expect(releases.length).toBeLessThan(all.length);
    expect(new URL(page.url()).search).toBe('?q=rollback+database&type=release');
    await page.close();
  });

  it('opens with filters and date order from the URL, even without words', async () => {
    const page = await context.newPage();
    await page.goto(`${server.url}/search/?type=runbook&sort=date`);
    expect(await page.getByRole('checkbox', { name: /^Runbook/ }).isChecked()).toBe(true);
    expect(await page.locator('#search-sort').inputValue()).toBe('date');
    await expect.poll(async () => (await resultHrefs(page, '[data-search-results]')).length).toBe(7);
    const dates = await page.locator('[data-search-results] .search-result-meta').allTextContents();
    const isoDates = dates.map((text) => /\d{4}-\d{2}-\d{2}/.exec(text)![0]);
    expect(isoDates).toEqual([...isoDates].sort().reverse());
    await page.close();
  });

  it('loads the search UI and Pagefind only when the reader focuses the search box', async () => {
    const page = await context.newPage();
    const requested: string[] = [];
    page.on('request', (request) => requested.push(new URL(request.url()).pathname));
    await page.goto(`${server.url}/runbooks/`);
    await page.waitForLoadState('networkidle');
    expect(requested.filter((url) => url.startsWith('/pagefind/') || url.endsWith('.js'))).toEqual([]);
    await page.locator('#header-search-input').focus();
    await page.keyboard.type('deploy');
    await page.locator('#header-search-panel .search-result').first().waitFor();
    expect(requested).toContain('/pagefind/pagefind.js');
    expect(requested.some((url) => /^\/_astro\/header-search-[\w-]+\.js$/.test(url))).toBe(true);
    await page.close();
  });
});

describe('search on the public build', () => {
  let server: Awaited<ReturnType<typeof serveDist>>;
  let context: BrowserContext;
  beforeAll(async () => {
    server = await serveDist(builtSite('example-public'));
    context = await browser.newContext();
  });
  afterAll(async () => {
    await context?.close();
    await server?.close();
  });

  it('finds public releases only, and offers no internal types', async () => {
    const page = await context.newPage();
    await page.goto(`${server.url}/search/?q=rollback`);
    await page.locator('[data-search-results] .search-result').first().waitFor();
    expect((await resultHrefs(page, '[data-search-results]')).every((href) => href.startsWith('/releases/'))).toBe(true);
    expect(await page.getByRole('checkbox', { name: /^Runbook/ }).count()).toBe(0);
    await page.close();
  });
});

describe('search without JavaScript', () => {
  it('submits the header box to /search/, which says results need JavaScript', async () => {
    const server = await serveDist(builtSite('example-internal'));
    const context = await browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(`${server.url}/calendar/`);
    await page.locator('#header-search-input').fill('rollback database');
    await page.keyboard.press('Enter');
    await page.waitForURL(/\/search\/\?q=rollback\+database$/);
    const notice = page.locator('.search-page noscript p');
    expect(await notice.isVisible()).toBe(true);
    expect(await notice.textContent()).toContain(
      'Search results need JavaScript, which is turned off in this browser. You can still browse every release from Releases',
    );
    await context.close();
    await server.close();
  });
});
