/**
 * Drift (SPEC §5): the facts of a hub that stopped being true, or that a team should act on, at the
 * build's "now". Pure: the clock is never read. Each kind reuses the rule that already defines it:
 * the on-time rule of the metrics (`onScheduleVerdict`) and the review rule of runbooks
 * (`isReviewOverdue`); nothing re-derives them.
 *
 * Decisions where the issue is silent:
 * - An in-progress release without a window, and a planned one without a window, are never flagged:
 *   there is no window to be past.
 * - A window is "wholly in the past" when its end is at or before now.
 * - `released-late` and `released-without-finish` are about status `released` only: a rolled-back
 *   release already says what went wrong.
 * - A runbook overdue for review is an item of the runbook, not of the releases that use it.
 * - `gates-missing` is one item per release, listing every gate it misses (`gateViolations`).
 * - `busy-window` takes the usage findings of upcoming releases (`busyWindowFindings`, SPEC §6);
 *   a cadence in busy hours is about hub.yaml, not a release, and stays a build warning.
 * - `removal-overdue` is an item of the release whose change promised the removal (`overdueRemovals`).
 */
import type { Temporal } from 'temporal-polyfill';
import type { Hub, Release, Runbook } from '../core/model.ts';
import { overdueRemovals, type OverdueRemoval } from '../deprecations/deprecations.ts';
import { isDeployed, onScheduleVerdict } from '../metrics/metrics.ts';
import { formatDate, formatDateTime } from '../presentation/format.ts';
import { isReviewOverdue, reviewDueDate } from '../runbooks/runbooks.ts';
import { busyFindingText, busyWindowFindings, usageByProduct } from '../usage/usage.ts';
import { gateViolations, isGated } from './gates.ts';
import { isActionOverdue } from './reviews.ts';

/** Every attention kind, in the order pages and `check` list them: what a team can still act on first, late releases (history) last. */
export const ATTENTION_KINDS = [
  'in-progress-overdue',
  'window-passed',
  'busy-window',
  'released-without-finish',
  'gates-missing',
  'review-action-overdue',
  'removal-overdue',
  'runbook-review-overdue',
  'released-late',
] as const;

/** One kind of stale or actionable fact. */
export type AttentionKind = (typeof ATTENTION_KINDS)[number];

/** One thing that needs attention, about one release or one runbook. */
export interface AttentionItem {
  kind: AttentionKind;
  /** What is wrong, as a sentence, e.g. "Still in progress 13 h after its window ended (Thu 26 Nov 2026, 20:00; grace 2 h)." */
  message: string;
  /** What it is about. */
  subject: { type: 'release' | 'runbook'; id: string };
  /** The subject's file, relative to the content root. */
  file: string;
  /** The field to change, as a path in the file's frontmatter, e.g. `['review', 'actions', 1]`. */
  path: (string | number)[];
  /** How to resolve it. */
  fix: string;
}

const MS_PER_MINUTE = 60_000;
const MS_PER_HOUR = 60 * MS_PER_MINUTE;

/** Why: the dashboard, `check` and the JSON list the same items, in one order (kind, then file). */
export function hubAttention(hub: Hub, now: Temporal.Instant): AttentionItem[] {
  const findings = hubFindings(hub, now);
  const items = [
    ...hub.releases.flatMap((release) => releaseItems(hub, release, now, findings)),
    ...hub.runbooks.flatMap((runbook) => runbookItems(hub, runbook, now)),
  ];
  return items.sort((a, b) => ATTENTION_KINDS.indexOf(a.kind) - ATTENTION_KINDS.indexOf(b.kind) || compareText(a.subject.id, b.subject.id));
}

const byRelease = new WeakMap<Hub, { epoch: bigint; items: Map<string, AttentionItem[]> }>();

/** Why: release pages, lists and the JSON ask per release; computed once per hub and "now". */
export function releaseAttention(hub: Hub, now: Temporal.Instant, releaseId: string): AttentionItem[] {
  let cached = byRelease.get(hub);
  if (!cached || cached.epoch !== now.epochNanoseconds) {
    const items = Map.groupBy(
      hubAttention(hub, now).filter((item) => item.subject.type === 'release'),
      (item) => item.subject.id,
    );
    cached = { epoch: now.epochNanoseconds, items };
    byRelease.set(hub, cached);
  }
  return cached.items.get(releaseId) ?? [];
}

/** What other concepts find about releases, computed once per hub: busy windows (usage) and removals that did not happen (deprecations). */
interface HubFindings {
  busy: Map<string, { message: string; fix: string }>;
  removals: Map<string, OverdueRemoval[]>;
}

function hubFindings(hub: Hub, now: Temporal.Instant): HubFindings {
  const usage = usageByProduct(hub);
  const busy = new Map<string, { message: string; fix: string }>();
  for (const finding of busyWindowFindings(hub)) {
    if (finding.release !== undefined) busy.set(finding.release, busyFindingText(finding, usage.get(finding.product)));
  }
  return { busy, removals: Map.groupBy(overdueRemovals(hub, now), (removal) => removal.release) };
}

