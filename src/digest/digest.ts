/**
 * Stakeholder digests (issue 21, SPEC §3): weekly and monthly, each a `Message` (the announcement
 * drafts' format-neutral structure) that the `/digest/` pages, the digest feed and the email
 * files render. Pure: the build's hub (already cut to its audience), its audience and "now" go in.
 *
 * Decisions where the issue is silent:
 * - Periods are calendar periods of the hub zone: ISO weeks (Monday 00:00 to the next Monday) and
 *   months, `[start, end)`. A digest is of a completed period only: the latest weekly digest of a
 *   build on Thursday 26 Nov 2026 is the week of 16–22 Nov; a team's Monday CI build sends last week.
 * - The build writes the last `DIGEST_PERIOD_COUNT` (12) completed weeks and 12 completed months.
 * - "Shipped" is SPEC §4's D (`isDeployed`: released or rolled back, by release time) in the period.
 * - Trains: a train is a line of every digest whose period its window overlaps.
 * - What lies ahead (next releases, freezes and what needs attention) is "now", so it is part of
 *   the latest digest of each kind only: an older digest would otherwise show today's facts under a
 *   past heading. Next: releases not released yet (planned, scheduled, in progress) whose window
 *   ends after now and starts within one period of now (7 days; one calendar month). Freezes ahead:
 *   those that end after now and start within the same horizon.
 * - Attention is the one list of `hubAttention`; metric changes are `comparePeriods` of the
 *   dashboard's headline metrics, this period against the one before.
 * - The public digest (a public build): the public view's releases, trains and public freezes
 *   only; no attention and no metrics.
 */
import { isOpenRelease } from '../people/people.ts';
import { Temporal } from 'temporal-polyfill';
import { announcementLinks, type AnnouncementItem, type AnnouncementLinks, type AnnouncementSection, type Message } from '../announce/announcement.ts';
import { messageHtmlBody } from '../announce/email.ts';
import { escapeHtml } from '../announce/escape.ts';
import { isPublicFreeze } from '../core/audience.ts';
import type { Audience, BuildContext, Freeze, Hub, Release, Train } from '../core/model.ts';
import { absoluteUrl, digestPath, homePath, releasePath, runbookPath, trainPath } from '../core/urls.ts';
import { HEADLINE_FIELDS } from '../dashboard/dashboard.ts';
import { comparePeriods, isDeployed, METRIC_DEFINITIONS, metricOptionsFor } from '../metrics/metrics.ts';
import { countOf } from '../presentation/count.ts';
import { formatDate, formatMonth, isoDateTime } from '../presentation/format.ts';
import { describeTrend, formatMetricValue, type TrendPeriods } from '../presentation/number-format.ts';
import { STATUS_DISPLAY } from '../presentation/status.ts';
import { hubAttention } from '../process/attention.ts';
import { feedHtml, feedLocations, type ChangelogFeed, type ChangelogFeedItem } from '../releases/feeds.ts';
import { compareReleasesNewestFirst, formatTimeRange, productName, releaseListingPath } from '../releases/releases.ts';
import { sortTrains, trainDetail } from '../trains/trains.ts';

/** The two digest kinds; also their URL segment. */
export const DIGEST_KINDS = ['week', 'month'] as const;
export type DigestKind = (typeof DIGEST_KINDS)[number];

/** How each kind is named. */
export const DIGEST_KIND_LABELS: Record<DigestKind, string> = { week: 'Weekly digests', month: 'Monthly digests' };

/** Completed periods of each kind the build writes a digest of. */
export const DIGEST_PERIOD_COUNT = 12;

/** Longest list of a digest section; the rest is one link away. */
export const DIGEST_LIST_LIMIT = 25;

/** The files written beside each digest page: the email (text and HTML) as one `.eml`, and its text part. */
export const DIGEST_FILES = { eml: 'digest.eml', text: 'digest.txt' } as const;

/** One calendar period of the hub zone, `[start, end)`. */
export interface DigestPeriod {
  kind: DigestKind;
  /** `2026-W47` (ISO week) or `2026-11`; the URL segment. */
  id: string;
  /** "Week 47 of 2026 (Mon 16 Nov – Sun 22 Nov 2026)" or "November 2026". */
  label: string;
  start: Temporal.ZonedDateTime;
  end: Temporal.ZonedDateTime;
}

