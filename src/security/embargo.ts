/**
 * The embargo of security advisories (issue 20): before its `disclosedAt`, relative to the build's
 * "now", an advisory is not public. The public build's hub holds no embargoed advisory at all
 * (only the change's neutral summary), so no page, feed, JSON, OSV file or search record can show
 * its id, details or severity; the internal build keeps it and marks it "embargoed until …".
 */
import { Temporal } from 'temporal-polyfill';
import type { Advisory, Change, Hub } from '../core/model.ts';

/** Why: the one embargo rule: a disclosure time after "now" (none written: public). */
export function isEmbargoed(advisory: Advisory, now: Temporal.Instant): boolean {
  return advisory.disclosedAt !== undefined && Temporal.Instant.compare(advisory.disclosedAt.toInstant(), now) > 0;
}

/** Why: the public view of the hub drops embargoed advisories and keeps their changes, unchanged otherwise. */
export function withoutEmbargoedAdvisories(hub: Hub, now: Temporal.Instant): Hub {
  const embargoed = (change: Change) => change.advisory !== undefined && isEmbargoed(change.advisory, now);
  const neutral = ({ advisory: _embargoed, ...change }: Change): Change => change;
  return {
    ...hub,
    releases: hub.releases.map((release) =>
      release.changes.some(embargoed) ? { ...release, changes: release.changes.map((change) => (embargoed(change) ? neutral(change) : change)) } : release,
    ),
  };
}
