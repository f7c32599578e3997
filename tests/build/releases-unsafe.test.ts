/**
 * Bad input: change summaries, a rollback reason, an incident summary and GTM notes with
 * <script>, <img onerror>, <iframe> and javascript: links (tests/fixtures/unsafe-markdown over
 * the minimal hub). The build warns naming file, line and field, and succeeds; nothing active
 * reaches a page or a feed.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parseFeed } from '@rowanmanning/feed-parser';
import { load, type CheerioAPI } from 'cheerio';
import { beforeAll, describe, expect, it } from 'vitest';
import { scenario } from './helpers/scenario.ts';
import type { BuildResult } from './scenarios.ts';

let root: string;
let dist: string;
let result: BuildResult;
beforeAll(() => {
  ({ content: root, dist } = scenario('unsafe-markdown'));
  result = scenario('unsafe-markdown').builds[0]!;
});

/** Everything that could run: script elements, event handler attributes, javascript:/data: URLs, frames. */
function activeContent($: CheerioAPI, scope: string): string[] {
  const found: string[] = [];
  $(scope)
    .find('*')
    .addBack()
    .each((_, element) => {
      if (element.type !== 'tag') return;
      if (['script', 'iframe', 'object', 'embed'].includes(element.name)) found.push(`<${element.name}>`);
      for (const [name, value] of Object.entries(element.attribs)) {
        if (/^on/i.test(name)) found.push(`${element.name}[${name}]`);
        if (['href', 'src', 'action', 'formaction'].includes(name) && /^\s*(javascript|vbscript|data):/i.test(value))
          found.push(`${element.name}[${name}=${value}]`);
      }
    });
  return found;
}

describe('a release with unsafe Markdown in its data fields', () => {
  it('builds, with a warning naming the file, line and field of each', () => {
    expect(result.status, result.stderr).toBe(0);
    const file = `${root}/releases/web/1.1.0.md`;
    for (const where of [
      '14 rollback.reason',
      '18 incidents[0].summary',
      '21 gtm.notes',
      '24 changes[0].summary',
      '26 changes[1].summary',
      '28 changes[2].summary',
    ]) {
      expect(result.stderr).toContain(`warning: ${file}:${where}: `);
    }
    expect(result.stderr).toContain(
      `warning: ${file}:24 changes[0].summary: contains raw HTML (<script>alert("changes")</script>), which is removed from pages and feeds`,
    );
  });

  it('renders harmless HTML on the release page and in the changelog', () => {
    const page = load(readFileSync(path.join(dist, 'releases/web/1.1.0/index.html'), 'utf8'));
    expect(activeContent(page, 'main')).toEqual([]);
    const changes = page('section[aria-labelledby="changes"]');
    expect(
      changes
        .find('li')
        .map((_, item) => page(item).text().trim())
        .get(),
    ).toEqual(expect.arrayContaining(['Preview images  load faster', 'Read the advisory and this']));
    expect(changes.find('a[href="https://example.com/docs"]').text()).toBe('link');
    expect(changes.find('a[href="/releases/web/1.0.0/"]').text()).toBe('v1.0.0');
    expect(changes.text()).toContain('and #42');
    expect(page('section.rollback').text()).toContain('Rolled back');
    expect(page('section[aria-labelledby="incidents"] td').last().text()).toBe('See the log');

    const changelog = load(readFileSync(path.join(dist, 'changelog/index.html'), 'utf8'));
    expect(changelog('#web-1-1-0').length).toBe(1);
    expect(activeContent(changelog, 'main')).toEqual([]);
  });

  it('puts nothing active in the feeds', () => {
    for (const file of ['changelog/rss.xml', 'changelog/atom.xml', 'changelog/web/rss.xml']) {
      const feed = parseFeed(readFileSync(path.join(dist, file), 'utf8'));
      const item = feed.items.find((candidate) => candidate.id?.endsWith('/releases/web/1.1.0/'))!;
      expect(item.content).toContain('Preview images');
      expect(activeContent(load(item.content ?? ''), 'body'), file).toEqual([]);
    }
    const json = JSON.parse(readFileSync(path.join(dist, 'changelog/feed.json'), 'utf8'));
    const item = json.items.find((candidate: { id: string }) => candidate.id.endsWith('/releases/web/1.1.0/'));
    expect(activeContent(load(item.content_html), 'body')).toEqual([]);
  });
});
