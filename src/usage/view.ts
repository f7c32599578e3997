/**
 * What the usage views render (the heatmap and its table on the calendar and usage pages, the
 * busy flags) and `/api/usage.json`, computed here so the pages only render. Numbers are written
 * with the one number formatter (no locale data).
 */
import type { Hub, Release, TimeWindow } from '../core/model.ts';
import { releasePath, usagePath } from '../core/urls.ts';
import { formatDateTime, isoDateTime } from '../presentation/format.ts';
import { formatMetricNumber, NO_DATA_CELL } from '../presentation/number-format.ts';
import { productName } from '../calendar/common.ts';
import { HOURS_PER_DAY, isBusySlot, meanAt, type HourSlot } from './profile.ts';
import {
  busyFindingText,
  busyHoursFor,
  busyWindowFindings,
  DAY_NAMES,
  slotLabel,
  usageByProduct,
  weekWindowLabel,
  windowMinutes,
  type ProductUsage,
} from './usage.ts';

/** Shade steps of the heatmap: 0 is the lowest fifth of the week's range, 4 the highest. */
export const HEAT_LEVELS = 5;

/** One hour of the heatmap and its table. */
export interface HeatCell {
  hour: number;
  /** The mean as written in the table ("1520", "no data"). */
  text: string;
  /** 0 … HEAT_LEVELS - 1; `null` without data. */
  level: number | null;
  busy: boolean;
  /** "Tuesday 03:00–04:00: 1520 requests, busy". */
  label: string;
}

/** One day of the heatmap. */
export interface HeatRow {
  day: string;
  /** "Mon". */
  short: string;
  cells: HeatCell[];
}

/** One product's usage, ready to render. */
export interface UsageView {
  product: string;
  productName: string;
  /** What a count counts ("requests"; "count" when the sidecar does not say). */
  unit: string;
  description?: string;
  /** The hub zone the hours are in. */
  zone: string;
  href: string;
  rows: HeatRow[];
  busyPercentile: number;
  /** "above 1520 requests an hour"; null without data. */
  threshold: string | null;
  /** One sentence for the heatmap's accessible name. */
  summary: string;
  /** Windows of the cadence's length, quietest first. */
  quietest: { label: string; expected: string }[];
  windowMinutes: number;
  /** Hours of data behind the profile. */
  hoursOfData: number;
}

/** Why: the products with usage data, in hub.yaml order, as the calendar and usage pages show them. */
export function usageViews(hub: Hub, product?: string): UsageView[] {
  const usage = usageByProduct(hub);
  return hub.config.products
    .filter((candidate) => (product === undefined || candidate.id === product) && usage.has(candidate.id))
    .map((candidate) => usageView(hub, usage.get(candidate.id)!));
}

function usageView(hub: Hub, usage: ProductUsage): UsageView {
  const { profile, series } = usage;
  const unit = series.unit ?? 'count';
  const known = profile.means.flat().filter((mean): mean is number => mean !== null);
  const low = Math.min(...known);
  const high = Math.max(...known);
  const number = (value: number) => formatMetricNumber(value, 'decimal');
  const rows = profile.means.map((means, dayIndex) => ({
    day: DAY_NAMES[dayIndex]!,
    short: DAY_NAMES[dayIndex]!.slice(0, 3),
    cells: means.map((mean, hour) => {
      const slot: HourSlot = { day: dayIndex + 1, hour };
      const busy = isBusySlot(profile, slot);
      const text = mean === null ? NO_DATA_CELL : number(mean);
      return {
        hour,
        text,
        level: mean === null ? null : high === low ? 0 : Math.min(HEAT_LEVELS - 1, Math.floor(((mean - low) / (high - low)) * HEAT_LEVELS)),
        busy,
        label: `${slotLabel(slot)}: ${mean === null ? NO_DATA_CELL : `${text} ${unit}`}${busy ? ', busy' : ''}`,
      };
    }),
  }));
  const extremes = extremeSlots(usage);
  const summary = extremes
    ? `Mean ${unit} per hour of the week in ${hub.config.timezone}: busiest ${slotLabel(extremes.busiest)} (${number(meanAt(profile, extremes.busiest)!)}), quietest ${slotLabel(extremes.quietest)} (${number(meanAt(profile, extremes.quietest)!)}).`
    : `No ${unit} data yet.`;
  return {
    product: series.product,
    productName: productName(hub.config, series.product),
    unit,
    ...(series.description === undefined ? {} : { description: series.description }),
    zone: hub.config.timezone,
    href: usagePath(series.product),
    rows,
    busyPercentile: profile.busyPercentile,
    threshold: profile.threshold === null ? null : `above ${number(profile.threshold)} ${unit} an hour`,
    summary,
    quietest: usage.quietest.map((window) => ({ label: weekWindowLabel(window), expected: `${number(window.expected)} ${unit}` })),
    windowMinutes: windowMinutes(hub.config),
    hoursOfData: profile.hours.flat().reduce((total, hours) => total + hours, 0),
  };
}

/** The busiest and quietest slot (the first in the week on ties), or null without data. */
function extremeSlots({ profile }: ProductUsage): { busiest: HourSlot; quietest: HourSlot } | null {
  let busiest: HourSlot | undefined;
  let quietest: HourSlot | undefined;
  for (let index = 0; index < profile.means.length * HOURS_PER_DAY; index++) {
    const slot = { day: Math.floor(index / HOURS_PER_DAY) + 1, hour: index % HOURS_PER_DAY };
    const mean = meanAt(profile, slot);
    if (mean === null) continue;
    if (!busiest || mean > meanAt(profile, busiest)!) busiest = slot;
    if (!quietest || mean < meanAt(profile, quietest)!) quietest = slot;
  }
  return busiest && quietest ? { busiest, quietest } : null;
}

