/**
 * View model of the calendar pages (`/calendar/`, `/calendar/<yyyy>-<mm>/`): which months
 * exist, and for one month the ISO weeks (Monday first) of days with their events, plus an
 * agenda of the same events. Months, weeks and days are the hub zone's (SPEC §2).
 *
 * Decisions where the spec is silent:
 * - An event appears on every day of the month it covers (half-open: a window ending at
 *   00:00 does not reach the next day), with `part` telling whether it starts, continues or
 *   ends there. Days of the leading/trailing weeks outside the month carry no entries: each
 *   month page shows its own days only, so nothing is listed twice across pages.
 * - Open slots are decided over the products in view (the whole hub, or `options.product`):
 *   a cadence slot is open when no non-cancelled release in view starts at that instant, it
 *   starts at or after `now` (a past slot is not bookable), and not every product in view is
 *   frozen then. A slot inside a freeze of some products only is open for the others, and
 *   says so (`openFor`): no slot reads "Open slot" inside a freeze. The cadence is one release
 *   train for the hub, so a slot booked by any product is not shown as open in the hub-wide view.
 * - Cancelled releases stay on the calendar (with their status) and count for the range of
 *   months, but do not book a slot and are never the "next window".
 * - Launch days and sunsets (deprecations' removal days) are whole days on the months that have
 *   a page; they do not add months to the range.
 * - The hub is treated as immutable: windows are indexed by month once per hub object.
 */
import { Temporal } from 'temporal-polyfill';
import { compareTimes, monthKey } from '../core/time.ts';
import type { Freeze, Hub, ReleaseStatus, TimeWindow } from '../core/model.ts';
import { expandCadence, isOnCadence, type CadenceSlot } from './cadence.ts';
import { freezeAppliesTo, freezesOverlapping, hasWindow, overlaps, type WindowedRelease } from './conflicts.ts';
import { releasePath } from '../core/urls.ts';
import { launchingReleases } from '../gtm/gtm.ts';
import { deprecationsPath, sunsets } from '../deprecations/deprecations.ts';
import { markdownForHub } from '../markdown/fields.ts';
import { compareText, freezeKey, isWholeDays, productName } from './common.ts';

/** A release window on the calendar; times are in the hub zone. */
export interface WindowEvent {
  kind: 'window';
  /** Unique among the month's events and stable: a valid HTML id (letters, digits, `-`, `_`). */
  key: string;
  /** The release id (`<product>/<version>`). */
  id: string;
  product: string;
  productName: string;
  version: string;
  title?: string;
  status: ReleaseStatus;
  /** Root-relative URL of the release page. */
  url: string;
  start: Temporal.ZonedDateTime;
  end: Temporal.ZonedDateTime;
  /** The release's own zone (`window.timezone`), for showing the time where it was planned. */
  timezone: string;
  /** The hub has a cadence and the window does not start at one of its slots. */
  offCadence: boolean;
  /** Names of the freezes of this product that the window overlaps. */
  freezes: string[];
  /** The window overlaps a freeze and the release has a `freezeException`. */
  freezeException: boolean;
  freezeExceptionReason?: string;
}

/** A freeze (blackout) on the calendar; times are in the hub zone, `end` exclusive. */
export interface FreezeEvent {
  kind: 'freeze';
  key: string;
  name: string;
  /** Product ids; empty means every product. */
  products: string[];
  productNames: string[];
  reason?: string;
  start: Temporal.ZonedDateTime;
  end: Temporal.ZonedDateTime;
  /** Runs from midnight to midnight: show days, not times. */
  wholeDays: boolean;
}

/** A cadence slot nobody has booked yet (see the module notes for the exact rule). */
export interface OpenSlotEvent {
  kind: 'open-slot';
  key: string;
  start: Temporal.ZonedDateTime;
  end: Temporal.ZonedDateTime;
  /** Set when a freeze covers some products in view at that time: the products the slot is open for. */
  openFor?: { id: string; name: string }[];
}

/** A release's go-to-market launch day (internal: a public hub has no plans); `end` is the next day's start. */
export interface LaunchEvent {
  kind: 'launch';
  key: string;
  /** The release id (`<product>/<version>`). */
  id: string;
  product: string;
  productName: string;
  version: string;
  /** Root-relative URL of the release page's go-to-market section. */
  url: string;
  start: Temporal.ZonedDateTime;
  end: Temporal.ZonedDateTime;
}

