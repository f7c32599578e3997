/** Weighing a built site: pages, sizes, the median release page and the JavaScript it loads. */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { distStats, median, pageJavaScript, scriptReferences, staticImports } from '../../scripts/bench/dist-stats.ts';

const folders: string[] = [];
afterAll(() => {
  for (const folder of folders) rmSync(folder, { recursive: true, force: true });
});

function site(files: Record<string, string>): string {
  const dist = mkdtempSync(path.join(os.tmpdir(), 'bench-dist-'));
  folders.push(dist);
  for (const [name, content] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(dist, name)), { recursive: true });
    writeFileSync(path.join(dist, name), content);
  }
  return dist;
}

describe('median', () => {
  it('is the middle value, or the mean of the two middle values', () => {
    expect(median([5, 1, 3])).toBe(3);
    expect(median([4, 1, 3, 2])).toBe(2.5);
    expect(median([])).toBe(0);
  });
});

describe('scriptReferences', () => {
  it('lists script sources and module preloads, counts inline scripts, and skips JSON data blocks', () => {
    const html = `<html><head><link rel="modulepreload" href="/_astro/a.js"><link rel="stylesheet" href="/s.css">
      <script type="application/ld+json">{"@type":"Thing"}</script></head>
      <body><script type="module" src="/_astro/b.js"></script><script>console.log(1)</script></body></html>`;
    expect(scriptReferences(html)).toEqual({ urls: ['/_astro/a.js', '/_astro/b.js'], inlineBytes: Buffer.byteLength('console.log(1)'), inlineImports: [] });
  });

  it('finds static imports and re-exports, but not dynamic import()', () => {
    const code = `import{a as b}from"./chunk.js";import "./side.js";export*from'./all.js';const lazy=()=>import("./lazy.js");`;
    expect(staticImports(code).sort()).toEqual(['./all.js', './chunk.js', './side.js']);
  });
});

describe('pageJavaScript', () => {
  it('adds up the files a page references and their static imports, each once', async () => {
    const dist = site({ '_astro/entry.js': 'import"./shared.js";import"./shared.js";', '_astro/shared.js': 'export const x=1;', '_astro/lazy.js': 'x' });
    const html = '<script type="module" src="/_astro/entry.js"></script><script type="module">import "/_astro/shared.js"</script>';
    const result = await pageJavaScript(dist, path.join(dist, 'releases/web/1.0.0/index.html'), html);
    const inline = Buffer.byteLength('import "/_astro/shared.js"');
    expect(result.bytes).toBe(inline + Buffer.byteLength('import"./shared.js";import"./shared.js";') + Buffer.byteLength('export const x=1;'));
    expect(result.scripts.sort()).toEqual(['_astro/entry.js', '_astro/shared.js', 'inline']);
  });

  it('is 0 for a page without scripts', async () => {
    expect(await pageJavaScript(site({}), '/x/index.html', '<p>No JS</p>')).toEqual({ bytes: 0, scripts: [] });
  });
});

describe('distStats', () => {
  it('counts pages and bytes, finds the median release page and the largest page, and the index per page', async () => {
    const dist = site({
      'index.html': 'x'.repeat(500),
      'releases/web/1.0.0/index.html': 'x'.repeat(100),
      'releases/web/1.1.0/index.html': `<script src="/app.js"></script>${'x'.repeat(170)}`,
      'releases/web/1.2.0/index.html': 'x'.repeat(300),
      'app.js': 'y'.repeat(40),
      'pagefind/pagefind-entry.json': JSON.stringify({ version: '1.6.0', languages: { en: { hash: 'h', wasm: 'en', page_count: 3 } } }),
      'pagefind/index/en_1.pf_index': 'z'.repeat(1000),
    });
    const pages = ['releases/web/1.0.0/index.html', 'releases/web/1.1.0/index.html', 'releases/web/1.2.0/index.html'];
    const stats = await distStats(dist, pages);
    const entryBytes = Buffer.byteLength(JSON.stringify({ version: '1.6.0', languages: { en: { hash: 'h', wasm: 'en', page_count: 3 } } }));
    expect(stats).toEqual({
      pages: 4,
      distBytes: 500 + 100 + 201 + 300 + 40 + entryBytes + 1000,
      releasePages: 3,
      medianReleaseHtmlBytes: 201,
      medianReleasePage: 'releases/web/1.1.0/index.html',
      maxHtmlBytes: 500,
      maxHtmlPage: 'index.html',
      releasePageJsBytes: 40,
      releasePageScripts: ['app.js'],
      pagefindBytes: entryBytes + 1000,
      pagefindIndexedPages: 3,
      pagefindBytesPerPage: Math.round((entryBytes + 1000) / 4),
      pagefindBytesPerIndexedPage: Math.round((entryBytes + 1000) / 3),
    });
  });
});
