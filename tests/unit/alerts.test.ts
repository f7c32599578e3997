/** GitHub-style alerts and heading anchors, through Astro's Sätteri renderer with the site's plugins. */
import { createSatteriMarkdownProcessor } from '@astrojs/markdown-satteri';
import { load } from 'cheerio';
import { describe, expect, it } from 'vitest';
import { markdownPlugins } from '../../src/markdown/plugins/index.ts';

// The renderer Astro builds for `markdown: { processor: satteri(markdownPlugins()), syntaxHighlight: 'prism' }`.
const renderer = await createSatteriMarkdownProcessor({ ...markdownPlugins(), syntaxHighlight: 'prism' });

async function render(markdown: string): Promise<{ html: string; headings: { depth: number; slug: string; text: string }[] }> {
  const { code, metadata } = await renderer.render(markdown);
  return { html: code.trim(), headings: metadata.headings };
}

async function html(markdown: string): Promise<string> {
  return (await render(markdown)).html;
}

const anchor = (id: string, text: string) =>
  `<a class="heading-anchor" data-pagefind-ignore="" href="#${id}"><span aria-hidden="true">#</span><span class="visually-hidden">Link to section: ${text}</span></a>`;

describe('GitHub-style alerts', () => {
  it.each([
    ['NOTE', 'note', 'Note'],
    ['TIP', 'tip', 'Tip'],
    ['IMPORTANT', 'important', 'Important'],
    ['WARNING', 'warning', 'Warning'],
    ['CAUTION', 'caution', 'Caution'],
  ])('renders > [!%s] as a titled note callout', async (marker, kind, title) => {
    expect(await html(`> [!${marker}]\n> Do not deploy on *Fridays*.`)).toBe(
      `<div class="callout" data-callout="${kind}" role="note">\n<p class="callout-title">${title}</p>\n<p>Do not deploy on <em>Fridays</em>.</p>\n</div>`,
    );
  });

  it.each([
    [
      'any case and a hard line break after the marker',
      '> [!warning]  \n> Two spaces end the marker line.',
      '<div class="callout" data-callout="warning" role="note">\n<p class="callout-title">Warning</p>\n<p>Two spaces end the marker line.</p>\n</div>',
    ],
    [
      'a backslash hard break after the marker',
      '> [!Note]\\\n> Text.',
      '<div class="callout" data-callout="note" role="note">\n<p class="callout-title">Note</p>\n<p>Text.</p>\n</div>',
    ],
    [
      'spaces after the marker',
      '> [!TIP] \t\n> Text.',
      '<div class="callout" data-callout="tip" role="note">\n<p class="callout-title">Tip</p>\n<p>Text.</p>\n</div>',
    ],
    [
      'a marker-only paragraph, dropped, and every later paragraph',
      '> [!TIP]\n>\n> First.\n>\n> Second.',
      '<div class="callout" data-callout="tip" role="note">\n<p class="callout-title">Tip</p>\n<p>First.</p>\n<p>Second.</p>\n</div>',
    ],
    [
      'inline markup right after the marker line',
      '> [!IMPORTANT]\n> **Bold** start.',
      '<div class="callout" data-callout="important" role="note">\n<p class="callout-title">Important</p>\n<p><strong>Bold</strong> start.</p>\n</div>',
    ],
    [
      'a list inside the alert',
      '> [!CAUTION]\n> - one\n> - two',
      '<div class="callout" data-callout="caution" role="note">\n<p class="callout-title">Caution</p>\n<ul>\n<li>one</li>\n<li>two</li>\n</ul>\n</div>',
    ],
    [
      'an alert nested in a list',
      '1. Step\n\n   > [!CAUTION]\n   > This deletes data.',
      '<ol>\n<li>\n<p>Step</p>\n<div class="callout" data-callout="caution" role="note">\n<p class="callout-title">Caution</p>\n<p>This deletes data.</p>\n</div>\n</li>\n</ol>',
    ],
    [
      'an alert nested in a plain blockquote',
      '> Quote.\n>\n> > [!NOTE]\n> > Inner.',
      '<blockquote>\n<p>Quote.</p>\n<div class="callout" data-callout="note" role="note">\n<p class="callout-title">Note</p>\n<p>Inner.</p>\n</div>\n</blockquote>',
    ],
    [
      'an alert nested in an alert',
      '> [!WARNING]\n> Outer.\n>\n> > [!TIP]\n> > Inner.',
      '<div class="callout" data-callout="warning" role="note">\n<p class="callout-title">Warning</p>\n<p>Outer.</p>\n<div class="callout" data-callout="tip" role="note">\n<p class="callout-title">Tip</p>\n<p>Inner.</p>\n</div>\n</div>',
    ],
  ])('accepts %s', async (_name, markdown, expected) => {
    expect(await html(markdown)).toBe(expected);
  });

  it.each([
    ['an ordinary quote', '> Ship it.'],
    ['an unknown kind', '> [!DANGER]\n> Not a GitHub alert.'],
    ['text after the marker on its line', '> [!NOTE] inline text\n> more'],
    ['a marker that is not at the start', '> Read this [!NOTE]'],
    ['a quote that starts with a list', '> - [!NOTE]\n> - item'],
  ])('leaves %s as a blockquote', async (_name, markdown) => {
    const rendered = await html(markdown);
    expect(rendered).toMatch(/^<blockquote>/);
    expect(rendered).not.toContain('callout');
  });
});