/** A deprecation's removal day (src/deprecations: public, so in both builds); `end` is the next day's start. */
export interface SunsetEvent {
  kind: 'sunset';
  key: string;
  product: string;
  productName: string;
  /** The version that deprecated the feature. */
  version: string;
  /** The deprecated change, as plain text. */
  summary: string;
  /** The version that removed it, or else the one that is to remove it, when known. */
  removedIn?: string;
  removalVersion?: string;
  /** Root-relative URL of the deprecation on its product's timeline. */
  url: string;
  start: Temporal.ZonedDateTime;
  end: Temporal.ZonedDateTime;
}

/** Anything shown on the calendar. */
export type CalendarEvent = WindowEvent | FreezeEvent | OpenSlotEvent | LaunchEvent | SunsetEvent;

/** Which part of an event falls on a day: all of it, its first day, a middle day or its last day. */
export type DayPart = 'whole' | 'start' | 'continues' | 'end';

/** One event as shown on one day. */
export interface DayEntry {
  event: CalendarEvent;
  part: DayPart;
}

/** One cell of the month grid. */
export interface CalendarDay {
  date: Temporal.PlainDate;
  /** False for the leading/trailing days of the first/last week (they carry no entries). */
  inMonth: boolean;
  isToday: boolean;
  /** Sorted by start, then end, then kind (freeze, window, open slot), then key. */
  entries: DayEntry[];
}

/** Everything a month page renders. */
export interface MonthModel {
  /** `YYYY-MM`. */
  month: string;
  /** The hub zone that days and times are shown in. */
  timezone: string;
  /** ISO weeks, Monday first, seven days each. */
  weeks: CalendarDay[][];
  /** The month's events, each once, in the same order as day entries. */
  agenda: CalendarEvent[];
  /** Neighbouring calendar months that have a page, or null at the ends. */
  prev: string | null;
  next: string | null;
}

/** Options of {@link monthModel}. */
export interface MonthModelOptions {
  /** Show one product only: its windows, the freezes that apply to it, slots open for it. */
  product?: string;
}

const KIND_ORDER: Record<CalendarEvent['kind'], number> = { freeze: 0, window: 1, 'open-slot': 2, launch: 3, sunset: 4 };

/** Why: one page per month from the first to the last window or freeze; at least the current month. */
export function calendarMonths(hub: Hub, now: Temporal.Instant): readonly string[] {
  const index = monthIndex(hub);
  if (!index.first || !index.last) return [monthOf(now, hub.config.timezone)];
  // Every month page asks for its neighbours: the range is worked out once per hub.
  index.months ??= monthRange(index.first, index.last);
  return index.months;
}

/** Why: "when is the next release window?" — the first non-cancelled window starting at or after now. */
export function nextWindow(hub: Hub, now: Temporal.Instant, options: MonthModelOptions = {}): WindowedRelease | undefined {
  const upcoming = monthIndex(hub).bookable;
  // The first window starting at or after now, then the first of those in view.
  let low = 0;
  let high = upcoming.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (upcoming[middle]!.window.start.epochNanoseconds < now.epochNanoseconds) low = middle + 1;
    else high = middle;
  }
  return upcoming.slice(low).find((release) => inView(release.product, options));
}

/** Why: `/calendar/` (and a product's calendar) opens on the month of the next window, else on the last month. */
export function nextWindowMonth(hub: Hub, now: Temporal.Instant, options: MonthModelOptions = {}): string {
  const zone = hub.config.timezone;
  const upcoming = nextWindow(hub, now, options);
  if (upcoming) return monthKey(upcoming.window.start, zone);
  return calendarMonths(hub, now).at(-1) ?? monthOf(now, zone);
}

/** Why: the whole view model of one month page, so the page only renders. */
export function monthModel(hub: Hub, month: string, now: Temporal.Instant, options: MonthModelOptions = {}): MonthModel {
  const zone = hub.config.timezone;
  const range = monthBounds(month, zone);
  const index = monthIndex(hub);
  const touches = (span: TimeWindow) => touchesMonth(span, month, zone);
  const windows = (index.windowsByMonth.get(month) ?? []).filter((release) => inView(release.product, options));
  const freezes = hub.freezes.filter((freeze) => !options.product || freezeAppliesTo(freeze, options.product));
  const slots = monthSlots(hub, range, windows);
  const events = [
    ...freezes.filter(touches).map((freeze) => freezeEvent(hub, freeze)),
    ...windows.map((release) => windowEvent(hub, release, slots)),
    ...openSlots(hub, slots, now, index.bookings, freezes, options).filter(touches),
    ...(dayEventsOf(hub, now, options).get(month) ?? []),
  ].sort(compareEvents);
  const months = calendarMonths(hub, now);
  return {
    month,
    timezone: zone,
    weeks: monthWeeks(range, zone, now, events),
    agenda: events,
    prev: months.filter((key) => key < month).at(-1) ?? null,
    next: months.find((key) => key > month) ?? null,
  };
}

