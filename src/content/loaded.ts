/** What the loader keeps of each item while it cross-checks: the value and where it was written. */
import type { YamlSource } from './source.ts';

/** A loaded item with the source it came from, for cross-check line numbers. */
export interface Loaded<T> {
  value: T;
  source: YamlSource;
  /** Path of the item inside its file (for items of a list file). */
  path: PropertyKey[];
}
