/**
 * Post-release reviews (SPEC §5): the follow-ups still open, for the dashboard and each owner's
 * page, and which of them are overdue at the build's "now" (an attention kind). Pure.
 */
import { Temporal } from 'temporal-polyfill';
import type { Release, ReviewAction } from '../core/model.ts';

/** A review action that is not done, with its release and its place in `review.actions`. */
export interface OpenAction {
  release: Release;
  action: ReviewAction;
  index: number;
}

/** Why: an action is overdue from the day after its due day, in the hub zone, until it is done. */
export function isActionOverdue(action: ReviewAction, now: Temporal.Instant, zone: string): boolean {
  if (action.done || !action.due) return false;
  return Temporal.PlainDate.compare(now.toZonedDateTimeISO(zone).toPlainDate(), action.due) > 0;
}

/** Why: the dashboard and person pages list open actions by due day (undated last), then release and order. */
export function openActions(releases: readonly Release[], owner?: string): OpenAction[] {
  return releases
    .flatMap((release) => (release.review?.actions ?? []).map((action, index) => ({ release, action, index })))
    .filter(({ action }) => !action.done && (owner === undefined || action.owner === owner))
    .sort((a, b) => compareDue(a.action.due, b.action.due) || (a.release.id < b.release.id ? -1 : a.release.id > b.release.id ? 1 : 0) || a.index - b.index);
}

function compareDue(a: Temporal.PlainDate | undefined, b: Temporal.PlainDate | undefined): number {
  if (a && b) return Temporal.PlainDate.compare(a, b);
  return a ? -1 : b ? 1 : 0;
}
