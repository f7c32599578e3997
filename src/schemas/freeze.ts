/** `freezes.yaml`: freeze / blackout windows (SPEC §1). */
import { z } from 'astro/zod';
import { id, listOf, text, writtenTime } from './fields.ts';
import { AUDIENCES } from './vocabulary.ts';

export const freezeSchema = z.strictObject({
  /** Name, e.g. `Year-end freeze`. */
  name: text,
  /** Start; a date means the start of that day (hub zone). */
  start: writtenTime,
  /** End; a date means the whole of that day is frozen. */
  end: writtenTime,
  /** Product ids; every product when left out. */
  products: listOf(id).optional(),
  /** Why (Markdown). */
  reason: text.optional(),
  /**
   * `public` shows the freeze with its name and reason on the public calendar. An `internal`
   * freeze (the default) still blocks open slots there, as a neutral "Release freeze" without a reason.
   */
  audience: z.enum(AUDIENCES).default('internal'),
});

/** The whole file: a list of freezes (an empty file is no freeze). */
export const freezesSchema = z.array(freezeSchema);
