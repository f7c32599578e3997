/**
 * A team's own announcement texts (`templates/announce/<kind>.yaml`, issue 21): placeholders filled
 * in as plain text, the greeting, closing, title and sign-off in every format, and markup in a
 * template escaped like any other text. Loading errors are in content-errors.test.ts
 * (`announce-template-bad`). Values are worked out by hand from the hub below (zone Europe/Berlin).
 */
import { describe, expect, it } from 'vitest';
import { announcementLinks, buildAnnouncement, type Announcement } from '../../src/announce/announcement.ts';
import { announcementEmailHtml, announcementPlainText } from '../../src/announce/email.ts';
import { announcementMarkdown } from '../../src/announce/markdown.ts';
import { announcementSlack } from '../../src/announce/slack.ts';
import { announcementTeams } from '../../src/announce/teams.ts';
import { filledTemplate } from '../../src/announce/template.ts';
import type { Hub } from '../../src/core/model.ts';
import { makeHub, makeRelease, windowOf } from './helpers/hub-factory.ts';

const release = makeRelease({
  version: '1.1.0',
  title: 'Smarter exports',
  status: 'scheduled',
  audience: 'public',
  window: windowOf('2026-12-01T02:00', '2026-12-01T04:00'),
  changes: [{ type: 'added', summary: 'CSV export', breaking: false, audience: 'public' }],
});
const links = announcementLinks('https://releases.acme.example');
const VALUES = { product: 'Acme Web', version: '1.1.0', title: 'Smarter exports', hub: 'Acme Release Hub', status: 'Scheduled', date: 'Tue 1 Dec 2026' };

function announced(templates: Hub['announceTemplates'], kind: 'customer' | 'internal' | 'exec' = 'customer'): Announcement {
  return buildAnnouncement(makeHub({ releases: [release], ...(templates ? { announceTemplates: templates } : {}) }), release, kind, links)!;
}

describe('filling in a template', () => {
  it.each([
    { text: '{product} {version} is here', filled: 'Acme Web 1.1.0 is here' },
    { text: '{title} — {status} for {date}', filled: 'Smarter exports — Scheduled for Tue 1 Dec 2026' },
    { text: 'The {hub} team', filled: 'The Acme Release Hub team' },
    { text: 'Hi {product}{product}', filled: 'Hi Acme WebAcme Web' },
    // A placeholder's value is text, never read again as a placeholder or as markup.
    { text: '{title}', values: { ...VALUES, title: '{product} <b>' }, filled: '{product} <b>' },
    // An empty value leaves no double space behind.
    { text: 'Release {version} {title} today', values: { ...VALUES, title: '' }, filled: 'Release 1.1.0 today' },
  ])('"$text" → "$filled"', ({ text, values, filled }) => {
    expect(filledTemplate(text, values ?? VALUES)).toBe(filled);
  });

  it('says "a date to be set" for a release without a window or deployment', () => {
    const undated = makeRelease({ version: '2.0.0', audience: 'public', changes: [] });
    const hub = makeHub({ releases: [undated], announceTemplates: { internal: { greeting: 'Coming {date}.' } } });
    expect(buildAnnouncement(hub, undated, 'internal', links)!.greeting).toBe('Coming a date to be set.');
  });
});

