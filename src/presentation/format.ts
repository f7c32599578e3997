/**
 * Presentation of times and numbers, without Intl locale data, so output is the same bytes
 * on every machine. Times are shown in the hub zone unless a zone is given.
 */
import type { Temporal } from 'temporal-polyfill';
import { memoizedTimeFormat } from '../core/time.ts';

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const WEEKDAYS = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'];

const pad = (value: number) => String(value).padStart(2, '0');

/** Why: "Tue 10 Mar 2026" reads well and is the same on every machine. */
export const formatDate = memoizedTimeFormat((time, zone) => {
  const local = time.withTimeZone(zone);
  return `${WEEKDAYS[local.dayOfWeek - 1]} ${local.day} ${MONTHS[local.month - 1]} ${local.year}`;
});

/** Why: "Tue 10 Mar 2026, 02:00" in the given zone. */
export const formatDateTime = memoizedTimeFormat((time, zone) => {
  const local = time.withTimeZone(zone);
  return `${formatDate(local, zone)}, ${pad(local.hour)}:${pad(local.minute)}`;
});

const isoInOwnZone = memoizedTimeFormat((time) => time.toString({ timeZoneName: 'never', smallestUnit: 'second' }));

/** Why: `<time datetime>` wants an ISO instant with offset (the time's own zone's). */
export function isoDateTime(time: Temporal.ZonedDateTime): string {
  return isoInOwnZone(time, '');
}

/** Why: month names for calendar and metrics headings: "March 2026". */
export function formatMonth(monthKey: string): string {
  const [year, month] = monthKey.split('-').map(Number);
  const long = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
  return `${long[(month ?? 1) - 1]} ${year}`;
}
