/**
 * Release trains' pages (issue 21): `/trains/` and `/trains/<id>/`, one combined changelog entry
 * of every member (changes grouped by type across products, breaking first), each member with its
 * status. Pure: computed from the build's hub, whose public view holds public trains with their
 * public members and changes only (src/core/audience.ts).
 */
import type { Change, ChangeType, Hub, Release, Train } from '../core/model.ts';
import { CHANGE_TYPES } from '../core/model.ts';
import { CHANGE_TYPE_LABELS, productName } from '../releases/releases.ts';

/** One change of the combined entry, with the release it ships in. */
export interface TrainChange {
  release: Release;
  productName: string;
  change: Change;
}

/** What a train's page shows. */
export interface TrainDetail {
  train: Train;
  /** The members in the file's order. */
  members: { release: Release; productName: string }[];
  /** Members that shipped (a release time, `deployment.finishedAt`). */
  shipped: number;
  /** Non-empty groups in Keep a Changelog order; breaking changes first in each. */
  groups: { type: ChangeType; label: string; changes: TrainChange[] }[];
}

/** Why: a train page resolves its member ids once, here; members the build's hub does not hold are left out. */
export function trainDetail(hub: Hub, train: Train): TrainDetail {
  const byId = new Map(hub.releases.map((release) => [release.id, release]));
  const members = train.members.flatMap((id) => {
    const release = byId.get(id);
    return release ? [{ release, productName: productName(hub, release.product) }] : [];
  });
  const all = members.flatMap(({ release, productName }) => release.changes.map((change) => ({ release, productName, change })));
  return {
    train,
    members,
    shipped: members.filter(({ release }) => release.deployment?.finishedAt !== undefined).length,
    groups: CHANGE_TYPES.map((type) => ({
      type,
      label: CHANGE_TYPE_LABELS[type],
      changes: all.filter(({ change }) => change.type === type).sort((a, b) => Number(b.change.breaking) - Number(a.change.breaking)),
    })).filter((group) => group.changes.length > 0),
  };
}

/** Why: trains in window order (then id), the same on every machine. */
export function sortTrains(trains: readonly Train[]): Train[] {
  return [...trains].sort((a, b) =>
    a.window.start.epochNanoseconds < b.window.start.epochNanoseconds
      ? -1
      : a.window.start.epochNanoseconds > b.window.start.epochNanoseconds
        ? 1
        : a.id < b.id
          ? -1
          : a.id > b.id
            ? 1
            : 0,
  );
}

/** Why: a release page names the trains it ships in. */
export function trainsOf(hub: Hub, release: Pick<Release, 'id'>): Train[] {
  return hub.trains.filter((train) => train.members.includes(release.id));
}
