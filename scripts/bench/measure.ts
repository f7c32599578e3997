/**
 * Measuring one command as the benchmark needs it: wall time, peak resident memory of the
 * whole process tree (every descendant, summed per sample, polled from /proc), CPU time of the
 * tree when `/usr/bin/time` is there, and the time each phase of its log began.
 */
import { spawn } from 'node:child_process';
import { createWriteStream, existsSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { performance } from 'node:perf_hooks';

/** A line of the command's output that marks the start of a phase. */
export interface PhaseMarker {
  name: string;
  pattern: RegExp;
}

/** What one measured run of a command gave. */
export interface MeasuredRun {
  exitCode: number;
  /** Wall time from spawn to exit. */
  seconds: number;
  /** Largest sum of VmRSS over the process tree seen in one sample. */
  peakRssBytes: number;
  /** User + system CPU of the tree (from `/usr/bin/time`), or null where it is not installed. */
  cpuSeconds: number | null;
  /** Seconds from spawn at which each phase's first marker line appeared, in order of appearance. */
  phaseStarts: { name: string; at: number }[];
  /** How many samples the peak was taken from. */
  samples: number;
}

/** A process as seen in /proc: its parent and its resident memory. */
export interface ProcessInfo {
  ppid: number;
  rssBytes: number;
}

const TIME_BINARY = '/usr/bin/time';
// biome-ignore lint/suspicious/noControlCharactersInRegex: ANSI colour codes start with the ESC control character.
const ANSI = /\x1b\[[0-9;]*m/g;

/** Why: the parent pid is the 4th field of /proc/<pid>/stat, after a command name that may hold spaces and parentheses. */
export function parseParentPid(stat: string): number | undefined {
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  const ppid = Number(fields[1]);
  return Number.isInteger(ppid) ? ppid : undefined;
}

/** Why: VmRSS in /proc/<pid>/status is the resident memory the brief asks for (kB there means KiB). */
export function parseVmRssBytes(status: string): number {
  const match = /^VmRSS:\s+(\d+)\s+kB/m.exec(status);
  return match ? Number(match[1]) * 1024 : 0;
}

/** Why: the tree's memory is the root's plus every descendant's, however deep (tsx → node → astro → pagefind). */
export function treeRssBytes(rootPid: number, processes: ReadonlyMap<number, ProcessInfo>): number {
  const children = new Map<number, number[]>();
  for (const [pid, info] of processes) {
    const siblings = children.get(info.ppid);
    if (siblings) siblings.push(pid);
    else children.set(info.ppid, [pid]);
  }
  let total = 0;
  const pending = [rootPid];
  const seen = new Set<number>();
  while (pending.length > 0) {
    const pid = pending.pop()!;
    if (seen.has(pid)) continue;
    seen.add(pid);
    total += processes.get(pid)?.rssBytes ?? 0;
    pending.push(...(children.get(pid) ?? []));
  }
  return total;
}

/** Why: `/usr/bin/time -f '%U %S'` writes the tree's user and system seconds; they are less noisy than wall time on a shared machine. */
export function parseCpuSeconds(text: string): number | null {
  const match = /(\d+(?:\.\d+)?)\s+(\d+(?:\.\d+)?)\s*$/.exec(text.trim());
  return match ? Number(match[1]) + Number(match[2]) : null;
}

/** Why: which phase markers appeared and when; a phase lasts until the next marker or the end. */
export function phaseDurations(phaseStarts: readonly { name: string; at: number }[], totalSeconds: number, firstPhase: string): Record<string, number> {
  const starts = [{ name: firstPhase, at: 0 }, ...phaseStarts];
  const durations: Record<string, number> = {};
  starts.forEach((phase, index) => {
    const end = starts[index + 1]?.at ?? totalSeconds;
    durations[phase.name] = round3((durations[phase.name] ?? 0) + Math.max(0, end - phase.at));
  });
  return durations;
}

/** Every process of the machine with its parent; memory only for the tree, read afterwards. */
function snapshotTree(rootPid: number): number {
  const parents = new Map<number, ProcessInfo>();
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const ppid = parseParentPid(readFileSync(`/proc/${entry}/stat`, 'utf8'));
      if (ppid !== undefined) parents.set(Number(entry), { ppid, rssBytes: 0 });
    } catch {
      // The process ended between the listing and the read.
    }
  }
  const inTree = new Set<number>([rootPid]);
  // Parents usually have lower pids, but pids wrap: iterate until no process joins.
  let grew = true;
  while (grew) {
    grew = false;
    for (const [pid, info] of parents) {
      if (!inTree.has(pid) && inTree.has(info.ppid)) {
        inTree.add(pid);
        grew = true;
      }
    }
  }
  for (const pid of inTree) {
    const info = parents.get(pid);
    if (!info) continue;
    try {
      info.rssBytes = parseVmRssBytes(readFileSync(`/proc/${pid}/status`, 'utf8'));
    } catch {
      // Ended meanwhile.
    }
  }
  return treeRssBytes(rootPid, parents);
}

