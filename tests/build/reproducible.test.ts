/**
 * Reproducible builds: the same content and SOURCE_DATE_EPOCH give the same bytes, whatever the
 * machine's zone and whatever order the content files were written in.
 */
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { builtSite } from './helpers/scenario.ts';

/** Every file below `dir` with the sha256 of its bytes. */
function hashTree(dir: string): Record<string, string> {
  const hashes: Record<string, string> = {};
  for (const entry of readdirSync(dir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const file = path.join(entry.parentPath, entry.name);
    hashes[path.relative(dir, file)] = createHash('sha256').update(readFileSync(file)).digest('hex');
  }
  return hashes;
}

describe('reproducible builds', () => {
  it('TZ=America/New_York with files copied in reverse order gives the same bytes as TZ=UTC', () => {
    const reference = hashTree(builtSite('example-internal'));
    const rebuilt = hashTree(builtSite('example-reproducible'));
    expect(Object.keys(rebuilt).sort()).toEqual(Object.keys(reference).sort());
    const differing = Object.keys(reference).filter((file) => reference[file] !== rebuilt[file]);
    expect(differing).toEqual([]);
    expect(Object.keys(reference).length).toBeGreaterThan(10);
  });
});
