/**
 * Announcement drafts of a release (issue 21): what a customer, the internal stakeholders and the
 * executives are told, as one format-neutral structure that `markdown.ts`, `email.ts`, `slack.ts`
 * and `teams.ts` render. Pure: the hub, the release and how hub paths become absolute URLs go in.
 *
 * - customer: the public view of the release only (`viewForAudience(hub, 'public')`), so no
 *   internal change, person, runbook or risk can reach it; an internal release has none.
 * - internal: status, window, owner, risk, every change, incidents and the rollback plan (the
 *   release's linked runbooks of kind `rollback`).
 * - exec: a short summary: status, when, risk, owner and the count of changes.
 */
import { isPublicChange, isPublicRelease, viewForAudience } from '../core/audience.ts';
import type { Change, Hub, Release } from '../core/model.ts';
import { absoluteUrl, changelogPath, releasePath, runbookPath } from '../core/urls.ts';
import { markdownForHub } from '../markdown/fields.ts';
import { countOf } from '../presentation/count.ts';
import { formatDate, formatDateTime } from '../presentation/format.ts';
import { STATUS_DISPLAY } from '../presentation/status.ts';
import { formatTimeRange, groupChanges, productName, releaseTime } from '../releases/releases.ts';
import { ANNOUNCEMENT_KINDS, type AnnouncementKind, type AnnouncementPlaceholder } from '../schemas/vocabulary.ts';
import { trainsOf } from '../trains/trains.ts';
import { absoluteLinks, escapeHtml } from './escape.ts';
import { withTemplate } from './template.ts';

/** How each kind is named on the drafts page and in errors. */
export const ANNOUNCEMENT_KIND_LABELS: Record<AnnouncementKind, string> = {
  customer: 'Customer announcement',
  internal: 'Internal announcement',
  exec: 'Executive summary',
};

/** A piece of user-written text in the two forms the formats need. */
export interface RichText {
  /** The plain text a reader sees (not escaped for any format). */
  text: string;
  /** Safe inline HTML (the one Markdown renderer), its links absolute. */
  html: string;
}

/** One line of a section: an optional lead-in ("Added", "Breaking"), the text, an optional link. */
export interface AnnouncementItem {
  lead?: string;
  body: RichText;
  /** Absolute URL the body links to. */
  url?: string;
}

/** A titled list. */
export interface AnnouncementSection {
  heading: string;
  items: AnnouncementItem[];
}

/** A label and a plain-text value ("Status: Scheduled"). */
export interface AnnouncementFact {
  label: string;
  value: string;
}

/** A link button at the end ("Release notes"). */
export interface AnnouncementLink {
  label: string;
  url: string;
}

/** A message ready for any format: an announcement of a release, or a stakeholder digest (src/digest). */
export interface Message {
  /** The subject line / header (plain text). */
  title: string;
  /** The release summary, if it has one. */
  intro?: RichText;
  facts: AnnouncementFact[];
  sections: AnnouncementSection[];
  /** The first is the main one. */
  links: AnnouncementLink[];
  /** Who sends it: the hub title, or the team's sign-off (`templates/announce/<kind>.yaml`). */
  footer: string;
  /** A team's opening line (plain text), before everything else. */
  greeting?: string;
  /** A team's closing line (plain text), after the sections and before the links. */
  closing?: string;
}

/** One announcement of one release, ready for any format. */
export interface Announcement extends Message {
  kind: AnnouncementKind;
}

/** How hub hrefs become the absolute URLs a message carries. */
export interface AnnouncementLinks {
  /** An href of `core/urls.ts` (or a site path from Markdown) as an absolute URL with the base path. */
  absolute(href: string): string;
}

/**
 * Why: the links of a message: hrefs of `core/urls.ts` on the host of hub.yaml `url`. In a build
 * those hrefs carry the base path already; the command (outside the build, where `BASE_PATH` is
 * `/`) passes the project's base path to add.
 */
export function announcementLinks(siteUrl: string, basePath = '/'): AnnouncementLinks {
  const trimmed = basePath.replace(/^\/+|\/+$/g, '');
  const prefix = trimmed ? `/${trimmed}` : '';
  return { absolute: (href) => absoluteUrl(siteUrl, href.startsWith('/') ? `${prefix}${href}` : href) };
}

/** Why: every announcement of a release that exists: the customer one only for a public release. */
export function announcementKindsFor(release: Release): AnnouncementKind[] {
  return ANNOUNCEMENT_KINDS.filter((kind) => kind !== 'customer' || isPublicRelease(release));
}

