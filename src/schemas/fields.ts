/**
 * Field types shared by the content schemas. Times stay text here: their zone is only known
 * once the whole file is read (`window.timezone`, else the hub zone), so `src/content`
 * resolves them to instants afterwards.
 */
import { z } from 'astro/zod';
import { isValidTimeZone, readWrittenTime, suggestTimeZone } from './grammar.ts';

/** Non-empty trimmed text. */
export const text = z.string().trim().min(1, { error: 'must not be empty' });

/** A lowercase id: `web`, `deploy-web`, `alice`. */
export const id = z.string().regex(/^[a-z0-9][a-z0-9._-]*$/, {
  error: 'must be a lowercase id (letters, digits, ".", "_" or "-"), e.g. deploy-web',
});

/**
 * A written time by SPEC §2: `2026-03-10`, `2026-03-10T02:00`, `2026-03-10T02:00+01:00` or `…Z`.
 * Only its form is checked here; whether it exists in its zone is checked when it is resolved.
 */
export const writtenTime = z.string().superRefine((value, ctx) => {
  const written = readWrittenTime(value);
  if (!written.ok) ctx.addIssue({ code: 'custom', message: written.message });
});

/** A date without a time: `2026-02-20`. */
export const writtenDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, { error: 'must be a date like 2026-02-20' })
  .superRefine((value, ctx) => {
    const written = readWrittenTime(value);
    if (!written.ok) ctx.addIssue({ code: 'custom', message: written.message });
  });

/** An IANA time zone name such as `Europe/Berlin`. */
export const timeZone = z.string().refine(isValidTimeZone, {
  error: (issue) => {
    const written = String(issue.input);
    const offset = /^[+-]\d/.test(written);
    const suggested = suggestTimeZone(written);
    const why = offset ? `"${written}" is a UTC offset, not a time zone (an offset never follows summer time)` : `"${written}" is not an IANA time zone`;
    return `${why} — ${suggested && !offset ? `did you mean "${suggested}"?` : 'use a name like Europe/Berlin or America/New_York'}`;
  },
});

/** A list that may be written as one item: `products: web` is read as `[web]`. */
export function listOf<T extends z.ZodType>(item: T) {
  return z.preprocess((value) => (typeof value === 'string' ? [value] : value), z.array(item));
}

/**
 * A map whose keys the user writes (RACI role names): every key kept as written, `__proto__` and
 * `constructor` too (zod's own record drops `__proto__`), each value checked with its path.
 */
export function recordOf<T extends z.ZodType>(value: T) {
  return z
    .custom<Record<string, unknown>>((input) => typeof input === 'object' && input !== null && !Array.isArray(input), {
      error: 'must be a map of names to values',
    })
    .superRefine((input, ctx) => {
      for (const [key, entry] of Object.entries(input)) {
        const result = value.safeParse(entry, { reportInput: true });
        if (!result.success)
          for (const issue of result.error.issues) ctx.addIssue({ ...issue, path: [key, ...issue.path] } as Parameters<typeof ctx.addIssue>[0]);
      }
    })
    .transform((input) => Object.fromEntries(Object.entries(input).map(([key, entry]) => [key, value.parse(entry)])) as Record<string, z.output<T>>);
}