/** One digest: its period, the period before it, and its message. */
export interface Digest {
  period: DigestPeriod;
  previous: DigestPeriod;
  /** Whether it is the latest of its kind (the one with what lies ahead). */
  latest: boolean;
  message: Message;
}

/** Why: the period of a kind that holds a day, in the hub zone. */
export function periodOf(kind: DigestKind, day: Temporal.PlainDate, zone: string): DigestPeriod {
  if (kind === 'month') {
    const first = day.with({ day: 1 });
    const id = first.toPlainYearMonth().toString();
    return { kind, id, label: formatMonth(id), start: first.toZonedDateTime(zone), end: first.add({ months: 1 }).toZonedDateTime(zone) };
  }
  const monday = day.subtract({ days: day.dayOfWeek - 1 });
  const start = monday.toZonedDateTime(zone);
  const id = `${monday.yearOfWeek}-W${String(monday.weekOfYear).padStart(2, '0')}`;
  const label = `Week ${monday.weekOfYear} of ${monday.yearOfWeek} (${formatDate(start, zone)} – ${formatDate(monday.add({ days: 6 }).toZonedDateTime(zone), zone)})`;
  return { kind, id, label, start, end: monday.add({ days: 7 }).toZonedDateTime(zone) };
}

/** Why: the completed periods of a kind the build writes, newest first (see the module comment). */
export function digestPeriods(kind: DigestKind, now: Temporal.Instant, zone: string): DigestPeriod[] {
  const current = periodOf(kind, now.toZonedDateTimeISO(zone).toPlainDate(), zone);
  const periods: DigestPeriod[] = [];
  let period = current;
  for (let index = 0; index < DIGEST_PERIOD_COUNT; index++) {
    period = before(period, zone);
    periods.push(period);
  }
  return periods;
}

function before(period: DigestPeriod, zone: string): DigestPeriod {
  return periodOf(period.kind, period.start.toPlainDate().subtract({ days: 1 }), zone);
}

/** Why: every digest of a build, weekly then monthly, newest first; each is computed once per hub and now. */
export function buildDigests(hub: Hub, audience: Audience, now: Temporal.Instant, links: AnnouncementLinks): Digest[] {
  const zone = hub.config.timezone;
  return DIGEST_KINDS.flatMap((kind) =>
    digestPeriods(kind, now, zone).map((period, index) => {
      const previous = before(period, zone);
      return { period, previous, latest: index === 0, message: digestMessage(hub, audience, now, period, previous, index === 0, links) };
    }),
  );
}

const messageDigestsByBuild = new WeakMap<BuildContext, Digest[]>();

/** Why: an email, a digest file or a feed item is read elsewhere: every link absolute (the hrefs carry the base path already); worked out once per build. */
export function messageDigestsOf(context: BuildContext): Digest[] {
  let digests = messageDigestsByBuild.get(context);
  if (!digests) {
    digests = buildDigests(context.hub, context.audience, context.now, announcementLinks(context.hub.config.url));
    messageDigestsByBuild.set(context, digests);
  }
  return digests;
}

const PERIOD_WORDS: Record<DigestKind, TrendPeriods & { horizon: Temporal.DurationLike }> = {
  week: { current: 'this week', previous: 'the week before', versus: 'the week before', horizon: { days: 7 } },
  month: { current: 'this month', previous: 'the month before', versus: 'the month before', horizon: { months: 1 } },
};