/** Why: one entry point for the build and the command; `undefined` when the release has no such announcement (customer of an internal release). */
export function buildAnnouncement(hub: Hub, release: Release, kind: AnnouncementKind, links: AnnouncementLinks): Announcement | undefined {
  const template = hub.announceTemplates?.[kind];
  if (kind === 'customer') {
    const publicHub = publicViewOf(hub);
    const publicView = publicHub.releases.find((candidate) => candidate.id === release.id);
    return publicView && withTemplate(customerAnnouncement(publicHub, publicView, links), template, placeholdersOf(publicHub, publicView));
  }
  const announcement = kind === 'internal' ? internalAnnouncement(hub, release, links) : execSummary(hub, release, links);
  return withTemplate(announcement, template, placeholdersOf(hub, release));
}

/** What a template's placeholders stand for in this release's announcements (plain text). */
function placeholdersOf(hub: Hub, release: Release): Record<AnnouncementPlaceholder, string> {
  const time = releaseTime(release);
  return {
    product: productName(hub, release.product),
    version: release.version,
    title: release.title ?? '',
    hub: hub.config.title,
    status: STATUS_DISPLAY[release.status].label,
    date: time ? formatDate(time, hub.config.timezone) : 'a date to be set',
  };
}

const publicViews = new WeakMap<Hub, Hub>();

/** The public view of a hub, made once per hub (a build announces many releases). */
function publicViewOf(hub: Hub): Hub {
  let view = publicViews.get(hub);
  if (!view) {
    view = viewForAudience(hub, 'public');
    publicViews.set(hub, view);
  }
  return view;
}

/** What changes for customers, and where to read more. */
function customerAnnouncement(publicHub: Hub, release: Release, links: AnnouncementLinks): Announcement {
  const rich = richTextOf(publicHub, release, links);
  const when = whenFact(publicHub, release, false);
  return {
    kind: 'customer',
    title: headline(publicHub, release),
    intro: release.summary === undefined ? undefined : rich(release.summary),
    facts: [{ label: 'Status', value: STATUS_DISPLAY[release.status].label }, ...(when ? [when] : []), ...trainFacts(publicHub, release)],
    sections: changeSections(release, rich, false),
    links: [
      { label: 'Release notes', url: links.absolute(releasePath(release)) },
      // The product's changelog (a version's entry is there only once it shipped, and maybe on a later page).
      { label: 'Changelog', url: links.absolute(changelogPath(release.product)) },
    ],
    footer: publicHub.config.title,
  };
}

/** Everything stakeholders need before and after the window. */
function internalAnnouncement(hub: Hub, release: Release, links: AnnouncementLinks): Announcement {
  const rich = richTextOf(hub, release, links);
  const zone = hub.config.timezone;
  const facts: AnnouncementFact[] = [{ label: 'Status', value: STATUS_DISPLAY[release.status].label }];
  if (release.window) facts.push({ label: 'Window', value: `${formatTimeRange(release.window.start, release.window.end, zone)} (${zone})` });
  if (release.deployment?.finishedAt) facts.push({ label: 'Deployed', value: `${formatDateTime(release.deployment.finishedAt, zone)} (${zone})` });
  facts.push({ label: 'Owner', value: ownerOf(hub, release) ?? 'No owner' });
  facts.push({ label: 'Risk', value: release.risk === undefined ? 'Not assessed' : capitalise(release.risk) });
  facts.push({ label: 'Audience', value: isPublicRelease(release) ? 'Public' : 'Internal' }, ...trainFacts(hub, release));
  const rollbackRunbooks = release.runbooks.flatMap((id) => hub.runbooks.filter((runbook) => runbook.id === id && runbook.kind === 'rollback'));
  const rollbackPlan: AnnouncementSection = {
    heading: 'Rollback plan',
    items:
      rollbackRunbooks.length > 0
        ? rollbackRunbooks.map((runbook) => ({ body: plain(runbook.title), url: links.absolute(runbookPath(runbook.id)) }))
        : [{ body: plain('No rollback runbook is linked to this release: add one to its runbooks.') }],
  };
  const sections = changeSections(release, rich, true);
  if (release.rollback) sections.push({ heading: 'Rolled back', items: [{ body: rich(release.rollback.reason) }] });
  if (release.incidents.length > 0) {
    sections.push({
      heading: 'Incidents',
      items: release.incidents.map((incident) => ({
        lead: [incident.id, incident.severity].filter(Boolean).join(' · '),
        body: incident.summary === undefined ? plain(incident.resolvedAt ? 'Resolved' : 'Open') : rich(incident.summary),
      })),
    });
  }
  sections.push(rollbackPlan);
  return {
    kind: 'internal',
    title: headline(hub, release),
    intro: release.summary === undefined ? undefined : rich(release.summary),
    facts,
    sections,
    links: [{ label: 'Release page', url: links.absolute(releasePath(release)) }],
    footer: hub.config.title,
  };
}

