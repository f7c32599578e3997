/**
 * JSON as the hub writes it: two-space indentation, with lists of plain values (release ids,
 * numbers) and small flat objects on one line each, so a document with thousands of ids stays
 * readable and small. Key order is the objects' own, so the bytes are the same on every build.
 */

/** Why: every JSON file the hub writes (but `/api/metrics.json`, below): two-space indents and a final newline. */
export function jsonDocument(value: unknown): string {
  return `${JSON.stringify(value, null, 2)}\n`;
}

/** Why: `/api/metrics.json` lists the release ids behind every number; one id per line would triple its size. */
export function formatJson(value: unknown): string {
  return `${write(value, '')}\n`;
}

function write(value: unknown, indent: string): string {
  if (Array.isArray(value)) {
    if (value.length === 0) return '[]';
    if (value.every(isFlat)) return `[${value.map((item) => write(item, indent)).join(', ')}]`;
    const inner = `${indent}  `;
    return `[\n${value.map((item) => `${inner}${write(item, inner)}`).join(',\n')}\n${indent}]`;
  }
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value).filter(([, item]) => item !== undefined);
    if (entries.length === 0) return '{}';
    if (isFlat(value) && entries.length <= 3) return `{ ${entries.map(([key, item]) => `${JSON.stringify(key)}: ${JSON.stringify(item)}`).join(', ')} }`;
    const inner = `${indent}  `;
    return `{\n${entries.map(([key, item]) => `${inner}${JSON.stringify(key)}: ${write(item, inner)}`).join(',\n')}\n${indent}}`;
  }
  return JSON.stringify(value) ?? 'null';
}

/** A plain value, or an object of plain values (an incident reference). */
function isFlat(value: unknown): boolean {
  if (value === null || typeof value !== 'object') return true;
  return !Array.isArray(value) && Object.values(value).every((item) => item === null || typeof item !== 'object');
}
