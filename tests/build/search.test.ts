/**
 * The search index and search UI as built: Pagefind indexes exactly the pages that exist in each
 * audience (main content only, with type/product/status filters), the header search is on every
 * page as a plain form, and no page loads the search UI or Pagefind before the reader asks.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { gunzipSync } from 'node:zlib';
import { load } from 'cheerio';
import { beforeAll, describe, expect, it } from 'vitest';
import { viewForAudience } from '../../src/core/audience.ts';
import { loadContentRoot } from '../../src/content/load.ts';
import type { Hub } from '../../src/core/model.ts';
import { builtSite } from './helpers/scenario.ts';

const contentRoot = path.resolve(import.meta.dirname, '../../content');
let hub: Hub;
beforeAll(async () => {
  const loaded = await loadContentRoot(contentRoot);
  hub = loaded.hub!;
});

interface Fragment {
  url: string;
  content: string;
  filters: Record<string, string[]>;
  meta: Record<string, string>;
}

/** Pagefind's fragments (one per indexed page) are gzipped JSON after a `pagefind_dcd` signature. */
function fragments(dist: string): Fragment[] {
  const dir = path.join(dist, 'pagefind/fragment');
  return readdirSync(dir).map(
    (file) =>
      JSON.parse(
        gunzipSync(readFileSync(path.join(dir, file)))
          .toString('utf8')
          .replace(/^pagefind_dcd/, ''),
      ) as Fragment,
  );
}

function htmlFiles(dist: string): string[] {
  return readdirSync(dist, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile() && entry.name.endsWith('.html'))
    .map((entry) => path.join(entry.parentPath, entry.name));
}

const urlOf = (dist: string, file: string) => `/${path.relative(dist, path.dirname(file)).split(path.sep).join('/')}/`.replace(/^\/\/$/, '/');

describe('the search index', () => {
  it('holds exactly the pages that opt in with data-pagefind-body, in each audience', () => {
    for (const dist of [builtSite('example-internal'), builtSite('example-public')]) {
      const optedIn = htmlFiles(dist)
        .filter((file) => readFileSync(file, 'utf8').includes('data-pagefind-body'))
        .map((file) => urlOf(dist, file))
        .sort();
      expect(
        fragments(dist)
          .map((fragment) => fragment.url)
          .sort(),
      ).toEqual(optedIn);
    }
  });

  it('indexes every release, runbook, RACI matrix and person of the internal build, with its type', () => {
    const byType = new Map<string, string[]>();
    for (const fragment of fragments(builtSite('example-internal'))) {
      for (const type of fragment.filters.type ?? ['none']) byType.set(type, [...(byType.get(type) ?? []), fragment.url]);
    }
    expect(byType.get('release')?.sort()).toEqual(hub.releases.map((release) => `/releases/${release.product}/${release.version}/`).sort());
    expect(byType.get('runbook')?.sort()).toEqual(hub.runbooks.map((runbook) => `/runbooks/${runbook.id}/`).sort());
    expect(byType.get('raci')?.sort()).toEqual(hub.raci.map((matrix) => `/raci/${matrix.id}/`).sort());
    expect(byType.get('person')?.sort()).toEqual(hub.people.map((person) => `/people/${person.id}/`).sort());
    expect(byType.has('none')).toBe(false);
  });

  it('gives runbooks their products and releases their product and status as filters', () => {
    const all = fragments(builtSite('example-internal'));
    const runbook = all.find((fragment) => fragment.url === '/runbooks/rollback-api/')!;
    expect(runbook.filters).toEqual({ type: ['runbook'], product: ['api'] });
    expect(runbook.meta).toMatchObject({ title: 'Roll back Northwind API', kind: 'Runbook', date: '2026-09-22' });
    const release = hub.releases.find((entry) => entry.status === 'rolled-back')!;
    const indexed = all.find((fragment) => fragment.url === `/releases/${release.product}/${release.version}/`)!;
    expect(indexed.filters).toMatchObject({ type: ['release'], product: [release.product], status: ['rolled-back'] });
    expect(indexed.meta.version).toBe(release.version);
  });

  it('indexes main content only: no navigation, footer, table of contents or anchor text', () => {
    for (const fragment of fragments(builtSite('example-internal'))) {
      expect(fragment.content, fragment.url).not.toMatch(
        /Skip to content|Search the hub|Changelog \(RSS\)|Release calendar \(iCal\)|made with Release Hub|On this page|Link to section/,
      );
    }
  });

  it('keeps labels and values of release facts apart in the indexed text, so excerpts never run them together', () => {
    const runTogether = /(?:Status|Released|Planned for|Audience|Risk|Owner|RACI|Runbooks|Rolled back|Runbook|Tags|Fixed by|Deployed|Accepted)(?=[A-Z0-9])/;
    const pages = fragments(builtSite('example-internal')).filter((fragment) => /^\/releases\/[^/]+\/\d/.test(fragment.url));
    expect(pages.length).toBeGreaterThan(10);
    for (const fragment of pages) expect(fragment.content, fragment.url).not.toMatch(runTogether);
    const rolledBack = pages.find((fragment) => fragment.url === '/releases/api/2.4.0/')!;
    expect(rolledBack.content).toContain('Rolled back Tue 1 Sep 2026');
    expect(rolledBack.content).toContain('Runbook Roll back Northwind API');
  });

  it('holds only public releases in the public build', () => {
    const publicHub = viewForAudience(hub, 'public');
    const indexed = fragments(builtSite('example-public'));
    expect(indexed.map((fragment) => fragment.url).sort()).toEqual(
      publicHub.releases.map((release) => `/releases/${release.product}/${release.version}/`).sort(),
    );
    const text = JSON.stringify(indexed);
    for (const runbook of hub.runbooks) expect(text).not.toContain(runbook.title);
    for (const person of hub.people) expect(text).not.toContain(person.name);
  });
});

