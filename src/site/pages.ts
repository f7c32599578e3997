/**
 * Every page and file a build of the hub writes, as hub paths (without the base path), with the
 * anchors a link may name on it. `release-hub check` and the build check the links written in
 * content against this one list, so they agree on every broken link; a build test compares it
 * with what Astro actually wrote.
 *
 * Anchors are modelled for the pages content links into with a fragment: release pages, runbook
 * pages (their body headings and the template's sections), changelog pages (one anchor per
 * entry and its change groups), deprecation timelines, the tag index and the pages of advisories
 * (one anchor per advisory). Other pages are linkable without a fragment.
 */
import type { Temporal } from 'temporal-polyfill';
import { announcementKindsFor } from '../announce/announcement.ts';
import { DRAFT_FORMATS, draftFileName, draftsPages, releasesToAnnounce } from '../announce/drafts.ts';
import { calendarPages } from '../calendar/view.ts';
import type { BodyOutline } from '../content/body-outline.ts';
import type { Hub, Release, Runbook } from '../core/model.ts';
import { buildMetricsSite } from '../metrics/page.ts';
import { peopleDuties, personReleaseLists } from '../people/people.ts';
import { raciIndex } from '../people/raci.ts';
import { changelogPages } from '../releases/changelog.ts';
import { FEED_FILES } from '../releases/feeds.ts';
import { changelogTags, tagAnchor } from '../releases/tags.ts';
import { needsSubList, paginate } from '../releases/release-lists.ts';
import { releaseDetail, releaseListing, type GroupedChanges } from '../releases/releases.ts';
import { runbookBacklinks } from '../runbooks/runbooks.ts';
import { releaseAttention } from '../process/attention.ts';
import { trainDetail } from '../trains/trains.ts';
import type { Audience } from '../schemas/vocabulary.ts';
import { upgradePagePath } from '../core/urls.ts';
import { DIGEST_FILES, DIGEST_KINDS, digestPeriods } from '../digest/digest.ts';
import { upgradePages } from '../upgrade/upgrade-paths.ts';
import { advisoryPages, osvPath, securityAdvisories } from '../security/advisories.ts';
import { deprecations, deprecationsPath } from '../deprecations/deprecations.ts';
import { MARKDOWN_TWIN } from '../llms/release-markdown.ts';
import { socialCardEntries } from '../social/card.ts';
import { WIDGET_FILES } from '../widget/widget-data.ts';

/**
 * The anchors of a page, worked out when a link first names one of them (most pages are never the
 * target of a fragment, and a release's anchors need its body's outline), or `null` when links to
 * the page are only checked without a fragment.
 */
export type PageAnchors = (() => ReadonlySet<string>) | null;

/** Why: anchors are worked out once, on first use, by `PageAnchors`' callers. */
function lazily(anchors: () => ReadonlySet<string>): () => ReadonlySet<string> {
  let known: ReadonlySet<string> | undefined;
  return () => (known ??= anchors());
}

/** Why: release and runbook anchors come from their bodies, read from the content files. */
export interface BodyHeadings {
  outlineOf(source: { file: string }): BodyOutline;
}

/** Which parts of the list to work out: the metrics views take the most, and content seldom links into them. */
export interface SitePagesScope {
  /** The views, drill-downs and CSV tables under `/metrics/` (internal builds); default true. */
  metricsViews?: boolean;
}

