// @ts-check
import { defineConfig } from 'astro/config';
import mdx from '@astrojs/mdx';
import { readSiteUrl } from './src/lib/content/site-url.ts';
import { contentRootFromEnv } from './src/lib/content/root.ts';

const contentRoot = contentRootFromEnv(process.env, process.cwd());

export default defineConfig({
  site: await readSiteUrl(contentRoot),
  outDir: process.env.HUB_OUT_DIR || 'dist',
  // scripts/build.ts gives each output folder its own cache, so builds of different hubs never share one.
  cacheDir: process.env.HUB_CACHE_DIR || './node_modules/.astro',
  trailingSlash: 'always',
  build: { format: 'directory' },
  integrations: [mdx()],
  vite: { server: { fs: { allow: ['.', contentRoot] } } },
});
