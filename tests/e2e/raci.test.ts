/**
 * The RACI matrix in a real browser: an axe check (WCAG 2.2 AA) of every RACI page on a phone,
 * where the wide matrix scrolls (at 1280 px they are in the sample of tests/e2e/a11y-*.test.ts).
 */
import { describe, expect, it } from 'vitest';
import { axeViolations } from './helpers/a11y.ts';
import { useBrowserOnSite } from './helpers/browser.ts';
import { builtSite } from '../build/helpers/scenario.ts';

describe('RACI pages in a browser', () => {
  const site = useBrowserOnSite(() => builtSite('example-internal'));

  it.each(['/raci/', '/raci/standard-release/', '/raci/hotfix/', '/raci/standard-release/releases/page/2/'])(
    '%s passes axe (WCAG 2.2 AA) at 390 px',
    async (pagePath) => {
      const context = await site.browser().newContext({ viewport: { width: 390, height: 844 } });
      const page = await context.newPage();
      await page.goto(`${site.url()}${pagePath}`);
      expect(await axeViolations(page)).toEqual([]);
      await context.close();
    },
  );

  it('lets keyboard users scroll a wide matrix on a phone', async () => {
    const context = await site.browser().newContext({ viewport: { width: 390, height: 844 } });
    const page = await context.newPage();
    await page.goto(`${site.url()}/raci/standard-release/`);
    const region = page.getByRole('region', { name: /Standard release/ });
    expect(await region.evaluate((element) => element.scrollWidth > element.clientWidth)).toBe(true);
    expect(await region.getAttribute('tabindex')).toBe('0');
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBe(390);
    await context.close();
  });
});
