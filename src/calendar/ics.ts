/**
 * The subscribable calendar (`/calendar.ics`, `/calendar/<product>.ics`, RFC 5545 + RFC 7986):
 * one VEVENT per release window, one per freeze, one per deprecation's removal day (a sunset) and
 * one per release train's window,
 * written with ical-generator.
 *
 * Byte-identical whatever the machine's zone: every time is a Temporal value (ical-generator
 * formats those from their own fields, never through a host-zone `Date`), DTSTAMP is the
 * build's `now`, and the VTIMEZONE blocks come from timezones-ical-library's fixed data.
 *
 * The VTIMEZONE generator is registered with `name: null`: ical-generator then writes a
 * VTIMEZONE for each event's TZID but has no calendar default zone. A calendar zone would
 * make it write DTSTAMP as a floating local time (no `Z`), which RFC 5545 §3.8.7.2 forbids,
 * and no time here is floating, so none is needed.
 */
import ical, { escape as escapeIcsText, ICalEventStatus, ICalEventTransparency, type ICalCalendar, type ICalEventData } from 'ical-generator';
import type { Temporal } from 'temporal-polyfill';
import { tzlib_get_ical_block } from 'timezones-ical-library';
import { markdownForHub } from '../markdown/fields.ts';
import { CHANGE_TYPES, type Change, type Freeze, type Hub, type Release, type ReleaseStatus, type Train } from '../core/model.ts';
import { compareTimes, monthKey } from '../core/time.ts';
import { absoluteUrl, calendarMonthPath, releasePath, trainPath } from '../core/urls.ts';
import { trainDetail } from '../trains/trains.ts';
import { freezeAppliesTo, freezesOverlapping, hasWindow, type WindowedRelease } from './conflicts.ts';
import { compareText, formatFreezeSpan, formatSpan, freezeKey, isWholeDays, productName } from './common.ts';
import { deprecationsPath, sunsets, type Sunset } from '../deprecations/deprecations.ts';

/** Options of {@link buildIcs}. */
export interface IcsOptions {
  /** The build's "now": DTSTAMP of every event. */
  now: Temporal.Instant;
  /** Only this product's releases and the freezes that apply to it; all when omitted. */
  product?: string;
  /** Absolute site URL: its host names the UIDs, and event URLs are built on it. */
  siteUrl: string;
  /** NAME / X-WR-CALNAME of the calendar. */
  calendarName: string;
}

const REFRESH_SECONDS = 6 * 60 * 60;

const STATUS_LABELS: Record<ReleaseStatus, string> = {
  planned: 'Planned',
  scheduled: 'Scheduled',
  'in-progress': 'In progress',
  released: 'Released',
  'rolled-back': 'Rolled back',
  cancelled: 'Cancelled',
};

const CHANGE_LABELS: Record<Change['type'], string> = {
  added: 'Added',
  changed: 'Changed',
  deprecated: 'Deprecated',
  removed: 'Removed',
  fixed: 'Fixed',
  security: 'Security',
};

/** What every event builder needs. */
interface IcsContext {
  hub: Hub;
  options: IcsOptions;
  host: string;
  /** Plain text of the Markdown fields, the same as feeds show. */
  text: (markdown: string, product: string) => string;
}

/** An event and the instant and UID it is ordered by. */
interface PendingEvent {
  data: ICalEventData;
  start: Temporal.ZonedDateTime;
  uid: string;
}

/**
 * Why: `/calendar.ics` and `/calendar/<product>.ics`. The caller passes a hub already filtered
 * to the build's audience; this function adds nothing it did not get.
 */
export function buildIcs(hub: Hub, options: IcsOptions): string {
  const host = new URL(options.siteUrl).hostname;
  const context: IcsContext = { hub, options, host, text: markdownForHub(hub).text };
  const releases = hub.releases.filter(hasWindow).filter((release) => !options.product || release.product === options.product);
  const freezes = hub.freezes.filter((freeze) => !options.product || freezeAppliesTo(freeze, options.product));
  const products = options.product ? [options.product] : hub.config.products.map((product) => product.id);
  // A train is in the calendar of every product it has a member of (the hub's members only).
  const trains = hub.trains.filter((train) => trainDetail(hub, train).members.some(({ release }) => !options.product || release.product === options.product));
  const events = [
    ...releases.map((release) => releaseEvent(context, release)),
    ...freezes.map((freeze) => freezeEvent(context, freeze)),
    ...sunsets(hub, products, options.now).map((sunset) => sunsetEvent(context, sunset)),
    ...trains.map((train) => trainEvent(context, train)),
  ];
  const calendar = ical({
    prodId: '//Release Hub//EN', // ical-generator writes `PRODID:-` before it
    name: escapeIcsText(options.calendarName, false), // NAME is TEXT; ical-generator writes it unescaped
    ttl: REFRESH_SECONDS, // REFRESH-INTERVAL (RFC 7986) and X-PUBLISHED-TTL
  });
  calendar.timezone({ name: null, generator: (tzid) => vtimezone(tzid).block });
  addInOrder(calendar, events);
  return `${calendar.toString()}\r\n`;
}

