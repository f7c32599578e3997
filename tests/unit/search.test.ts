/** What each indexed page tells Pagefind, and the index written over a built folder. */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { gunzipSync } from 'node:zlib';
import { Temporal } from 'temporal-polyfill';
import { describe, expect, it } from 'vitest';
import { searchRecordFields, searchTypesFor, UNDATED_SORT_KEY } from '../../src/search/search.ts';
import { writeSearchIndex } from '../../src/search/index-site.ts';
import { at, makeHub } from './helpers/hub-factory.ts';

const projectRoot = path.resolve(import.meta.dirname, '../..');

/** Zone Europe/Berlin; products `web` (Acme Web) and `api` (Acme API). */
const hub = makeHub();

describe('searchRecordFields', () => {
  it('declares a release by ids for filters and by words for metadata', () => {
    const fields = searchRecordFields({ type: 'release', products: ['web'], status: 'rolled-back', version: '2.4.0', date: at('2026-03-10T02:41') }, hub);
    expect(fields.filters).toEqual([
      ['type', 'release'],
      ['product', 'web'],
      ['status', 'rolled-back'],
    ]);
    expect(fields.meta).toEqual([
      ['kind', 'Release'],
      ['product', 'Acme Web'],
      ['status', 'Rolled back'],
      ['version', '2.4.0'],
      ['date', '2026-03-10'],
    ]);
    expect(fields.sortDate).toBe('2026-03-10');
  });

  it('dates a zoned time by its day in the hub zone, whatever its own zone', () => {
    // 23:30 in New York on 9 March is 04:30 on 10 March in Berlin.
    const fields = searchRecordFields({ type: 'release', date: at('2026-03-09T23:30', 'America/New_York') }, hub);
    expect(fields.sortDate).toBe('2026-03-10');
  });

  it('takes a plain date as it is, lists several products, and overrides the title when asked', () => {
    const fields = searchRecordFields(
      { type: 'runbook', title: 'Roll back', products: ['web', 'api', 'gone'], date: Temporal.PlainDate.from('2025-09-02') },
      hub,
    );
    expect(fields.filters).toEqual([
      ['type', 'runbook'],
      ['product', 'web'],
      ['product', 'api'],
      ['product', 'gone'],
    ]);
    expect(fields.meta).toEqual([
      ['title', 'Roll back'],
      ['kind', 'Runbook'],
      ['product', 'Acme Web, Acme API, gone'],
      ['date', '2025-09-02'],
    ]);
  });

  it('sorts undated pages last instead of dropping them from date-sorted results', () => {
    const fields = searchRecordFields({ type: 'person' }, hub);
    expect(fields).toEqual({ filters: [['type', 'person']], meta: [['kind', 'Person']], sortDate: UNDATED_SORT_KEY });
    expect(UNDATED_SORT_KEY < '0001-01-01').toBe(true);
  });
});

describe('searchTypesFor', () => {
  it('offers only public types to a public build', () => {
    expect(searchTypesFor('public')).toEqual(['release', 'page']);
    expect(searchTypesFor('internal')).toEqual(['release', 'runbook', 'raci', 'person', 'page']);
  });
});

/** A built site with two indexable pages and one that does not opt in. */
function siteFixture(): string {
  const site = mkdtempSync(path.join(os.tmpdir(), 'search-site-'));
  const page = (file: string, html: string) => {
    mkdirSync(path.dirname(path.join(site, file)), { recursive: true });
    writeFileSync(path.join(site, file), `<!doctype html><html lang="en"><head><title>t</title></head><body>${html}</body></html>`);
  };
  page('index.html', '<header>Navigation words</header><main><h1>Home</h1><p>Welcome zebra</p></main>');
  page(
    'runbooks/rollback/index.html',
    '<header>Navigation words</header><main data-pagefind-body><h1>Roll back</h1><p>Restore the snapshot</p><div hidden data-pagefind-ignore><span data-pagefind-filter="type">runbook</span></div></main>',
  );
  page('releases/web/1.0.0/index.html', '<main data-pagefind-body><h1>Web 1.0.0</h1><p>First light</p></main>');
  return site;
}

/** Pagefind's fragments (one per indexed page) are gzipped JSON after a `pagefind_dcd` signature. */
function readFragments(outputDir: string): { url: string; content: string; filters: Record<string, string[]> }[] {
  const dir = path.join(outputDir, 'fragment');
  return readdirSync(dir).map((file) =>
    JSON.parse(
      gunzipSync(readFileSync(path.join(dir, file)))
        .toString('utf8')
        .replace(/^pagefind_dcd/, ''),
    ),
  );
}

describe('writeSearchIndex', () => {
  it('indexes only the pages that opt in, only their main content, and writes the bundle into the site', async () => {
    const site = siteFixture();
    const { pageCount } = await writeSearchIndex(site);
    expect(pageCount).toBe(2);
    expect(existsSync(path.join(site, 'pagefind/pagefind.js'))).toBe(true);
    const fragments = readFragments(path.join(site, 'pagefind'));
    expect(fragments.map((fragment) => fragment.url).sort()).toEqual(['/releases/web/1.0.0/', '/runbooks/rollback/']);
    const runbook = fragments.find((fragment) => fragment.url === '/runbooks/rollback/')!;
    expect(runbook.content).toContain('Restore the snapshot');
    expect(runbook.content).not.toContain('Navigation');
    expect(runbook.content).not.toContain('runbook');
    expect(runbook.filters).toEqual({ type: ['runbook'] });
  });

  it('fails with SearchIndexError, and a non-zero exit, when Pagefind crashes while writing its bundle', () => {
    const site = siteFixture();
    // A file where the bundle folder must go makes Pagefind's binary panic without answering. Run it
    // in its own process, as `release-hub build` does: the crash is detected when that process goes idle.
    writeFileSync(path.join(site, 'pagefind'), 'in the way');
    const script = path.join(site, 'index-site.mts');
    writeFileSync(
      script,
      `import { writeSearchIndex } from ${JSON.stringify(path.join(projectRoot, 'src/search/index-site.ts'))};\nawait writeSearchIndex(${JSON.stringify(site)});\n`,
    );
    const result = spawnSync(process.execPath, [path.join(projectRoot, 'node_modules/tsx/dist/cli.mjs'), script], { encoding: 'utf8', timeout: 60_000 });
    expect(result.status).toBe(1);
    expect(result.stderr).toContain('SearchIndexError: Pagefind stopped without answering');
  });
});
