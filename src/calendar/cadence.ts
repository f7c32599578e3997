/**
 * The hub's regular release cadence (`hub.yaml` `cadence`) expanded into concrete slots.
 *
 * rrule computes in "floating" time: it treats the fields of a UTC `Date` as wall-clock
 * values and knows nothing about DST. So the rule is expanded on wall-clock values (a UTC
 * `Date` holding the hub zone's local date and time) and every occurrence's fields are then
 * placed in the hub zone. A 02:00 cadence therefore stays at 02:00 local across DST changes
 * while its UTC instant moves. A slot whose local time does not exist (DST gap) is resolved
 * with Temporal's 'compatible' disambiguation, which is also RFC 5545's rule (§3.3.5): it
 * moves forward by the length of the gap (02:30 on a spring-forward night becomes 03:30).
 * A repeated local time (DST fall-back) takes the earlier of the two instants.
 *
 * The cadence has no start date of its own, so the RRULE is anchored on a fixed DTSTART:
 * Monday 2000-01-03 (the first day of ISO week 2000-W01) at `cadence.start`. That fixes the
 * phase of rules with INTERVAL > 1 (every other Tuesday counts from that week) and the
 * defaults RFC 5545 takes from DTSTART (a bare FREQ=MONTHLY falls on the 3rd). To stay fast,
 * expansion starts from the anchor moved forward by whole INTERVALs of FREQ, which keeps the
 * phase. COUNT is rejected: with no real start date there is nothing to count from.
 */
import * as rruleModule from 'rrule';
import type { Options as RRuleOptions } from 'rrule';
import { Temporal } from 'temporal-polyfill';
import type { Cadence, TimeWindow } from '../core/model.ts';

// Bundlers load rrule's ES build (named exports); Node's own ESM loader sees its CommonJS
// main and offers only a default export. Take RRule from whichever shape arrived.
const RRule = rruleModule.RRule ?? (rruleModule as unknown as { default: typeof rruleModule }).default.RRule;

/** One concrete cadence slot: `[start, end)` in the hub zone. */
export interface CadenceSlot {
  start: Temporal.ZonedDateTime;
  end: Temporal.ZonedDateTime;
}

const ANCHOR_DATE = Temporal.PlainDate.from('2000-01-03');

/** Temporal unit of each rrule `Frequency` value (YEARLY = 0 … SECONDLY = 6). */
const FREQUENCY_UNITS = ['years', 'months', 'weeks', 'days', 'hours', 'minutes', 'seconds'] as const;
type FrequencyUnit = (typeof FREQUENCY_UNITS)[number];

/** Margin around a requested range: covers DST shifts of slots and local-day differences. */
const RANGE_MARGIN = { days: 2 };

/** The parts of a parsed RRULE that the cadence uses (no DTSTART, TZID or COUNT). */
type CadenceRule = Partial<RRuleOptions> & Pick<RRuleOptions, 'freq'>;

/** What is wrong with a cadence RRULE, and how to fix it. */
export interface CadenceRuleProblem {
  message: string;
  fix: string;
}

/** A rule the cadence cannot use; the message names the rule, `problem` holds the parts. */
class CadenceRuleError extends Error {
  readonly problem: CadenceRuleProblem;

  constructor(rrule: string, problem: CadenceRuleProblem) {
    super(`cadence.rrule "${rrule}" ${problem.message} — ${problem.fix}`);
    this.problem = problem;
  }
}

/** Why: the content validator reports a bad `cadence.rrule` with its own line, message and fix. */
export function cadenceRuleProblem(rrule: string): CadenceRuleProblem | null {
  try {
    parseCadenceRule(rrule);
    return null;
  } catch (error) {
    if (error instanceof CadenceRuleError) return error.problem;
    throw error;
  }
}

/** Why: slots for calendar pages and the off-cadence check, in the hub zone's wall-clock terms. */
export function expandCadence(cadence: Cadence, hubZone: string, fromInstant: Temporal.Instant, toInstant: Temporal.Instant): CadenceSlot[] {
  const rule = parseCadenceRule(cadence.rrule);
  const fromLocal = fromInstant.toZonedDateTimeISO(hubZone).toPlainDateTime().subtract(RANGE_MARGIN);
  const toLocal = toInstant.toZonedDateTimeISO(hubZone).toPlainDateTime().add(RANGE_MARGIN);
  const dtstart = anchorBefore(rule, cadence.start, fromLocal);
  const occurrences = new RRule({ ...rule, dtstart: toFloatingDate(dtstart) }).between(toFloatingDate(fromLocal), toFloatingDate(toLocal), true);
  return occurrences
    .map((date) => slotAt(fromFloatingDate(date), hubZone, cadence.durationMinutes))
    .filter((slot) => isWithin(slot.start.toInstant(), fromInstant, toInstant));
}

