/**
 * Announcement drafts (issue 21): what each audience is told, the build's bounded scope, the
 * escaping of user text in every format, Block Kit's limits, and links with the base path.
 * Expected values are worked out by hand from the hub below (hub zone Europe/Berlin).
 */
import { Temporal } from 'temporal-polyfill';
import { describe, expect, it } from 'vitest';
import { announcementKindsFor, announcementLinks, buildAnnouncement, type Announcement } from '../../src/announce/announcement.ts';
import type { AnnouncementKind } from '../../src/schemas/vocabulary.ts';
import { draftFiles, draftsHref, draftsPages, releasesToAnnounce, renderAnnouncement } from '../../src/announce/drafts.ts';
import { announcementEml, announcementEmailHtml, announcementPlainText } from '../../src/announce/email.ts';
import { clip, escapeMarkdown, escapeMrkdwn, joinClipped } from '../../src/announce/escape.ts';
import { announcementMarkdown } from '../../src/announce/markdown.ts';
import { announcementSlack, SLACK_LIMITS } from '../../src/announce/slack.ts';
import { announcementTeams } from '../../src/announce/teams.ts';
import type { Release, Runbook } from '../../src/core/model.ts';
import { at, makeHub, makeRelease, windowOf } from './helpers/hub-factory.ts';

const runbook = (id: string, title: string, kind: Runbook['kind']): Runbook => ({ id, title, kind, products: ['web'], source: { file: `runbooks/${id}.md` } });

const scheduled = makeRelease({
  version: '1.1.0',
  title: 'Smarter exports',
  summary: 'Faster **exports** & 2 < 3 fixes',
  status: 'scheduled',
  audience: 'public',
  risk: 'high',
  window: windowOf('2026-12-01T02:00', '2026-12-01T04:00'),
  owner: 'alice',
  runbooks: ['deploy-web', 'rollback-web'],
  changes: [
    { type: 'added', summary: 'CSV export keeps **column order**', breaking: true, audience: 'public' },
    { type: 'changed', summary: 'Export queue moves to the new cluster', breaking: false, audience: 'internal' },
    { type: 'fixed', summary: 'Sorting by `date` & *time* works', breaking: false, audience: 'public' },
  ],
});
const rolledBack = makeRelease({
  version: '1.0.1',
  status: 'rolled-back',
  window: windowOf('2026-11-20T02:00', '2026-11-20T04:00'),
  deployment: { startedAt: at('2026-11-20T02:05'), finishedAt: at('2026-11-20T02:30') },
  owner: 'bob',
  runbooks: ['deploy-web'],
  rollback: { runbook: 'rollback-web', at: at('2026-11-20T03:00'), reason: 'Login loop on *Safari*' },
  incidents: [{ id: 'INC-7', startedAt: at('2026-11-20T02:40'), resolvedAt: at('2026-11-20T03:10'), severity: 'sev2', summary: 'Logins failed' }],
  changes: [{ type: 'fixed', summary: 'Session cookie renewal', breaking: false, audience: 'internal' }],
});
const planned = makeRelease({ product: 'api', version: '0.1.0', status: 'planned' });
const shippedLongAgo = makeRelease({
  version: '1.0.0',
  status: 'released',
  audience: 'public',
  window: windowOf('2026-03-10T02:00', '2026-03-10T04:00'),
  deployment: { finishedAt: at('2026-03-10T02:41') },
});
const shippedInScope = makeRelease({
  product: 'api',
  version: '0.0.9',
  status: 'released',
  deployment: { finishedAt: at('2026-08-28T12:00') },
});
const hub = makeHub({
  releases: [shippedLongAgo, rolledBack, scheduled, planned, shippedInScope],
  people: [
    { id: 'alice', name: 'Alice Adams', role: 'Release Manager', email: 'alice@acme.example' },
    { id: 'bob', name: 'Bob Brown', role: 'Engineer' },
  ],
  runbooks: [runbook('deploy-web', 'Deploy the web app', 'deploy'), runbook('rollback-web', 'Roll back the web app', 'rollback')],
});
const links = announcementLinks(hub.config.url);
const announce = (release: Release, kind: AnnouncementKind) => buildAnnouncement(hub, release, kind, links)!;
/** Each section as `Heading: lead: text <url>` lines, for comparing with hand-written expectations. */
const outline = (announcement: Announcement) =>
  announcement.sections.map((section) => [
    section.heading,
    ...section.items.map((item) => `${item.lead ? `${item.lead}: ` : ''}${item.body.text}${item.url ? ` <${item.url}>` : ''}`),
  ]);

