/**
 * Runbooks: the one definition of "review overdue" (stale) and the releases that use each
 * runbook. Pages, the dashboard and search read these; nothing re-derives them.
 */
import { Temporal } from 'temporal-polyfill';
import type { Hub, Release, Runbook, RunbookKind } from '../core/model.ts';
import { RUNBOOK_KINDS } from '../core/model.ts';
import { compareReleasesNewestFirst } from '../releases/releases.ts';
import { LABELS } from '../presentation/glossary.ts';

/** How each runbook kind is named on pages and in search. */
export const RUNBOOK_KIND_LABELS: Record<RunbookKind, string> = {
  deploy: 'Deploy',
  rollback: 'Rollback',
  'test-plan': 'Test plan',
  validation: 'Validation',
  incident: 'Incident',
  other: 'Other',
};

/**
 * Why: the last day a review is on time is `lastReviewed + reviewEveryDays`; undefined when the
 * runbook has no review cycle or has never been reviewed.
 */
export function reviewDueDate(runbook: Pick<Runbook, 'lastReviewed' | 'reviewEveryDays'>): Temporal.PlainDate | undefined {
  if (!runbook.lastReviewed || runbook.reviewEveryDays === undefined) return undefined;
  return runbook.lastReviewed.add({ days: runbook.reviewEveryDays });
}

/**
 * Why: the one definition of a stale runbook. Overdue from the day after its due date, in the
 * hub zone at the build's "now". A runbook with a review cycle that was never reviewed is
 * overdue; one without a cycle never is.
 */
export function isReviewOverdue(runbook: Pick<Runbook, 'lastReviewed' | 'reviewEveryDays'>, now: Temporal.Instant, zone: string): boolean {
  if (runbook.reviewEveryDays === undefined) return false;
  const due = reviewDueDate(runbook);
  if (!due) return true;
  const today = now.toZonedDateTimeISO(zone).toPlainDate();
  return Temporal.PlainDate.compare(today, due) > 0;
}

/** How a release uses a runbook. */
export type RunbookUse = 'procedure' | 'rollback';

/** A release that uses a runbook, and how. */
export interface RunbookBacklink {
  release: Release;
  /** `procedure`: listed in `release.runbooks`; `rollback`: `release.rollback.runbook`. */
  uses: RunbookUse[];
}

const USE_LABELS: Record<RunbookUse, string> = { procedure: LABELS.runbookUseProcedure, rollback: LABELS.runbookUseRollback };

/** Why: the runbook page and its release sub-list say the same thing in their "Used as" column. */
export function runbookUseNote(uses: readonly RunbookUse[]): string {
  return uses.map((use) => USE_LABELS[use]).join(', ');
}

const backlinksByHub = new WeakMap<Hub, Map<string, RunbookBacklink[]>>();

/** Why: runbook pages list the releases that use them (newest first); computed once per build for all runbooks. */
export function runbookBacklinks(hub: Hub): Map<string, RunbookBacklink[]> {
  let backlinks = backlinksByHub.get(hub);
  if (!backlinks) {
    backlinks = collectBacklinks(hub);
    backlinksByHub.set(hub, backlinks);
  }
  return backlinks;
}

function collectBacklinks(hub: Hub): Map<string, RunbookBacklink[]> {
  const backlinks = new Map<string, RunbookBacklink[]>(hub.runbooks.map((runbook) => [runbook.id, []]));
  for (const release of hub.releases) {
    const uses = new Map<string, RunbookUse[]>();
    for (const id of release.runbooks) uses.set(id, ['procedure']);
    const rollback = release.rollback?.runbook;
    if (rollback) uses.set(rollback, [...(uses.get(rollback) ?? []), 'rollback']);
    for (const [id, how] of uses) backlinks.get(id)?.push({ release, uses: how });
  }
  for (const links of backlinks.values()) links.sort((a, b) => compareReleasesNewestFirst(a.release, b.release));
  return backlinks;
}

/** Why: the runbook list shows runbooks by kind (in the schema's order), then by title. */
export function sortRunbooks(runbooks: readonly Runbook[]): Runbook[] {
  return [...runbooks].sort((a, b) => RUNBOOK_KINDS.indexOf(a.kind) - RUNBOOK_KINDS.indexOf(b.kind) || compareText(a.title, b.title));
}

/** Locale-free comparison, so order is the same on every machine. */
function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
