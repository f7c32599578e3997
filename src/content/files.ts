/**
 * Listing a content root's files in a stable order, so results never depend on read order, and
 * saying once about each file that cannot be read as the user meant: a misspelt extension
 * (`1.0.0.MD`), a link to nothing or a link loop, a link to a folder, or two files that would be
 * the same entry (`1.0.0.md` and `1.0.0.mdx`).
 */
import { readdir, realpath, stat } from 'node:fs/promises';
import path from 'node:path';
import type { Problem } from './problems.ts';

/** The files of one content folder, and what was wrong with the others. */
export interface Listing {
  /** Paths relative to the content root, forward slashes, sorted. */
  files: string[];
  problems: Problem[];
}

/** Why: every loader lists files the same way: sorted, forward slashes, relative to the root, each odd file reported once. */
export async function listFiles(root: string, folder: string, extensions: readonly string[], recursive: boolean): Promise<Listing> {
  const base = path.join(root, folder);
  let entries: FolderEntry[];
  try {
    entries = await entriesBelow(base, recursive);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') return { files: [], problems: [] };
    if (code === 'ENOTDIR')
      return {
        files: [],
        problems: [{ severity: 'error', file: folder, message: 'is a file, but it must be a folder', fix: `move the file away and make ${folder}/ a folder` }],
      };
    throw error;
  }
  const files: string[] = [];
  const problems: Problem[] = [];
  const sorted = [...entries].sort((a, b) => byCodePoint(a.relative, b.relative));
  for (const { relative: entry, kind } of sorted) {
    if (entry.split('/').some((part) => part.startsWith('.') || part.startsWith('_'))) continue;
    const file = `${folder}/${entry}`;
    const full = path.join(base, entry);
    if (kind === 'link') {
      const problem = await linkProblem(file, full, extensions);
      if (problem) {
        problems.push(problem);
        continue;
      }
    } else if (kind === 'directory') continue;
    const extension = path.extname(entry);
    if (extensions.includes(extension)) files.push(file);
    else if (extensions.includes(extension.toLowerCase())) {
      problems.push({
        severity: 'error',
        file,
        message: `has the extension ${extension}, which is not read (only ${extensions.join(' and ')})`,
        fix: `rename it to ${path.basename(entry, extension)}${extension.toLowerCase()}`,
      });
    }
  }
  problems.push(...duplicateEntries(files, folder));
  return { files: files.filter((file) => !problems.some((problem) => problem.file === file)), problems };
}

/** One entry below a folder: its path relative to the folder, and what the folder listing says it is. */
interface FolderEntry {
  relative: string;
  kind: 'directory' | 'link' | 'other';
}

/**
 * Every entry below a folder, with its kind from the listing itself (no call per entry). Links are
 * listed, never followed: Node's own recursive `readdir` follows a link to a parent folder round and round.
 */
async function entriesBelow(base: string, recursive: boolean, prefix = ''): Promise<FolderEntry[]> {
  const entries: FolderEntry[] = [];
  for (const entry of await readdir(path.join(base, prefix), { withFileTypes: true })) {
    const relative = prefix ? `${prefix}/${entry.name}` : entry.name;
    const kind = entry.isSymbolicLink() ? 'link' : entry.isDirectory() ? 'directory' : 'other';
    entries.push({ relative, kind });
    if (recursive && kind === 'directory') entries.push(...(await entriesBelow(base, recursive, relative)));
  }
  return entries;
}

/** A link to nothing, a link loop, or a link to a folder is said once; a link to a file is read. */
async function linkProblem(file: string, full: string, extensions: readonly string[]): Promise<Problem | undefined> {
  try {
    const target = await stat(full);
    if (!target.isDirectory()) return undefined;
    const shown = await realpath(full).catch(() => full);
    return {
      severity: 'error',
      file,
      message: `is a link to the folder ${shown}, and links to folders are not followed`,
      fix: 'copy the files into the content root, or link each file instead',
    };
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (!extensions.includes(path.extname(file).toLowerCase()) && code === 'ENOENT') return undefined;
    return code === 'ELOOP'
      ? { severity: 'error', file, message: 'is a link that points back to itself (a link loop)', fix: 'remove the link, or point it at a real file' }
      : { severity: 'error', file, message: 'is a link to a file that does not exist', fix: 'remove the link, or point it at an existing file' };
  }
}

/** Two files that would be the same entry: each is named, and neither is read. */
function duplicateEntries(files: readonly string[], folder: string): Problem[] {
  const byId = new Map<string, string[]>();
  for (const file of files) {
    const id = entryIdOf(file, folder);
    byId.set(id, [...(byId.get(id) ?? []), file]);
  }
  const problems: Problem[] = [];
  for (const [id, same] of byId) {
    if (same.length < 2) continue;
    for (const file of same) {
      const others = same.filter((other) => other !== file).join(' and ');
      problems.push({
        severity: 'error',
        file,
        message: `and ${others} are both the ${folder.replace(/s$/, '')} "${id}"`,
        fix: 'keep one of the files, or rename the other',
      });
    }
  }
  return problems;
}

/**
 * Why: the id of an entry: its path below the folder without the extension (`web/2.4.0`). A
 * runbook's id is its file name, wherever it sits below runbooks/ (subfolders only group them).
 */
export function entryIdOf(file: string, folder: string): string {
  const relative = file.slice(folder.length + 1).replace(/\.(mdx|md|ya?ml|csv)$/, '');
  return folder === 'runbooks' ? (relative.split('/').at(-1) ?? relative) : relative;
}

/** Code-point order: the same on every machine, whatever its locale. */
function byCodePoint(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