describe('announcements', () => {
  it('tells customers only the public changes of a public release, and where to read more', () => {
    const customer = announce(scheduled, 'customer');
    expect(customer.title).toBe('Acme Web 1.1.0: Smarter exports');
    expect(customer.intro).toEqual({ text: 'Faster exports & 2 < 3 fixes', html: 'Faster <strong>exports</strong> &#x26; 2 &#x3C; 3 fixes' });
    expect(customer.facts).toEqual([
      { label: 'Status', value: 'Scheduled' },
      { label: 'Planned for', value: 'Tue 1 Dec 2026' },
    ]);
    expect(outline(customer)).toEqual([
      ['Added', 'Breaking: CSV export keeps column order'],
      ['Fixed', 'Sorting by date & time works'],
    ]);
    expect(customer.links).toEqual([
      { label: 'Release notes', url: 'https://releases.acme.example/releases/web/1.1.0/' },
      { label: 'Changelog', url: 'https://releases.acme.example/changelog/web/' },
    ]);
    // Nothing internal: no owner, risk, runbook, internal change.
    expect(JSON.stringify(customer)).not.toMatch(/Alice|alice@|High|Roll back|Export queue/);
  });

  it('tells stakeholders the status, window, owner, risk, every change and the rollback plan', () => {
    const internal = announce(scheduled, 'internal');
    expect(internal.facts).toEqual([
      { label: 'Status', value: 'Scheduled' },
      { label: 'Window', value: 'Tue 1 Dec 2026, 02:00–04:00 (Europe/Berlin)' },
      { label: 'Owner', value: 'Alice Adams <alice@acme.example>' },
      { label: 'Risk', value: 'High' },
      { label: 'Audience', value: 'Public' },
    ]);
    expect(outline(internal)).toEqual([
      ['Added', 'Breaking: CSV export keeps column order'],
      ['Changed', 'Internal: Export queue moves to the new cluster'],
      ['Fixed', 'Sorting by date & time works'],
      ['Rollback plan', 'Roll back the web app <https://releases.acme.example/runbooks/rollback-web/>'],
    ]);
  });

  it('after a rollback: when it shipped, why it was rolled back, its incidents; no rollback runbook linked is said so', () => {
    const internal = announce(rolledBack, 'internal');
    expect(internal.title).toBe('Acme Web 1.0.1');
    expect(internal.facts).toEqual([
      { label: 'Status', value: 'Rolled back' },
      { label: 'Window', value: 'Fri 20 Nov 2026, 02:00–04:00 (Europe/Berlin)' },
      { label: 'Deployed', value: 'Fri 20 Nov 2026, 02:30 (Europe/Berlin)' },
      { label: 'Owner', value: 'Bob Brown' },
      { label: 'Risk', value: 'Not assessed' },
      { label: 'Audience', value: 'Internal' },
    ]);
    expect(outline(internal)).toEqual([
      ['Fixed', 'Session cookie renewal'],
      ['Rolled back', 'Login loop on Safari'],
      ['Incidents', 'INC-7 · sev2: Logins failed'],
      ['Rollback plan', 'No rollback runbook is linked to this release: add one to its runbooks.'],
    ]);
  });

  it('names the release trains a release ships in: all of them internally, public ones to customers', () => {
    const train = (id: string, title: string, audience: 'public' | 'internal') => ({
      id,
      title,
      audience,
      timezone: 'Europe/Berlin',
      window: windowOf('2026-11-30T00:00', '2026-12-05T00:00'),
      members: ['web/1.1.0'],
      source: { file: `trains/${id}.yaml` },
    });
    const withTrains = { ...hub, trains: [train('launch', 'December launch', 'public'), train('ops', 'Ops week', 'internal')] };
    const fact = (kind: AnnouncementKind) =>
      buildAnnouncement(withTrains, scheduled, kind, links)!.facts.find((candidate) => candidate.label === 'Release train');
    expect(fact('internal')).toEqual({ label: 'Release train', value: 'December launch, Ops week' });
    expect(fact('customer')).toEqual({ label: 'Release train', value: 'December launch' });
  });

  it('sums a release up for executives in a few facts', () => {
    const exec = announce(scheduled, 'exec');
    expect(exec.title).toBe('Acme Web 1.1.0: Smarter exports — Scheduled');
    expect(exec.facts).toEqual([
      { label: 'Status', value: 'Scheduled' },
      { label: 'Planned for', value: 'Tue 1 Dec 2026, 02:00 (Europe/Berlin)' },
      { label: 'Risk', value: 'High' },
      { label: 'Owner', value: 'Alice Adams <alice@acme.example>' },
      { label: 'Scope', value: '3 changes, 1 breaking' },
    ]);
    expect(exec.sections).toEqual([]);
    expect(announce(rolledBack, 'exec').facts.slice(-2)).toEqual([
      { label: 'Scope', value: '1 change' },
      { label: 'Incidents', value: '1' },
    ]);
  });

  it.each([
    { release: scheduled, kinds: ['customer', 'internal', 'exec'] },
    { release: rolledBack, kinds: ['internal', 'exec'] },
    { release: planned, kinds: ['internal', 'exec'] },
  ])('$release.id has the announcements $kinds', ({ release, kinds }) => {
    expect(announcementKindsFor(release)).toEqual(kinds);
    expect(buildAnnouncement(hub, release, 'customer', links) === undefined).toBe(!kinds.includes('customer'));
  });

  it('drafts in the build only what is not released yet or released in the last 90 days, newest first', () => {
    // now − 90 days = 2026-08-28T09:00Z: api 0.0.9 (12:00 Berlin = 10:00Z) is just inside, web 1.0.0 (March) is out.
    const now = Temporal.Instant.from('2026-11-26T09:00Z');
    expect(releasesToAnnounce(hub, now).map((release) => release.id)).toEqual(['api/0.1.0', 'web/1.1.0', 'web/1.0.1', 'api/0.0.9']);
    expect(releasesToAnnounce(hub, Temporal.Instant.from('2026-11-27T09:00Z')).map((release) => release.id)).toEqual(['api/0.1.0', 'web/1.1.0', 'web/1.0.1']);
  });

  it('lists the drafts 20 releases a page, and links a release page to the page that lists it', () => {
    // 45 planned releases, undated: newest first is the highest version first (web 1.44.0 … 1.0.0).
    const many = makeHub({ releases: Array.from({ length: 45 }, (_, index) => makeRelease({ version: `1.${index}.0`, status: 'planned' })) });
    const now = Temporal.Instant.from('2026-11-26T09:00Z');
    const pages = draftsPages(many, now);
    expect(pages.map((page) => [page.param, page.items.length, page.items[0]!.release.version])).toEqual([
      [undefined, 20, '1.44.0'],
      ['page/2', 20, '1.24.0'],
      ['page/3', 5, '1.4.0'],
    ]);
    expect(pages[0]!.items[0]!.kinds.map((kind) => [kind.kind, kind.files.map((file) => `${file.href}${file.copyable ? '' : ' (no copy)'}`)])).toEqual([
      [
        'internal',
        [
          '/announce/web/1.44.0/internal.md',
          '/announce/web/1.44.0/internal.txt',
          '/announce/web/1.44.0/internal.eml (no copy)',
          '/announce/web/1.44.0/internal.slack.json',
          '/announce/web/1.44.0/internal.teams.json',
        ],
      ],
      [
        'exec',
        [
          '/announce/web/1.44.0/exec.md',
          '/announce/web/1.44.0/exec.txt',
          '/announce/web/1.44.0/exec.eml (no copy)',
          '/announce/web/1.44.0/exec.slack.json',
          '/announce/web/1.44.0/exec.teams.json',
        ],
      ],
    ]);
    const release = (version: string) => many.releases.find((candidate) => candidate.version === version)!;
    expect(draftsHref(many, now, release('1.44.0'))).toBe('/announce/#drafts-web-1-44-0');
    expect(draftsHref(many, now, release('1.24.0'))).toBe('/announce/page/2/#drafts-web-1-24-0');
    expect(draftsHref(hub, now, shippedLongAgo)).toBeUndefined();
  });

  it('writes 5 files per announcement: 15 for a public release, 10 for an internal one', () => {
    expect(draftFiles(hub, scheduled, links).map((file) => file.name)).toEqual([
      'customer.md',
      'customer.txt',
      'customer.eml',
      'customer.slack.json',
      'customer.teams.json',
      'internal.md',
      'internal.txt',
      'internal.eml',
      'internal.slack.json',
      'internal.teams.json',
      'exec.md',
      'exec.txt',
      'exec.eml',
      'exec.slack.json',
      'exec.teams.json',
    ]);
    expect(draftFiles(hub, planned, links)).toHaveLength(10);
  });

  it('links under the base path, in a build (hrefs carry it) and from the command (it is added)', () => {
    const fromCommand = announcementLinks('https://acme.github.io/releases', '/releases/');
    expect(fromCommand.absolute('/releases/web/1.1.0/')).toBe('https://acme.github.io/releases/releases/web/1.1.0/');
    expect(announcementLinks('https://acme.github.io/releases').absolute('/releases/releases/web/1.1.0/')).toBe(
      'https://acme.github.io/releases/releases/web/1.1.0/',
    );
    expect(buildAnnouncement(hub, scheduled, 'internal', announcementLinks('https://acme.github.io/hub/', 'hub'))!.links[0]!.url).toBe(
      'https://acme.github.io/hub/releases/web/1.1.0/',
    );
  });
});