/** Why: one list of the build's pages, shared by `check`, the build and the test that compares it with the output. */
export function sitePages(hub: Hub, audience: Audience, now: Temporal.Instant, headings: BodyHeadings, scope: SitePagesScope = {}): Map<string, PageAnchors> {
  const pages = new Map<string, PageAnchors>();
  const add = (path: string, anchors: PageAnchors = null) => pages.set(path, anchors);
  const products = hub.config.products.map((product) => product.id);

  add('/');
  add('/404.html');
  add('/search/');
  add('/sitemap-index.xml');
  for (const page of releaseListing(hub, audience).pages) add(page.path);
  for (const release of hub.releases)
    add(
      `/releases/${release.product}/${release.version}/`,
      lazily(() => releaseAnchors(hub, release, audience, headings, now)),
    );
  for (const release of hub.releases) add(`/releases/${release.product}/${release.version}/${MARKDOWN_TWIN}`); // src/llms/release-markdown.ts
  for (const { release } of socialCardEntries(hub).values()) add(`/releases/${release.product}/${release.version}/card.png`); // src/social/card.ts
  for (const page of changelogPages(hub)) {
    add(
      page.path,
      lazily(() => new Set(page.entries.flatMap(({ anchor, changes }) => [anchor, `${anchor}-title`, ...changeAnchors(changes, `${anchor}-`)]))),
    );
  }
  for (const product of [undefined, ...products]) {
    const folder = product === undefined ? '/changelog/' : `/changelog/${product}/`;
    for (const file of ['rss.xml', 'atom.xml', 'feed.json']) add(`${folder}${file}`);
  }
  const tags = changelogTags(hub);
  add(
    '/changelog/tags/',
    lazily(() => new Set(tags.map(tagAnchor))),
  );
  for (const tag of tags) for (const file of Object.values(FEED_FILES)) add(`/changelog/tags/${tag.slug}/${file}`);
  for (const page of calendarPages(hub, now)) add(page.param === undefined ? '/calendar/' : `/calendar/${page.param}/`);
  add('/calendar.ics');
  for (const product of products) add(`/calendar/${product}.ics`);
  add('/api/releases.json');
  for (const release of upgradePages(hub)) add(upgradePagePath(release));
  for (const product of products) add(`/api/upgrade/${product}.json`);
  for (const product of products)
    add(
      deprecationsPath(product),
      lazily(() => new Set(deprecations(hub, product, now).map((deprecation) => deprecation.anchor))),
    );
  for (const file of ['/security/', '/security/rss.xml', '/security/atom.xml', '/security/feed.json']) add(file);
  for (const page of advisoryPages(hub, now)) {
    add(
      page.path,
      lazily(() => new Set(page.items.flatMap(({ advisory }) => [advisory.id, `${advisory.id}-title`]))),
    );
  }
  for (const { advisory } of securityAdvisories(hub, now)) add(osvPath(advisory.id));
  for (const file of ['/llms.txt', '/llms-full.txt']) add(file); // src/llms/llms-txt.ts
  for (const file of Object.values(WIDGET_FILES)) add(file); // src/widget/widget-data.ts
  for (const file of ['/roadmap/', '/roadmap/rss.xml', '/roadmap/atom.xml', '/roadmap/feed.json']) add(file); // src/roadmap/roadmap.ts
  if (hub.trains.length > 0) add('/trains/');
  for (const file of ['/trains/rss.xml', '/trains/atom.xml', '/trains/feed.json']) add(file);
  for (const train of hub.trains)
    add(
      `/trains/${train.id}/`,
      lazily(() => new Set(['members-heading', 'changes-heading', ...trainDetail(hub, train).groups.map((group) => `change-${group.type}`)])),
    );
  for (const file of ['/digest/', '/digest/rss.xml', '/digest/atom.xml', '/digest/feed.json']) add(file);
  for (const kind of DIGEST_KINDS) {
    for (const period of digestPeriods(kind, now, hub.config.timezone)) {
      const folder = `/digest/${period.kind}/${period.id}/`;
      add(folder);
      for (const file of Object.values(DIGEST_FILES)) add(`${folder}${file}`);
    }
  }
  if (audience === 'internal') addInternalPages(hub, now, headings, add, scope.metricsViews ?? true);
  return pages;
}

