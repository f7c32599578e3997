/** Putting a new site in place of the old one, so that a reader never finds half of either. */
import { existsSync } from 'node:fs';
import { rename, rm } from 'node:fs/promises';

/** The file operations the swap needs (tests pass failing ones). */
export interface SwapFs {
  exists(path: string): boolean;
  rename(from: string, to: string): Promise<void>;
  remove(path: string): Promise<void>;
}

const realFs: SwapFs = { exists: existsSync, rename, remove: (path) => rm(path, { recursive: true, force: true }) };

/**
 * Why: the new site replaces the old one in two renames. If the second fails, the old site is put
 * back before the error is reported: `dist/` is either the last good site or the new one.
 */
export async function swapIntoPlace(outDir: string, staging: string, fs: SwapFs = realFs, suffix = String(process.pid)): Promise<void> {
  const previous = `${outDir}.previous-${suffix}`;
  const hadSite = fs.exists(outDir);
  if (hadSite) await fs.rename(outDir, previous);
  try {
    await fs.rename(staging, outDir);
  } catch (error) {
    if (hadSite) await fs.rename(previous, outDir);
    throw error;
  }
  if (hadSite) await fs.remove(previous);
}
