/**
 * The `release-hub` package: `import releaseHub from 'release-hub'` in a team's astro.config.mjs.
 */
export { default } from './integration/index.ts';
export type { ReleaseHubOptions } from './integration/options.ts';
