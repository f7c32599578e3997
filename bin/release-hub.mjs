#!/usr/bin/env node
/**
 * The `release-hub` command. The package ships TypeScript sources (as Starlight does); tsx loads
 * them here, and a project's astro.config.mjs imported by a command loads the same way. The
 * commands that run Astro start it in a process of its own, without tsx.
 */
import { register } from 'tsx/esm/api';

register();
const { main } = await import('../src/cli/main.ts');
process.exitCode = await main(process.argv.slice(2));
