/** Counted nouns in messages and pages: "1 error", "2 errors", "1 RACI matrix", "3 RACI matrices". */

/** Why: a count reads as English for one and for many, in every message and label. */
export function countOf(count: number, one: string, many = `${one}s`): string {
  return `${count} ${count === 1 ? one : many}`;
}
