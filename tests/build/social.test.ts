/** OpenGraph and Twitter meta on every page, and the social cards of the newest changelog entries (src/social/card.ts). */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { load } from 'cheerio';
import { describe, expect, it } from 'vitest';
import { htmlFiles } from './helpers/gates.ts';
import { builtSite } from './helpers/scenario.ts';

const SITE = 'https://releases.northwind.example';

describe('OpenGraph and Twitter meta', () => {
  it('is on every page of the public build: title, description, absolute url, type and card', () => {
    const dist = builtSite('example-public');
    const problems = htmlFiles(dist).flatMap((file) => {
      const $ = load(readFileSync(file, 'utf8'));
      const meta = (name: string) => $(`meta[property="${name}"], meta[name="${name}"]`).attr('content');
      const page = `/${path.relative(dist, path.dirname(file)).split(path.sep).join('/')}/`.replace(/^\/\/$/, '/');
      const wrong = [
        meta('og:title') ? undefined : 'og:title',
        meta('og:description') ? undefined : 'og:description',
        file.endsWith(`${path.sep}404.html`) || meta('og:url') === `${SITE}${page}` ? undefined : `og:url ${meta('og:url')}`,
        meta('og:type') ? undefined : 'og:type',
        meta('twitter:card') ? undefined : 'twitter:card',
      ].filter(Boolean);
      return wrong.length > 0 ? [`${path.relative(dist, file)}: ${wrong.join(', ')}`] : [];
    });
    expect(problems).toEqual([]);
  });

  it('gives the newest changelog entries of each product a 1200 × 630 PNG card as og:image, and none to the rest', () => {
    const dist = builtSite('example-public');
    const cards = readdirSync(path.join(dist, 'releases'), { recursive: true })
      .map(String)
      .filter((file) => file.endsWith('card.png'))
      .map((file) => file.split(path.sep).slice(0, 2).join('@'))
      .sort();
    // The widget holds the same newest 10 entries of each product.
    const newest = JSON.parse(readFileSync(path.join(dist, 'widget.json'), 'utf8')).entries.map((entry: { id: string }) => entry.id);
    expect(cards).toEqual([...newest].sort());
    const [product, version] = newest[0].split('@');
    const $ = load(readFileSync(path.join(dist, 'releases', product, version, 'index.html'), 'utf8'));
    expect($('meta[property="og:image"]').attr('content')).toBe(`${SITE}/releases/${product}/${version}/card.png`);
    expect($('meta[property="og:type"]').attr('content')).toBe('article');
    expect($('meta[name="twitter:card"]').attr('content')).toBe('summary_large_image');
    const png = readFileSync(path.join(dist, 'releases', product, version, 'card.png'));
    expect(png.subarray(1, 4).toString('latin1')).toBe('PNG');
    expect([png.readUInt32BE(16), png.readUInt32BE(20)]).toEqual([1200, 630]);
    // A planned release is no changelog entry: no card, a small Twitter card.
    const planned = load(readFileSync(path.join(dist, 'releases/web/4.10.0/index.html'), 'utf8'));
    expect(planned('meta[property="og:image"]').length).toBe(0);
    expect(planned('meta[name="twitter:card"]').attr('content')).toBe('summary');
    expect(existsSync(path.join(dist, 'releases/web/4.10.0/card.png'))).toBe(false);
  });

  it('has the base path in og:url and og:image', () => {
    const $ = load(readFileSync(path.join(builtSite('example-base-path'), 'changelog/index.html'), 'utf8'));
    expect($('meta[property="og:url"]').attr('content')).toMatch(/^https:\/\/[^/]+\/releases\/changelog\/$/);
  });
});
