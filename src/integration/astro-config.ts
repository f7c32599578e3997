/**
 * The Astro settings the hub needs, merged into the team's config by `astro:config:setup`: URLs
 * with a trailing slash, one folder per page, MDX and a sitemap (unless the team added them),
 * release and runbook bodies through the hub's Markdown plugins, and a Content-Security-Policy
 * on every page.
 */
import { fileURLToPath } from 'node:url';
import mdx from '@astrojs/mdx';
import { satteri } from '@astrojs/markdown-satteri';
import sitemap from '@astrojs/sitemap';
import type { AstroConfig, AstroIntegration, HookParameters } from 'astro';
import type { Plugin } from 'vite';
import { markdownPlugins } from '../markdown/plugins/index.ts';

/** Astro's default `build.concurrency`: pages one after the other. */
const DEFAULT_CONCURRENCY = 1;
/** How many pages the hub renders at once (measured: see docs/performance.md). */
const PAGE_CONCURRENCY = 4;

/** What `updateConfig()` takes. */
type ConfigUpdate = Parameters<HookParameters<'astro:config:setup'>['updateConfig']>[0];

/** What the hub sets in Astro's config for one build. */
export interface HubAstroConfigInput {
  config: AstroConfig;
  /** hub.yaml `externalHosts`: pages may load images and media from them. */
  externalHosts: readonly string[];
  site?: string;
  base: string;
  contentRoot: string;
  plugin: Plugin;
}

/** Why: a team's `astro.config.mjs` holds only `integrations: [releaseHub()]`; the hub brings the rest. */
export function hubAstroConfig({ config, externalHosts, site, base, contentRoot, plugin }: HubAstroConfigInput): ConfigUpdate {
  const hosts = externalHosts.map((host) => `https://${host}`).join(' ');
  const present = new Set(config.integrations.map((integration) => integration.name));
  const integrations: AstroIntegration[] = [];
  if (!present.has('@astrojs/mdx')) integrations.push(mdx());
  // sitemap-index.xml + sitemap-0.xml of every page this build generates (so a public build lists public pages only).
  if (!present.has('@astrojs/sitemap')) integrations.push(sitemap());
  return {
    site,
    base,
    trailingSlash: 'always',
    // Pages render a few at a time: one page's files are written while the next renders (the
    // same bytes; a team's own `build.concurrency` wins).
    build: { format: 'directory', ...(config.build.concurrency === DEFAULT_CONCURRENCY ? { concurrency: PAGE_CONCURRENCY } : {}) },
    integrations,
    // Alerts as callouts, an anchor on every heading and the base path on site links, in .md and .mdx bodies alike.
    markdown: { processor: satteri(markdownPlugins(base)), syntaxHighlight: 'prism' },
    // Astro hashes what it bundles, the layout adds its inline theme script and accent style;
    // Pagefind's WebAssembly needs 'wasm-unsafe-eval'.
    security: {
      csp: {
        // updateConfig() merges after Astro's defaults are applied, so the default algorithm is written out.
        algorithm: 'SHA-256',
        directives: [
          "default-src 'self'",
          `img-src 'self' data:${hosts ? ` ${hosts}` : ''}`,
          `media-src 'self'${hosts ? ` ${hosts}` : ''}`,
          "object-src 'none'",
          "base-uri 'self'",
          "form-action 'self'",
        ],
        scriptDirective: { resources: ["'self'", "'wasm-unsafe-eval'"] },
        styleDirective: { resources: ["'self'"] },
      },
    },
    vite: {
      plugins: [plugin],
      // Bodies live in the content root, which may be outside the project.
      server: { fs: { allow: [fileURLToPath(config.root), contentRoot] } },
      // The header search module is bundled as a standalone ES module (HeaderSearch.astro imports it
      // with `?worker&url`), so the head script can load it on first focus and no page loads it before.
      worker: { format: 'es' },
    },
  };
}
