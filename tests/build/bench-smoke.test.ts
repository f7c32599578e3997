/**
 * A smoke run of the benchmark (`npm run bench -- --releases 20 --json`): the full benchmark is
 * never part of npm test, but the command must keep working as the hub grows.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import type { BenchReport, SiteMeasurement } from '../../scripts/bench/report.ts';
import { runDevScript } from './helpers/run.ts';

const SITE_FIELDS: (keyof SiteMeasurement)[] = [
  'buildSeconds',
  'indexSeconds',
  'totalSeconds',
  'cpuSeconds',
  'peakRssBytes',
  'pages',
  'pagesPerSecond',
  'distBytes',
  'releasePages',
  'medianReleaseHtmlBytes',
  'medianReleasePage',
  'maxHtmlBytes',
  'maxHtmlPage',
  'releasePageJsBytes',
  'releasePageScripts',
  'pagefindBytes',
  'pagefindIndexedPages',
  'pagefindBytesPerPage',
  'pagefindBytesPerIndexedPage',
  'phases',
  'rebuildSeconds',
];

describe('npm run bench -- --releases 20 --json', () => {
  let result: ReturnType<typeof runDevScript>;
  let report: BenchReport;
  beforeAll(() => {
    result = runDevScript('scripts/bench.ts', ['--releases', '20', '--json']);
    report = JSON.parse(result.stdout || '{}') as BenchReport;
  });

  it('exits 0 and prints one JSON report', () => {
    expect(result.status, result.stderr).toBe(0);
    expect(() => JSON.parse(result.stdout)).not.toThrow();
  });

  it('measures the hub and the baseline with every field, and sane values', () => {
    expect(report.releases).toBe(20);
    expect(report.products).toBe(2);
    for (const site of [report.hub, report.baseline!]) {
      expect(Object.keys(site).sort()).toEqual([...SITE_FIELDS].sort());
      expect(site.pages).toBeGreaterThanOrEqual(20);
      expect(site.releasePages).toBe(20);
      expect(site.buildSeconds).toBeGreaterThan(0);
      expect(site.totalSeconds).toBeGreaterThanOrEqual(site.buildSeconds);
      expect(site.indexSeconds).toBeGreaterThan(0);
      expect(site.peakRssBytes).toBeGreaterThan(50 * 1024 * 1024);
      expect(site.pagesPerSecond).toBeGreaterThan(0);
      expect(site.distBytes).toBeGreaterThan(site.pages * 1000);
      expect(site.medianReleaseHtmlBytes).toBeGreaterThan(1000);
      expect(site.maxHtmlBytes).toBeGreaterThanOrEqual(site.medianReleaseHtmlBytes);
      expect(site.releasePageJsBytes).toBeGreaterThanOrEqual(0);
      expect(site.pagefindIndexedPages).toBeGreaterThanOrEqual(20);
      expect(site.pagefindBytesPerIndexedPage).toBeGreaterThan(0);
      expect(Object.values(site.phases).every((seconds) => seconds >= 0)).toBe(true);
    }
    expect(report.baseline!.releasePageJsBytes).toBe(0);
  });

  it("times the hub's validation apart from its start, and a rebuild after one edit (the baseline has none)", () => {
    expect(Object.keys(report.hub.phases)).toEqual([
      'start',
      'validation',
      'build setup',
      'vite bundle',
      'page generation',
      'astro finish',
      'search index',
      'swap into place',
    ]);
    expect(report.hub.rebuildSeconds).toBeGreaterThan(0);
    expect(report.baseline!.rebuildSeconds).toBeNull();
    expect(report.ratios!.rebuildOfFull).toBe(Math.round((report.hub.rebuildSeconds! / report.hub.totalSeconds) * 1000) / 1000);
  });

  it('gives finite hub/baseline ratios and checks every target', () => {
    const ratios = Object.entries(report.ratios ?? {});
    expect(ratios.length).toBeGreaterThanOrEqual(10);
    for (const [field, value] of ratios) {
      if (field === 'cpuSeconds' && report.hub.cpuSeconds === null) continue;
      expect(Number.isFinite(value), field).toBe(true);
      expect(value, field).toBeGreaterThan(0);
    }
    expect(report.targets).toHaveLength(7);
    expect(report.targets.every((target) => typeof target.pass === 'boolean')).toBe(true);
    expect(report.generator.warnings).toBe(0);
  });
});
