/**
 * The site step of `npm run build` (started by scripts/build.ts, never on its own). Loads
 * scripts/build-site.ts with tsx's TypeScript support, then switches that support off before Astro
 * builds in this process: tsx's module hooks would otherwise wrap every module Astro and Vite load
 * (measured: about 12 CPU-seconds per 1,000 releases).
 */
import { register } from 'tsx/esm/api';

const unregister = register();
const { generateSite } = await import('./build-site.ts');
await unregister();
await generateSite();
