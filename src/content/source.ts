/**
 * Reading YAML and frontmatter with positions: the `yaml` package (YAML 1.2 core schema, so
 * `2026-03-10T02:00` stays text and never becomes a UTC timestamp by accident) plus a line
 * counter, so that every later problem can point at the line of the field it is about.
 */
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

type ParseResult<T> = { source: T; problems: [] } | { source?: undefined; problems: Problem[] };

/** Why: parse a YAML file keeping positions; syntax errors become problems with their line. */
export function parseYamlSource(file: string, text: string, firstLine = 1): ParseResult<YamlSource> {
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
  return { source: { file, data: doc.toJS({ maxAliasCount: 100 }), lineOf }, problems: [] };
}

/** Why: release and runbook files carry YAML frontmatter between `---` lines above the body. */
export function parseFrontmatterSource(file: string, text: string): ParseResult<FrontmatterSource> {
  const match = /^(?:\uFEFF)?---[ \t]*\r?\n([\s\S]*?)\r?\n?---[ \t]*(?:\r?\n|$)/.exec(text);
  if (!match) {
    return {
      problems: [
        {
          severity: 'error',
          file,
          line: 1,
          message: 'has no frontmatter',
          fix: 'start the file with a line "---", the fields in YAML, then another "---" line',
        },
      ],
    };
  }
  const parsed = parseYamlSource(file, match[1] ?? '', 2);
  if (!parsed.source) return parsed;
  const bodyLine = match[0].split('\n').length;
  return { source: { ...parsed.source, body: text.slice(match[0].length), bodyLine }, problems: [] };
}

function firstSentence(message: string): string {
  return message.split('\n')[0]!.replace(/ at line \d+, column \d+:?$/, '');
}
