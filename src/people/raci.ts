/**
 * RACI matrices: what each code means, who holds each role, and which releases use each matrix.
 * Joins are computed once per build (memoised per hub) and shared by the RACI and people pages.
 */
import type { Hub, Person, RaciActivity, RaciCode, RaciMatrix, Release } from '../core/model.ts';
import { ownValue } from '../core/own.ts';
import { compareReleasesNewestFirst } from '../releases/releases.ts';

/** What a RACI code means: its name and a one-line explanation for the legend. */
export interface RaciCodeMeaning {
  code: RaciCode;
  name: string;
  explanation: string;
}

/** The legend of every matrix, in the order R, A, C, I, A/R. */
export const RACI_LEGEND: readonly RaciCodeMeaning[] = [
  { code: 'R', name: 'Responsible', explanation: 'Does the work. At least one per activity.' },
  { code: 'A', name: 'Accountable', explanation: 'Owns the outcome and signs it off. Exactly one per activity.' },
  { code: 'C', name: 'Consulted', explanation: 'Asked for input before the work is done (two-way).' },
  { code: 'I', name: 'Informed', explanation: 'Kept up to date on progress and outcome (one-way).' },
  { code: 'A/R', name: 'Accountable and Responsible', explanation: 'Owns the outcome and does the work.' },
];

/** Why: tables show the code and its name, never a colour alone. */
export function raciCodeName(code: RaciCode): string {
  return RACI_LEGEND.find((meaning) => meaning.code === code)!.name;
}

/** Why: "who does the work" and "who signs off" are read from the codes the same way everywhere. */
export function isAccountable(code: RaciCode | undefined): boolean {
  return code === 'A' || code === 'A/R';
}

/** Why: see `isAccountable`. */
export function isResponsible(code: RaciCode | undefined): boolean {
  return code === 'R' || code === 'A/R';
}

/** One cell of a matrix held by a role. */
export interface RaciCell {
  matrix: RaciMatrix;
  activity: RaciActivity;
  code: RaciCode;
}

/** Per-build joins of RACI matrices with people and releases. */
export interface RaciIndex {
  /** Role name → people with that role (people.yaml order). */
  peopleByRole: Map<string, Person[]>;
  /** Matrix id → releases that name it in `raci`, newest first. */
  releasesByMatrix: Map<string, Release[]>;
  /** Role name → the cells it holds, matrix by matrix (hub order), activity by activity. */
  cellsByRole: Map<string, RaciCell[]>;
}

const indexByHub = new WeakMap<Hub, RaciIndex>();

/** Why: RACI and people pages need the same joins; they are computed once per build. */
export function raciIndex(hub: Hub): RaciIndex {
  let index = indexByHub.get(hub);
  if (!index) {
    index = buildIndex(hub);
    indexByHub.set(hub, index);
  }
  return index;
}

function buildIndex(hub: Hub): RaciIndex {
  const peopleByRole = new Map<string, Person[]>();
  for (const person of hub.people) peopleByRole.set(person.role, [...(peopleByRole.get(person.role) ?? []), person]);

  const releasesByMatrix = new Map<string, Release[]>(hub.raci.map((matrix) => [matrix.id, []]));
  for (const release of hub.releases) if (release.raci) releasesByMatrix.get(release.raci)?.push(release);
  for (const releases of releasesByMatrix.values()) releases.sort(compareReleasesNewestFirst);

  const cellsByRole = new Map<string, RaciCell[]>();
  for (const matrix of hub.raci) {
    for (const activity of matrix.activities) {
      for (const role of matrix.roles) {
        const code = ownValue(activity.assignments, role);
        if (code) cellsByRole.set(role, [...(cellsByRole.get(role) ?? []), { matrix, activity, code }]);
      }
    }
  }
  return { peopleByRole, releasesByMatrix, cellsByRole };
}
