/**
 * Builds the example hub once for every build test: the internal and the public audience,
 * with a fixed "now", into `.test-output/`. Tests read the built files from there.
 */
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import type { TestProject } from 'vitest/node';

export const TEST_NOW_EPOCH = '1795683600'; // 2026-11-26T09:00:00Z
const root = path.resolve(import.meta.dirname, '../..');

/** Why: one real `npm run build` per audience, exactly as a user runs it. */
function build(audience: 'internal' | 'public'): string {
  const dist = path.join(root, '.test-output', `dist-${audience}`);
  const result = spawnSync(process.execPath, [path.join(root, 'node_modules/tsx/dist/cli.mjs'), 'scripts/build.ts'], {
    cwd: root,
    encoding: 'utf8',
    env: { ...process.env, HUB_AUDIENCE: audience, HUB_DIST_DIR: dist, SOURCE_DATE_EPOCH: TEST_NOW_EPOCH, HUB_CONTENT_DIR: '' },
  });
  if (result.status !== 0) throw new Error(`building the example hub (${audience}) failed:\n${result.stdout}\n${result.stderr}`);
  return dist;
}

export default function setup(project: TestProject) {
  project.provide('distInternal', build('internal'));
  project.provide('distPublic', build('public'));
}

declare module 'vitest' {
  export interface ProvidedContext {
    distInternal: string;
    distPublic: string;
  }
}
