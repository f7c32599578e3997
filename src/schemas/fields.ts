/**
 * Field types shared by the content schemas. Times stay text here: their zone is only known
 * once the whole file is read (`window.timezone`, else the hub zone), so `src/content`
 * resolves them to instants afterwards.
 */
import { z } from 'astro/zod';
import { isValidTimeZone, readWrittenTime } from './grammar.ts';

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
  error: (issue) => `"${String(issue.input)}" is not an IANA time zone — use a name like Europe/Berlin or America/New_York`,
});

/** A list that may be written as one item: `products: web` is read as `[web]`. */
export function listOf<T extends z.ZodType>(item: T) {
  return z.preprocess((value) => (typeof value === 'string' ? [value] : value), z.array(item));
}
