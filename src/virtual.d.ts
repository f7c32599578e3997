/** The virtual modules and constants the integration provides to routes and components (src/integration/vite-plugin.ts). */

/** The hub's base path with a trailing slash (`/`, `/releases/`); replaced at build time. */
declare const __RELEASE_HUB_BASE__: string;

declare module 'virtual:release-hub/context' {
  /** The validated hub of this build, cut to its audience, as written by `serializeHub`. */
  export const snapshotFile: string;
  export const audience: import('./schemas/vocabulary').Audience;
  export const nowEpochMilliseconds: number;
  /** The release bodies a build rendered before the bundle (src/integration/markdown-bodies.ts), or null. */
  export const renderedBodiesFile: string | null;
  /** The route patterns of the hub's files this build writes (src/files/hub-files.ts); empty in the dev server. */
  export const hubFilePatterns: readonly import('./files/hub-files').HubFilePattern[];
  /** Where a build writes the hub's files before they join the site, or null in the dev server. */
  export const hubFilesFolder: string | null;
}

declare module 'virtual:release-hub/bodies' {
  /** A release or runbook body, compiled by Astro (Markdown) or @astrojs/mdx. */
  export interface BodyModule {
    Content: import('astro/runtime/server/index.js').AstroComponentFactory;
    getHeadings(): { depth: number; slug: string; text: string }[];
  }
  /** Body modules by entry id (`<product>/<version>` for releases, the runbook id for runbooks). */
  export const releaseBodies: Record<string, () => Promise<BodyModule>>;
  export const runbookBodies: Record<string, () => Promise<BodyModule>>;
}

declare module 'virtual:release-hub/user-css' {}

declare module 'virtual:release-hub/components/Head' {
  const Head: import('astro/runtime/server/index.js').AstroComponentFactory;
  export default Head;
}
declare module 'virtual:release-hub/components/Header' {
  const Header: import('astro/runtime/server/index.js').AstroComponentFactory;
  export default Header;
}
declare module 'virtual:release-hub/components/Footer' {
  const Footer: import('astro/runtime/server/index.js').AstroComponentFactory;
  export default Footer;
}
