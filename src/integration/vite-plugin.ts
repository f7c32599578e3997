/**
 * The virtual modules through which the integration hands one build's data to the routes and
 * components that Astro bundles: the validated hub (as a snapshot file), the body files to
 * compile, the team's stylesheets and its component overrides.
 */
import { fileURLToPath } from 'node:url';
import type { Plugin } from 'vite';
import { OVERRIDABLE_COMPONENTS, type OverridableComponent } from './options.ts';
import type { HubFilesPlan } from './hub-files.ts';
import type { HubState } from './hub-state.ts';

const PREFIX = 'virtual:release-hub/';

/** The default part of the page frame for each overridable name. */
const DEFAULT_COMPONENTS: Record<OverridableComponent, string> = {
  Head: fileURLToPath(new URL('../components/layout/Head.astro', import.meta.url)),
  Header: fileURLToPath(new URL('../components/layout/Header.astro', import.meta.url)),
  Footer: fileURLToPath(new URL('../components/layout/Footer.astro', import.meta.url)),
};

/** Why: routes import `virtual:release-hub/…` and get this build's data, whatever the team's project looks like. */
export function releaseHubVitePlugin(state: HubState, base: string, hubFiles?: HubFilesPlan): Plugin {
  let serving = false;
  return {
    name: 'release-hub:virtual-modules',
    // The base path as a constant in every bundle (routes and browser scripts): src/core/urls.ts.
    config: () => ({ define: { __RELEASE_HUB_BASE__: JSON.stringify(base.replace(/\/?$/, '/')) } }),
    configResolved: (config) => {
      serving = config.command === 'serve';
    },
    // Filters: the bundler calls these hooks for the hub's own ids only, never for the thousands of other modules.
    resolveId: {
      filter: { id: new RegExp(`^${PREFIX}`) },
      handler: (id) => `\0${id}`,
    },
    load: {
      filter: { id: new RegExp(`^\0${PREFIX}`) },
      async handler(id) {
        const name = id.slice(PREFIX.length + 1);
        if (name === 'context') {
          // In the dev server a content error shows in the browser's error overlay, in the same words as the build.
          const snapshot = await state.settledSnapshot();
          return [
            `export const snapshotFile = ${JSON.stringify(snapshot.file)};`,
            `export const audience = ${JSON.stringify(state.settings.audience)};`,
            `export const nowEpochMilliseconds = ${JSON.stringify(state.now.epochMilliseconds)};`,
            `export const renderedBodiesFile = ${JSON.stringify(snapshot.renderedBodiesFile ?? null)};`,
            `export const hubFilePatterns = ${JSON.stringify(hubFiles?.patterns ?? [])};`,
            `export const hubFilesFolder = ${JSON.stringify(hubFiles?.folder ?? null)};`,
          ].join('\n');
        }
        if (name === 'bodies') {
          const { releases, runbooks } = (await state.settledSnapshot()).bodies;
          // The dev server loads a body when a page asks for it: imports it cannot follow ahead of time keep
          // thousands of bodies out of each page's module graph (its CSS walk compiled every one). A build bundles them.
          const importer = serving ? 'load' : 'import';
          const map = (bodies: Map<string, string>) =>
            `{\n${[...bodies].map(([entryId, file]) => `  ${JSON.stringify(entryId)}: () => ${importer}(${JSON.stringify(file)}),`).join('\n')}\n}`;
          const loader = serving ? 'const load = (file) => import(/* @vite-ignore */ file);\n' : '';
          return `${loader}export const releaseBodies = ${map(releases)};\nexport const runbookBodies = ${map(runbooks)};\n`;
        }
        if (name === 'user-css') return state.settings.customCss.map((entry) => `import ${JSON.stringify(entry)};`).join('\n');
        const component = OVERRIDABLE_COMPONENTS.find((candidate) => name === `components/${candidate}`);
        if (component) return `export { default } from ${JSON.stringify(state.settings.components[component] ?? DEFAULT_COMPONENTS[component])};`;
        return undefined;
      },
    },
  };
}
