/**
 * Weight budgets of the built site, in both audiences: the whole site's CSS under 20 KB gzipped,
 * and no page ships JavaScript it does not need. "Shipped" JavaScript is what a page runs on load:
 * its inline scripts, its module scripts and everything they import statically (a dynamic
 * `import()` such as the search UI, loaded on focus, is not counted).
 */
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import * as cheerio from 'cheerio';
import { afterAll, describe, expect, it } from 'vitest';
import { builtSite } from './helpers/scenario.ts';

const CSS_BUDGET_BYTES = 20 * 1024;

/** Site paths (`releases/web/4.0.0/index.html`) of every built page. */
function htmlPages(dist: string): string[] {
  return readdirSync(dist, { recursive: true, encoding: 'utf8' })
    .filter((file) => file.endsWith('.html'))
    .map((file) => file.split(path.sep).join('/'))
    .sort();
}

const gzipped = (text: string) => gzipSync(text, { level: 9 }).length;
const digest = (text: string) => createHash('sha256').update(text).digest('hex').slice(0, 16);

/** One script a page runs on load: an external file (by path) or an inline script (by content). */
interface ShippedScript {
  key: string;
  code: string;
}

/** Why: a module's static imports load with it; follow them so a page's JS is counted in full. */
function withStaticImports(dist: string, file: string, seen: Map<string, ShippedScript>): void {
  if (seen.has(file)) return;
  const code = readFileSync(path.join(dist, file), 'utf8');
  seen.set(file, { key: file, code });
  for (const match of code.matchAll(/(?:^|[;}\n])\s*import\s*(?:[\w$*{}\s,]+?\s*from\s*)?["'`]([^"'`]+)["'`]/g)) {
    withStaticImports(dist, path.posix.join(path.posix.dirname(file), match[1]!), seen);
  }
}

/** Each page's parsed HTML, once per build: the tests below read every page several times. */
const parsed = new Map<string, cheerio.CheerioAPI>();
// Test files share their worker: the parsed pages go when this file is done.
afterAll(() => parsed.clear());
function page$(dist: string, page: string): cheerio.CheerioAPI {
  const file = path.join(dist, page);
  let $ = parsed.get(file);
  if (!$) {
    $ = cheerio.load(readFileSync(file, 'utf8'));
    parsed.set(file, $);
  }
  return $;
}

/** Every script a page runs on load, keyed by file or by the digest of its inline code. */
function shippedScripts(dist: string, page: string): Map<string, ShippedScript> {
  const $ = page$(dist, page);
  const scripts = new Map<string, ShippedScript>();
  $('script').each((_, element) => {
    const type = $(element).attr('type');
    if (type && type !== 'module' && type !== 'text/javascript') return; // JSON data, not code
    const src = $(element).attr('src');
    if (src) withStaticImports(dist, src.replace(/^\//, ''), scripts);
    else {
      const code = $(element).text();
      scripts.set(`inline:${digest(code)}`, { key: `inline:${digest(code)}`, code });
    }
  });
  return scripts;
}

const totalGzipped = (scripts: Iterable<ShippedScript>) => [...scripts].reduce((sum, script) => sum + gzipped(script.code), 0);

/** Every CSS the site ships: stylesheets linked from any page and every distinct inline style block. */
function siteCss(dist: string): Map<string, string> {
  const css = new Map<string, string>();
  for (const page of htmlPages(dist)) {
    const $ = page$(dist, page);
    $('link[rel~="stylesheet"]').each((_, element) => {
      const href = $(element).attr('href')!;
      css.set(href, readFileSync(path.join(dist, href.replace(/^\//, '')), 'utf8'));
    });
    $('style').each((_, element) => {
      const text = $(element).text();
      css.set(`inline:${digest(text)}`, text);
    });
  }
  // Stylesheets that scripts may add at run time are part of the site too.
  for (const file of readdirSync(path.join(dist, '_astro'))) {
    if (file.endsWith('.css')) css.set(`/_astro/${file}`, readFileSync(path.join(dist, '_astro', file), 'utf8'));
  }
  return css;
}

describe.each(['internal', 'public'] as const)('the %s build', (audience) => {
  const dist = () => builtSite(audience === 'internal' ? 'example-internal' : 'example-public');

  it('ships under 20 KB of CSS gzipped, for the whole site', () => {
    const css = siteCss(dist());
    const total = [...css.values()].reduce((sum, text) => sum + gzipped(text), 0);
    expect(css.size).toBeGreaterThan(0);
    expect(total, `${css.size} stylesheets and style blocks: ${total} bytes gzipped`).toBeLessThan(CSS_BUDGET_BYTES);
  });

  describe('JavaScript', () => {
    const pages = () => htmlPages(dist());
    /** The scripts every page has: the layout's inline head script (theme, toggle, "/" and loading search on focus). */
    const layoutScripts = () => {
      const [first, ...rest] = pages().map((page) => shippedScripts(dist(), page));
      return [...first!.values()].filter((script) => rest.every((scripts) => scripts.has(script.key)));
    };

    it("every page's own script is the layout's one inline head script, under 1 KB gzipped", () => {
      const shared = layoutScripts();
      expect(shared.map((script) => script.key)).toEqual([expect.stringMatching(/^inline:/)]);
      const code = shared[0]!.code;
      expect(code).toContain('release-hub-theme'); // the saved theme, before first paint
      expect(code).toContain('data-theme-toggle');
      expect(code).toContain('data-header-search'); // the "/" shortcut and loading search on focus
      expect(totalGzipped(shared)).toBeLessThan(1024);
    });

    it('the header search module is named on every page but loaded by none before the reader focuses the box', () => {
      for (const page of pages()) {
        const $ = page$(dist(), page);
        const module = $('form[data-header-search]').attr('data-ui');
        expect(module, page).toMatch(/^\/_astro\/header-search-[\w-]+\.js$/);
        expect([...shippedScripts(dist(), page).keys()], page).not.toContain(module!.slice(1));
        expect($(`link[href="${module}"]`).length, page).toBe(0);
      }
      const module = page$(dist(), 'index.html')('form[data-header-search]').attr('data-ui')!;
      expect(readFileSync(path.join(dist(), module.slice(1)), 'utf8')).toContain('pagefind/pagefind.js');
    });

    it('release and changelog pages ship nothing else', () => {
      const shared = new Set(layoutScripts().map((script) => script.key));
      const checked = pages().filter((page) => /^(releases\/[^/]+\/\d[^/]*|changelog(\/.+)?)\/index\.html$/.test(page));
      expect(checked).toEqual(expect.arrayContaining(['releases/web/4.0.0/index.html', 'changelog/index.html', 'changelog/web/index.html']));
      for (const page of checked) {
        expect(
          [...shippedScripts(dist(), page).keys()].filter((key) => !shared.has(key)),
          page,
        ).toEqual([]);
      }
    });

    it('the dashboard adds only its small "your time" script: no chart library', () => {
      const shared = new Set(layoutScripts().map((script) => script.key));
      const extra = [...shippedScripts(dist(), 'index.html').values()].filter((script) => !shared.has(script.key));
      expect(extra).toHaveLength(1);
      expect(extra[0]!.code).toContain('data-viewer-time');
      expect(gzipped(extra[0]!.code)).toBeLessThan(1024);
      expect(readFileSync(path.join(dist(), 'index.html'), 'utf8')).not.toContain('<canvas');
    });

    it('only the metrics views load a chart library (not their drill-downs)', () => {
      const isView = (page: string) => page === 'metrics/index.html' || /^metrics\/(all-time|last-12-months|last-90-days)\//.test(page);
      for (const page of pages()) {
        const code = [...shippedScripts(dist(), page).values()].map((script) => script.code).join('\n');
        const drawsCharts = code.includes('data-chart');
        expect(drawsCharts, page).toBe(isView(page));
      }
    });
  });
});
