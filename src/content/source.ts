/**
 * Reading YAML and frontmatter with positions: the `yaml` package (YAML 1.2 core schema, so
 * `2026-03-10T02:00` stays text and never becomes a UTC timestamp by accident) plus a line
 * counter, so that every later problem can point at the line of the field it is about.
 *
 * Positions cost: `yaml` builds a document with ranges, about twelve times slower than reading
 * the data alone. Most files are valid and never need a line, so a file is read first with
 * `js-yaml` (YAML 1.2 core schema as well, aliases refused) and its positions are worked out on
 * the first `lineOf`. Whatever `js-yaml` does not read as plainly (a syntax error, an alias, a tag
 * it does not know, a `null` key) is read with `yaml` alone, as before, so its errors and data
 * stay those of `yaml`.
 */
import { load as loadData } from 'js-yaml';
import { isMap, isPair, isScalar, isSeq, LineCounter, parseDocument, type Node } from 'yaml';
import type { Problem } from './problems.ts';

/** A parsed YAML document (a whole file or a frontmatter block) with line lookup. */
export interface YamlSource {
  /** Path relative to the content root. */
  file: string;
  /** The plain data. */
  data: unknown;
  /** 1-based line of the field at `path`, or of its nearest parent present in the file. */
  lineOf(path: readonly PropertyKey[]): number;
}

/** A Markdown/MDX file split into frontmatter and body. */
export interface FrontmatterSource extends YamlSource {
  body: string;
  /** 1-based line of the file on which the body starts. */
  bodyLine: number;
}

/** Aliases a YAML file may expand: a few for shared values, never an alias bomb. */
const MAX_ALIASES = 100;

type ParseResult<T> = { source: T; problems: [] } | { source?: undefined; problems: Problem[] };

/** Why: parse a YAML file keeping positions; syntax errors become problems with their line. */
export function parseYamlSource(file: string, text: string, firstLine = 1): ParseResult<YamlSource> {
  const quick = plainData(text);
  if (!quick) return parseWithPositions(file, text, firstLine);
  let positions: YamlSource | undefined;
  const lineOf = (path: readonly PropertyKey[]) => {
    // `js-yaml` read the file, so `yaml` does too; should it not, the problem points at the file's start.
    positions ??= parseWithPositions(file, text, firstLine).source ?? { file, data: quick.data, lineOf: () => firstLine };
    return positions.lineOf(path);
  };
  return { source: { file, data: quick.data, lineOf }, problems: [] };
}

/** A key `null`, `Null`, `NULL` or `~`: `yaml` reads it as "", `js-yaml` as "null". */
const NULL_KEY = /^[ \t]*(?:-[ \t]+)?(?:null|Null|NULL|~)[ \t]*:/m;

/** The data of a file that `js-yaml` reads as `yaml` would, or undefined (see the file comment). */
function plainData(text: string): { data: unknown } | undefined {
  if (NULL_KEY.test(text)) return undefined;
  try {
    return { data: loadData(text, { maxAliases: 0 }) };
  } catch {
    return undefined;
  }
}

function parseWithPositions(file: string, text: string, firstLine: number): ParseResult<YamlSource> {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: true, version: '1.2' });
  const lineAt = (offset: number) => lineCounter.linePos(offset).line + firstLine - 1;
  if (doc.errors.length > 0) {
    return {
      // The first syntax error only: the ones after it are usually its echo.
      problems: doc.errors.slice(0, 1).map((error) => ({
        severity: 'error',
        file,
        line: lineAt(error.pos[0]),
        message: `is not valid YAML: ${firstSentence(error.message)}`,
        fix: 'check the indentation, the colons and the quoting on that line',
      })),
    };
  }
  const lineOf = (path: readonly PropertyKey[]) => {
    let node: unknown = doc.contents;
    let offset = 0;
    for (const segment of path) {
      if (isMap(node)) {
        const pair = node.items.find((item) => isPair(item) && isScalar(item.key) && item.key.value === segment);
        if (!pair) break;
        offset = (pair.key as Node).range?.[0] ?? offset;
        node = pair.value;
      } else if (isSeq(node) && typeof segment === 'number' && node.items[segment]) {
        node = node.items[segment];
        offset = (node as Node).range?.[0] ?? offset;
      } else break;
    }
    return lineAt(offset);
  };
  let data: unknown;
  try {
    data = doc.toJS({ maxAliasCount: MAX_ALIASES });
  } catch (error) {
    // A "billion laughs" file: aliases that expand without end.
    return {
      problems: [
        {
          severity: 'error',
          file,
          line: firstLine,
          message: `expands YAML aliases (*name) more than ${MAX_ALIASES} times (${firstSentence((error as Error).message)})`,
          fix: 'write the values out instead of repeating aliases',
        },
      ],
    };
  }
  return { source: { file, data, lineOf }, problems: [] };
}

/** Why: release and runbook files carry YAML frontmatter between `---` lines above the body. */
export function parseFrontmatterSource(file: string, text: string): ParseResult<FrontmatterSource> {
  const problem = (line: number, message: string, fix: string): ParseResult<FrontmatterSource> => ({
    problems: [{ severity: 'error', file, line, message, fix }],
  });
  const lines = text.replace(/^\uFEFF/, '').split('\n');
  if (!DELIMITER.test(lines[0] ?? '')) return problem(1, 'has no frontmatter', 'start the file with a line "---", the fields in YAML, then another "---" line');
  // Only a line that is exactly `---` closes the frontmatter (`summary: Big news---` does not);
  // Astro and MDX split the file the same way only when no other line starts with `---`.
  const close = lines.findIndex((line, index) => index > 0 && DELIMITER.test(line));
  const stray = lines.findIndex((line, index) => index > 0 && (close < 0 || index < close) && line.startsWith('---') && !DELIMITER.test(line));
  if (stray > 0)
    return problem(
      stray + 1,
      'starts with "---" inside the frontmatter',
      'only the two lines that open and close the frontmatter may start with ---: quote the value or indent the line',
    );
  if (close < 0) return problem(lines.length, 'has no line "---" that closes the frontmatter', 'end the frontmatter with a line that is exactly ---');
  const parsed = parseYamlSource(file, lines.slice(1, close).join('\n'), 2);
  if (!parsed.source) return parsed;
  const bodyLine = close + 2;
  return { source: { ...parsed.source, body: lines.slice(close + 1).join('\n'), bodyLine }, problems: [] };
}

/** A frontmatter delimiter line: exactly `---`, trailing spaces and a CR allowed. */
const DELIMITER = /^---[ \t]*\r?$/;

function firstSentence(message: string): string {
  return message.split('\n')[0]!.replace(/ at line \d+, column \d+:?$/, '');
}
