/**
 * Loading usage data (SPEC §1 `usage/`): `usage/<product>.csv` with the columns `time` and
 * `count`, and its optional sidecar `usage/<product>.yaml`. Times are resolved by SPEC §2 (an
 * offset, or the hub zone's wall clock); every bad row is reported with its line.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { Temporal } from 'temporal-polyfill';
import type { Hub, HubConfig, UsageSample, UsageSeries } from '../core/model.ts';
import { parseWrittenTime } from '../core/time.ts';
import { readWrittenTime } from '../schemas/grammar.ts';
import { usageSidecarSchema } from '../schemas/usage.ts';
import { entryIdOf } from './files.ts';
import { readCsvRecords } from './csv.ts';
import type { Problem } from './problems.ts';
import { parseYamlSource, type YamlSource } from './source.ts';
import { busyFindingText, busyWindowFindings, usageByProduct } from '../usage/usage.ts';
import { suggestion, validateSource } from './zod-problems.ts';

/** What the usage loader needs of the content reader (src/content/load.ts). */
export interface UsageReader {
  readonly problems: Problem[];
  list(folder: string, extensions: readonly string[], recursive: boolean): Promise<string[]>;
  text(file: string): Promise<string | undefined>;
  yaml(file: string): Promise<YamlSource | undefined>;
}

/** The columns of a usage file. */
const USAGE_COLUMNS = ['time', 'count'] as const;

/** Why: each product's usage, every problem of every file in one round. */
export async function loadUsage(reader: UsageReader, config: HubConfig | undefined): Promise<UsageSeries[]> {
  const csvFiles = await reader.list('usage', ['.csv'], false);
  // A sidecar may end in .yaml or .yml, as RACI and train files may (two for one product: the listing's error).
  const yamlFiles = await reader.list('usage', ['.yaml', '.yml'], false);
  const ids = new Set(csvFiles.map((file) => entryIdOf(file, 'usage')));
  const sidecars = new Map<string, string>();
  for (const file of yamlFiles) {
    const id = entryIdOf(file, 'usage');
    if (!sidecars.has(id)) sidecars.set(id, file);
    if (!ids.has(id)) {
      reader.problems.push({
        severity: 'error',
        file,
        message: `describes usage/${entryIdOf(file, 'usage')}.csv, which does not exist`,
        fix: 'add the CSV file, or remove or rename the sidecar',
      });
    }
  }
  const productIds = config?.products.map((product) => product.id);
  const series: UsageSeries[] = [];
  for (const file of csvFiles) {
    const product = entryIdOf(file, 'usage');
    if (productIds && !productIds.includes(product)) {
      reader.problems.push({
        severity: 'error',
        file,
        message: `is named after "${product}", which is not a product of hub.yaml`,
        fix: suggestion(product, productIds) ?? `name it after one of ${productIds.join(', ')}`,
      });
    }
    const sidecar = sidecars.get(product);
    const sidecarSource = sidecar === undefined ? undefined : await reader.yaml(sidecar);
    const checked =
      sidecarSource && sidecarSource.data != null ? validateSource(usageSidecarSchema, sidecarSource) : { value: usageSidecarSchema.parse({}), problems: [] };
    reader.problems.push(...checked.problems);
    const text = await reader.text(file);
    if (text === undefined || !config) continue;
    const samples = parseUsageCsv(file, text, config.timezone, reader.problems);
    if (samples && checked.value && productIds?.includes(product)) {
      series.push({ product, ...checked.value, samples, source: { file } });
    }
  }
  return series;
}

/**
 * Why: a usage file must be a clean table: `time` (with an offset, or local to the hub zone) and a
 * count of at least 0, each instant once. A local time of a fall-back night's repeated hour means
 * the first of the two (SPEC §2); written again in a later row, it means the second, so data
 * exported in time order in local time keeps both hours.
 */
