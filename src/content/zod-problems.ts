/**
 * The friendly error helper: turns zod issues into problems that say, in the user's terms,
 * which field is wrong, what is wrong with it and how to fix it, with the line of the field.
 */
import type { z } from 'astro/zod';
import { fieldPath, type Problem } from './problems.ts';
import type { YamlSource } from './source.ts';

type Issue = z.core.$ZodIssue & { input?: unknown };

/** Why: validate one parsed file against its schema and report every issue as a problem. */
export function validateSource<T extends z.ZodType>(
  schema: T,
  source: YamlSource,
  basePath: readonly PropertyKey[] = [],
  data: unknown = source.data,
): { value?: z.output<T>; problems: Problem[] } {
  const result = schema.safeParse(data, { reportInput: true });
  if (result.success) return { value: result.data, problems: [] };
  return { problems: result.error.issues.flatMap((issue) => issueProblems(issue as Issue, schema, source, basePath)) };
}

function issueProblems(issue: Issue, schema: z.ZodType, source: YamlSource, basePath: readonly PropertyKey[]): Problem[] {
  const path = [...basePath, ...issue.path];
  if (issue.code === 'unrecognized_keys') {
    const known = knownKeys(schema, issue.path);
    return issue.keys.map((key) => ({
      severity: 'error',
      file: source.file,
      line: source.lineOf([...path, key]),
      field: fieldPath([...path, key]),
      message: 'is not a known field',
      fix: suggestion(key, known) ?? `remove it, or check the spelling (known fields: ${known.join(', ')})`,
    }));
  }
  if (issue.code === 'invalid_union') {
    // The option whose form the value has (its issues are all inside the value) says what is wrong inside it.
    const inner = (issue.errors as Issue[][]).find((option) => option.length > 0 && option.every((nested) => nested.path.length > 0));
    if (inner) return inner.flatMap((nested) => issueProblems({ ...nested, path: [...issue.path, ...nested.path] }, schema, source, basePath));
  }
  const { message, fix } = describe(issue, path);
  return [{ severity: 'error', file: source.file, line: source.lineOf(path), field: fieldPath(path) || undefined, message, fix }];
}

function describe(issue: Issue, path: readonly PropertyKey[]): { message: string; fix?: string } {
  const name = String(path.at(-1) ?? 'field');
  switch (issue.code) {
    case 'invalid_type':
      if (issue.input === undefined) return { message: 'is required', fix: `add "${name}:" with a value` };
      if (issue.input === null) return { message: 'is empty', fix: 'give it a value, or remove the line if it is optional' };
      if (!issue.message.startsWith('Invalid input')) return { message: issue.message };
      return {
        message: `must be ${article(issue.expected)}, got ${describeValue(issue.input)}`,
        fix: issue.expected === 'string' && typeof issue.input !== 'object' ? 'quote the value' : undefined,
      };
    case 'invalid_value': {
      const values = issue.values.map(String);
      return {
        message: `must be one of ${values.join(', ')}; got ${describeValue(issue.input)}`,
        fix: suggestion(String(issue.input), values) ?? 'use one of those values',
      };
    }
    case 'too_small':
      if (issue.origin === 'string' && Number(issue.minimum) === 1) return { message: 'must not be empty', fix: 'write a value or remove the line' };
      if (issue.origin === 'array' || issue.origin === 'set')
        return { message: issue.message.startsWith('Too small') ? `must have at least ${issue.minimum} item(s)` : issue.message };
      return {
        message: issue.message.startsWith('Too small')
          ? `must be ${issue.inclusive ? 'at least' : 'more than'} ${issue.minimum}, got ${describeValue(issue.input)}`
          : issue.message,
      };
    case 'too_big':
      return {
        message: issue.message.startsWith('Too big')
          ? `must be ${issue.inclusive ? 'at most' : 'less than'} ${issue.maximum}, got ${describeValue(issue.input)}`
          : issue.message,
      };
    case 'invalid_union': {
      const forms = (issue.errors as Issue[][]).flatMap((option) => {
        const [first] = option;
        if (first?.code === 'invalid_value') return first.values.map(String);
        if (first?.code === 'invalid_type') return [article(first.expected)];
        return [];
      });
      return {
        message:
          forms.length > 0 ? `must be ${forms.join(' or ')}, got ${describeValue(issue.input)}` : `has an unexpected form: ${describeValue(issue.input)}`,
      };
    }
    default:
      return splitFix(issue.message);
  }
}