function addInOrder(calendar: ICalCalendar, events: PendingEvent[]): void {
  for (const event of events.sort((a, b) => compareTimes(a.start, b.start) || compareText(a.uid, b.uid))) calendar.createEvent(event.data);
}

function releaseEvent(context: IcsContext, release: WindowedRelease): PendingEvent {
  const { tzid } = vtimezone(release.timezone);
  const uid = `release-${release.product}-${release.version}@${context.host}`;
  const name = productName(context.hub.config, release.product);
  const start = release.window.start.withTimeZone(tzid);
  return {
    uid,
    start,
    data: {
      id: uid,
      sequence: release.rescheduled,
      stamp: context.options.now,
      ...eventTimes(release.window.start, release.window.end, tzid),
      summary: `${name} ${release.version}${release.title ? ` — ${release.title}` : ''}`,
      description: releaseDescription(context, release),
      url: absoluteUrl(context.options.siteUrl, releasePath(release)),
      status: releaseStatus(release.status),
    },
  };
}

function releaseStatus(status: ReleaseStatus): ICalEventStatus {
  if (status === 'cancelled') return ICalEventStatus.CANCELLED;
  if (status === 'planned') return ICalEventStatus.TENTATIVE;
  return ICalEventStatus.CONFIRMED;
}

function releaseDescription(context: IcsContext, release: WindowedRelease): string {
  const exception =
    release.freezeException !== undefined && freezesOverlapping(release, context.hub.freezes).length > 0
      ? [`Freeze exception: ${release.freezeException}`]
      : [];
  const sections = [
    [`Status: ${STATUS_LABELS[release.status]}`, `Window: ${formatSpan(release.window, release.timezone)}`, ...exception],
    release.summary ? [context.text(release.summary, release.product)] : [],
    changeLines(context, release),
    [`Release notes: ${absoluteUrl(context.options.siteUrl, releasePath(release))}`],
  ];
  return sections
    .filter((lines) => lines.length > 0)
    .map((lines) => lines.join('\n'))
    .join('\n\n');
}

function changeLines(context: IcsContext, release: Release): string[] {
  if (release.changes.length === 0) return [];
  const ordered = [...release.changes].sort((a, b) => CHANGE_TYPES.indexOf(a.type) - CHANGE_TYPES.indexOf(b.type));
  return ['Changes:', ...ordered.map((change) => changeLine(context, release, change))];
}

function changeLine(context: IcsContext, release: Release, change: Change): string {
  const breaking = change.breaking ? ' (breaking)' : '';
  return `- ${CHANGE_LABELS[change.type]}: ${context.text(change.summary, release.product)}${breaking}`;
}

function freezeEvent(context: IcsContext, freeze: Freeze): PendingEvent {
  const zone = context.hub.config.timezone;
  const uid = `freeze-${freezeKey(freeze, zone)}@${context.host}`;
  const start = freeze.start.withTimeZone(zone);
  const products = freeze.products.map((id) => productName(context.hub.config, id));
  return {
    uid,
    start,
    data: {
      id: uid,
      stamp: context.options.now,
      ...freezeTimes(freeze, zone),
      summary: `Freeze: ${freeze.name}${products.length > 0 ? ` (${products.join(', ')})` : ''}`,
      description: [
        `Freeze: ${formatFreezeSpan(freeze, zone)}`,
        `Applies to: ${products.length > 0 ? products.join(', ') : 'all products'}`,
        ...(freeze.reason ? [`\n${freeze.reason.replace(/\s+/g, ' ').trim()}`] : []),
      ].join('\n'),
      url: absoluteUrl(context.options.siteUrl, calendarMonthPath(monthKey(start, zone))),
      status: ICalEventStatus.CONFIRMED,
      // A freeze blocks releases, not people's time: don't show it as busy.
      transparency: ICalEventTransparency.TRANSPARENT,
    },
  };
}

