/**
 * Changelogs that mark versions with lines of their own (`**5.12.1 / 2026-11-13**`,
 * `2.9.4 / 2018-02-02`) sometimes put such a line right under the last item of the version
 * before, with no blank line. Markdown then reads it as a continuation of that item, and the
 * version with all its items would vanish into the one above. Such lines are given the blank
 * line before they are parsed; the line numbers the report shows stay those of the file.
 */
import type { Nodes, Root } from 'mdast';
import { isBareVersionLine, parseVersionHeading } from './changelog-headings.ts';

/** The source as parsed, and how to get back to the file's line numbers. */
export interface SeparatedSource {
  source: string;
  /** Lines of the parsed source (1-based) that were inserted, ascending. */
  inserted: number[];
}

/** Why: a version line must start a paragraph of its own, whatever the line above it is. */
export function separateVersionLines(source: string): SeparatedSource {
  const lines = source.split('\n');
  if (lines.some((line) => parseVersionHeading(/^#{1,6}\s+(.*)$/.exec(line)?.[1] ?? '')?.kind === 'version')) return { source, inserted: [] };
  const out: string[] = [];
  const inserted: number[] = [];
  let fenced = false;
  for (const line of lines) {
    if (/^\s{0,3}(?:```|~~~)/.test(line)) fenced = !fenced;
    const previous = out.at(-1);
    if (!fenced && previous !== undefined && previous.trim() !== '' && isVersionLine(line)) {
      out.push('');
      inserted.push(out.length);
    }
    out.push(line);
  }
  return { source: out.join('\n'), inserted };
}

/** Why: a line at the margin that is only a version, its date and markers, bold or not. */
function isVersionLine(line: string): boolean {
  if (/^\s/.test(line) || /^(?:[-+*]|\d+[.)])\s/.test(line)) return false;
  return isBareVersionLine(parseVersionHeading(line.replace(/^[*_]+|[*_]+\s*$/g, '')));
}

/** Why: the report names lines of the file the user has, not of the text that was parsed. */
export function restoreLines(root: Root, inserted: readonly number[]): void {
  if (inserted.length === 0) return;
  const original = (line: number): number => line - inserted.filter((at) => at < line).length;
  const visit = (node: Nodes): void => {
    if (node.position) {
      node.position.start.line = original(node.position.start.line);
      node.position.end.line = original(node.position.end.line);
    }
    if ('children' in node) for (const child of node.children) visit(child);
  };
  visit(root);
}
