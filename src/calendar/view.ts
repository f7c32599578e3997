/**
 * What the calendar pages render, computed here so the pages only render: which pages exist,
 * and for one page its headings, navigation, subscriptions and the words for every event.
 * Times are the hub zone's, written with format.ts (no locale data, no host zone).
 *
 * Pages: `/calendar/` and `/calendar/<yyyy>-<mm>/` for all products, `/calendar/<product>/` and
 * `/calendar/<product>/<yyyy>-<mm>/` for one product. The opening pages show the month of the
 * next window and name that month's page as canonical: a redirect would need a server or
 * JavaScript, and a static host serves both paths as they are.
 */
import type { Temporal } from 'temporal-polyfill';
import { formatDate, formatDateTime, formatMonth, isoDateTime } from '../presentation/format.ts';
import { LABELS, noReleasesText, openForText } from '../presentation/glossary.ts';
import type { Hub, HubConfig } from '../core/model.ts';
import { absoluteUrl, calendarMonthPath, calendarPath, icsPath, releasePath } from '../core/urls.ts';
import { usageViews, windowBusyFlag, type UsageView } from '../usage/view.ts';
import { describeCadence } from './cadence.ts';
import { isWholeDays, productName } from './common.ts';
import {
  calendarMonths,
  monthModel,
  nextWindow,
  nextWindowMonth,
  type CalendarEvent,
  type DayEntry,
  type FreezeEvent,
  type MonthModel,
  type OpenSlotEvent,
  type SunsetEvent,
  type WindowEvent,
} from './month.ts';

/** One HTML page of the calendar. */
export interface CalendarPage {
  /** Route param of `src/routes/calendar/[...view].astro`: the path after `/calendar/`, `undefined` for `/calendar/` itself. */
  param: string | undefined;
  /** The month shown, `YYYY-MM`. */
  month: string;
  /** The product in view; all products when undefined. */
  product?: string;
  /** `/calendar/` or `/calendar/<product>/`: the month of the next window, a copy of that month's page. */
  opening: boolean;
}

/** A link with its text; `current` marks the page being shown. */
export interface PageLink {
  href: string;
  label: string;
  current: boolean;
}

/** When an event happens, as text and as `<time datetime>` values. */
export interface When {
  start: string;
  startIso: string;
  /** Absent when the event is one whole day. */
  end?: string;
  endIso?: string;
  /** `–` between times of one day, ` – ` between days. */
  separator: string;
}

/** One calendar feed to subscribe to. */
export interface Subscription {
  /** "All products" or the product name. */
  label: string;
  /** Root-relative path of the `.ics` file. */
  path: string;
  /** Absolute https URL (what Google Calendar, Outlook and Thunderbird take). */
  url: string;
  /** The same URL as `webcal://` (opens the subscribe dialog of Apple Calendar and most phones). */
  webcal: string;
  /** The feed of the scope being shown. */
  current: boolean;
}

/** Everything one calendar page renders. */
export interface CalendarPageModel {
  page: CalendarPage;
  /** The `<h1>`: "Release calendar: December 2026" or "Northwind API releases: December 2026". */
  heading: string;
  description: string;
  /** Absolute URL of this scope's month page (the opening page's canonical). */
  canonical: string;
  model: MonthModel;
  /** The markers this page shows, explained. */
  legend: LegendEntry[];
  /** The hub zone every day and time is in. */
  zone: string;
  /** The build's "now" in the hub zone: what "today" and "open slot" are relative to. */
  asOf: string;
  /** The regular window, e.g. "02:00–04:00, every week on Tuesday"; absent without a cadence. */
  cadence?: string;
  nextWindow?: { label: string; href: string; when: When };
  prev?: PageLink;
  next?: PageLink;
  /** The same month for all products and for each product. */
  scopes: PageLink[];
  /** Every month page of this scope, grouped by year; labels are month names without the year. */
  years: { year: string; months: PageLink[] }[];
  subscriptions: Subscription[];
  /** Usage by hour of the week of the products in view (internal builds with usage data): heatmaps below the month. */
  usage: UsageView[];
  /** Busy-hour flags by event key: release windows and open slots that fall in busy hours of a product in view. */
  busy: Record<string, string[]>;
}

