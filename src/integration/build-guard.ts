/**
 * What a build must check before it writes anything: that its output folder is no folder it reads
 * (a build empties its output folder first: `HUB_DIST_DIR=content` would replace the content with
 * the site), and that no other build of the same project is running (they would share `.astro/`
 * and its caches, and could publish half a site).
 */
import { closeSync, mkdirSync, mkdtempSync, openSync, readFileSync, rmSync, writeSync } from 'node:fs';
import path from 'node:path';
import type { Problem } from '../content/problems.ts';
import { displayRootOf } from '../content/root.ts';

/** A folder the build reads, and how messages name it. */
export interface ReadFolder {
  path: string;
  what: string;
  /** The output folder may lie inside it (the project: `dist/` is in the project). */
  outputMayBeInside?: boolean;
}

/** Where the output folder came from, for the message: `HUB_DIST_DIR` or the config's `outDir`. */
export interface OutputFolder {
  path: string;
  /** The file or variable that set it, and its field. */
  file: string;
  field?: string;
}

/** Why: an output folder that overlaps what the build reads would be emptied with it: refuse it before anything is deleted. */
export function outputOverlapProblems(output: OutputFolder, reads: readonly ReadFolder[], cwd: string): Problem[] {
  const out = path.resolve(output.path);
  const shownOut = displayRootOf(out, cwd) || out;
  const problems: Problem[] = [];
  for (const folder of reads) {
    const read = path.resolve(folder.path);
    const shownRead = displayRootOf(read, cwd) || read;
    const relation =
      out === read
        ? `is ${folder.what} (${shownRead})`
        : isInside(read, out)
          ? `contains ${folder.what} (${shownRead})`
          : !folder.outputMayBeInside && isInside(out, read)
            ? `lies inside ${folder.what} (${shownRead})`
            : undefined;
    if (!relation) continue;
    problems.push({
      severity: 'error',
      file: output.file,
      field: output.field,
      message: `the output folder ${shownOut} ${relation}, and a build empties its output folder first`,
      fix: 'choose a folder of its own for the site, e.g. dist/ in the project',
    });
  }
  return problems;
}

/**
 * Why: a build that cannot write its site must say so in one line before it starts, not fail
 * deep inside the bundler: the folder next to the output folder must take a new folder.
 */
export function unwritableProblem(output: OutputFolder, cwd: string): Problem | undefined {
  const parent = path.dirname(path.resolve(output.path));
  try {
    mkdirSync(parent, { recursive: true });
    rmSync(mkdtempSync(path.join(parent, '.release-hub-write-check-')), { recursive: true });
    return undefined;
  } catch (error) {
    const shown = displayRootOf(path.resolve(output.path), cwd) || output.path;
    return {
      severity: 'error',
      file: output.file,
      field: output.field,
      message: `the output folder ${shown} cannot be written (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})`,
      fix: 'choose a folder you can write to',
    };
  }
}

function isInside(child: string, parent: string): boolean {
  const relative = path.relative(parent, child);
  return relative !== '' && !relative.startsWith('..') && !path.isAbsolute(relative);
}

/** Why: two builds of one project at once share its caches; the second says so and stops, the first goes on. */
export function takeBuildLock(folder: string, projectRoot: string): { release: () => void } | { problem: Problem } {
  mkdirSync(folder, { recursive: true });
  const lock = path.join(folder, 'build.lock');
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const fd = openSync(lock, 'wx');
      writeSync(fd, String(process.pid));
      closeSync(fd);
      const release = () => rmSync(lock, { force: true });
      process.once('exit', release);
      return { release };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      const holder = Number(readFileSync(lock, 'utf8').trim());
      if (Number.isInteger(holder) && holder > 0 && isRunning(holder)) {
        return {
          problem: {
            severity: 'error',
            file: displayRootOf(projectRoot, process.cwd()) || projectRoot,
            message: `is being built by another process right now (pid ${holder})`,
            fix: `wait for that build to finish; if no build is running, delete ${lock}`,
          },
        };
      }
      // The build that held it has gone (it crashed): the lock is stale.
      rmSync(lock, { force: true });
    }
  }
  throw new Error(`could not take the build lock ${lock}`);
}

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}
