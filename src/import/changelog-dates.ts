/**
 * Release dates as changelogs write them: `2026-10-21`, `2026/10/21`, `2026.10.21`,
 * `October 21, 2026`, `Oct 21st 2026`, `21 October 2026`, in parentheses or not. A text that
 * looks like a date but cannot be read (`2025-02-30`, `10/21/2026`, `Octobre 21, 2026`) is
 * returned as `unreadable`, so the importer reports it instead of dropping it.
 */

/** What the date part of a version heading says. */
export interface DateReading {
  /** ISO date `YYYY-MM-DD`, when one could be read. */
  date?: string;
  /** The date-like text that could not be read. */
  unreadable?: string;
  /** Where the matched text starts and ends in the input (to cut it out of a title). */
  span?: [number, number];
}

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];
const MONTH = String.raw`(jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?`;
const DAY = String.raw`(\d{1,2})(?:st|nd|rd|th)?`;
const YEAR = String.raw`(\d{4})`;

const NUMERIC = /(?<![\d.])(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})(?![\d])/;
const MONTH_FIRST = new RegExp(String.raw`(?<![\p{L}])${MONTH}\s+${DAY},?\s+${YEAR}(?!\d)`, 'iu');
const DAY_FIRST = new RegExp(String.raw`(?<![\d])${DAY}\s+${MONTH},?\s+${YEAR}(?!\d)`, 'iu');
// Date-like texts that none of the forms above read: day-first or month-first numbers, month
// words in other spellings, a lone year next to a month-like word.
const DATE_LIKE = [
  /(?<![\d.])\d{1,2}[-/.]\d{1,2}[-/.]\d{2,4}(?![\d])/,
  /(?<![\d.])\d{4}[-/.]\d{1,2}[-/.]\d{1,2}(?![\d])/,
  /(?<![\p{L}])\p{L}+\.?\s+\d{1,2}(?:st|nd|rd|th)?,?\s+(?:19|20)\d{2}(?!\d)/u,
  /(?<![\d])\d{1,2}\.?\s+\p{L}+\.?,?\s+(?:19|20)\d{2}(?!\d)/u,
  // A year with at most a word before it: "Octobre 2017", "Sometime in 2017".
  /(?:\p{L}+\.?\s+)?(?<![\d.])(?:19|20)\d{2}(?![\d.])/u,
];

/** Why: finds and reads the first date in a heading's text after its version. */
export function readDate(text: string): DateReading {
  const candidates = [NUMERIC, MONTH_FIRST, DAY_FIRST]
    .map((pattern) => pattern.exec(text))
    .filter((match): match is RegExpExecArray => match !== null)
    .sort((a, b) => a.index - b.index);
  const first = candidates[0];
  if (first) {
    const span: [number, number] = [first.index, first.index + first[0].length];
    const date = isoFrom(first);
    return date ? { date, span } : { unreadable: first[0], span };
  }
  for (const pattern of DATE_LIKE) {
    const match = pattern.exec(text);
    if (match) return { unreadable: match[0], span: [match.index, match.index + match[0].length] };
  }
  return {};
}

/** Why: one match of any of the three forms to an ISO date, or undefined when no such day exists. */
function isoFrom(match: RegExpExecArray): string | undefined {
  const [, a = '', b = '', c = ''] = match;
  if (/^\d{4}$/.test(a)) return isoDate(Number(a), Number(b), Number(c));
  if (/^\d/.test(a)) return isoDate(Number(c), monthNumber(b), Number(a));
  return isoDate(Number(c), monthNumber(a), Number(b));
}

function monthNumber(name: string): number {
  return MONTHS.indexOf(name.slice(0, 3).toLowerCase()) + 1;
}

/** Why: `2025-02-30` has the form of a date but is none; it must not become a release time. */
export function isoDate(year: number, month: number, day: number): string | undefined {
  const check = new Date(Date.UTC(year, month - 1, day));
  if (year < 1970 || check.getUTCFullYear() !== year || check.getUTCMonth() !== month - 1 || check.getUTCDate() !== day) return undefined;
  return `${String(year)}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}
