/**
 * "What am I on the hook for": per person, the RACI cells their role holds, the releases they own
 * (as release owner or go-to-market owner) and the runbooks they own. Computed once per build.
 */
import type { Hub, Person, Release, ReleaseStatus, Runbook } from '../core/model.ts';
import { raciIndex, type RaciCell } from './raci.ts';
import { compareReleasesNewestFirst } from '../releases/releases.ts';
import { previewList, type ListPreview } from '../releases/release-lists.ts';

/** How a person owns a release. */
export type ReleaseOwnership = 'owner' | 'gtm';

/** A release a person owns, and as what. */
export interface OwnedRelease {
  release: Release;
  as: ReleaseOwnership[];
}

/** Everything a person is on the hook for. */
export interface PersonDuties {
  person: Person;
  /** The cells of their role in every matrix (hub order, then activity order). */
  raciCells: RaciCell[];
  /** Open releases (planned, scheduled, in progress) first, then the rest; newest first within each. */
  releases: OwnedRelease[];
  /** Runbooks they own, by title. */
  runbooks: Runbook[];
}

/** Statuses of a release that still needs its owner. */
const OPEN_STATUSES: readonly ReleaseStatus[] = ['planned', 'scheduled', 'in-progress'];

/** Why: an owner's open releases come first: they are what is on the hook now. */
export function isOpenRelease(release: Pick<Release, 'status'>): boolean {
  return OPEN_STATUSES.includes(release.status);
}

const OWNERSHIP_LABELS: Record<ReleaseOwnership, string> = { owner: 'Release owner', gtm: 'Go-to-market owner' };

/** Why: the person page and its release sub-list say the same thing in their "As" column. */
export function ownershipNote(as: readonly ReleaseOwnership[]): string {
  return as.map((role) => OWNERSHIP_LABELS[role]).join(', ');
}

/** A person's owned releases as their page shows them: open and past, each bounded. */
export interface PersonReleaseLists {
  open: ListPreview<OwnedRelease>;
  past: ListPreview<OwnedRelease>;
  /** Owned releases in all. */
  total: number;
  /** Whether either list leaves releases out: then the page links to the sub-list of all of them. */
  truncated: boolean;
}

/** Why: a person's page keeps its open/past split but shows only the newest of each, however many they own. */
export function personReleaseLists(releases: readonly OwnedRelease[]): PersonReleaseLists {
  const open = previewList(releases.filter(({ release }) => isOpenRelease(release)));
  const past = previewList(releases.filter(({ release }) => !isOpenRelease(release)));
  return { open, past, total: releases.length, truncated: open.truncated || past.truncated };
}

const dutiesByHub = new WeakMap<Hub, Map<string, PersonDuties>>();

/** Why: the people pages read every person's duties; the joins run once per build. */
export function peopleDuties(hub: Hub): Map<string, PersonDuties> {
  let duties = dutiesByHub.get(hub);
  if (!duties) {
    duties = collectDuties(hub);
    dutiesByHub.set(hub, duties);
  }
  return duties;
}

function collectDuties(hub: Hub): Map<string, PersonDuties> {
  const { cellsByRole } = raciIndex(hub);
  const duties = new Map<string, PersonDuties>(
    hub.people.map((person) => [person.id, { person, raciCells: cellsByRole.get(person.role) ?? [], releases: [], runbooks: [] }]),
  );
  for (const release of hub.releases) {
    const owners = new Map<string, ReleaseOwnership[]>();
    if (release.owner) owners.set(release.owner, ['owner']);
    const gtmOwner = release.gtm?.owner;
    if (gtmOwner) owners.set(gtmOwner, [...(owners.get(gtmOwner) ?? []), 'gtm']);
    for (const [id, as] of owners) duties.get(id)?.releases.push({ release, as });
  }
  for (const entry of duties.values()) {
    entry.releases.sort((a, b) => compareReleasesNewestFirst(a.release, b.release));
    entry.releases = [...entry.releases.filter(({ release }) => isOpenRelease(release)), ...entry.releases.filter(({ release }) => !isOpenRelease(release))];
  }
  const runbooksByTitle = [...hub.runbooks].sort((a, b) => (a.title < b.title ? -1 : a.title > b.title ? 1 : 0));
  for (const runbook of runbooksByTitle) if (runbook.owner) duties.get(runbook.owner)?.runbooks.push(runbook);
  return duties;
}
