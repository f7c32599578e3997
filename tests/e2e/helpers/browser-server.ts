/**
 * One Chromium for the whole test run: started once before the site tests, and every test file
 * connects to it (`launchChromium` in ./browser.ts) instead of starting a browser of its own. A
 * connection gets its own contexts and pages, and closing it leaves the browser to the others.
 * Starting Chromium costs about a second of CPU, and some twenty files used to start one each.
 */
import { existsSync } from 'node:fs';
import { chromium } from 'playwright-core';
import type { TestProject } from 'vitest/node';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from './chromium.ts';

export default async function setup(project: TestProject) {
  // Without Chromium the browser tests fail each with how to install it (launchChromium says so).
  if (!existsSync(CHROMIUM_PATH)) return;
  const server = await chromium.launchServer({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
  project.provide('chromiumEndpoint', server.wsEndpoint());
  return () => server.close();
}

declare module 'vitest' {
  export interface ProvidedContext {
    chromiumEndpoint?: string;
  }
}
