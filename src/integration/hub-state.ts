/**
 * One build's view of the content root, held by the integration: loaded and validated once (and
 * again in the dev server when a content file changes), cut to the build's audience and written
 * as a snapshot the routes read. Only what the later hooks need is kept in memory: the snapshot's
 * path, the body files to compile and the files whose links are checked after the build.
 */
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { AstroConfig } from 'astro';
import type { Temporal } from 'temporal-polyfill';
import { viewForAudience } from '../core/audience.ts';
import { withoutEmbargoedAdvisories } from '../security/embargo.ts';
import { serializeHub } from '../core/hub-snapshot.ts';
import type { Hub, SourceRef } from '../core/model.ts';
import { contentLinkProblems } from '../site/link-check.ts';
import { loadContentRoot } from '../content/load.ts';
import { busyWindowWarnings } from '../content/usage.ts';
import { ContentError, printProblems, sortProblems, type Problem } from '../content/problems.ts';
import type { HubSettings } from './options.ts';
import { renderMarkdownBodies } from './markdown-bodies.ts';

/** What the routes of one build are given. */
export interface HubSnapshot {
  /** The file holding the validated hub of this build's audience. */
  file: string;
  /** Body files to compile, by entry id: absolute paths. */
  bodies: { releases: Map<string, string>; runbooks: Map<string, string> };
  /** The file of the release bodies rendered before the bundle (src/integration/markdown-bodies.ts), when a build has any. */
  renderedBodiesFile?: string;
  /** The hub's site URL (hub.yaml `url`, no trailing slash). */
  siteUrl: string;
  /** hub.yaml `externalHosts`. */
  externalHosts: string[];
}

/** What a build validates: the content root, then the links in its bodies against the pages of the build's audience. */
export interface BuildHub {
  hub?: Hub;
  /** The hub cut to the build's audience, with the logo of the options: what the routes get. */
  view?: Hub;
  problems: Problem[];
}

/** Why: `release-hub check` and the build run this one validation, so they report the same problems. */
export async function loadForBuild(
  settings: Pick<HubSettings, 'contentRoot' | 'audience' | 'logo'>,
  publicDir: string,
  now: Temporal.Instant,
  brokenLinks: 'error' | 'warning' = 'error',
): Promise<BuildHub> {
  const { hub, problems } = await loadContentRoot(settings.contentRoot, { publicDir });
  if (!hub) return { problems };
  const logo = settings.logo ?? hub.config.logo;
  const audienceView = viewForAudience({ ...hub, config: { ...hub.config, logo } }, settings.audience);
  const view = settings.audience === 'public' ? withoutEmbargoedAdvisories(audienceView, now) : audienceView;
  const linkProblems = contentLinkProblems(view, { audience: settings.audience, now, contentRoot: settings.contentRoot, publicDir });
  const busyWindows = await busyWindowWarnings(hub, settings.contentRoot);
  return {
    hub,
    view,
    problems: sortProblems([...problems, ...linkProblems.map((problem) => ({ ...problem, severity: brokenLinks })), ...busyWindows]),
  };
}

/** The content of one build (or one dev server) and its problems. */
export class HubState {
  problems: Problem[] = [];
  private current?: HubSnapshot;
  private removesOnExit = false;
  private rendering?: Promise<number>;

  readonly settings: HubSettings;
  readonly now: Temporal.Instant;
  /** Folder of the snapshot files (the integration's folder in `.astro/`). */
  private readonly snapshotDir: string;
  /** The project's `public/`, where the logo must be. */
  private readonly publicDir: string;
  /** A broken link in content stops a build; the dev server shows it as a warning while the author types. */
  private readonly brokenLinks: 'error' | 'warning';

  constructor(settings: HubSettings, now: Temporal.Instant, snapshotDir: string, publicDir: string, brokenLinks: 'error' | 'warning' = 'error') {
    this.settings = settings;
    this.now = now;
    this.snapshotDir = snapshotDir;
    this.publicDir = publicDir;
    this.brokenLinks = brokenLinks;
  }

  /** Why: every load validates the whole root, so `check`, the build and the dev server report the same problems. */
  async load(): Promise<boolean> {
    const { hub, view, problems } = await loadForBuild(this.settings, this.publicDir, this.now, this.brokenLinks);
    this.problems = problems;
    this.current = undefined;
    if (!hub || !view || this.errorCount() > 0) return false;
    this.current = this.write(hub, view);
    return true;
  }

  /** Why: the routes need the snapshot; in the dev server a content error must reach the browser's overlay instead. */
  snapshot(): HubSnapshot {
    if (!this.current) throw new ContentError(this.problems, this.settings.displayRoot);
    return this.current;
  }

  /**
   * Why: a build renders its plain-Markdown release bodies in one pass while Astro starts bundling
   * the routes (the bundle waits for it only where it loads the body list); only the other bodies
   * stay modules to compile. Not in the dev server, where each body is a module that Vite reloads
   * on its own when it changes. Resolves to how many were rendered.
   */
  renderMarkdownBodies(markdown: AstroConfig['markdown'], image: AstroConfig['image']): Promise<number> {
    const snapshot = this.snapshot();
    this.rendering = renderMarkdownBodies(markdown, image, snapshot.bodies.releases).then(({ rendered, modules }) => {
      if (rendered.size === 0) return 0;
      const file = path.join(this.snapshotDir, `bodies-${process.pid}.json`);
      writeFileSync(file, JSON.stringify(Object.fromEntries(rendered)));
      process.once('exit', () => rmSync(file, { force: true }));
      this.current = { ...snapshot, bodies: { ...snapshot.bodies, releases: modules }, renderedBodiesFile: file };
      return rendered.size;
    });
    return this.rendering;
  }

  /** Why: the virtual modules read the snapshot once the bodies a build renders itself are done. */
  async settledSnapshot(): Promise<HubSnapshot> {
    await this.rendering;
    return this.snapshot();
  }

  /** Why: the same printed lines as `release-hub check`. */
  printProblems(): void {
    printProblems(this.problems, this.settings.displayRoot);
  }

  /** How many errors the last load found. */
  errorCount(): number {
    return this.problems.filter((problem) => problem.severity === 'error').length;
  }

  private write(hub: Hub, view: Hub): HubSnapshot {
    mkdirSync(this.snapshotDir, { recursive: true });
    // One file per process: two builds of one project at once never read each other's hub.
    const file = path.join(this.snapshotDir, `hub-${process.pid}.json`);
    writeFileSync(file, serializeHub(view));
    if (!this.removesOnExit) {
      // The snapshot only lives as long as its process: folders never fill with old hubs.
      process.once('exit', () => rmSync(file, { force: true }));
      this.removesOnExit = true;
    }
    const bodiesOf = (items: { source: SourceRef }[]) =>
      new Map(
        items.flatMap(({ source }) => (source.entryId === undefined ? [] : [[source.entryId, path.join(this.settings.contentRoot, source.file)] as const])),
      );
    return {
      file,
      bodies: { releases: bodiesOf(view.releases), runbooks: bodiesOf(view.runbooks) },
      siteUrl: hub.config.url,
      externalHosts: hub.config.externalHosts,
    };
  }
}