/** A busy flag as a page shows it. */
export interface BusyFlag {
  /** "Falls in busy hours of Northwind Web usage: Tuesday 09:00–10:00." */
  text: string;
  /** The product's usage page. */
  href: string;
}

/** Why: the release page flags a window in busy hours of its product (internal builds: a public hub has no usage). */
export function releaseBusyFlag(hub: Hub, release: Release): BusyFlag | null {
  return release.window ? windowBusyFlag(hub, release.product, release.window) : null;
}

/** Why: the calendar flags each window and open slot in busy hours, with the products whose usage is busy then. */
export function windowBusyFlag(hub: Hub, product: string, window: TimeWindow): BusyFlag | null {
  const busy = busyHoursFor(hub, product, window);
  if (busy.length === 0) return null;
  return { text: `In busy hours of ${productName(hub.config, product)} usage: ${busy.map(slotLabel).join(', ')}.`, href: usagePath(product) };
}

/** The `/api/usage.json` document. */
export interface UsageDocument {
  /** The hub zone of every hour of the week. */
  timezone: string;
  products: {
    product: string;
    unit: string | null;
    description: string | null;
    busyPercentile: number;
    /** The busy threshold (a mean per hour); null without data. */
    threshold: number | null;
    /** 168 hours, Monday 00:00 first: day 1–7 (ISO), hour 0–23, the mean (null without data), the hours of data behind it, and whether it is busy. */
    profile: { day: number; hour: number; mean: number | null; hours: number; busy: boolean }[];
    /** Windows of `windowMinutes`, quietest first. */
    windowMinutes: number;
    quietestWindows: { day: number; start: string; label: string; expected: number }[];
  }[];
  /** Upcoming release windows and cadence slots in busy hours, the build's warnings. */
  busy: {
    kind: string;
    product: string;
    release: string | null;
    url: string | null;
    start: string;
    end: string;
    label: string;
    busyHours: string[];
    message: string;
    fix: string;
  }[];
}

/** Why: tools read the profile, the quietest windows and the busy flags as JSON (internal builds). */
export function usageDocument(hub: Hub, absolute: (path: string) => string): UsageDocument {
  const usage = usageByProduct(hub);
  const minutes = windowMinutes(hub.config);
  const zone = hub.config.timezone;
  const releases = new Map(hub.releases.map((release) => [release.id, release]));
  return {
    timezone: zone,
    products: [...usage.values()].map(({ series, profile, quietest }) => ({
      product: series.product,
      unit: series.unit ?? null,
      description: series.description ?? null,
      busyPercentile: series.busyPercentile,
      threshold: profile.threshold,
      profile: profile.means.flatMap((means, dayIndex) =>
        means.map((mean, hour) => ({
          day: dayIndex + 1,
          hour,
          mean,
          hours: profile.hours[dayIndex]![hour]!,
          busy: isBusySlot(profile, { day: dayIndex + 1, hour }),
        })),
      ),
      windowMinutes: minutes,
      quietestWindows: quietest.map((window) => ({
        day: window.start.day,
        start: `${String(window.start.hour).padStart(2, '0')}:00`,
        label: weekWindowLabel(window),
        expected: window.expected,
      })),
    })),
    busy: busyWindowFindings(hub).map((finding) => {
      const release = finding.release === undefined ? undefined : releases.get(finding.release);
      return {
        kind: finding.kind,
        product: finding.product,
        release: finding.release ?? null,
        url: release ? absolute(releasePath(release)) : null,
        start: isoDateTime(finding.window.start.withTimeZone(zone)),
        end: isoDateTime(finding.window.end.withTimeZone(zone)),
        label: formatDateTime(finding.window.start, zone),
        busyHours: finding.busy.map(slotLabel),
        ...busyFindingText(finding, usage.get(finding.product)),
      };
    }),
  };
}

/** One window in busy hours as the usage page lists it. */
export interface BusyListItem {
  /** "Tue 17 Nov 2026, 03:30: web 1.3.0" or "Cadence: Tue 3 Nov 2026, 02:00". */
  label: string;
  /** The release page, for a release window. */
  href?: string;
  message: string;
  fix: string;
}

/** Why: the usage page lists the same findings the build warns about, for its product. */
export function usageBusyList(hub: Hub, product: string): BusyListItem[] {
  const usage = usageByProduct(hub).get(product);
  const zone = hub.config.timezone;
  const releases = new Map(hub.releases.map((release) => [release.id, release]));
  return busyWindowFindings(hub)
    .filter((finding) => finding.product === product)
    .map((finding) => {
      const release = finding.release === undefined ? undefined : releases.get(finding.release);
      const when = formatDateTime(finding.window.start, zone);
      const { message, fix } = busyFindingText(finding, usage);
      const sentence = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);
      return release
        ? {
            label: `${productName(hub.config, release.product)} ${release.version} (${when})`,
            href: releasePath(release),
            message: sentence(message),
            fix: sentence(fix),
          }
        : { label: `Cadence slot of ${when}`, message: sentence(message), fix: sentence(fix) };
    });
}
