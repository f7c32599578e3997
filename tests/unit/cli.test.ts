/** The release-hub command without a build: its help and exit codes, the Node check, and the scaffold of `init`. */
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Temporal } from 'temporal-polyfill';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { assertAstroNode, main, OVERVIEW } from '../../src/cli/main.ts';
import { scaffoldFiles } from '../../src/cli/init/scaffold.ts';
import { loadContentRoot } from '../../src/content/load.ts';
import { formatProblem } from '../../src/content/problems.ts';
import { captureOutput } from './helpers/capture-output.ts';

const capture = captureOutput;

afterEach(() => vi.restoreAllMocks());

describe('release-hub', () => {
  it('lists every command with --help (exit 0) and without a command (exit 1)', async () => {
    const io = capture();
    expect(await main(['--help'])).toBe(0);
    expect(io.out()).toBe(`${OVERVIEW}\n`);
    for (const command of ['init', 'check', 'build', 'dev', 'preview', 'new', 'import', 'announce'])
      expect(OVERVIEW).toMatch(new RegExp(`^  ${command} `, 'm'));
    expect(await main([])).toBe(1);
  });

  it.each(['init', 'check', 'build', 'dev', 'preview', 'new', 'import', 'announce'])('%s --help prints its usage and exits 0', async (command) => {
    const io = capture();
    expect(await main([command, '--help'])).toBe(0);
    expect(io.out()).toMatch(new RegExp(`^Usage: release-hub ${command}`));
  });

  it.each([
    { args: ['deploy'], message: 'error: "deploy" is not a release-hub command.' },
    { args: ['check', '--bogus'], message: "error: Unknown option '--bogus'" },
    { args: ['new', 'releases', '1.0.0'], message: 'error: Expected "release <version>", got "releases 1.0.0".' },
    {
      args: ['import', 'svn'],
      message: 'error: Expected "import changelog <file>", "import git --repo <path>" or "import github-releases <file.json>", got "svn".',
    },
    { args: ['init'], message: 'error: Give exactly one folder: release-hub init <dir>.' },
  ])('$args.0: a mistake is one error line and exit 1', async ({ args, message }) => {
    const io = capture();
    expect(await main(args)).toBe(1);
    expect(io.err()).toContain(message);
    expect(io.err()).not.toMatch(/\n\s+at /);
  });

  it('init refuses a folder that is not empty, and writes nothing there', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'hub-init-'));
    writeFileSync(path.join(dir, 'notes.txt'), 'mine');
    const io = capture();
    expect(await main(['init', dir])).toBe(1);
    expect(io.err()).toContain('is not empty: init writes only into a new or empty folder, so it never overwrites a file.');
  });

  it('needs Node 22.12 or newer for the commands that run Astro', () => {
    expect(() => assertAstroNode('24.21.0')).not.toThrow();
    expect(() => assertAstroNode('22.12.0')).not.toThrow();
    expect(() => assertAstroNode('22.11.9')).toThrow('Astro 7 needs Node 22.12 or newer, and this is Node 22.11.9');
    expect(() => assertAstroNode('20.20.2')).toThrow('this is Node 20.20.2');
  });
});

describe('the scaffold of release-hub init', () => {
  // Thursday 26 Nov 2026.
  const today = Temporal.PlainDate.from('2026-11-26');
  const files = scaffoldFiles({
    slug: 'acme-releases',
    title: 'Acme: "Releases"',
    timezone: 'Europe/Berlin',
    today,
    releaseHubVersion: '0.1.0',
    astroRange: '^7.3.5',
  });
  const text = (file: string) => files.find((one) => one.path === file)!.content;

  it('is a project that depends on release-hub and astro and uses the integration', () => {
    expect(JSON.parse(text('package.json'))).toMatchObject({
      name: 'acme-releases',
      private: true,
      type: 'module',
      dependencies: { astro: '^7.3.5', 'release-hub': '^0.1.0' },
      scripts: { build: 'release-hub build', check: 'release-hub check' },
    });
    expect(text('astro.config.mjs')).toContain('integrations: [releaseHub()]');
    expect(text('.github/workflows/deploy.yml')).toContain('uses: actions/deploy-pages@v4');
    expect(text('.gitignore')).toContain('node_modules/');
  });

  it('places its releases on the Tuesdays around today: two shipped, one scheduled next week', () => {
    expect(text('content/releases/app/1.0.0.md')).toContain('start: 2026-10-27T02:00');
    expect(text('content/releases/api/2.0.0.md')).toContain('start: 2026-11-10T02:00');
    expect(text('content/releases/app/1.1.0.md')).toContain('start: 2026-12-01T02:00');
    expect(text('content/freezes.yaml')).toContain('start: 2027-01-10');
    expect(text('content/hub.yaml')).toContain('title: "Acme: \\"Releases\\""');
  });

  it('passes the checks as written: no error and no warning', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'hub-scaffold-'));
    for (const file of files) {
      mkdirSync(path.dirname(path.join(dir, file.path)), { recursive: true });
      writeFileSync(path.join(dir, file.path), file.content);
    }
    const { hub, problems } = await loadContentRoot(path.join(dir, 'content'), { publicDir: path.join(dir, 'public') });
    expect(problems.map((problem) => formatProblem(problem, ''))).toEqual([]);
    expect(hub?.releases.map((release) => `${release.id} ${release.status}`)).toEqual(['api/2.0.0 released', 'app/1.0.0 released', 'app/1.1.0 scheduled']);
    expect(hub?.config.title).toBe('Acme: "Releases"');
  });

  it('leaves out the sample releases of the product that --from-changelog fills', () => {
    const without = scaffoldFiles({
      slug: 'x',
      title: 'X',
      timezone: 'UTC',
      today,
      releaseHubVersion: '0.1.0',
      astroRange: '^7.3.5',
      withoutSampleReleasesOf: 'app',
    });
    expect(without.filter((file) => file.path.startsWith('content/releases/')).map((file) => file.path)).toEqual(['content/releases/api/2.0.0.md']);
  });
});
