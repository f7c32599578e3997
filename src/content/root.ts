/** Where the content root is, and how its files are named in messages. */
import path from 'node:path';

/** Why: `content/` by default, any folder in `HUB_CONTENT_DIR` (tests and benchmarks build other hubs). */
export function contentRootFromEnv(env: Record<string, string | undefined>, cwd: string): string {
  return path.resolve(cwd, env.HUB_CONTENT_DIR?.trim() || 'content');
}

/** Why: messages name files as a user can open them from where they ran the command. */
export function displayRootOf(root: string, cwd: string): string {
  const relative = path.relative(cwd, root).split(path.sep).join('/');
  return relative.startsWith('..') ? root : relative;
}
