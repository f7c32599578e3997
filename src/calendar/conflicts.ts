/**
 * Conflict rules of the release calendar (issue 4), as pure functions: the content validator
 * turns their results into build errors and warnings (adding file:line), pages into badges.
 * All intervals are half-open `[start, end)`: a window ending at 04:00 and one starting at
 * 04:00 do not overlap, and a freeze's `end` is already exclusive.
 */
import { compareTimes, intervalsOverlap } from '../core/time.ts';
import type { Freeze, Release, TimeWindow } from '../core/model.ts';
import { compareText, formatSpan, isWholeDays } from './common.ts';

/** A release whose window is known. */
export type WindowedRelease = Release & { window: TimeWindow };

/** Two non-cancelled releases of one product with overlapping windows; `first` starts first. */
export interface WindowClash {
  first: WindowedRelease;
  second: WindowedRelease;
}

/** Why: the calendar's name for the one half-open overlap rule (`intervalsOverlap` in time.ts). */
export function overlaps(a: TimeWindow, b: TimeWindow): boolean {
  return intervalsOverlap(a, b);
}

/** Why: a freeze without products applies to every product; otherwise only to those listed. */
export function freezeAppliesTo(freeze: Pick<Freeze, 'products'>, productId: string): boolean {
  return freeze.products.length === 0 || freeze.products.includes(productId);
}

/**
 * Why: the build-time freeze rule needs the freezes a release's window runs into. Purely
 * geometric: it ignores status and `freezeException`, which are the caller's policy.
 */
export function freezesOverlapping(release: Release, freezes: readonly Freeze[]): Freeze[] {
  const { window } = release;
  if (!window) return [];
  return freezes.filter((freeze) => freezeAppliesTo(freeze, release.product) && overlaps(window, freeze));
}

/** Why: two bookings of one product at the same time are a warning; cancelled releases free their window. */
export function findWindowClashes(releases: readonly Release[]): WindowClash[] {
  const booked = releases.filter(hasWindow).filter((release) => release.status !== 'cancelled');
  const clashes: WindowClash[] = [];
  for (const group of groupByProduct(booked)) {
    const sorted = [...group].sort(compareByWindow);
    sorted.forEach((first, index) => {
      // Sorted by start: once one starts at or after `first` ends, all later ones do too.
      for (let next = index + 1; next < sorted.length; next++) {
        const second = sorted[next];
        if (!second || compareTimes(second.window.start, first.window.end) >= 0) break;
        clashes.push({ first, second });
      }
    });
  }
  return clashes;
}

/** What the validator prints after `file:line field:` — the problem, then how to fix it. */
export interface ConflictText {
  message: string;
  fix: string;
}

/** Why: the warning on the first release's `window` when another release of its product overlaps it. */
export function windowClashText(clash: WindowClash): ConflictText {
  const { second } = clash;
  return {
    message: `overlaps the window of ${second.product} ${second.version} (${formatSpan(second.window, second.timezone)})`,
    fix: 'move one of the two windows, or cancel one of the releases',
  };
}

/** Why: the error on a release's `window` when it runs into a freeze of its product without `freezeException`. */
export function freezeConflictText(freeze: Freeze, hubZone: string): ConflictText {
  return {
    message: `overlaps the freeze "${freeze.name}" (${freezeDays(freeze, hubZone)})`,
    fix: 'move the window, or set freezeException: <why it must ship> to ship anyway',
  };
}

/** Whole days as `first to last` (last day inclusive); a timed freeze with its times and zone. */
function freezeDays(freeze: Freeze, hubZone: string): string {
  if (!isWholeDays(freeze, hubZone)) return formatSpan(freeze, hubZone);
  const first = freeze.start.withTimeZone(hubZone).toPlainDate();
  const last = freeze.end.withTimeZone(hubZone).subtract({ days: 1 }).toPlainDate();
  return first.equals(last) ? first.toString() : `${first.toString()} to ${last.toString()}`;
}

/** Why: narrows a release to one with a window, for filters. */
export function hasWindow(release: Release): release is WindowedRelease {
  return release.window !== undefined;
}

function groupByProduct(releases: readonly WindowedRelease[]): WindowedRelease[][] {
  const groups = new Map<string, WindowedRelease[]>();
  for (const release of releases) {
    const group = groups.get(release.product);
    if (group) group.push(release);
    else groups.set(release.product, [release]);
  }
  return [...groups.keys()].sort(compareText).map((product) => groups.get(product) ?? []);
}

function compareByWindow(a: WindowedRelease, b: WindowedRelease): number {
  return compareTimes(a.window.start, b.window.start) || compareTimes(a.window.end, b.window.end) || compareText(a.id, b.id);
}