describe('heading anchors', () => {
  it.each([
    ['a plain heading', '## Deploy', `<div class="heading-wrapper"><h2 id="deploy">Deploy</h2>${anchor('deploy', 'Deploy')}</div>`],
    [
      'inline markup, left out of the link name',
      '### Roll back the `web` *app*',
      `<div class="heading-wrapper"><h3 id="roll-back-the-web-app">Roll back the <code>web</code> <em>app</em></h3>${anchor('roll-back-the-web-app', 'Roll back the web app')}</div>`,
    ],
    ['smart quotes', `#### Don't "wait"`, `<div class="heading-wrapper"><h4 id="dont-wait">Don’t “wait”</h4>${anchor('dont-wait', 'Don’t “wait”')}</div>`],
    [
      'a heading inside an alert',
      '> [!NOTE]\n> # Inside',
      `<div class="callout" data-callout="note" role="note">\n<p class="callout-title">Note</p>\n<div class="heading-wrapper"><h1 id="inside">Inside</h1>${anchor('inside', 'Inside')}</div>\n</div>`,
    ],
  ])('links %s', async (_name, markdown, expected) => {
    expect(await html(markdown)).toBe(expected);
  });

  it('gives repeated headings distinct ids, the same in the anchors and in the headings Astro returns', async () => {
    const { html: rendered, headings } = await render('## Check\n\ntext\n\n### Check\n\n## Step *two*');
    expect(headings).toEqual([
      { depth: 2, slug: 'check', text: 'Check' },
      { depth: 3, slug: 'check-1', text: 'Check' },
      { depth: 2, slug: 'step-two', text: 'Step two' },
    ]);
    const $ = load(rendered);
    expect(
      $('div.heading-wrapper > :header')
        .map((_, heading) => $(heading).attr('id'))
        .get(),
    ).toEqual(['check', 'check-1', 'step-two']);
    expect(
      $('div.heading-wrapper > a.heading-anchor')
        .map((_, link) => $(link).attr('href'))
        .get(),
    ).toEqual(['#check', '#check-1', '#step-two']);
    expect($('div.heading-wrapper > :header a')).toHaveLength(0);
  });
});

describe('code blocks', () => {
  it('keeps Prism highlighting by class, with no inline style', async () => {
    const rendered = await html('```sh\nnpm run build # go\n```');
    expect(rendered).toMatch(/^<pre class="language-sh" data-language="sh"><code class="language-sh">/);
    expect(rendered).toContain('<span class="token comment"># go</span>');
    expect(rendered).not.toContain('style=');
  });
});
