/** Running the project's own commands from tests, exactly as `npm run …` would: the `release-hub` CLI with the pinned Node. */
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { stripVTControlCharacters } from 'node:util';

export const projectRoot = path.resolve(import.meta.dirname, '../../..');
export const cliBin = path.join(projectRoot, 'bin/release-hub.mjs');

/**
 * Why: what a command printed, without the colour codes Astro adds when the terminal (or CI's
 * FORCE_COLOR) asks for them, so the tests read the same text everywhere.
 */
export function plainOutput(result: { status: number | null; stdout: string; stderr: string }) {
  return { status: result.status, stdout: stripVTControlCharacters(result.stdout), stderr: stripVTControlCharacters(result.stderr) };
}

/** Why: tests run `release-hub <command>` (build, check, new, import …) in this repo, as its npm scripts do. */
export function runCli(args: string[], env: Record<string, string> = {}, cwd = projectRoot) {
  const result = spawnSync(process.execPath, [cliBin, ...args], {
    cwd,
    encoding: 'utf8',
    env: { ...process.env, ASTRO_TELEMETRY_DISABLED: '1', ...env },
  });
  return plainOutput(result);
}

/** Why: the repo's own development scripts (`npm run bench`, …) run with tsx, as their npm scripts do. */
export function runDevScript(script: string, args: string[] = [], env: Record<string, string> = {}) {
  const result = spawnSync(process.execPath, [path.join(projectRoot, 'node_modules/tsx/dist/cli.mjs'), script, ...args], {
    cwd: projectRoot,
    encoding: 'utf8',
    env: { ...process.env, ASTRO_TELEMETRY_DISABLED: '1', ...env },
  });
  return plainOutput(result);
}
