/** GitHub-style alerts and heading anchors, through the same plugins the site's MDX uses. */
import { load } from 'cheerio';
import rehypeStringify from 'rehype-stringify';
import remarkParse from 'remark-parse';
import remarkRehype from 'remark-rehype';
import { unified } from 'unified';
import { describe, expect, it } from 'vitest';
import { markdownPlugins } from '../../src/lib/markdown-plugins/index.ts';

const { remarkPlugins, rehypePlugins } = markdownPlugins();

async function render(markdown: string): Promise<string> {
  const file = await unified()
    .use(remarkParse)
    .use(remarkPlugins as never)
    .use(remarkRehype)
    .use(rehypePlugins as never)
    .use(rehypeStringify)
    .process(markdown);
  return String(file);
}

describe('GitHub-style alerts', () => {
  it.each([
    ['NOTE', 'note', 'Note'],
    ['TIP', 'tip', 'Tip'],
    ['IMPORTANT', 'important', 'Important'],
    ['WARNING', 'warning', 'Warning'],
    ['CAUTION', 'caution', 'Caution'],
  ])('renders > [!%s] as a titled note callout', async (marker, kind, title) => {
    const html = await render(`> [!${marker}]\n> Do not deploy on *Fridays*.`);
    expect(html).toBe(
      `<div class="callout" data-callout="${kind}" role="note">\n<p class="callout-title">${title}</p>\n<p>Do not deploy on <em>Fridays</em>.</p>\n</div>`,
    );
  });

  it('accepts any case and a hard line break after the marker', async () => {
    const html = await render('> [!warning]  \n> Two spaces end the marker line.');
    expect(html).toContain('<div class="callout" data-callout="warning" role="note">');
    expect(html).toContain('<p>Two spaces end the marker line.</p>');
    expect(html).not.toContain('<br>');
  });

  it('keeps every paragraph of the alert and drops a marker-only paragraph', async () => {
    const html = await render('> [!TIP]\n>\n> First.\n>\n> Second.');
    expect(html).toBe('<div class="callout" data-callout="tip" role="note">\n<p class="callout-title">Tip</p>\n<p>First.</p>\n<p>Second.</p>\n</div>');
  });

  it('finds alerts nested in lists', async () => {
    const html = await render('1. Step\n\n   > [!CAUTION]\n   > This deletes data.');
    expect(html).toContain('<div class="callout" data-callout="caution" role="note">');
  });

  it.each([
    ['an ordinary quote', '> Ship it.'],
    ['an unknown kind', '> [!DANGER]\n> Not a GitHub alert.'],
    ['text after the marker on its line', '> [!NOTE] inline text\n> more'],
    ['a marker that is not at the start', '> Read this [!NOTE]'],
  ])('leaves %s as a blockquote', async (_name, markdown) => {
    const html = await render(markdown);
    expect(html).toMatch(/^<blockquote>/);
    expect(html).not.toContain('callout');
  });
});

describe('heading anchors', () => {
  it('puts a named link after every heading, outside it', async () => {
    const html = await render('## Roll back the `web` app\n\ntext\n\n### Check *data*');
    const $ = load(html);
    expect($('div.heading-wrapper')).toHaveLength(2);
    const heading = $('div.heading-wrapper > h2');
    expect(heading.attr('id')).toBe('roll-back-the-web-app');
    expect(heading.text()).toBe('Roll back the web app');
    expect(heading.find('a')).toHaveLength(0);
    const link = heading.next('a');
    expect(link.attr('href')).toBe('#roll-back-the-web-app');
    expect(link.find('[aria-hidden="true"]').text()).toBe('#');
    expect(link.find('.visually-hidden').text()).toBe('Link to section: Roll back the web app');
    expect(link.is('[data-pagefind-ignore]')).toBe(true);
    expect($('h3 + a').attr('href')).toBe('#check-data');
  });
});
