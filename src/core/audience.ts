/**
 * Audiences (SPEC §3): the one definition of what is public. A public build is made from the
 * public view of the hub, so no page, feed, ICS, JSON or index can reach internal data.
 */
import type { Audience, Change, Freeze, Hub, Release } from './model.ts';
import { AUDIENCES } from './model.ts';

/** Why: the audience is chosen once per build, from `HUB_AUDIENCE` (default internal). */
export function audienceFromEnv(env: Record<string, string | undefined>): Audience {
  const value = env.HUB_AUDIENCE?.trim() || 'internal';
  if (!(AUDIENCES as readonly string[]).includes(value)) {
    throw new Error(`HUB_AUDIENCE must be one of ${AUDIENCES.join(', ')}; got "${value}"`);
  }
  return value as Audience;
}

/** Why: "public" means the release says so; everything else is internal. */
export function isPublicRelease(release: Release): boolean {
  return release.audience === 'public';
}

/** Why: a change is public only inside a public release and when it is public itself. */
export function isPublicChange(release: Release, change: Change): boolean {
  return isPublicRelease(release) && change.audience === 'public';
}

/** Why: the public build sees only public releases and changes, freezes without what is internal, and none of the internal data. */
export function viewForAudience(hub: Hub, audience: Audience): Hub {
  if (audience === 'internal') return hub;
  const publicIds = new Set(hub.releases.filter(isPublicRelease).map((release) => release.id));
  return {
    config: hub.config,
    releases: hub.releases.filter(isPublicRelease).map(publicRelease),
    runbooks: [],
    raci: [],
    people: [],
    freezes: hub.freezes.map(publicFreeze),
    metricSeries: [],
    // No `usage`: usage data (usage/) is internal, like the metrics.
    // A public train, with its public members only; one without any is not shown.
    trains: hub.trains
      .filter((train) => train.audience === 'public')
      .map((train) => ({ ...train, members: train.members.filter((id) => publicIds.has(id)) }))
      .filter((train) => train.members.length > 0),
  };
}

/** The name an internal freeze has in the public build: it still blocks slots, but says nothing more. */
export const NEUTRAL_FREEZE_NAME = 'Release freeze';

/** Why: "public" means the freeze says so; everything else is internal. */
export function isPublicFreeze(freeze: Freeze): boolean {
  return freeze.audience === 'public';
}

/** A public freeze as it is; an internal one as a neutral "Release freeze" over the same days and products, without its reason. */
function publicFreeze(freeze: Freeze): Freeze {
  if (isPublicFreeze(freeze)) return freeze;
  return { name: NEUTRAL_FREEZE_NAME, start: freeze.start, end: freeze.end, products: freeze.products, audience: 'internal' };
}

/** The customer-facing part of a public release: no people, runbooks, RACI, incidents, the incidents it fixes, metrics, satisfaction or survey responses. */
function publicRelease(release: Release): Release {
  return {
    id: release.id,
    product: release.product,
    version: release.version,
    title: release.title,
    summary: release.summary,
    status: release.status,
    audience: release.audience,
    timezone: release.timezone,
    window: release.window,
    deployment: release.deployment && { finishedAt: release.deployment.finishedAt },
    runbooks: [],
    incidents: [],
    fixes: [],
    changes: release.changes.filter((change) => isPublicChange(release, change)),
    tags: release.tags,
    rescheduled: release.rescheduled,
    source: release.source,
  };
}
