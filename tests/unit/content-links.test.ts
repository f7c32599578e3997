/** Finding internal links in content bodies, with their lines, ignoring code. */
import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { Temporal } from 'temporal-polyfill';
import { outlineOfBody } from '../../src/content/body-outline.ts';
import { findInternalLinks } from '../../src/content/content-links.ts';
import { formatProblem } from '../../src/content/problems.ts';
import { viewForAudience } from '../../src/core/audience.ts';
import { contentLinkProblems } from '../../src/site/link-check.ts';
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
      'Protocol-relative [e](//cdn.example/x) is external, [f](mailto:a@b.example) too; [g](#top) is on the page itself.',
    ].join('\n');
    expect(findInternalLinks(body, 10, '/runbooks/b/')).toEqual([
      { path: '/runbooks/a/', fragment: undefined, line: 10 },
      { path: '/people/alice/', fragment: 'roles', line: 15 },
      { path: '/releases/web/1.0.0/', fragment: 'highlights', line: 16 },
      { path: '/runbooks/b/', written: '#top', fragment: 'top', line: 17 },
    ]);
  });
});

describe('contentLinkProblems', () => {
  it('checks every link of every body against the pages of the build, with the line in the file', async () => {
    const root = hubWithOverlay('broken-link');
    const { hub } = await loadContentRoot(root);
    const runbook = hub!.runbooks.find((entry) => entry.id === 'deploy-web')!;
    expect(runbook.source.internalLinks?.slice(0, 2)).toEqual([
      { path: '/runbooks/rollback-web/', fragment: undefined, line: 12 },
      { path: '/releases/web/1.0.0/', fragment: 'no-such-heading', line: 13 },
    ]);
    const publicDir = mkdtempSync(path.join(os.tmpdir(), 'links-public-'));
    writeFileSync(path.join(publicDir, 'logo.svg'), '<svg/>');
    const context = { audience: 'internal' as const, now: Temporal.Instant.from('2026-12-01T00:00:00Z'), contentRoot: root, publicDir };
    expect(contentLinkProblems(hub!, context).map((problem) => formatProblem(problem, ''))).toEqual([
      'releases/web/1.1.0.md:9 changes[0].summary: links to ./docs/rules/order.md, a relative link: the summary shows on the release page, the changelog and the feeds, so it cannot lead to the same place on all of them — write a site path (/…) or a full URL; a link into the repository an imported changelog came from needs its address (import again with --repo-url)',
      'releases/web/1.1.0.md:13 links to ./docs/rules/order.md (/releases/web/1.1.0/docs/rules/order.md), which this build does not have — fix the link (it resolves against the page it is on), or write a site path (/…) or a full URL; for a file of the repository a changelog was imported from, import again with --repo-url',
      'runbooks/deploy-web.md:12 links to /runbooks/rollback-web/, which this build does not have — fix the link, or remove it (internal pages are not in a public build)',
      'runbooks/deploy-web.md:13 links to /releases/web/1.0.0/#no-such-heading, but that page has no such anchor — link to one of its headings: #timeline, #changes, #change-added, #notes',
      'runbooks/deploy-web.md:14 links to ../rollbak-web/ (/runbooks/rollbak-web/), which this build does not have — fix the link (it resolves against the page it is on), or write a site path (/…) or a full URL; for a file of the repository a changelog was imported from, import again with --repo-url',
      'runbooks/deploy-web.md:15 links to /releases/web/1.0.0/#notes-typo, but that page has no such anchor — link to one of its headings: #timeline, #changes, #change-added, #notes',
      'runbooks/deploy-web.md:19 links to #stpes (on /runbooks/deploy-web/), but that page has no such anchor — link to one of its headings: #steps, #rollback, #toc-heading, #used-by-heading',
    ]);
  });

  /** The minimal hub with web 1.0.0's body replaced (its line 8), and what its link check needs. */
  async function hubWithReleaseBody(body: string) {
    const root = hubWithOverlay();
    writeFileSync(
      path.join(root, 'releases/web/1.0.0.mdx'),
      `---\nversion: 1.0.0\nproduct: web\nstatus: released\naudience: public\ndeployment: { finishedAt: 2026-03-10T02:41 }\n---\n${body}\n`,
    );
    const { hub } = await loadContentRoot(root);
    return { hub, context: { now: Temporal.Instant.from('2026-12-01T00:00:00Z'), contentRoot: root, publicDir: path.join(root, 'no-public') } };
  }

  it('knows that a public build has no runbook pages', async () => {
    const { hub, context } = await hubWithReleaseBody('See [the deploy runbook](/runbooks/deploy-web/).');
    expect(contentLinkProblems(hub!, { ...context, audience: 'internal' })).toEqual([]);
    expect(contentLinkProblems(viewForAudience(hub!, 'public'), { ...context, audience: 'public' }).map((problem) => problem.message)).toEqual([
      'links to /runbooks/deploy-web/, which this build does not have',
    ]);
  });

  it('checks links into the metrics views, which it only lists when a body links under /metrics', async () => {
    const { hub, context } = await hubWithReleaseBody(
      'See [the metrics](/metrics/), [this year](/%6Detrics/last-12-months/web/) and [a typo](/metrics/last-12-month/).',
    );
    expect(contentLinkProblems(hub!, { ...context, audience: 'internal' }).map((problem) => formatProblem(problem, ''))).toEqual([
      'releases/web/1.0.0.mdx:8 links to /metrics/last-12-month/, which this build does not have — fix the link, or remove it (internal pages are not in a public build)',
    ]);
  });

  it('finds relative links in bodies, resolved against the release page, and in change summaries', async () => {
    const { hub } = await loadContentRoot(hubWithOverlay('broken-link'));
    const release = hub!.releases.find((entry) => entry.version === '1.1.0')!;
    expect(release.source.internalLinks).toEqual([
      { path: '/releases/web/1.0.0/', written: '../1.0.0/', fragment: undefined, line: 13 },
      { path: '/releases/web/1.1.0/docs/rules/order.md', written: './docs/rules/order.md', fragment: undefined, line: 13 },
    ]);
    expect(release.source.fieldLinks).toEqual([{ field: 'changes[0].summary', url: './docs/rules/order.md', line: 9 }]);
  });
});

describe('outlineOfBody', () => {
  it.each([
    ["## Steps\n### Steps\n## Don't panic", ['steps', 'steps-1', 'dont-panic']],
    ['## `npm ci` *first*\n\n# Ünïcode & Co.', ['npm-ci-first', 'ünïcode--co']],
    ['Text only.', []],
  ])('gives the headings of %j the ids of the compiler', (body, ids) => {
    expect(outlineOfBody(body, false).headings.map((heading) => heading.id)).toEqual(ids);
  });
});
