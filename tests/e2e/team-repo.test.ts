/**
 * Release Hub as a team meets it (issue 15): `npm pack` this repository, make a hub with
 * `npx --package=<tarball> release-hub init <dir>` in a fresh folder, install the tarball there,
 * and build it twice, with plain `astro build` and with `release-hub build`. Both give the whole
 * hub, the team's logo from its own public/, and every link resolves under the base path that
 * hub.yaml's url gives (`https://example.github.io/team-hub/` → `/team-hub/`).
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { parseFeed } from '@rowanmanning/feed-parser';
import ICAL from 'ical.js';
import { beforeAll, describe, expect, inject, it } from 'vitest';
import { linkCheck } from '../build/helpers/gates.ts';
import { launchChromium } from './helpers/browser.ts';
import { serveDist } from '../build/helpers/static-server.ts';

describe('a team hub made from the packed tarball', () => {
  // Made once per run by the global setup, beside the scenario builds (./helpers/team-hub.ts).
  const team = inject('teamHub');
  const hub = team?.hub ?? '';
  const initOutput = team?.initOutput ?? '';
  const filesAfterInit = team?.filesAfterInit ?? [];

  beforeAll(() => {
    if (!team) throw new Error('the team hub was not made: HUB_TEST_SCENARIOS must name team-hub for this file');
    if (team.error) throw new Error(team.error);
  });

  it('init writes the team repository, and installs nothing by itself', () => {
    expect(initOutput).toContain('✓ made a release hub in');
    for (const file of [
      'package.json',
      'astro.config.mjs',
      '.gitignore',
      'README.md',
      '.github/workflows/deploy.yml',
      'public/logo.svg',
      'content/hub.yaml',
      'content/people.yaml',
      'content/freezes.yaml',
      'content/raci/standard-release.yaml',
      'content/runbooks/deploy.md',
      'content/releases/app/1.0.0.md',
      'content/releases/api/2.0.0.md',
    ]) {
      expect(filesAfterInit).toContain(file);
    }
    expect(filesAfterInit.some((file) => file.startsWith('node_modules'))).toBe(false);
    expect(readFileSync(path.join(hub, 'astro.config.mjs'), 'utf8')).toContain("import releaseHub from 'release-hub';");
    expect(JSON.parse(readFileSync(path.join(hub, 'package.json'), 'utf8')).dependencies['release-hub']).toMatch(/^file:/);
  });

  describe.each(['dist', 'dist-cli'])('the build in %s', (folder) => {
    const dist = () => path.join(hub, folder);

    it('has the pages, the feeds, the calendar, the search index and the team logo', () => {
      for (const file of [
        'index.html',
        'releases/index.html',
        'releases/app/1.0.0/index.html',
        'releases/api/2.0.0/index.html',
        'changelog/index.html',
        'calendar/index.html',
        'runbooks/deploy/index.html',
        'raci/standard-release/index.html',
        'people/ada/index.html',
        'metrics/index.html',
        'search/index.html',
        '404.html',
        'api/releases.json',
        'pagefind/pagefind.js',
        'sitemap-index.xml',
        'logo.svg',
        'favicon.svg',
      ]) {
        expect(existsSync(path.join(dist(), file)), file).toBe(true);
      }
      expect(readFileSync(path.join(dist(), 'logo.svg'), 'utf8')).toBe(readFileSync(path.join(hub, 'public/logo.svg'), 'utf8'));
      const home = readFileSync(path.join(dist(), 'index.html'), 'utf8');
      expect(home).toContain('<img src="/team-hub/logo.svg"');
      expect(home).toContain('href="/team-hub/releases/"');
    });

    it("serves the team's own page and uses its stylesheet and footer around the hub's", () => {
      expect(readFileSync(path.join(dist(), 'about/index.html'), 'utf8')).toContain('<h1>About our releases</h1>');
      const release = readFileSync(path.join(dist(), 'releases/app/1.0.0/index.html'), 'utf8');
      expect(release).toContain('<p class="team-footer">Questions? #release-room</p>');
      expect(release).toContain('Changelog (RSS)');
      const stylesheets = [...release.matchAll(/<link rel="stylesheet" href="\/team-hub\/([^"]+)"/g)].map((match) =>
        readFileSync(path.join(dist(), match[1]!), 'utf8'),
      );
      expect(stylesheets.some((css) => css.includes('.team-brand-marker'))).toBe(true);
    });

    it('writes feeds whose items link under the base path, and an ICS calendar with the scheduled release', () => {
      const feed = parseFeed(readFileSync(path.join(dist(), 'changelog/rss.xml'), 'utf8'));
      expect(feed.items.map((item) => item.url)).toEqual([
        'https://example.github.io/team-hub/releases/api/2.0.0/',
        'https://example.github.io/team-hub/releases/app/1.0.0/',
      ]);
      const calendar = new ICAL.Component(ICAL.parse(readFileSync(path.join(dist(), 'calendar.ics'), 'utf8')));
      const summaries = calendar.getAllSubcomponents('vevent').map((event) => String(event.getFirstPropertyValue('summary')));
      expect(summaries).toContain('App 1.1.0 — Faster search');
    });

    it('puts the base path in every sitemap entry, JSON url and ICS URL', () => {
      const site = 'https://example.github.io/team-hub/';
      const locations = [...readFileSync(path.join(dist(), 'sitemap-0.xml'), 'utf8').matchAll(/<loc>([^<]+)<\/loc>/g)].map((match) => match[1]!);
      expect(locations.length).toBeGreaterThan(20);
      expect(locations.filter((location) => !location.startsWith(site))).toEqual([]);
      const { releases } = JSON.parse(readFileSync(path.join(dist(), 'api/releases.json'), 'utf8')) as { releases: { url: string }[] };
      expect(releases.map((release) => release.url).sort()).toEqual([`${site}releases/api/2.0.0/`, `${site}releases/app/1.0.0/`, `${site}releases/app/1.1.0/`]);
      const urls = [...readFileSync(path.join(dist(), 'calendar.ics'), 'utf8').matchAll(/^URL[^:]*:(.+)$/gm)].map((match) => match[1]!.trim());
      expect(urls.length).toBeGreaterThan(0);
      expect(urls.filter((url) => !url.startsWith(site))).toEqual([]);
    });

    it('indexes the release, runbook, RACI and people pages for search', () => {
      const entry = JSON.parse(readFileSync(path.join(dist(), 'pagefind/pagefind-entry.json'), 'utf8')) as {
        languages: Record<string, { page_count: number }>;
      };
      // 3 releases + 1 runbook + 1 RACI matrix + 3 people.
      expect(Object.values(entry.languages).reduce((sum, language) => sum + language.page_count, 0)).toBe(8);
    });

    it('passes the link check served under its base path /team-hub/', async () => {
      const server = await serveDist(dist(), '/team-hub/');
      try {
        const { broken, checked } = await linkCheck(`${server.url}/team-hub/`);
        expect(broken).toEqual([]);
        expect(checked).toBeGreaterThan(50);
      } finally {
        await server.close();
      }
    });
  });

  it('finds pages in a browser, with result links under the base path', async () => {
    const server = await serveDist(path.join(hub, 'dist'), '/team-hub/');
    const browser = await launchChromium();
    try {
      const page = await browser.newPage();
      await page.goto(`${server.url}/team-hub/search/?q=pagination`);
      await page.locator('[data-search-results] .search-result').first().waitFor();
      const hrefs = await page.locator('[data-search-results] .search-result a').evaluateAll((links) => links.map((link) => link.getAttribute('href') ?? ''));
      expect(hrefs).toContain('/team-hub/releases/api/2.0.0/');
      expect(hrefs.every((href) => href.startsWith('/team-hub/'))).toBe(true);
    } finally {
      await browser.close();
      await server.close();
    }
  });

  it('gives the same pages with plain astro build and with release-hub build', () => {
    const pages = (folder: string) => (readdirSync(path.join(hub, folder), { recursive: true }) as string[]).filter((file) => file.endsWith('.html')).sort();
    expect(pages('dist-cli')).toEqual(pages('dist'));
    expect(readFileSync(path.join(hub, 'dist-cli/releases/app/1.0.0/index.html'), 'utf8')).toBe(
      readFileSync(path.join(hub, 'dist/releases/app/1.0.0/index.html'), 'utf8'),
    );
  });
});
