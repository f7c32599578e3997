/**
 * The hub is self-contained: no page loads anything from another host (no CDN, no web font,
 * no analytics). Checked statically on every built file of both audiences, and in Chromium,
 * where every request of a sample of pages (search opened too) must go to the site itself.
 * Links to other sites in `<a href>` are fine: following one is the reader's choice.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import * as cheerio from 'cheerio';
import { describe, expect, it } from 'vitest';
import { launchChromium } from '../e2e/helpers/browser.ts';
import { serveDist } from './helpers/static-server.ts';
import { builtSite } from './helpers/scenario.ts';

/** Files of a built site with one of the extensions, as site paths. */
function filesEnding(dist: string, extension: string): string[] {
  return readdirSync(dist, { recursive: true, encoding: 'utf8' })
    .filter((file) => file.endsWith(extension))
    .map((file) => file.split(path.sep).join('/'))
    .sort();
}

/** Absolute (`https://…`), protocol-relative (`//cdn…`) or any other scheme than a data: URI. */
const isExternal = (url: string) => /^\s*([a-z][a-z0-9+.-]*:|\/\/)/i.test(url) && !/^\s*data:/i.test(url);

/** `<link rel>` values that make the browser fetch the target. */
const FETCHING_RELS = [
  'stylesheet',
  'icon',
  'shortcut',
  'apple-touch-icon',
  'mask-icon',
  'manifest',
  'preload',
  'modulepreload',
  'prefetch',
  'preconnect',
  'dns-prefetch',
  'prerender',
];

/** Every URL an HTML page makes the browser load: scripts, styles, fonts, images, frames, media. */
function loadedUrls(html: string): string[] {
  const $ = cheerio.load(html);
  const urls: string[] = [];
  const add = (value: string | undefined): void => {
    if (value) urls.push(value);
  };
  $('script[src], img[src], iframe[src], embed[src], video[src], audio[src], source[src], track[src], input[type="image"][src]').each((_, element) => {
    add($(element).attr('src'));
  });
  $('img[srcset], source[srcset]').each((_, element) => {
    for (const candidate of $(element).attr('srcset')!.split(',')) add(candidate.trim().split(/\s+/)[0]);
  });
  $('video[poster]').each((_, element) => {
    add($(element).attr('poster'));
  });
  $('object[data]').each((_, element) => {
    add($(element).attr('data'));
  });
  $('use[href], image[href], use[xlink\\:href], image[xlink\\:href]').each((_, element) => {
    add($(element).attr('href') ?? $(element).attr('xlink:href'));
  });
  $('link[href]').each((_, element) => {
    const rels = ($(element).attr('rel') ?? '').toLowerCase().split(/\s+/);
    if (rels.some((rel) => FETCHING_RELS.includes(rel))) add($(element).attr('href'));
  });
  $('style').each((_, element) => {
    urls.push(...cssUrls($(element).text()));
  });
  $('[style]').each((_, element) => {
    urls.push(...cssUrls($(element).attr('style')!));
  });
  return urls;
}

/** URLs in CSS: `url(…)` (fonts, images) and `@import`. */
function cssUrls(css: string): string[] {
  return [
    ...[...css.matchAll(/url\(\s*(['"]?)([^'")]+)\1\s*\)/g)].map((match) => match[2]!),
    ...[...css.matchAll(/@import\s+(['"])([^'"]+)\1/g)].map((match) => match[2]!),
  ];
}

describe.each(['internal', 'public'] as const)('the %s build', (audience) => {
  const dist = () => builtSite(audience === 'internal' ? 'example-internal' : 'example-public');

  it('loads no script, style, font or image from another host, on any page', () => {
    const pages = filesEnding(dist(), '.html');
    expect(pages.length).toBeGreaterThan(audience === 'internal' ? 100 : 40);
    const external = pages.flatMap((page) =>
      loadedUrls(readFileSync(path.join(dist(), page), 'utf8'))
        .filter(isExternal)
        .map((url) => `${page}: ${url}`),
    );
    expect(external).toEqual([]);
  });

  it('has no stylesheet that pulls a font, an image or another stylesheet from another host', () => {
    const stylesheets = filesEnding(dist(), '.css');
    expect(stylesheets.length).toBeGreaterThan(0);
    const external = stylesheets.flatMap((file) =>
      cssUrls(readFileSync(path.join(dist(), file), 'utf8'))
        .filter(isExternal)
        .map((url) => `${file}: ${url}`),
    );
    expect(external).toEqual([]);
  });

  it('has no script that imports code from another host', () => {
    const scripts = filesEnding(dist(), '.js');
    const external = scripts.flatMap((file) =>
      [...readFileSync(path.join(dist(), file), 'utf8').matchAll(/\bimport\s*(?:\(\s*|[\w$*{}\s,]*?from\s*)["'`]([^"'`]+)["'`]/g)]
        .map((match) => match[1]!)
        .filter(isExternal)
        .map((url) => `${file}: ${url}`),
    );
    expect(external).toEqual([]);
  });

  it('makes no request to another host in a browser, with the search opened', async () => {
    const server = await serveDist(dist());
    const browser = await launchChromium();
    try {
      const page = await browser.newPage();
      const requests: string[] = [];
      page.on('request', (request) => requests.push(request.url()));
      const paths = ['/', '/releases/', '/releases/web/4.0.0/', '/changelog/', '/calendar/', '/search/?q=export', '/no-such-page/'];
      if (audience === 'internal') paths.push('/metrics/', '/runbooks/', '/raci/', '/people/');
      for (const [index, sitePath] of paths.entries()) {
        await page.goto(`${server.url}${sitePath}`, { waitUntil: 'networkidle' });
        // The header search is the same module on every page: it is opened on the first one (and
        // the search page runs its own query from the URL).
        if (index > 0) continue;
        await page.focus('#header-search-input');
        await page.keyboard.type('release');
        await page.waitForLoadState('networkidle');
      }
      expect(requests.length).toBeGreaterThan(paths.length);
      // The search ran: it fetched its index.
      expect(requests.some((url) => url.includes('/pagefind/'))).toBe(true);
      expect(requests.filter((url) => !url.startsWith(`${server.url}/`) && !url.startsWith('data:'))).toEqual([]);
    } finally {
      await browser.close();
      await server.close();
    }
  });
});