const pagesByHub = new WeakMap<Hub, CalendarPage[]>();

/** Why: `getStaticPaths` of the calendar: every month for all products and per product, plus opening pages. */
export function calendarPages(hub: Hub, now: Temporal.Instant): CalendarPage[] {
  const cached = pagesByHub.get(hub);
  if (cached) return cached;
  const months = calendarMonths(hub, now);
  const pages = scopesOf(hub.config).flatMap((product): CalendarPage[] => [
    { param: paramOf(calendarPath(product)), month: nextWindowMonth(hub, now, { product }), opening: true, ...scoped(product) },
    ...months.map((month) => ({ param: paramOf(calendarMonthPath(month, product)), month, opening: false, ...scoped(product) })),
  ]);
  assertUniqueParams(pages);
  pagesByHub.set(hub, pages);
  return pages;
}

/** Why: one place builds a calendar page's text, links and events, so the page template only renders. */
export function calendarPageModel(hub: Hub, now: Temporal.Instant, page: CalendarPage): CalendarPageModel {
  const { config } = hub;
  const zone = config.timezone;
  const { month, product } = page;
  const model = monthModel(hub, month, now, scoped(product));
  const monthLink = (key: string): PageLink => ({
    href: calendarMonthPath(key, product),
    label: formatMonth(key),
    current: key === month && !page.opening,
  });
  const upcoming = nextWindowSummary(hub, now, product);
  const busy = busyFlags(hub, model.agenda, product);
  return {
    page,
    heading: `${scopeTitle(config, product)}: ${formatMonth(month)}`,
    description: `${formatMonth(month)}${product ? ` for ${productName(config, product)}` : ''}: ${countEvents(model.agenda)} (times in ${zone}).`,
    canonical: absoluteUrl(config.url, calendarMonthPath(month, product)),
    model,
    legend: calendarLegend(model.agenda, Object.keys(busy).length > 0),
    zone,
    asOf: formatDateTime(now.toZonedDateTimeISO(zone), zone),
    ...(config.cadence ? { cadence: describeCadence(config.cadence) } : {}),
    ...(upcoming ? { nextWindow: upcoming } : {}),
    ...(model.prev ? { prev: monthLink(model.prev) } : {}),
    ...(model.next ? { next: monthLink(model.next) } : {}),
    scopes: scopesOf(config).map((scope) => ({
      href: calendarMonthPath(month, scope),
      label: scopeLabel(config, scope),
      current: scope === product,
    })),
    years: groupByYear(calendarMonths(hub, now)).map(({ year, keys }) => ({
      year,
      months: keys.map((key) => ({ ...monthLink(key), label: formatMonth(key).replace(/ \d+$/, '') })),
    })),
    subscriptions: calendarSubscriptions(config, product),
    usage: usageViews(hub, product),
    busy,
  };
}

/** The busy flags of a month's windows (their product) and open slots (every product in view). */
function busyFlags(hub: Hub, events: readonly CalendarEvent[], product: string | undefined): Record<string, string[]> {
  const flags: Record<string, string[]> = {};
  const inView = product === undefined ? hub.config.products.map((candidate) => candidate.id) : [product];
  for (const event of events) {
    if (event.kind === 'freeze' || event.kind === 'launch' || event.kind === 'sunset') continue;
    const products = event.kind === 'window' ? [event.product] : inView;
    const texts = products.flatMap((id) => windowBusyFlag(hub, id, event)?.text ?? []);
    if (texts.length > 0) flags[event.key] = texts;
  }
  return flags;
}

