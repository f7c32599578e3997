/**
 * Time rules of SPEC.md §2, in one place: how a written time becomes an instant, and how
 * instants are bucketed into the hub zone's months and days. Never reads the machine's zone.
 */
import { Temporal } from 'temporal-polyfill';

/** A written time: `2026-03-10`, `2026-03-10T02:00`, `2026-03-10 02:00:00`, `…Z`, `…+01:00`. */
const WRITTEN_TIME =
  /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?)?\s*(Z|[+-]\d{2}:?\d{2})?$/i;

export type TimeParseResult =
  | { ok: true; value: Temporal.ZonedDateTime; dateOnly: boolean }
  | { ok: false; reason: 'format' | 'invalid-date' | 'dst-gap'; message: string };

/** Why: YAML hands us strings; this turns one into an instant by SPEC §2 without trusting the host zone. */
export function parseWrittenTime(text: string, zone: string): TimeParseResult {
  const match = WRITTEN_TIME.exec(text.trim());
  if (!match) {
    return {
      ok: false,
      reason: 'format',
      message: `"${text}" is not a date or time — write 2026-03-10, 2026-03-10T02:00 or 2026-03-10T02:00+01:00`,
    };
  }
  const [, y, mo, d, h, mi, s, frac, offset] = match;
  const fields = {
    year: Number(y),
    month: Number(mo),
    day: Number(d),
    hour: Number(h ?? 0),
    minute: Number(mi ?? 0),
    second: Number(s ?? 0),
    millisecond: frac ? Number(frac.padEnd(3, '0').slice(0, 3)) : 0,
  };
  let plain: Temporal.PlainDateTime;
  try {
    plain = Temporal.PlainDateTime.from(fields, { overflow: 'reject' });
  } catch {
    return { ok: false, reason: 'invalid-date', message: `"${text}" is not a real calendar date or time` };
  }
  const dateOnly = h === undefined;
  if (offset) {
    const normalized = offset.toUpperCase() === 'Z' ? '+00:00' : offset.replace(/^([+-]\d{2})(\d{2})$/, '$1:$2');
    const instant = Temporal.Instant.from(`${plain.toString()}${normalized}`);
    return { ok: true, value: instant.toZonedDateTimeISO(zone), dateOnly };
  }
  try {
    return { ok: true, value: plain.toZonedDateTime(zone, { disambiguation: 'reject' }), dateOnly };
  } catch {
    if (dateOnly) {
      // A day that starts inside a DST gap (rare zones): its first existing instant is its start.
      return { ok: true, value: plain.toPlainDate().toZonedDateTime({ timeZone: zone }), dateOnly };
    }
    return {
      ok: false,
      reason: 'dst-gap',
      message: `${plain.toString({ smallestUnit: 'minute' })} does not exist in ${zone} (the clocks jump forward over it)`,
    };
  }
}

/** Why: an unknown IANA zone must be a clear error, not a RangeError deep in a page. */
export function isValidTimeZone(zone: string): boolean {
  try {
    Temporal.Instant.fromEpochMilliseconds(0).toZonedDateTimeISO(zone);
    return true;
  } catch {
    return false;
  }
}

/** Why: months of calendar pages and metrics are the hub zone's (`YYYY-MM`). */
export function monthKey(time: Temporal.ZonedDateTime, hubZone: string): string {
  const local = time.withTimeZone(hubZone);
  return `${local.year}-${String(local.month).padStart(2, '0')}`;
}

/** Why: inclusive count of calendar months between two `YYYY-MM` keys (for rates per month). */
export function monthsBetweenInclusive(firstMonth: string, lastMonth: string): number {
  const first = Temporal.PlainYearMonth.from(firstMonth);
  const last = Temporal.PlainYearMonth.from(lastMonth);
  return first.until(last, { largestUnit: 'months' }).months + 1;
}

/** Why: "now" is decided once per build (SOURCE_DATE_EPOCH or the clock) and passed down. */
export function resolveBuildNow(env: Record<string, string | undefined>, clockMs: number): Temporal.Instant {
  const epoch = env.SOURCE_DATE_EPOCH?.trim();
  if (epoch) {
    if (!/^\d+$/.test(epoch)) throw new Error(`SOURCE_DATE_EPOCH must be whole seconds since 1970, got "${epoch}"`);
    return Temporal.Instant.fromEpochMilliseconds(Number(epoch) * 1000);
  }
  return Temporal.Instant.fromEpochMilliseconds(clockMs);
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
