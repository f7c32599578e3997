/**
 * A product's usage as an hour-of-week profile in the hub zone (SPEC §6), and what it says about
 * release windows: the busy hours, the quietest windows of the cadence's length, and the windows
 * that fall in busy hours.
 *
 * Definitions:
 * - An **hour of data** is one elapsed hour that starts on a whole hour of the hub zone's clock:
 *   each sample adds its count to the hour it falls in. On a fall-back night the repeated hour
 *   (02:00–03:00 twice) is two hours of data, both in the slot "Sunday 02:00"; on a
 *   spring-forward night the skipped hour has no data at all (not zero).
 * - A **slot** is one of the 168 hours of the week (Monday 00:00 … Sunday 23:00, wall clock).
 * - The **mean** of a slot is the sum of its hours of data ÷ their number: the expected usage in
 *   one hour at that time of the week. A slot without data has no mean (`null`).
 * - The **busy threshold** is the `busyPercentile`-th percentile of the slot means (nearest rank:
 *   the ⌈p/100 × n⌉-th smallest of the n means); a slot is **busy** when its mean is above it.
 * - A window (a release window, a cadence slot) is **busy** when any hour of the clock it overlaps
 *   is a busy slot.
 */
import { Temporal } from 'temporal-polyfill';
import type { UsageSample } from '../core/model.ts';

export const DAYS_PER_WEEK = 7;
export const HOURS_PER_DAY = 24;
const SLOTS = DAYS_PER_WEEK * HOURS_PER_DAY;

/** One hour of the week on the hub zone's clock. */
export interface HourSlot {
  /** ISO day of the week: 1 Monday … 7 Sunday. */
  day: number;
  /** 0 … 23. */
  hour: number;
}

/** The hour-of-week profile of one product. */
export interface UsageProfile {
  /** The hub zone. */
  zone: string;
  /** Mean usage per slot, `means[day - 1][hour]`; `null` where no hour of data fell. */
  means: (number | null)[][];
  /** Hours of data behind each mean, `hours[day - 1][hour]`. */
  hours: number[][];
  busyPercentile: number;
  /** Slots with a mean above it are busy; `null` when there is no data. */
  threshold: number | null;
}

/** Why: the one definition of "usage at this hour of the week" that the heatmap, the quiet windows and the busy flags share. */
export function hourOfWeekProfile(samples: readonly UsageSample[], zone: string, busyPercentile: number): UsageProfile {
  const totals = new Map<bigint, { slot: number; count: number }>();
  for (const sample of samples) {
    const hourStart = startOfHour(sample.at.toZonedDateTimeISO(zone));
    const key = hourStart.epochNanoseconds;
    const bucket = totals.get(key);
    if (bucket) bucket.count += sample.count;
    else totals.set(key, { slot: slotIndex(hourStart), count: sample.count });
  }
  const sums = new Array<number>(SLOTS).fill(0);
  const hours = new Array<number>(SLOTS).fill(0);
  for (const { slot, count } of totals.values()) {
    sums[slot]! += count;
    hours[slot]! += 1;
  }
  const means = sums.map((sum, slot) => (hours[slot] === 0 ? null : sum / hours[slot]!));
  return { zone, means: byDay(means), hours: byDay(hours), busyPercentile, threshold: percentile(means, busyPercentile) };
}

/** Why: the nearest-rank percentile: the ⌈p/100 × n⌉-th smallest value, one of the values itself. */
export function percentile(values: readonly (number | null)[], p: number): number | null {
  const known = values.filter((value): value is number => value !== null).sort((a, b) => a - b);
  if (known.length === 0) return null;
  const rank = Math.max(1, Math.ceil((p / 100) * known.length));
  return known[rank - 1]!;
}

/** Why: heatmap cells, the table and the flags all ask the same question of one slot. */
export function isBusySlot(profile: UsageProfile, slot: HourSlot): boolean {
  const mean = meanAt(profile, slot);
  return mean !== null && profile.threshold !== null && mean > profile.threshold;
}