/** A hub's windows by the months they touch, so each month page reads only its own. */
interface MonthIndex {
  /** First and last month touched by a window or freeze (undefined when there are none). */
  first: string | undefined;
  last: string | undefined;
  windowsByMonth: Map<string, WindowedRelease[]>;
  /** Non-cancelled windows by start instant (epoch nanoseconds): what books a cadence slot. */
  bookings: Map<bigint, WindowedRelease[]>;
  /** Non-cancelled windows in start order (ties by id): "the next window" is a search in it. */
  bookable: WindowedRelease[];
  /** Every month from `first` to `last`, once asked for. */
  months?: string[];
}

/** Built once per hub object: a build makes one hub and renders every month from it. */
const monthIndexes = new WeakMap<Hub, MonthIndex>();

function monthIndex(hub: Hub): MonthIndex {
  const cached = monthIndexes.get(hub);
  if (cached) return cached;
  const zone = hub.config.timezone;
  const windowsByMonth = new Map<string, WindowedRelease[]>();
  const bookings = new Map<bigint, WindowedRelease[]>();
  const touched = hub.freezes.flatMap((freeze) => monthSpan(freeze, zone));
  for (const release of hub.releases.filter(hasWindow)) {
    const [first, last] = monthSpan(release.window, zone);
    touched.push(first, last);
    for (const month of monthRange(first, last)) append(windowsByMonth, month, release);
    if (release.status !== 'cancelled') append(bookings, release.window.start.epochNanoseconds, release);
  }
  touched.sort(compareText);
  const bookable = [...bookings.values()].flat().sort((a, b) => compareTimes(a.window.start, b.window.start) || compareText(a.id, b.id));
  const index = { first: touched[0], last: touched.at(-1), windowsByMonth, bookings, bookable };
  monthIndexes.set(hub, index);
  return index;
}

function append<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

function inView(product: string, options: MonthModelOptions): boolean {
  return !options.product || options.product === product;
}

function windowEvent(hub: Hub, release: WindowedRelease, slots: readonly CadenceSlot[]): WindowEvent {
  const zone = hub.config.timezone;
  const freezes = freezesOverlapping(release, hub.freezes).map((freeze) => freeze.name);
  const excepted = freezes.length > 0 && release.freezeException !== undefined;
  return {
    kind: 'window',
    key: `window-${release.id.replace(/\./g, '_').replace(/[^A-Za-z0-9_-]/g, '-')}`,
    id: release.id,
    product: release.product,
    productName: productName(hub.config, release.product),
    version: release.version,
    ...(release.title === undefined ? {} : { title: release.title }),
    status: release.status,
    url: releasePath(release),
    start: release.window.start.withTimeZone(zone),
    end: release.window.end.withTimeZone(zone),
    timezone: release.timezone,
    offCadence: hub.config.cadence !== undefined && !isOnCadence(release.window, slots),
    freezes,
    freezeException: excepted,
    ...(excepted ? { freezeExceptionReason: release.freezeException } : {}),
  };
}

const dayEventsByHub = new WeakMap<Hub, Map<string, Map<string, (LaunchEvent | SunsetEvent)[]>>>();

/**
 * The launch days and sunsets in view by the months they touch, worked out once per hub, "now" and
 * scope: every month page of the scope reads its own from the same index.
 */
function dayEventsOf(hub: Hub, now: Temporal.Instant, options: MonthModelOptions): Map<string, (LaunchEvent | SunsetEvent)[]> {
  let byScope = dayEventsByHub.get(hub);
  if (!byScope) {
    byScope = new Map();
    dayEventsByHub.set(hub, byScope);
  }
  const key = `${now.epochNanoseconds}\u0000${options.product ?? ''}`;
  let byMonth = byScope.get(key);
  if (!byMonth) {
    byMonth = new Map();
    const zone = hub.config.timezone;
    for (const event of [...launchEvents(hub, options), ...sunsetEvents(hub, now, options)]) {
      const [first, last] = monthSpan(event, zone);
      for (const month of monthRange(first, last)) append(byMonth, month, event);
    }
    byScope.set(key, byMonth);
  }
  return byMonth;
}

