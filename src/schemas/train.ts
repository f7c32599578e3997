/** A release train `trains/<id>.yaml`: product releases shipped together under one name and window (issue 21). */
import { z } from 'astro/zod';
import { AUDIENCES } from './vocabulary.ts';
import { text } from './fields.ts';
import { windowSchema } from './release.ts';

/** A member: the id of a release, `<product>/<version>`. */
const memberId = z.string().regex(/^[a-z0-9][a-z0-9._-]*\/[0-9A-Za-z.+-]+$/, {
  error: 'must be a release id <product>/<version>, e.g. web/4.9.0',
});

/** The train file. */
export const trainSchema = z.strictObject({
  /** The train's name, e.g. `Winter launch`. */
  title: text,
  /** One sentence for the page (Markdown). */
  summary: text.optional(),
  /** `public` trains are in the public build, with their public members only. Default internal. */
  audience: z.enum(AUDIENCES).default('internal'),
  /** The window every member's window must fall within. */
  window: windowSchema,
  /** The releases of the train, `<product>/<version>`, each a release of this hub. */
  members: z.array(memberId).min(1, { error: 'must list at least one release, e.g. [web/4.9.0, api/2.7.0]' }),
});

export type TrainInput = z.output<typeof trainSchema>;
