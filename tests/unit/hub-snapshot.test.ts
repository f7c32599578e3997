/** The validated hub handed from the integration to the routes: exactly the same values after the trip, Temporal ones included. */
import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Temporal } from 'temporal-polyfill';
import { describe, expect, it, vi } from 'vitest';
import { parseHubSnapshot, serializeHub } from '../../src/core/hub-snapshot.ts';
import { loadContentRoot } from '../../src/content/load.ts';

const example = path.resolve(import.meta.dirname, '../../content');

describe('the hub snapshot', () => {
  it('gives back every value of the example hub: instants, zones, dates and clock times', async () => {
    const { hub } = await loadContentRoot(example);
    const back = parseHubSnapshot(serializeHub(hub!));
    expect(back).toEqual(hub);
    const release = back.releases.find((candidate) => candidate.id === 'web/4.0.0')!;
    expect(release.window!.start).toBeInstanceOf(Temporal.ZonedDateTime);
    expect(release.window!.start.toString()).toBe('2026-03-10T02:00:00+01:00[Europe/Berlin]');
    expect(release.deployment!.finishedAt!.equals(hub!.releases.find((candidate) => candidate.id === 'web/4.0.0')!.deployment!.finishedAt!)).toBe(true);
    expect(back.config.cadence!.start).toBeInstanceOf(Temporal.PlainTime);
    expect(back.runbooks.find((runbook) => runbook.lastReviewed)!.lastReviewed).toBeInstanceOf(Temporal.PlainDate);
  });

  it('keeps a key such as __proto__ as data, never as a prototype', () => {
    const text = '{"config":{"title":"x"},"raci":[{"activities":[{"assignments":{"__proto__":"A","constructor":"R"}}]}]}';
    const hub = parseHubSnapshot(text) as unknown as { raci: { activities: { assignments: Record<string, string> }[] }[] };
    const assignments = hub.raci[0]!.activities[0]!.assignments;
    expect(Object.keys(assignments)).toEqual(['__proto__', 'constructor']);
    expect(Object.getPrototypeOf(assignments)).toBe(Object.prototype);
  });
});

describe('the build context of the routes', () => {
  it('reads the snapshot the integration wrote once, with the audience and "now" of the build', async () => {
    const { hub } = await loadContentRoot(example);
    const file = path.join(mkdtempSync(path.join(os.tmpdir(), 'hub-snapshot-')), 'hub.json');
    writeFileSync(file, serializeHub(hub!));
    vi.resetModules();
    vi.doMock('virtual:release-hub/context', () => ({ snapshotFile: file, audience: 'public', nowEpochMilliseconds: 1795683600000 }));
    const { getBuildContext } = await import('../../src/runtime/build-context.ts');
    const context = getBuildContext();
    expect(context.audience).toBe('public');
    expect(context.now.epochMilliseconds).toBe(1795683600000);
    expect(context.hub.releases).toHaveLength(hub!.releases.length);
    expect(getBuildContext()).toBe(context);
    vi.doUnmock('virtual:release-hub/context');
  });
});