/** Why: one digest's content, for any format; exported for the hand-worked unit test. */
export function digestMessage(
  hub: Hub,
  audience: Audience,
  now: Temporal.Instant,
  period: DigestPeriod,
  previous: DigestPeriod,
  latest: boolean,
  links: AnnouncementLinks,
): Message {
  const zone = hub.config.timezone;
  const link = (href: string) => links.absolute(href);
  const start = period.start.toInstant();
  const end = period.end.toInstant();
  const shipped = hub.releases
    .filter(isDeployed)
    .filter((release) => within(release.deployment.finishedAt.toInstant(), start, end))
    .sort(compareReleasesNewestFirst);
  const trains = sortTrains(hub.trains).filter((train) => overlaps(train, start, end));
  const sections: AnnouncementSection[] = [];
  const facts = [{ label: 'Shipped', value: countOf(shipped.length, 'release') }];
  if (shipped.length > 0) {
    sections.push(
      capped(
        'Shipped',
        shipped,
        (release) => ({
          lead: formatDate(release.deployment!.finishedAt!, zone),
          body: plain(`${releaseName(hub, release)}${release.status === 'rolled-back' ? ` (${STATUS_DISPLAY['rolled-back'].label.toLowerCase()})` : ''}`),
          url: link(releasePath(release)),
        }),
        link(digestPath(period)),
      ),
    );
  }
  if (trains.length > 0) {
    sections.push({
      heading: 'Release trains',
      items: trains.map((train) => trainLine(hub, train, zone, link)),
    });
  }
  if (latest) {
    const horizon = now.toZonedDateTimeISO(zone).add(PERIOD_WORDS[period.kind].horizon).toInstant();
    const next = hub.releases
      .filter(isOpenRelease)
      .filter((release) => release.window && Temporal.Instant.compare(release.window.end.toInstant(), now) > 0)
      .filter((release) => Temporal.Instant.compare(release.window!.start.toInstant(), horizon) < 0)
      .sort((a, b) => -compareReleasesNewestFirst(a, b));
    facts.push({ label: 'Next', value: countOf(next.length, 'release') });
    if (next.length > 0) {
      sections.push(
        capped(
          'Next',
          next,
          (release) => ({
            lead: STATUS_DISPLAY[release.status].label,
            body: plain(`${releaseName(hub, release)}, ${formatTimeRange(release.window!.start, release.window!.end, zone)}`),
            url: link(releasePath(release)),
          }),
          link(releaseListingPath({})),
        ),
      );
    }
    const freezes = freezesAhead(hub, audience, now, horizon);
    if (freezes.length > 0) {
      sections.push({
        heading: 'Freezes ahead',
        items: freezes.map((freeze) => ({
          lead: freeze.name,
          body: plain(
            `${formatTimeRange(freeze.start, freeze.end, zone)}${freeze.products.length > 0 ? ` (${freeze.products.map((id) => productName(hub, id)).join(', ')})` : ''}`,
          ),
        })),
      });
    }
    if (audience === 'internal') {
      const attention = hubAttention(hub, now);
      facts.push({ label: 'Needs attention', value: countOf(attention.length, 'item') });
      if (attention.length > 0) {
        sections.push(
          capped(
            'Needs attention',
            attention,
            (item) => ({
              lead:
                item.subject.type === 'release'
                  ? releaseNameById(hub, item.subject.id)
                  : (hub.runbooks.find((runbook) => runbook.id === item.subject.id)?.title ?? item.subject.id),
              body: plain(item.message),
              url: link(item.subject.type === 'release' ? releaseHrefById(hub, item.subject.id) : runbookPath(item.subject.id)),
            }),
            link(homePath()),
          ),
        );
      }
    }
  }
  if (audience === 'internal') sections.push(metricsSection(hub, period, previous));
  return {
    title: `${hub.config.title} digest: ${period.label}`,
    intro: plain(
      `What shipped in ${period.label}${latest ? (audience === 'internal' ? ', what is next and what needs attention' : ' and what is next') : ''}.`,
    ),
    facts,
    sections,
    links: [{ label: 'Open the digest', url: link(digestPath(period)) }],
    footer: hub.config.title,
  };
}

/** Metric changes: the dashboard's headline metrics of this period against the one before. */
function metricsSection(hub: Hub, period: DigestPeriod, previous: DigestPeriod): AnnouncementSection {
  const words = PERIOD_WORDS[period.kind];
  const span = (of: DigestPeriod) => ({ start: of.start.toInstant(), end: of.end.toInstant() });
  const compared = comparePeriods(hub.releases, span(period), span(previous), metricOptionsFor(hub.config));
  return {
    heading: 'Metric changes',
    items: HEADLINE_FIELDS.map((field) => {
      const definition = METRIC_DEFINITIONS[field];
      const value = compared.current[field];
      const trend = describeTrend(compared.change[field], definition, words, value !== null);
      return { lead: definition.label, body: plain(`${formatMetricValue(value, definition)} (${trend.text})`) };
    }),
  };
}

