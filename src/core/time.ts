/**
 * Time rules of SPEC.md §2, in one place: how a written time becomes an instant, and how
 * instants are bucketed into the hub zone's months and days. Never reads the machine's zone.
 */
import { Temporal } from 'temporal-polyfill';
import { readWrittenTime } from '../schemas/grammar.ts';

export type TimeParseResult =
  | { ok: true; value: Temporal.ZonedDateTime; dateOnly: boolean }
  | { ok: false; reason: 'format' | 'invalid-date' | 'dst-gap'; message: string };

/** Why: YAML hands us strings; this turns one into an instant by SPEC §2 without trusting the host zone. */
export function parseWrittenTime(text: string, zone: string): TimeParseResult {
  const written = readWrittenTime(text);
  if (!written.ok) return written;
  const { local: plain, dateOnly, offset } = written;
  if (offset) {
    const instant = Temporal.Instant.from(`${plain.toString()}${offset}`);
    return { ok: true, value: instant.toZonedDateTimeISO(zone), dateOnly };
  }
  // A wall-clock time inside a fall-back overlap happens twice: it means the earlier one (RFC 5545
  // §3.3.5), unless the file gives an offset. A time inside a spring-forward gap never happens.
  const earlier = plain.toZonedDateTime(zone, { disambiguation: 'earlier' });
  if (earlier.toPlainDateTime().equals(plain)) return { ok: true, value: earlier, dateOnly };
  // A day that starts inside a DST gap (rare zones): its first existing instant is its start.
  if (dateOnly) return { ok: true, value: plain.toPlainDate().toZonedDateTime({ timeZone: zone }), dateOnly };
  const gap = gapAround(earlier);
  return {
    ok: false,
    reason: 'dst-gap',
    message: `${plain.toString({ smallestUnit: 'minute' })} does not exist in ${zone}: the clocks jump from ${gap.from} to ${gap.to} that night`,
  };
}

/**
 * The wall-clock times on both sides of the spring-forward jump that `before` (a gap time read
 * with the offset before it) falls just short of: 02:00 to 03:00, or 02:00 to 02:30.
 */
function gapAround(before: Temporal.ZonedDateTime): { from: string; to: string } {
  const transition = before.getTimeZoneTransition('next') ?? before;
  const oldOffset = transition.subtract({ nanoseconds: 1 }).offset;
  const wall = (time: Temporal.ZonedDateTime) => time.toPlainTime().toString({ smallestUnit: 'minute' });
  return { from: wall(transition.toInstant().toZonedDateTimeISO(oldOffset)), to: wall(transition) };
}

/** A formatting of a zoned time that depends only on its instant, its own zone and the zone it is shown in. */
type TimeFormat = (time: Temporal.ZonedDateTime, zone: string) => string;

/** Entries a memo keeps before it starts again (a build formats a few thousand distinct times). */
const MEMO_LIMIT = 100_000;

/**
 * Why: a build shows the same times on many pages (a release's window on its page, the lists,
 * the calendar, the feeds), and the Temporal polyfill's zone arithmetic is most of what a
 * formatting costs; the result is a string of the instant and the zones only.
 */
export function memoizedTimeFormat(format: TimeFormat): TimeFormat {
  const memo = new Map<string, string>();
  return (time, zone) => {
    const key = `${time.epochNanoseconds}\u0000${time.timeZoneId}\u0000${zone}`;
    let text = memo.get(key);
    if (text === undefined) {
      if (memo.size >= MEMO_LIMIT) memo.clear();
      text = format(time, zone);
      memo.set(key, text);
    }
    return text;
  };
}

/** Why: months of calendar pages and metrics are the hub zone's (`YYYY-MM`). */
export const monthKey: TimeFormat = memoizedTimeFormat((time, hubZone) => {
  const local = time.withTimeZone(hubZone);
  return `${local.year}-${String(local.month).padStart(2, '0')}`;
});

/** Why: inclusive count of calendar months between two `YYYY-MM` keys (for rates per month). */
export function monthsBetweenInclusive(firstMonth: string, lastMonth: string): number {
  const first = Temporal.PlainYearMonth.from(firstMonth);
  const last = Temporal.PlainYearMonth.from(lastMonth);
  return first.until(last, { largestUnit: 'months' }).months + 1;
}

/** Why: one comparator for zoned times, so sorting never falls back to string order. */
export function compareTimes(a: Temporal.ZonedDateTime, b: Temporal.ZonedDateTime): number {
  // Epoch nanoseconds are the instant itself: no Instant objects to make for each comparison.
  const difference = a.epochNanoseconds - b.epochNanoseconds;
  return difference < 0n ? -1 : difference > 0n ? 1 : 0;
}

/** Why: windows, freezes and slots are half-open intervals; one overlap rule for all of them. */
export function intervalsOverlap(
  a: { start: Temporal.ZonedDateTime; end: Temporal.ZonedDateTime },
  b: { start: Temporal.ZonedDateTime; end: Temporal.ZonedDateTime },
): boolean {
  return compareTimes(a.start, b.end) < 0 && compareTimes(b.start, a.end) < 0;
}
