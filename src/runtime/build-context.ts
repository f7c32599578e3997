/**
 * The build's hub as the pages see it: the content root the integration loaded and validated
 * once (handed over as a snapshot, see `src/core/hub-snapshot.ts`), already cut to this build's
 * audience, and the build's "now". Pages and components only render from this.
 */
import { readFileSync } from 'node:fs';
import { Temporal } from 'temporal-polyfill';
import { audience, nowEpochMilliseconds, snapshotFile } from 'virtual:release-hub/context';
import { parseHubSnapshot } from '../core/hub-snapshot.ts';
import type { BuildContext } from '../core/model.ts';

export type { BuildContext } from '../core/model.ts';

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
