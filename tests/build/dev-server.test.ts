/**
 * `release-hub dev` on the minimal hub, as an author uses it: a release page with its body (each
 * body imported when a page asks for it), the hub's files from their own routes with the bytes a
 * build writes, and a content error in the build's words (the page fails with it), then gone once fixed.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { builtSite, TEST_NOW_EPOCH } from './helpers/scenario.ts';

const repo = path.resolve(import.meta.dirname, '../..');
const content = mkdtempSync(path.join(os.tmpdir(), 'dev-server-'));
cpSync(path.join(repo, 'tests/fixtures/minimal'), content, { recursive: true });
const releaseFile = path.join(content, 'releases/web/1.0.0.mdx');

let server: ChildProcess | undefined;
let origin = '';
let output = '';

/** A port nothing listens on, for the dev server. */
async function freePort(): Promise<number> {
  const probe = createServer();
  await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
  const { port } = probe.address() as { port: number };
  await new Promise((resolve) => probe.close(resolve));
  return port;
}

async function get(pathname: string): Promise<{ status: number; type: string; text: string; bytes: Buffer }> {
  const response = await fetch(`${origin}${pathname}`, { signal: AbortSignal.timeout(20_000) });
  const bytes = Buffer.from(await response.arrayBuffer());
  return { status: response.status, type: response.headers.get('content-type') ?? '', text: bytes.toString('utf8'), bytes };
}

/** Asks until `done` holds for the answer (the server starts, or reloads after an edit). */
async function until(pathname: string, done: (answer: Awaited<ReturnType<typeof get>>) => boolean, seconds: number) {
  const deadline = Date.now() + seconds * 1000;
  for (;;) {
    const answer = await get(pathname).catch(() => undefined);
    if (answer && done(answer)) return answer;
    if (Date.now() > deadline) throw new Error(`${pathname} did not answer as expected within ${seconds} s; the server said:\n${output}`);
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

/** The environment of an author's shell: without the test runner's own variables (NODE_ENV=test changes how Vite serves). */
function authorEnv(): NodeJS.ProcessEnv {
  return Object.fromEntries(Object.entries(process.env).filter(([name]) => name !== 'NODE_ENV' && !name.startsWith('VITEST')));
}

beforeAll(async () => {
  const port = await freePort();
  origin = `http://127.0.0.1:${port}`;
  server = spawn(process.execPath, [path.join(repo, 'bin/release-hub.mjs'), 'dev', '--port', String(port), '--host', '127.0.0.1'], {
    cwd: repo,
    env: { ...authorEnv(), HUB_CONTENT_DIR: content, SOURCE_DATE_EPOCH: TEST_NOW_EPOCH, ASTRO_TELEMETRY_DISABLED: '1' },
    stdio: ['ignore', 'pipe', 'pipe'],
    // A group of its own: the command runs Astro in a child process, and both must stop.
    detached: true,
  });
  server.stdout?.on('data', (chunk) => (output += chunk));
  server.stderr?.on('data', (chunk) => (output += chunk));
  await until('/releases/web/1.0.0/', (answer) => answer.status === 200, 90);
}, 120_000);

afterAll(() => {
  if (server?.pid) process.kill(-server.pid, 'SIGKILL');
});

describe('release-hub dev', () => {
  it('shows a release page with its body', async () => {
    const page = await get('/releases/web/1.0.0/');
    expect(page.text).toContain('<p>The first public release.</p>');
  });

  it("serves the hub's files from their routes with the bytes a build writes", async () => {
    const site = builtSite('minimal');
    for (const [file, type] of [
      ['calendar.ics', 'text/calendar; charset=utf-8'],
      ['releases/web/1.0.0/index.md', 'text/markdown; charset=utf-8'],
      ['api/releases.json', 'application/json; charset=utf-8'],
    ] as const) {
      const answer = await get(`/${file}`);
      expect({ file, status: answer.status, type: answer.type }).toEqual({ file, status: 200, type });
      expect(answer.bytes.equals(readFileSync(path.join(site, file))), file).toBe(true);
    }
  });

  it('fails the page on a content error, says it in the words of the build, and shows the page again once fixed', async () => {
    const original = readFileSync(releaseFile, 'utf8');
    writeFileSync(releaseFile, original.replace('status: released', 'status: shipped-ish'));
    const failing = await until('/releases/web/1.0.0/', (answer) => answer.status === 500, 60);
    // The page is Vite's error page (the overlay, in a browser); the terminal has the build's own line.
    expect(failing.text).toContain('<title>ContentError</title>');
    // A save can reach the watcher as two events (the file emptied, then written): the hub is
    // loaded again until it has seen the last bytes, and then says what is wrong with them.
    await expect
      .poll(() => output, { timeout: 30_000 })
      .toContain(
        'releases/web/1.0.0.mdx:5 status: must be one of planned, scheduled, in-progress, released, rolled-back, cancelled; got "shipped-ish" — use one of those values',
      );
    writeFileSync(releaseFile, original);
    const fixed = await until('/releases/web/1.0.0/', (answer) => answer.status === 200, 60);
    expect(fixed.text).toContain('<p>The first public release.</p>');
  }, 130_000);
});
