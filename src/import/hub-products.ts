/** The few hub.yaml settings (and people.yaml entries) the authoring commands need. */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import YAML from 'yaml';
import { readHubConfig } from '../content/load.ts';
import { formatProblem } from '../content/problems.ts';
import { UserError } from './errors.ts';

export interface HubProducts {
  productIds: string[];
  /** IANA zone of local times. */
  timezone: string;
  /** Length of a release window: cadence `durationMinutes`, default 120. */
  windowMinutes: number;
  /** hub.yaml `externalHosts`: hosts bodies may load media from. */
  externalHosts: string[];
}

const DEFAULT_WINDOW_MINUTES = 120;

/** Why: `new` and the importers check `--product` against the hub before writing anything. */
export async function readHubProducts(contentRoot: string): Promise<HubProducts> {
  const { config, problems } = await readHubConfig(contentRoot);
  if (!config) {
    throw new UserError(
      `${contentRoot} has no valid hub.yaml (pass --content <dir> or set HUB_CONTENT_DIR):\n${problems.map((problem) => formatProblem(problem, contentRoot)).join('\n')}`,
    );
  }
  return {
    productIds: config.products.map((product) => product.id),
    timezone: config.timezone,
    windowMinutes: config.cadence?.durationMinutes ?? DEFAULT_WINDOW_MINUTES,
    externalHosts: config.externalHosts,
  };
}

/** Why: a release for an unknown product would fail the build; say so before writing. */
export function assertKnownProduct(hub: HubProducts, product: string): void {
  if (!hub.productIds.includes(product)) {
    throw new UserError(`Unknown product "${product}": hub.yaml has ${hub.productIds.join(', ')}.`);
  }
}

/** Why: `import git` credits commit authors by their people.yaml name when the email matches. */
export async function readPeople(contentRoot: string): Promise<{ id: string; name: string; email?: string }[]> {
  const text = await readFile(path.join(contentRoot, 'people.yaml'), 'utf8').catch(() => undefined);
  if (text === undefined) return [];
  let data: unknown;
  try {
    data = YAML.parse(text);
  } catch {
    // A broken people.yaml is reported by `release-hub check`; authors then keep their git names.
    return [];
  }
  if (!Array.isArray(data)) return [];
  return data.flatMap((entry: unknown) => {
    const { id, name, email } = (entry ?? {}) as Record<string, unknown>;
    if (typeof id !== 'string' || typeof name !== 'string') return [];
    return [{ id, name, ...(typeof email === 'string' ? { email } : {}) }];
  });
}