/** A release train's window (issue 21): one event with every member, its status, and the combined changes. */
function trainEvent(context: IcsContext, train: Train): PendingEvent {
  const { tzid } = vtimezone(train.timezone);
  const uid = `train-${train.id}@${context.host}`;
  const detail = trainDetail(context.hub, train);
  const url = absoluteUrl(context.options.siteUrl, trainPath(train.id));
  const changes = detail.groups.flatMap((group) =>
    group.changes.map(
      ({ release, productName: name, change }) =>
        `- ${group.label}: ${context.text(change.summary, release.product)}${change.breaking ? ' (breaking)' : ''} (${name} ${release.version})`,
    ),
  );
  return {
    uid,
    start: train.window.start.withTimeZone(tzid),
    data: {
      id: uid,
      stamp: context.options.now,
      ...eventTimes(train.window.start, train.window.end, tzid),
      summary: `Release train: ${train.title}`,
      description: [
        [`Window: ${formatSpan(train.window, train.timezone)}`, `${detail.shipped} of ${detail.members.length} shipped`],
        train.summary ? [context.text(train.summary, detail.members[0]?.release.product ?? '')] : [],
        ['Releases:', ...detail.members.map(({ release, productName: name }) => `- ${name} ${release.version}: ${STATUS_LABELS[release.status]}`)],
        changes.length > 0 ? ['Changes:', ...changes] : [],
        [`Train page: ${url}`],
      ]
        .filter((lines) => lines.length > 0)
        .map((lines) => lines.join('\n'))
        .join('\n\n'),
      url,
      status: ICalEventStatus.CONFIRMED,
    },
  };
}

/** A deprecation's removal day (issue 20): an all-day event, linked to the deprecation timeline. */
function sunsetEvent(context: IcsContext, deprecation: Sunset): PendingEvent {
  const { release, index } = deprecation;
  const day = deprecation.removal.date;
  const uid = `sunset-${release.product}-${release.version}-${index}@${context.host}`;
  const name = productName(context.hub.config, release.product);
  const summary = context.text(deprecation.change.summary, release.product);
  return {
    uid,
    start: day,
    data: {
      id: uid,
      stamp: context.options.now,
      allDay: true,
      start: day.toPlainDate(),
      end: day.toPlainDate().add({ days: 1 }),
      summary: `Sunset: ${name}: ${summary}`,
      description: [
        `Deprecated in ${name} ${release.version}: ${summary}`,
        ...(deprecation.removedIn
          ? [`Removed in ${deprecation.removedIn.version}: ${absoluteUrl(context.options.siteUrl, releasePath(deprecation.removedIn))}`]
          : deprecation.removal.version
            ? [`To be removed in ${deprecation.removal.version}`]
            : []),
      ].join('\n'),
      url: `${absoluteUrl(context.options.siteUrl, deprecationsPath(release.product))}#${deprecation.anchor}`,
      status: ICalEventStatus.CONFIRMED,
      transparency: ICalEventTransparency.TRANSPARENT,
    },
  };
}

/** Whole days as an all-day event (DTEND is the exclusive next day); otherwise timed in the hub zone. */
function freezeTimes(freeze: Freeze, zone: string): Pick<ICalEventData, 'start' | 'end' | 'allDay' | 'timezone'> {
  if (isWholeDays(freeze, zone)) {
    return {
      allDay: true,
      start: freeze.start.withTimeZone(zone).toPlainDate(),
      end: freeze.end.withTimeZone(zone).toPlainDate(),
    };
  }
  return eventTimes(freeze.start, freeze.end, vtimezone(zone).tzid);
}

/**
 * Why: a local time inside a fall-back hour happens twice, and calendar clients do not agree on
 * which one a TZID time means: an event that starts or ends in such an hour is written in UTC
 * (`…Z`), which every client reads as the one instant it is.
 */
function eventTimes(start: Temporal.ZonedDateTime, end: Temporal.ZonedDateTime, tzid: string): Pick<ICalEventData, 'start' | 'end' | 'timezone'> {
  const local = { start: start.withTimeZone(tzid), end: end.withTimeZone(tzid) };
  if (isRepeatedWallTime(local.start) || isRepeatedWallTime(local.end)) return { start: start.withTimeZone('UTC'), end: end.withTimeZone('UTC') };
  return { ...local, timezone: tzid };
}

/** Whether the wall-clock time of `time` happens twice in its zone (the hour the clocks fall back). */
export function isRepeatedWallTime(time: Temporal.ZonedDateTime): boolean {
  const wall = time.toPlainDateTime();
  return !wall.toZonedDateTime(time.timeZoneId, { disambiguation: 'earlier' }).equals(wall.toZonedDateTime(time.timeZoneId, { disambiguation: 'later' }));
}

const vtimezones = new Map<string, { tzid: string; block: string }>();

/**
 * The VTIMEZONE of an IANA zone and the TZID it declares. Links (`US/Eastern`) resolve to
 * their canonical zone (`America/New_York`), so events use that TZID to match the block.
 */
function vtimezone(zone: string): { tzid: string; block: string } {
  const cached = vtimezones.get(zone);
  if (cached) return cached;
  const result = tzlib_get_ical_block(zone);
  const [block, tzidLine] = Array.isArray(result) ? result : [];
  if (!block || !tzidLine) throw new Error(`No VTIMEZONE data for time zone "${zone}" in timezones-ical-library`);
  const entry = { tzid: tzidLine.replace(/^TZID=/, ''), block };
  vtimezones.set(zone, entry);
  return entry;
}
