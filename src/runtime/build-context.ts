/**
 * The build's hub as the pages see it: the content root the integration loaded and validated
 * once (handed over as a snapshot, see `src/core/hub-snapshot.ts`), already cut to this build's
 * audience, and the build's "now". Pages and components only render from this.
 */
import { readFileSync } from 'node:fs';
import { Temporal } from 'temporal-polyfill';
import { audience, nowEpochMilliseconds, snapshotFile } from 'virtual:release-hub/context';
import { parseHubSnapshot } from '../core/hub-snapshot.ts';
import type { Audience, Hub } from '../core/model.ts';

export interface BuildContext {
  /** The hub as this build's audience may see it. */
  hub: Hub;
  audience: Audience;
  /** The build's "now": `SOURCE_DATE_EPOCH` or the time the build started. */
  now: Temporal.Instant;
}

let context: BuildContext | undefined;

/** Why: the snapshot is read once per build (or per dev-server reload), not once per page. */
export function getBuildContext(): BuildContext {
  context ??= {
    hub: parseHubSnapshot(readFileSync(snapshotFile, 'utf8')),
    audience,
    now: Temporal.Instant.fromEpochMilliseconds(nowEpochMilliseconds),
  };
  return context;
}