/** Why: the mean of one slot, `null` without data. */
export function meanAt(profile: UsageProfile, slot: HourSlot): number | null {
  return profile.means[slot.day - 1]![slot.hour]!;
}

/** A window of the week: it starts at `start` and lasts `minutes` (it may run past Sunday into Monday). */
export interface WeekWindow {
  start: HourSlot;
  minutes: number;
  /** Expected usage over the window: each slot's mean × the share of its hour the window covers. */
  expected: number;
}

/**
 * Why: "when should we release?": the `count` windows of `minutes` starting on a whole hour with the
 * lowest expected usage, lowest first, no two overlapping (a quiet night is one window, not three
 * shifted by an hour). Windows over a slot without data are not candidates. Ties go to the earlier
 * start in the week.
 */
export function quietestWindows(profile: UsageProfile, minutes: number, count: number): WeekWindow[] {
  const span = Math.max(1, Math.ceil(minutes / 60));
  const flat = profile.means.flat();
  const candidates: { index: number; expected: number }[] = [];
  for (let index = 0; index < SLOTS; index++) {
    let expected = 0;
    let complete = true;
    for (let offset = 0; offset < span; offset++) {
      const mean = flat[(index + offset) % SLOTS]!;
      if (mean === null) complete = false;
      else expected += mean * (Math.min(60, minutes - offset * 60) / 60);
    }
    if (complete) candidates.push({ index, expected });
  }
  candidates.sort((a, b) => a.expected - b.expected || a.index - b.index);
  const taken = new Set<number>();
  const picked: WeekWindow[] = [];
  for (const candidate of candidates) {
    if (picked.length === count) break;
    const covered = Array.from({ length: span }, (_, offset) => (candidate.index + offset) % SLOTS);
    if (covered.some((slot) => taken.has(slot))) continue;
    for (const slot of covered) taken.add(slot);
    picked.push({ start: slotAt(candidate.index), minutes, expected: candidate.expected });
  }
  return picked;
}

/**
 * Why: the busy hours a window overlaps, in the order it meets them (each slot once): a release
 * window or cadence slot is flagged when this is not empty. Hours are walked on the hub zone's
 * clock in elapsed time, so a window over a DST change meets the hours that really happen.
 */
export function busyHoursOf(window: { start: Temporal.ZonedDateTime; end: Temporal.ZonedDateTime }, profile: UsageProfile): HourSlot[] {
  const busy: HourSlot[] = [];
  const seen = new Set<number>();
  let hour = startOfHour(window.start.withTimeZone(profile.zone));
  // After a whole week every slot has been met: a longer window adds nothing.
  for (let step = 0; step < SLOTS + 1 && Temporal.ZonedDateTime.compare(hour, window.end) < 0; step++) {
    const index = slotIndex(hour);
    const slot = slotAt(index);
    if (!seen.has(index) && isBusySlot(profile, slot)) busy.push(slot);
    seen.add(index);
    hour = hour.add({ hours: 1 });
  }
  return busy;
}

/** The start of the clock hour `time` is in (the same offset: the second 02:00 of a fall-back night stays the second). */
function startOfHour(time: Temporal.ZonedDateTime): Temporal.ZonedDateTime {
  return time.round({ smallestUnit: 'hour', roundingMode: 'floor' });
}

function slotIndex(time: Temporal.ZonedDateTime): number {
  return (time.dayOfWeek - 1) * HOURS_PER_DAY + time.hour;
}

function slotAt(index: number): HourSlot {
  return { day: Math.floor(index / HOURS_PER_DAY) + 1, hour: index % HOURS_PER_DAY };
}

function byDay<T>(flat: readonly T[]): T[][] {
  return Array.from({ length: DAYS_PER_WEEK }, (_, day) => flat.slice(day * HOURS_PER_DAY, (day + 1) * HOURS_PER_DAY));
}