/** Messages of our own schemas may carry their fix after " — ". */
function splitFix(message: string): { message: string; fix?: string } {
  const at = message.indexOf(' — ');
  return at < 0 ? { message } : { message: message.slice(0, at), fix: message.slice(at + 3) };
}

function article(expected: string): string {
  const words: Record<string, string> = {
    string: 'text',
    number: 'a number',
    boolean: 'true or false',
    array: 'a list',
    object: 'a map of fields',
    int: 'a whole number',
  };
  return words[expected] ?? expected;
}

/** Why: messages quote what the user wrote, in YAML terms, not JavaScript's. */
export function describeValue(value: unknown): string {
  if (value === undefined) return 'nothing';
  if (value === null) return 'an empty value';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'a map of fields';
  if (typeof value === 'string') return `"${value.length > 60 ? `${value.slice(0, 57)}…` : value}"`;
  return String(value);
}

/** Why: a typo like `stauts` deserves `did you mean "status"?`, not a bare rejection. */
export function suggestion(input: string, candidates: readonly string[]): string | undefined {
  const typed = input.toLowerCase();
  const allowed = typed.length <= 2 ? 0 : typed.length <= 5 ? 1 : Math.floor(typed.length / 3);
  let best: string | undefined;
  let bestDistance = Infinity;
  for (const candidate of candidates) {
    const known = candidate.toLowerCase();
    const distance = typed.length >= 3 && (known.startsWith(typed) || typed.startsWith(known)) ? 0 : editDistance(typed, known);
    if (distance < bestDistance) [best, bestDistance] = [candidate, distance];
  }
  return best !== undefined && bestDistance <= allowed ? `did you mean "${best}"?` : undefined;
}

/** Edit distance counting a swap of two neighbours as one edit (optimal string alignment). */
function editDistance(a: string, b: string): number {
  const d = Array.from({ length: a.length + 1 }, (_, i) => Array.from({ length: b.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)));
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let value = Math.min(d[i - 1]![j]! + 1, d[i]![j - 1]! + 1, d[i - 1]![j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) value = Math.min(value, d[i - 2]![j - 2]! + 1);
      d[i]![j] = value;
    }
  }
  return d[a.length]![b.length]!;
}

/** The field names an object schema accepts at `path`, for suggestions. */
function knownKeys(schema: z.ZodType, path: readonly PropertyKey[]): string[] {
  let node: unknown = schema;
  for (const segment of path) {
    const def = (unwrap(node) as { def?: { type?: string; element?: unknown; shape?: Record<string, unknown> } }).def;
    if (def?.type === 'array' && typeof segment === 'number') node = def.element;
    else if (def?.type === 'object' && def.shape) node = def.shape[String(segment)];
    else return [];
  }
  const shape = (unwrap(node) as { def?: { shape?: Record<string, unknown> } }).def?.shape;
  return shape ? Object.keys(shape) : [];
}

/** The schema under wrappers (optional, default, pipe); for a union (`false` or a map of fields), its object option. */
function unwrap(node: unknown): unknown {
  let current = node as { def?: { type?: string; innerType?: unknown; out?: unknown } };
  for (let depth = 0; depth < 10 && current?.def; depth++) {
    const { type, innerType } = current.def;
    if ((type === 'optional' || type === 'default' || type === 'nullable' || type === 'prefault') && innerType) current = innerType as typeof current;
    else if (type === 'pipe' && current.def.out) current = current.def.out as typeof current;
    else if (type === 'union') {
      const options = (current.def as { options?: (typeof current)[] }).options ?? [];
      const object = options.find((option) => (unwrap(option) as typeof current).def?.type === 'object');
      if (!object) break;
      current = unwrap(object) as typeof current;
    } else break;
  }
  return current;
}
