/** The benchmark's synthetic hub: deterministic, valid, realistic, and covering every content field. */
import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import type { z } from 'astro/zod';
import { generateContentRoot, type GeneratedRoot } from '../../scripts/bench/generate.ts';
import { countProseWords } from '../../scripts/bench/prose.ts';
import { loadContentRoot } from '../../src/content/load.ts';
import { releaseSchema } from '../../src/schemas/release.ts';
import { runbookSchema } from '../../src/schemas/runbook.ts';
import { hubSchema } from '../../src/schemas/hub.ts';
import { personSchema } from '../../src/schemas/person.ts';
import { freezeSchema } from '../../src/schemas/freeze.ts';
import { metricSeriesSidecarSchema } from '../../src/schemas/metric-series.ts';
import type { Hub } from '../../src/core/model.ts';

const folders: string[] = [];
afterAll(() => {
  for (const folder of folders) rmSync(folder, { recursive: true, force: true });
});

function writeRoot(root: GeneratedRoot): string {
  const folder = mkdtempSync(path.join(os.tmpdir(), 'bench-generate-'));
  folders.push(folder);
  for (const file of root.files) {
    mkdirSync(path.dirname(path.join(folder, file.path)), { recursive: true });
    writeFileSync(path.join(folder, file.path), file.content);
  }
  return folder;
}

/** Every field path a zod schema allows, e.g. `window.start`, `incidents[].id`. */
function schemaPaths(schema: z.ZodType, prefix = '', found = new Set<string>()): Set<string> {
  const def = (schema as unknown as { def: Record<string, unknown> & { type: string } }).def;
  if (def.type === 'optional' || def.type === 'default') return schemaPaths(def.innerType as z.ZodType, prefix, found);
  if (def.type === 'pipe') return schemaPaths(def.out as z.ZodType, prefix, found);
  if (def.type === 'array') {
    found.add(prefix);
    return schemaPaths(def.element as z.ZodType, `${prefix}[]`, found);
  }
  if (def.type === 'object') {
    for (const [key, value] of Object.entries(def.shape as Record<string, z.ZodType>)) {
      const child = prefix ? `${prefix}.${key}` : key;
      found.add(child);
      schemaPaths(value, child, found);
    }
    return found;
  }
  found.add(prefix);
  return found;
}

/** Every field path present in parsed data, in the same notation. */
function dataPaths(value: unknown, prefix = '', found = new Set<string>()): Set<string> {
  if (Array.isArray(value)) {
    found.add(prefix);
    for (const item of value) dataPaths(item, `${prefix}[]`, found);
  } else if (value !== null && typeof value === 'object') {
    for (const [key, child] of Object.entries(value)) {
      const childPath = prefix ? `${prefix}.${key}` : key;
      found.add(childPath);
      dataPaths(child, childPath, found);
    }
  } else found.add(prefix);
  return found;
}

function frontmatterOf(content: string): unknown {
  return parse(content.slice(4, content.indexOf('\n---\n', 4)));
}

function filesUnder(root: GeneratedRoot, folder: string) {
  return root.files.filter((file) => file.path.startsWith(`${folder}/`));
}

const medium = generateContentRoot({ releases: 240, products: 3 });

