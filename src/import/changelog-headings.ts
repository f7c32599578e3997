/**
 * What a version line of a changelog says: a heading (`## [1.2.3] - 2024-01-02`,
 * `## Product Name 3.6.10 (2022-09-29)`, `## v1.2.3`, `## [2.0.0]! - 2016-09-30`,
 * `## @scope/pkg@1.2.3`, `## 9.0.1 — Security Patch`, `## 1.2.3 [YANKED]`), a bold line
 * (`**5.12.1 / 2026-11-13**`) or a list item (`- 2.8.0 (2023-11-10)`); or `[Unreleased]`.
 * The patterns run on one line's text, never on the file.
 */
import semver from 'semver';
import { readDate } from './changelog-dates.ts';

/** A line that names a version. */
export interface VersionLine {
  kind: 'version';
  /** SemVer; `2.8` is read as `2.8.0` (`coerced`). */
  version: string;
  /** The version as written (`v2.8`, `2.8`). */
  written: string;
  coerced: boolean;
  /** ISO date, when the line has one that could be read. */
  date?: string;
  /** A date-like text that could not be read (`2025-02-30`, `10/21/2026`); the version is then undated. */
  badDate?: string;
  yanked: boolean;
  /** `!` right after the version: the release breaks compatibility. */
  breaking: boolean;
  /** Words before the version (`Product Name`, `Upgrade guide for`); `Version`, `Release`, a package are not counted. */
  prefix: string;
  /** Words after the version, date and markers (`Security Patch`). */
  title?: string;
}

export type VersionHeading =
  | VersionLine
  | { kind: 'unreleased' }
  /** Looks like a version but is not SemVer (`1.2.3.4`, `2024.01.02`): its content cannot be imported. */
  | { kind: 'invalid'; text: string };

// A dotted number at a word start, after an optional `pkg@` / `@scope/pkg@` / `pkg-` (before `v`) and `v`.
const VERSION =
  /(?<=^|[\s[(])(?:(?:@[\w.-]+\/)?[\w.-]+@|[\w.]+-(?=v\d))?v?(\d+\.\d+(?:\.\d+)*(?:-[0-9a-z][0-9a-z.-]*)?(?:\+[0-9a-z.-]+)?)(?=$|[\s\]()!,:;*_])/i;
const UNRELEASED = /^\[?\s*unreleased\s*\]?(?:$|\s)/i;
const YANKED = /\[\s*yanked\s*\]|\bYANKED\b/i;
const FILLER = /^(?:version|release|v)$/i;

/** Why: decides whether a line names a release and reads its version, date, markers and title. */
export function parseVersionHeading(text: string): VersionHeading | undefined {
  const trimmed = text.trim();
  if (UNRELEASED.test(trimmed)) return { kind: 'unreleased' };
  const match = VERSION.exec(trimmed);
  if (!match?.[1]) return undefined;
  const written = match[1];
  const version = semverOf(written);
  if (!version) return { kind: 'invalid', text: trimmed };
  let rest = trimmed.slice(match.index + match[0].length);
  const before = trimmed.slice(0, match.index);
  // `**⚠️ 4.0.0-beta.2 / 2021-11-19**`: a warning sign before the version marks it as breaking too.
  const breaking = /^\]?\s*!/.test(rest) || /⚠/.test(before);
  if (breaking) rest = rest.replace(/^(\]?)\s*!/, '$1');
  const reading = readDate(rest);
  const yanked = YANKED.test(rest);
  const withoutDate = reading.span ? rest.slice(0, reading.span[0]) + rest.slice(reading.span[1]) : rest;
  const prefix = words(before);
  return {
    kind: 'version',
    version,
    written,
    coerced: version !== written.replace(/^v/i, ''),
    ...(reading.date ? { date: reading.date } : {}),
    ...(reading.unreadable ? { badDate: reading.unreadable } : {}),
    yanked,
    breaking,
    prefix: FILLER.test(prefix) || !/[\p{L}\p{N}]/u.test(prefix) ? '' : prefix,
    // Around a date that cannot be read the words are part of it ("Sometime in"), not a title.
    ...(reading.unreadable ? {} : titleOf(withoutDate.replace(YANKED, ' '))),
  };
}

/** Why: `2.8` is the SemVer 2.8.0; anything else that is not SemVer is reported, never guessed. */
function semverOf(written: string): string | undefined {
  if (semver.valid(written) === written) return written;
  const twoPart = /^(\d+)\.(\d+)$/.exec(written);
  if (twoPart) return `${String(Number(twoPart[1]))}.${String(Number(twoPart[2]))}.0`;
  return undefined;
}

/** Why: the heading's own words (`Security Patch`) become the release title; separators and brackets do not. */
function titleOf(rest: string): { title?: string } {
  const title = words(rest.replace(/[[\]()]/g, ' ')).replace(/^[\s\-–—/:|,.*_]+|[\s\-–—/:|,.*_]+$/g, '');
  return /\p{L}/u.test(title) ? { title } : {};
}

function words(text: string): string {
  return text
    .replace(/[[\]()*_]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

/** Why: a line is a version marker only when it is nothing but a version with its date and markers. */
export function isBareVersionLine(heading: VersionHeading | undefined): heading is VersionLine {
  return heading?.kind === 'version' && heading.prefix === '' && heading.title === undefined;
}
