/** `/llms.txt` and `/llms-full.txt` (src/llms/llms-txt.ts), written by hand for a small hub. */
import { Temporal } from 'temporal-polyfill';
import { describe, expect, it } from 'vitest';
import { viewForAudience } from '../../src/core/audience.ts';
import { llmsFull, llmsIndex } from '../../src/llms/llms-txt.ts';
import { markdownText } from '../../src/llms/release-markdown.ts';
import { at, makeChange, makeHub, makeRelease } from './helpers/hub-factory.ts';

const NOW = Temporal.Instant.from('2026-11-26T09:00:00Z');
const change = makeChange;

const hub = makeHub({
  config: { description: 'Releases of Acme.' },
  releases: [
    makeRelease({
      version: '2.0.0',
      title: 'New editor',
      status: 'released',
      audience: 'public',
      deployment: { finishedAt: at('2026-04-07T02:41') },
      changes: [
        change('removed', 'The old editor\nis gone', { breaking: true }),
        change('security', 'Pasted links are checked', { advisory: { id: 'CVE-2026-5555', severity: 'low', affected: '<2.0.0', fixed: '2.0.0' } }),
        change('changed', 'Secret internal thing', { audience: 'internal' }),
      ],
    }),
    makeRelease({
      version: '1.9.0',
      status: 'released',
      audience: 'internal',
      deployment: { finishedAt: at('2026-03-03T02:41') },
      changes: [change('added', 'Hidden')],
    }),
  ],
});

describe('llms.txt', () => {
  it('is a title, a quote and sections of links, with absolute URLs', () => {
    const text = llmsIndex(hub);
    expect(text.split('\n').slice(0, 4)).toEqual(['# Acme Release Hub', '', '> Releases of Acme.', '']);
    expect(text).toContain('- [Acme Web](https://releases.acme.example/changelog/web/): the Acme Web changelog\n');
    expect(text).toContain('- [Acme API upgrade steps](https://releases.acme.example/api/upgrade/api.json)');
    expect(text).toContain('- [Security advisories](https://releases.acme.example/security/)');
    expect(text.match(/^## .+$/gm)).toEqual(['## Changelog', '## Upgrades', '## Security', '## Roadmap', '## Optional']);
  });
});

describe('llms-full.txt', () => {
  it('holds every changelog entry with its public changes and advisories, and nothing internal', () => {
    expect(llmsFull(viewForAudience(hub, 'public'), NOW)).toBe(
      [
        '# Acme Release Hub: changelog',
        '',
        '> Every public release that shipped, newest first, with its public changes.',
        '',
        '## Acme Web 2.0.0: New editor',
        '',
        'Released 2026-04-07T02:41:00+02:00. https://releases.acme.example/releases/web/2.0.0/ (as Markdown: https://releases.acme.example/releases/web/2.0.0/index.md)',
        '',
        '### Removed',
        '',
        '- (breaking) The old editor is gone',
        '',
        '### Security',
        '',
        '- (CVE-2026-5555, Low) Pasted links are checked',
        '',
      ].join('\n'),
    );
    expect(llmsFull(hub, NOW)).not.toContain('Secret internal thing');
    expect(llmsFull(hub, NOW)).not.toContain('Hidden');
  });

  it('says so when nothing shipped yet', () => {
    expect(llmsFull(makeHub(), NOW)).toContain('No public releases yet.');
  });
});

describe('markdownText', () => {
  it.each([
    ['plain words', 'plain words'],
    ['two\n  lines', 'two lines'],
    ['<img src=x onerror=alert(1)>', '\\<img src=x onerror=alert(1)\\>'],
    ['[link](javascript:alert(1))', '\\[link\\](javascript:alert(1))'],
    ['*bold* _em_ `code` # | ~', '\\*bold\\* \\_em\\_ \\`code\\` \\# \\| \\~'],
  ])('%j is %j', (text, markdown) => {
    expect(markdownText(text)).toBe(markdown);
  });
});
