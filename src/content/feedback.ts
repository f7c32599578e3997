/**
 * Loading survey responses (SPEC §1 `feedback/`): `feedback/*.csv`, one response per row with the
 * columns `product`, `version`, `date`, `score` (a whole number 1–5) and optionally `comment` and
 * `segment`. A release with responses gets its satisfaction from them; a hand-written
 * `satisfaction` on the same release is an error that names both sources. Every bad row is
 * reported with its line, all in one round.
 */
import { Temporal } from 'temporal-polyfill';
import type { FeedbackResponse, HubConfig } from '../core/model.ts';
import { releaseTime } from '../releases/releases.ts';
import { satisfactionFromScores, SCORE_MAX, SCORE_MIN } from '../metrics/satisfaction.ts';
import { countOf } from '../presentation/count.ts';
import type { Problem } from './problems.ts';
import { readCsvRecords } from './csv.ts';
import type { LoadedRelease } from './release.ts';
import { suggestion } from './zod-problems.ts';

/** What the feedback loader needs of the content reader (src/content/load.ts). */
export interface FeedbackReader {
  readonly problems: Problem[];
  list(folder: string, extensions: readonly string[], recursive: boolean): Promise<string[]>;
  text(file: string): Promise<string | undefined>;
}

const REQUIRED_COLUMNS = ['product', 'version', 'date', 'score'] as const;
const OPTIONAL_COLUMNS = ['comment', 'segment'] as const;
const COLUMNS: readonly string[] = [...REQUIRED_COLUMNS, ...OPTIONAL_COLUMNS];

/** One response with the release it is about. */
interface FeedbackRow extends FeedbackResponse {
  product: string;
  version: string;
}

/** Why: each release's responses and satisfaction; a release's responses may come from several files. */
export async function loadFeedback(reader: FeedbackReader, releases: readonly LoadedRelease[], config: HubConfig | undefined): Promise<void> {
  const files = await reader.list('feedback', ['.csv'], false);
  if (files.length === 0 || !config) return;
  const rows: FeedbackRow[] = [];
  for (const file of files) {
    const text = await reader.text(file);
    if (text !== undefined) rows.push(...parseFeedbackCsv(file, text, config, reader.problems));
  }
  const byId = new Map(releases.map((loaded) => [loaded.release.id, loaded]));
  const responses = new Map<LoadedRelease, FeedbackRow[]>();
  for (const row of rows) {
    const loaded = byId.get(`${row.product}/${row.version}`);
    const problem = loaded ? rowProblem(row, loaded, config.timezone) : unknownRelease(row, releases);
    if (problem) reader.problems.push(problem);
    else if (loaded) responses.set(loaded, [...(responses.get(loaded) ?? []), row]);
  }
  for (const [loaded, list] of responses) {
    const { release, source } = loaded;
    if (release.satisfaction) {
      const files = [...new Set(list.map((row) => row.file))];
      reader.problems.push({
        severity: 'error',
        file: source.file,
        line: source.lineOf(['satisfaction']),
        field: 'satisfaction',
        message: `is written by hand, but ${files.join(' and ')} ${files.length === 1 ? 'has' : 'have'} ${countOf(list.length, 'response')} about ${release.product} ${release.version}`,
        fix: 'remove satisfaction from the release: it is computed from the responses (or remove the responses)',
      });
      continue;
    }
    release.satisfaction = satisfactionFromScores(list.map((row) => row.score));
    release.feedback = list.map(({ product: _product, version: _version, ...response }) => response);
  }
}

/** A response dated before its release shipped (or about a release that has not). */
function rowProblem(row: FeedbackRow, { release }: LoadedRelease, zone: string): Problem | undefined {
  const time = releaseTime(release);
  const at = { severity: 'error' as const, file: row.file, line: row.line };
  if (!time) {
    return {
      ...at,
      field: 'version',
      message: `${release.product} ${release.version} has no deployment.finishedAt and no window, so no response can be about it yet`,
      fix: 'check the version, or add the release time to the release',
    };
  }
  const day = time.withTimeZone(zone).toPlainDate();
  if (Temporal.PlainDate.compare(row.date, day) >= 0) return undefined;
  return {
    ...at,
    field: 'date',
    message: `${row.date.toString()} is before ${release.product} ${release.version} was ${release.deployment?.finishedAt ? 'released' : 'planned'} (${day.toString()})`,
    fix: 'check the date, or the version the response is about',
  };
}

