/**
 * The benchmark's report: one measurement per site, the hub/baseline ratios, the targets of
 * issues 10 and 25 checked against them, and the same figures as a plain-text table.
 */
import type { DistStats } from './dist-stats.ts';

/** Everything measured for one site (the hub or the baseline). */
export interface SiteMeasurement extends DistStats {
  /** Site build without the search index (the hub: until its Pagefind step starts, when its log shows one). */
  buildSeconds: number;
  /** Pagefind indexing, or null when it cannot be told apart from the build. */
  indexSeconds: number | null;
  /** Build and index: the time a user waits. */
  totalSeconds: number;
  /** User + system CPU seconds of every process, or null without /usr/bin/time. */
  cpuSeconds: number | null;
  /** Largest sum of resident memory over the process tree. */
  peakRssBytes: number;
  pagesPerSecond: number;
  /** Seconds per phase, from the time each phase's first log line appeared. */
  phases: Record<string, number>;
  /** The hub: wall seconds of a rebuild after one release's summary and body changed (caches kept); null for the baseline. */
  rebuildSeconds: number | null;
}

/** Hub divided by baseline, null where the baseline's figure is 0 or missing (or there is no baseline). */
export interface Ratios {
  /** The hub's rebuild after one edit divided by its full build + index time (needs no baseline). */
  rebuildOfFull: number | null;
  totalSeconds: number | null;
  buildSeconds: number | null;
  cpuSeconds: number | null;
  peakRssBytes: number | null;
  pages: number | null;
  pagesPerSecond: number | null;
  distBytes: number | null;
  medianReleaseHtmlBytes: number | null;
  pagefindBytesPerPage: number | null;
  pagefindBytesPerIndexedPage: number | null;
}

/** One target of issue 10 or 25 and whether this run meets it. */
export interface TargetCheck {
  target: string;
  value: number | null;
  limit: number;
  pass: boolean | null;
}

/** One alternation of the benchmark: the hub built, then the baseline. */
export interface BenchRun {
  hub: SiteMeasurement;
  baseline: SiteMeasurement | null;
  ratios: Ratios | null;
}

/** The lowest and highest value of each ratio over the runs. */
export type RatioSpread = { [field in keyof Ratios]: { min: number | null; max: number | null } };

/** The whole benchmark run, as printed with --json. */
export interface BenchReport {
  releases: number;
  products: number;
  seed: number;
  generator: { seconds: number; files: number; bytes: number; runbooks: number; people: number; validateSeconds: number; warnings: number };
  machine: { cpus: number; memoryBytes: number; node: string; astro: string; pagefind: string; loadAverageBefore: number[]; loadAverageAfter: number[] };
  hub: SiteMeasurement;
  baseline: SiteMeasurement | null;
  /** With --runs: the median of each ratio over the runs (with one run, that run's ratios). */
  ratios: Ratios | null;
  /** The lowest and highest of each ratio over the runs. */
  spread: RatioSpread | null;
  /** Each run's totals and ratios, in the order they ran. */
  runs: {
    hubTotalSeconds: number;
    hubRebuildSeconds: number | null;
    baselineTotalSeconds: number | null;
    hubPeakRssBytes: number;
    baselinePeakRssBytes: number | null;
    ratios: Ratios | null;
  }[];
  targets: TargetCheck[];
}

/** 1 KB = 1,000 bytes in the targets and the table. */
export const KB = 1000;
const RATIO_FIELDS = [
  'rebuildOfFull',
  'totalSeconds',
  'buildSeconds',
  'cpuSeconds',
  'peakRssBytes',
  'pages',
  'pagesPerSecond',
  'distBytes',
  'medianReleaseHtmlBytes',
  'pagefindBytesPerPage',
  'pagefindBytesPerIndexedPage',
] as const;
const BASELINE_RATIO_FIELDS = RATIO_FIELDS.filter((field) => field !== 'rebuildOfFull');

/** Why: ratios measured in one run are what counts on a shared machine; absolute times are noise. */
export function ratiosOf(hub: SiteMeasurement, baseline: SiteMeasurement | null): Ratios {
  const ratios = { rebuildOfFull: ratio(hub.rebuildSeconds, hub.totalSeconds) } as Ratios;
  for (const field of BASELINE_RATIO_FIELDS) ratios[field] = baseline ? ratio(hub[field], baseline[field]) : null;
  return ratios;
}

