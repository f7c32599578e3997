/**
 * What is in production: for each product, the release that runs in the release environment at
 * the build's "now", by the one rule of src/process/environments.ts (`whatRunsWhere`: the newest
 * succeeded deployment finished by now, never a rolled-back release). In a public build the hub
 * holds public releases only, so this is the newest public version. Pure: no Astro imports.
 */
import type { Temporal } from 'temporal-polyfill';
import type { Hub, Release } from '../core/model.ts';
import { whatRunsWhere } from '../process/environments.ts';
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
  const running = new Map(
    whatRunsWhere(hub, now).flatMap(({ product, environments }) => {
      const there = environments.find(({ environment }) => environment.release)?.running;
      return there ? [[product.id, there] as const] : [];
    }),
  );
  return products.flatMap((product) => {
    const there = running.get(product);
    return there ? [{ product, productName: productName(hub, product), release: there.release, since: there.deployment.finishedAt }] : [];
  });
}
