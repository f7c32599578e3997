/** Measuring a build: the process tree's memory from /proc, CPU time, and phases from log lines. */
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { parseCpuSeconds, parseParentPid, parseVmRssBytes, phaseDurations, runMeasured, treeRssBytes } from '../../scripts/bench/measure.ts';

const folder = mkdtempSync(path.join(os.tmpdir(), 'bench-measure-'));
afterAll(() => rmSync(folder, { recursive: true, force: true }));

describe('reading /proc', () => {
  it('finds the parent pid after a command name with spaces and parentheses', () => {
    expect(parseParentPid('4242 (node (worker) x) S 4100 4242 4100 0 -1 4194560')).toBe(4100);
  });

  it('reads VmRSS in bytes, and 0 for a kernel thread without one', () => {
    expect(parseVmRssBytes('Name:\tnode\nVmPeak:\t  999 kB\nVmRSS:\t  123456 kB\nRssAnon:\t 1 kB\n')).toBe(123456 * 1024);
    expect(parseVmRssBytes('Name:\tkthreadd\nState:\tS\n')).toBe(0);
  });

  it('sums the memory of a process and all its descendants, and nothing else', () => {
    const processes = new Map([
      [10, { ppid: 1, rssBytes: 100 }],
      [11, { ppid: 10, rssBytes: 20 }],
      [12, { ppid: 11, rssBytes: 3 }],
      [13, { ppid: 10, rssBytes: 4 }],
      [20, { ppid: 1, rssBytes: 5000 }],
      [21, { ppid: 20, rssBytes: 7000 }],
    ]);
    expect(treeRssBytes(10, processes)).toBe(127);
    expect(treeRssBytes(11, processes)).toBe(23);
    expect(treeRssBytes(99, processes)).toBe(0);
  });

  it('reads the CPU seconds /usr/bin/time writes, also after a failed command', () => {
    expect(parseCpuSeconds('12.34 1.50\n')).toBeCloseTo(13.84);
    expect(parseCpuSeconds('Command exited with non-zero status 1\n0.50 0.25\n')).toBeCloseTo(0.75);
    expect(parseCpuSeconds('')).toBeNull();
  });

  it('turns phase starts into durations that add up to the total', () => {
    const durations = phaseDurations(
      [
        { name: 'sync', at: 1 },
        { name: 'render', at: 4 },
      ],
      10,
      'start',
    );
    expect(durations).toEqual({ start: 1, sync: 3, render: 6 });
  });
});

describe('runMeasured', () => {
  it('counts the memory of a grandchild, and times the phases its output marks', async () => {
    // The child prints a marker, then starts a grandchild that holds 200 MB for a second.
    const grandchild = 'const b = Buffer.alloc(200 * 1024 * 1024, 1); setTimeout(() => console.log(b[5]), 1500);';
    const child = `console.log('phase one'); require('node:child_process').spawnSync(process.execPath, ['-e', ${JSON.stringify(grandchild)}], { stdio: 'inherit' }); console.log('phase two');`;
    const run = await runMeasured(process.execPath, ['-e', child], {
      cwd: folder,
      env: process.env,
      logFile: path.join(folder, 'run.log'),
      markers: [
        { name: 'one', pattern: /^phase one$/ },
        { name: 'two', pattern: /^phase two$/ },
      ],
      intervalMs: 50,
    });
    expect(run.exitCode).toBe(0);
    expect(run.peakRssBytes).toBeGreaterThan(200 * 1024 * 1024);
    expect(run.phaseStarts.map((phase) => phase.name)).toEqual(['one', 'two']);
    expect(run.phaseStarts[1]!.at - run.phaseStarts[0]!.at).toBeGreaterThan(1.4);
    expect(run.seconds).toBeGreaterThanOrEqual(run.phaseStarts[1]!.at);
  });

  it('reports a failing command by its exit code', async () => {
    const run = await runMeasured(process.execPath, ['-e', 'process.exit(3)'], {
      cwd: folder,
      env: process.env,
      logFile: path.join(folder, 'fail.log'),
      markers: [],
    });
    expect(run.exitCode).toBe(3);
  });
});