export function parseUsageCsv(file: string, text: string, zone: string, problems: Problem[]): UsageSample[] | undefined {
  const records = readCsvRecords(file, text, problems);
  if (!records) return undefined;
  const [header, ...rows] = records;
  const before = problems.length;
  const error = (line: number, field: string | undefined, message: string, fix: string) =>
    problems.push({ severity: 'error', file, line, field, message, fix });
  if (!header) {
    error(1, undefined, 'is empty', 'add a header row "time,count" and one row per hour');
    return undefined;
  }
  for (const column of USAGE_COLUMNS) {
    if (!header.record.includes(column)) error(1, column, `column is missing (the header is ${header.record.join(',')})`, 'the header must be time,count');
  }
  for (const column of header.record) {
    if (!(USAGE_COLUMNS as readonly string[]).includes(column)) {
      error(1, column, 'is not a known column', suggestion(column, USAGE_COLUMNS) ?? 'remove it: a usage file has the columns time and count');
    }
  }
  if (problems.length > before) return undefined;
  if (rows.length === 0) {
    error(1, undefined, 'has no rows', 'add one row per hour, e.g. 2026-03-02T09:00,1520');
    return undefined;
  }
  const timeIndex = header.record.indexOf('time');
  const countIndex = header.record.indexOf('count');
  const seen = new Map<bigint, number>();
  const samples: UsageSample[] = [];
  for (const { record, info } of rows) {
    const line = info.lines;
    if (record.length !== header.record.length) {
      error(line, undefined, `has ${record.length} values but the header has ${header.record.length} columns`, 'give every row a time and a count');
      continue;
    }
    const time = readTime(record[timeIndex] ?? '', zone, seen);
    if (!time.ok) error(line, 'time', time.message, time.fix);
    const cell = record[countIndex] ?? '';
    const count = Number(cell);
    const isCount = /^\+?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/i.test(cell) && Number.isFinite(count);
    if (!isCount) error(line, 'count', `"${cell}" is not a count`, 'write a number of at least 0, such as 1520 (no units or thousands separators)');
    if (!time.ok || !isCount) continue;
    const key = time.value.epochNanoseconds;
    const earlier = seen.get(key);
    if (earlier !== undefined) {
      error(line, 'time', `"${record[timeIndex]}" is the same instant as line ${earlier}`, 'give each time one row (add the counts together)');
      continue;
    }
    seen.set(key, line);
    samples.push({ at: time.value.toInstant(), count });
  }
  if (problems.length > before) return undefined;
  return samples.sort((a, b) => (a.at.epochNanoseconds < b.at.epochNanoseconds ? -1 : a.at.epochNanoseconds > b.at.epochNanoseconds ? 1 : 0));
}

type TimeRead = { ok: true; value: Temporal.ZonedDateTime } | { ok: false; message: string; fix: string };

/** One `time` cell: a time of day is required; a repeated local time already taken means its second occurrence. */
function readTime(cell: string, zone: string, seen: ReadonlyMap<bigint, number>): TimeRead {
  const parsed = parseWrittenTime(cell, zone);
  if (!parsed.ok) {
    if (parsed.reason === 'dst-gap') return { ok: false, message: parsed.message, fix: 'leave that hour out: it does not happen' };
    // The written-form message carries its own example after " — "; the row's fix replaces it.
    return { ok: false, message: parsed.message.split(' — ')[0]!, fix: 'write a time such as 2026-03-02T09:00 or 2026-03-02T09:00+01:00' };
  }
  if (parsed.dateOnly) return { ok: false, message: `"${cell}" has no time of day`, fix: 'write the hour, e.g. 2026-03-02T09:00' };
  const written = readWrittenTime(cell);
  if (written.ok && !written.offset && seen.has(parsed.value.epochNanoseconds)) {
    const later = written.local.toZonedDateTime(zone, { disambiguation: 'later' });
    if (!later.equals(parsed.value)) return { ok: true, value: later };
  }
  return { ok: true, value: parsed.value };
}

/**
 * Why: a cadence in busy hours is advice about hub.yaml, not a content error: a warning on the line
 * of its `cadence`. `release-hub check`, the build and the dev server add it to the content's
 * problems (src/integration/hub-state.ts), as they add the link check's. An upcoming release's
 * window in busy hours is an attention item of that release instead (`busy-window`,
 * src/process/attention.ts).
 */
export async function busyWindowWarnings(hub: Hub, contentRoot: string): Promise<Problem[]> {
  const findings = busyWindowFindings(hub).filter((finding) => finding.release === undefined);
  if (findings.length === 0) return [];
  const usage = usageByProduct(hub);
  const text = await readFile(path.join(contentRoot, 'hub.yaml'), 'utf8').catch(() => undefined);
  const line = text === undefined ? undefined : parseYamlSource('hub.yaml', text).source?.lineOf(['cadence']);
  return findings.map((finding) => ({
    severity: 'warning',
    file: 'hub.yaml',
    line,
    field: 'cadence',
    ...busyFindingText(finding, usage.get(finding.product)),
  }));
}
