/** The hub's files (src/files/): one table for the dev server's routes and the build's one writer; where each lands; how they join the site. */
import { existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Temporal } from 'temporal-polyfill';
import { describe, expect, it } from 'vitest';
import type { BuildContext } from '../../src/core/model.ts';
import { HUB_FILE_ROUTES, hubFilePath, type HubFileRoute } from '../../src/files/hub-files.ts';
import { writeHubFiles } from '../../src/files/write-hub-files.ts';
import { placeHubFiles } from '../../src/integration/hub-files.ts';
import { HUB_FILES_ROUTE, HUB_ROUTES, routesFor } from '../../src/integration/routes.ts';
import { makeHub } from './helpers/hub-factory.ts';

const context: BuildContext = { hub: makeHub(), audience: 'internal', now: Temporal.Instant.from('2026-12-01T09:00:00Z') };
const temporary = () => mkdtempSync(path.join(os.tmpdir(), 'hub-files-'));

describe('the table of the hub files', () => {
  it('has exactly the routes marked as files', () => {
    const marked = HUB_ROUTES.filter((route) => route.file).map((route) => route.pattern);
    expect(marked.sort()).toEqual(Object.keys(HUB_FILE_ROUTES).sort());
  });

  it('gives the dev server a route per file and a build one route for all of them', () => {
    const dev = routesFor('internal', { fileRoutes: true }).map((route) => route.pattern);
    const build = routesFor('internal', { fileRoutes: false }).map((route) => route.pattern);
    expect(dev).toContain('/calendar.ics');
    expect(dev).not.toContain(HUB_FILES_ROUTE.pattern);
    expect(build).not.toContain('/calendar.ics');
    expect(build).toContain(HUB_FILES_ROUTE.pattern);
    expect(build).toContain('/changelog/atom.xml'); // feeds read the compiled notes: still Astro routes
  });

  it('leaves the internal files out of a public build', () => {
    const publicFiles = routesFor('public', { fileRoutes: true })
      .filter((route) => route.file)
      .map((route) => route.pattern);
    expect(publicFiles).not.toContain('/api/metrics.json');
    expect(publicFiles).not.toContain('/announce/[product]/[version]/[file]');
    expect(publicFiles).toContain('/calendar.ics');
  });
});

describe('where a file lands', () => {
  it.each([
    { pattern: '/calendar.ics', params: {}, expected: 'calendar.ics' },
    { pattern: '/calendar/[product].ics', params: { product: 'web' }, expected: 'calendar/web.ics' },
    { pattern: '/security/osv/[id].json', params: { id: 'GHSA-abcd-1234-wxyz' }, expected: 'security/osv/GHSA-abcd-1234-wxyz.json' },
    { pattern: '/metrics/csv/[...file]', params: { file: 'all-time/web/lead-time.csv' }, expected: 'metrics/csv/all-time/web/lead-time.csv' },
    { pattern: '/releases/[product]/[version]/index.md', params: { product: 'web', version: '2.0.0-rc.1' }, expected: 'releases/web/2.0.0-rc.1/index.md' },
  ] as { pattern: string; params: Record<string, string>; expected: string }[])('$pattern → $expected', ({ pattern, params, expected }) => {
    expect(hubFilePath(pattern, params)).toBe(expected);
  });

  it('names the parameter it has no value for', () => {
    expect(() => hubFilePath('/calendar/[product].ics', {})).toThrow('/calendar/[product].ics: no value for its parameter product');
    expect(() => hubFilePath('/calendar/[product].ics', { toString: 'x' } as never)).toThrow('no value for its parameter product');
  });
});

describe('writing the files', () => {
  const file = (params: Record<string, string>, body: string) => ({ params, contentType: 'text/plain', body: () => body });

  it('writes every file of every pattern and lists them', async () => {
    const folder = temporary();
    const routes: Record<string, HubFileRoute> = {
      '/a/[id].txt': () => [file({ id: 'one' }, 'first\n'), file({ id: 'two' }, 'second\n')],
      '/b.txt': () => [file({}, 'b')],
    };
    const written = await writeHubFiles(context, ['/a/[id].txt', '/b.txt'], folder, routes);
    expect(written).toEqual(['a/one.txt', 'a/two.txt', 'b.txt']);
    expect(readFileSync(path.join(folder, 'a/two.txt'), 'utf8')).toBe('second\n');
  });

  it('refuses a file outside its folder, or one written twice', async () => {
    const routes: Record<string, HubFileRoute> = {
      '/x/[id].txt': () => [file({ id: '../../escape' }, 'no')],
      '/y/[id].txt': () => [file({ id: 'same' }, '1'), file({ id: 'same' }, '2')],
    };
    await expect(writeHubFiles(context, ['/x/[id].txt'], temporary(), routes)).rejects.toThrow(
      '/x/[id].txt: the file "x/../../escape.txt" would be outside the site',
    );
    await expect(writeHubFiles(context, ['/y/[id].txt'], temporary(), routes)).rejects.toThrow('/y/[id].txt: the file "y/same.txt" would be written twice');
  });

  it('writes the real files of a hub with the same bytes as their routes give', async () => {
    const folder = temporary();
    const written = await writeHubFiles(context, ['/calendar.ics', '/api/releases.json'], folder);
    expect(written).toEqual(['calendar.ics', 'api/releases.json']);
    expect(readFileSync(path.join(folder, 'calendar.ics'), 'utf8')).toBe(HUB_FILE_ROUTES['/calendar.ics'](context)[0]!.body());
    expect(readFileSync(path.join(folder, 'calendar.ics'), 'utf8')).toMatch(/^BEGIN:VCALENDAR\r\n/);
  });
});

describe('the files joining the built site', () => {
  function builtSite(files: string[]): { site: string; folder: string } {
    const site = temporary();
    const folder = temporary();
    mkdirSync(path.join(site, '_release-hub'));
    writeFileSync(path.join(site, '_release-hub/files.txt'), files.map((name) => `${name}\n`).join(''));
    for (const name of files) {
      mkdirSync(path.dirname(path.join(folder, name)), { recursive: true });
      writeFileSync(path.join(folder, name), `hub ${name}`);
    }
    return { site, folder };
  }

  it('moves every file in and removes the list and the folder', () => {
    const { site, folder } = builtSite(['calendar.ics', 'security/osv/GHSA-1.json']);
    expect(placeHubFiles({ patterns: [], folder }, site)).toEqual({ placed: 2, kept: [] });
    expect(readFileSync(path.join(site, 'security/osv/GHSA-1.json'), 'utf8')).toBe('hub security/osv/GHSA-1.json');
    expect(existsSync(path.join(site, '_release-hub'))).toBe(false);
    expect(existsSync(folder)).toBe(false);
  });

  it("keeps a file that the team's own page wrote there", () => {
    const { site, folder } = builtSite(['llms.txt', 'calendar.ics']);
    writeFileSync(path.join(site, 'llms.txt'), 'the team’s own');
    expect(placeHubFiles({ patterns: [], folder }, site)).toEqual({ placed: 1, kept: ['llms.txt'] });
    expect(readFileSync(path.join(site, 'llms.txt'), 'utf8')).toBe('the team’s own');
    expect(readFileSync(path.join(site, 'calendar.ics'), 'utf8')).toBe('hub calendar.ics');
  });

  it('says so when the build did not write the list', () => {
    expect(() => placeHubFiles({ patterns: [], folder: temporary() }, temporary())).toThrow(
      "the build did not write _release-hub/files.txt, the list of the hub's files",
    );
  });
});
