/** `usage/<product>.yaml`: the sidecar describing a product's usage data `usage/<product>.csv` (SPEC §1). */
import { z } from 'astro/zod';
import { text } from './fields.ts';

export const usageSidecarSchema = z.strictObject({
  /** What `count` counts, e.g. `requests` or `active users`. */
  unit: text.optional(),
  /** What the data is and where it comes from. */
  description: text.optional(),
  /**
   * An hour of the week is busy when its mean usage is above this percentile of the 168 hourly
   * means (nearest rank); default 80: the busiest fifth of the week.
   */
  busyPercentile: z.number().int().min(1).max(99).default(80),
});

export type UsageSidecarInput = z.output<typeof usageSidecarSchema>;
