/**
 * Calendar rules that warn or pass instead of failing (tests/fixtures/warnings/<kind>/ and
 * tests/fixtures/calendar-*, laid over the minimal hub): the hub still builds, and the warning
 * names the file, line and field with what is wrong and how to fix it.
 * The failing rule (a window in a freeze) is tests/fixtures/errors/freeze-overlap, tested with the other errors.
 */
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadContentRoot } from '../../src/content/load.ts';
import { formatProblem } from '../../src/content/problems.ts';
import { fixturesDir, hubWithOverlay } from './helpers/fixture-hub.ts';

const expected: Record<string, string[]> = {
  'overlapping-windows': [
    'content/releases/web/1.1.0.md:5 window: overlaps the window of web 1.2.0 (2026-12-08 03:00–05:00 Europe/Berlin) — move one of the two windows, or cancel one of the releases',
  ],
};

describe('each warning fixture builds, with the exact warning a user sees', () => {
  it('has an expectation for every warning fixture', () => {
    expect(readdirSync(path.join(fixturesDir, 'warnings')).sort()).toEqual(Object.keys(expected).sort());
  });

  it.each(Object.entries(expected))('%s', async (kind, messages) => {
    const { hub, problems } = await loadContentRoot(hubWithOverlay(`warnings/${kind}`));
    expect(hub).toBeDefined();
    expect(problems.filter((problem) => problem.severity === 'error')).toEqual([]);
    expect(problems.filter((problem) => problem.severity === 'warning').map((problem) => formatProblem(problem, 'content'))).toEqual(messages);
  });
});

describe('freezeException', () => {
  it('lets a window inside a freeze of its product pass without an error or a warning', async () => {
    const { hub, problems } = await loadContentRoot(hubWithOverlay('calendar-freeze-exception'));
    expect(problems).toEqual([]);
    expect(hub?.releases.find((release) => release.id === 'web/1.1.0')?.freezeException).toBe('Security fix for CVE-2026-9999 cannot wait until January');
  });

  it('is what the freeze-overlap error is missing: the same window without it fails', async () => {
    const { hub, problems } = await loadContentRoot(hubWithOverlay('errors/freeze-overlap'));
    expect(hub).toBeUndefined();
    expect(problems.map((problem) => formatProblem(problem, 'content'))).toEqual([
      'content/releases/web/1.1.0.md:5 window: overlaps the freeze "Year-end freeze" (2026-12-19 to 2027-01-04) — move the window, or set freezeException: <why it must ship> to ship anyway',
    ]);
  });
});
