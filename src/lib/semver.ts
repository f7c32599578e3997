/** SemVer helpers shared by validation, sorting and pages. */
import semver from 'semver';

/** Why: release versions must be strict SemVer 2.0.0 (no `v`, no loose forms). */
export function isSemVer(value: unknown): boolean {
  return typeof value === 'string' && semver.valid(value) === value;
}

/** Why: one ordering of versions everywhere (descending = newest first). */
export function compareVersionsDescending(a: string, b: string): number {
  return semver.rcompare(a, b);
}
