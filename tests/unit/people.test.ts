/** "What am I on the hook for": RACI cells by role, owned releases and runbooks per person. */
import { describe, expect, it } from 'vitest';
import type { Runbook } from '../../src/core/model.ts';
import { isOpenRelease, peopleDuties } from '../../src/people/people.ts';
import { makeHub, makeRelease } from './helpers/hub-factory.ts';

const runbook = (id: string, title: string, owner?: string): Runbook => ({
  id,
  title,
  kind: 'deploy',
  owner,
  products: [],
  source: { file: `runbooks/${id}.md`, entryId: id },
});

const hub = makeHub({
  people: [
    { id: 'alice', name: 'Alice', role: 'Release Manager' },
    { id: 'bob', name: 'Bob', role: 'Engineer' },
    { id: 'zoe', name: 'Zoë', role: 'Product' },
  ],
  raci: [
    {
      id: 'standard',
      title: 'Standard',
      roles: ['Release Manager', 'Engineer'],
      activities: [
        { name: 'Deploy', assignments: { 'Release Manager': 'A', Engineer: 'R' } },
        { name: 'Announce', assignments: { 'Release Manager': 'A/R' } },
      ],
      source: { file: 'raci/standard.yaml' },
    },
  ],
  releases: [
    makeRelease({ version: '3.0.0', status: 'released', owner: 'alice', gtm: { required: true, owner: 'zoe', channels: [], assets: [], checklist: [] } }),
    makeRelease({ version: '2.0.0', status: 'scheduled', owner: 'alice', gtm: { required: true, owner: 'alice', channels: [], assets: [], checklist: [] } }),
    makeRelease({ version: '1.0.0', status: 'planned', owner: 'bob' }),
    makeRelease({ product: 'api', version: '1.0.0', status: 'in-progress' }),
  ],
  runbooks: [runbook('rollback', 'Roll back', 'bob'), runbook('deploy', 'Deploy', 'bob'), runbook('orphan', 'Orphan')],
});

describe('peopleDuties', () => {
  const duties = peopleDuties(hub);

  it('gives each person the RACI cells of their role', () => {
    expect(duties.get('alice')!.raciCells.map(({ activity, code }) => [activity.name, code])).toEqual([
      ['Deploy', 'A'],
      ['Announce', 'A/R'],
    ]);
    expect(duties.get('zoe')!.raciCells).toEqual([]);
  });

  it('lists releases owned as owner and as go-to-market owner, open releases first', () => {
    expect(duties.get('alice')!.releases.map(({ release, as }) => [release.version, as])).toEqual([
      ['2.0.0', ['owner', 'gtm']],
      ['3.0.0', ['owner']],
    ]);
    expect(duties.get('zoe')!.releases.map(({ release, as }) => [release.version, as])).toEqual([['3.0.0', ['gtm']]]);
  });

  it('lists the runbooks a person owns by title', () => {
    expect(duties.get('bob')!.runbooks.map((entry) => entry.id)).toEqual(['deploy', 'rollback']);
    expect(duties.get('alice')!.runbooks).toEqual([]);
  });

  it('is computed once per hub', () => {
    expect(peopleDuties(hub)).toBe(duties);
  });
});

describe('isOpenRelease', () => {
  it('is true for planned, scheduled and in-progress releases only', () => {
    const open = (['planned', 'scheduled', 'in-progress', 'released', 'rolled-back', 'cancelled'] as const).filter((status) => isOpenRelease({ status }));
    expect(open).toEqual(['planned', 'scheduled', 'in-progress']);
  });
});
