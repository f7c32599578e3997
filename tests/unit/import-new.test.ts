/** `npm run new -- release`: scaffold into a temp content root copied from tests/fixtures/import/hub (issue 8). */
import { execFile } from 'node:child_process';
import { cp, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import YAML from 'yaml';
import { createRelease, windowFrom } from '../../src/import/new-release.ts';

const REPO_ROOT = path.resolve(import.meta.dirname, '../..');
const HUB_FIXTURE = path.join(REPO_ROOT, 'tests/fixtures/import/hub');

// Every release field of SPEC §1 (plus summary, rescheduled, freezeException from the schema).
const SPEC_FIELDS = [
  'version',
  'product',
  'title',
  'summary',
  'status',
  'audience',
  'risk',
  'window',
  'rescheduled',
  'acceptedAt',
  'deployment',
  'owner',
  'raci',
  'runbooks',
  'rollback',
  'incidents',
  'satisfaction',
  'gtm',
  'freezeException',
  'changes',
  'tags',
];

/** Frontmatter text between the fences. */
function frontmatter(text: string): string {
  return /^---\n([\s\S]*?)---\n/.exec(text)?.[1] ?? '';
}

describe('new release', () => {
  let content: string;
  beforeEach(async () => {
    content = await mkdtemp(path.join(os.tmpdir(), 'hub-new-'));
    await cp(HUB_FIXTURE, content, { recursive: true });
  });
  afterEach(async () => {
    await rm(content, { recursive: true, force: true });
  });

  it('writes releases/<product>/<version>.mdx with every field set or commented', async () => {
    const { file } = await createRelease({ version: '2.5.0', product: 'web', window: '2026-05-12T02:00', contentRoot: content });
    expect(file).toBe('releases/web/2.5.0.mdx');
    const text = await readFile(path.join(content, file), 'utf8');
    const yaml = frontmatter(text);
    for (const field of SPEC_FIELDS) expect(yaml).toMatch(new RegExp(`^(# )?${field}:`, 'm'));
    // The fixture hub's cadence lasts 90 minutes.
    expect(YAML.parse(yaml, { version: '1.1' })).toEqual({
      version: '2.5.0',
      product: 'web',
      status: 'planned',
      audience: 'internal',
      window: { start: '2026-05-12T02:00', end: '2026-05-12T03:30' },
      changes: [],
      tags: [],
    });
    expect(yaml).toContain('wall-clock time in Europe/Berlin');
  });

  it('computes the window end from the cadence duration, keeping an offset', () => {
    expect(windowFrom('2026-05-12T23:30', 120)).toEqual({ start: '2026-05-12T23:30', end: '2026-05-13T01:30' });
    expect(windowFrom('2026-05-12T02:00:00+02:00', 90)).toEqual({ start: '2026-05-12T02:00:00+02:00', end: '2026-05-12T03:30:00+02:00' });
    expect(() => windowFrom('2026-02-30T02:00', 90)).toThrow('is not a date and time');
  });

  it('refuses to overwrite an existing release, whatever its extension', async () => {
    await createRelease({ version: '2.5.0', product: 'web', status: 'scheduled', contentRoot: content });
    await expect(createRelease({ version: '2.5.0', product: 'web', contentRoot: content })).rejects.toThrow('releases/web/2.5.0.mdx already exists');
  });

  it('finds the release wherever it sits under releases/', async () => {
    await mkdir(path.join(content, 'releases/archive'), { recursive: true });
    await writeFile(path.join(content, 'releases/archive/web-2.6.0.md'), '---\nversion: 2.6.0\nproduct: web\nstatus: released\n---\n');
    await expect(createRelease({ version: '2.6.0', product: 'web', contentRoot: content })).rejects.toThrow('releases/archive/web-2.6.0.md already exists');
  });

  it('rejects bad versions, unknown products and unknown statuses with clear messages', async () => {
    await expect(createRelease({ version: 'v2.5.0', product: 'web', contentRoot: content })).rejects.toThrow('leading "v": write 2.5.0');
    await expect(createRelease({ version: '2.5', product: 'web', contentRoot: content })).rejects.toThrow('"2.5" is not SemVer 2.0.0');
    await expect(createRelease({ version: '2.5.0', product: 'mobile', contentRoot: content })).rejects.toThrow(
      'Unknown product "mobile": hub.yaml has web, api.',
    );
    await expect(createRelease({ version: '2.5.0', product: 'web', status: 'done', contentRoot: content })).rejects.toThrow('Status "done"');
    await expect(createRelease({ version: '2.5.0', product: 'web', contentRoot: path.join(content, 'nowhere') })).rejects.toThrow('has no valid hub.yaml');
  });

  it('exits 1 with the message from the CLI', async () => {
    const args = [path.join(REPO_ROOT, 'bin/release-hub.mjs'), 'new', 'release', '1.0.0', '--product', 'api', '--content', content];
    const ok = await promisify(execFile)(process.execPath, args, { cwd: REPO_ROOT });
    expect(ok.stdout).toContain('Wrote releases/api/1.0.0.mdx');
    const again = await promisify(execFile)(process.execPath, args, { cwd: REPO_ROOT }).catch((error: unknown) => error as { code: number; stderr: string });
    expect(again).toMatchObject({ code: 1 });
    expect((again as { stderr: string }).stderr).toContain('error: releases/api/1.0.0.mdx already exists');
  });
});
