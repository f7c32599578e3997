/** The integration's options and the environment, combined into one build's settings (issue 15). */
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { formatProblem } from '../../src/content/problems.ts';
import { resolveHubSettings } from '../../src/integration/options.ts';

const project = mkdtempSync(path.join(os.tmpdir(), 'hub-options-'));
writeFileSync(path.join(project, 'astro.config.mjs'), 'export default {};\n');
mkdirSync(path.join(project, 'src/components'), { recursive: true });
writeFileSync(path.join(project, 'src/components/Footer.astro'), '<footer>ours</footer>\n');
mkdirSync(path.join(project, 'src/styles'), { recursive: true });
writeFileSync(path.join(project, 'src/styles/brand.css'), 'body { color: red; }\n');

const resolve = (options: unknown, env: Record<string, string | undefined> = {}) => resolveHubSettings(options, env, project, project);
const messages = (options: unknown, env: Record<string, string | undefined> = {}) =>
  resolve(options, env).problems.map((problem) => formatProblem(problem, ''));

describe('resolveHubSettings', () => {
  it.each([
    { name: 'no options: ./content, internal', options: undefined, env: {}, content: 'content', audience: 'internal' },
    {
      name: 'the variables when an option is left out',
      options: {},
      env: { HUB_CONTENT_DIR: 'hubs/a', HUB_AUDIENCE: 'public' },
      content: 'hubs/a',
      audience: 'public',
    },
    {
      name: 'options win over the variables',
      options: { content: './team', audience: 'internal' },
      env: { HUB_CONTENT_DIR: 'hubs/a', HUB_AUDIENCE: 'public' },
      content: 'team',
      audience: 'internal',
    },
    { name: 'a blank variable is no value', options: {}, env: { HUB_CONTENT_DIR: '  ', HUB_AUDIENCE: '' }, content: 'content', audience: 'internal' },
  ])('$name', ({ options, env, content, audience }) => {
    const { settings, problems } = resolve(options, env);
    expect(problems).toEqual([]);
    expect(settings).toMatchObject({ contentRoot: path.join(project, content), audience, displayRoot: content, customCss: [], components: {} });
  });

  it('resolves stylesheets and component overrides against the project root; package stylesheets stay names', () => {
    const { settings } = resolve({
      customCss: ['./src/styles/brand.css', '@fontsource/inter'],
      components: { Footer: './src/components/Footer.astro' },
      logo: '/brand.svg',
    });
    expect(settings).toMatchObject({
      customCss: [path.join(project, 'src/styles/brand.css'), '@fontsource/inter'],
      components: { Footer: path.join(project, 'src/components/Footer.astro') },
      logo: '/brand.svg',
    });
  });

  it.each([
    {
      name: 'an unknown audience, with a suggestion',
      options: { audience: 'pub' },
      env: {},
      expected: ['astro.config.mjs releaseHub.audience: must be one of public, internal; got "pub" — did you mean "public"?'],
    },
    {
      name: 'an unknown option, with a suggestion',
      options: { contnet: './content' },
      env: {},
      expected: ['astro.config.mjs releaseHub.contnet: is not a known field — did you mean "content"?'],
    },
    {
      name: 'a logo that is not a site path',
      options: { logo: 'logo.svg' },
      env: {},
      expected: ['astro.config.mjs releaseHub.logo: must be a path under public/ starting with "/", e.g. /logo.svg'],
    },
    {
      name: 'an empty content option',
      options: { content: ' ' },
      env: {},
      expected: ['astro.config.mjs releaseHub.content: must not be empty — write a value or remove the line'],
    },
    {
      name: 'a bad HUB_AUDIENCE',
      options: {},
      env: { HUB_AUDIENCE: 'everyone' },
      expected: ['HUB_AUDIENCE must be one of public, internal; got "everyone" — set it to public or internal, or leave it unset for internal'],
    },
    {
      name: 'a missing stylesheet and a component that is no .astro file of the project',
      options: { customCss: ['./missing.css'], components: { Header: './src/styles/brand.css' } },
      env: {},
      expected: [
        'astro.config.mjs releaseHub.components.Header: "./src/styles/brand.css" is not an .astro file of this project — give the path of an .astro file relative to the project root, e.g. ./src/components/Footer.astro',
        'astro.config.mjs releaseHub.customCss[0]: "./missing.css" does not exist — give the path of a CSS file relative to the project root, e.g. ./src/styles/brand.css',
      ],
    },
  ])('reports $name', ({ options, env, expected }) => {
    expect(messages(options, env)).toEqual(expected);
    expect(resolve(options, env).settings).toBeUndefined();
  });

  it('does not let a bad HUB_AUDIENCE fail a build whose option sets the audience', () => {
    expect(messages({ audience: 'public' }, { HUB_AUDIENCE: 'everyone' })).toEqual([]);
  });
});