describe('the formats', () => {
  const customer = announce(scheduled, 'customer');
  const internal = announce(scheduled, 'internal');

  it('Markdown: headings, facts, grouped changes and links; user text escaped', () => {
    expect(announcementMarkdown(customer)).toBe(
      [
        '# Acme Web 1.1.0: Smarter exports',
        '',
        'Faster exports & 2 \\< 3 fixes',
        '',
        '- **Status:** Scheduled',
        '- **Planned for:** Tue 1 Dec 2026',
        '',
        '## Added',
        '',
        '- **Breaking:** CSV export keeps column order',
        '',
        '## Fixed',
        '',
        '- Sorting by date & time works',
        '',
        '[Release notes](<https://releases.acme.example/releases/web/1.1.0/>) · [Changelog](<https://releases.acme.example/changelog/web/>)',
        '',
        '— Acme Release Hub',
        '',
      ].join('\n'),
    );
  });

  it('plain text: the email text part, links written out', () => {
    expect(announcementPlainText(internal)).toContain(
      'Rollback plan\n-------------\n* Roll back the web app <https://releases.acme.example/runbooks/rollback-web/>\n\nRelease page: https://releases.acme.example/releases/web/1.1.0/\n\n-- Acme Release Hub\n',
    );
  });

  it('email HTML: inline styles only, no external asset, the safe HTML of user Markdown', () => {
    const html = announcementEmailHtml(customer);
    expect(html).toMatch(/^<!DOCTYPE html>\n<html lang="en">/);
    expect(html).toContain('<div style="margin:0 0 12px">Faster <strong>exports</strong> &#x26; 2 &#x3C; 3 fixes</div>');
    expect(html).not.toMatch(/<style|<link|<img|<script|src=/);
    expect(html).toContain('<a href="https://releases.acme.example/changelog/web/" style=');
  });

  it('eml: one MIME message, the text part then the HTML part, the subject as UTF-8 words', () => {
    const eml = announcementEml(customer);
    const [head, ...rest] = eml.split('\r\n\r\n');
    expect(head).toBe(
      [
        'MIME-Version: 1.0',
        'Subject: =?UTF-8?B?QWNtZSBXZWIgMS4xLjA6IFNtYXJ0ZXIgZXhwb3J0cw==?=',
        'X-Unsent: 1',
        'Content-Type: multipart/alternative; boundary="release-hub-announcement"',
      ].join('\r\n'),
    );
    const parts = rest.join('\r\n\r\n').split('--release-hub-announcement');
    expect(parts).toHaveLength(4);
    const decoded = parts.slice(1, 3).map((part) => {
      const [headers, body] = part.split('\r\n\r\n');
      return { headers: headers!.trim(), body: Buffer.from(body!.replace(/\r\n/g, ''), 'base64').toString('utf8') };
    });
    expect(decoded).toEqual([
      { headers: 'Content-Type: text/plain; charset=utf-8\r\nContent-Transfer-Encoding: base64', body: announcementPlainText(customer) },
      { headers: 'Content-Type: text/html; charset=utf-8\r\nContent-Transfer-Encoding: base64', body: announcementEmailHtml(customer) },
    ]);
    expect(eml.split('\r\n').every((line) => line.length <= 78)).toBe(true);
    expect(eml.endsWith('--release-hub-announcement--\r\n')).toBe(true);
  });

  it('Slack: a header, the facts as fields, a section per group, buttons, the hub as context', () => {
    const message = announcementSlack(internal);
    expect(message.text).toBe('Acme Web 1.1.0: Smarter exports');
    expect(message.blocks.map((block) => block.type)).toEqual([
      'header',
      'section',
      'section',
      'divider',
      'section',
      'section',
      'section',
      'section',
      'actions',
      'context',
    ]);
    expect(message.blocks[2]).toEqual({
      type: 'section',
      fields: [
        { type: 'mrkdwn', text: '*Status*\nScheduled' },
        { type: 'mrkdwn', text: '*Window*\nTue 1 Dec 2026, 02:00–04:00 (Europe/Berlin)' },
        { type: 'mrkdwn', text: '*Owner*\nAlice Adams &lt;alice@acme.example&gt;' },
        { type: 'mrkdwn', text: '*Risk*\nHigh' },
        { type: 'mrkdwn', text: '*Audience*\nPublic' },
      ],
    });
    expect(message.blocks[1]).toEqual({ type: 'section', text: { type: 'mrkdwn', text: 'Faster exports &amp; 2 &lt; 3 fixes' } });
    expect(message.blocks[7]).toEqual({
      type: 'section',
      text: { type: 'mrkdwn', text: '*Rollback plan*\n• <https://releases.acme.example/runbooks/rollback-web/|Roll back the web app>' },
    });
  });

  it('Teams: a message with one Adaptive Card 1.5 attachment', () => {
    const message = announcementTeams(customer);
    expect(message.type).toBe('message');
    expect(message.attachments).toHaveLength(1);
    const [attachment] = message.attachments;
    expect(attachment!.contentType).toBe('application/vnd.microsoft.card.adaptive');
    expect(attachment!.content.version).toBe('1.5');
    expect(attachment!.content.body.slice(0, 3)).toEqual([
      { type: 'TextBlock', text: 'Acme Web 1.1.0: Smarter exports', wrap: true, size: 'Large', weight: 'Bolder' },
      { type: 'TextBlock', text: 'Faster exports & 2 \\< 3 fixes', wrap: true },
      {
        type: 'FactSet',
        facts: [
          { title: 'Status', value: 'Scheduled' },
          { title: 'Planned for', value: 'Tue 1 Dec 2026' },
        ],
      },
    ]);
    expect(attachment!.content.actions).toEqual([
      { type: 'Action.OpenUrl', title: 'Release notes', url: 'https://releases.acme.example/releases/web/1.1.0/' },
      { type: 'Action.OpenUrl', title: 'Changelog', url: 'https://releases.acme.example/changelog/web/' },
    ]);
  });

  it('every format is deterministic text; the JSON ones parse', () => {
    for (const format of ['slack', 'teams'] as const) expect(() => JSON.parse(renderAnnouncement(internal, format))).not.toThrow();
    expect(renderAnnouncement(internal, 'markdown')).toBe(renderAnnouncement(announce(scheduled, 'internal'), 'markdown'));
  });
});

