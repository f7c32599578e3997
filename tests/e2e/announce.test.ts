/** The announcement drafts page in a real browser: the copy buttons appear, copy the file's exact text, say so, and the page fits a 390 px phone. */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { builtSite } from '../build/helpers/scenario.ts';
import { useBrowserOnSite } from './helpers/browser.ts';

describe('/announce/ in a browser', () => {
  const site = useBrowserOnSite(() => builtSite('example-internal'));

  it('copies a draft to the clipboard with its button and announces it', async () => {
    const context = await site.browser().newContext({ permissions: ['clipboard-read', 'clipboard-write'] });
    const page = await context.newPage();
    await page.goto(`${site.url()}/announce/`);
    const button = page.locator('button[data-copy="/announce/web/4.9.0/customer.slack.json"]');
    expect(await button.isVisible()).toBe(true);
    await button.click();
    await page.locator('[data-copy-status]').filter({ hasText: 'Copied' }).waitFor({ state: 'attached' });
    expect(await page.locator('[data-copy-status]').textContent()).toBe('Copied the customer announcement of Northwind Web 4.9.0 (Slack).');
    const copied = await page.evaluate(() => navigator.clipboard.readText());
    expect(copied).toBe(readFileSync(path.join(builtSite('example-internal'), 'announce/web/4.9.0/customer.slack.json'), 'utf8'));
    await context.close();
  });

  it('fits a 390 px wide phone without scrolling sideways', async () => {
    const context = await site.browser().newContext({ viewport: { width: 390, height: 844 } });
    const page = await context.newPage();
    await page.goto(`${site.url()}/announce/`);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await context.close();
  });
});
