/**
 * Content-Security-Policy: every page carries one, with no 'unsafe-inline', and the pages that run
 * code (search, charts, theme) work under it without a single violation in the console.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { htmlFiles, unhashedInlineElements } from '../build/helpers/gates.ts';
import { useBrowserOnSite } from './helpers/browser.ts';
import { builtSite } from '../build/helpers/scenario.ts';

/** Collects CSP violations reported to the page's console and as security policy events. */
async function watchViolations(page: Page): Promise<string[]> {
  const violations: string[] = [];
  page.on('console', (message) => {
    if (/Content Security Policy|Refused to/i.test(message.text())) violations.push(message.text());
  });
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (event) => console.error(`Refused to load (CSP): ${event.violatedDirective} ${event.blockedURI}`));
  });
  return violations;
}

describe('Content-Security-Policy', () => {
  const site = useBrowserOnSite(() => builtSite('example-internal'));

  it('is set on every page, without unsafe-inline', () => {
    const dist = builtSite('example-internal');
    const pages = htmlFiles(dist).filter((file) => !readFileSync(file, 'utf8').includes('http-equiv="content-security-policy"'));
    expect(pages.map((file) => path.relative(dist, file))).toEqual([]);
    expect(readFileSync(path.join(dist, 'index.html'), 'utf8')).not.toContain('unsafe-inline');
  });

  it('allows every inline script and style of every page by its hash', () => {
    const dist = builtSite('example-internal');
    const missing = htmlFiles(dist).flatMap((file) =>
      unhashedInlineElements(readFileSync(file, 'utf8')).map((element) => `${path.relative(dist, file)}: ${element}`),
    );
    expect(missing).toEqual([]);
  });

  it('lets search, charts, the theme toggle and the dashboard run with no violation', async () => {
    const page = await site.browser().newPage();
    const violations = await watchViolations(page);
    await page.goto(`${site.url()}/metrics/`);
    await page.waitForFunction(() => [...document.querySelectorAll('canvas')].every((canvas) => canvas.width > 0));
    await page.goto(`${site.url()}/`);
    await page.keyboard.press('/');
    await page.keyboard.type('rollback database');
    await page.waitForSelector('text=/Roll back/i', { timeout: 15_000 });
    await page.goto(`${site.url()}/search/?q=freeze`);
    await page.waitForTimeout(1500);
    await page.goto(`${site.url()}/releases/api/2.0.0/`);
    await page.waitForTimeout(300);
    expect(violations).toEqual([]);
    await page.close();
  });
});
