/** A real browser on the built site: Debian's Chromium driven by playwright-core, over a local static server. */
import { existsSync } from 'node:fs';
import { chromium, type Browser } from 'playwright-core';
import { afterAll, beforeAll, inject } from 'vitest';
import { serveDist } from '../../build/helpers/static-server.ts';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from './chromium.ts';

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
