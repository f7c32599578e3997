/**
 * The content root validated by `scripts/build-site.ts`, handed to the pages of the Astro build that
 * the same process runs next, so one build loads and validates the content once. The pages see a
 * separately bundled copy of this module, so the hand-off lives on `globalThis` under a
 * registry symbol, keyed by the content root it was loaded from.
 */
import type { Hub } from '../model';

const HANDOFF = Symbol.for('release-hub.validated-content');

interface Handoff {
  /** Absolute path of the content root the hub was loaded from. */
  root: string;
  /** The whole hub (every audience), as `loadContentRoot` returned it. */
  hub: Hub;
}

type WithHandoff = typeof globalThis & { [HANDOFF]?: Handoff };

/** Why: the build script has validated the content; the pages must not pay for it again. */
export function handOffValidatedHub(root: string, hub: Hub): void {
  (globalThis as WithHandoff)[HANDOFF] = { root, hub };
}

/** Why: pages reuse the build script's hub when it was loaded from the same content root. */
export function takeValidatedHub(root: string): Hub | undefined {
  const handoff = (globalThis as WithHandoff)[HANDOFF];
  return handoff?.root === root ? handoff.hub : undefined;
}
