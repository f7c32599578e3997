/**
 * Values worked out once per hub and key (a product, an audience) and shared by every page of a
 * build: the pages of one build read one `Hub`, so a cache keyed by it lives as long as the build's
 * hub and no longer.
 */
import type { Hub } from './model.ts';

/** Why: one cache shape for the many "computed once per hub and product (or audience)" values. */
export function oncePerHub<K, V>(compute: (hub: Hub, key: K) => V): (hub: Hub, key: K) => V {
  const byHub = new WeakMap<Hub, Map<K, V>>();
  return (hub, key) => {
    let byKey = byHub.get(hub);
    if (!byKey) {
      byKey = new Map();
      byHub.set(hub, byKey);
    }
    if (!byKey.has(key)) byKey.set(key, compute(hub, key));
    return byKey.get(key)!;
  };
}
