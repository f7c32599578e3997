/**
 * Build problems: one shape for every error and warning the content checks raise, and one
 * format for printing them: `file:line field: what is wrong — how to fix it`.
 */

export interface Problem {
  severity: 'error' | 'warning';
  /** Path relative to the content root, with forward slashes. */
  file: string;
  /** 1-based line in the file, where the source has one. */
  line?: number;
  /** Dotted field path, e.g. `window.end` or `changes[2].type`. */
  field?: string;
  /** What is wrong. */
  message: string;
  /** How to fix it. */
  fix?: string;
}

/** Why: the one printed form of a problem, shared by `npm run check`, the build and tests. */
export function formatProblem(problem: Problem, displayRoot: string): string {
  const file = displayRoot ? `${displayRoot.replace(/\/$/, '')}/${problem.file}` : problem.file;
  const where = problem.line ? `${file}:${problem.line}` : file;
  const field = problem.field ? ` ${problem.field}:` : '';
  const fix = problem.fix ? ` — ${problem.fix}` : '';
  return `${where}${field} ${problem.message}${fix}`;
}

/** Why: field paths print like the YAML a user wrote: `changes[2].type`. */
export function fieldPath(path: readonly PropertyKey[]): string {
  return path.map((segment, index) => (typeof segment === 'number' ? `[${segment}]` : `${index === 0 ? '' : '.'}${String(segment)}`)).join('');
}

/** Why: problems print in a stable order (file, line) whatever order files were read in. */
export function sortProblems(problems: Problem[]): Problem[] {
  return [...problems].sort(
    (a, b) =>
      (a.severity === b.severity ? 0 : a.severity === 'error' ? -1 : 1) ||
      a.file.localeCompare(b.file, 'en') ||
      (a.line ?? 0) - (b.line ?? 0) ||
      (a.field ?? '').localeCompare(b.field ?? '', 'en'),
  );
}

/** Why: a failed build throws one error that carries every problem, already formatted. */
export class ContentError extends Error {
  readonly problems: Problem[];

  constructor(problems: Problem[], displayRoot: string) {
    const errors = problems.filter((problem) => problem.severity === 'error');
    super(`${errors.length} content ${errors.length === 1 ? 'error' : 'errors'}:\n${errors.map((problem) => formatProblem(problem, displayRoot)).join('\n')}`);
    this.name = 'ContentError';
    this.problems = problems;
    // A content problem is the user's to fix, not a bug: where in our code it was noticed is noise.
    this.stack = `${this.name}: ${this.message}`;
  }
}

/** Why: `release-hub check`, `release-hub build` and the integration print every problem in the same words. */
export function printProblems(problems: readonly Problem[], displayRoot: string): void {
  for (const problem of problems) {
    process.stderr.write(`${problem.severity === 'warning' ? 'warning: ' : ''}${formatProblem(problem, displayRoot)}\n`);
  }
}