function addInternalPages(
  hub: Hub,
  now: Temporal.Instant,
  headings: BodyHeadings,
  add: (path: string, anchors?: PageAnchors) => void,
  metricsViews: boolean,
): void {
  add('/api/metrics.json');
  add('/gtm/');
  add('/api/environments.json');
  add('/api/usage.json');
  for (const series of hub.usage ?? []) add(`/usage/${series.product}/`);
  if (metricsViews) {
    const metrics = buildMetricsSite(hub, now);
    for (const { path } of [...metrics.views, ...metrics.drilldowns, ...metrics.csv]) add(path);
  }
  const listPages = (base: string, total: number, needed: boolean) => {
    if (!needed) return;
    for (const page of paginate(Array.from({ length: total }))) add(page.param === undefined ? base : `${base}${page.param}/`);
  };
  add('/runbooks/');
  const backlinks = runbookBacklinks(hub);
  for (const runbook of hub.runbooks) {
    add(
      `/runbooks/${runbook.id}/`,
      lazily(() => runbookAnchors(hub, runbook, headings)),
    );
    const usedBy = backlinks.get(runbook.id)?.length ?? 0;
    listPages(`/runbooks/${runbook.id}/releases/`, usedBy, needsSubList(usedBy));
  }
  add('/raci/');
  const { releasesByMatrix } = raciIndex(hub);
  for (const matrix of hub.raci) {
    add(`/raci/${matrix.id}/`);
    const total = releasesByMatrix.get(matrix.id)?.length ?? 0;
    listPages(`/raci/${matrix.id}/releases/`, total, needsSubList(total));
  }
  add('/people/');
  const duties = peopleDuties(hub);
  for (const person of hub.people) {
    add(`/people/${person.id}/`);
    const releases = duties.get(person.id)?.releases ?? [];
    listPages(`/people/${person.id}/releases/`, releases.length, personReleaseLists(releases).truncated);
  }
  for (const page of draftsPages(hub, now)) add(page.param === undefined ? '/announce/' : `/announce/${page.param}/`);
  for (const release of releasesToAnnounce(hub, now)) {
    for (const kind of announcementKindsFor(release)) {
      for (const format of DRAFT_FORMATS) add(`/announce/${release.product}/${release.version}/${draftFileName(kind, format)}`);
    }
  }
}

/** The sections of a release page (src/routes/releases/[product]/[version].astro) and its body's headings. */
function releaseAnchors(hub: Hub, release: Release, audience: Audience, headings: BodyHeadings, now: Temporal.Instant): Set<string> {
  const detail = releaseDetail(hub, release, audience);
  const body = headings.outlineOf(release.source);
  return new Set([
    ...(audience === 'internal' && releaseAttention(hub, now, release.id).length > 0 ? ['attention'] : []),
    ...(detail.timeline.length > 0 ? ['timeline'] : []),
    ...(detail.goNoGo ? ['go-no-go'] : []),
    ...(detail.promotion.length > 1 ? ['promotion'] : []),
    ...(release.rollback ? ['rollback'] : []),
    ...(release.review ? ['review'] : []),
    'changes',
    ...changeAnchors(detail.changes, 'change-'),
    ...(body.hasContent ? ['notes', ...body.headings.map((heading) => heading.id)] : []),
    ...(release.incidents.length > 0 ? ['incidents'] : []),
    ...(release.gtm ? ['gtm'] : []),
    ...(release.satisfaction ? ['satisfaction'] : []),
    ...(release.feedback?.some((response) => response.comment) ? ['comments'] : []),
  ]);
}

/** The headings of a change list (src/components/release/ChangeList.astro). */
function changeAnchors(changes: GroupedChanges, prefix: string): string[] {
  return [...(changes.breaking.length > 0 ? [`${prefix}breaking`] : []), ...changes.groups.map((group) => `${prefix}${group.type}`)];
}

/** A runbook page (src/routes/runbooks/[id].astro): its body's headings, the table of contents, the releases using it. */
function runbookAnchors(hub: Hub, runbook: Runbook, headings: BodyHeadings): Set<string> {
  const { headings: body } = headings.outlineOf(runbook.source);
  const contents = body.filter((heading) => heading.depth === 2 || heading.depth === 3);
  const checked = hub.releases.some((release) => release.checks?.some((check) => check.runbook === runbook.id));
  return new Set([
    ...body.map((heading) => heading.id),
    ...(contents.length > 1 ? ['toc-heading'] : []),
    ...(checked ? ['checks-heading'] : []),
    'used-by-heading',
  ]);
}
