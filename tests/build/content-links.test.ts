/** A broken internal link in content fails the build, naming the content file and line. */
import { describe, expect, it } from 'vitest';
import { scenario } from './helpers/scenario.ts';

describe('links in content', () => {
  it('fail the build with file and line when they point nowhere', () => {
    const { content, builds } = scenario('broken-link');
    const [result] = builds;
    expect(result!.status).toBe(1);
    expect(result!.stderr).toContain(`${content}/runbooks/deploy-web.md:12 links to /runbooks/rollback-web/, which this build does not have`);
    expect(result!.stderr).toContain(`${content}/runbooks/deploy-web.md:13 links to /releases/web/1.0.0/#no-such-heading, but that page has no such anchor`);
    expect(result!.stderr).not.toContain('/nowhere/');
    expect(result!.stderr).toContain('✗ build stopped: 2 broken links in');
  });
});
