/** Plumbing shared by the three authoring scripts: content root, error reporting, exit code. */
import path from 'node:path';
import { UserError } from './errors';

/** Why: SPEC §1: `--content`, else `HUB_CONTENT_DIR`, else `./content`. */
export function resolveContentRoot(flag: string | undefined, env: NodeJS.ProcessEnv = process.env): string {
  return path.resolve(flag ?? env.HUB_CONTENT_DIR ?? 'content');
}

/** Why: user mistakes print one line and exit 1; bugs keep their stack trace. */
export async function runCli(main: () => Promise<void>): Promise<void> {
  try {
    await main();
  } catch (error) {
    if (!isUserFacing(error)) throw error;
    console.error(`error: ${error.message}\nRun with --help for usage.`);
    process.exitCode = 1;
  }
}

/** Why: `util.parseArgs` errors (unknown flag, missing value) are user mistakes too. */
function isUserFacing(error: unknown): error is Error {
  if (error instanceof UserError) return true;
  const code = error instanceof Error ? (error as Error & { code?: unknown }).code : undefined;
  return typeof code === 'string' && code.startsWith('ERR_PARSE_ARGS_');
}
