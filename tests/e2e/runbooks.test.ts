/** Runbooks in a real browser: print preview shows the procedure only, with link URLs; axe passes. */
import { describe, expect, it } from 'vitest';
import { axeViolations } from './helpers/a11y.ts';
import { useBrowserOnSite } from './helpers/browser.ts';
import { builtSite } from '../build/helpers/scenario.ts';

describe('runbook pages in a browser', () => {
  const site = useBrowserOnSite(() => builtSite('example-internal'));

  it('prints the procedure without navigation, header, footer, table of contents or anchors', async () => {
    const context = await site.browser().newContext();
    const page = await context.newPage();
    await page.goto(`${site.url()}/runbooks/rollback-web/`);
    const hidden = ['.site-header', 'nav[aria-label="Main"]', '.site-footer', 'nav.toc', 'nav[aria-label="Breadcrumb"]', '.heading-anchor', '.used-by'];
    for (const selector of hidden) expect(await page.locator(selector).first().isVisible(), selector).toBe(true);

    await page.emulateMedia({ media: 'print' });
    for (const selector of hidden) expect(await page.locator(selector).first().isVisible(), selector).toBe(false);
    expect(await page.locator('h1').isVisible()).toBe(true);
    expect(await page.locator('.procedure ol > li').first().isVisible()).toBe(true);
    expect(await page.locator('.callout[data-callout="warning"]').isVisible()).toBe(true);
    const linkUrl = await page.locator('.procedure a[href="/runbooks/deploy-web/"]').evaluate((link) => getComputedStyle(link, '::after').content);
    expect(linkUrl).toBe('" (/runbooks/deploy-web/)"');
    await context.close();
  });

  // /runbooks/ and a runbook page are in the axe sample of tests/e2e/a11y-internal.test.ts; these are the other kinds.
  it.each(['/runbooks/release-test-plan/', '/people/dana/', '/search/?q=rollback'])('%s passes axe (WCAG 2.2 AA)', async (pagePath) => {
    const context = await site.browser().newContext();
    const page = await context.newPage();
    await page.goto(`${site.url()}${pagePath}`);
    if (pagePath.startsWith('/search/')) await page.locator('[data-search-results] .search-result').first().waitFor();
    expect(await axeViolations(page)).toEqual([]);
    await context.close();
  });
});
