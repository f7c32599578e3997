/**
 * The baseline the hub is measured against: a minimal Astro 7 site, created in a temporary
 * folder with the project's installed Astro, whose one content collection (the glob loader)
 * reads the same release files and renders one bare page per release — the title and the
 * rendered body — then Pagefind over it. Nothing else: what any Astro site must at least pay.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { linkNodeModules } from './workspace.ts';

/** Why: the whole baseline site, as files, so a test can read exactly what is built. */
export function baselineSiteFiles(releasesDir: string): { path: string; content: string }[] {
  return [
    { path: 'package.json', content: `${JSON.stringify({ name: 'release-hub-bench-baseline', private: true, type: 'module' }, null, 2)}\n` },
    {
      path: 'astro.config.mjs',
      content: [
        "import { defineConfig } from 'astro/config';",
        "import mdx from '@astrojs/mdx';",
        '',
        "export default defineConfig({ integrations: [mdx()], cacheDir: './.astro-cache' });",
        '',
      ].join('\n'),
    },
    {
      path: 'src/content.config.mjs',
      content: [
        "import { defineCollection } from 'astro:content';",
        "import { glob } from 'astro/loaders';",
        '',
        'export const collections = {',
        '  releases: defineCollection({',
        `    loader: glob({ base: ${JSON.stringify(releasesDir)}, pattern: '**/*.{md,mdx}', generateId: ({ entry }) => entry.replace(/\\.mdx?$/, '') }),`,
        '  }),',
        '};',
        '',
      ].join('\n'),
    },
    {
      path: 'src/pages/[...id].astro',
      content: [
        '---',
        "import { getCollection, render } from 'astro:content';",
        '',
        'export async function getStaticPaths() {',
        "  const releases = await getCollection('releases');",
        '  return releases.map((entry) => ({ params: { id: entry.id }, props: { entry } }));',
        '}',
        '',
        'const { entry } = Astro.props;',
        'const { Content } = await render(entry);',
        'const title = entry.data.title ?? entry.id;',
        '---',
        '<!doctype html>',
        '<html lang="en">',
        '  <head><meta charset="utf-8" /><title>{title}</title></head>',
        '  <body><main><h1>{title}</h1><Content /></main></body>',
        '</html>',
        '',
      ].join('\n'),
    },
  ];
}

/** Why: the page of a release in the baseline, to compare it with the hub's release page. */
export function baselineReleasePage(release: { product: string; version: string }): string {
  return `${release.product}/${release.version}/index.html`;
}

/**
 * Why: the baseline uses the project's installed Astro, but its caches must stay in its own
 * folder: node_modules/ is a real folder whose entries link to the project's.
 */
export async function createBaselineSite(siteDir: string, releasesDir: string, projectRoot: string): Promise<void> {
  for (const file of baselineSiteFiles(releasesDir)) {
    const target = path.join(siteDir, file.path);
    await mkdir(path.dirname(target), { recursive: true });
    await writeFile(target, file.content);
  }
  await linkNodeModules(projectRoot, siteDir);
}
