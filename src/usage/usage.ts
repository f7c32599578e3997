/**
 * Usage per product for a hub (SPEC §6): each product's profile and quietest windows, computed
 * once per hub object, and the findings about windows in busy hours (release windows and the
 * cadence's slots), which the loader reports as warnings and the pages show as flags.
 */
import { Temporal } from 'temporal-polyfill';
import type { Hub, HubConfig, ReleaseStatus, TimeWindow, UsageSeries } from '../core/model.ts';
import { expandCadence } from '../calendar/cadence.ts';
import { busyHoursOf, hourOfWeekProfile, quietestWindows, type HourSlot, type UsageProfile, type WeekWindow } from './profile.ts';

/** How many quietest windows each product lists. */
export const QUIET_WINDOW_COUNT = 3;

/** The length of a window when the hub has no cadence. */
export const DEFAULT_WINDOW_MINUTES = 60;

/** Releases whose window is still to come: only these are warned about (a past window cannot move). */
const UPCOMING: readonly ReleaseStatus[] = ['planned', 'scheduled'];

/** How far the cadence is expanded to find each of its weekly slots: a year covers monthly and yearly rules. */
const CADENCE_SAMPLE = { days: 366 };

/** One product's usage, ready to show. */
export interface ProductUsage {
  series: UsageSeries;
  profile: UsageProfile;
  /** Windows of the cadence's length (else an hour), quietest first. */
  quietest: WeekWindow[];
}

const cache = new WeakMap<Hub, Map<string, ProductUsage>>();

/** Why: the heatmaps, flags, JSON and warnings of one build all read the same profiles. */
export function usageByProduct(hub: Hub): Map<string, ProductUsage> {
  const cached = cache.get(hub);
  if (cached) return cached;
  const minutes = windowMinutes(hub.config);
  const usage = new Map<string, ProductUsage>();
  for (const series of hub.usage ?? []) {
    const profile = hourOfWeekProfile(series.samples, hub.config.timezone, series.busyPercentile);
    usage.set(series.product, { series, profile, quietest: quietestWindows(profile, minutes, QUIET_WINDOW_COUNT) });
  }
  cache.set(hub, usage);
  return usage;
}

/** Why: quiet windows are as long as the hub's regular window, so they can replace it. */
export function windowMinutes(config: HubConfig): number {
  return config.cadence?.durationMinutes ?? DEFAULT_WINDOW_MINUTES;
}

/** A window that falls in busy hours of its product. */
export interface BusyFinding {
  kind: 'busy-release-window' | 'busy-cadence-slot';
  product: string;
  /** The release id, for a release window. */
  release?: string;
  /** The window (for the cadence: its first slot of that weekday and time in the sample). */
  window: TimeWindow;
  /** The busy hours it overlaps, in order. */
  busy: HourSlot[];
}

/**
 * Why: the one list of busy windows: the windows of upcoming releases (planned, scheduled) and each
 * weekly slot of the cadence (by weekday and start time, over a year from the product's first
 * sample), for every product with usage data. The build warns with it; the attention list can
 * take the same findings.
 */
export function busyWindowFindings(hub: Hub): BusyFinding[] {
  const usage = usageByProduct(hub);
  const findings: BusyFinding[] = [];
  for (const release of hub.releases) {
    const product = usage.get(release.product);
    if (!product || !release.window || !UPCOMING.includes(release.status)) continue;
    const busy = busyHoursOf(release.window, product.profile);
    if (busy.length > 0) findings.push({ kind: 'busy-release-window', product: release.product, release: release.id, window: release.window, busy });
  }
  const { cadence, timezone } = hub.config;
  if (!cadence) return findings;
  for (const [id, product] of usage) {
    const first = product.series.samples[0]?.at;
    if (!first) continue;
    const seen = new Set<string>();
    for (const slot of expandCadence(cadence, timezone, first, first.toZonedDateTimeISO('UTC').add(CADENCE_SAMPLE).toInstant())) {
      const key = `${slot.start.dayOfWeek} ${slot.start.toPlainTime().toString()}`;
      if (seen.has(key)) continue;
      seen.add(key);
      const busy = busyHoursOf(slot, product.profile);
      if (busy.length > 0) findings.push({ kind: 'busy-cadence-slot', product: id, window: slot, busy });
    }
  }
  return findings;
}

/** Why: the words of a busy-window warning (the build) and of its flag (pages): which busy hours, and a quiet window to move to. */
export function busyFindingText(finding: BusyFinding, usage: ProductUsage | undefined): { message: string; fix: string } {
  const hours = finding.busy.map(slotLabel);
  const listed = hours.length > 3 ? `${hours.slice(0, 3).join(', ')} and ${hours.length - 3} more` : hours.join(', ');
  const what = finding.kind === 'busy-cadence-slot' ? `the cadence's slots on ${DAY_NAMES[finding.window.start.dayOfWeek - 1]}s fall` : 'falls';
  const quiet = usage?.quietest[0];
  return {
    message: `${what} in busy hours of ${finding.product} usage (${listed})`,
    fix: quiet && usage ? `move it to a quiet window such as ${weekWindowLabel(quiet)} (${usage.series.source.file})` : 'move it to hours with less usage',
  };
}

/** Why: the busy hours of `window` for `product`, empty without usage data (calendar and release pages). */
export function busyHoursFor(hub: Hub, product: string, window: TimeWindow): HourSlot[] {
  const usage = usageByProduct(hub).get(product);
  return usage ? busyHoursOf(window, usage.profile) : [];
}

/** Day names of ISO weekdays 1–7, index 0 Monday. */
export const DAY_NAMES = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'] as const;

/** Why: one wording of an hour of the week: "Tuesday 03:00–04:00". */
export function slotLabel(slot: HourSlot): string {
  const clock = (hour: number) => `${String(hour % 24).padStart(2, '0')}:00`;
  return `${DAY_NAMES[slot.day - 1]} ${clock(slot.hour)}–${clock(slot.hour + 1)}`;
}

/** Why: one wording of a week window: "Tuesday 02:00–04:00", or "Sunday 23:00–Monday 01:00" past midnight. */
export function weekWindowLabel(window: Pick<WeekWindow, 'start' | 'minutes'>): string {
  const start = Temporal.PlainTime.from({ hour: window.start.hour });
  const clock = (time: Temporal.PlainTime) => time.toString({ smallestUnit: 'minute' });
  // The day of the window's last minute: a window ending at midnight ends on its own day.
  const endDay = Math.floor((window.start.hour * 60 + window.minutes - 1) / 1440);
  const end = clock(start.add({ minutes: window.minutes }));
  const startDay = window.start.day - 1;
  return `${DAY_NAMES[startDay]} ${clock(start)}–${endDay === 0 ? end : `${DAY_NAMES[(startDay + endDay) % 7]} ${end}`}`;
}
