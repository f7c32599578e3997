/** What a command printed, for tests that call a command's `main` in-process instead of spawning it. */
import { vi } from 'vitest';

/** Why: a command writes to stdout and stderr; this records both (restore with `vi.restoreAllMocks()`). */
export function captureOutput(): { out: () => string; err: () => string } {
  const out: string[] = [];
  const err: string[] = [];
  vi.spyOn(process.stdout, 'write').mockImplementation((chunk) => {
    out.push(String(chunk));
    return true;
  });
  vi.spyOn(process.stderr, 'write').mockImplementation((chunk) => {
    err.push(String(chunk));
    return true;
  });
  return { out: () => out.join(''), err: () => err.join('') };
}
