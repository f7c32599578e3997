/**
 * The integration's options (`releaseHub({ … })` in astro.config.mjs): their schema, and how they
 * combine with the environment variables into the settings of one build. An option wins over its
 * variable; the variables keep working where the option is left out.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { z } from 'astro/zod';
import { AUDIENCES, type Audience } from '../schemas/vocabulary.ts';
import type { Problem } from '../content/problems.ts';
import { displayRootOf } from '../content/root.ts';
import { validateSource } from '../content/zod-problems.ts';

/** The parts of the page frame a team may replace with its own `.astro` component. */
export const OVERRIDABLE_COMPONENTS = ['Head', 'Header', 'Footer'] as const;
export type OverridableComponent = (typeof OVERRIDABLE_COMPONENTS)[number];

/** `releaseHub({ … })`. */
export const releaseHubOptionsSchema = z.strictObject({
  /** The content root, relative to the project root. Default: `HUB_CONTENT_DIR`, else `./content`. */
  content: z.string().trim().min(1, { error: 'must not be empty' }).optional(),
  /** `internal` builds the whole hub, `public` the customer site. Default: `HUB_AUDIENCE`, else `internal`. */
  audience: z.enum(AUDIENCES).optional(),
  /** The hub's logo, a file in the project's `public/` folder, e.g. `/logo.svg`; wins over hub.yaml `logo`. */
  logo: z
    .string()
    .regex(/^\/[^/\\]/, { error: 'must be a path under public/ starting with "/", e.g. /logo.svg' })
    .optional(),
  /** Stylesheets added after the hub's own, each a path relative to the project root or a package specifier. */
  customCss: z.array(z.string().trim().min(1, { error: 'must not be empty' })).default([]),
  /** Replacements for named parts of the page frame: a path to an `.astro` file, relative to the project root. */
  components: z
    .strictObject({
      /** Extra tags at the end of every page's `<head>` (it receives the page `title`). */
      Head: z.string().optional(),
      /** The site header: title, search, navigation. */
      Header: z.string().optional(),
      /** The site footer: subscriptions and links. */
      Footer: z.string().optional(),
    })
    .default({}),
});

/** What a team may write in `releaseHub({ … })`. */
export type ReleaseHubOptions = z.input<typeof releaseHubOptionsSchema>;

/** The settings of one build, from the options, the environment and the project root. */
export interface HubSettings {
  projectRoot: string;
  /** Absolute path of the content root. */
  contentRoot: string;
  /** How messages name the content root (relative to where the command ran). */
  displayRoot: string;
  audience: Audience;
  /** Logo path under `public/`, from the option (hub.yaml's `logo` is used when it is not set). */
  logo?: string;
  /** Absolute paths or package specifiers of the team's stylesheets. */
  customCss: string[];
  /** Absolute paths of the team's component overrides. */
  components: Partial<Record<OverridableComponent, string>>;
}

/** Where problems with the options are reported: the config file, as the user can open it. */
export function configFileOf(projectRoot: string): string {
  const names = ['astro.config.mjs', 'astro.config.ts', 'astro.config.mts', 'astro.config.js', 'astro.config.cjs'];
  return names.find((name) => existsSync(path.join(projectRoot, name))) ?? 'astro.config.mjs';
}

/** Why: options and environment are read once, checked like content, and every problem is reported together. */
export function resolveHubSettings(
  options: unknown,
  env: Record<string, string | undefined>,
  projectRoot: string,
  cwd: string,
): { settings?: HubSettings; problems: Problem[] } {
  const file = configFileOf(projectRoot);
  const source = { file, data: options ?? {}, lineOf: () => 0 };
  const { value, problems } = validateSource(releaseHubOptionsSchema, source, ['releaseHub']);
  const envAudience = env.HUB_AUDIENCE?.trim();
  if (!value?.audience && envAudience && !(AUDIENCES as readonly string[]).includes(envAudience)) {
    problems.push({
      severity: 'error',
      file: 'HUB_AUDIENCE',
      message: `must be one of ${AUDIENCES.join(', ')}; got "${envAudience}"`,
      fix: 'set it to public or internal, or leave it unset for internal',
    });
  }
  if (!value || problems.length > 0) return { problems };
  const contentRoot = path.resolve(projectRoot, value.content ?? (env.HUB_CONTENT_DIR?.trim() || 'content'));
  const components: HubSettings['components'] = {};
  for (const name of OVERRIDABLE_COMPONENTS) {
    const given = value.components[name];
    if (!given) continue;
    const file = path.resolve(projectRoot, given);
    if (!file.endsWith('.astro') || !existsSync(file)) {
      problems.push({
        severity: 'error',
        file: source.file,
        field: `releaseHub.components.${name}`,
        message: `"${given}" is not an .astro file of this project`,
        fix: 'give the path of an .astro file relative to the project root, e.g. ./src/components/Footer.astro',
      });
    } else components[name] = file;
  }
  const customCss = value.customCss.map((entry) => (entry.startsWith('.') || path.isAbsolute(entry) ? path.resolve(projectRoot, entry) : entry));
  customCss.forEach((entry, index) => {
    if (path.isAbsolute(entry) && !existsSync(entry)) {
      problems.push({
        severity: 'error',
        file: source.file,
        field: `releaseHub.customCss[${index}]`,
        message: `"${value.customCss[index]}" does not exist`,
        fix: 'give the path of a CSS file relative to the project root, e.g. ./src/styles/brand.css',
      });
    }
  });
  if (problems.length > 0) return { problems };
  return {
    settings: {
      projectRoot,
      contentRoot,
      displayRoot: displayRootOf(contentRoot, cwd),
      audience: value.audience ?? ((envAudience || 'internal') as Audience),
      logo: value.logo,
      customCss,
      components,
    },
    problems: [],
  };
}
