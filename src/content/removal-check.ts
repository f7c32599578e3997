/** The checks of a deprecation's `removal` (src/schemas/removal.ts) in its release file: on a deprecated change only, and after this release. */
import semver from 'semver';
import type { Temporal } from 'temporal-polyfill';
import type { ChangeType, Removal } from '../core/model.ts';
import type { RemovalInput } from '../schemas/removal.ts';

/** Why: a removal is announced by a deprecation, for a later version; its day is local to the release. */
export function resolveRemoval(
  removal: RemovalInput,
  change: { type: ChangeType; version: string },
  path: PropertyKey[],
  time: (path: PropertyKey[], value: string | undefined) => Temporal.ZonedDateTime | undefined,
  error: (path: PropertyKey[], message: string, fix?: string) => void,
): Removal {
  if (change.type !== 'deprecated') {
    error(
      [...path, 'removal'],
      `is only for deprecated changes, and this change is "${change.type}"`,
      'set type: deprecated, or move the removal to the deprecation',
    );
  }
  if (removal.version !== undefined && semver.lte(removal.version, change.version)) {
    error(
      [...path, 'removal', 'version'],
      `${removal.version} is not after this release (${change.version})`,
      'write the later version that removes it, or leave the version out and give a date',
    );
  }
  return { ...(removal.version ? { version: removal.version } : {}), ...(removal.date ? { date: time([...path, 'removal', 'date'], removal.date) } : {}) };
}
