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

  it('refuses to overwrite (.md or .mdx), and --force only replaces a file at the same path', async () => {
    await mkdir(path.join(root, 'releases/web'), { recursive: true });
    await writeFile(path.join(root, 'releases/web/1.10.0.mdx'), 'hand-edited');
    const [skipped] = await writeReleases([draft], { contentRoot: root, extension: '.md', force: true });
    expect(skipped).toMatchObject({ outcome: 'exists', existing: 'releases/web/1.10.0.mdx' });
    expect(await readFile(path.join(root, 'releases/web/1.10.0.mdx'), 'utf8')).toBe('hand-edited');

    const other = { ...draft, version: '1.11.0' };
    expect((await writeReleases([other], { contentRoot: root, extension: '.md' }))[0]?.outcome).toBe('written');
    await writeFile(path.join(root, 'releases/web/1.11.0.md'), 'hand-edited');
    expect((await writeReleases([other], { contentRoot: root, extension: '.md' }))[0]?.outcome).toBe('exists');
    expect(await readFile(path.join(root, 'releases/web/1.11.0.md'), 'utf8')).toBe('hand-edited');
    expect((await writeReleases([other], { contentRoot: root, extension: '.md', force: true }))[0]?.outcome).toBe('overwritten');
    expect(await readFile(path.join(root, 'releases/web/1.11.0.md'), 'utf8')).toContain('version: 1.11.0');
  });

  it('writes nothing on --dry-run', async () => {
    const [result] = await writeReleases([draft], { contentRoot: root, extension: '.md', dryRun: true });
    expect(result).toMatchObject({ outcome: 'dry-run', file: 'releases/web/1.10.0.md' });
    await expect(readFile(path.join(root, 'releases/web/1.10.0.md'))).rejects.toThrow();
  });
});
