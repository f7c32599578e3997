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

/**
 * Why: an IANA zone name, written as the tz database writes it (`Europe/Berlin`, `UTC`). A UTC
 * offset (`+01:00`) is no zone (it never follows summer time), and `europe/berlin` is refused
 * rather than guessed.
 */
export function isValidTimeZone(zone: string): boolean {
  if (/^[+-]\d/.test(zone)) return false;
  try {
    return Temporal.Instant.fromEpochMilliseconds(0).toZonedDateTimeISO(zone).timeZoneId === zone;
  } catch {
    return false;
  }
}

/** Why: "did you mean America/Toronto?" for `Toronto`, `america/toronto` or `America/Torronto`. */
export function suggestTimeZone(written: string): string | undefined {
  const zones = [...Intl.supportedValuesOf('timeZone'), 'UTC'];
  const key = written.trim().toLowerCase().replace(/\s+/g, '_');
  const exact = zones.find((zone) => zone.toLowerCase() === key);
  if (exact) return exact;
  const byCity = zones.filter((zone) => zone.toLowerCase().split('/').at(-1) === key);
  if (byCity.length === 1) return byCity[0];
  let best: string | undefined;
  let bestDistance = Math.max(2, Math.floor(key.length / 4)) + 1;
  for (const zone of zones) {
    const distance = editDistance(key, zone.toLowerCase());
    if (distance < bestDistance) [best, bestDistance] = [zone, distance];
  }
  return best;
}

function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, index) => index);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) current[j] = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
    previous = current;
  }
  return previous[b.length]!;
}
