/**
 * A hub deployed under a path (issue 15): the example hub with Astro's `base: '/releases/'`, a
 * path that is also the name of one of the hub's own sections. Served under that path only, every
 * link resolves, and every URL the hub writes carries the base exactly once.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parseFeed } from '@rowanmanning/feed-parser';
import { load } from 'cheerio';
import { describe, expect, it } from 'vitest';
import { serveDist } from './helpers/static-server.ts';
import { linkCheck } from './helpers/gates.ts';
import { builtSite } from './helpers/scenario.ts';

const dist = () => builtSite('example-base-path');
const read = (file: string) => readFileSync(path.join(dist(), file), 'utf8');

describe('the example hub under the base path /releases/', () => {
  it('passes the link check served under /releases/ only', async () => {
    const server = await serveDist(dist(), '/releases/');
    try {
      const { broken, checked } = await linkCheck(`${server.url}/releases/`);
      expect(broken).toEqual([]);
      expect(checked).toBeGreaterThan(200);
    } finally {
      await server.close();
    }
  });

  it('links pages, assets, feeds and the logo under the base, and the release section once more below it', () => {
    const $ = load(read('index.html'));
    const hrefs = $('a[href], link[href]')
      .map((_, element) => $(element).attr('href')!)
      .get();
    expect(hrefs.filter((href) => href.startsWith('/') && !href.startsWith('/releases/'))).toEqual([]);
    expect(hrefs).toContain('/releases/releases/');
    expect(hrefs).toContain('/releases/changelog/rss.xml');
    expect($('.brand img').attr('src')).toBe('/releases/logo.svg');
    expect(
      $('script[src], link[rel="stylesheet"]')
        .map((_, element) => $(element).attr('src') ?? $(element).attr('href'))
        .get()
        .every((url) => url.startsWith('/releases/_astro/')),
    ).toBe(true);
  });

  it('writes site paths in bodies and Markdown fields under the base', () => {
    const runbook = load(read('runbooks/deploy-web/index.html'));
    const bodyLinks = runbook('.procedure a[href^="/"]')
      .map((_, link) => runbook(link).attr('href')!)
      .get();
    expect(bodyLinks.length).toBeGreaterThan(0);
    expect(bodyLinks.filter((href) => !href.startsWith('/releases/'))).toEqual([]);
  });

  it('gives feed items, JSON urls, ICS URLs and sitemap entries the base after the host', () => {
    const site = 'https://releases.northwind.example/releases/';
    const feed = parseFeed(read('changelog/rss.xml'));
    expect(feed.items.length).toBeGreaterThan(10);
    expect(feed.items.filter((item) => !item.url?.startsWith(`${site}releases/`))).toEqual([]);
    const { releases } = JSON.parse(read('api/releases.json')) as { releases: { url: string }[] };
    expect(releases.filter((release) => !release.url.startsWith(`${site}releases/`))).toEqual([]);
    const icsUrls = [...read('calendar.ics').matchAll(/^URL[^:]*:(.+)$/gm)].map((match) => match[1]!.trim());
    expect(icsUrls.length).toBeGreaterThan(10);
    expect(icsUrls.filter((url) => !url.startsWith(site))).toEqual([]);
    const locations = [...read('sitemap-0.xml').matchAll(/<loc>([^<]+)<\/loc>/g)].map((match) => match[1]!);
    expect(locations.filter((location) => !location.startsWith(site))).toEqual([]);
    expect(locations).toContain(`${site}releases/web/4.0.0/`);
  });
});
