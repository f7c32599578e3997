/** A broken internal link in content fails the build, naming the content file and line. */
import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { hubWithOverlay } from '../unit/helpers/fixture-hub';
import { runCli } from './helpers/run';

describe('links in content', () => {
  it('fail the build with file and line when they point nowhere', () => {
    const root = hubWithOverlay('broken-link');
    const dist = path.join(mkdtempSync(path.join(os.tmpdir(), 'hub-links-')), 'dist');
    const result = runCli(['build'], { HUB_CONTENT_DIR: root, HUB_DIST_DIR: dist });
    expect(result.status).toBe(1);
    expect(result.stderr).toContain(`${root}/runbooks/deploy-web.md:12 links to /runbooks/rollback-web/, which this build does not have`);
    expect(result.stderr).toContain(`${root}/runbooks/deploy-web.md:13 links to /releases/web/1.0.0/#no-such-heading, but that page has no such anchor`);
    expect(result.stderr).not.toContain('/nowhere/');
  });
});
