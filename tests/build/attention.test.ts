/**
 * Drift in real builds (SPEC §5): `attention` in /api/releases.json of the internal build only, the
 * "Needs attention" card and section, and the exit codes of `release-hub check --strict`.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { ReleasesDocument } from '../../src/releases/releases.ts';
import { hubWithOverlay } from '../unit/helpers/fixture-hub.ts';
import { runCli } from './helpers/run.ts';
import { builtSite, TEST_NOW_EPOCH } from './helpers/scenario.ts';

const releasesJson = (scenario: 'example-internal' | 'example-public') =>
  JSON.parse(readFileSync(path.join(builtSite(scenario), 'api/releases.json'), 'utf8')) as ReleasesDocument;

describe('/api/releases.json', () => {
  it('gives every release of the internal build its attention items at the build\'s "now"', () => {
    const { releases } = releasesJson('example-internal');
    expect(releases.every((release) => Array.isArray(release.attention))).toBe(true);
    // Web 4.0.0 finished at 05:20, its window ended at 04:00, the tolerance is 15 minutes; an action of its review was due 20 Nov.
    expect(releases.find((release) => release.id === 'web/4.0.0')!.attention).toEqual([
      { kind: 'review-action-overdue', message: 'Review action "Book four-hour windows for major releases" (Alice Okafor) was due Fri 20 Nov 2026.' },
      { kind: 'released-late', message: 'Finished 1 h 20 min after its window ended (Tue 10 Mar 2026, 04:00; tolerance 15 min).' },
    ]);
    // Web 4.8.0's window is still open on 26 Nov at 10:00 (it ends at 20:00), and it passed its gates.
    expect(releases.find((release) => release.id === 'web/4.8.0')!.attention).toEqual([]);
  });

  it('has no attention field in the public build', () => {
    const { releases } = releasesJson('example-public');
    expect(releases.length).toBeGreaterThan(0);
    expect(releases.some((release) => 'attention' in release)).toBe(false);
  });
});

describe('pages', () => {
  it('show the items on the release page, in release lists and in the dashboard card of the internal build', () => {
    const dist = builtSite('example-internal');
    const page = readFileSync(path.join(dist, 'releases/web/4.0.0/index.html'), 'utf8');
    expect(page).toContain('Needs attention');
    expect(page).toContain('Finished 1 h 20 min after its window ended');
    expect(readFileSync(path.join(dist, 'releases/product/web/index.html'), 'utf8')).toMatch(/data-attention="released-late"/);
    const home = readFileSync(path.join(dist, 'index.html'), 'utf8');
    expect(home).toMatch(/id="attention-title"[^>]*>\s*Needs attention/);
    expect(home).toContain('Its review was due');
  });

  it('show none of it in the public build', () => {
    const dist = builtSite('example-public');
    for (const file of ['index.html', 'releases/web/4.0.0/index.html', 'releases/index.html']) {
      const html = readFileSync(path.join(dist, file), 'utf8');
      expect(html, file).not.toContain('Needs attention');
      expect(html, file).not.toContain('data-attention');
    }
  });
});

describe('release-hub check --strict', () => {
  const minimal = hubWithOverlay();
  // 11 Mar 2026: web 1.0.0 shipped on time the day before, the runbook was reviewed in January.
  const CLEAR_EPOCH = '1773187200';

  it('exits 0 when nothing needs attention', () => {
    const result = runCli(['check', '--strict', '--content', minimal], { SOURCE_DATE_EPOCH: CLEAR_EPOCH });
    expect(result.stderr).toBe('');
    expect(result.stdout).toMatch(/✓ .*; 0 warnings, 0 attention items \(/);
    expect(result.status).toBe(0);
  });

  it('exits 1 on an attention item, which a plain check lists and passes', () => {
    // 26 Nov 2026: deploy-web (reviewed 15 Jan, every 180 days) was due 14 Jul.
    const line = `attention: ${minimal}/runbooks/deploy-web.md:6 lastReviewed: Its review was due Tue 14 Jul 2026 (every 180 days) — review the runbook and set lastReviewed to the day you did`;
    const strict = runCli(['check', '--strict', '--content', minimal], { SOURCE_DATE_EPOCH: TEST_NOW_EPOCH });
    expect(strict.status).toBe(1);
    expect(strict.stderr).toContain(line);
    expect(strict.stderr).toMatch(/✗ .* \(--strict\): 0 warnings, 1 attention item \(/);
    const plain = runCli(['check', '--content', minimal], { SOURCE_DATE_EPOCH: TEST_NOW_EPOCH });
    expect(plain.status).toBe(0);
    expect(plain.stderr).toContain(line);
    expect(plain.stdout).toMatch(/0 warnings, 1 attention item \(/);
  });

  it('exits 1 on a warning', () => {
    const result = runCli(['check', '--strict', '--content', hubWithOverlay('warnings/overlapping-windows')], { SOURCE_DATE_EPOCH: CLEAR_EPOCH });
    expect(result.stderr).toMatch(/^warning: /m);
    expect(result.status).toBe(1);
  });
});
