/**
 * Reproducible builds: the same content and SOURCE_DATE_EPOCH give the same bytes, whatever the
 * machine's zone and whatever order the content files were written in.
 */
import { createHash } from 'node:crypto';
import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, inject, it } from 'vitest';
import { projectRoot, runCli } from './helpers/run';

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

/** Copies the example content file by file in reverse order, so directory order differs. */
function copyContentReversed(): string {
  const source = path.join(projectRoot, 'content');
  const target = mkdtempSync(path.join(os.tmpdir(), 'hub-content-reversed-'));
  const files = readdirSync(source, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => path.relative(source, path.join(entry.parentPath, entry.name)))
    .sort()
    .reverse();
  for (const file of files) {
    mkdirSync(path.dirname(path.join(target, file)), { recursive: true });
    copyFileSync(path.join(source, file), path.join(target, file));
  }
  return target;
}

describe('reproducible builds', () => {
  it('TZ=America/New_York with files copied in reverse order gives the same bytes as TZ=UTC', () => {
    const dist = path.join(mkdtempSync(path.join(os.tmpdir(), 'hub-repro-')), 'dist');
    const result = runCli(['build'], {
      TZ: 'America/New_York',
      HUB_CONTENT_DIR: copyContentReversed(),
      HUB_DIST_DIR: dist,
      HUB_AUDIENCE: 'internal',
      SOURCE_DATE_EPOCH: inject('testNowEpoch'),
    });
    expect(result.status, result.stderr).toBe(0);
    const reference = hashTree(inject('distInternal'));
    const rebuilt = hashTree(dist);
    expect(Object.keys(rebuilt).sort()).toEqual(Object.keys(reference).sort());
    const differing = Object.keys(reference).filter((file) => reference[file] !== rebuilt[file]);
    expect(differing).toEqual([]);
    expect(Object.keys(reference).length).toBeGreaterThan(10);
  });
});
