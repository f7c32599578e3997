/** The benchmark report: ratios, the targets, and the printed table. */
import { describe, expect, it } from 'vitest';
import {
  formatReport,
  medianRun,
  ratiosOf,
  spreadOf,
  targetChecks,
  type BenchReport,
  type BenchRun,
  type SiteMeasurement,
} from '../../scripts/bench/report.ts';

function site(overrides: Partial<SiteMeasurement>): SiteMeasurement {
  return {
    pages: 100,
    distBytes: 10_000_000,
    releasePages: 90,
    medianReleaseHtmlBytes: 20_000,
    medianReleasePage: 'releases/web/1.0.0/index.html',
    maxHtmlBytes: 150_000,
    maxHtmlPage: 'releases/index.html',
    releasePageJsBytes: 0,
    releasePageScripts: [],
    pagefindBytes: 300_000,
    pagefindIndexedPages: 100,
    pagefindBytesPerPage: 3000,
    pagefindBytesPerIndexedPage: 3000,
    buildSeconds: 10,
    indexSeconds: 2,
    totalSeconds: 12,
    cpuSeconds: 14,
    peakRssBytes: 1_000_000_000,
    pagesPerSecond: 8.33,
    phases: { 'content sync': 1 },
    rebuildSeconds: null,
    ...overrides,
  };
}

describe('ratiosOf', () => {
  it('divides hub by baseline, and gives null where the baseline has nothing to divide by', () => {
    const ratios = ratiosOf(site({ totalSeconds: 18, cpuSeconds: 21 }), site({ pagefindIndexedPages: 0, pagefindBytesPerIndexedPage: 0, cpuSeconds: null }));
    expect(ratios.totalSeconds).toBe(1.5);
    expect(ratios.peakRssBytes).toBe(1);
    expect(ratios.cpuSeconds).toBeNull();
    expect(ratios.pagefindBytesPerIndexedPage).toBeNull();
  });

  it("divides the hub's rebuild by its own full build, with or without a baseline", () => {
    // 4.5 s after one edit against 18 s for the whole build and index: a quarter.
    expect(ratiosOf(site({ totalSeconds: 18, rebuildSeconds: 4.5 }), site({})).rebuildOfFull).toBe(0.25);
    const alone = ratiosOf(site({ totalSeconds: 18, rebuildSeconds: 4.5 }), null);
    expect(alone.rebuildOfFull).toBe(0.25);
    expect(alone.totalSeconds).toBeNull();
    expect(ratiosOf(site({}), site({})).rebuildOfFull).toBeNull();
  });
});

describe('targetChecks', () => {
  it('passes a hub within every limit and fails one over any', () => {
    // The baseline: 12 s, 1,000 MB. At the limits: 14.4 s (1.2 ×), 1,100 MB (1.1 ×), a rebuild of 3.6 s (0.25 × 14.4).
    expect(targetChecks(site({ totalSeconds: 14.4, peakRssBytes: 1_100_000_000, rebuildSeconds: 3.6 }), site({})).map((check) => check.pass)).toEqual([
      true,
      true,
      true,
      true,
      true,
      true,
      true,
    ]);
    const failing = targetChecks(
      site({
        totalSeconds: 14.5,
        peakRssBytes: 1_101_000_000,
        rebuildSeconds: 3.7,
        releasePageJsBytes: 1,
        medianReleaseHtmlBytes: 25_001,
        maxHtmlBytes: 200_001,
        pagefindBytesPerIndexedPage: 4001,
      }),
      site({}),
    );
    expect(failing.map((check) => check.pass)).toEqual([false, false, false, false, false, false, false]);
  });

  it('leaves the ratio targets unmeasured without a baseline', () => {
    expect(
      targetChecks(site({}), null)
        .slice(0, 3)
        .map((check) => check.pass),
    ).toEqual([null, null, null]);
  });
});

describe('formatReport', () => {
  it('prints a row per figure with hub, baseline and ratio, the phases and the targets', () => {
    const hub = site({ totalSeconds: 18, rebuildSeconds: 4.5 });
    const baseline = site({});
    const report: BenchReport = {
      releases: 1000,
      products: 2,
      seed: 1,
      generator: { seconds: 1, files: 1015, bytes: 1, runbooks: 8, people: 10, validateSeconds: 2, warnings: 0 },
      machine: { cpus: 2, memoryBytes: 1, node: 'v24', astro: '7.3.5', pagefind: '1.6.0', loadAverageBefore: [1, 1, 1], loadAverageAfter: [2, 2, 2] },
      hub,
      baseline,
      ratios: ratiosOf(hub, baseline),
      spread: null,
      runs: [],
      targets: targetChecks(hub, baseline),
    };
    const text = formatReport(report);
    expect(text).toMatch(/^build \+ index time \(s\)\s+18\.0\s+12\.0\s+1\.50×$/m);
    expect(text).toMatch(/^peak RSS, process tree \(MB\)\s+1000\s+1000\s+1\.00×$/m);
    expect(text).toContain('hub phases (s): content sync 1.0');
    expect(text).toMatch(/^rebuild after one edit \(s\)\s+4\.5\s+—\s*$/m);
    expect(text).toContain('rebuild after one edit: 4.5 s, 0.25× the full build + index');
    expect(text).toContain('✗ build + index time ≤ 1.2 × baseline build + index: 1.50× (limit 1.2×)');
    expect(text).toContain('✓ rebuild after one edit ≤ 0.25 × full build + index: 0.25× (limit 0.25×)');
  });
});

describe('--runs: medians and spread of alternating runs', () => {
  // Baseline 12 s and 1,000 MB in every run (see site()); the hub took 18, 24 and 15 s, 1,100, 1,300 and 1,200 MB.
  const runs: BenchRun[] = [
    [18, 1_100_000_000],
    [24, 1_300_000_000],
    [15, 1_200_000_000],
  ].map(([totalSeconds, peakRssBytes]) => {
    const hub = site({ totalSeconds, peakRssBytes });
    const baseline = site({});
    return { hub, baseline, ratios: ratiosOf(hub, baseline) };
  });

  it('takes the median of each ratio and its lowest and highest value', () => {
    const { median, spread } = spreadOf(runs)!;
    expect(median.totalSeconds).toBe(1.5);
    expect(spread.totalSeconds).toEqual({ min: 1.25, max: 2 });
    expect(median.peakRssBytes).toBe(1.2);
    expect(spread.peakRssBytes).toEqual({ min: 1.1, max: 1.3 });
  });

  it('averages the two middle ratios of an even count', () => {
    expect(spreadOf(runs.slice(0, 2))!.median.totalSeconds).toBe(1.75);
  });

  it('shows the pages and phases of the run with the median time of each site, and checks the targets on the median ratios', () => {
    expect(medianRun(runs).hub.totalSeconds).toBe(18);
    const checks = targetChecks(medianRun(runs).hub, medianRun(runs).baseline, spreadOf(runs)!.median);
    expect(checks[0]).toMatchObject({ value: 1.5, pass: false });
    expect(checks[1]).toMatchObject({ value: 1.2, pass: false });
  });

  it('says nothing of ratios when no run has any', () => {
    expect(spreadOf([{ hub: site({}), baseline: null, ratios: null }])).toBeUndefined();
  });
});