/** Freezes that end after now and start before the horizon; the public digest names public freezes only. */
function freezesAhead(hub: Hub, audience: Audience, now: Temporal.Instant, horizon: Temporal.Instant): Freeze[] {
  return hub.freezes
    .filter((freeze) => audience === 'internal' || isPublicFreeze(freeze))
    .filter((freeze) => Temporal.Instant.compare(freeze.end.toInstant(), now) > 0 && Temporal.Instant.compare(freeze.start.toInstant(), horizon) < 0)
    .sort((a, b) => Temporal.Instant.compare(a.start.toInstant(), b.start.toInstant()));
}

/** Why: a train's digest line: its title, window and how many of its members shipped. */
export function trainLine(hub: Hub, train: Train, zone: string, link: (href: string) => string): AnnouncementItem {
  const detail = trainDetail(hub, train);
  return {
    lead: train.title,
    body: plain(`${formatTimeRange(train.window.start, train.window.end, zone)}: ${countOf(detail.members.length, 'release')}, ${detail.shipped} shipped`),
    url: link(trainPath(train.id)),
  };
}

function capped<T>(heading: string, all: readonly T[], line: (value: T) => AnnouncementItem, moreUrl: string): AnnouncementSection {
  const items = all.slice(0, DIGEST_LIST_LIMIT).map(line);
  if (all.length > DIGEST_LIST_LIMIT) items.push({ body: plain(`and ${all.length - DIGEST_LIST_LIMIT} more`), url: moreUrl });
  return { heading, items };
}

function releaseName(hub: Hub, release: Release): string {
  return `${productName(hub, release.product)} ${release.version}${release.title ? `: ${release.title}` : ''}`;
}

function releaseHrefById(hub: Hub, id: string): string {
  const release = hub.releases.find((candidate) => candidate.id === id);
  return release ? releasePath(release) : homePath();
}

function releaseNameById(hub: Hub, id: string): string {
  const release = hub.releases.find((candidate) => candidate.id === id);
  return release ? `${productName(hub, release.product)} ${release.version}` : id;
}

function plain(text: string): { text: string; html: string } {
  return { text, html: escapeHtml(text) };
}

function within(instant: Temporal.Instant, start: Temporal.Instant, end: Temporal.Instant): boolean {
  return Temporal.Instant.compare(instant, start) >= 0 && Temporal.Instant.compare(instant, end) < 0;
}

function overlaps(train: Train, start: Temporal.Instant, end: Temporal.Instant): boolean {
  return Temporal.Instant.compare(train.window.start.toInstant(), end) < 0 && Temporal.Instant.compare(train.window.end.toInstant(), start) > 0;
}

/** Why: `/digest/rss.xml` (and its Atom and JSON Feed twins): one item per digest, newest period end first, for RSS-to-email tools. */
export function digestFeed(hub: Hub, digests: readonly Digest[]): ChangelogFeed {
  const site = hub.config.url;
  const base = digestPath();
  const items = digests
    .map((digest): ChangelogFeedItem => {
      const url = absoluteUrl(site, digestPath(digest.period));
      return {
        id: url,
        url,
        title: digest.message.title,
        summary: digest.message.intro?.text,
        contentHtml: feedHtml(messageHtmlBody(digest.message), url),
        published: new Date(digest.period.end.epochMilliseconds),
        publishedIso: isoDateTime(digest.period.end),
        tags: [DIGEST_KIND_LABELS[digest.period.kind]],
      };
    })
    .sort((a, b) => b.published.getTime() - a.published.getTime() || (a.id < b.id ? -1 : 1));
  return {
    title: `${hub.config.title} digests`,
    description: `Weekly and monthly digests of ${hub.config.title}: what shipped and what is next.`,
    ...feedLocations(site, base),
    updated: items[0]?.published ?? new Date(0),
    items,
  };
}
