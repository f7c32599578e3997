/**
 * How the `release-hub` command and the integration in an Astro process it starts work together.
 * `release-hub build` stays a small process: it never loads the project's config. It starts
 * `astro build` with `RELEASE_HUB_CLI_BUILD` naming a report file; the integration then builds
 * into a staging folder next to the output folder, skips the search index (the command writes it
 * once Astro's process has exited and its memory is returned) and writes where everything is.
 */

/** The environment variable that names the report file of a `release-hub build`. */
export const CLI_BUILD_ENV = 'RELEASE_HUB_CLI_BUILD';

/** What the integration reports to `release-hub build`. */
export interface CliBuildReport {
  /** The published site: `HUB_DIST_DIR`, else Astro's `outDir`. */
  outDir: string;
  /** Where this build writes until it succeeded. */
  stagingDir: string;
  /** How messages name the content root. */
  displayRoot: string;
}

/** The options an integration was made with, for commands that read the project's Astro config. */
export const RELEASE_HUB_OPTIONS: unique symbol = Symbol.for('release-hub.options') as typeof RELEASE_HUB_OPTIONS;
