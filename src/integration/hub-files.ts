/**
 * The hub's files in a build (src/files/hub-files.ts): one build-only route writes them all into
 * a folder of the integration's own (src/routes/hub-files.txt.ts), and when Astro is done they are
 * moved into the built site and that route's own output is removed. A file that a team's own page
 * already wrote there is kept, and named.
 */
import { copyFileSync, existsSync, mkdirSync, readFileSync, readdirSync, renameSync, rmSync, rmdirSync } from 'node:fs';
import path from 'node:path';
import type { HubFilePattern } from '../files/hub-files.ts';
import type { Audience } from '../schemas/vocabulary.ts';
import { HUB_FILES_ROUTE, routesFor } from './routes.ts';

/** What one build writes, and where. */
export interface HubFilesPlan {
  /** The route patterns of the files this build's audience has. */
  patterns: HubFilePattern[];
  /** An empty folder of the integration's (in `.astro/`), removed when the process exits. */
  folder: string;
}

/** Where the build-only route's answer lands in the built site (removed once read). */
const FILE_LIST = HUB_FILES_ROUTE.pattern.slice(1);

/** Why: the build-only route is told, through the context module, which files to write and where. */
export function planHubFiles(audience: Audience, codegenDir: string): HubFilesPlan {
  const folder = path.join(codegenDir, `files-${process.pid}`);
  rmSync(folder, { recursive: true, force: true });
  mkdirSync(folder, { recursive: true });
  process.once('exit', () => rmSync(folder, { recursive: true, force: true }));
  const patterns = routesFor(audience, { fileRoutes: true }).flatMap((route) => (route.file ? [route.pattern as HubFilePattern] : []));
  return { patterns, folder };
}

/** Why: the files join the pages only once Astro is done; returns the files kept because a team's page had written them. */
export function placeHubFiles(plan: HubFilesPlan, siteDir: string): { placed: number; kept: string[] } {
  const list = path.join(siteDir, FILE_LIST);
  if (!existsSync(list)) throw new Error(`the build did not write ${FILE_LIST}, the list of the hub's files`);
  const files = readFileSync(list, 'utf8').split('\n').filter(Boolean);
  rmSync(list);
  removeIfEmpty(path.dirname(list));
  const kept: string[] = [];
  const folders = new Set<string>();
  for (const relative of files) {
    const target = path.join(siteDir, relative);
    if (existsSync(target)) {
      kept.push(relative);
      continue;
    }
    const folder = path.dirname(target);
    if (!folders.has(folder)) {
      mkdirSync(folder, { recursive: true });
      folders.add(folder);
    }
    moveFile(path.join(plan.folder, relative), target);
  }
  rmSync(plan.folder, { recursive: true, force: true });
  return { placed: files.length - kept.length, kept };
}

/** A rename, or a copy when the site is on another file system. */
function moveFile(from: string, to: string): void {
  try {
    renameSync(from, to);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EXDEV') throw error;
    copyFileSync(from, to);
  }
}

function removeIfEmpty(folder: string): void {
  if (readdirSync(folder).length === 0) rmdirSync(folder);
}
