/**
 * The announcement drafts of the example hub's internal build (issue 21): the files under
 * `/announce/<product>/<version>/` of the releases not released yet or released in the 90 days
 * before the build's now (2026-11-26T09:00Z, so from 2026-08-28T09:00Z), the page listing them
 * with copy buttons, and none of it in the public build.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { Ajv } from 'ajv';
import { load } from 'cheerio';
import { describe, expect, it } from 'vitest';
import { projectRoot, runCli } from './helpers/run.ts';
import { builtSite } from './helpers/scenario.ts';

// By hand from content/releases: web 4.5.0 (15 Sep) to 4.11.0 (4.6.0 is cancelled, its window
// 13 Oct), api 2.4.0 (1 Sep) to 2.9.0; web 4.4.1 (25 Aug) and api 2.3.1 (4 Aug) are too old.
// Two of them are internal (web 4.9.1, api 2.6.1): no customer announcement.
const IN_SCOPE = [
  'web/4.5.0',
  'web/4.6.0',
  'web/4.7.0',
  'web/4.8.0',
  'web/4.9.0',
  'web/4.9.1',
  'web/4.10.0',
  'web/4.11.0',
  'api/2.4.0',
  'api/2.4.1',
  'api/2.5.0',
  'api/2.6.0',
  'api/2.6.1',
  'api/2.7.0',
  'api/2.8.0',
  'api/2.9.0',
];
const INTERNAL = new Set(['web/4.9.1', 'api/2.6.1']);

const filesUnder = (dir: string) =>
  existsSync(dir)
    ? readdirSync(dir, { recursive: true, withFileTypes: true })
        .filter((entry) => entry.isFile())
        .map((entry) => path.relative(dir, path.join(entry.parentPath, entry.name)).split(path.sep).join('/'))
        .sort()
    : [];

describe('announcement drafts (internal build)', () => {
  const dist = () => builtSite('example-internal');

  it('writes 15 files per public release in scope and 10 per internal one: 230, and nothing else', () => {
    const files = filesUnder(path.join(dist(), 'announce'));
    const drafts = files.filter((file) => file !== 'index.html');
    expect(new Set(drafts.map((file) => file.split('/').slice(0, 2).join('/')))).toEqual(new Set(IN_SCOPE));
    expect(drafts).toHaveLength(14 * 15 + 2 * 10);
    for (const id of IN_SCOPE) expect(drafts.filter((file) => file.startsWith(`${id}/`)).length, id).toBe(INTERNAL.has(id) ? 10 : 15);
    expect(files).toContain('index.html');
    expect(drafts.filter((file) => file.startsWith('web/4.9.1/')).sort()).toEqual(
      ['exec', 'internal'].flatMap((kind) => ['eml', 'md', 'slack.json', 'teams.json', 'txt'].map((extension) => `web/4.9.1/${kind}.${extension}`)).sort(),
    );
    // No draft is an .html file: every .html of the site is one of its pages.
    expect(drafts.filter((file) => file.endsWith('.html'))).toEqual([]);
  });

  it('writes valid Slack and Teams JSON, an email with absolute links, and the same bytes the command prints', () => {
    const ajv = new Ajv({ allErrors: true });
    const schema = (name: string) => ajv.compile(JSON.parse(readFileSync(path.join(projectRoot, 'tests/schemas', name), 'utf8')));
    const slack = schema('slack-message.schema.json');
    const teams = schema('teams-message.schema.json');
    const folder = path.join(dist(), 'announce/web/4.9.0');
    expect(slack(JSON.parse(readFileSync(path.join(folder, 'internal.slack.json'), 'utf8')))).toBe(true);
    expect(teams(JSON.parse(readFileSync(path.join(folder, 'customer.teams.json'), 'utf8')))).toBe(true);
    const eml = readFileSync(path.join(folder, 'customer.eml'), 'utf8');
    const html = Buffer.from(
      eml.split('Content-Type: text/html; charset=utf-8\r\nContent-Transfer-Encoding: base64\r\n\r\n')[1]!.split('\r\n--')[0]!.replace(/\r\n/g, ''),
      'base64',
    ).toString('utf8');
    expect(html).toContain('href="https://releases.northwind.example/releases/web/4.9.0/"');
    expect(runCli(['announce', 'web', '4.9.0', '--format', 'eml', '--audience', 'customer']).stdout).toBe(eml);
    expect(readFileSync(path.join(folder, 'internal.md'), 'utf8')).toContain('- **Owner:** Bob Lindqvist \\<bob.lindqvist@northwind.example\\>');
  });

  it('lists every draft on /announce/ with a hidden copy button (shown by the page script only)', () => {
    const $ = load(readFileSync(path.join(dist(), 'announce/index.html'), 'utf8'));
    expect($('h1').text()).toBe('Announcement drafts');
    expect(
      $('section.release-drafts h2 a')
        .map((_, link) => $(link).attr('href'))
        .get(),
    ).toEqual(
      // Newest first: undated planned releases, then by window or release time.
      [
        '/releases/web/4.11.0/',
        '/releases/api/2.9.0/',
        '/releases/api/2.8.0/',
        '/releases/web/4.10.0/',
        // Both on 15 December at 02:00: the higher version first.
        '/releases/web/4.9.1/',
        '/releases/api/2.7.0/',
        '/releases/web/4.9.0/',
        '/releases/api/2.6.1/',
        '/releases/web/4.8.0/',
        '/releases/api/2.6.0/',
        '/releases/web/4.7.0/',
        '/releases/web/4.6.0/',
        '/releases/api/2.5.0/',
        '/releases/web/4.5.0/',
        '/releases/api/2.4.1/',
        '/releases/api/2.4.0/',
      ],
    );
    // A copy button for each draft but the .eml (opened, not pasted): 4 of 5.
    const buttons = $('button[data-copy]');
    expect(buttons.length).toBe((14 * 3 + 2 * 2) * 4);
    expect($('a[href="/announce/web/4.9.0/customer.eml"]').text()).toBe('Email (.eml)');
    expect(buttons.filter((_, button) => $(button).attr('hidden') === undefined).length).toBe(0);
    expect($('a[href="/announce/web/4.9.0/customer.slack.json"]').text()).toBe('Slack');
    expect($('script[src]').length + $('script[type="module"]').length).toBeGreaterThan(0);
  });

  it('links each drafted release page to its drafts, and no other', () => {
    const releasePage = (id: string) => load(readFileSync(path.join(dist(), 'releases', id, 'index.html'), 'utf8'));
    expect(releasePage('web/4.9.0')('a[href="/announce/#drafts-web-4-9-0"]').text()).toBe('Drafts to copy');
    expect(load(readFileSync(path.join(dist(), 'announce/index.html'), 'utf8'))('#drafts-web-4-9-0').length).toBe(1);
    expect(releasePage('web/4.4.1')('a[href^="/announce/"]').length).toBe(0);
  });
});

describe('announcement drafts (public build)', () => {
  it('are not there: no file, no page, no link', () => {
    const dist = builtSite('example-public');
    expect(existsSync(path.join(dist, 'announce'))).toBe(false);
    const linked = filesUnder(dist)
      .filter((file) => file.endsWith('.html') || file.endsWith('.xml') || file.endsWith('.json'))
      .filter((file) => readFileSync(path.join(dist, file), 'utf8').includes('/announce/'));
    expect(linked).toEqual([]);
  });
});