/** The `.ics` feeds of the hub (all products, then each product), for the subscribe list. */
function calendarSubscriptions(config: HubConfig, current: string | undefined): Subscription[] {
  return scopesOf(config).map((product) => {
    const url = absoluteUrl(config.url, icsPath(product));
    return {
      label: scopeLabel(config, product),
      path: icsPath(product),
      url,
      webcal: url.replace(/^https?:\/\//, 'webcal://'),
      current: product === current,
    };
  });
}

function nextWindowSummary(hub: Hub, now: Temporal.Instant, product: string | undefined): CalendarPageModel['nextWindow'] {
  const upcoming = nextWindow(hub, now, scoped(product));
  if (!upcoming) return undefined;
  return {
    label: `${productName(hub.config, upcoming.product)} ${upcoming.version}`,
    href: releasePath(upcoming),
    when: spanWhen(upcoming.window.start, upcoming.window.end, hub.config.timezone, false),
  };
}

/** Why: the NAME of an `.ics` feed, as calendar apps list it. */
export function calendarName(config: HubConfig, product?: string): string {
  return `${config.title}: ${product ? `${productName(config, product)} releases` : 'release calendar'}`;
}

/** Why: the agenda's "when" of an event: its days and times in the hub zone (whole days without times). */
export function eventWhen(event: CalendarEvent, zone: string): When {
  const wholeDays = (event.kind === 'freeze' && event.wholeDays) || event.kind === 'launch' || event.kind === 'sunset';
  return spanWhen(event.start, event.end, zone, wholeDays);
}

/** Why: a window planned in another zone than the hub's also shows the times it was planned in. */
export function plannedWhen(event: WindowEvent): When {
  return spanWhen(event.start, event.end, event.timezone, false);
}

/** Why: the short time of an event on one day of the grid: "02:00–04:00", "from 23:00", "until 01:00", "last day". */
export function entryTime(entry: DayEntry, zone: string): string {
  const { event, part } = entry;
  if (event.kind === 'launch') return 'launch day';
  if (event.kind === 'sunset') return 'removal day';
  if (event.kind === 'freeze' && event.wholeDays) return FREEZE_DAY_TEXT[part];
  const start = clock(event.start.withTimeZone(zone));
  const end = clock(event.end.withTimeZone(zone));
  if (part === 'whole') return `${start}–${end}`;
  if (part === 'start') return `from ${start}`;
  if (part === 'end') return `until ${end}`;
  return 'all day';
}

/** Why: the name of an event in the grid and the agenda, e.g. "Northwind Web 4.9.0" or "Freeze: Year-end". */
export function eventLabel(event: CalendarEvent): string {
  if (event.kind === 'window') return `${event.productName} ${event.version}`;
  if (event.kind === 'freeze') return `${LABELS.freeze}: ${event.name}`;
  if (event.kind === 'launch') return `${LABELS.launch}: ${event.productName} ${event.version}`;
  if (event.kind === 'sunset') return `${LABELS.sunset}: ${event.productName}`;
  return event.openFor ? openForText(event.openFor.map((product) => product.name)) : LABELS.openSlot;
}

/** Why: the agenda's note on a freeze: what it stops ("No releases." or "No releases of Northwind API."), then its reason. */
export function freezeNote(event: FreezeEvent): string {
  return `${noReleasesText(event.productNames)}${event.reason ? ` ${event.reason}` : ''}`;
}

/** Why: the agenda's note on a sunset, in the ICS description's words: what deprecated it, and what removes it. */
export function sunsetNote(event: SunsetEvent): string {
  const removal = event.removedIn ? `; removed in ${event.removedIn}` : event.removalVersion ? `; to be removed in ${event.removalVersion}` : '';
  return `The removal day of a deprecation in ${event.productName} ${event.version}${removal}.`;
}

/** One line of the calendar's legend. */
export interface LegendEntry {
  term: string;
  description: string;
}

/** Why: the legend explains only the markers the page shows (none for a month without events). */
export function calendarLegend(events: readonly CalendarEvent[], busyShown = false): LegendEntry[] {
  const windows = events.filter((event): event is WindowEvent => event.kind === 'window');
  const slots = events.filter((event): event is OpenSlotEvent => event.kind === 'open-slot');
  const entries: [boolean, LegendEntry][] = [
    [windows.length > 0, { term: LABELS.releaseWindow, description: 'links to its release; the badge is its status.' }],
    [events.some((event) => event.kind === 'freeze'), { term: LABELS.freeze, description: 'no release of the products named may ship; a band over its days.' }],
    [slots.some((slot) => !slot.openFor), { term: LABELS.openSlot, description: 'a regular release window with no release booked yet.' }],
    [
      slots.some((slot) => slot.openFor !== undefined),
      { term: 'Open for …', description: 'a regular release window inside a freeze of other products: open for the products named only.' },
    ],
    [windows.some((event) => event.offCadence), { term: LABELS.offCadence, description: 'a window outside the regular release windows.' }],
    [
      windows.some((event) => event.freezeException),
      { term: LABELS.freezeException, description: 'a release allowed to ship during a freeze, with its reason in the agenda.' },
    ],
    [events.some((event) => event.kind === 'launch'), { term: LABELS.launch, description: "a release's go-to-market launch day; links to its plan." }],
    [
      events.some((event) => event.kind === 'sunset'),
      { term: LABELS.sunset, description: 'the day a deprecated feature goes; links to the deprecation timeline.' },
    ],
    [busyShown, { term: 'Busy hours', description: "a window or open slot in the busiest hours of a product's usage (see below)." }],
  ];
  return entries.filter(([shown]) => shown).map(([, entry]) => entry);
}

const FREEZE_DAY_TEXT: Record<DayEntry['part'], string> = {
  whole: 'all day',
  start: 'starts',
  continues: 'continues',
  end: 'last day',
};

function spanWhen(start: Temporal.ZonedDateTime, end: Temporal.ZonedDateTime, zone: string, wholeDays: boolean): When {
  const from = start.withTimeZone(zone);
  const to = end.withTimeZone(zone);
  if (wholeDays && isWholeDays({ start: from, end: to }, zone)) {
    const first = from.toPlainDate();
    const last = to.subtract({ days: 1 }).toPlainDate();
    const base = { start: formatDate(from, zone), startIso: first.toString(), separator: ' – ' };
    if (first.equals(last)) return base;
    return { ...base, end: formatDate(to.subtract({ days: 1 }), zone), endIso: last.toString() };
  }
  const sameDay = from.toPlainDate().equals(to.toPlainDate());
  return {
    start: formatDateTime(from, zone),
    startIso: isoDateTime(from),
    end: sameDay ? clock(to) : formatDateTime(to, zone),
    endIso: isoDateTime(to),
    separator: sameDay ? '–' : ' – ',
  };
}

function clock(time: Temporal.ZonedDateTime): string {
  return `${String(time.hour).padStart(2, '0')}:${String(time.minute).padStart(2, '0')}`;
}

/** All products (`undefined`), then each product id: the scopes of pages and feeds. */
function scopesOf(config: HubConfig): (string | undefined)[] {
  return [undefined, ...config.products.map((product) => product.id)];
}

function scopeLabel(config: HubConfig, product: string | undefined): string {
  return product ? productName(config, product) : 'All products';
}

function scopeTitle(config: HubConfig, product: string | undefined): string {
  return product ? `${productName(config, product)} releases` : 'Release calendar';
}

function scoped(product: string | undefined): { product?: string } {
  return product === undefined ? {} : { product };
}

/** `/calendar/web/2026-12/` → `web/2026-12`; `/calendar/` → undefined. */
function paramOf(path: string): string | undefined {
  return path.slice(calendarPath().length).replace(/\/$/, '') || undefined;
}

function assertUniqueParams(pages: readonly CalendarPage[]): void {
  const seen = new Set<string | undefined>();
  for (const page of pages) {
    if (seen.has(page.param)) {
      throw new Error(`Two calendar pages at /calendar/${page.param ?? ''}/: a product id must not look like a month (YYYY-MM)`);
    }
    seen.add(page.param);
  }
}

function groupByYear(months: readonly string[]): { year: string; keys: string[] }[] {
  const years: { year: string; keys: string[] }[] = [];
  for (const key of months) {
    const year = key.slice(0, 4);
    const last = years.at(-1);
    if (last?.year === year) last.keys.push(key);
    else years.push({ year, keys: [key] });
  }
  return years;
}

function countEvents(events: readonly CalendarEvent[]): string {
  const count = (kind: CalendarEvent['kind']) => events.filter((event) => event.kind === kind).length;
  const phrase = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;
  return [
    phrase(count('window'), 'release window', 'release windows'),
    phrase(count('freeze'), 'freeze', 'freezes'),
    phrase(count('open-slot'), 'open slot', 'open slots'),
    ...(count('launch') > 0 ? [phrase(count('launch'), 'launch', 'launches')] : []),
    ...(count('sunset') > 0 ? [phrase(count('sunset'), 'sunset', 'sunsets')] : []),
  ].join(', ');
}
