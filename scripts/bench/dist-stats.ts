/**
 * What a built site weighs: pages, bytes on disk, the median release page and the JavaScript it
 * loads before any interaction, the largest HTML page, and the Pagefind index per page.
 */
import { existsSync } from 'node:fs';
import { readdir, readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { load } from 'cheerio';

/** The figures of one built site. */
export interface DistStats {
  /** `.html` files under dist/. */
  pages: number;
  distBytes: number;
  /** Release pages found (should equal the releases generated). */
  releasePages: number;
  medianReleaseHtmlBytes: number;
  /** The release page at the median, relative to dist/ (its scripts are the ones counted). */
  medianReleasePage: string;
  maxHtmlBytes: number;
  maxHtmlPage: string;
  /** Bytes of JavaScript the median release page loads before any interaction. */
  releasePageJsBytes: number;
  /** What those bytes are: files relative to dist/, `inline` for inline scripts, URLs for other hosts. */
  releasePageScripts: string[];
  pagefindBytes: number;
  /** Pages in the Pagefind index (pagefind-entry.json), 0 without an index. */
  pagefindIndexedPages: number;
  /** Size of dist/pagefind divided by the HTML pages. */
  pagefindBytesPerPage: number;
  /** Size of dist/pagefind divided by the indexed pages (0 without an index). */
  pagefindBytesPerIndexedPage: number;
}

/** Why: "median HTML bytes" is the middle value, the mean of the two middle ones for an even count. */
export function median(values: readonly number[]): number {
  if (values.length === 0) return 0;
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

/** JavaScript a page asks for in its HTML. */
export interface ScriptReferences {
  /** `<script src>` and `<link rel="modulepreload">` URLs, in document order. */
  urls: string[];
  /** UTF-8 bytes of inline executable scripts. */
  inlineBytes: number;
  /** Static imports of inline module scripts. */
  inlineImports: string[];
}

const NON_SCRIPT_TYPES = /^(application\/(ld\+)?json|importmap|speculationrules|text\/(template|plain|x-template))$/i;

/** Why: JS loaded before interaction is what the HTML references directly (scripts, modulepreloads) plus inline scripts. */
export function scriptReferences(html: string): ScriptReferences {
  const $ = load(html);
  const urls: string[] = [];
  let inlineBytes = 0;
  const inlineImports: string[] = [];
  $('script, link[rel~="modulepreload"]').each((_, element) => {
    const node = $(element);
    if (element.tagName === 'link') {
      const href = node.attr('href');
      if (href) urls.push(href);
      return;
    }
    const type = node.attr('type') ?? '';
    if (NON_SCRIPT_TYPES.test(type.trim())) return;
    const src = node.attr('src');
    if (src) urls.push(src);
    else {
      const code = node.text();
      inlineBytes += Buffer.byteLength(code);
      inlineImports.push(...staticImports(code));
    }
  });
  return { urls, inlineBytes, inlineImports };
}

/** Why: a module's static imports load before it runs, so they count; `import()` waits for use and does not. */
export function staticImports(code: string): string[] {
  const found: string[] = [];
  const patterns = [/\bimport\s*(?:[\w$*{}\s,]+?\s*from\s*)?["']([^"']+)["']/g, /\bexport\s*(?:\*(?:\s*as\s+[\w$]+)?|\{[^}]*\})\s*from\s*["']([^"']+)["']/g];
  for (const pattern of patterns) for (const match of code.matchAll(pattern)) found.push(match[1]!);
  return found;
}

/** Why: the JS bytes a page costs its reader before any click: referenced files and their static imports, each once. */
export async function pageJavaScript(dist: string, pageFile: string, html: string): Promise<{ bytes: number; scripts: string[] }> {
  const references = scriptReferences(html);
  const scripts: string[] = references.inlineBytes > 0 ? ['inline'] : [];
  let bytes = references.inlineBytes;
  const seen = new Set<string>();
  const pending = [...references.urls, ...references.inlineImports].map((url) => ({ url, from: path.dirname(pageFile) }));
  while (pending.length > 0) {
    const { url, from } = pending.pop()!;
    const file = resolveLocal(dist, from, url);
    if (!file) {
      if (!seen.has(url)) scripts.push(url);
      seen.add(url);
      continue;
    }
    if (seen.has(file) || !existsSync(file)) continue;
    seen.add(file);
    const code = await readFile(file, 'utf8');
    bytes += Buffer.byteLength(code);
    scripts.push(path.relative(dist, file).split(path.sep).join('/'));
    pending.push(...staticImports(code).map((next) => ({ url: next, from: path.dirname(file) })));
  }
  return { bytes, scripts };
}

/** A URL of this site as a file under dist/, or undefined for another host or a bare module name. */
function resolveLocal(dist: string, from: string, url: string): string | undefined {
  if (/^[a-z][a-z0-9+.-]*:|^\/\//i.test(url)) return undefined;
  const clean = url.replace(/[?#].*$/, '');
  if (clean.startsWith('/')) return path.join(dist, clean);
  if (clean.startsWith('.')) return path.resolve(from, clean);
  return undefined;
}

/** Why: one walk of dist/ gives every size the report needs, linear in the number of files. */
export async function distStats(dist: string, releasePageFiles: readonly string[]): Promise<DistStats> {
  const entries = await readdir(dist, { recursive: true, withFileTypes: true });
  let distBytes = 0;
  let pagefindBytes = 0;
  let pages = 0;
  let maxHtmlBytes = 0;
  let maxHtmlPage = '';
  const pagefindDir = path.join(dist, 'pagefind');
  for (const entry of entries) {
    if (!entry.isFile()) continue;
    const file = path.join(entry.parentPath, entry.name);
    const { size } = await stat(file);
    distBytes += size;
    if (file.startsWith(pagefindDir + path.sep)) pagefindBytes += size;
    if (entry.name.endsWith('.html')) {
      pages += 1;
      if (size > maxHtmlBytes) {
        maxHtmlBytes = size;
        maxHtmlPage = path.relative(dist, file).split(path.sep).join('/');
      }
    }
  }
  const releaseSizes: { file: string; size: number }[] = [];
  for (const relative of releasePageFiles) {
    const file = path.join(dist, relative);
    if (existsSync(file)) releaseSizes.push({ file, size: (await stat(file)).size });
  }
  releaseSizes.sort((a, b) => a.size - b.size || (a.file < b.file ? -1 : 1));
  const middle = releaseSizes[Math.floor((releaseSizes.length - 1) / 2)];
  const javascript = middle ? await pageJavaScript(dist, middle.file, await readFile(middle.file, 'utf8')) : { bytes: 0, scripts: [] };
  const indexedPages = await pagefindPageCount(pagefindDir);
  return {
    pages,
    distBytes,
    releasePages: releaseSizes.length,
    medianReleaseHtmlBytes: median(releaseSizes.map((page) => page.size)),
    medianReleasePage: middle ? path.relative(dist, middle.file).split(path.sep).join('/') : '',
    maxHtmlBytes,
    maxHtmlPage,
    releasePageJsBytes: javascript.bytes,
    releasePageScripts: javascript.scripts,
    pagefindBytes,
    pagefindIndexedPages: indexedPages,
    pagefindBytesPerPage: pages > 0 ? Math.round(pagefindBytes / pages) : 0,
    pagefindBytesPerIndexedPage: indexedPages > 0 ? Math.round(pagefindBytes / indexedPages) : 0,
  };
}

/** Pagefind writes its page count per language into pagefind-entry.json. */
async function pagefindPageCount(pagefindDir: string): Promise<number> {
  const entryFile = path.join(pagefindDir, 'pagefind-entry.json');
  if (!existsSync(entryFile)) return 0;
  const entry = JSON.parse(await readFile(entryFile, 'utf8')) as { languages?: Record<string, { page_count?: number }> };
  return Object.values(entry.languages ?? {}).reduce((sum, language) => sum + (language.page_count ?? 0), 0);
}
