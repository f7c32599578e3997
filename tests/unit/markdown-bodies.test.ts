/** Plain-Markdown release bodies rendered before the bundle: the content Astro renders, the same HTML and headings, and what stays a module. */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { satteri } from '@astrojs/markdown-satteri';
import type { AstroConfig } from 'astro';
import { describe, expect, it } from 'vitest';
import { markdownContent, renderMarkdownBodies } from '../../src/integration/markdown-bodies.ts';
import { markdownPlugins } from '../../src/markdown/plugins/index.ts';

describe('the content of a body file, as Astro renders a .md module', () => {
  it.each([
    ['no front matter: unchanged', '# Notes\n\nText.\n', '# Notes\n\nText.\n'],
    [
      'YAML front matter: blanked, every line kept',
      '---\nversion: 1.0.0\nproduct: web\n---\n# Notes\n',
      `   \n${' '.repeat(14)}\n${' '.repeat(12)}\n   \n# Notes\n`,
    ],
    ['a byte-order mark before it stays', '\uFEFF---\na: 1\n---\nBody', `\uFEFF   \n    \n   \nBody`],
    ['TOML front matter (+++) as well', '+++\na = 1\n+++\nBody', `   \n     \n   \nBody`],
    ['a later --- line is Markdown, not front matter', '---\na: 1\n---\nOne\n\n---\n\nTwo', `   \n    \n   \nOne\n\n---\n\nTwo`],
    ['CRLF line ends are kept', '---\r\na: 1\r\n---\r\nBody', '   \r\n    \r\n   \r\nBody'],
  ])('%s', (_name, file, content) => {
    expect(markdownContent(file)).toBe(content);
    expect(markdownContent(file).split('\n')).toHaveLength(file.split('\n').length);
  });
});

describe('rendering the .md bodies of a build', () => {
  // The Markdown settings the integration gives Astro (src/integration/astro-config.ts).
  const markdown = { processor: satteri(markdownPlugins()), syntaxHighlight: 'prism', gfm: true, smartypants: true } as unknown as AstroConfig['markdown'];
  const image = {} as AstroConfig['image'];
  const folder = mkdtempSync(path.join(tmpdir(), 'release-hub-bodies-'));
  const write = (name: string, text: string) => {
    const file = path.join(folder, name);
    writeFileSync(file, text);
    return file;
  };
  const bodies = new Map([
    ['web/1.0.0', write('1.0.0.md', '---\nversion: 1.0.0\n---\n## Upgrade notes\n\n> [!NOTE]\n> Sign in again.\n')],
    ['web/1.1.0', write('1.1.0.md', '---\nversion: 1.1.0\n---\nSee the diagram:\n\n![Flow](./flow.png)\n')],
    ['web/1.2.0', write('1.2.0.md', '---\nversion: 1.2.0\n---\n![Remote](https://cdn.example/flow.png)\n')],
    ['web/2.0.0', write('2.0.0.mdx', '---\nversion: 2.0.0\n---\n## Breaking\n')],
  ]);

  it('gives the HTML and headings of a body without images, and leaves every other body to its module', async () => {
    const { rendered, modules } = await renderMarkdownBodies(markdown, image, bodies);
    expect([...rendered.keys()]).toEqual(['web/1.0.0', 'web/1.2.0']);
    expect(rendered.get('web/1.0.0')).toEqual({
      html:
        '<div class="heading-wrapper"><h2 id="upgrade-notes">Upgrade notes</h2><a class="heading-anchor" data-pagefind-ignore="" href="#upgrade-notes"><span aria-hidden="true">#</span><span class="visually-hidden">Link to section: Upgrade notes</span></a></div>\n' +
        '<div class="callout" data-callout="note" role="note">\n<p class="callout-title">Note</p>\n<p>Sign in again.</p>\n</div>',
      headings: [{ depth: 2, slug: 'upgrade-notes', text: 'Upgrade notes' }],
    });
    // An image from a host Astro is not told to optimise stays a plain <img>, as in the module.
    expect(rendered.get('web/1.2.0')?.html).toBe('<p><img src="https://cdn.example/flow.png" alt="Remote"></p>');
    // A local image goes through astro:assets, which only the module does; MDX may import components.
    expect([...modules.keys()].sort()).toEqual(['web/1.1.0', 'web/2.0.0']);
    expect(modules.get('web/2.0.0')).toBe(bodies.get('web/2.0.0'));
  });

  it('leaves a remote image of a host Astro optimises (image.domains) to its module', async () => {
    const { rendered, modules } = await renderMarkdownBodies(markdown, { domains: ['cdn.example'] } as AstroConfig['image'], bodies);
    expect([...rendered.keys()]).toEqual(['web/1.0.0']);
    expect([...modules.keys()].sort()).toEqual(['web/1.1.0', 'web/1.2.0', 'web/2.0.0']);
  });

  it('renders nothing and asks for no renderer when there is no .md body', async () => {
    const noRenderer = { processor: { createRenderer: () => Promise.reject(new Error('not asked for')) } } as unknown as AstroConfig['markdown'];
    const { rendered, modules } = await renderMarkdownBodies(noRenderer, image, new Map([['web/2.0.0', bodies.get('web/2.0.0')!]]));
    expect(rendered.size).toBe(0);
    expect([...modules.keys()]).toEqual(['web/2.0.0']);
  });
});
