/**
 * The project a `release-hub` command works on: its root, its Astro config and the options it
 * gives `releaseHub()`, and the folders that follow from them. The CLI reads the same config
 * Astro reads, so `check` validates the content root the build will build.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { RELEASE_HUB_OPTIONS } from '../integration/cli-protocol.ts';
import { resolveHubSettings, type HubSettings } from '../integration/options.ts';
import type { Problem } from '../content/problems.ts';
import { UserError } from '../import/errors.ts';

const CONFIG_FILES = ['astro.config.mjs', 'astro.config.js', 'astro.config.ts', 'astro.config.mts'];

/** What a command knows of the project before it runs. */
export interface Project {
  root: string;
  /** The Astro config file, if the project has one. */
  configFile?: string;
  settings: HubSettings;
  publicDir: string;
  /** Astro's `base` option, if the config sets one. */
  base?: string;
}

interface AstroConfigFile {
  publicDir?: string | URL;
  base?: string;
  integrations?: unknown[];
}

/** Why: every command starts from the same project settings, and a bad option is reported before anything runs. */
export async function loadProject(
  flags: { root?: string; content?: string },
  env: NodeJS.ProcessEnv = process.env,
): Promise<{ project?: Project; problems: Problem[] }> {
  const root = path.resolve(flags.root ?? '.');
  if (!existsSync(root)) throw new UserError(`The project folder ${root} does not exist.`);
  const configFile = CONFIG_FILES.map((name) => path.join(root, name)).find((file) => existsSync(file));
  const config = configFile ? await importConfig(configFile) : {};
  const options = { ...optionsOf(config), ...(flags.content ? { content: path.resolve(flags.content) } : {}) };
  const { settings, problems } = resolveHubSettings(options, env, root, process.cwd());
  if (!settings) return { problems };
  const folder = (value: string | URL | undefined, fallback: string) =>
    value === undefined ? path.join(root, fallback) : value instanceof URL ? value.pathname : path.resolve(root, value);
  const base = typeof config.base === 'string' && config.base !== '/' ? config.base : undefined;
  return { project: { root, configFile, settings, publicDir: folder(config.publicDir, 'public'), ...(base ? { base } : {}) }, problems: [] };
}

async function importConfig(file: string): Promise<AstroConfigFile> {
  try {
    const module = (await import(pathToFileURL(file).href)) as { default?: AstroConfigFile };
    return module.default ?? {};
  } catch (error) {
    throw new UserError(`${path.basename(file)} could not be loaded: ${(error as Error).message}`);
  }
}

/** The options the project's config passes to `releaseHub()`, if it uses the integration. */
function optionsOf(config: AstroConfigFile): Record<string, unknown> {
  for (const integration of (config.integrations ?? []).flat()) {
    const options = (integration as Record<symbol, unknown> | null)?.[RELEASE_HUB_OPTIONS];
    if (options && typeof options === 'object') return options as Record<string, unknown>;
  }
  return {};
}

/** Why: authoring commands write into the content root the build reads: `--content`, else the project's setting. */
export async function contentRootOf(flag: string | undefined): Promise<string> {
  if (flag) return path.resolve(flag);
  const { project, problems } = await loadProject({});
  if (!project) throw new UserError(problems.map((problem) => problem.message).join('; '));
  return project.settings.contentRoot;
}
