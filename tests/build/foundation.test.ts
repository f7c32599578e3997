/** The build as a user meets it: the example hub builds, bad content fails cleanly, other roots build. */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { hubWithOverlay } from '../unit/helpers/fixture-hub.ts';
import { builtSite, scenario } from './helpers/scenario.ts';
import { runCli } from './helpers/run.ts';

describe('the example hub', () => {
  it('builds a page for every release, and a home page', () => {
    const dist = builtSite('example-internal');
    const releaseFiles = readdirSync(path.join(dist, 'releases'), { recursive: true }).filter((file) => String(file).match(/^(web|api)\/[^/]+\/index\.html$/));
    expect(releaseFiles.length).toBe(61);
    const html = readFileSync(path.join(dist, 'index.html'), 'utf8');
    expect(html).toMatch(/<h1[^>]*>[^<]*Northwind/);
    expect(html).not.toMatch(/Invalid Date|NaN|undefined/);
  });

  it('passes npm run check', () => {
    const result = runCli(['check'], { HUB_CONTENT_DIR: '' });
    expect(result.stderr).not.toMatch(/error/i);
    expect(result.status).toBe(0);
    expect(result.stdout).toMatch(/✓ content: \d+ releases/);
  });

  it("logs only the hub's own lines and Astro's progress: no warning from a tool underneath", () => {
    const [build] = scenario('example-internal').builds;
    const log = `${build!.stdout}\n${build!.stderr}`;
    // Astro's list of the routes it generated is left out: a page may be called /changelog/web/deprecations/.
    // The failure lists only the offending lines, not the whole log.
    const warnings = log.split('\n').filter((line) => !/[├└]─ \//.test(line) && /\[WARN\]|MODULE_LEVEL_DIRECTIVE|\(!\)|deprecat/i.test(line));
    expect(warnings).toEqual([]);
    expect(log).toContain('✓ search index: 81 pages');
    expect(log).toMatch(/✓ built .* into /);
  });
});

describe('bad content', () => {
  it('fails npm run check with file, line, field and fix, and a non-zero exit', () => {
    const bad = hubWithOverlay('errors/window-end-before-start');
    const result = runCli(['check'], { HUB_CONTENT_DIR: bad });
    expect(result.status).toBe(1);
    expect(result.stderr).toContain(
      `${bad}/releases/web/1.1.0.md:7 window.end: must be after window.start (2026-03-10T04:00 ≤ 2026-03-10T05:00) — fix the window or drop it`,
    );
  });

  it('fails npm run build the same way and leaves the last good site in place', () => {
    const { dist, content, builds, indexHtmlBefore } = scenario('errors-rebuild');
    const [failed] = builds;
    expect(indexHtmlBefore).toContain('Minimal Hub');
    expect(failed!.status).toBe(1);
    expect(failed!.stderr).toContain(`${content}/releases/web/1.1.0.md:7 window.end: must be after window.start`);
    expect(failed!.stderr).toContain('✗ build stopped: 1 content error in');
    expect(failed!.stderr).toMatch(/✗ .*dist was left as it was\./);
    expect(failed!.stderr).not.toMatch(/\n\s+at /);
    expect(failed!.indexHtml).toBe(indexHtmlBefore);
    expect(readdirSync(path.dirname(dist)).filter((name) => name.startsWith('dist'))).toEqual(['dist']);
  });
});

describe('HUB_CONTENT_DIR', () => {
  it('builds that hub instead of content/', () => {
    const dist = builtSite('minimal');
    const html = readFileSync(path.join(dist, 'index.html'), 'utf8');
    expect(html).toContain('Minimal Hub');
    expect(readFileSync(path.join(dist, 'releases/web/1.0.0/index.html'), 'utf8')).toContain('First light');
  });
});
