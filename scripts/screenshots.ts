/**
 * `npm run screenshots`: screenshots of the hub's main pages for docs/screenshots/, taken with
 * Chromium from the built example hub at the tests' "now" (SOURCE_DATE_EPOCH=1795683600), in
 * light and dark mode, 1280 px and 390 px wide.
 *
 * By default the example hub is built into a temporary folder first; `--dist <folder>` uses a
 * site built already. A page that does not exist yet (404) is reported and skipped, so the
 * script can be re-run as pages land. Each shot is the top of the page, at most `maxHeight`
 * pixels tall, saved as a palette PNG (sharp), so the files stay small (~60 KB each).
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import sharp from 'sharp';
import { launchChromium } from '../tests/e2e/helpers/browser.ts';
import { serveDist } from '../tests/build/helpers/static-server.ts';

const projectRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const outputDir = path.join(projectRoot, 'docs/screenshots');
/** 2026-11-26T09:00:00Z, the "now" of the tests, so screenshots match what the tests check. */
const SCREENSHOT_NOW_EPOCH = '1795683600';

/** The pages the README shows, by the file name they get. */
const PAGES = [
  { name: 'dashboard', path: '/' },
  { name: 'release', path: '/releases/web/4.0.0/' },
  { name: 'changelog', path: '/changelog/' },
  { name: 'calendar', path: '/calendar/' },
  { name: 'metrics', path: '/metrics/' },
  { name: 'releases', path: '/releases/' },
  { name: 'runbook', path: '/runbooks/rollback-web/' },
  { name: 'raci', path: '/raci/standard-release/' },
  // A typo: the search page's retry with a shorter prefix finds the rollback runbooks.
  { name: 'search', path: '/search/?q=rolback' },
] as const;

const VIEWPORTS = [
  { name: 'desktop', width: 1280, height: 800, maxHeight: 1400 },
  { name: 'mobile', width: 390, height: 844, maxHeight: 2000 },
] as const;

const THEMES = ['light', 'dark'] as const;

function parseDistArgument(argv: readonly string[]): string | undefined {
  const index = argv.indexOf('--dist');
  if (index === -1) return undefined;
  const value = argv[index + 1];
  if (!value) throw new Error('--dist needs a folder, e.g. npm run screenshots -- --dist /tmp/hub/dist');
  return path.resolve(value);
}

/** Builds the example hub (internal audience) exactly as `npm run build` does (`release-hub build`), into `dist`. */
function buildExampleHub(dist: string): void {
  console.log(`Building the example hub into ${dist} …`);
  const result = spawnSync(process.execPath, [path.join(projectRoot, 'bin/release-hub.mjs'), 'build'], {
    cwd: projectRoot,
    encoding: 'utf8',
    env: {
      ...process.env,
      HUB_CONTENT_DIR: '',
      HUB_AUDIENCE: 'internal',
      HUB_DIST_DIR: dist,
      SOURCE_DATE_EPOCH: SCREENSHOT_NOW_EPOCH,
      ASTRO_TELEMETRY_DISABLED: '1',
    },
  });
  if (result.status !== 0) throw new Error(`building the example hub failed:\n${result.stdout}\n${result.stderr}`);
}

async function takeScreenshots(dist: string): Promise<{ written: string[]; missing: string[] }> {
  const server = await serveDist(dist);
  const browser = await launchChromium();
  const written: string[] = [];
  const missing = new Set<string>();
  try {
    for (const viewport of VIEWPORTS) {
      for (const theme of THEMES) {
        const context = await browser.newContext({
          viewport: { width: viewport.width, height: viewport.height },
          colorScheme: theme,
          reducedMotion: 'reduce',
          deviceScaleFactor: 1,
        });
        const page = await context.newPage();
        for (const target of PAGES) {
          const response = await page.goto(`${server.url}${target.path}`, { waitUntil: 'networkidle' });
          if (response?.status() !== 200) {
            missing.add(`${target.name} (${target.path}: HTTP ${response?.status() ?? 'no response'})`);
            continue;
          }
          const fullHeight = await page.evaluate(() => document.documentElement.scrollHeight);
          const file = path.join(outputDir, `${target.name}-${viewport.width}-${theme}.png`);
          const png = await page.screenshot({
            fullPage: true,
            clip: { x: 0, y: 0, width: viewport.width, height: Math.min(fullHeight, viewport.maxHeight) },
          });
          // A 256-colour palette is visually lossless for flat UI and about 3.5 times smaller.
          await sharp(png).png({ palette: true, quality: 90, effort: 10, compressionLevel: 9 }).toFile(file);
          written.push(file);
        }
        await context.close();
      }
    }
  } finally {
    await browser.close();
    await server.close();
  }
  return { written, missing: [...missing] };
}

const givenDist = parseDistArgument(process.argv.slice(2));
const temporaryRoot = givenDist ? undefined : mkdtempSync(path.join(os.tmpdir(), 'release-hub-screenshots-'));
const dist = givenDist ?? path.join(temporaryRoot!, 'dist');
try {
  if (!givenDist) buildExampleHub(dist);
  mkdirSync(outputDir, { recursive: true });
  const { written, missing } = await takeScreenshots(dist);
  const totalBytes = written.reduce((sum, file) => sum + statSync(file).size, 0);
  for (const file of written) console.log(`  ${path.relative(projectRoot, file)}  ${Math.round(statSync(file).size / 1024)} KB`);
  console.log(`✓ ${written.length} screenshots, ${(totalBytes / 1024 / 1024).toFixed(2)} MB in ${path.relative(projectRoot, outputDir)}/`);
  if (missing.length > 0) console.warn(`Pages not built yet (skipped): ${missing.join('; ')}`);
} finally {
  if (temporaryRoot) rmSync(temporaryRoot, { recursive: true, force: true });
}
