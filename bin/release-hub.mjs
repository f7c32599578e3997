#!/usr/bin/env node
/**
 * The `release-hub` command. The package ships TypeScript sources (as Starlight does). Installed
 * under node_modules/, where Node strips no types, tsx loads them, and a project's
 * astro.config.mjs imported by a command loads the same way. Run from a checkout of this
 * repository, Node's own type stripping loads them: the sources use erasable syntax only
 * (`erasableSyntaxOnly` in tsconfig.json), and it starts the command about 0.8 s sooner. The
 * commands that run Astro start it in a process of its own, without tsx.
 */
import { realpathSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

if (
  realpathSync(fileURLToPath(import.meta.url))
    .split(/[\\/]/)
    .includes('node_modules')
) {
  const { register } = await import('tsx/esm/api');
  register();
}
const { main } = await import('../src/cli/main.ts');
process.exitCode = await main(process.argv.slice(2));