/** Options of one measured run. */
export interface RunOptions {
  cwd: string;
  env: NodeJS.ProcessEnv;
  /** Every line of output goes here (the build logs can be large: they are not kept in memory). */
  logFile: string;
  markers: readonly PhaseMarker[];
  /** Milliseconds between two memory samples. */
  intervalMs?: number;
}

/** Why: one place that spawns a command and measures it the same way for the hub and the baseline. */
export async function runMeasured(command: string, args: readonly string[], options: RunOptions): Promise<MeasuredRun> {
  const cpuFile = `${options.logFile}.cpu`;
  const timed = existsSync(TIME_BINARY);
  const [file, argv] = timed ? [TIME_BINARY, ['-f', '%U %S', '-o', cpuFile, command, ...args]] : [command, [...args]];
  const log = createWriteStream(options.logFile);
  const phaseStarts: { name: string; at: number }[] = [];
  const seenPhases = new Set<string>();
  const started = performance.now();
  const child = spawn(file, argv, { cwd: options.cwd, env: options.env, stdio: ['ignore', 'pipe', 'pipe'] });
  let peak = 0;
  let samples = 0;
  const sample = () => {
    if (child.pid === undefined) return;
    peak = Math.max(peak, snapshotTree(child.pid));
    samples += 1;
  };
  const timer = setInterval(sample, options.intervalMs ?? 100);
  sample();
  const onOutput = (() => {
    let pending = '';
    return (chunk: Buffer) => {
      const at = (performance.now() - started) / 1000;
      log.write(chunk);
      const lines = (pending + chunk.toString('utf8')).split('\n');
      pending = lines.pop() ?? '';
      for (const line of lines) {
        const plain = line.replace(ANSI, '');
        for (const marker of options.markers) {
          if (!seenPhases.has(marker.name) && marker.pattern.test(plain)) {
            seenPhases.add(marker.name);
            phaseStarts.push({ name: marker.name, at: round3(at) });
          }
        }
      }
    };
  })();
  child.stdout.on('data', onOutput);
  child.stderr.on('data', onOutput);
  const exitCode = await new Promise<number>((resolve, reject) => {
    child.on('error', reject);
    child.on('close', (code, signal) => resolve(code ?? (signal ? 128 : 1)));
  });
  clearInterval(timer);
  const seconds = (performance.now() - started) / 1000;
  await new Promise<void>((resolve) => log.end(resolve));
  let cpuSeconds: number | null = null;
  if (timed && existsSync(cpuFile)) {
    cpuSeconds = parseCpuSeconds(readFileSync(cpuFile, 'utf8'));
    rmSync(cpuFile, { force: true });
  }
  return { exitCode, seconds: round3(seconds), peakRssBytes: peak, cpuSeconds, phaseStarts, samples };
}

function round3(value: number): number {
  return Math.round(value * 1000) / 1000;
}
