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
    // Relative links, as an import without --repo-url leaves them (issue 18): in the body, resolved against the page…
    expect(result!.stderr).toContain(
      `${content}/releases/web/1.1.0.md:13 links to ./docs/rules/order.md (from /releases/web/1.1.0/ that is /releases/web/1.1.0/docs/rules/order.md), which this build does not have`,
    );
    // …and in a change summary, which shows on several pages.
    expect(result!.stderr).toContain(`${content}/releases/web/1.1.0.md:9 changes[0].summary: links to ./docs/rules/order.md, a relative link`);
    expect(result!.stderr).not.toContain('../1.0.0/');
    expect(result!.stderr).toContain('✗ build stopped: 4 broken links in');
  });
});
