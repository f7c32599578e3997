/** Fixture hubs for tests: the minimal valid hub, optionally with an error fixture laid over it. */
import { cpSync, mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const fixturesDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../fixtures');

/** Why: each error fixture holds only the files that differ from `minimal/`, so it stays small. */
export function hubWithOverlay(overlay?: string): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'release-hub-'));
  cpSync(path.join(fixturesDir, 'minimal'), dir, { recursive: true });
  if (overlay) cpSync(path.join(fixturesDir, overlay), dir, { recursive: true });
  return dir;
}
