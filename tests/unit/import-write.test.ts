/** The shared release writer: YAML quoting, SPEC §1 key order, no overwriting (issue 8). */
import { mkdtemp, readFile, rm, writeFile, mkdir } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { readRealChangelog } from './helpers/real-changelogs.ts';
import YAML from 'yaml';
import { importChangelog } from '../../src/import/changelog.ts';
import type { DraftRelease } from '../../src/import/release-draft.ts';
import { formatFrontmatter, formatReleaseFile, releaseEntries, toYaml, writeReleases } from '../../src/import/write-release.ts';

const draft: DraftRelease = {
  version: '1.10.0',
  product: 'web',
  status: 'released',
  audience: 'public',
  deployment: { finishedAt: '2024-01-02' },
  changes: [{ type: 'added', summary: 'yes', breaking: false }],
  tags: ['yanked'],
  body: 'Body text.',
};

/** Frontmatter of a written file, read the way Astro reads it (YAML 1.1 timestamps) and as YAML 1.2. */
function frontmatterOf(text: string, version: '1.1' | '1.2'): unknown {
  const match = /^---\n([\s\S]*?)---\n/.exec(text);
  return YAML.parse(match?.[1] ?? '', { version });
}

describe('write-release', () => {
  let root: string;
  beforeEach(async () => {
    root = await mkdtemp(path.join(os.tmpdir(), 'hub-write-'));
  });
  afterEach(async () => {
    await rm(root, { recursive: true, force: true });
  });

  it('writes the SPEC §1 keys in order and quotes date-like and YAML 1.1-ambiguous strings', () => {
    const text = formatReleaseFile(formatFrontmatter(releaseEntries(draft)), draft.body);
    expect(text).toBe(
      [
        '---',
        'version: 1.10.0',
        'product: web',
        'status: released',
        'audience: public',
        'deployment:',
        '  finishedAt: "2024-01-02"',
        'changes:',
        '  - type: added',
        '    summary: "yes"',
        '    breaking: false',
        'tags: [yanked]',
        '---',
        '',
        'Body text.',
        '',
      ].join('\n'),
    );
    const expected = {
      version: '1.10.0',
      product: 'web',
      status: 'released',
      audience: 'public',
      deployment: draft.deployment,
      changes: draft.changes,
      tags: draft.tags,
    };
    expect(frontmatterOf(text, '1.1')).toEqual(expected);
    expect(frontmatterOf(text, '1.2')).toEqual(expected);
  });

  it('quotes times with offsets and keeps versions that look like numbers as strings', () => {
    expect(toYaml({ at: '2024-03-01T10:00:00+01:00', v: '1.10', answer: 'no' })).toBe('at: "2024-03-01T10:00:00+01:00"\nv: "1.10"\nanswer: "no"\n');
  });

  it('round-trips every summary of a real changelog through a YAML 1.1 reader', () => {
    const source = readRealChangelog('keep-a-changelog');
    for (const release of importChangelog(source, { product: 'web' }).releases) {
      const text = formatReleaseFile(formatFrontmatter(releaseEntries(release)), release.body);
      expect((frontmatterOf(text, '1.1') as { changes: unknown }).changes).toEqual(release.changes);
    }
  });

  it('refuses to overwrite (.md or .mdx), and --force replaces only a .md file an import wrote', async () => {
    await mkdir(path.join(root, 'releases/web'), { recursive: true });
    await writeFile(path.join(root, 'releases/web/1.10.0.mdx'), 'hand-edited');
    const [skipped] = await writeReleases([draft], { contentRoot: root, extension: '.md', force: true });
    expect(skipped).toMatchObject({ outcome: 'exists', existing: 'releases/web/1.10.0.mdx', reason: 'an .mdx release is never overwritten' });
    expect(await readFile(path.join(root, 'releases/web/1.10.0.mdx'), 'utf8')).toBe('hand-edited');

    const imported = { ...draft, version: '1.11.0', importedFrom: 'CHANGELOG.md' };
    expect((await writeReleases([imported], { contentRoot: root, extension: '.md' }))[0]?.outcome).toBe('written');
    expect(await readFile(path.join(root, 'releases/web/1.11.0.md'), 'utf8')).toContain('\nimportedFrom: CHANGELOG.md\n---\n');
    expect((await writeReleases([imported], { contentRoot: root, extension: '.md' }))[0]).toMatchObject({ outcome: 'exists', reason: 'already exists' });
    const again = { ...imported, changes: [{ type: 'fixed' as const, summary: 'Re-imported', breaking: false }] };
    expect((await writeReleases([again], { contentRoot: root, extension: '.md', force: true }))[0]?.outcome).toBe('overwritten');
    expect(await readFile(path.join(root, 'releases/web/1.11.0.md'), 'utf8')).toContain('summary: Re-imported');

    // A release written by hand (no importedFrom) is never replaced, not even with --force.
    await writeFile(path.join(root, 'releases/web/1.11.0.md'), '---\nversion: 1.11.0\nproduct: web\nstatus: released\n---\nHand-written.\n');
    expect((await writeReleases([again], { contentRoot: root, extension: '.md', force: true }))[0]).toMatchObject({
      outcome: 'exists',
      reason: 'written by hand (no importedFrom), never overwritten',
    });
    expect(await readFile(path.join(root, 'releases/web/1.11.0.md'), 'utf8')).toContain('Hand-written.');
  });

  it('finds existing releases anywhere under releases/, by the version and product in their frontmatter', async () => {
    await mkdir(path.join(root, 'releases/2024/web'), { recursive: true });
    await writeFile(path.join(root, 'releases/2024/web/october.md'), '---\nversion: 1.10.0\nproduct: web\nstatus: released\n---\n');
    await writeFile(path.join(root, 'releases/2024/web/api-2.0.0.md'), '---\nversion: 1.12.0\nproduct: api\nstatus: released\n---\n');
    await mkdir(path.join(root, 'releases/single'), { recursive: true });
    // No product: the hub's only product (passed as singleProduct).
    await writeFile(path.join(root, 'releases/single/one.md'), '---\nversion: 1.13.0\nstatus: released\nimportedFrom: CHANGELOG.md\n---\n');
    const results = await writeReleases([draft, { ...draft, version: '1.12.0' }, { ...draft, version: '1.13.0' }], {
      contentRoot: root,
      extension: '.md',
      force: true,
      singleProduct: 'web',
    });
    expect(results.map((result) => [result.version, result.outcome, result.file])).toEqual([
      ['1.10.0', 'exists', 'releases/2024/web/october.md'],
      ['1.12.0', 'written', 'releases/web/1.12.0.md'],
      ['1.13.0', 'overwritten', 'releases/single/one.md'],
    ]);
    expect(results[0]?.reason).toBe('written by hand (no importedFrom), never overwritten');
    expect(await readFile(path.join(root, 'releases/single/one.md'), 'utf8')).toContain('version: 1.13.0\nproduct: web');
  });

  it('writes nothing on --dry-run', async () => {
    const [result] = await writeReleases([draft], { contentRoot: root, extension: '.md', dryRun: true });
    expect(result).toMatchObject({ outcome: 'dry-run', file: 'releases/web/1.10.0.md' });
    await expect(readFile(path.join(root, 'releases/web/1.10.0.md'))).rejects.toThrow();
  });
});