/** Why: on a shared machine one run's ratio is noise: the median of alternating runs, and how far they spread, is the figure. */
export function spreadOf(runs: readonly BenchRun[]): { median: Ratios; spread: RatioSpread } | undefined {
  const measured = runs.flatMap((run) => (run.ratios ? [run.ratios] : []));
  if (measured.length === 0) return undefined;
  const median = {} as Ratios;
  const spread = {} as RatioSpread;
  for (const field of RATIO_FIELDS) {
    const values = measured
      .map((ratios) => ratios[field])
      .filter((value): value is number => value !== null)
      .sort((a, b) => a - b);
    median[field] = values.length === 0 ? null : medianOf(values);
    spread[field] = { min: values[0] ?? null, max: values.at(-1) ?? null };
  }
  return { median, spread };
}

/** Why: the page weights and phases shown are those of the run with the median build + index time of each site. */
export function medianRun(runs: readonly BenchRun[]): { hub: SiteMeasurement; baseline: SiteMeasurement | null } {
  const middle = <T extends { totalSeconds: number }>(sites: T[]): T =>
    [...sites].sort((a, b) => a.totalSeconds - b.totalSeconds)[Math.floor((sites.length - 1) / 2)]!;
  const baselines = runs.flatMap((run) => (run.baseline ? [run.baseline] : []));
  return { hub: middle(runs.map((run) => run.hub)), baseline: baselines.length > 0 ? middle(baselines) : null };
}

function medianOf(sorted: readonly number[]): number {
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle]! : Math.round(((sorted[middle - 1]! + sorted[middle]!) / 2) * 1000) / 1000;
}

/** Why: the issue's targets, checked on every run (the linear-growth target needs two runs; see docs/performance.md). */
export function targetChecks(hub: SiteMeasurement, baseline: SiteMeasurement | null, ratios: Ratios | null = ratiosOf(hub, baseline)): TargetCheck[] {
  const check = (target: string, value: number | null, limit: number): TargetCheck => ({ target, value, limit, pass: value === null ? null : value <= limit });
  return [
    check('build + index time ≤ 1.2 × baseline build + index', ratios?.totalSeconds ?? null, 1.2),
    check('peak memory ≤ 1.1 × baseline', ratios?.peakRssBytes ?? null, 1.1),
    check('rebuild after one edit ≤ 0.25 × full build + index', ratios?.rebuildOfFull ?? null, 0.25),
    check('release page JavaScript before interaction = 0 bytes', hub.releasePageJsBytes, 0),
    check('median release page HTML ≤ 25 KB', hub.medianReleaseHtmlBytes, 25 * KB),
    check('largest HTML page ≤ 200 KB', hub.maxHtmlBytes, 200 * KB),
    check('search index ≤ 4 KB per indexed page', hub.pagefindIndexedPages > 0 ? hub.pagefindBytesPerIndexedPage : null, 4 * KB),
  ];
}

