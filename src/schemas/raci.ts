/** A RACI matrix file `raci/<id>.yaml` (SPEC §1). */
import { z } from 'astro/zod';
import { RACI_CODES } from './vocabulary.ts';
import { recordOf, text } from './fields.ts';

/** One activity row: role name → R, A, C, I or A/R. */
export const raciActivitySchema = z.strictObject({
  /** What is done, e.g. `Approve the go/no-go`. */
  name: text,
  /** Role name → code; roles left out have no part. */
  assignments: recordOf(z.enum(RACI_CODES)),
});

export const raciSchema = z.strictObject({
  /** Title, e.g. `Standard release`. */
  title: text,
  /** Role names (people.yaml `role` values). */
  roles: z.array(text).min(1, { error: 'must list at least one role' }),
  /** The rows. */
  activities: z.array(raciActivitySchema).min(1, { error: 'must list at least one activity' }),
});

export type RaciInput = z.output<typeof raciSchema>;
