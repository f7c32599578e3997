/**
 * The written forms the content model accepts, checked without any domain logic: SemVer 2.0.0
 * versions, written times (SPEC §2) and IANA zone names. `src/core/time.ts` resolves a written
 * time to an instant from what `readWrittenTime` returns.
 */
import { Temporal } from 'temporal-polyfill';

/** The official SemVer 2.0.0 grammar (semver.org), build metadata included. */
const SEMVER =
  /^(0|[1-9]\d*)\.(0|[1-9]\d*)\.(0|[1-9]\d*)(?:-((?:0|[1-9]\d*|\d*[a-zA-Z-][0-9a-zA-Z-]*)(?:\.(?:0|[1-9]\d*|\d*[a-zA-Z-][0-9a-zA-Z-]*))*))?(?:\+([0-9a-zA-Z-]+(?:\.[0-9a-zA-Z-]+)*))?$/;

/** Why: release versions must be strict SemVer 2.0.0 (no `v`, no loose forms; build metadata allowed). */
export function isSemVer(value: unknown): boolean {
  return typeof value === 'string' && SEMVER.test(value);
}

/** A written time: `2026-03-10`, `2026-03-10T02:00`, `2026-03-10 02:00:00`, `…Z`, `…+01:00`. */
const WRITTEN_TIME = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?)?\s*(Z|[+-]\d{2}:?\d{2})?$/i;

/** A written time read into its parts: a real calendar date and time, and the offset if one was written. */
export type WrittenTime =
  | { ok: true; local: Temporal.PlainDateTime; dateOnly: boolean; offset?: string }
  | { ok: false; reason: 'format' | 'invalid-date'; message: string };

/** Why: the schemas check a time's form and the loader resolves it; both read it the same way. */
export function readWrittenTime(text: string): WrittenTime {
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
  try {
    const local = Temporal.PlainDateTime.from(fields, { overflow: 'reject' });
    const normalized = offset && (offset.toUpperCase() === 'Z' ? '+00:00' : offset.replace(/^([+-]\d{2})(\d{2})$/, '$1:$2'));
    return { ok: true, local, dateOnly: h === undefined, offset: normalized };
  } catch {
    return { ok: false, reason: 'invalid-date', message: `"${text}" is not a real calendar date or time` };
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
