/**
 * Every build the tests read, built once per test run by tests/build/global-setup.ts, two at a time
 * (CI has 2 cores), each from its own Astro project under tests/fixtures/<scenario>/ (its own root,
 * `.astro/` and caches) into its own output folder, with `release-hub build` exactly as a team runs
 * it. Tests read the results with `scenario(name)` (tests/build/helpers/scenario.ts); none builds.
 */
import path from 'node:path';

export const projectRoot = path.resolve(import.meta.dirname, '../..');
export const fixturesDir = path.join(projectRoot, 'tests/fixtures');

/** 2026-11-26T09:00:00Z: the "now" of every built site. */
export const TEST_NOW_EPOCH = '1795683600';

/** Where a scenario's content comes from. */
export type ScenarioContent =
  /** The project's own content option (its astro.config.mjs names the folder). */
  | { kind: 'project' }
  /** A content root under tests/fixtures/ with overlays laid over it in order, copied into the run folder. */
  | { kind: 'composed'; base: string; overlays?: string[] }
  /** The example hub (content/) copied file by file in reverse order, so directory order differs. */
  | { kind: 'example-reversed' };

/** One `release-hub build` of a scenario. */
export interface ScenarioBuild {
  content: ScenarioContent;
  /** Environment of the build (TZ, HUB_AUDIENCE, …), on top of a fixed "now". */
  env?: Record<string, string>;
  /** The build is meant to fail (bad content, broken links). */
  fails?: boolean;
}

export interface Scenario {
  /** Its project folder: tests/fixtures/<project>/, or the repository itself. */
  project: string;
  /** Start from a copy of another scenario's site, as if it had been built here before. */
  startFrom?: string;
  /** Its builds, in order, into one output folder. */
  builds: ScenarioBuild[];
}

const composed = (base: string, ...overlays: string[]): ScenarioContent => ({ kind: 'composed', base, overlays });
const OVERLAYS = ['runbooks-review', 'calendar-freeze-exception', 'calendar-dst-window'];

/** Why: one list of every build the suite needs, so each is built once and the tests share it. */
export const SCENARIOS = {
  /** The example hub, internal (TZ=UTC). */
  'example-internal': { project: 'example-internal', builds: [{ content: { kind: 'project' }, env: { TZ: 'UTC' } }] },
  /** The example hub, public. */
  'example-public': { project: 'example-public', builds: [{ content: { kind: 'project' }, env: { TZ: 'UTC' } }] },
  /** The example hub again, with TZ=America/New_York and its files copied in reverse order: the same bytes. */
  'example-reproducible': { project: 'example-reproducible', builds: [{ content: { kind: 'example-reversed' }, env: { TZ: 'America/New_York' } }] },
  /** The example hub under the base path /releases/, which is also the name of a section of the hub. */
  'example-base-path': { project: 'example-base-path', builds: [{ content: { kind: 'project' } }] },
  /** The minimal hub, built from this repository with HUB_CONTENT_DIR, as the README shows. */
  minimal: { project: '.', builds: [{ content: composed('minimal') }] },
  /** Bad content built into a folder that holds a good site (a copy of the minimal hub's): it fails and leaves the site. */
  'errors-rebuild': {
    project: 'errors-rebuild',
    startFrom: 'minimal',
    builds: [{ content: composed('minimal', 'errors/window-end-before-start'), fails: true }],
  },
  /** Many kinds of bad input at once: the build lists exactly what `release-hub check` lists, every one in one round. */
  'errors-many': { project: 'errors-many-build', builds: [{ content: composed('minimal', 'errors/many'), fails: true }] },
  /**
   * The same project built from a content root, then from a copy of it elsewhere with a changed
   * body (a hub copied or its folder renamed): the second build shows the second root's body.
   */
  'content-moved': { project: 'content-moved', builds: [{ content: composed('minimal') }, { content: composed('minimal', 'moved-body') }] },
  /** Links in bodies that point nowhere fail the build. */
  'broken-link': { project: 'broken-link-build', builds: [{ content: composed('minimal', 'broken-link'), fails: true }] },
  /** Raw HTML and javascript: links in Markdown fields: warnings, and nothing active on a page. */
  'unsafe-markdown': { project: 'unsafe-markdown-build', builds: [{ content: composed('minimal', 'unsafe-markdown') }] },
  /**
   * The minimal hub with runbooks overdue for review and due soon, a freeze exception and a window
   * across the end of summer time, built in two machine zones.
   */
  overlays: { project: 'overlays', builds: [{ content: composed('minimal', ...OVERLAYS), env: { TZ: 'UTC' } }] },
  'overlays-new-york': { project: 'overlays-new-york', builds: [{ content: composed('minimal', ...OVERLAYS), env: { TZ: 'America/New_York' } }] },
  /** Unicode everywhere, a 2,000-line runbook, a release with 300 changes, an empty freezes.yaml. */
  robust: { project: 'robust', builds: [{ content: { kind: 'project' } }] },
  /** One product, no cadence, nothing but releases. */
  'single-product': { project: 'single-product', builds: [{ content: { kind: 'project' } }] },
  /** The public minimal hub with an advisory embargoed until 2026-12-01T09:00Z, built before (the fixed "now") and after (2026-12-02T09:00Z). */
  'embargo-before': { project: 'embargo-before', builds: [{ content: composed('minimal', 'advisory-embargo') }] },
  'embargo-after': { project: 'embargo-after', builds: [{ content: composed('minimal', 'advisory-embargo'), env: { SOURCE_DATE_EPOCH: '1796202000' } }] },
  /** Metrics worked out by hand (tests/build/metrics.test.ts). */
  'metrics-hub': { project: 'metrics-hub', builds: [{ content: { kind: 'project' } }] },
} satisfies Record<string, Scenario>;

export type ScenarioName = keyof typeof SCENARIOS;

/** What one build of a scenario gave. */
export interface BuildResult {
  status: number | null;
  stdout: string;
  stderr: string;
  /** The index page of the output folder right after this build, if there was one. */
  indexHtml?: string;
}

/** What the tests are given of a scenario. */
export interface ScenarioResult {
  /** The output folder (the last good site). */
  dist: string;
  /** The content root it was built from (the last build's). */
  content: string;
  builds: BuildResult[];
  /** The index page of the output folder before the first build (a scenario that starts from another's site). */
  indexHtmlBefore?: string;
}
