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
 *
 * Hand-maintained ones (issue 18), for `HAND_WRITTEN_CHANGELOGS`:
 *
 * | package | convention |
 * |---|---|
 * | sitemap | `## 9.0.1 — Security Patch`, `### [BREAKING CHANGES]`, sub-headings and bold labels, narrative sections, `### 6.0.0 breaking changes`, no dates |
 * | rrule (a dependency) | versions as list items `- 2.8.0 (2023-11-10)`, labels `- Bugfixes:` with nested items |
 * | fast-xml-parser | versions as lines `**5.12.1 / 2026-11-13**` and `3.0.1 / 2018-02-09`, some right under the last item, `⚠️` markers |
 * | ci-info | `## v4.5.0` and `### v4.1.0`, labels `Breaking changes:`, no dates |
 * | prismjs | 3,000 lines: `## 1.29.0 (2022-08-23)`, `* __Component__` items with the changes nested |
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';

const nodeModules = path.resolve(import.meta.dirname, '../../../node_modules');

/** The packages whose CHANGELOG.md the tests read. */
export const REAL_CHANGELOG_PACKAGES = ['keep-a-changelog', 'yargs-parser', 'git-cliff', 'ultrahtml'] as const;
/** Hand-maintained changelogs, pinned in package.json (rrule as a dependency, the others as devDependencies). */
export const HAND_WRITTEN_CHANGELOGS = ['sitemap', 'rrule', 'fast-xml-parser', 'ci-info', 'prismjs'] as const;
export type RealChangelog = (typeof REAL_CHANGELOG_PACKAGES)[number] | (typeof HAND_WRITTEN_CHANGELOGS)[number];

/** Why: the path of a real changelog in the project's node_modules (most of these packages export no package.json to resolve). */
export function realChangelogPath(name: RealChangelog): string {
  return path.join(nodeModules, name, 'CHANGELOG.md');
}

/** Why: the text of a real changelog, exactly as published. */
export function readRealChangelog(name: RealChangelog): string {
  return readFileSync(realChangelogPath(name), 'utf8');
}
