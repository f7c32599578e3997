/** Running the project's own commands from tests, exactly as `npm run …` would. */
import { spawnSync } from 'node:child_process';
import path from 'node:path';

export const projectRoot = path.resolve(import.meta.dirname, '../../..');

/** Why: tests call `scripts/<name>` with the pinned Node, like the npm scripts do (build has a plain .mjs launcher). */
export function runScript(script: string, env: Record<string, string>, args: string[] = []) {
  const command = script === 'build' ? ['scripts/build.mjs'] : [path.join(projectRoot, 'node_modules/tsx/dist/cli.mjs'), `scripts/${script}.ts`];
  const result = spawnSync(process.execPath, [...command, ...args], {
    cwd: projectRoot,
    encoding: 'utf8',
    env: { ...process.env, ASTRO_TELEMETRY_DISABLED: '1', ...env },
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}