function unknownRelease(row: FeedbackRow, releases: readonly LoadedRelease[]): Problem {
  const versions = releases.filter((loaded) => loaded.release.product === row.product).map((loaded) => loaded.release.version);
  return {
    severity: 'error',
    file: row.file,
    line: row.line,
    field: 'version',
    message: `${row.product} ${row.version} is not a release (there is no releases/${row.product}/${row.version}.md)`,
    fix:
      suggestion(row.version, versions) ??
      (versions.length > 0 ? `use a version of ${row.product}, e.g. ${versions.at(-1)}` : `add releases of ${row.product} first`),
  };
}

/** Why: a feedback file must be a clean table; every row is checked, and only clean rows are returned. */
export function parseFeedbackCsv(file: string, text: string, config: Pick<HubConfig, 'products'>, problems: Problem[]): FeedbackRow[] {
  const records = readCsvRecords(file, text, problems);
  if (!records) return [];
  const error = (line: number, field: string | undefined, message: string, fix: string) =>
    problems.push({ severity: 'error', file, line, field, message, fix });
  const [header, ...rest] = records;
  if (!header) {
    error(1, undefined, 'is empty', 'add a header row "product,version,date,score,comment,segment" and one row per response');
    return [];
  }
  const before = problems.length;
  for (const column of REQUIRED_COLUMNS) {
    if (!header.record.includes(column))
      error(1, column, `column is missing (the header is ${header.record.join(',')})`, `the header needs ${REQUIRED_COLUMNS.join(', ')}`);
  }
  for (const column of header.record) {
    if (!COLUMNS.includes(column)) error(1, column, 'is not a known column', suggestion(column, COLUMNS) ?? `remove it (known columns: ${COLUMNS.join(', ')})`);
  }
  if (problems.length > before) return [];
  const products = config.products.map((product) => product.id);
  const rows: FeedbackRow[] = [];
  for (const { record, info } of rest) {
    const line = info.lines;
    if (record.length !== header.record.length) {
      error(line, undefined, `has ${record.length} values but the header has ${header.record.length} columns`, 'quote a comment that holds a comma');
      continue;
    }
    const cell = (column: string) => record[header.record.indexOf(column)] ?? '';
    const rowStart = problems.length;
    const product = cell('product');
    if (!products.includes(product)) {
      error(line, 'product', `"${product}" is not a product of hub.yaml`, suggestion(product, products) ?? `use one of ${products.join(', ')}`);
    }
    const version = cell('version');
    if (version === '') error(line, 'version', 'is empty', 'write the version the response is about, e.g. 2.4.0');
    const date = readDate(cell('date'));
    if (!date) error(line, 'date', `"${cell('date')}" is not a date`, 'write the day of the response, e.g. 2026-03-12');
    const scoreText = cell('score');
    const score = Number(scoreText);
    if (!/^\d+$/.test(scoreText) || score < SCORE_MIN || score > SCORE_MAX) {
      error(line, 'score', `"${scoreText}" is not a score from ${SCORE_MIN} to ${SCORE_MAX}`, `write a whole number from ${SCORE_MIN} to ${SCORE_MAX}`);
    }
    if (problems.length > rowStart || !date) continue;
    const comment = cell('comment');
    const segment = cell('segment');
    rows.push({ product, version, date, score, ...(comment ? { comment } : {}), ...(segment ? { segment } : {}), file, line });
  }
  return rows;
}

function readDate(cell: string): Temporal.PlainDate | undefined {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(cell);
  if (!match) return undefined;
  try {
    return Temporal.PlainDate.from({ year: Number(match[1]), month: Number(match[2]), day: Number(match[3]) }, { overflow: 'reject' });
  } catch {
    return undefined;
  }
}