describe('a template in each format', () => {
  const templated = announced({
    customer: {
      title: '{product} {version} is here',
      greeting: 'Hello from the {hub} team,',
      closing: 'Questions? Reply to this email.',
      footer: 'The Acme team',
    },
  });

  it('changes only the kind it is written for, and nothing without a template', () => {
    const plain = announced(undefined);
    expect([plain.title, plain.greeting, plain.closing, plain.footer]).toEqual(['Acme Web 1.1.0: Smarter exports', undefined, undefined, 'Acme Release Hub']);
    const internal = announced({ customer: { greeting: 'Hello' } }, 'internal');
    expect([internal.greeting, internal.footer]).toEqual([undefined, 'Acme Release Hub']);
    expect([templated.title, templated.greeting, templated.closing, templated.footer]).toEqual([
      'Acme Web 1.1.0 is here',
      'Hello from the Acme Release Hub team,',
      'Questions? Reply to this email.',
      'The Acme team',
    ]);
  });

  it('Markdown: the greeting after the heading, the closing before the links, the sign-off last', () => {
    expect(announcementMarkdown(templated)).toBe(
      [
        '# Acme Web 1.1.0 is here',
        '',
        'Hello from the Acme Release Hub team,',
        '',
        '- **Status:** Scheduled',
        '- **Planned for:** Tue 1 Dec 2026',
        '',
        '## Added',
        '',
        '- CSV export',
        '',
        'Questions? Reply to this email.',
        '',
        '[Release notes](<https://releases.acme.example/releases/web/1.1.0/>) · [Changelog](<https://releases.acme.example/changelog/web/>)',
        '',
        '— The Acme team',
        '',
      ].join('\n'),
    );
  });

  it('email: paragraphs in the HTML and lines in the text part, in the same places', () => {
    const html = announcementEmailHtml(templated);
    expect(html).toContain('<title>Acme Web 1.1.0 is here</title>');
    expect(html.indexOf('>Hello from the Acme Release Hub team,</p>')).toBeGreaterThan(html.indexOf('</h1>'));
    expect(html.indexOf('>Questions? Reply to this email.</p>')).toBeGreaterThan(html.indexOf('>CSV export</li>'));
    expect(html.indexOf('>Questions? Reply to this email.</p>')).toBeLessThan(html.indexOf('>Release notes</a>'));
    expect(html).toContain('>The Acme team</p>');
    const text = announcementPlainText(templated).split('\n');
    expect(text.slice(0, 4)).toEqual(['Acme Web 1.1.0 is here', '======================', '', 'Hello from the Acme Release Hub team,']);
    expect(text.slice(-7)).toEqual([
      'Questions? Reply to this email.',
      '',
      'Release notes: https://releases.acme.example/releases/web/1.1.0/',
      'Changelog: https://releases.acme.example/changelog/web/',
      '',
      '-- The Acme team',
      '',
    ]);
  });

  it('Slack: a section after the header and one before the buttons; Teams: text blocks in the same places', () => {
    const slack = announcementSlack(templated);
    expect(slack.text).toBe('Acme Web 1.1.0 is here');
    expect(slack.blocks.map((block) => block.type)).toEqual(['header', 'section', 'section', 'divider', 'section', 'section', 'actions', 'context']);
    expect(slack.blocks[1]).toEqual({ type: 'section', text: { type: 'mrkdwn', text: 'Hello from the Acme Release Hub team,' } });
    expect(slack.blocks[5]).toEqual({ type: 'section', text: { type: 'mrkdwn', text: 'Questions? Reply to this email.' } });
    expect(slack.blocks[7]).toEqual({ type: 'context', elements: [{ type: 'mrkdwn', text: 'The Acme team' }] });
    const body = announcementTeams(templated).attachments[0]!.content.body;
    const texts = body.flatMap((element) => (element.type === 'TextBlock' ? [element.text] : []));
    expect(texts).toEqual([
      'Acme Web 1.1.0 is here',
      'Hello from the Acme Release Hub team,',
      'Added',
      '- CSV export',
      'Questions? Reply to this email.',
      'The Acme team',
    ]);
  });
});

describe('markup in a template is text in every format', () => {
  const hostile = announced({ customer: { greeting: '<b>Hi</b> *all* <!here> [x](https://evil.example) & {product}' } });

  it.each([
    {
      format: 'Markdown',
      render: () => announcementMarkdown(hostile).split('\n')[2],
      expected: '\\<b\\>Hi\\</b\\> \\*all\\* \\<\\!here\\> \\[x\\](https://evil.example) & Acme Web',
    },
    {
      format: 'email HTML',
      render: () => /<p [^>]*>(&lt;b.*?)<\/p>/.exec(announcementEmailHtml(hostile))?.[1],
      expected: '&lt;b&gt;Hi&lt;/b&gt; *all* &lt;!here&gt; [x](https://evil.example) &amp; Acme Web',
    },
    {
      format: 'Slack',
      render: () => (announcementSlack(hostile).blocks[1] as { text: { text: string } }).text.text,
      expected: '&lt;b&gt;Hi&lt;/b&gt; *all* &lt;!here&gt; [x](https://evil.example) &amp; Acme Web',
    },
  ])('$format', ({ render, expected }) => {
    expect(render()).toBe(expected);
  });
});
