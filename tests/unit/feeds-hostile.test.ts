/**
 * Feeds for any input (issue 17): titles, summaries, tags and content that try to be markup, that
 * are entity-encoded markup, inline code, or characters XML forbids. Every feed stays well-formed
 * XML, parses with a feed reader's parser, and carries no active content in what it declares HTML.
 */
import { parseFeed } from '@rowanmanning/feed-parser';
import { XMLValidator } from 'fast-xml-parser';
import { describe, expect, it } from 'vitest';
import { changelogFeed, feedHtml, toAtom, toJsonFeed, toRss } from '../../src/releases/feeds.ts';
import { makeHub, makeRelease, windowOf } from './helpers/hub-factory.ts';

const hostile = makeRelease({
  version: '6.6.6',
  status: 'released',
  audience: 'public',
  title: 'Evil <img src=x onerror=alert(1)> & ]]> co',
  summary: '&lt;script&gt;alert(1)&lt;/script&gt; and `<img src=x onerror=alert(2)>` and \u0007bell',
  tags: ['<b>bold</b>', 'a&b', 'quote"d'],
  window: windowOf('2026-03-10T02:00', '2026-03-10T04:00'),
  deployment: { finishedAt: windowOf('2026-03-10T02:40', '2026-03-10T02:41').start },
  changes: [{ type: 'added', summary: 'Inline `<script>x</script>` code', breaking: false, audience: 'public' }],
});
const hub = makeHub({ releases: [hostile] });
const content = '<p>Notes ]]> here</p><script>alert(3)</script><img src="/a.png" onerror="alert(4)"><a href="javascript:alert(5)">x</a>';
const feed = changelogFeed(hub, undefined, () => content);

/** Markup that would run if a reader rendered it. */
const activeMarkup = /<script|\sonerror=|\sonload=|javascript:/i;

/** What an XML element of a feed holds, as the XML says it (CDATA unwrapped, nothing decoded). */
const xmlFields = (xml: string, tag: string) =>
  [...xml.matchAll(new RegExp(`<${tag}[^>]*>(?:<!\\[CDATA\\[)?([\\s\\S]*?)(?:\\]\\]>)?</${tag}>`, 'g'))].map((match) => match[1]!);

describe('feeds of hostile input', () => {
  it.each([
    ['RSS', toRss(feed, 'Hub & <Co>'), ['title', 'description'], 'content:encoded'],
    ['Atom', toAtom(feed, 'Hub & <Co>'), ['title', 'summary'], 'content'],
  ])('%s is well-formed XML, parses with a feed reader, and holds text where readers read HTML', (_, xml, textFields, contentField) => {
    expect(XMLValidator.validate(xml)).toBe(true);
    expect([...xml].filter((char) => char < ' ' && !'\t\n\r'.includes(char))).toEqual([]);
    const parsed = parseFeed(xml);
    expect(parsed.items).toHaveLength(1);
    expect(parsed.items[0]!.title).toBe('Acme Web 6.6.6: Evil <img src=x onerror=alert(1)> & ]]> co');
    expect(parsed.items[0]!.categories.map((category) => category.label ?? category.term)).toEqual(['<b>bold</b>', 'a&b', 'quote"d']);
    // Readers render these as HTML: the markup in them is escaped text, never an element.
    for (const field of textFields) for (const value of xmlFields(xml, field)) expect(value, field).not.toMatch(/<[a-z]/i);
    for (const value of xmlFields(xml, contentField)) expect(value).not.toMatch(activeMarkup);
  });

  it('escapes plain text where readers read HTML, once', () => {
    const atom = toAtom(feed, 'Hub');
    expect(atom).toContain('<title type="html"><![CDATA[Acme Web 6.6.6: Evil &lt;img src=x onerror=alert(1)&gt; &amp; ]]&gt; co]]></title>');
    const json = toJsonFeed(feed, 'Hub');
    expect(json.items[0]?.title).toBe('Acme Web 6.6.6: Evil <img src=x onerror=alert(1)> & ]]> co');
    expect(json.items[0]?.summary).toBe('<script>alert(1)</script> and <img src=x onerror=alert(2)> and bell'.replace(' bell', ' \u0007bell'));
  });

  it('sanitizes content HTML like the pages do: no script, no event handler, no javascript: link', () => {
    expect(feedHtml(content, 'https://hub.example/releases/web/6.6.6/')).toBe('<p>Notes ]]> here</p><img src="https://hub.example/a.png"><a>x</a>');
    expect(toJsonFeed(feed, 'Hub').items[0]?.content_html).not.toMatch(activeMarkup);
  });
});
