/**
 * The release files already in a content root, wherever they sit under `releases/` (the loader
 * reads `releases/**`), by product and version, and whether an import wrote them
 * (`importedFrom`). The writers never overwrite a hand-written release.
 */
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { parseFrontmatterSource } from '../content/source.ts';

/** A release file on disk. */
export interface ExistingRelease {
  /** Path relative to the content root, forward slashes. */
  file: string;
  /** `importedFrom` of its frontmatter: an import wrote it. */
  importedFrom?: string;
}

/** Release files by `product/version`. */
export type ReleaseIndex = ReadonlyMap<string, readonly ExistingRelease[]>;

/** Why: `new` and the importers look a version up once, wherever the team keeps its files. */
export async function indexReleases(contentRoot: string, onlyProduct?: string): Promise<ReleaseIndex> {
  const index = new Map<string, ExistingRelease[]>();
  const add = (key: string, entry: ExistingRelease): void => {
    const list = index.get(key) ?? [];
    if (!list.some((other) => other.file === entry.file)) list.push(entry);
    index.set(key, list);
  };
  for (const file of await releaseFiles(contentRoot)) {
    const text = await readFile(path.join(contentRoot, file), 'utf8');
    const data = parseFrontmatterSource(file, text).source?.data as Record<string, unknown> | undefined;
    const version = typeof data?.version === 'string' ? data.version : undefined;
    const product = typeof data?.product === 'string' ? data.product : onlyProduct;
    const importedFrom = typeof data?.importedFrom === 'string' && data.importedFrom.trim() ? data.importedFrom : undefined;
    const entry = { file, ...(importedFrom ? { importedFrom } : {}) };
    if (version && product) add(releaseKey(product, version), entry);
    // A file at the standard path blocks that path, whatever its frontmatter says (or if it cannot be read).
    const standard = /^releases\/([^/]+)\/([^/]+)\.mdx?$/.exec(file);
    if (standard?.[1] && standard[2]) add(releaseKey(standard[1], standard[2]), entry);
  }
  return index;
}

/** Why: one key for a release in the index. */
export function releaseKey(product: string, version: string): string {
  return `${product}/${version}`;
}

/** Why: every `.md`/`.mdx` under `releases/`, in a stable order. */
async function releaseFiles(contentRoot: string): Promise<string[]> {
  let entries: string[];
  try {
    entries = await readdir(path.join(contentRoot, 'releases'), { recursive: true });
  } catch {
    return [];
  }
  return entries
    .map((entry) => `releases/${entry.split(path.sep).join('/')}`)
    .filter((file) => /\.mdx?$/.test(file))
    .sort();
}
