/**
 * The migration guides of release notes: the headings of each body (Astro's `getHeadings()` of its
 * module, or those rendered with it before the bundle, the ids the release page gives them) that read as one
 * (`isMigrationHeading`). Read once per release per build; the upgrade pages and their JSON share them.
 */
import { releaseBodies } from 'virtual:release-hub/bodies';
import type { Release } from '../core/model.ts';
import { renderedBody, type RenderedBody } from './rendered-bodies.ts';
import { isMigrationHeading, type MigrationGuide } from '../upgrade/upgrade-paths.ts';

const guides = new Map<string, Promise<MigrationGuide[]>>();

/** Why: an upgrade path links each release's migration guide, found in its notes. */
export function migrationGuidesOf(release: Release): Promise<MigrationGuide[]> {
  const entryId = release.source.entryId;
  if (entryId === undefined) return Promise.resolve([]);
  let found = guides.get(entryId);
  if (!found) {
    const guidesIn = (headings: RenderedBody['headings']) =>
      headings.filter((heading) => isMigrationHeading(heading.text)).map((heading) => ({ release, text: heading.text, slug: heading.slug }));
    const rendered = renderedBody(entryId);
    const load = releaseBodies[entryId];
    if (rendered) found = Promise.resolve(guidesIn(rendered.headings));
    else if (load) found = load().then((body) => guidesIn(body.getHeadings()));
    else return Promise.resolve([]);
    guides.set(entryId, found);
  }
  return found;
}

/** Why: a page or document needs the guides of many releases as a plain lookup. */
export async function migrationGuideIndex(releases: readonly Release[]): Promise<(release: Release) => MigrationGuide[]> {
  const index = new Map<string, MigrationGuide[]>();
  for (const release of releases) index.set(release.id, await migrationGuidesOf(release));
  return (release) => index.get(release.id) ?? [];
}
