/**
 * When a deprecated feature goes (issue 20, item 3): `removal: { version?, date? }` on a
 * `deprecated` change, at least one of the two. The deprecation timeline, the calendar's ICS and
 * the removal's link back to its deprecation read it (src/deprecations/deprecations.ts).
 */
import { z } from 'astro/zod';
import { writtenDate } from './fields.ts';
import { isSemVer } from './grammar.ts';

/** The `removal` of a deprecated change. */
export const removalSchema = z
  .strictObject({
    /** The version of the same product that removes it, e.g. `5.0.0`; its `removed` change links back here. */
    version: z
      .string()
      .refine(isSemVer, {
        error: (issue) => `"${String(issue.input)}" is not a SemVer 2.0.0 version — write MAJOR.MINOR.PATCH, e.g. 5.0.0 (quote it)`,
      })
      .optional(),
    /** The sunset day, e.g. `2027-01-31`: on the calendar's ICS and the timeline. */
    date: writtenDate.optional(),
  })
  .refine((removal) => removal.version !== undefined || removal.date !== undefined, {
    error: 'needs a version, a date or both — e.g. removal: { version: 5.0.0, date: 2027-01-31 }',
  });

export type RemovalInput = z.output<typeof removalSchema>;
