/** SemVer helpers shared by validation, sorting and pages. */
import semver from 'semver';

/** Why: one ordering of versions everywhere (descending = newest first). */
export function compareVersionsDescending(a: string, b: string): number {
  return semver.rcompare(a, b);
}
