/**
 * Issue 21's "done when" for announcements: every draft of the example hub is a valid Slack
 * Block Kit message and a valid Teams Adaptive Card message (JSON schemas written from their
 * documentation, in tests/schemas/), its email HTML passes html-validate with the project's rules
 * and has a text part; and `release-hub announce` works end to end on the example hub.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { Ajv } from 'ajv';
import { HtmlValidate, StaticConfigLoader, type ConfigData } from 'html-validate';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { announcementKindsFor, announcementLinks, buildAnnouncement } from '../../src/announce/announcement.ts';
import { renderAnnouncement } from '../../src/announce/drafts.ts';
import { main } from '../../src/cli/main.ts';
import { loadContentRoot } from '../../src/content/load.ts';
import type { Hub } from '../../src/core/model.ts';
import { projectRoot, runCli } from '../build/helpers/run.ts';
import { hubWithOverlay } from './helpers/fixture-hub.ts';
import { makeHub, makeRelease } from './helpers/hub-factory.ts';
import { captureOutput } from './helpers/capture-output.ts';

const readJson = (file: string) => JSON.parse(readFileSync(path.join(projectRoot, file), 'utf8'));
const ajv = new Ajv({ allErrors: true });
const validSlack = ajv.compile(readJson('tests/schemas/slack-message.schema.json'));
const validTeams = ajv.compile(readJson('tests/schemas/teams-message.schema.json'));
const htmlValidate = new HtmlValidate(new StaticConfigLoader(readJson('.htmlvalidate.json') as ConfigData));

const capture = captureOutput;

afterEach(() => vi.restoreAllMocks());

describe('the schemas', () => {
  it.each([
    { what: 'more than 50 blocks', message: { text: 'x', blocks: Array.from({ length: 51 }, () => ({ type: 'divider' })) } },
    { what: 'a header over 150 characters', message: { blocks: [{ type: 'header', text: { type: 'plain_text', text: 'x'.repeat(151) } }] } },
    { what: 'section text over 3,000 characters', message: { blocks: [{ type: 'section', text: { type: 'mrkdwn', text: 'x'.repeat(3001) } }] } },
    { what: 'eleven fields', message: { blocks: [{ type: 'section', fields: Array.from({ length: 11 }, () => ({ type: 'mrkdwn', text: 'x' })) }] } },
    { what: 'a mrkdwn header', message: { blocks: [{ type: 'header', text: { type: 'mrkdwn', text: 'x' } }] } },
    { what: 'a section with neither text nor fields', message: { blocks: [{ type: 'section' }] } },
  ])('the Slack schema rejects $what', ({ message }) => {
    expect(validSlack(message)).toBe(false);
  });

  it.each([
    {
      what: 'a card without version',
      message: {
        type: 'message',
        attachments: [{ contentType: 'application/vnd.microsoft.card.adaptive', content: { type: 'AdaptiveCard', body: [{ type: 'TextBlock', text: 'x' }] } }],
      },
    },
    { what: 'another content type', message: { type: 'message', attachments: [{ contentType: 'application/json', content: {} }] } },
    {
      what: 'a fact without a value',
      message: {
        type: 'message',
        attachments: [
          {
            contentType: 'application/vnd.microsoft.card.adaptive',
            content: { type: 'AdaptiveCard', version: '1.5', body: [{ type: 'FactSet', facts: [{ title: 'x' }] }] },
          },
        ],
      },
    },
  ])('the Teams schema rejects $what', ({ message }) => {
    expect(validTeams(message)).toBe(false);
  });
});

describe('every draft of the example hub', () => {
  let hub: Hub;
  beforeAll(async () => {
    hub = (await loadContentRoot(path.join(projectRoot, 'content'))).hub!;
  });

  it('is valid Block Kit, a valid Teams card message, and email HTML that passes html-validate with a text part', async () => {
    const links = announcementLinks(hub.config.url);
    const failures: string[] = [];
    let drafts = 0;
    for (const release of hub.releases) {
      for (const kind of announcementKindsFor(release)) {
        const announcement = buildAnnouncement(hub, release, kind, links)!;
        drafts++;
        if (!validSlack(JSON.parse(renderAnnouncement(announcement, 'slack'))))
          failures.push(`${release.id} ${kind} slack: ${ajv.errorsText(validSlack.errors)}`);
        if (!validTeams(JSON.parse(renderAnnouncement(announcement, 'teams'))))
          failures.push(`${release.id} ${kind} teams: ${ajv.errorsText(validTeams.errors)}`);
        const report = await htmlValidate.validateString(renderAnnouncement(announcement, 'email'));
        for (const message of report.results.flatMap((result) => result.messages))
          failures.push(`${release.id} ${kind} email:${message.line} ${message.ruleId}: ${message.message}`);
        if (!renderAnnouncement(announcement, 'text').includes(announcement.title)) failures.push(`${release.id} ${kind} text: no title`);
      }
    }
    expect(failures).toEqual([]);
    // 61 releases, 49 of them public: 61 internal + 61 exec + 49 customer announcements.
    expect(drafts).toBe(171);
  });
});

describe('a draft of any input', () => {
  it('is still valid HTML with a summary of paragraphs and lists, raw HTML and hostile links in it', async () => {
    const release = makeRelease({
      version: '6.6.6',
      audience: 'public',
      title: 'Evil <b>title</b> & "quotes"',
      summary: 'First paragraph.\n\n- a list\n- [a link](javascript:alert(1))\n\n<script>alert(2)</script>\n\n> a quote',
      rollback: { reason: 'Because\n\n1. one\n2. two' },
      status: 'rolled-back',
      changes: [{ type: 'added', summary: '`<img src=x onerror=alert(3)>` and **bold**\n\nand a second paragraph', breaking: true, audience: 'public' }],
    });
    const hub = makeHub({ releases: [release] });
    for (const kind of ['customer', 'internal', 'exec'] as const) {
      const announcement = buildAnnouncement(hub, release, kind, announcementLinks(hub.config.url))!;
      const html = renderAnnouncement(announcement, 'email');
      const report = await htmlValidate.validateString(html);
      expect(
        report.results.flatMap((result) => result.messages.map((message) => `${message.ruleId}: ${message.message}`)),
        kind,
      ).toEqual([]);
      // Active markup only: the inline code shows `<img … onerror=…>` as text (its "<" escaped).
      expect(html, kind).not.toMatch(/<script|<img|<[^>]*\sonerror=|javascript:/);
      expect(validSlack(JSON.parse(renderAnnouncement(announcement, 'slack'))), kind).toBe(true);
      expect(validTeams(JSON.parse(renderAnnouncement(announcement, 'teams'))), kind).toBe(true);
    }
  });
});

describe('release-hub announce', () => {
  it('prints a customer Slack message of a release of the example hub', async () => {
    const io = capture();
    expect(await main(['announce', 'web', '4.9.0', '--format', 'slack', '--audience', 'customer', '--root', projectRoot])).toBe(0);
    const message = JSON.parse(io.out());
    expect(validSlack(message)).toBe(true);
    expect(message.text).toBe('Northwind Web 4.9.0: Boards on phones and tablets');
    expect(io.out()).not.toMatch(/Bob Lindqvist|Roll back/);
    expect(io.err()).not.toMatch(/^error/m);
  });

  it.each([
    { format: 'markdown', start: '# Northwind Web 4.9.0: Boards on phones and tablets\n' },
    { format: 'email', start: '<!DOCTYPE html>\n' },
    { format: 'text', start: 'Northwind Web 4.9.0: Boards on phones and tablets\n=' },
    { format: 'teams', start: '{\n  "type": "message",' },
  ])('--format $format (internal by default)', async ({ format, start }) => {
    const io = capture();
    expect(await main(['announce', 'web', '4.9.0', '--format', format, '--root', projectRoot])).toBe(0);
    expect(io.out().startsWith(start)).toBe(true);
    expect(io.out()).toContain('Bob Lindqvist');
  });

  it.each([
    { args: ['web', '4.9.0'], message: 'error: --format is required: one of markdown, email, text, eml, slack, teams.' },
    { args: ['web', '4.9.0', '--format', 'pdf'], message: 'error: --format must be one of markdown, email, text, eml, slack, teams; got "pdf".' },
    { args: ['web', '4.9.0', '--format', 'slack', '--audience', 'press'], message: 'error: --audience must be one of customer, internal, exec; got "press".' },
    { args: ['web'], message: 'error: Give a product and a version: release-hub announce <product> <version> --format <format>.' },
    { args: ['mobile', '1.0.0', '--format', 'slack'], message: 'error: "mobile" is not a product of hub.yaml; the products are web, api.' },
    {
      args: ['web', '9.9.9', '--format', 'slack'],
      message: 'error: web has no release 9.9.9 (newest: 4.11.0, 4.10.0, 4.9.1, 4.9.0, 4.8.0, …): check the version, or add releases/web/9.9.9.mdx.',
    },
    {
      args: ['web', '4.9.1', '--format', 'slack', '--audience', 'customer'],
      message: 'error: web/4.9.1 is an internal release: it has no customer announcement (its announcements: internal, exec).',
    },
    { args: ['web', '4.9.0', '--fromat', 'slack'], message: "error: Unknown option '--fromat'" },
  ])('$args: one error line, exit 1', async ({ args, message }) => {
    const io = capture();
    expect(await main(['announce', ...args, '--root', projectRoot])).toBe(1);
    expect(io.err()).toContain(message);
    expect(io.err()).toContain('\nRun release-hub announce --help for usage.\n');
    expect(io.err()).not.toMatch(/\n\s+at /);
    expect(io.out()).toBe('');
  });

  it('reports content problems as file:line lines and exit 1', async () => {
    const io = capture();
    expect(await main(['announce', 'web', '1.1.0', '--format', 'slack', '--root', projectRoot, '--content', hubWithOverlay('errors/unknown-product')])).toBe(1);
    expect(io.err()).toMatch(/releases\/web\/1\.1\.0\.md:\d+ product: /);
    expect(io.out()).toBe('');
  });

  // A process that starts tsx: slow on a busy machine, hence its own timeout.
  it('runs end to end as the bin: a Teams card for CI to post', () => {
    const result = runCli(['announce', 'api', '2.9.0', '--format', 'teams', '--audience', 'exec']);
    expect(result.stderr).not.toMatch(/^error/m);
    expect(result.status).toBe(0);
    const message = JSON.parse(result.stdout);
    expect(validTeams(message)).toBe(true);
    expect(message.attachments[0].content.actions).toEqual([
      { type: 'Action.OpenUrl', title: 'Release page', url: 'https://releases.northwind.example/releases/api/2.9.0/' },
    ]);
  }, 120_000);

  it("links to the release under the project's base path", async () => {
    const io = capture();
    expect(await main(['announce', 'api', '2.9.0', '--format', 'markdown', '--root', path.join(projectRoot, 'tests/fixtures/example-base-path')])).toBe(0);
    expect(io.out()).toContain('[Release page](<https://releases.northwind.example/releases/releases/api/2.9.0/>)');
  });

  it("prints the content's warnings before the error of an unknown version, and nothing on stdout", async () => {
    const io = capture();
    expect(await main(['announce', 'api', '0.0.1', '--format', 'teams', '--root', projectRoot])).toBe(1);
    expect(io.out()).toBe('');
    // The content's own warnings (busy windows of the example hub's usage) come first, as in check.
    expect(io.err()).toMatch(/^warning: .*cadence[\s\S]*\nerror: api has no release 0\.0\.1 /m);
  });

  it('--help prints its usage and exits 0', async () => {
    const io = capture();
    expect(await main(['announce', '--help'])).toBe(0);
    expect(io.out()).toMatch(/^Usage: release-hub announce <product> <version> --format <format>/);
  });
});
