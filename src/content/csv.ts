/**
 * Reading the CSV files of a content root (custom metric series, usage, survey responses): one
 * set of parser options, and a syntax error as one problem with its line.
 */
import { parse as parseCsv } from 'csv-parse/sync';
import type { Problem } from './problems.ts';

/** One CSV row with the 1-based line it ends on. */
export interface CsvRecord {
  record: string[];
  info: { lines: number };
}

/** Why: every CSV of a hub is read the same way (BOM dropped, cells trimmed, ragged rows kept for the caller to report). */
export function readCsvRecords(file: string, text: string, problems: Problem[]): CsvRecord[] | undefined {
  try {
    return parseCsv(text, { info: true, relax_column_count: true, skip_empty_lines: true, trim: true, bom: true }) as unknown as CsvRecord[];
  } catch (error) {
    const line = (error as { lines?: number }).lines;
    problems.push({ severity: 'error', file, line, message: `is not valid CSV: ${(error as Error).message}`, fix: 'check the quoting on that line' });
    return undefined;
  }
}
