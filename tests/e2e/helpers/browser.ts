/** A real browser on the built site: Debian's Chromium driven by playwright-core, over a local static server. */
import { existsSync } from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { chromium, type Browser } from 'playwright-core';
import sirv from 'sirv';
import { afterAll, beforeAll, inject } from 'vitest';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from './chromium.ts';

/**
 * Why: serve a built `dist/` on 127.0.0.1 as a static host would, 404 page included; with `base`
 * (e.g. `/team-hub/`) the site is served under that path only, as on GitHub Pages.
 */
export async function serveDist(dist: string, base = '/'): Promise<{ url: string; close: () => Promise<void> }> {
  const serve = sirv(dist, { dev: false, etag: false, extensions: ['html'] });
  const server = http.createServer((request, response) => {
    const url = request.url ?? '/';
    if (base !== '/') {
      if (!url.startsWith(base)) {
        response.statusCode = 404;
        return void response.end('Not found (outside the base path)');
      }
      request.url = url.slice(base.length - 1);
    }
    serve(request, response, () => {
      response.statusCode = 404;
      const notFound = sirv(dist, { dev: false });
      request.url = '/404.html';
      notFound(request, response, () => {
        response.end('Not found');
      });
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return { url: `http://127.0.0.1:${port}`, close: () => new Promise((resolve) => server.close(() => resolve())) };
}

/**
 * Why: tests fail with how to install Chromium, not with a cryptic launch error. In a test run the
 * browser is the run's one Chromium (./browser-server.ts); closing the connection closes only the
 * contexts this file opened.
 */
export async function launchChromium(): Promise<Browser> {
  if (!existsSync(CHROMIUM_PATH)) {
    throw new Error(
      `Chromium not found at ${CHROMIUM_PATH}. Install Debian's Chromium with "apt-get install chromium" (or set CHROMIUM_PATH), then run npm test again.`,
    );
  }
  // Outside Vitest (npm run screenshots) there is no shared browser: start one.
  const endpoint = process.env.VITEST ? inject('chromiumEndpoint') : undefined;
  return endpoint ? chromium.connect(endpoint) : chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
}

/** Why: a test file's Chromium and static server of one built site, opened before its tests and closed after them. */
export function useBrowserOnSite(dist: () => string): { browser: () => Browser; url: () => string } {
  let browser: Browser | undefined;
  let server: Awaited<ReturnType<typeof serveDist>> | undefined;
  beforeAll(async () => {
    browser = await launchChromium();
    server = await serveDist(dist());
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });
  return { browser: () => browser!, url: () => server!.url };
}
