/**
 * The "what's new" widget in Chromium on its demo page (issue 20): the unread badge counts the
 * entries shown, opening clears it and the read state is in localStorage only; no cookie, no
 * request to another host, no CSP violation under the hub's strict policy (styles from an adopted
 * stylesheet), keyboard (Enter opens, Escape closes and returns focus) and axe clean.
 */
import { describe, expect, it } from 'vitest';
import { axeViolations } from './helpers/a11y.ts';
import { useBrowserOnSite } from './helpers/browser.ts';
import { builtSite } from '../build/helpers/scenario.ts';

describe("the what's new widget", () => {
  const site = useBrowserOnSite(() => builtSite('example-public'));

  it('shows an unread badge that clears once opened, with no cookie, no other host and no CSP violation', async () => {
    const context = await site.browser().newContext();
    const page = await context.newPage();
    const requests: string[] = [];
    const violations: string[] = [];
    page.on('request', (request) => requests.push(request.url()));
    page.on('console', (message) => {
      if (/Content Security Policy|Refused to/i.test(message.text())) violations.push(message.text());
    });
    try {
      await page.goto(`${site.url()}/widget/`);
      const host = page.locator('release-hub-whats-new');
      const button = host.locator('button');
      const badge = host.locator('.badge');
      await expect.poll(() => badge.textContent()).toBe('5');
      expect(await button.textContent()).toContain('5 unread entries');
      expect(await button.getAttribute('aria-expanded')).toBe('false');
      // The adopted stylesheet applies under style-src 'self': the badge has the hub's accent.
      expect(await badge.evaluate((element) => getComputedStyle(element).backgroundColor)).toBe('rgb(31, 111, 235)');

      await button.focus();
      await page.keyboard.press('Enter');
      expect(await button.getAttribute('aria-expanded')).toBe('true');
      const dialog = host.locator('[role="dialog"]');
      expect(await dialog.isVisible()).toBe(true);
      expect(await dialog.locator('li a').count()).toBe(5);
      expect(await badge.isVisible()).toBe(false);
      expect(await button.textContent()).toContain('no unread entries');
      expect(await axeViolations(page)).toEqual([]);

      await page.keyboard.press('Escape');
      expect(await dialog.isVisible()).toBe(false);
      expect(await page.evaluate(() => document.activeElement?.shadowRoot?.activeElement?.tagName)).toBe('BUTTON');

      await page.reload();
      await expect.poll(() => host.locator('button').textContent()).toContain('no unread entries');
      expect(await badge.isVisible()).toBe(false);
      expect(await page.evaluate(() => document.cookie)).toBe('');
      expect((await context.cookies()).length).toBe(0);
      const origin = new URL(site.url()).origin;
      expect(await page.evaluate(() => Object.keys(localStorage))).toEqual([`release-hub-whats-new:${origin}/widget.json`]);
      expect(requests.filter((url) => new URL(url).origin !== origin)).toEqual([]);
      expect(requests).toContain(`${origin}/widget.json`);
      expect(violations).toEqual([]);
    } finally {
      await context.close();
    }
  });
});
