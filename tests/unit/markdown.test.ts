/** The safe Markdown renderer of data fields, its reference links, and the build warning about unsafe input. */
import { describe, expect, it } from 'vitest';
import { loadContentRoot } from '../../src/content/load.ts';
import { formatProblem } from '../../src/content/problems.ts';
import { createMarkdownRenderer, findUnsafeMarkdown, markdownFieldsOf, markdownForHub } from '../../src/markdown/fields.ts';
import { hubWithOverlay } from './helpers/fixture-hub.ts';
import { makeHub, makeRelease } from './helpers/hub-factory.ts';

const renderer = () =>
  createMarkdownRenderer({
    releaseHref: (product, version) => (product === 'web' && ['2.3.0', '3.0.0-rc.1'].includes(version) ? `/releases/${product}/${version}/` : undefined),
    issueUrl: 'https://tracker.example/issues/{id}',
  });

describe('rendering', () => {
  it('renders GitHub-flavoured Markdown as HTML', () => {
    expect(renderer().block('CSV export keeps **column order**\n\n- one\n- ~~two~~', 'web')).toBe(
      '<p>CSV export keeps <strong>column order</strong></p>\n<ul>\n<li>one</li>\n<li><del>two</del></li>\n</ul>',
    );
  });

  it('unwraps the single paragraph of a one-line summary in inline mode, and only then', () => {
    const markdown = renderer();
    expect(markdown.inline('Exports keep *order*', 'web')).toBe('Exports keep <em>order</em>');
    expect(markdown.inline('One\n\nTwo', 'web')).toBe('<p>One</p>\n<p>Two</p>');
  });

  it('gives the plain text a reader sees', () => {
    expect(renderer().text('**Bold** and [a link](https://example.com)\n\n- item', 'web')).toBe('Bold and a link item');
  });

  it('memoises: the same source and product are parsed once per renderer, whatever they are rendered as', () => {
    const asked: string[] = [];
    const markdown = createMarkdownRenderer({
      releaseHref: (product, version) => {
        asked.push(`${product}/${version}`);
        return undefined;
      },
    });
    const first = markdown.inline('Back in v2.3.0', 'web');
    for (let index = 0; index < 5; index++) expect(markdown.inline('Back in v2.3.0', 'web')).toBe(first);
    expect(asked).toEqual(['web/2.3.0']);
    markdown.inline('Back in v2.3.0', 'api');
    markdown.block('Back in v2.3.0', 'web');
    markdown.text('Back in v2.3.0', 'web');
    expect(asked).toEqual(['web/2.3.0', 'api/2.3.0']);
  });
});

