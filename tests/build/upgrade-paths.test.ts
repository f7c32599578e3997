/**
 * The built upgrade paths of the example hub (src/upgrade/upgrade-paths.ts): one page per version
 * but the latest, grouped breaking → security → deprecations → the rest, the migration guide of
 * API v2's notes, the links from the changelog and release pages, and the JSON for tools.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { load, type CheerioAPI } from 'cheerio';
import { describe, expect, it } from 'vitest';
import { builtSite } from './helpers/scenario.ts';

const html = (dist: string, pathname: string): CheerioAPI => load(readFileSync(path.join(dist, pathname, 'index.html'), 'utf8'));
const json = (dist: string, file: string) => JSON.parse(readFileSync(path.join(dist, file), 'utf8'));

/** The public, released API versions of the example hub, in SemVer order (rolled-back 1.17.0 and 2.4.0 are left out). */
const API_VERSIONS = [
  '1.14.0',
  '1.15.0',
  '1.15.1',
  '1.16.0',
  '1.17.1',
  '1.18.0',
  '1.20.0',
  '2.0.0',
  '2.0.1',
  '2.1.0',
  '2.2.0',
  '2.2.1',
  '2.3.0',
  '2.4.1',
  '2.5.0',
  '2.6.0',
];

describe.each(['example-internal', 'example-public'] as const)('upgrade paths of %s', (name) => {
  it('has a page from every API version but the latest, and the JSON lists every step', () => {
    const dist = builtSite(name);
    const document = json(dist, 'api/upgrade/api.json');
    expect(document.versions.map((version: { version: string }) => version.version)).toEqual(API_VERSIONS);
    expect(document.latest).toBe('2.6.0');
    for (const version of API_VERSIONS) expect(existsSync(path.join(dist, `changelog/api/upgrade/${version}/index.html`)), version).toBe(version !== '2.6.0');
    expect(existsSync(path.join(dist, 'changelog/api/upgrade/1.17.0/index.html'))).toBe(false);
    const v2 = document.versions.find((version: { version: string }) => version.version === '2.0.0');
    expect(v2.migrationGuides).toEqual([{ title: 'Migration guide', url: 'https://releases.northwind.example/releases/api/2.0.0/#migration-guide' }]);
  });

  it('groups the changes from 1.20.0 across the v2 major, breaking first, and links the migration guide', () => {
    const $ = html(builtSite(name), 'changelog/api/upgrade/1.20.0');
    expect($('h1').text()).toBe('Upgrade Northwind API from 1.20.0 to 2.6.0');
    expect(
      $('main section h2[id^="upgrade-"]')
        .map((_, heading) => $(heading).attr('id'))
        .get(),
    ).toEqual(['upgrade-breaking', 'upgrade-security', 'upgrade-deprecations', 'upgrade-other']);
    const breaking = $('#upgrade-breaking').parent().text();
    expect(breaking).toContain('New base path');
    expect($('#upgrade-breaking').parent().find('a.version').first().attr('href')).toBe('/releases/api/2.0.0/');
    expect($('#migration-guides').parent().find('a').attr('href')).toBe('/releases/api/2.0.0/#migration-guide');
    // The v1 pagination removal is breaking: it is listed there, not again among the removals.
    expect($('#upgrade-deprecations').parent().text()).not.toContain('Offset pagination is removed');
    expect(breaking).toContain('Offset pagination is removed');
  });

  it('is linked from the changelog and from release pages', () => {
    const dist = builtSite(name);
    const changelog = html(dist, 'changelog/api');
    expect(changelog('a[href="/changelog/api/upgrade/2.5.0/"]').length).toBe(1);
    expect(changelog('a[href="/changelog/api/upgrade/2.6.0/"]').length).toBe(0);
    expect(html(dist, 'releases/api/2.0.0')('a[href="/changelog/api/upgrade/2.0.0/"]').length).toBe(1);
  });
});