describe('the search UI as built', () => {
  it('puts a plain search form in the header of every page, which works without JavaScript', () => {
    for (const dist of [builtSite('example-internal'), builtSite('example-public')]) {
      for (const file of htmlFiles(dist).filter((entry) => !entry.endsWith('404.html'))) {
        const html = readFileSync(file, 'utf8');
        const $ = load(html.slice(0, html.indexOf('</header>') + '</header>'.length));
        const form = $('header form[role="search"]');
        expect(form.attr('action'), file).toBe('/search/');
        expect(form.attr('method'), file).toBe('get');
        expect(form.find('input[type="search"][name="q"]').attr('id'), file).toBe('header-search-input');
        expect(form.find(`label[for="header-search-input"]`).text(), file).toBe('Search the hub');
      }
    }
  });

  it('loads no search UI or Pagefind file up front, outside the search page', () => {
    const dist = builtSite('example-internal');
    for (const file of htmlFiles(dist).filter((entry) => !entry.includes(`${path.sep}search${path.sep}`))) {
      const html = readFileSync(file, 'utf8');
      expect(html, file).not.toContain('/pagefind/');
      const scripts = [...html.matchAll(/<script[^>]*\ssrc="([^"]+)"/g)].map((match) => match[1]!);
      for (const src of scripts) {
        const code = readFileSync(path.join(dist, src), 'utf8');
        // The header script only imports the search UI on focus; it does not contain it.
        expect(code, src).not.toContain('attachSearchPage');
      }
    }
  });

  it('offers filters by type, product and release status on /search/, only the types of the build', () => {
    const internal = load(readFileSync(path.join(builtSite('example-internal'), 'search/index.html'), 'utf8'));
    const values = (key: string, $: typeof internal) =>
      $(`input[type="checkbox"][data-filter="${key}"]`)
        .map((_, input) => $(input).attr('value'))
        .get();
    expect(values('type', internal)).toEqual(['release', 'runbook', 'raci', 'person', 'page']);
    expect(values('product', internal)).toEqual(hub.config.products.map((product) => product.id));
    expect(values('status', internal)).toEqual(['planned', 'scheduled', 'in-progress', 'released', 'rolled-back', 'cancelled']);
    const publicPage = load(readFileSync(path.join(builtSite('example-public'), 'search/index.html'), 'utf8'));
    expect(values('type', publicPage)).toEqual(['release', 'page']);
    expect(publicPage('noscript').text()).toContain('Search results need JavaScript');
    expect(publicPage('noscript a[href="/runbooks/"]').length).toBe(0);
  });
});