describe('generateContentRoot', () => {
  it('gives the same bytes for the same size, and another corpus for another size', () => {
    expect(generateContentRoot({ releases: 60, products: 2 })).toEqual(generateContentRoot({ releases: 60, products: 2 }));
    expect(generateContentRoot({ releases: 61, products: 2 }).files[1]).not.toEqual(generateContentRoot({ releases: 60, products: 2 }).files[1]);
  });

  it('writes the share of release bodies as .mdx that --mdx-share asks for, the rest as .md, with the same releases', () => {
    const share = (mdxShare?: number) => {
      const files = generateContentRoot({ releases: 240, products: 3, mdxShare }).releases.map((release) => release.file);
      return files.filter((file) => file.endsWith('.mdx')).length / files.length;
    };
    expect(share(0)).toBe(0);
    expect(share(1)).toBe(1);
    // The default, a quarter, drawn per release with the seeded generator: 0.25 ± a few releases.
    expect(share()).toBeGreaterThan(0.18);
    expect(share()).toBeLessThan(0.32);
    const versions = (mdxShare: number) => generateContentRoot({ releases: 60, products: 2, mdxShare }).releases.map((release) => release.version);
    expect(versions(0)).toEqual(versions(1));
  });

  it.each([-0.1, 1.5, Number.NaN])('refuses an --mdx-share of %s', (mdxShare) => {
    expect(() => generateContentRoot({ releases: 10, products: 1, mdxShare })).toThrow(`--mdx-share must be a number from 0 to 1, not ${mdxShare}`);
  });

  it('writes a content root that loads without a single error or warning', async () => {
    for (const root of [
      medium,
      generateContentRoot({ releases: 7, products: 1 }),
      generateContentRoot({ releases: 50, products: 2, mdxShare: 1 }),
      generateContentRoot({ releases: 50, products: 2, mdxShare: 0 }),
    ]) {
      const { hub, problems } = await loadContentRoot(writeRoot(root));
      expect(problems).toEqual([]);
      expect(hub?.releases).toHaveLength(root.releases.length);
    }
  });

  it('sets every field of a release, a runbook, hub.yaml, people, freezes and a metric sidecar', () => {
    const releases = new Set<string>();
    for (const file of filesUnder(medium, 'releases')) dataPaths(frontmatterOf(file.content), '', releases);
    expect([...schemaPaths(releaseSchema)].filter((field) => !releases.has(field))).toEqual([]);

    const runbooks = new Set<string>();
    for (const file of filesUnder(medium, 'runbooks')) dataPaths(frontmatterOf(file.content), '', runbooks);
    expect([...schemaPaths(runbookSchema)].filter((field) => !runbooks.has(field))).toEqual([]);

    const read = (name: string) => parse(medium.files.find((file) => file.path === name)!.content);
    // `logo` names a file under the project's public/ folder, which a generated content root cannot bring.
    expect([...schemaPaths(hubSchema)].filter((field) => !dataPaths(read('hub.yaml')).has(field))).toEqual(['logo']);
    expect([...schemaPaths(personSchema)].filter((field) => !dataPaths(read('people.yaml')).has(`[].${field}`))).toEqual([]);
    expect([...schemaPaths(freezeSchema)].filter((field) => !dataPaths(read('freezes.yaml')).has(`[].${field}`))).toEqual([]);
    expect([...schemaPaths(metricSeriesSidecarSchema)].filter((field) => !dataPaths(read('metrics/support-tickets.yaml')).has(field))).toEqual([]);
  });

  it('keeps the hub in proportion: runbooks, people, two RACI matrices, two freezes, a metrics CSV', () => {
    const large = generateContentRoot({ releases: 3000, products: 2 });
    expect(filesUnder(large, 'runbooks')).toHaveLength(15);
    expect(large.people).toBe(30);
    expect(filesUnder(medium, 'runbooks')).toHaveLength(10);
    expect(medium.people).toBe(8);
    expect(filesUnder(medium, 'raci')).toHaveLength(2);
    expect(parse(medium.files.find((file) => file.path === 'freezes.yaml')!.content)).toHaveLength(2);
    expect(medium.files.find((file) => file.path === 'metrics/support-tickets.csv')!.content).toMatch(/^date,tickets,escalations\n\d{4}-\d{2}-01,\d+,/);
  });

  it('writes release notes of 300 to 600 words with headings, lists, code, links and 3 to 10 changes', () => {
    for (const file of filesUnder(medium, 'releases')) {
      const body = file.content.slice(file.content.indexOf('\n---\n', 4) + 5);
      expect(countProseWords(body)).toBeGreaterThanOrEqual(300);
      expect(countProseWords(body)).toBeLessThanOrEqual(600);
      expect(body).toMatch(/^## /m);
      expect(body).toMatch(/^- /m);
      expect(body).toMatch(/^```[a-z]+\n[\s\S]+?\n```$/m);
      expect(body).toMatch(/\]\(https:\/\//);
      const changes = (frontmatterOf(file.content) as { changes: unknown[] }).changes;
      expect(changes.length).toBeGreaterThanOrEqual(3);
      expect(changes.length).toBeLessThanOrEqual(10);
    }
  });
});

describe('the generated hub', async () => {
  const { hub } = await loadContentRoot(writeRoot(medium));
  const now = 1795683600_000;
  const { releases, freezes } = hub as Hub;

  it('mixes every status: planned and scheduled ahead, rolled back with a rollback and incidents, cancelled', () => {
    expect(new Set(releases.map((release) => release.status))).toEqual(
      new Set(['planned', 'scheduled', 'in-progress', 'released', 'rolled-back', 'cancelled']),
    );
    for (const release of releases) {
      const start = release.window!.start.epochMilliseconds;
      if (release.status === 'planned' || release.status === 'scheduled') expect(start).toBeGreaterThan(now);
      if (release.status === 'released' || release.status === 'rolled-back')
        expect(release.deployment?.finishedAt?.epochMilliseconds).toBeLessThan(now + 86_400_000);
      if (release.status === 'rolled-back') {
        expect(release.rollback?.reason).toBeTruthy();
        expect(release.incidents.length).toBeGreaterThan(0);
      }
    }
    const publicShare = releases.filter((release) => release.audience === 'public').length / releases.length;
    expect(publicShare).toBeGreaterThan(0.5);
    expect(publicShare).toBeLessThan(0.9);
  });

  it('never overlaps two windows of one product, and ships in a freeze only with a freezeException', () => {
    for (const product of hub!.config.products) {
      const windows = releases
        .filter((release) => release.product === product.id)
        .map((release) => release.window!)
        .sort((a, b) => a.start.epochMilliseconds - b.start.epochMilliseconds);
      for (const [index, window] of windows.slice(1).entries())
        expect(window.start.epochMilliseconds).toBeGreaterThanOrEqual(windows[index]!.end.epochMilliseconds);
    }
    const inFreeze = releases.filter((release) =>
      freezes.some(
        (freeze) =>
          (freeze.products.length === 0 || freeze.products.includes(release.product)) &&
          release.window!.start.epochMilliseconds < freeze.end.epochMilliseconds &&
          freeze.start.epochMilliseconds < release.window!.end.epochMilliseconds,
      ),
    );
    expect(inFreeze.length).toBeGreaterThan(0);
    for (const release of inFreeze) expect(release.freezeException).toBeTruthy();
  });

  it('puts the windows on the weekly cadence: Tuesdays and Thursdays from 02:00, in two-hour steps', () => {
    for (const release of releases) {
      const local = release.window!.start.withTimeZone('Europe/Berlin');
      expect([2, 4]).toContain(local.dayOfWeek);
      expect(local.hour % 2).toBe(0);
      expect(local.minute).toBe(0);
    }
  });
});