function releaseItems(hub: Hub, release: Release, now: Temporal.Instant, findings: HubFindings): AttentionItem[] {
  const zone = hub.config.timezone;
  const item = (kind: AttentionKind, path: (string | number)[], message: string, fix: string): AttentionItem => ({
    kind,
    message,
    subject: { type: 'release', id: release.id },
    file: release.source.file,
    path,
    fix,
  });
  const items: AttentionItem[] = [];
  const windowEnd = release.window?.end;
  if (release.status === 'in-progress' && windowEnd) {
    const graceHours = hub.config.attention?.graceHours ?? 0;
    const overdueMs = now.epochMilliseconds - windowEnd.epochMilliseconds;
    if (overdueMs > graceHours * MS_PER_HOUR) {
      items.push(
        item(
          'in-progress-overdue',
          ['status'],
          `Still in progress ${durationText(overdueMs)} after its window ended (${formatDateTime(windowEnd, zone)}; grace ${graceHours} h).`,
          'record the deployment (status and deployment.finishedAt), or move the window and count it in rescheduled',
        ),
      );
    }
  }
  if ((release.status === 'scheduled' || release.status === 'planned') && isWindowPast(release, now)) {
    items.push(
      item(
        'window-passed',
        ['window', 'end'],
        `${release.status === 'scheduled' ? 'Scheduled' : 'Planned'}, but its window ended ${durationText(now.epochMilliseconds - windowEnd!.epochMilliseconds)} ago (${formatDateTime(windowEnd!, zone)}).`,
        'update the status, or move the window and count it in rescheduled',
      ),
    );
  }
  const busy = findings.busy.get(release.id);
  if (busy) items.push(item('busy-window', ['window'], `Its window ${busy.message}.`, busy.fix));
  if (release.status === 'released' && !release.deployment?.finishedAt) {
    items.push(
      item(
        'released-without-finish',
        ['status'],
        'Released, but without a release time: it is left out of every metric.',
        'add deployment.finishedAt (a date is enough)',
      ),
    );
  }
  const policy = hub.config.policy;
  const violations = policy && isGated(release, policy, zone) ? gateViolations(release, policy, hub.people, hub.runbooks) : [];
  if (violations.length > 0) {
    items.push(
      item(
        'gates-missing',
        [violations[0]!.field],
        `Gates missing under the policy: ${violations.map((violation) => violation.message).join('; ')}.`,
        violations.map((violation) => violation.fix).join('; '),
      ),
    );
  }
  for (const [index, action] of (release.review?.actions ?? []).entries()) {
    if (!isActionOverdue(action, now, zone)) continue;
    const owner = hub.people.find((person) => person.id === action.owner)?.name ?? action.owner;
    items.push(
      item(
        'review-action-overdue',
        ['review', 'actions', index],
        `Review action "${action.title}" (${owner}) was due ${formatDate(action.due!.toZonedDateTime(zone), zone)}.`,
        'do it and set done: true, or agree a new due day',
      ),
    );
  }
  for (const removal of findings.removals.get(release.id) ?? []) {
    items.push(item('removal-overdue', ['changes', removal.index, 'removal', 'date'], `Removal overdue: ${removal.message}.`, removal.fix));
  }
  if (release.status === 'released' && isDeployed(release)) {
    const tolerance = hub.config.metrics.onTimeToleranceMinutes;
    if (onScheduleVerdict(release, tolerance) === false) {
      const late = release.deployment.finishedAt.epochMilliseconds - release.window!.end.epochMilliseconds;
      items.push(
        item(
          'released-late',
          ['deployment', 'finishedAt'],
          `Finished ${durationText(late)} after its window ended (${formatDateTime(release.window!.end, zone)}; tolerance ${tolerance} min).`,
          'note why in the release, and plan a longer window next time; fix the times if they are wrong',
        ),
      );
    }
  }
  return items;
}

/** Why: a release not shipped whose window is wholly in the past (its end at or before now) is never shown as upcoming, in any build. */
export function isWindowPast(release: Release, now: Temporal.Instant): boolean {
  return !release.deployment?.finishedAt && release.window !== undefined && release.window.end.epochMilliseconds <= now.epochMilliseconds;
}

function runbookItems(hub: Hub, runbook: Runbook, now: Temporal.Instant): AttentionItem[] {
  const zone = hub.config.timezone;
  if (!isReviewOverdue(runbook, now, zone)) return [];
  const due = reviewDueDate(runbook);
  const message = due
    ? `Its review was due ${formatDate(due.toZonedDateTime(zone), zone)} (every ${runbook.reviewEveryDays} days).`
    : `Never reviewed, though it has a review cycle of ${runbook.reviewEveryDays} days.`;
  return [
    {
      kind: 'runbook-review-overdue',
      message,
      subject: { type: 'runbook', id: runbook.id },
      file: runbook.source.file,
      path: ['lastReviewed'],
      fix: 'review the runbook and set lastReviewed to the day you did',
    },
  ];
}

/** Why: "45 min", "13 h", "2 h 30 min", "3 days": elapsed time, rounded down to the minute, in words. */
export function durationText(ms: number): string {
  const minutes = Math.floor(ms / MS_PER_MINUTE);
  if (minutes < 60) return `${minutes} min`;
  const hours = Math.floor(minutes / 60);
  if (hours < 48) return minutes % 60 === 0 ? `${hours} h` : `${hours} h ${minutes % 60} min`;
  return `${Math.floor(hours / 24)} days`;
}

/** Code-point order, the same on every machine. */
function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
