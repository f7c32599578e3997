/** Where the project's Astro command is: the commands that run Astro start it in a process of their own. */
import { createRequire } from 'node:module';
import path from 'node:path';
import { UserError } from '../import/errors.ts';

/** Why: `astro`'s own command-line entry point, from the project's dependencies (the one `astro build` would run). */
export function astroBin(projectRoot: string): string {
  const require = createRequire(path.resolve(projectRoot, 'package.json'));
  try {
    const manifest = require.resolve('astro/package.json');
    const { bin } = require(manifest) as { bin: { astro: string } };
    return path.join(path.dirname(manifest), bin.astro);
  } catch {
    throw new UserError(`Astro is not installed in ${projectRoot}: run npm install (the project's package.json must depend on astro and release-hub).`);
  }
}
