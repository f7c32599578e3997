/**
 * A release with far more changes than the releases around it is how a missed version heading
 * shows: its items land in the release above. Real changelogs have big releases too (a first
 * release, a major version), so this is listed for a person to check, with the figures.
 */
import semver from 'semver';
import type { Anomaly } from './changelog-blocks.ts';
import type { DraftRelease } from './release-draft.ts';

/** At least this many changes… */
const MIN_CHANGES = 50;
/** …and more than this many times the most any of its neighbours has. */
const FACTOR = 4;
/** Neighbours on each side, in file order. */
const REACH = 3;

/**
 * Why: flags each release whose change count dwarfs its neighbours' (the sign of a missed version).
 * The first release of a project (the last and lowest one) often lists everything: it gets a warning instead.
 */
export function outlierAnomalies(releases: readonly DraftRelease[], lines: ReadonlyMap<string, number>): { anomalies: Anomaly[]; warnings: string[] } {
  const counts = releases.map((release) => release.changes.length);
  const anomalies: Anomaly[] = [];
  const warnings: string[] = [];
  releases.forEach((release, index) => {
    const count = counts[index] ?? 0;
    const around = [...counts.slice(Math.max(0, index - REACH), index), ...counts.slice(index + 1, index + 1 + REACH)];
    const most = Math.max(1, ...around);
    if (count < MIN_CHANGES || count <= FACTOR * most || around.length === 0) return;
    const first = index === releases.length - 1 && releases.every((other) => other === release || semver.gt(other.version, release.version));
    if (first) {
      warnings.push(
        `Version ${release.version}, the first release, has ${count} changes (at most ${most} in the releases after it): usual for a first release; check it if not.`,
      );
      return;
    }
    anomalies.push({
      line: lines.get(release.version) ?? 0,
      message: `version ${release.version} has ${count} changes, more than ${FACTOR} times the ${most} of any of its ${around.length} neighbours: check that no version heading below it was missed`,
    });
  });
  return { anomalies, warnings };
}
