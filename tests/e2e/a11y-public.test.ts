/**
 * Accessibility of the public build: axe (WCAG 2.2 AA), light and dark (tests/e2e/helpers/a11y.ts),
 * on the pages customers come for. Every other public page is an internal build's template with
 * less on it, and tests/e2e/a11y-internal.test.ts checks one page of each of those.
 */
import { describe, expect, it } from 'vitest';
import { axeViolations, describeAccessibility } from './helpers/a11y.ts';
import { launchChromium } from './helpers/browser.ts';

describeAccessibility('example-public', 7, {
  only: ['/', '/changelog/', '/changelog/api/', '/releases/api/1.14.0/', '/calendar/2025-04/', '/security/api/', '/roadmap/'],
});

describe('the axe check itself', () => {
  it('finds planted violations: low contrast, an image without text, a nameless button, a missing language', async () => {
    const browser = await launchChromium();
    try {
      const page = await browser.newPage();
      await page.setContent(
        '<!doctype html><html><head><title>Planted</title></head><body><main><h1>Planted</h1><p style="color:#bbb;background:#fff">Faint text</p><img src="data:image/gif;base64,R0lGODlhAQABAAAAACw=" width="10" height="10"><button></button></main></body></html>',
      );
      const found = (await axeViolations(page)).map((violation) => violation.split(' ')[0]);
      expect(found).toEqual(expect.arrayContaining(['color-contrast', 'image-alt', 'button-name', 'html-has-lang']));
    } finally {
      await browser.close();
    }
  });
});
