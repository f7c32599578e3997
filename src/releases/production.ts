/**
 * What is in production: for each product, its newest release that shipped (status `released`,
 * `deployment.finishedAt` at or before now) and was not rolled back. In a public build the hub
 * holds public releases only, so this is the newest public version. Pure: no Astro imports.
 */
import { Temporal } from 'temporal-polyfill';
import type { Hub, Release } from '../core/model.ts';
import { compareVersionsDescending } from '../core/semver.ts';
import { compareTimes } from '../core/time.ts';
import { productName } from './releases.ts';

/** One product's version in production. */
export interface InProduction {
  product: string;
  productName: string;
  release: Release;
  /** When its deployment finished. */
  since: Temporal.ZonedDateTime;
}

/** Why: the header of a release list and of a changelog says what each product runs now (products in hub.yaml order; none shipped: left out). */
export function inProduction(hub: Hub, now: Temporal.Instant, products: readonly string[] = hub.config.products.map((product) => product.id)): InProduction[] {
  return products.flatMap((product) => {
    let newest: { release: Release; since: Temporal.ZonedDateTime } | undefined;
    for (const release of hub.releases) {
      const since = release.deployment?.finishedAt;
      if (release.product !== product || release.status !== 'released' || !since) continue;
      if (Temporal.Instant.compare(since.toInstant(), now) > 0) continue;
      const order = newest ? compareTimes(since, newest.since) || -compareVersionsDescending(release.version, newest.release.version) : 1;
      if (order > 0) newest = { release, since };
    }
    return newest ? [{ product, productName: productName(hub, product), ...newest }] : [];
  });
}
