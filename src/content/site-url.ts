/** The site URL, read before Astro starts (its `site` option comes from hub.yaml). */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { parseYamlSource } from './source.ts';

/** Why: Astro needs `site` at config time; a broken hub.yaml is reported by the content check. */
export async function readSiteUrl(root: string): Promise<string | undefined> {
  const text = await readFile(path.join(root, 'hub.yaml'), 'utf8').catch(() => undefined);
  const data = text === undefined ? undefined : parseYamlSource('hub.yaml', text).source?.data;
  const url = (data as { url?: unknown } | undefined)?.url;
  return typeof url === 'string' && /^https?:\/\//.test(url) ? url : undefined;
}