describe('hostile and oversized text', () => {
  const hostile = makeRelease({
    version: '6.6.6',
    audience: 'public',
    title: 'Evil <script>alert(1)</script> & <@U123> {{DATE(2026-01-01T00:00:00Z)}}',
    summary: '<img src=x onerror=alert(2)> [click](javascript:alert(3)) *bold* `code`',
    changes: Array.from({ length: 400 }, (_, index) => ({
      type: 'added' as const,
      summary: `Change ${index} ${'x'.repeat(40)} <!channel> & more`,
      breaking: false,
      audience: 'public' as const,
    })),
  });
  const evilHub = makeHub({ releases: [hostile] });
  const announcement = buildAnnouncement(evilHub, hostile, 'customer', announcementLinks(evilHub.config.url))!;

  it.each([
    { text: 'a & b < c > d', mrkdwn: 'a &amp; b &lt; c &gt; d', markdown: 'a & b \\< c \\> d' },
    { text: '<!channel> <@U123>', mrkdwn: '&lt;!channel&gt; &lt;@U123&gt;', markdown: '\\<\\!channel\\> \\<@U123\\>' },
    { text: '*bold* _it_ `code` [x](y)', mrkdwn: '*bold* _it_ `code` [x](y)', markdown: '\\*bold\\* \\_it\\_ \\`code\\` \\[x\\](y)' },
    { text: '# not a heading', mrkdwn: '# not a heading', markdown: '\\# not a heading' },
    { text: '1. not a list', mrkdwn: '1. not a list', markdown: '1\\. not a list' },
    { text: '{{DATE(x)}}', mrkdwn: '{{DATE(x)}}', markdown: '\\{\\{DATE(x)\\}\\}' },
  ])('escapes $text', ({ text, mrkdwn, markdown }) => {
    expect(escapeMrkdwn(text)).toBe(mrkdwn);
    expect(escapeMarkdown(text)).toBe(markdown);
  });

  it.each([
    { text: 'abcdef', max: 6, clipped: 'abcdef' },
    { text: 'abcdefg', max: 6, clipped: 'abcde…' },
    { text: 'ab &amp; cd', max: 6, clipped: 'ab…' },
    { text: 'a <https://x|y> b', max: 8, clipped: 'a…' },
    { text: '😀😀😀😀', max: 3, clipped: '😀😀…' },
  ])('clips "$text" to $max characters: "$clipped"', ({ text, max, clipped }) => {
    expect(clip(text, max)).toBe(clipped);
    expect(Array.from(clip(text, max)).length).toBeLessThanOrEqual(max);
  });

  it('joins whole lines while they fit', () => {
    expect(joinClipped(['one', 'two'], 7)).toBe('one\ntwo');
    expect(joinClipped(['one', 'two', 'three'], 7)).toBe('one\ntw…');
    expect(joinClipped(['one', 'two', 'three'], 9)).toBe('one\ntwo…');
  });

  it('Slack: within Block Kit limits, user text escaped, mentions never fire', () => {
    const message = announcementSlack(announcement);
    expect(message.blocks.length).toBeLessThanOrEqual(SLACK_LIMITS.blocks);
    for (const block of message.blocks) {
      if (block.type === 'section' && block.text) expect(Array.from(block.text.text).length).toBeLessThanOrEqual(SLACK_LIMITS.sectionText);
    }
    const added = message.blocks.find((block) => block.type === 'section' && block.text?.text.startsWith('*Added*'));
    expect(added?.type === 'section' && added.text?.text.endsWith('…')).toBe(true);
    // mrkdwn is parsed (mentions, links): user text there is escaped; plain text (the header) is shown as written.
    const mrkdwn = JSON.stringify(message.blocks.filter((block) => block.type !== 'header'));
    expect(mrkdwn).not.toMatch(/<!channel>|<@U123>|<script|<img/);
    expect(message.text).toBe('Acme Web 6.6.6: Evil &lt;script&gt;alert(1)&lt;/script&gt; &amp; &lt;@U123&gt; {{DATE(2026-01-01T00:00:00Z)}}');
    expect(message.blocks[0]).toEqual({
      type: 'header',
      text: { type: 'plain_text', text: 'Acme Web 6.6.6: Evil <script>alert(1)</script> & <@U123> {{DATE(2026-01-01T00:00:00Z)}}', emoji: false },
    });
  });

  it('email HTML and Markdown: no active markup survives', () => {
    const html = announcementEmailHtml(announcement);
    expect(html).not.toMatch(/<script|<img|onerror|javascript:/i);
    // At most 70 characters of HTML source (html-validate's long-title): escapes count in full.
    expect(html).toContain('<title>Acme Web 6.6.6: Evil &lt;script&gt;alert(1)&lt;/script&gt; &amp;…</title>');
    expect(html).toContain(
      '<h1 style="margin:0 0 12px;font-size:22px;line-height:1.3">Acme Web 6.6.6: Evil &lt;script&gt;alert(1)&lt;/script&gt; &amp; &lt;@U123&gt; {{DATE(2026-01-01T00:00:00Z)}}</h1>',
    );
    // In Markdown, `\<` is a literal "<": only an unescaped one could open a tag.
    expect(announcementMarkdown(announcement)).not.toMatch(/(?<!\\)<(script|img|\/script)|javascript:/);
  });

  it('Teams: texts clipped, the card small, functions escaped', () => {
    const json = JSON.stringify(announcementTeams(announcement));
    expect(json.length).toBeLessThan(28 * 1024);
    expect(json).not.toContain('{{DATE');
  });
});
