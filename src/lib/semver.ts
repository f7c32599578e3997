/** SemVer helpers shared by validation, sorting and pages. */
import semver from 'semver';

/** The official SemVer 2.0.0 grammar (semver.org), build metadata included. */
const SEMVER =
  /^(0|[1-9]\d*)\.(0|[1-9]\d*)\.(0|[1-9]\d*)(?:-((?:0|[1-9]\d*|\d*[a-zA-Z-][0-9a-zA-Z-]*)(?:\.(?:0|[1-9]\d*|\d*[a-zA-Z-][0-9a-zA-Z-]*))*))?(?:\+([0-9a-zA-Z-]+(?:\.[0-9a-zA-Z-]+)*))?$/;

/** Why: release versions must be strict SemVer 2.0.0 (no `v`, no loose forms; build metadata allowed). */
export function isSemVer(value: unknown): boolean {
  return typeof value === 'string' && SEMVER.test(value);
}

/** Why: one ordering of versions everywhere (descending = newest first). */
export function compareVersionsDescending(a: string, b: string): number {
  return semver.rcompare(a, b);
}
