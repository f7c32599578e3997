/** The build as a user meets it: the example hub builds, bad content fails cleanly, other roots build. */
import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, inject, it } from 'vitest';
import { hubWithOverlay } from '../unit/helpers/fixture-hub';
import { runCli } from './helpers/run';

describe('the example hub', () => {
  it('builds a page for every release, and a home page', () => {
    const dist = inject('distInternal');
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
});

describe('bad content', () => {
  const bad = hubWithOverlay('errors/window-end-before-start');

  it('fails npm run check with file, line, field and fix, and a non-zero exit', () => {
    const result = runCli(['check'], { HUB_CONTENT_DIR: bad });
    expect(result.status).toBe(1);
    expect(result.stderr).toContain(`${bad}/releases/web/1.1.0.md:7 window.end: must be after window.start (2026-03-10T04:00 ≤ 2026-03-10T05:00) — fix the window or drop it`);
  });

  it('fails npm run build the same way and leaves the last good site in place', () => {
    const dist = path.join(mkdtempSync(path.join(os.tmpdir(), 'hub-dist-')), 'dist');
    const good = runCli(['build'], { HUB_CONTENT_DIR: hubWithOverlay(), HUB_DIST_DIR: dist });
    expect(good.status, good.stderr).toBe(0);
    const before = readFileSync(path.join(dist, 'index.html'), 'utf8');

    const failed = runCli(['build'], { HUB_CONTENT_DIR: bad, HUB_DIST_DIR: dist });
    expect(failed.status).toBe(1);
    expect(failed.stderr).toContain('releases/web/1.1.0.md:7 window.end: must be after window.start');
    expect(readFileSync(path.join(dist, 'index.html'), 'utf8')).toBe(before);
    expect(readdirSync(path.dirname(dist)).filter((name) => name !== 'dist')).toEqual([]);
  });
});

describe('HUB_CONTENT_DIR', () => {
  it('builds that hub instead of content/', () => {
    const dist = path.join(mkdtempSync(path.join(os.tmpdir(), 'hub-dist-')), 'dist');
    const result = runCli(['build'], { HUB_CONTENT_DIR: hubWithOverlay(), HUB_DIST_DIR: dist });
    expect(result.status, result.stderr).toBe(0);
    const html = readFileSync(path.join(dist, 'index.html'), 'utf8');
    expect(html).toContain('Minimal Hub');
    expect(readFileSync(path.join(dist, 'releases/web/1.0.0/index.html'), 'utf8')).toContain('First light');
  });
});
