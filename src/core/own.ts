/** Reading maps whose keys users write (RACI role names, CSV column names), safely. */

/**
 * Why: a key such as `constructor` or `toString` must never find an object's built-in property:
 * only what the file says counts.
 */
export function ownValue<T>(record: Readonly<Record<string, T>>, key: string): T | undefined {
  return Object.hasOwn(record, key) ? record[key] : undefined;
}