/** The launch days of the plans that need a launch (`gtm.required`, a `launchDate`, not cancelled), as whole days of the hub zone. */
function launchEvents(hub: Hub, options: MonthModelOptions): LaunchEvent[] {
  const zone = hub.config.timezone;
  return launchingReleases(hub.releases)
    .filter((release) => inView(release.product, options))
    .map((release) => {
      const start = release.gtm.launchDate.toPlainDate().toZonedDateTime(zone);
      return {
        kind: 'launch',
        key: `launch-${release.product}-${release.version.replace(/[^A-Za-z0-9_-]/g, '-')}`,
        id: release.id,
        product: release.product,
        productName: productName(hub.config, release.product),
        version: release.version,
        url: `${releasePath(release)}#gtm`,
        start,
        end: start.add({ days: 1 }),
      };
    });
}

/** The removal days of the deprecations in view (`sunsets`, the ICS's rule), as whole days of the hub zone. */
function sunsetEvents(hub: Hub, now: Temporal.Instant, options: MonthModelOptions): SunsetEvent[] {
  const zone = hub.config.timezone;
  const text = markdownForHub(hub).text;
  const products = options.product ? [options.product] : hub.config.products.map((product) => product.id);
  return sunsets(hub, products, now).map(({ release, index, change, removal, removedIn, anchor }) => {
    const start = removal.date.toPlainDate().toZonedDateTime(zone);
    return {
      kind: 'sunset',
      key: `sunset-${release.product}-${release.version.replace(/[^A-Za-z0-9_-]/g, '-')}-${index}`,
      product: release.product,
      productName: productName(hub.config, release.product),
      version: release.version,
      summary: text(change.summary, release.product),
      ...(removedIn ? { removedIn: removedIn.version } : removal.version ? { removalVersion: removal.version } : {}),
      url: `${deprecationsPath(release.product)}#${anchor}`,
      start,
      end: start.add({ days: 1 }),
    };
  });
}

function freezeEvent(hub: Hub, freeze: Freeze): FreezeEvent {
  const zone = hub.config.timezone;
  return {
    kind: 'freeze',
    key: `freeze-${freezeKey(freeze, zone)}`,
    name: freeze.name,
    products: [...freeze.products],
    productNames: freeze.products.map((id) => productName(hub.config, id)),
    ...(freeze.reason === undefined ? {} : { reason: freeze.reason }),
    start: freeze.start.withTimeZone(zone),
    end: freeze.end.withTimeZone(zone),
    wholeDays: isWholeDays(freeze, zone),
  };
}

/** The cadence slots that touch the month or start any of its windows (none without a cadence). */
function monthSlots(hub: Hub, range: TimeWindow, windows: readonly WindowedRelease[]): CadenceSlot[] {
  const { cadence, timezone: zone } = hub.config;
  if (!cadence) return [];
  const from = windows
    .map((release) => release.window.start)
    .reduce((earliest, start) => (compareTimes(start, earliest) < 0 ? start : earliest), range.start.subtract({ minutes: cadence.durationMinutes }));
  return expandCadence(cadence, zone, from.toInstant(), range.end.toInstant());
}

function openSlots(
  hub: Hub,
  slots: readonly CadenceSlot[],
  now: Temporal.Instant,
  bookings: MonthIndex['bookings'],
  freezes: readonly Freeze[],
  options: MonthModelOptions,
): OpenSlotEvent[] {
  const products = options.product ? [options.product] : hub.config.products.map((product) => product.id);
  const isBooked = (slot: CadenceSlot) => (bookings.get(slot.start.epochNanoseconds) ?? []).some((release) => inView(release.product, options));
  const openProducts = (slot: CadenceSlot) =>
    products.filter((product) => !freezes.some((freeze) => freezeAppliesTo(freeze, product) && overlaps(slot, freeze)));
  return slots
    .filter((slot) => Temporal.Instant.compare(slot.start.toInstant(), now) >= 0)
    .filter((slot) => !isBooked(slot))
    .flatMap((slot) => {
      const open = openProducts(slot);
      if (open.length === 0) return [];
      const openFor = open.length < products.length ? open.map((id) => ({ id, name: productName(hub.config, id) })) : undefined;
      return [openSlotEvent(slot, openFor)];
    });
}

