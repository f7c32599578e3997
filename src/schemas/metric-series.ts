/** `metrics/<name>.yaml`: the sidecar describing a custom series `metrics/<name>.csv` (SPEC §1). */
import { z } from 'astro/zod';
import { text } from './fields.ts';

export const metricSeriesSidecarSchema = z.strictObject({
  /** Chart title. */
  title: text.optional(),
  /** Unit of the values, e.g. `tickets`. */
  unit: text.optional(),
  /** What the series measures (Markdown, rendered by the one safe renderer). */
  description: text.optional(),
  /** Target value, drawn as a line on the chart. */
  target: z.number().optional(),
});
