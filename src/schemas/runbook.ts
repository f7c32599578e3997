/** A runbook file `runbooks/<id>.{md,mdx}`: its frontmatter (SPEC §1). */
import { z } from 'astro/zod';
import { RUNBOOK_KINDS } from './vocabulary.ts';
import { id, listOf, text, writtenDate } from './fields.ts';

export const runbookSchema = z.strictObject({
  /** Title, e.g. `Deploy the web app`. */
  title: text,
  /** What the runbook is for. */
  kind: z.enum(RUNBOOK_KINDS),
  /** A people.yaml id. */
  owner: id.optional(),
  /** Product ids it applies to. */
  products: listOf(id).default([]),
  /** Date of the last review. */
  lastReviewed: writtenDate.optional(),
  /** Review period; past `lastReviewed + reviewEveryDays` the runbook is stale. */
  reviewEveryDays: z.number().int().positive().optional(),
  /** One sentence about the runbook. */
  summary: text.optional(),
});

export type RunbookInput = z.output<typeof runbookSchema>;
