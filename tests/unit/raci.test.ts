/** RACI joins and legend: who holds each role, which releases use a matrix, what each code means. */
import { describe, expect, it } from 'vitest';
import type { RaciMatrix } from '../../src/core/model.ts';
import { RACI_CODES } from '../../src/core/model.ts';
import { isAccountable, isResponsible, RACI_LEGEND, raciCodeName, raciIndex } from '../../src/people/raci.ts';
import { makeHub, makeRelease } from './helpers/hub-factory.ts';

const standard: RaciMatrix = {
  id: 'standard',
  title: 'Standard release',
  roles: ['Release Manager', 'Engineer', 'QA'],
  activities: [
    { name: 'Deploy', assignments: { 'Release Manager': 'A', Engineer: 'R', QA: 'I' } },
    { name: 'Announce', assignments: { 'Release Manager': 'A/R', Engineer: 'I' } },
  ],
  source: { file: 'raci/standard.yaml' },
};
const hotfix: RaciMatrix = {
  id: 'hotfix',
  title: 'Hotfix',
  roles: ['Engineer', 'Release Manager'],
  activities: [{ name: 'Ship the fix', assignments: { Engineer: 'A/R', 'Release Manager': 'C' } }],
  source: { file: 'raci/hotfix.yaml' },
};
const hub = makeHub({
  raci: [standard, hotfix],
  people: [
    { id: 'alice', name: 'Alice', role: 'Release Manager' },
    { id: 'bob', name: 'Bob', role: 'Engineer' },
    { id: 'lena', name: 'Lena', role: 'Release Manager' },
    { id: 'ola', name: 'Ola', role: 'Support' },
  ],
  releases: [
    makeRelease({ version: '2.0.0', raci: 'hotfix' }),
    makeRelease({ version: '1.1.0', raci: 'standard' }),
    makeRelease({ version: '1.0.0', raci: 'standard' }),
    makeRelease({ version: '0.9.0' }),
  ],
});

describe('RACI legend', () => {
  it('explains every code, with A/R named as both', () => {
    expect(RACI_LEGEND.map((meaning) => meaning.code)).toEqual([...RACI_CODES]);
    expect(raciCodeName('A/R')).toBe('Accountable and Responsible');
    expect(raciCodeName('C')).toBe('Consulted');
    for (const meaning of RACI_LEGEND) expect(meaning.explanation.length).toBeGreaterThan(10);
  });

  it('counts A/R as both accountable and responsible', () => {
    expect(RACI_CODES.filter(isAccountable)).toEqual(['A', 'A/R']);
    expect(RACI_CODES.filter(isResponsible)).toEqual(['R', 'A/R']);
  });
});

describe('raciIndex', () => {
  const index = raciIndex(hub);

  it('lists the people of each role in people.yaml order', () => {
    expect(index.peopleByRole.get('Release Manager')!.map((person) => person.id)).toEqual(['alice', 'lena']);
    expect(index.peopleByRole.get('QA')).toBeUndefined();
  });

  it('lists the releases using each matrix', () => {
    expect(index.releasesByMatrix.get('standard')!.map((release) => release.version)).toEqual(['1.1.0', '1.0.0']);
    expect(index.releasesByMatrix.get('hotfix')!.map((release) => release.version)).toEqual(['2.0.0']);
  });

  it('lists the cells each role holds, matrix by matrix, skipping blank cells', () => {
    const cells = index.cellsByRole.get('Release Manager')!.map(({ matrix, activity, code }) => [matrix.id, activity.name, code]);
    expect(cells).toEqual([
      ['standard', 'Deploy', 'A'],
      ['standard', 'Announce', 'A/R'],
      ['hotfix', 'Ship the fix', 'C'],
    ]);
    expect(index.cellsByRole.get('QA')!.map(({ activity }) => activity.name)).toEqual(['Deploy']);
  });

  it('is computed once per hub', () => {
    expect(raciIndex(hub)).toBe(index);
  });
});
