/**
 * The build's hub, computed once per build and shared by every page: the content root loaded
 * and validated, the audience applied, and the build's "now". Pages only render from this.
 */
import type { Temporal } from 'temporal-polyfill';
import { loadContentRoot } from '../lib/content/load';
import { takeValidatedHub } from '../lib/content/handoff';
import { ContentError } from '../lib/content/problems';
import { contentRootFromEnv, displayRootOf } from '../lib/content/root';
import { audienceFromEnv, viewForAudience } from '../lib/audience';
import { resolveBuildNow } from '../lib/time';
import type { Audience, Hub } from '../lib/model';

export interface BuildContext {
  /** The hub as this build's audience may see it. */
  hub: Hub;
  audience: Audience;
  /** The build's "now": `SOURCE_DATE_EPOCH` or the time the build started. */
  now: Temporal.Instant;
}

let context: Promise<BuildContext> | undefined;
let loaded: BuildContext | undefined;

/** Why: loading and validating is done once per build, not once per page. */
export function getBuildContext(): Promise<BuildContext> {
  context ??= createContext().then((created) => (loaded = created));
  return context;
}

/**
 * Why: components read the context without `await`. Every page (and its `getStaticPaths`) awaits
 * `getBuildContext()` before its components render, and an async component costs Astro's renderer
 * about half a millisecond per instance: a change list of a 10,000-release hub has 65,000 of them.
 */
export function loadedBuildContext(): BuildContext {
  if (!loaded) throw new Error('loadedBuildContext() before getBuildContext() resolved: the page must await getBuildContext() first');
  return loaded;
}

async function createContext(): Promise<BuildContext> {
  const root = contentRootFromEnv(process.env, process.cwd());
  const hub = takeValidatedHub(root) ?? (await loadValidHub(root));
  const audience = audienceFromEnv(process.env);
  return { hub: viewForAudience(hub, audience), audience, now: resolveBuildNow(process.env, Date.now()) };
}

/** `astro dev` and `astro build` run without `scripts/build.ts`: they load and validate here. */
async function loadValidHub(root: string): Promise<Hub> {
  const { hub, problems } = await loadContentRoot(root);
  if (!hub) throw new ContentError(problems, displayRootOf(root, process.cwd()));
  return hub;
}
