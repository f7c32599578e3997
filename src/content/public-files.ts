/** The files of a project's `public/` folder, which a build copies to the site as they are. */
import { existsSync, readdirSync } from 'node:fs';
import path from 'node:path';

/** Why: a body may link to `/images/flow.png` in public/; the link check must know it is there. */
export function publicSitePaths(publicDir: string): Set<string> {
  const paths = new Set<string>();
  if (!existsSync(publicDir)) return paths;
  for (const entry of readdirSync(publicDir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const relative = path.relative(publicDir, path.join(entry.parentPath, entry.name)).split(path.sep).join('/');
    paths.add(`/${relative}`);
  }
  return paths;
}
