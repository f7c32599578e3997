/** A broken internal link in content stops the build before anything is built, naming the content file and line, as `check` does. */
import { describe, expect, it } from 'vitest';
import { runCli } from './helpers/run.ts';
import { scenario } from './helpers/scenario.ts';

describe('links in content', () => {
  it('fail the build with file and line when they point nowhere, listing what `check` lists', () => {
    const { content, builds } = scenario('broken-link');
    const [result] = builds;
    expect(result!.status).toBe(1);
    const lines = result!.stderr.split('\n').filter((line) => line.startsWith(content));
    expect(lines.map((line) => line.slice(content.length + 1).split(' — ')[0])).toEqual([
      'releases/web/1.1.0.md:9 changes[0].summary: links to ./docs/rules/order.md, a relative link: the summary shows on the release page, the changelog and the feeds, so it cannot lead to the same place on all of them',
      'releases/web/1.1.0.md:13 links to ./docs/rules/order.md (/releases/web/1.1.0/docs/rules/order.md), which this build does not have',
      'runbooks/deploy-web.md:12 links to /runbooks/rollback-web/, which this build does not have',
      'runbooks/deploy-web.md:13 links to /releases/web/1.0.0/#no-such-heading, but that page has no such anchor',
      'runbooks/deploy-web.md:14 links to ../rollbak-web/ (/runbooks/rollbak-web/), which this build does not have',
      'runbooks/deploy-web.md:15 links to /releases/web/1.0.0/#notes-typo, but that page has no such anchor',
      'runbooks/deploy-web.md:19 links to #stpes (on /runbooks/deploy-web/), but that page has no such anchor',
    ]);
    expect(result!.stderr).toContain('✗ build stopped: 7 content errors in');

    const check = runCli(['check', '--content', content]);
    expect(check.status).toBe(1);
    expect(check.stderr.split('\n').filter((line) => line.startsWith(content))).toEqual(lines);
  });
});