describe('unsafe input never reaches the HTML', () => {
  const cases = [
    '<script>alert("x")</script>',
    'Text <script>alert(1)</script> inline',
    '<img src=x onerror=alert(1)>',
    'Preview <img src=x onerror="alert(1)"> inline',
    '[click](javascript:alert(1))',
    '[click](JaVaScRiPt:alert(1))',
    '[click](java\tscript:alert(1))',
    '<javascript:alert(1)>',
    '[ref][x]\n\n[x]: javascript:alert(1)',
    '<a href="javascript:alert(1)" onclick="alert(2)">x</a>',
    '![img](javascript:alert(1))',
    '[data](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)',
  ];
  for (const source of cases) {
    it(`strips ${JSON.stringify(source)}`, () => {
      const markdown = renderer();
      for (const html of [markdown.block(source, 'web'), markdown.inline(source, 'web')]) {
        expect(html).not.toMatch(/<script|<iframe|<img[^>]*onerror|<[^>]+\son\w+=|(href|src)="\s*(javascript|data):/i);
      }
    });
  }

  it('keeps the text around stripped HTML', () => {
    expect(renderer().inline('Preview <img src=x onerror=alert(1)> loads faster', 'web')).toBe('Preview  loads faster');
  });

  it('keeps safe links', () => {
    expect(renderer().inline('[docs](https://example.com/docs), [mail](mailto:a@example.com), [here](/releases/)', 'web')).toBe(
      '<a href="https://example.com/docs">docs</a>, <a href="mailto:a@example.com">mail</a>, <a href="/releases/">here</a>',
    );
  });
});

describe('references', () => {
  it('links v1.2.3 to that release of the same product when it exists', () => {
    expect(renderer().inline('Back from v2.3.0.', 'web')).toBe('Back from <a href="/releases/web/2.3.0/">v2.3.0</a>.');
    expect(renderer().inline('Since v3.0.0-rc.1, ok', 'web')).toBe('Since <a href="/releases/web/3.0.0-rc.1/">v3.0.0-rc.1</a>, ok');
  });

  it('links a version written as code', () => {
    expect(renderer().inline('deprecated in `v2.3.0`', 'web')).toBe('deprecated in <a href="/releases/web/2.3.0/"><code>v2.3.0</code></a>');
  });

  it('leaves a version as plain text when the release is not in this build or belongs to another product', () => {
    const markdown = renderer();
    expect(markdown.inline('see v9.9.9', 'web')).toBe('see v9.9.9');
    expect(markdown.inline('see v2.3.0', 'api')).toBe('see v2.3.0');
    expect(markdown.inline('path /v2.3.0/ and xv2.3.0', 'web')).toBe('path /v2.3.0/ and xv2.3.0');
  });

  it('links #123 to the issue tracker', () => {
    expect(renderer().inline('Fixed (#2302), not x#12 or a/#5', 'web')).toBe(
      'Fixed (<a href="https://tracker.example/issues/2302">#2302</a>), not x#12 or a/#5',
    );
  });

  it('leaves #123 as text without an issueUrl, and does not touch existing links', () => {
    const markdown = createMarkdownRenderer({ releaseHref: () => '/x/' });
    expect(markdown.inline('Fixed #12', 'web')).toBe('Fixed #12');
    expect(renderer().inline('[#12 and v2.3.0](https://example.com)', 'web')).toBe('<a href="https://example.com">#12 and v2.3.0</a>');
  });

  it('links only releases of the hub it renders for (a public hub has no internal releases)', () => {
    const hub = makeHub({
      config: { issueUrl: 'https://t.example/{id}' },
      releases: [makeRelease({ version: '1.0.0', audience: 'public' })],
    });
    const markdown = markdownForHub(hub);
    expect(markdown.inline('v1.0.0 and v1.0.1', 'web')).toBe('<a href="/releases/web/1.0.0/">v1.0.0</a> and v1.0.1');
    expect(markdownForHub(hub)).toBe(markdown);
  });
});

describe('findUnsafeMarkdown', () => {
  it('reports raw HTML once per field, and each unsafe link', () => {
    expect(findUnsafeMarkdown('<b onclick="y()">z</b> and [a](javascript:b())').map((found) => found.message)).toEqual([
      'contains raw HTML (<b onclick="y()"> </b>), which is removed from pages and feeds',
      'links to "javascript:b()", which is removed from pages and feeds',
    ]);
  });

  it('finds unsafe links however they are written', () => {
    for (const source of [
      '[a][x]\n\n[x]: javascript:alert(1)',
      '<javascript:alert(1)>',
      '![i](JAVASCRIPT:alert(1))',
      '[a](  javascript:alert(1)  )',
      '[a](javascript&#58;alert(1))',
    ]) {
      expect(
        findUnsafeMarkdown(source).map((found) => found.message),
        source,
      ).toEqual([expect.stringMatching(/^links to "java/i)]);
    }
  });

  it('finds nothing in safe Markdown, including angle brackets in code', () => {
    expect(findUnsafeMarkdown('**Bold**, `<script>` in code, [docs](https://example.com), [rel](../x), a < b')).toEqual([]);
  });

  it('lists every Markdown field of a release with its path', () => {
    const release = makeRelease({
      summary: 's',
      changes: [{ type: 'added', summary: 'c', breaking: false, audience: 'public' }],
      rollback: { reason: 'r' },
      gtm: { required: true, notes: 'n', channels: [], assets: [], checklist: [] },
    });
    expect(markdownFieldsOf(release)).toEqual([
      { path: ['summary'], markdown: 's' },
      { path: ['changes', 0, 'summary'], markdown: 'c' },
      { path: ['rollback', 'reason'], markdown: 'r' },
      { path: ['gtm', 'notes'], markdown: 'n' },
    ]);
  });
});

describe('the build warning (tests/fixtures/unsafe-markdown)', () => {
  it('warns with file, line and field, and the hub still loads', async () => {
    const { hub, problems } = await loadContentRoot(hubWithOverlay('unsafe-markdown'));
    expect(hub).toBeDefined();
    const warnings = problems.filter((problem) => problem.severity === 'warning').map((problem) => formatProblem(problem, 'content'));
    expect(warnings).toEqual([
      expect.stringMatching(/^content\/releases\/web\/1\.1\.0\.md:14 rollback\.reason: contains raw HTML \(<img src=x onerror=/),
      'content/releases/web/1.1.0.md:18 incidents[0].summary: links to "javascript:alert(7)", which is removed from pages and feeds — link to a relative URL or one starting with http:, https:, irc:, ircs:, mailto:, xmpp:',
      expect.stringMatching(/^content\/releases\/web\/1\.1\.0\.md:21 gtm\.notes: contains raw HTML \(<iframe/),
      'content/releases/web/1.1.0.md:24 changes[0].summary: contains raw HTML (<script>alert("changes")</script>), which is removed from pages and feeds — write Markdown instead of HTML (e.g. **bold**, [text](https://…))',
      expect.stringMatching(/^content\/releases\/web\/1\.1\.0\.md:26 changes\[1\]\.summary: contains raw HTML \(<img src=x onerror=alert\(1\)>\)/),
      expect.stringMatching(/^content\/releases\/web\/1\.1\.0\.md:28 changes\[2\]\.summary: contains raw HTML \(<a href="javascript:alert\(2\)"/),
      expect.stringMatching(/^content\/releases\/web\/1\.1\.0\.md:28 changes\[2\]\.summary: links to "javascript:alert\(document\.domain\)"/),
    ]);
  });

  it('does not warn about the example hub', async () => {
    const { problems } = await loadContentRoot(new URL('../../content', import.meta.url).pathname);
    expect(problems.filter((problem) => problem.severity === 'warning')).toEqual([]);
  });
});

// The pipeline of remark-parse + remark-gfm, built here: the renderer must give the same bytes.
const reference = async (source: string) => {
  const { unified } = await import('unified');
  const { default: remarkParse } = await import('remark-parse');
  const { default: remarkGfm } = await import('remark-gfm');
  const { default: remarkRehype } = await import('remark-rehype');
  const { default: rehypeSanitize } = await import('rehype-sanitize');
  const { default: rehypeStringify } = await import('rehype-stringify');
  return String(await unified().use(remarkParse).use(remarkGfm).use(remarkRehype).use(rehypeSanitize).use(rehypeStringify).process(source));
};

describe('parsing (Sätteri, read as remark-parse + remark-gfm read it)', () => {
  it.each([
    'Add **bold**, _emphasis_, `code` and ~~struck~~ text',
    'See https://example.com/a?b=1, www.example.org and <https://example.net>',
    '[a link](https://example.com "Title") and [javascript](javascript:alert(1)) and ![image](x.png)',
    'Raw <b>HTML</b> and <script>alert(1)</script> are dropped',
    '---\ntitle: not front matter\n---',
    '- one\n- two\n  - nested\n\n1. first\n2. second',
    '| a | b |\n|---|:-:|\n| 1 | 2 |',
    'A line  \nwith a hard break\\\nand another',
    '> quoted\n\n```js\nlet x = 1 < 2;\n```',
    '- [x] done\n- [ ] open',
    'Entities &amp; &copy; and "quotes" -- dashes... stay as written',
    'A footnote[^1]\n\n[^1]: The note.',
  ])('%j', async (source) => {
    expect(renderer().block(source, 'api')).toBe(await reference(source));
  });
});

describe('plain sentences (rendered without a Markdown parse)', () => {
  const sentences = [
    'Faster exports for large workspaces',
    'Fixes a crash when the "Save" button is pressed twice (Safari 17).',
    "Don't retry 4xx errors; 5xx errors retry up to 3 times, at 50% less load.",
    'Rate limits: 1000/min per key, + a burst of 20 = fewer 429s!',
    'Änderungen für Zürich — Größe ändert sich',
    '  Surrounding spaces are trimmed  ',
    'Ends with a question?',
  ];
  it.each(sentences)('%j renders exactly as the full pipeline renders it', async (source) => {
    const markdown = renderer();
    const html = await reference(source);
    expect(markdown.block(source, 'web')).toBe(html);
    expect(markdown.inline(source, 'web')).toBe(html.replace(/^<p>|<\/p>$/g, ''));
    expect(markdown.text(source, 'web')).toBe(source.trim());
  });

  it.each([
    ['a reference to a release', 'Fixes the regression of v2.3.0', 'Fixes the regression of <a href="/releases/web/2.3.0/">v2.3.0</a>'],
    ['a URL (GFM autolink)', 'See https://example.com/x now', 'See <a href="https://example.com/x">https://example.com/x</a> now'],
    ['a www. autolink', 'See www.example.com now', 'See <a href="http://www.example.com">www.example.com</a> now'],
    ['a list marker', '- one item', '<ul>\n<li>one item</li>\n</ul>'],
    ['double spaces before a line end', 'Two  spaces', 'Two  spaces'],
  ])('still parses %s', (_what, source, html) => {
    expect(renderer().inline(source, 'web')).toBe(html);
  });
});
