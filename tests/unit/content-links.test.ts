/** Finding internal links in content bodies, with their lines, ignoring code. */
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { findInternalLinks, servedFile } from '../../src/content/content-links.ts';
import { bodySources, checkContentLinks } from '../../src/content/link-check.ts';
import { loadContentRoot } from '../../src/content/load.ts';
import { hubWithOverlay } from './helpers/fixture-hub.ts';

describe('findInternalLinks', () => {
  it('finds inline, reference and HTML links with lines, and skips code and external links', () => {
    const body = [
      'Intro [a](/runbooks/a/) and [b](https://example.com/x).', // line 10
      '',
      '```sh',
      'echo "[c](/not/a/link/)"',
      '```',
      'See `[d](/also/not/)` and <a href="/people/alice/#roles">Alice</a>.', // line 15
      '[ref]: /releases/web/1.0.0/#highlights',
      'Protocol-relative [e](//cdn.example/x) is external, [f](mailto:a@b.example) and [g](#top) are not relative.',
    ].join('\n');
    expect(findInternalLinks(body, 10)).toEqual([
      { path: '/runbooks/a/', fragment: undefined, line: 10 },
      { path: '/people/alice/', fragment: 'roles', line: 15 },
      { path: '/releases/web/1.0.0/', fragment: 'highlights', line: 16 },
    ]);
  });
});

describe('relative links', () => {
  it.each([
    ['[a](./docs/a.md)', './docs/a.md'],
    ['[a](docs/a.md#part)', 'docs/a.md#part'],
    ['![logo](img/logo.png "Logo")', 'img/logo.png'],
    ['[ref]: ../CHANGELOG.md', '../CHANGELOG.md'],
    ['<img src="shot.png"> and <a href=\'x.html\'>x</a>', 'shot.png x.html'],
  ])('%s', (body, paths) => {
    expect(
      findInternalLinks(body, 1)
        .filter((link) => link.relative)
        .map((link) => link.path)
        .sort()
        .join(' '),
    ).toBe(paths.split(' ').sort().join(' '));
  });
});

describe('servedFile', () => {
  it.each([
    ['/runbooks/a/', '/runbooks/a/index.html'],
    ['/runbooks/a', '/runbooks/a/index.html'],
    ['/calendar.ics', '/calendar.ics'],
    ['/', '/index.html'],
  ])('%s → %s', (path, file) => expect(servedFile(path)).toBe(file));
});

describe('checkContentLinks', () => {
  it('checks the links found when the content was loaded, with their lines in the file, against the built pages', async () => {
    const { hub } = await loadContentRoot(hubWithOverlay('broken-link'));
    const runbook = hub!.runbooks.find((entry) => entry.id === 'deploy-web')!;
    expect(runbook.source.internalLinks).toEqual([
      { path: '/runbooks/rollback-web/', fragment: undefined, line: 12 },
      { path: '/releases/web/1.0.0/', fragment: 'no-such-heading', line: 13 },
    ]);

    const dist = mkdtempSync(path.join(os.tmpdir(), 'links-dist-'));
    mkdirSync(path.join(dist, 'releases/web/1.0.0'), { recursive: true });
    writeFileSync(path.join(dist, 'releases/web/1.0.0/index.html'), '<h2 id="highlights">Highlights</h2>');
    expect(
      checkContentLinks(bodySources(hub!), dist).map(
        (problem) => `${problem.file}:${problem.line}${problem.field ? ` ${problem.field}:` : ''} ${problem.message}`,
      ),
    ).toEqual([
      'releases/web/1.1.0.md:13 links to ./docs/rules/order.md (from /releases/web/1.1.0/ that is /releases/web/1.1.0/docs/rules/order.md), which this build does not have',
      'releases/web/1.1.0.md:9 changes[0].summary: links to ./docs/rules/order.md, a relative link: the summary shows on the release page, the changelog and the feeds, so it cannot lead to the same place on all of them',
      'runbooks/deploy-web.md:12 links to /runbooks/rollback-web/, which this build does not have',
      'runbooks/deploy-web.md:13 links to /releases/web/1.0.0/#no-such-heading, but that page has no such anchor',
    ]);
  });

  it('finds relative links in bodies (resolved against the page after the build) and in change summaries', async () => {
    const { hub } = await loadContentRoot(hubWithOverlay('broken-link'));
    const release = hub!.releases.find((entry) => entry.version === '1.1.0')!;
    expect(release.source.internalLinks).toEqual([
      { path: '../1.0.0/', line: 13, relative: true },
      { path: './docs/rules/order.md', line: 13, relative: true },
    ]);
    expect(release.source.fieldLinks).toEqual([{ field: 'changes[0].summary', url: './docs/rules/order.md', line: 9 }]);
    expect(bodySources(hub!).find((source) => source.file === 'releases/web/1.1.0.md')?.page).toBe('/releases/web/1.1.0/');
  });
});
