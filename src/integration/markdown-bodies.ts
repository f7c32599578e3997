/**
 * Plain-Markdown release bodies (`.md`) rendered once per build with the project's own Markdown
 * processor, before Astro bundles the routes, instead of one Vite module per body. A body
 * rendered here is the same HTML and the same headings that Astro's `.md` module of the file
 * would give (the processor is called as Astro calls it: the file's content with its front
 * matter blanked, its URL); it only skips the module's bundling, writing and loading, which
 * cost a build of 1,000 releases seconds and about 200 MB. A body that needs what only the module
 * does (local or remote images, which go through astro:assets) stays a module, and so does every
 * `.mdx` body (it may import components). A release's front matter is strict (src/schemas), so
 * it never names a `layout`, and the hub's Markdown plugins do not read it.
 */
import { readFile } from 'node:fs/promises';
import { pathToFileURL } from 'node:url';
import type { AstroConfig } from 'astro';
import type { RenderedBody } from '../runtime/rendered-bodies.ts';

/** What one build's rendering gives: the rendered bodies, and the ones left to Astro as modules. */
export interface MarkdownBodies {
  rendered: Map<string, RenderedBody>;
  modules: Map<string, string>;
}

// Astro's front matter (`@astrojs/internal-helpers/frontmatter`): YAML between `---` lines, or TOML between `+++`.
const FRONT_MATTER = /(?:^\uFEFF?|^\s*\n)(---|\+\+\+)([\s\S]*?\n)(?:---|\+\+\+)/;

/** Why: Astro renders a `.md` module from the file with its front matter blanked (line numbers kept); so does this. */
export function markdownContent(file: string): string {
  const match = FRONT_MATTER.exec(file);
  if (!match) return file;
  const [, fence = '', inner = ''] = match;
  // A replacement of spaces and line breaks only: no `$` pattern in it.
  return file.replace(`${fence}${inner}${fence}`, `   ${inner.replace(/[^\r\n]/g, ' ')}   `);
}

/** Why: a build renders its `.md` bodies in one pass with the processor Astro would use for their modules. */
export async function renderMarkdownBodies(
  markdown: AstroConfig['markdown'],
  image: AstroConfig['image'],
  bodies: ReadonlyMap<string, string>,
): Promise<MarkdownBodies> {
  const rendered = new Map<string, RenderedBody>();
  const modules = new Map<string, string>();
  const markdownFiles = [...bodies].filter(([, file]) => file.endsWith('.md'));
  for (const [entryId, file] of bodies) if (!file.endsWith('.md')) modules.set(entryId, file);
  if (markdownFiles.length === 0) return { rendered, modules };
  // The options Astro's `.md` plugin passes (astro/dist/vite-plugin-markdown).
  const renderer = await markdown.processor.createRenderer({
    image,
    syntaxHighlight: markdown.syntaxHighlight,
    shikiConfig: markdown.shikiConfig,
    gfm: markdown.gfm,
    smartypants: markdown.smartypants,
  });
  for (const [entryId, file] of markdownFiles) {
    const result = await renderer.render(markdownContent(await readFile(file, 'utf8')), { fileURL: pathToFileURL(file), frontmatter: {} });
    const { headings, localImagePaths, remoteImagePaths } = result.metadata;
    if (localImagePaths.length > 0 || remoteImagePaths.length > 0) modules.set(entryId, file);
    else rendered.set(entryId, { html: result.code.trim(), headings });
  }
  return { rendered, modules };
}
