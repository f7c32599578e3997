/**
 * The draft files of the internal build (`/announce/<product>/<version>/<kind>.<ext>`) and the
 * command's formats. A hub of 10,000 releases must not write 150,000 files, so the build drafts
 * only the releases worth announcing now: not released yet (planned, scheduled, in progress) or
 * whose release time (else window start) is within the last `ANNOUNCE_RECENT_DAYS` days of "now"
 * or later. `release-hub announce` drafts any release.
 */
import { Temporal } from 'temporal-polyfill';
import type { Hub, Release } from '../core/model.ts';
import { formatJson } from '../presentation/json.ts';
import { compareReleasesNewestFirst, releaseTime } from '../releases/releases.ts';
import { announcePath, changelogAnchor, pagedPath } from '../core/urls.ts';
import { type ListPage, paginate } from '../releases/release-lists.ts';
import { ANNOUNCEMENT_KIND_LABELS, type Announcement, type AnnouncementLinks, announcementKindsFor, buildAnnouncement } from './announcement.ts';
import type { AnnouncementKind } from '../schemas/vocabulary.ts';
import { announcementEml, announcementEmailHtml, announcementPlainText } from './email.ts';
import { announcementMarkdown } from './markdown.ts';
import { announcementSlack } from './slack.ts';
import { announcementTeams } from './teams.ts';

/** The formats of `release-hub announce`: `email` is the email's HTML, `text` its plain-text part, `eml` both as one message. */
export const ANNOUNCE_FORMATS = ['markdown', 'email', 'text', 'eml', 'slack', 'teams'] as const;
export type AnnounceFormat = (typeof ANNOUNCE_FORMATS)[number];

/**
 * The formats the build writes a file of. The email's HTML is inside the `.eml`, not a `.html` of
 * its own: every `.html` of a built site is one of its pages (with its header, search and
 * Content-Security-Policy), and a draft is not.
 */
export const DRAFT_FORMATS = ['markdown', 'text', 'eml', 'slack', 'teams'] as const satisfies readonly AnnounceFormat[];
export type DraftFormat = (typeof DRAFT_FORMATS)[number];

/** Each draft file's extension, content type and label on the drafts page. */
export const DRAFT_FORMAT_FILES: Record<DraftFormat, { extension: string; contentType: string; label: string }> = {
  markdown: { extension: 'md', contentType: 'text/markdown; charset=utf-8', label: 'Markdown' },
  text: { extension: 'txt', contentType: 'text/plain; charset=utf-8', label: 'Email text' },
  eml: { extension: 'eml', contentType: 'message/rfc822', label: 'Email (.eml)' },
  slack: { extension: 'slack.json', contentType: 'application/json', label: 'Slack' },
  teams: { extension: 'teams.json', contentType: 'application/json', label: 'Teams' },
};

/** Releases released longer ago than this are not drafted by the build. */
export const ANNOUNCE_RECENT_DAYS = 90;

const NOT_RELEASED_YET = new Set<Release['status']>(['planned', 'scheduled', 'in-progress']);

/** Why: the build's bounded set of releases to draft (see the module comment), newest first. */
export function releasesToAnnounce(hub: Hub, now: Temporal.Instant): Release[] {
  const since = now.subtract({ hours: 24 * ANNOUNCE_RECENT_DAYS });
  return hub.releases
    .filter((release) => {
      if (NOT_RELEASED_YET.has(release.status)) return true;
      const time = releaseTime(release);
      return time !== undefined && Temporal.Instant.compare(time.toInstant(), since) >= 0;
    })
    .sort(compareReleasesNewestFirst);
}

/** Why: the one place an announcement becomes the text of a format. */
export function renderAnnouncement(announcement: Announcement, format: AnnounceFormat): string {
  switch (format) {
    case 'markdown':
      return announcementMarkdown(announcement);
    case 'email':
      return announcementEmailHtml(announcement);
    case 'text':
      return announcementPlainText(announcement);
    case 'eml':
      return announcementEml(announcement);
    case 'slack':
      return formatJson(announcementSlack(announcement));
    case 'teams':
      return formatJson(announcementTeams(announcement));
  }
}

/** One draft file of a release. */
export interface DraftFile {
  /** File name in the release's folder, e.g. `internal.slack.json`. */
  name: string;
  kind: AnnouncementKind;
  format: DraftFormat;
  text: string;
}

/** Why: every draft of a release, each kind it has in each format (15 files at most). */
export function draftFiles(hub: Hub, release: Release, links: AnnouncementLinks): DraftFile[] {
  return announcementKindsFor(release).flatMap((kind) => {
    const announcement = buildAnnouncement(hub, release, kind, links)!;
    return DRAFT_FORMATS.map((format) => ({ name: draftFileName(kind, format), kind, format, text: renderAnnouncement(announcement, format) }));
  });
}

/** Why: the file names are fixed: `<kind>.<extension>`. */
export function draftFileName(kind: AnnouncementKind, format: DraftFormat): string {
  return `${kind}.${DRAFT_FORMAT_FILES[format].extension}`;
}

/** One release on the drafts page: its drafts by kind, each with a link per format. */
export interface DraftsOfRelease {
  release: Release;
  kinds: { kind: AnnouncementKind; label: string; files: { format: DraftFormat; label: string; href: string; copyable: boolean }[] }[];
}

/** Releases per page of `/announce/` (about 4.5 KB of HTML each). */
export const DRAFTS_PER_PAGE = 20;

/** Why: `/announce/` lists exactly the files the build writes, in the order they are drafted, 20 releases a page (`/announce/page/<n>/` from 2). */
export function draftsPages(hub: Hub, now: Temporal.Instant): ListPage<DraftsOfRelease>[] {
  return paginate(
    releasesToAnnounce(hub, now).map((release) => draftsOf(release)),
    DRAFTS_PER_PAGE,
  );
}

function draftsOf(release: Release): DraftsOfRelease {
  return {
    release,
    kinds: announcementKindsFor(release).map((kind) => ({
      kind,
      label: ANNOUNCEMENT_KIND_LABELS[kind],
      files: DRAFT_FORMATS.map((format) => ({
        format,
        label: DRAFT_FORMAT_FILES[format].label,
        href: `${announcePath(release)}${draftFileName(kind, format)}`,
        // A MIME message is opened, not pasted.
        copyable: format !== 'eml',
      })),
    })),
  };
}

/** Why: the drafts page's section of a release, the target of the release page's link. */
export function draftsAnchor(release: Pick<Release, 'product' | 'version'>): string {
  return `drafts-${changelogAnchor(release)}`;
}

const draftedIndexes = new WeakMap<Hub, { now: bigint; indexes: Map<string, number> }>();

/** Why: a release page links to its drafts, on the page of `/announce/` that lists them; worked out once per hub and now. */
export function draftsHref(hub: Hub, now: Temporal.Instant, release: Release): string | undefined {
  let drafted = draftedIndexes.get(hub);
  if (drafted?.now !== now.epochNanoseconds) {
    drafted = { now: now.epochNanoseconds, indexes: new Map(releasesToAnnounce(hub, now).map((candidate, index) => [candidate.id, index])) };
    draftedIndexes.set(hub, drafted);
  }
  const index = drafted.indexes.get(release.id);
  return index === undefined ? undefined : `${pagedPath(announcePath(), Math.floor(index / DRAFTS_PER_PAGE) + 1)}#${draftsAnchor(release)}`;
}
