/** Listing a content root's files in a stable order, so results never depend on read order. */
import { readdir } from 'node:fs/promises';
import path from 'node:path';

/** Why: every loader lists files the same way: sorted, forward slashes, relative to the root. */
export async function listFiles(root: string, folder: string, extensions: readonly string[], recursive: boolean): Promise<string[]> {
  const base = path.join(root, folder);
  let entries: string[];
  try {
    entries = (await readdir(base, { recursive })) as string[];
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw error;
  }
  return entries
    .map((entry) => entry.split(path.sep).join('/'))
    .filter(
      (entry) => extensions.some((extension) => entry.endsWith(extension)) && !entry.split('/').some((part) => part.startsWith('.') || part.startsWith('_')),
    )
    .map((entry) => `${folder}/${entry}`)
    .sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
}

/** Why: the same id rule as the content collections: the path below the folder without its extension. */
export function entryIdOf(file: string, folder: string): string {
  return file.slice(folder.length + 1).replace(/\.(mdx|md|ya?ml|csv)$/, '');
}