/** A few lines: where it stands, when, how risky, who owns it, how big it is. */
function execSummary(hub: Hub, release: Release, links: AnnouncementLinks): Announcement {
  const breaking = release.changes.filter((change) => change.breaking).length;
  const size = `${countOf(release.changes.length, 'change')}${breaking > 0 ? `, ${breaking} breaking` : ''}`;
  const when = whenFact(hub, release, true);
  const facts: AnnouncementFact[] = [
    { label: 'Status', value: STATUS_DISPLAY[release.status].label },
    ...(when ? [when] : []),
    { label: 'Risk', value: release.risk === undefined ? 'Not assessed' : capitalise(release.risk) },
    { label: 'Owner', value: ownerOf(hub, release) ?? 'No owner' },
    { label: 'Scope', value: size },
  ];
  if (release.incidents.length > 0) facts.push({ label: 'Incidents', value: String(release.incidents.length) });
  return {
    kind: 'exec',
    title: `${headline(hub, release)} — ${STATUS_DISPLAY[release.status].label}`,
    intro: release.summary === undefined ? undefined : richTextOf(hub, release, links)(release.summary),
    facts,
    sections: [],
    links: [{ label: 'Release page', url: links.absolute(releasePath(release)) }],
    footer: hub.config.title,
  };
}

/** The release trains the release ships in, as the hub of the announcement sees them. */
function trainFacts(hub: Hub, release: Release): AnnouncementFact[] {
  const trains = trainsOf(hub, release);
  return trains.length === 0 ? [] : [{ label: 'Release train', value: trains.map((train) => train.title).join(', ') }];
}

/** "Northwind Web 4.9.0: Smarter exports". */
function headline(hub: Hub, release: Release): string {
  return `${productName(hub, release.product)} ${release.version}${release.title ? `: ${release.title}` : ''}`;
}

/** The release time when it shipped, else the window start ("Planned for"). */
function whenFact(hub: Hub, release: Release, withTime: boolean): AnnouncementFact | undefined {
  const time = releaseTime(release);
  if (!time) return undefined;
  const zone = hub.config.timezone;
  const value = withTime ? `${formatDateTime(time, zone)} (${zone})` : formatDate(time, zone);
  return { label: release.deployment?.finishedAt ? 'Released' : 'Planned for', value };
}

/**
 * The changes grouped by type (Keep a Changelog order), breaking ones marked; for stakeholders, the
 * changes of a public release that customers are not told about are marked "Internal".
 */
function changeSections(release: Release, rich: (markdown: string) => RichText, markInternal: boolean): AnnouncementSection[] {
  const grouped = groupChanges(release.changes);
  if (grouped.groups.length === 0) return [{ heading: 'What changes', items: [{ body: plain('No changes are listed yet.') }] }];
  const hidden = (change: Change) => markInternal && isPublicRelease(release) && !isPublicChange(release, change);
  return grouped.groups.map((group) => ({
    heading: group.label,
    items: group.changes.map((change) => {
      const leads = [change.breaking ? 'Breaking' : undefined, hidden(change) ? 'Internal' : undefined].filter(Boolean);
      return { ...(leads.length > 0 ? { lead: leads.join(' · ') } : {}), body: rich(change.summary) };
    }),
  }));
}

function ownerOf(hub: Hub, release: Release): string | undefined {
  if (release.owner === undefined) return undefined;
  const person = hub.people.find((candidate) => candidate.id === release.owner);
  if (!person) return release.owner;
  return person.email ? `${person.name} <${person.email}>` : person.name;
}

/** Markdown of a release field through the one safe renderer, its site links made absolute. */
function richTextOf(hub: Hub, release: Release, links: AnnouncementLinks): (markdown: string) => RichText {
  const renderer = markdownForHub(hub);
  return (markdown) => ({ text: renderer.text(markdown, release.product), html: absoluteLinks(renderer.inline(markdown, release.product), links.absolute) });
}

function plain(text: string): RichText {
  return { text, html: escapeHtml(text) };
}

function capitalise(word: string): string {
  return `${word.charAt(0).toUpperCase()}${word.slice(1)}`;
}
