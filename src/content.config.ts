/**
 * Content collections: the release and runbook bodies (MDX) of the content root, rendered by
 * Astro. Their frontmatter is validated and resolved by `src/lib/content` (the hub model), so
 * the collections keep no data of their own: one definition of each field, one set of errors.
 */
import { defineCollection } from 'astro:content';
import { glob, type Loader } from 'astro/loaders';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { contentRootFromEnv } from './lib/content/root';
import { entryIdOf } from './lib/content/files';

const contentRoot = contentRootFromEnv(process.env, process.cwd());

/** A glob loader over one folder of the content root that stores bodies only. */
function bodies(folder: 'releases' | 'runbooks'): Loader {
  const inner = glob({
    base: path.join(contentRoot, folder),
    pattern: '**/[^_.]*.{md,mdx}',
    retainBody: false,
    generateId: ({ entry }) => entryIdOf(`${folder}/${entry}`, folder),
  });
  return {
    name: `hub-${folder}`,
    // A hub without runbooks is valid: a missing folder is no entries, not a warning.
    load: async (context) => {
      if (existsSync(path.join(contentRoot, folder))) await inner.load({ ...context, parseData: async <TData extends Record<string, unknown>>() => ({}) as TData });
    },
  };
}

export const collections = {
  releases: defineCollection({ loader: bodies('releases') }),
  runbooks: defineCollection({ loader: bodies('runbooks') }),
};
