/**
 * `npm run build`. Loads scripts/build.ts with tsx's TypeScript support, then switches that
 * support off before Astro builds in this process: tsx's module hooks would otherwise wrap every
 * module Astro and Vite load (measured: about 12 CPU-seconds per 1,000 releases).
 */
import { register } from 'tsx/esm/api';

const unregister = register();
const { buildHub } = await import('./build.ts');
await unregister();
await buildHub();
