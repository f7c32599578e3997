/** `release-hub dev` and `release-hub preview`: Astro's own servers for the project, options passed through. */
import { spawn } from 'node:child_process';
import { astroBin } from '../astro-bin.ts';

const HELP = {
  dev: `Usage: release-hub dev [astro dev options]

Starts Astro's dev server on the hub. A change to any content file reloads and revalidates
the hub; a content error shows in the terminal and in the browser's error overlay.
Options are Astro's own, e.g. --host 127.0.0.1 --port 4321 (see astro dev --help).`,
  preview: `Usage: release-hub preview [astro preview options]

Serves the built site (run release-hub build first), under the hub's base path.
Options are Astro's own, e.g. --host 127.0.0.1 --port 4321 (see astro preview --help).`,
};

/** Why: a team needs no second tool to serve its hub; Astro's servers already know the config. */
export async function runAstro(command: 'dev' | 'preview', args: string[]): Promise<number> {
  if (args.includes('--help') || args.includes('-h')) {
    process.stdout.write(`${HELP[command]}\n`);
    return 0;
  }
  const rootAt = args.indexOf('--root');
  const root = rootAt >= 0 ? (args[rootAt + 1] ?? '.') : '.';
  const child = spawn(process.execPath, [astroBin(root), command, ...args], { stdio: 'inherit', env: { ASTRO_TELEMETRY_DISABLED: '1', ...process.env } });
  return new Promise((resolve, reject) => {
    child.on('error', reject);
    child.on('exit', (code, signal) => resolve(code ?? (signal ? 1 : 0)));
  });
}
