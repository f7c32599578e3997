/**
 * What the importers and `new` write must pass the same validation as the build: every release
 * imported from the real changelogs, and a scaffolded release, load without errors.
 */
import { cpSync, mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { importChangelog } from '../../src/import/changelog.ts';
import { writeReleases } from '../../src/import/write-release.ts';
import { finishImport } from '../../src/import/import-run.ts';
import { createRelease } from '../../src/import/new-release.ts';
import { loadContentRoot } from '../../src/content/load.ts';
import { formatProblem } from '../../src/content/problems.ts';
import { readRealChangelog, REAL_CHANGELOG_PACKAGES } from './helpers/real-changelogs.ts';

const HUB = path.resolve(import.meta.dirname, '../fixtures/import/hub');

function emptyHub(): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'hub-import-'));
  cpSync(HUB, dir, { recursive: true });
  return dir;
}

async function errorsOf(root: string) {
  const { problems } = await loadContentRoot(root);
  return problems.filter((problem) => problem.severity === 'error').map((problem) => formatProblem(problem, ''));
}

describe('imported releases are valid content', () => {
  // The hand-maintained ones are loaded back the same way by tests/unit/import-real-changelogs.test.ts.
  it.each(REAL_CHANGELOG_PACKAGES)('the CHANGELOG.md of %s', async (name) => {
    const root = emptyHub();
    const result = importChangelog(readRealChangelog(name), { product: 'web', audience: 'public', importedFrom: 'CHANGELOG.md' });
    await writeReleases(result.releases, { contentRoot: root, extension: '.md' });
    expect(await errorsOf(root)).toEqual([]);
    const { hub } = await loadContentRoot(root);
    expect(hub?.releases.length).toBe(result.releases.length);
  });

  it('a scaffolded release with a window', async () => {
    const root = emptyHub();
    await createRelease({ version: '2.5.0', product: 'api', contentRoot: root, status: 'scheduled', window: '2026-05-12T02:00' });
    expect(await errorsOf(root)).toEqual([]);
    const { hub } = await loadContentRoot(root);
    const release = hub?.releases[0];
    expect(release?.window?.start.toString()).toBe('2026-05-12T02:00:00+02:00[Europe/Berlin]');
    expect(release?.window?.end.toString()).toBe('2026-05-12T03:30:00+02:00[Europe/Berlin]');
  });
});

describe('a body the build would refuse', () => {
  it('is named at import time with the build’s own words, unless hub.yaml lists the host', async () => {
    const changelog = '# Changelog\n\n## [1.1.0] - 2026-10-01\n\n![flow](https://cdn.example/flow.png)\n\n### Added\n\n- Flow view\n';
    const outcome = { headline: 'Imported', ...importChangelog(changelog, { product: 'web', audience: 'public' }), lists: [] };
    const target = { contentRoot: emptyHub(), product: 'web', dryRun: true, force: false, acceptAnomalies: false };
    const { text } = await finishImport(outcome, { ...target, externalHosts: [] });
    expect(text).toContain(
      '1.1.0: the body loads https://cdn.example/flow.png from another host (cdn.example), which readers\' browsers would fetch on every visit — put the file in public/ and link it as /images/…, or list "cdn.example" in hub.yaml externalHosts; the build stops on it.',
    );
    expect((await finishImport(outcome, { ...target, externalHosts: ['cdn.example'] })).text).not.toContain('the build stops on it');
  });
});
