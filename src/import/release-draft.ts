/**
 * The release an authoring command is about to write: the SPEC §1 frontmatter fields the
 * importers can know, plus the Markdown body. Kept apart from the hub model (`model.ts`),
 * whose times are resolved instants: a draft keeps times as written text.
 */
import { CHANGE_TYPES, type Audience, type ChangeType, type ReleaseStatus } from '../core/model.ts';

/** One `changes[]` entry as written to the file. */
export interface DraftChange {
  type: ChangeType;
  /** Markdown. */
  summary: string;
  breaking: boolean;
}

/** A release file to write. */
export interface DraftRelease {
  version: string;
  product: string;
  title?: string;
  status: ReleaseStatus;
  audience: Audience;
  /** Written time (SPEC §2): a date `2024-01-02` or a time with offset. */
  deployment?: { finishedAt: string };
  changes: DraftChange[];
  tags: string[];
  /** Markdown body (release narrative); may be empty. */
  body: string;
  /** What the import read (`CHANGELOG.md`, `git tag v1.2.3`): written as `importedFrom`, so `--force` may replace the file later. */
  importedFrom?: string;
}

/** Changes per type plus breaking count; every report prints these. */
export type ChangeCounts = Record<ChangeType, number> & { breaking: number };

/** Why: the reports and tests compare per-type counts against the source. */
export function countChanges(releases: readonly DraftRelease[]): ChangeCounts {
  const counts = Object.fromEntries(CHANGE_TYPES.map((type) => [type, 0])) as Record<ChangeType, number>;
  let breaking = 0;
  for (const change of releases.flatMap((release) => release.changes)) {
    counts[change.type] += 1;
    if (change.breaking) breaking += 1;
  }
  return { ...counts, breaking };
}
