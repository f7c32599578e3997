/**
 * One build's view of the content root, held by the integration: loaded and validated once (and
 * again in the dev server when a content file changes), cut to the build's audience and written
 * as a snapshot the routes read. Only what the later hooks need is kept in memory: the snapshot's
 * path, the body files to compile and the files whose links are checked after the build.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Temporal } from 'temporal-polyfill';
import { viewForAudience } from '../core/audience.ts';
import { serializeHub } from '../core/hub-snapshot.ts';
import type { Hub, SourceRef } from '../core/model.ts';
import { bodySources, type LinkSource } from '../content/link-check.ts';
import { loadContentRoot } from '../content/load.ts';
import { ContentError, printProblems, type Problem } from '../content/problems.ts';
import type { HubSettings } from './options.ts';

/** What the routes of one build are given. */
export interface HubSnapshot {
  /** The file holding the validated hub of this build's audience. */
  file: string;
  /** Body files to compile, by entry id: absolute paths. */
  bodies: { releases: Map<string, string>; runbooks: Map<string, string> };
  /** Releases and runbooks whose body links are checked against the built site. */
  linkSources: LinkSource[];
  /** The hub's site URL (hub.yaml `url`, no trailing slash). */
  siteUrl: string;
}

/** The content of one build (or one dev server) and its problems. */
export class HubState {
  problems: Problem[] = [];
  private current?: HubSnapshot;

  constructor(
    readonly settings: HubSettings,
    readonly now: Temporal.Instant,
    /** Folder of the snapshot files (the integration's folder in `.astro/`). */
    private readonly snapshotDir: string,
    /** The project's `public/`, where the logo must be. */
    private readonly publicDir: string,
  ) {}

  /** Why: every load validates the whole root, so `check`, the build and the dev server report the same problems. */
  async load(): Promise<boolean> {
    const { hub, problems } = await loadContentRoot(this.settings.contentRoot, { publicDir: this.publicDir });
    this.problems = problems;
    this.current = hub && this.write(hub);
    return this.current !== undefined;
  }

  /** Why: the routes need the snapshot; in the dev server a content error must reach the browser's overlay instead. */
  snapshot(): HubSnapshot {
    if (!this.current) throw new ContentError(this.problems, this.settings.displayRoot);
    return this.current;
  }

  /** Why: the same printed lines as `release-hub check`. */
  printProblems(): void {
    printProblems(this.problems, this.settings.displayRoot);
  }

  /** How many errors the last load found. */
  errorCount(): number {
    return this.problems.filter((problem) => problem.severity === 'error').length;
  }

  private write(hub: Hub): HubSnapshot {
    const logo = this.settings.logo ?? hub.config.logo;
    const view = viewForAudience({ ...hub, config: { ...hub.config, logo } }, this.settings.audience);
    mkdirSync(this.snapshotDir, { recursive: true });
    // One file per process: two builds of one project at once never read each other's hub.
    const file = path.join(this.snapshotDir, `hub-${process.pid}.json`);
    writeFileSync(file, serializeHub(view));
    const bodiesOf = (items: { source: SourceRef }[]) =>
      new Map(
        items.flatMap(({ source }) => (source.entryId === undefined ? [] : [[source.entryId, path.join(this.settings.contentRoot, source.file)] as const])),
      );
    return {
      file,
      bodies: { releases: bodiesOf(view.releases), runbooks: bodiesOf(view.runbooks) },
      linkSources: bodySources(view),
      siteUrl: hub.config.url,
    };
  }
}