/**
 * Why: calendar pages say what the regular window is ("02:00–04:00, every week on Tuesday").
 * rrule's English text (no locale data, UTC dates); a rule it cannot word exactly stays as written.
 */
export function describeCadence(cadence: Cadence): string {
  const options = parseCadenceRule(cadence.rrule);
  const rule = new RRule(options);
  const wordable = UNWORDED_PARTS.every((part) => isEmpty(options[part])) && rule.isFullyConvertibleToText();
  const days = wordable ? rule.toText() : `RRULE ${cadence.rrule.trim().toUpperCase()}`;
  const end = cadence.start.add({ minutes: cadence.durationMinutes });
  const clock = (time: Temporal.PlainTime) => time.toString({ smallestUnit: 'minute' });
  return `${clock(cadence.start)}–${clock(end)}, ${days}`;
}

/** RRULE parts that rrule's `toText` leaves out or words wrongly (e.g. BYSETPOS=-1 reads "on Tuesday"). */
const UNWORDED_PARTS = ['bysetpos', 'byhour', 'byminute', 'bysecond', 'byweekno', 'byyearday'] as const;

function isEmpty(value: unknown): boolean {
  return value == null || (Array.isArray(value) && value.length === 0);
}

/** Why: a window is on the cadence exactly when it starts at a slot's start instant. */
export function isOnCadence(window: TimeWindow, slots: readonly CadenceSlot[]): boolean {
  const start = window.start.epochNanoseconds;
  return slots.some((slot) => slot.start.epochNanoseconds === start);
}

function parseCadenceRule(rrule: string): CadenceRule {
  const refuse = (message: string, fix: string) => new CadenceRuleError(rrule, { message, fix });
  let options: Partial<RRuleOptions>;
  try {
    // RFC 5545 names and values are case-insensitive; rrule only reads upper case.
    options = RRule.parseString(rrule.trim().toUpperCase());
  } catch (error) {
    throw refuse(`is not an RFC 5545 RRULE (${(error as Error).message})`, 'write a rule such as FREQ=WEEKLY;BYDAY=TU');
  }
  const { freq } = options;
  if (freq === undefined) throw refuse('has no FREQ', 'start it with one, e.g. FREQ=WEEKLY;BYDAY=TU');
  if (options.dtstart || options.tzid) {
    throw refuse('sets DTSTART or TZID', 'leave them out: slots start at cadence.start in the hub timezone');
  }
  if (options.count) throw refuse('uses COUNT, but the cadence has no start date to count from', 'end it with UNTIL instead');
  if (options.interval !== undefined && !(Number.isInteger(options.interval) && options.interval >= 1)) {
    throw refuse('has an INTERVAL below 1', 'write a whole number of at least 1, e.g. INTERVAL=2');
  }
  if (Array.isArray(options.byweekday) && options.byweekday.some((day) => day == null)) {
    throw refuse('has an unknown BYDAY value', 'use MO, TU, WE, TH, FR, SA or SU');
  }
  return { ...options, freq };
}

/** The fixed anchor moved by whole INTERVALs of FREQ to at or before `fromLocal`. */
function anchorBefore(rule: CadenceRule, start: Temporal.PlainTime, fromLocal: Temporal.PlainDateTime): Temporal.PlainDateTime {
  const anchor = ANCHOR_DATE.toPlainDateTime(start);
  const unit: FrequencyUnit = FREQUENCY_UNITS[rule.freq] ?? 'days';
  const interval = rule.interval ?? 1;
  const elapsed = anchor.until(fromLocal, { largestUnit: unit })[unit];
  return anchor.add({ [unit]: Math.floor(elapsed / interval) * interval });
}

function slotAt(local: Temporal.PlainDateTime, hubZone: string, durationMinutes: number): CadenceSlot {
  const start = local.toZonedDateTime(hubZone, { disambiguation: 'compatible' });
  return { start, end: start.add({ minutes: durationMinutes }) };
}

/** A `Date` whose UTC fields hold the given wall-clock values (rrule's floating time). */
function toFloatingDate(local: Temporal.PlainDateTime): Date {
  return new Date(local.toZonedDateTime('UTC').epochMilliseconds);
}

function fromFloatingDate(date: Date): Temporal.PlainDateTime {
  return Temporal.Instant.fromEpochMilliseconds(date.getTime()).toZonedDateTimeISO('UTC').toPlainDateTime();
}

function isWithin(instant: Temporal.Instant, from: Temporal.Instant, to: Temporal.Instant): boolean {
  return Temporal.Instant.compare(instant, from) >= 0 && Temporal.Instant.compare(instant, to) < 0;
}
