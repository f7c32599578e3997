/** The build's "now", decided once per build: `SOURCE_DATE_EPOCH` (whole seconds) or the clock. */
import { Temporal } from 'temporal-polyfill';
import type { Problem } from '../content/problems.ts';

/** Why: a bad `SOURCE_DATE_EPOCH` is a clear problem like any other, not a stack trace. */
export function resolveBuildNow(env: Record<string, string | undefined>, clockMs: number): { value?: Temporal.Instant; problems: Problem[] } {
  const epoch = env.SOURCE_DATE_EPOCH?.trim();
  if (!epoch) return { value: Temporal.Instant.fromEpochMilliseconds(clockMs), problems: [] };
  if (!/^\d{1,12}$/.test(epoch)) {
    return {
      problems: [
        {
          severity: 'error',
          file: 'SOURCE_DATE_EPOCH',
          message: `must be whole seconds since 1970, got "${epoch}"`,
          fix: 'set it to a number such as 1795683600 (date +%s), or unset it to use the current time',
        },
      ],
    };
  }
  return { value: Temporal.Instant.fromEpochMilliseconds(Number(epoch) * 1000), problems: [] };
}
