/**
 * Builds the example hub once for every site test: the internal and the public audience, with a
 * fixed "now", into a fresh temporary folder. Tests read the built files (and serve them) from there.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { TestProject } from 'vitest/node';

/** 2026-11-26T09:00:00Z: the "now" of every site test. */
export const TEST_NOW_EPOCH = '1795683600';
const root = path.resolve(import.meta.dirname, '../..');

/** Why: one real `npm run build` (`release-hub build`) per audience, exactly as a user runs it. */
function build(outputRoot: string, audience: 'internal' | 'public'): string {
  const dist = path.join(outputRoot, `dist-${audience}`);
  const result = spawnSync(process.execPath, ['bin/release-hub.mjs', 'build'], {
    cwd: root,
    encoding: 'utf8',
    env: { ...process.env, TZ: 'UTC', HUB_AUDIENCE: audience, HUB_DIST_DIR: dist, SOURCE_DATE_EPOCH: TEST_NOW_EPOCH, HUB_CONTENT_DIR: '', ASTRO_TELEMETRY_DISABLED: '1' },
  });
  if (result.status !== 0) throw new Error(`building the example hub (${audience}) failed:\n${result.stdout}\n${result.stderr}`);
  return dist;
}

export default function setup(project: TestProject) {
  const outputRoot = mkdtempSync(path.join(os.tmpdir(), 'release-hub-site-'));
  project.provide('distInternal', build(outputRoot, 'internal'));
  project.provide('distPublic', build(outputRoot, 'public'));
  project.provide('testNowEpoch', TEST_NOW_EPOCH);
  return () => rmSync(outputRoot, { recursive: true, force: true });
}

declare module 'vitest' {
  export interface ProvidedContext {
    distInternal: string;
    distPublic: string;
    testNowEpoch: string;
  }
}
