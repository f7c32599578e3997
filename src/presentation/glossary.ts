/**
 * The glossary: the words the hub uses for its recurring states, markers and empty states, one
 * definition each, so every page says the same thing the same way ("Not scheduled" everywhere,
 * never "No date" in one place). Status labels are `status.ts`, counted nouns `count.ts`.
 */
import type { GtmChannel } from '../schemas/vocabulary.ts';
import type { ScheduleVerdict } from '../metrics/metrics.ts';

/** Labels of states and markers shown on more than one page. */
export const LABELS = {
  /** A release without a window (and not deployed): the same words in every list and table. */
  notScheduled: 'Not scheduled',
  releaseWindow: 'Release window',
  freeze: 'Freeze',
  openSlot: 'Open slot',
  offCadence: 'Off-cadence',
  freezeException: 'Freeze exception',
  /** A release's go-to-market launch day (calendar, GTM board). */
  launch: 'Launch',
  /** A deprecation's removal day (calendar; the ICS summaries say the same). */
  sunset: 'Sunset',
  /** The column of a runbook's release table that says what the release uses it for. */
  runbookUseHeader: 'Used as',
  /** A runbook listed in a release's `runbooks`. */
  runbookUseProcedure: 'Release procedure',
  /** The runbook of a release's `rollback.runbook`. */
  runbookUseRollback: 'Rollback procedure',
} as const;

/** Why: "A, B and C" — names in running text. */
export function listInWords(names: readonly string[]): string {
  if (names.length <= 1) return names.join('');
  return `${names.slice(0, -1).join(', ')} and ${names.at(-1)}`;
}

/** Why: what a freeze stops, as a sentence: "No releases." for every product, else "No releases of Northwind API." */
export function noReleasesText(productNames: readonly string[]): string {
  return productNames.length === 0 ? 'No releases.' : `No releases of ${listInWords(productNames)}.`;
}

/** Why: a cadence slot inside a freeze of some products: "Open for Northwind Web" instead of "Open slot". */
export function openForText(productNames: readonly string[]): string {
  return `Open for ${listInWords(productNames)}`;
}

/** Why: a duration in words for "late by": "45 min", "2 h 15 min", "1 d 3 h" (whole minutes, two units at most). */
export function durationText(minutes: number): string {
  const days = Math.floor(minutes / 1440);
  const hours = Math.floor((minutes % 1440) / 60);
  const rest = minutes % 60;
  if (days > 0) return hours > 0 ? `${days} d ${hours} h` : `${days} d`;
  if (hours > 0) return rest > 0 ? `${hours} h ${rest} min` : `${hours} h`;
  return `${rest} min`;
}

/** Why: a release page's schedule verdict in the metrics' words (`onScheduleRate`); undefined without a window. */
export function scheduleText(verdict: ScheduleVerdict, toleranceMinutes: number): string | undefined {
  if (verdict.kind === 'no-window') return undefined;
  if (verdict.kind === 'on-time') {
    return toleranceMinutes > 0
      ? `On schedule (finished within its window plus ${durationText(toleranceMinutes)})`
      : 'On schedule (finished within its window)';
  }
  const after = toleranceMinutes > 0 ? `its window and the ${durationText(toleranceMinutes)} tolerance` : 'its window';
  return `Late: finished ${durationText(verdict.minutesLate)} after ${after}`;
}

/** How each go-to-market channel is named on pages. */
export const GTM_CHANNEL_LABELS: Record<GtmChannel, string> = {
  blog: 'Blog',
  email: 'Email',
  'in-app': 'In-app',
  docs: 'Docs',
  'sales-enablement': 'Sales enablement',
  social: 'Social',
  press: 'Press',
  webinar: 'Webinar',
  support: 'Support',
};
