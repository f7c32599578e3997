/**
 * Small shared pieces of the calendar: stable ids and names, and the plain-text rendering of
 * time spans used by conflict messages and ICS descriptions. Never reads the machine's zone.
 */
import type { Temporal } from 'temporal-polyfill';
import type { Freeze, HubConfig, TimeWindow } from '../core/model.ts';

/** Why: display name of a product id; falls back to the id so a text is never empty. */
export function productName(config: Pick<HubConfig, 'products'>, productId: string): string {
  return config.products.find((product) => product.id === productId)?.name ?? productId;
}

/** Why: freezes have no id; name + first day (hub zone) identifies one stably (ICS UID, HTML ids). */
export function freezeKey(freeze: Pick<Freeze, 'name' | 'start'>, hubZone: string): string {
  return `${slugify(freeze.name) || 'freeze'}-${freeze.start.withTimeZone(hubZone).toPlainDate().toString()}`;
}

/** ASCII and stable whatever the name's accents or punctuation (ids and UIDs). */
function slugify(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}

/** Why: a freeze or slot that runs from midnight to midnight is shown (and exported) as whole days. */
export function isWholeDays(span: TimeWindow, zone: string): boolean {
  const start = span.start.withTimeZone(zone);
  const end = span.end.withTimeZone(zone);
  return start.equals(start.startOfDay()) && end.equals(end.startOfDay()) && !start.equals(end);
}

/** Why: messages name a window the way people write it: `2026-03-10 02:00–04:00 Europe/Berlin`. */
export function formatSpan(span: TimeWindow, zone: string): string {
  const start = span.start.withTimeZone(zone);
  const end = span.end.withTimeZone(zone);
  const sameDay = start.toPlainDate().equals(end.toPlainDate());
  const endText = sameDay ? clock(end) : `${end.toPlainDate().toString()} ${clock(end)}`;
  return `${start.toPlainDate().toString()} ${clock(start)}–${endText} ${zone}`;
}

/** Why: a freeze usually covers whole days; say `2025-12-19–2026-01-04` (last day inclusive), not midnights. */
export function formatFreezeSpan(freeze: TimeWindow, hubZone: string): string {
  if (!isWholeDays(freeze, hubZone)) return formatSpan(freeze, hubZone);
  const first = freeze.start.withTimeZone(hubZone).toPlainDate();
  const last = freeze.end.withTimeZone(hubZone).toPlainDate().subtract({ days: 1 });
  const days = first.equals(last) ? first.toString() : `${first.toString()}–${last.toString()}`;
  return `${days} ${hubZone}`;
}

/** Why: sorting ids by code units is deterministic on every machine, unlike `localeCompare`. */
export function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function clock(time: Temporal.ZonedDateTime): string {
  return `${String(time.hour).padStart(2, '0')}:${String(time.minute).padStart(2, '0')}`;
}
