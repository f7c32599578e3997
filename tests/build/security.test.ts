/**
 * Security advisories in built sites: `/security/` (the index), each product's pages, the feeds and the OSV records (checked against
 * the OSV schema, tests/schemas/), and the embargo: the public build of an advisory embargoed
 * until 2026-12-01T09:00Z, scanned file by file before (no id, details, severity or CVSS vector
 * anywhere) and after (all of them shown).
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { gunzipSync } from 'node:zlib';
import { load } from 'cheerio';
import { describe, expect, it } from 'vitest';
import { osvValidator } from '../schemas/osv-validator.ts';
import { builtSite } from './helpers/scenario.ts';

/** Every file of a site as text (gunzipped when compressed, as Pagefind's index is), by its path in the site. */
function siteTexts(dist: string): Map<string, string> {
  const texts = new Map<string, string>();
  for (const entry of readdirSync(dist, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const file = path.join(entry.parentPath, entry.name);
    let bytes = readFileSync(file);
    if (bytes[0] === 0x1f && bytes[1] === 0x8b) bytes = gunzipSync(bytes);
    texts.set(path.relative(dist, file), bytes.toString('utf8'));
  }
  return texts;
}

const filesWith = (texts: Map<string, string>, needle: RegExp) => [...texts].filter(([, text]) => needle.test(text)).map(([file]) => file);
const page = (dist: string, pathname: string) => load(readFileSync(path.join(dist, pathname, 'index.html'), 'utf8'));

/** What the embargoed advisory of tests/fixtures/advisory-embargo holds besides its change summary. */
const EMBARGOED = [/CVE-2026-40001/, /A session token stayed valid/, /CVSS:3\.1\/AV:N/, /Sam Okafor/, /\bCritical\b|CRITICAL/];

describe('the embargo (tests/fixtures/advisory-embargo, public build)', () => {
  it('before disclosedAt, no file of the site holds the id, details, severity, vector or credit; the neutral summary is there', () => {
    const dist = builtSite('embargo-before');
    const texts = siteTexts(dist);
    expect(texts.size).toBeGreaterThan(20);
    for (const needle of EMBARGOED) expect(filesWith(texts, needle), String(needle)).toEqual([]);
    expect(page(dist, 'releases/web/1.1.0').text()).toContain('Sessions end everywhere when you sign out');
    expect(page(dist, 'security')('#product-web').parent().text()).toContain('No advisories.');
    expect(page(dist, 'security/web')('article.advisory').length).toBe(0);
    expect(page(dist, 'security/web')('main').text()).toContain('No advisories.');
    expect(existsSync(path.join(dist, 'security/osv/CVE-2026-40001.json'))).toBe(false);
  });

  it('after disclosedAt, the id is on the release page, the security index, the product page, the feeds and an OSV record', () => {
    const dist = builtSite('embargo-after');
    const texts = siteTexts(dist);
    expect(filesWith(texts, /CVE-2026-40001/).sort()).toEqual(
      expect.arrayContaining([
        'changelog/atom.xml',
        'changelog/index.html',
        'releases/web/1.1.0/index.html',
        'security/atom.xml',
        'security/feed.json',
        'security/index.html',
        'security/osv/CVE-2026-40001.json',
        'security/rss.xml',
        'security/web/index.html',
      ]),
    );
    expect(page(dist, 'security')('#product-web + ul a').attr('href')).toBe('/security/web/#CVE-2026-40001');
    const security = page(dist, 'security/web');
    expect(security('#CVE-2026-40001-title').text()).toContain('Critical');
    expect(security('#CVE-2026-40001').text()).toContain('A session token stayed valid after sign-out on other devices.');
    expect(security('#CVE-2026-40001').text()).not.toContain('Embargoed');
    const record = JSON.parse(texts.get('security/osv/CVE-2026-40001.json')!);
    expect(record.published).toBe('2026-12-01T09:00:00Z');
    const validate = osvValidator();
    expect(validate(record), JSON.stringify(validate.errors)).toBe(true);
  });
});

describe.each([
  ['example-internal', ['CVE-2026-1234', 'CVE-2026-41177', 'GHSA-4x7q-9cvr-2m6p']],
  ['example-public', ['CVE-2026-1234', 'GHSA-4x7q-9cvr-2m6p']],
] as const)('the advisories of %s', (name, ids) => {
  it('has one OSV record per advisory it may show, each valid against the OSV schema', () => {
    const dist = builtSite(name);
    const files = readdirSync(path.join(dist, 'security/osv')).sort();
    expect(files).toEqual(ids.map((id) => `${id}.json`));
    const validate = osvValidator();
    for (const file of files) {
      const record = JSON.parse(readFileSync(path.join(dist, 'security/osv', file), 'utf8'));
      expect(validate(record), `${file}: ${JSON.stringify(validate.errors)}`).toBe(true);
    }
  });

  it('lists them on their product’s page, the newest on /security/, and in the JSON Feed, linked to their page', () => {
    const dist = builtSite(name);
    const articles = (pathname: string) => {
      const $ = page(dist, pathname);
      return $('article.advisory')
        .map((_, article) => $(article).attr('id'))
        .get();
    };
    const web = ids.filter((id) => id === 'CVE-2026-41177');
    expect(articles('security/api')).toEqual(['CVE-2026-1234', 'GHSA-4x7q-9cvr-2m6p']);
    expect(articles('security/web')).toEqual(web);
    expect(articles('security')).toEqual([]);
    expect(page(dist, 'security/api')('#CVE-2026-1234 a[href="/releases/api/2.2.1/"]').length).toBe(1);
    // Few advisories: one page each, no pagination.
    expect(existsSync(path.join(dist, 'security/api/page/2'))).toBe(false);
    expect(page(dist, 'security/api')('nav.pagination').length).toBe(0);
    const $ = page(dist, 'security');
    const listed = (product: string) =>
      $(`#product-${product}`)
        .parent()
        .find('ul > li > a:first-child')
        .map((_, link) => $(link).attr('href'))
        .get();
    expect(listed('api')).toEqual(['/security/api/#CVE-2026-1234', '/security/api/#GHSA-4x7q-9cvr-2m6p']);
    expect(listed('web')).toEqual(web.map((id) => `/security/web/#${id}`));
    expect($('#product-api').parent().find('p a').attr('href')).toBe('/security/api/');
    const feed = JSON.parse(readFileSync(path.join(dist, 'security/feed.json'), 'utf8'));
    expect(feed.items.map((item: { id: string }) => item.id.split('#')[1]).sort()).toEqual([...ids]);
    // Ids stay /security/#<id> (readers do not see an advisory twice); links go to the product page.
    for (const item of feed.items as { id: string; url: string }[]) {
      const id = item.id.split('#')[1]!;
      expect(item.id).toBe(`https://releases.northwind.example/security/#${id}`);
      expect(item.url).toBe(`https://releases.northwind.example/security/${id === 'CVE-2026-41177' ? 'web' : 'api'}/#${id}`);
    }
    const record = JSON.parse(readFileSync(path.join(dist, 'security/osv/CVE-2026-1234.json'), 'utf8'));
    expect(record.references[0]).toEqual({ type: 'ADVISORY', url: 'https://releases.northwind.example/security/api/#CVE-2026-1234' });
    // The release page links the advisory to its product page.
    expect(page(dist, 'releases/api/2.2.1')('#change-security').next('ul').find('.advisory a').attr('href')).toBe('/security/api/#CVE-2026-1234');
  });
});

describe('the internal build', () => {
  it('shows the embargoed advisory, marked with its date, on /security/, its product page and the release page', () => {
    const dist = builtSite('example-internal');
    expect(page(dist, 'security/web')('#CVE-2026-41177-title').text()).toContain('Embargoed until Tue 15 Dec 2026, 10:00');
    expect(page(dist, 'security')('#product-web').parent().text()).toContain('Embargoed until Tue 15 Dec 2026, 10:00');
    expect(page(dist, 'releases/web/4.2.0')('#change-security').next('ul').text()).toContain('Embargoed until');
  });
});
