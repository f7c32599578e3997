/** `people.yaml`: the people of the hub (SPEC §1). */
import { z } from 'astro/zod';
import { id, text } from './fields.ts';

export const personSchema = z.strictObject({
  /** Short id used by `owner` fields, e.g. `alice`. */
  id,
  /** Full name. */
  name: text,
  /** A RACI role name. */
  role: text,
  /** Email address. */
  email: z.email({ error: 'must be an email address' }).optional(),
  /** Chat handle, e.g. `@alice`. */
  chat: text.optional(),
});

/** The whole file: a list of people. */
export const peopleSchema = z.array(personSchema);
