// @ts-check
import { defineConfig } from 'astro/config';
import mdx from '@astrojs/mdx';
import sitemap from '@astrojs/sitemap';
import { satteri } from '@astrojs/markdown-satteri';
import { markdownPlugins } from './src/lib/markdown-plugins/index.ts';
import { readSiteUrl } from './src/lib/content/site-url.ts';
import { contentRootFromEnv } from './src/lib/content/root.ts';

const contentRoot = contentRootFromEnv(process.env, process.cwd());

export default defineConfig({
  site: await readSiteUrl(contentRoot),
  outDir: process.env.HUB_OUT_DIR || 'dist',
  trailingSlash: 'always',
  build: { format: 'directory' },
  // sitemap-index.xml + sitemap-0.xml of every page this build generates (so a public build lists public pages only).
  integrations: [mdx(), sitemap()],
  // Alerts as callouts and an anchor on every heading, in .md and .mdx bodies alike.
  markdown: { processor: satteri(markdownPlugins()), syntaxHighlight: 'prism' },
  // A Content-Security-Policy <meta> on every page: Astro hashes what it bundles, the layout adds
  // its inline theme script and accent style; Pagefind's WebAssembly needs 'wasm-unsafe-eval'.
  security: {
    csp: {
      directives: ["default-src 'self'", "img-src 'self' data:", "object-src 'none'", "base-uri 'self'", "form-action 'self'"],
      scriptDirective: { resources: ["'self'", "'wasm-unsafe-eval'"] },
      styleDirective: { resources: ["'self'"] },
    },
  },
  // The header search module is bundled as a standalone ES module (HeaderSearch.astro imports it with
  // `?worker&url`), so the head script can load it on first focus and no page loads it before.
  vite: { server: { fs: { allow: ['.', contentRoot] } }, worker: { format: 'es' } },
});
