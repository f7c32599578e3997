/**
 * The validated hub as text, so the integration (which loads and validates the content once)
 * can hand it to the pages Astro bundles and renders in a module graph of their own. Temporal
 * values keep their exact instant and zone: a zoned time is written as epoch nanoseconds plus
 * its zone id, a date or clock time as its ISO text.
 */
import { Temporal } from 'temporal-polyfill';
import type { Hub } from './model.ts';

const TAG = '$temporal';

type Tagged = { [TAG]: 'zoned'; ns: string; zone: string } | { [TAG]: 'date' | 'time' | 'instant'; iso: string };

/** Why: the pages must see the same hub the integration validated, without validating it again. */
export function serializeHub(hub: Hub): string {
  return JSON.stringify(hub, function replacer(this: Record<string, unknown>, key: string, value: unknown) {
    const original = this[key];
    if (original instanceof Temporal.ZonedDateTime) return { [TAG]: 'zoned', ns: original.epochNanoseconds.toString(), zone: original.timeZoneId };
    if (original instanceof Temporal.PlainDate) return { [TAG]: 'date', iso: original.toString() };
    if (original instanceof Temporal.PlainTime) return { [TAG]: 'time', iso: original.toString() };
    if (original instanceof Temporal.Instant) return { [TAG]: 'instant', iso: original.toString() };
    return value;
  });
}

/** Why: the pages' side of `serializeHub`: the same values, Temporal objects included. */
export function parseHubSnapshot(text: string): Hub {
  return JSON.parse(text, (_key, value: unknown) => {
    if (value === null || typeof value !== 'object' || !(TAG in value)) return value;
    const tagged = value as Tagged;
    switch (tagged[TAG]) {
      case 'zoned':
        return new Temporal.ZonedDateTime(BigInt(tagged.ns), tagged.zone);
      case 'date':
        return Temporal.PlainDate.from(tagged.iso);
      case 'time':
        return Temporal.PlainTime.from(tagged.iso);
      case 'instant':
        return Temporal.Instant.from(tagged.iso);
    }
  }) as Hub;
}