/** Why: the same figures as the JSON, for a person reading a terminal. */
export function formatReport(report: BenchReport): string {
  const { hub, baseline, ratios } = report;
  const rows: [string, (site: SiteMeasurement) => string, keyof Ratios | null][] = [
    ['build time (s)', (site) => seconds(site.buildSeconds), 'buildSeconds'],
    ['index time (s)', (site) => (site.indexSeconds === null ? 'n/a' : seconds(site.indexSeconds)), null],
    ['build + index time (s)', (site) => seconds(site.totalSeconds), 'totalSeconds'],
    ['rebuild after one edit (s)', (site) => (site.rebuildSeconds === null ? '—' : seconds(site.rebuildSeconds)), null],
    ['CPU time, all processes (s)', (site) => (site.cpuSeconds === null ? 'n/a' : seconds(site.cpuSeconds)), 'cpuSeconds'],
    ['peak RSS, process tree (MB)', (site) => megabytes(site.peakRssBytes), 'peakRssBytes'],
    ['pages built (.html)', (site) => String(site.pages), 'pages'],
    ['pages per second', (site) => site.pagesPerSecond.toFixed(1), 'pagesPerSecond'],
    ['dist/ size (MB)', (site) => megabytes(site.distBytes), 'distBytes'],
    ['median release page HTML (KB)', (site) => kilobytes(site.medianReleaseHtmlBytes), 'medianReleaseHtmlBytes'],
    ['largest HTML page (KB)', (site) => kilobytes(site.maxHtmlBytes), null],
    ['release page JS before interaction (B)', (site) => String(site.releasePageJsBytes), null],
    ['Pagefind index per page (KB)', (site) => kilobytes(site.pagefindBytesPerPage), 'pagefindBytesPerPage'],
    ['Pagefind index per indexed page (KB)', (site) => kilobytes(site.pagefindBytesPerIndexedPage), 'pagefindBytesPerIndexedPage'],
  ];
  const runNote = report.runs.length > 1 ? ` (median of ${report.runs.length} alternating runs; spread ${spreadText(report)})` : '';
  const table = [
    ['', 'hub', 'baseline', 'hub/baseline'],
    ...rows.map(([label, value, field]) => [label, value(hub), baseline ? value(baseline) : '—', ratios && field ? formatRatio(ratios[field]) : '']),
  ];
  const widths = table[0]!.map((_, column) => Math.max(...table.map((row) => row[column]!.length)));
  const lines = table.map((row) => row.map((cell, column) => (column === 0 ? cell.padEnd(widths[column]!) : cell.padStart(widths[column]!))).join('  '));
  const phases = (name: string, site: SiteMeasurement) =>
    `${name} phases (s): ${Object.entries(site.phases)
      .map(([phase, value]) => `${phase} ${seconds(value)}`)
      .join(', ')}`;
  const targets = report.targets.map(
    (target) =>
      `  ${target.pass === null ? '?' : target.pass ? '✓' : '✗'} ${target.target}: ${target.value === null ? 'not measured' : formatTargetValue(target)}`,
  );
  return [
    `Release Hub benchmark: ${report.releases} releases over ${report.products} products (seed ${report.seed}); generated ${report.generator.files} files in ${seconds(report.generator.seconds)} s, validated in ${seconds(report.generator.validateSeconds)} s`,
    `machine: ${report.machine.cpus} CPUs, ${megabytes(report.machine.memoryBytes)} MB, Node ${report.machine.node}, Astro ${report.machine.astro}, Pagefind ${report.machine.pagefind}; load average ${report.machine.loadAverageBefore.map((load) => load.toFixed(2)).join(' ')} before, ${report.machine.loadAverageAfter.map((load) => load.toFixed(2)).join(' ')} after`,
    '',
    ...lines,
    ...(runNote ? [`ratios${runNote}`] : []),
    ...(hub.rebuildSeconds === null
      ? []
      : [`rebuild after one edit: ${seconds(hub.rebuildSeconds)} s, ${formatRatio(ratios?.rebuildOfFull ?? null)} the full build + index`]),
    '',
    phases('hub', hub),
    ...(baseline ? [phases('baseline', baseline)] : []),
    `median release page: hub ${hub.medianReleasePage}${baseline ? `, baseline ${baseline.medianReleasePage}` : ''}; largest HTML page: ${hub.maxHtmlPage}`,
    '',
    'targets (issues 10 and 25):',
    ...targets,
  ].join('\n');
}

function spreadText(report: BenchReport): string {
  const range = (field: 'totalSeconds' | 'peakRssBytes') =>
    `${formatRatio(report.spread?.[field].min ?? null)}–${formatRatio(report.spread?.[field].max ?? null)}`;
  return `time ${range('totalSeconds')}, memory ${range('peakRssBytes')}`;
}

function ratio(value: number | null, base: number | null): number | null {
  if (value === null || base === null || base === 0 || !Number.isFinite(value / base)) return null;
  return Math.round((value / base) * 1000) / 1000;
}

function formatTargetValue(target: TargetCheck): string {
  if (target.limit >= KB) return `${kilobytes(target.value!)} KB (limit ${kilobytes(target.limit)} KB)`;
  if (target.limit === 0) return `${target.value} bytes`;
  return `${formatRatio(target.value)} (limit ${target.limit}×)`;
}

function formatRatio(value: number | null): string {
  return value === null ? 'n/a' : `${value.toFixed(2)}×`;
}

function seconds(value: number): string {
  return value.toFixed(1);
}

function megabytes(bytes: number): string {
  return (bytes / KB / KB).toFixed(0);
}

function kilobytes(bytes: number): string {
  return (bytes / KB).toFixed(1);
}
