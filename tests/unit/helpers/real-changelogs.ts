/**
 * Real changelogs for the importer's tests, from the registry: the CHANGELOG.md files that
 * pinned devDependencies ship in their tarballs (package.json pins each exact version, so the
 * files and the counts below them never change under the tests). Each follows a convention:
 *
 * | package | convention |
 * |---|---|
 * | keep-a-changelog | Keep a Changelog 1.1, hand-written: `## [x.y.z] - date`, link references |
 * | yargs-parser | standard-version / release-please: `## [x.y.z](compare) (date)`, `⚠ BREAKING CHANGES` |
 * | git-cliff | git-cliff: emoji section titles, scopes, `[**breaking**]`, contributor lists |
 * | ultrahtml | changesets: no dates, Major / Minor / Patch Changes, commit-hash prefixes |
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';

const nodeModules = path.resolve(import.meta.dirname, '../../../node_modules');

/** The packages whose CHANGELOG.md the tests read. */
export const REAL_CHANGELOG_PACKAGES = ['keep-a-changelog', 'yargs-parser', 'git-cliff', 'ultrahtml'] as const;
export type RealChangelog = (typeof REAL_CHANGELOG_PACKAGES)[number];

/** Why: the path of a real changelog in the project's node_modules (most of these packages export no package.json to resolve). */
export function realChangelogPath(name: RealChangelog): string {
  return path.join(nodeModules, name, 'CHANGELOG.md');
}

/** Why: the text of a real changelog, exactly as published. */
export function readRealChangelog(name: RealChangelog): string {
  return readFileSync(realChangelogPath(name), 'utf8');
}
