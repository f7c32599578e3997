/** The "what's new" widget's files: the customer view in both builds, the script under 6 KB gzipped, the demo page, and the base path. */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { load } from 'cheerio';
import { describe, expect, it } from 'vitest';
import { builtSite } from './helpers/scenario.ts';

const read = (name: Parameters<typeof builtSite>[0], file: string) => readFileSync(path.join(builtSite(name), file), 'utf8');

describe("the what's new widget", () => {
  it('reads the same customer entries in both builds: the newest public releases that shipped, newest first', () => {
    expect(read('example-internal', 'widget.json')).toBe(read('example-public', 'widget.json'));
    const data = JSON.parse(read('example-public', 'widget.json'));
    const shipped = new Set(
      (JSON.parse(read('example-public', 'api/releases.json')).releases as { product: string; version: string; status: string }[])
        .filter((release) => release.status === 'released' || release.status === 'rolled-back')
        .map((release) => `${release.product}@${release.version}`),
    );
    const ids = data.entries.map((entry: { id: string }) => entry.id);
    expect(ids.length).toBeGreaterThan(0);
    for (const id of ids) expect(shipped).toContain(id);
    const dates = data.entries.map((entry: { date: string }) => Date.parse(entry.date));
    expect(dates).toEqual([...dates].sort((a, b) => b - a));
    expect(data.entries[0].url).toMatch(/^https:\/\/releases\.northwind\.example\/releases\/[a-z]+\/[\d.]+\/$/);
    expect(data.changelogUrl).toBe('https://releases.northwind.example/changelog/');
  });

  it('is one script under 6 KB gzipped, with no eval, no inline style and no cookie', () => {
    const script = read('example-public', 'widget.js');
    expect(gzipSync(script, { level: 9 }).length).toBeLessThan(6 * 1024);
    expect(script).not.toMatch(/\beval\(|new Function|document\.cookie|\.innerHTML|setAttribute\('style'/);
  });

  it('has a demo page with the copy-paste snippet and the widget running on it', () => {
    const $ = load(read('example-public', 'widget/index.html'));
    expect($('pre code').first().text()).toBe('<script src="https://releases.northwind.example/widget.js" async></script>');
    expect($('main script[src]').attr('src')).toBe('/widget.js');
  });

  it('finds its JSON next to its own src under a base path', () => {
    const $ = load(read('example-base-path', 'widget/index.html'));
    expect($('main script[src]').attr('src')).toBe('/releases/widget.js');
    expect(JSON.parse(read('example-base-path', 'widget.json')).entries[0].url).toContain('/releases/releases/');
  });
});