function openSlotEvent(slot: CadenceSlot, openFor: OpenSlotEvent['openFor']): OpenSlotEvent {
  const local = slot.start.toPlainDateTime().toString({ smallestUnit: 'minute' });
  return { kind: 'open-slot', key: `slot-${local.replace(':', '')}`, start: slot.start, end: slot.end, ...(openFor ? { openFor } : {}) };
}

function monthWeeks(range: TimeWindow, zone: string, now: Temporal.Instant, events: readonly CalendarEvent[]): CalendarDay[][] {
  const first = range.start.toPlainDate();
  const last = range.end.toPlainDate().subtract({ days: 1 });
  const gridStart = first.subtract({ days: first.dayOfWeek - 1 });
  const gridEnd = last.add({ days: 7 - last.dayOfWeek });
  const today = now.toZonedDateTimeISO(zone).toPlainDate();
  const entries = entriesByDay(events, zone);
  const weeks: CalendarDay[][] = [];
  for (let day = gridStart; Temporal.PlainDate.compare(day, gridEnd) <= 0; day = day.add({ days: 1 })) {
    const inMonth = day.month === first.month;
    if (day.dayOfWeek === 1) weeks.push([]);
    weeks.at(-1)?.push({
      date: day,
      inMonth,
      isToday: day.equals(today),
      entries: inMonth ? (entries.get(day.toString()) ?? []) : [],
    });
  }
  return weeks;
}

/** Day (`YYYY-MM-DD`) → entries of the events covering it, in event order. */
function entriesByDay(events: readonly CalendarEvent[], zone: string): Map<string, DayEntry[]> {
  const byDay = new Map<string, DayEntry[]>();
  for (const event of events) {
    const first = event.start.withTimeZone(zone).toPlainDate();
    const last = lastCoveredTime(event).withTimeZone(zone).toPlainDate();
    for (let day = first; Temporal.PlainDate.compare(day, last) <= 0; day = day.add({ days: 1 })) {
      append(byDay, day.toString(), { event, part: dayPart(day.equals(first), day.equals(last)) });
    }
  }
  return byDay;
}

function dayPart(isFirst: boolean, isLast: boolean): DayPart {
  if (isFirst) return isLast ? 'whole' : 'start';
  return isLast ? 'end' : 'continues';
}

function compareEvents(a: CalendarEvent, b: CalendarEvent): number {
  return compareTimes(a.start, b.start) || compareTimes(a.end, b.end) || KIND_ORDER[a.kind] - KIND_ORDER[b.kind] || compareText(a.key, b.key);
}

/** `[start, end)` of the hub zone's month `YYYY-MM`. */
function monthBounds(month: string, zone: string): TimeWindow {
  if (!/^\d{4}-\d{2}$/.test(month)) throw new Error(`month must be written YYYY-MM, got "${month}"`);
  const first = Temporal.PlainYearMonth.from(month).toPlainDate({ day: 1 });
  return {
    start: first.toZonedDateTime({ timeZone: zone }),
    end: first.add({ months: 1 }).toZonedDateTime({ timeZone: zone }),
  };
}

function monthRange(first: string, last: string): string[] {
  const months: string[] = [];
  const end = Temporal.PlainYearMonth.from(last);
  for (let month = Temporal.PlainYearMonth.from(first); Temporal.PlainYearMonth.compare(month, end) <= 0; month = month.add({ months: 1 })) {
    months.push(month.toString());
  }
  return months;
}

/** First and last month (`YYYY-MM`, hub zone) that a span touches. */
function monthSpan(span: TimeWindow, zone: string): [string, string] {
  return [monthKey(span.start, zone), monthKey(lastCoveredTime(span), zone)];
}

function touchesMonth(span: TimeWindow, month: string, zone: string): boolean {
  const [first, last] = monthSpan(span, zone);
  return first <= month && month <= last;
}

/** The last instant inside `[start, end)` (the start itself for a zero-length span). */
function lastCoveredTime(span: TimeWindow): Temporal.ZonedDateTime {
  return compareTimes(span.end, span.start) > 0 ? span.end.subtract({ nanoseconds: 1 }) : span.start;
}

function monthOf(now: Temporal.Instant, zone: string): string {
  return monthKey(now.toZonedDateTimeISO(zone), zone);
}
