/**
 * The checks of security advisories (src/schemas/advisory.ts) beyond their written form: on a
 * security change only, the fixed version outside the affected range (one file), a fixed version
 * that is a release of the product (a public one for a public advisory), and each id once in the
 * hub (across files).
 */
import semver from 'semver';
import type { Temporal } from 'temporal-polyfill';
import { isPublicChange, isPublicRelease } from '../core/audience.ts';
import type { Advisory, ChangeType } from '../core/model.ts';
import type { AdvisoryInput } from '../schemas/advisory.ts';
import type { LoadedRelease } from './release.ts';
import type { YamlSource } from './source.ts';
import { suggestion } from './zod-problems.ts';

type FileError = (path: PropertyKey[], message: string, fix?: string) => void;

/** Why: an advisory's times are local to its release, and its rules are checked with the release file's lines. */
export function resolveAdvisory(
  advisory: AdvisoryInput,
  type: ChangeType,
  path: PropertyKey[],
  time: (path: PropertyKey[], value: string | undefined) => Temporal.ZonedDateTime | undefined,
  error: FileError,
): Advisory {
  if (type !== 'security') {
    error(
      [...path, 'advisory'],
      `is only for security changes, and this change is "${type}"`,
      'set type: security, or move the advisory to the security change',
    );
  }
  if (semver.satisfies(advisory.fixed, advisory.affected, { includePrerelease: true })) {
    error(
      [...path, 'advisory', 'fixed'],
      `${advisory.fixed} is inside the affected range "${advisory.affected}"`,
      `end the range before the fix, e.g. affected: "<${advisory.fixed}"`,
    );
  }
  return { ...advisory, disclosedAt: time([...path, 'advisory', 'disclosedAt'], advisory.disclosedAt) };
}

type Report = (source: YamlSource, path: PropertyKey[], message: string, fix?: string) => void;

/** Why: an advisory's fixed version must be a version the hub knows, and an id names one advisory (one OSV file). */
export function checkAdvisories(releases: readonly LoadedRelease[], report: Report): void {
  const versions = Map.groupBy(releases, ({ release }) => release.product);
  const seen = new Map<string, string>();
  for (const { release, source } of releases) {
    for (const [index, change] of release.changes.entries()) {
      const advisory = change.advisory;
      if (!advisory) continue;
      const ofProduct = versions.get(release.product) ?? [];
      const known = ofProduct.map((candidate) => candidate.release.version);
      const fix = ofProduct.find((candidate) => candidate.release.version === advisory.fixed)?.release;
      if (fix && isPublicChange(release, change) && !isPublicRelease(fix)) {
        report(
          source,
          ['changes', index, 'advisory', 'fixed'],
          `${advisory.fixed} is an internal release, but this advisory is public`,
          `make ${release.product} ${advisory.fixed} public, or the change internal`,
        );
      }
      if (!fix) {
        report(
          source,
          ['changes', index, 'advisory', 'fixed'],
          `${advisory.fixed} is not a version of ${release.product}`,
          suggestion(advisory.fixed, known) ?? `write the version of the ${release.product} release that fixes it`,
        );
      }
      const first = seen.get(advisory.id);
      if (first)
        report(
          source,
          ['changes', index, 'advisory', 'id'],
          `${advisory.id} is already the advisory of a change in ${first}`,
          'give each advisory its own id, or keep one of the two',
        );
      else seen.set(advisory.id, source.file);
    }
  }
}
