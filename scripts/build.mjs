/**
 * `npm run build`. Loads scripts/build.ts with tsx's TypeScript support and runs it; the site
 * step it starts in a child process has a launcher of its own (scripts/build-site.mjs).
 */
import { register } from 'tsx/esm/api';

const unregister = register();
const { buildHub } = await import('./build.ts');
await unregister();
await buildHub();
