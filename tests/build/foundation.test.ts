/** The build as a user meets it: the example hub builds, bad content fails cleanly, other roots build. */
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, inject, it } from 'vitest';
import { hubWithOverlay } from '../unit/helpers/fixture-hub';
import { runScript } from './helpers/run';

describe('the example hub', () => {
  it('builds a home page listing its releases', () => {
    const html = readFileSync(path.join(inject('distInternal'), 'index.html'), 'utf8');
    expect(html).toContain('<h1>Northwind');
    expect(html.match(/<li>/g)?.length ?? 0).toBeGreaterThanOrEqual(40);
    expect(html).not.toContain('Invalid Date');
  });

  it('passes npm run check', () => {
    const result = runScript('check', { HUB_CONTENT_DIR: '' });
    expect(result.stderr).not.toMatch(/error/i);
    expect(result.status).toBe(0);
    expect(result.stdout).toMatch(/✓ content: \d+ releases/);
  });
});

describe('bad content', () => {
  const bad = hubWithOverlay('errors/window-end-before-start');

  it('fails npm run check with file, line, field and fix, and a non-zero exit', () => {
    const result = runScript('check', { HUB_CONTENT_DIR: bad });
    expect(result.status).toBe(1);
    expect(result.stderr).toContain(`${bad}/releases/web/1.1.0.md:7 window.end: must be after window.start (2026-03-10T04:00 ≤ 2026-03-10T05:00) — fix the window or drop it`);
  });

  it('fails npm run build the same way and leaves the last good site in place', () => {
    const dist = path.join(mkdtempSync(path.join(os.tmpdir(), 'hub-dist-')), 'dist');
    const good = runScript('build', { HUB_CONTENT_DIR: hubWithOverlay(), HUB_DIST_DIR: dist });
    expect(good.status, good.stderr).toBe(0);
    const before = readFileSync(path.join(dist, 'index.html'), 'utf8');

    const failed = runScript('build', { HUB_CONTENT_DIR: bad, HUB_DIST_DIR: dist });
    expect(failed.status).toBe(1);
    expect(failed.stderr).toContain('releases/web/1.1.0.md:7 window.end: must be after window.start');
    expect(readFileSync(path.join(dist, 'index.html'), 'utf8')).toBe(before);
    expect(existsSync(`${dist}.staging`)).toBe(false);
  });
});

describe('HUB_CONTENT_DIR', () => {
  it('builds that hub instead of content/', () => {
    const dist = path.join(mkdtempSync(path.join(os.tmpdir(), 'hub-dist-')), 'dist');
    const result = runScript('build', { HUB_CONTENT_DIR: hubWithOverlay(), HUB_DIST_DIR: dist });
    expect(result.status, result.stderr).toBe(0);
    const html = readFileSync(path.join(dist, 'index.html'), 'utf8');
    expect(html).toContain('<h1>Minimal Hub</h1>');
    expect(html).toContain('First light');
  });
});
