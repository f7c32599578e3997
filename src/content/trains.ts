/**
 * Release trains (`trains/<id>.yaml`, issue 21): the window's times resolved like a release's
 * (SPEC §2), then checked against the releases: every member is a release of the hub, listed
 * once, and its window (when it has one) falls within the train's.
 */
import { Temporal } from 'temporal-polyfill';
import type { HubConfig, Release, TimeWindow, Train } from '../core/model.ts';
import { parseWrittenTime } from '../core/time.ts';
import type { TrainInput } from '../schemas/train.ts';
import type { Loaded } from './loaded.ts';
import { fieldPath, type Problem } from './problems.ts';
import type { YamlSource } from './source.ts';
import { suggestion } from './zod-problems.ts';

/** Why: a train's window is written like a release's: local to its zone unless it has an offset. */
export function resolveTrain(input: TrainInput, source: YamlSource, id: string, config: HubConfig | undefined, problems: Problem[]): Train | undefined {
  const zone = input.window.timezone ?? config?.timezone ?? 'UTC';
  const error = (path: PropertyKey[], message: string, fix: string) =>
    problems.push({ severity: 'error', file: source.file, line: source.lineOf(path), field: fieldPath(path), message, fix });
  const time = (field: 'start' | 'end') => {
    const parsed = parseWrittenTime(input.window[field], zone);
    if (!parsed.ok) error(['window', field], parsed.message, 'write a time before or after the jump, or give it an offset such as +01:00');
    return parsed.ok ? parsed.value : undefined;
  };
  const start = time('start');
  const end = time('end');
  if (!start || !end) return undefined;
  if (Temporal.ZonedDateTime.compare(end, start) <= 0) {
    error(['window', 'end'], `must be after window.start (${input.window.end} ≤ ${input.window.start})`, 'fix the window of the train');
    return undefined;
  }
  return {
    id,
    title: input.title,
    summary: input.summary,
    audience: input.audience,
    timezone: zone,
    window: { start, end },
    members: input.members,
    source: { file: source.file },
  };
}

/** Why: a train names releases that exist, each once, shipping inside its window. */
export function checkTrains(trains: readonly Loaded<Train>[], releases: readonly Release[], hubZone: string, problems: Problem[]): void {
  const byId = new Map(releases.map((release) => [release.id, release]));
  for (const { value: train, source } of trains) {
    const error = (path: PropertyKey[], message: string, fix: string) =>
      problems.push({ severity: 'error', file: source.file, line: source.lineOf(path), field: fieldPath(path), message, fix });
    const seen = new Set<string>();
    for (const [index, member] of train.members.entries()) {
      const path = ['members', index];
      const release = byId.get(member);
      if (seen.has(member)) error(path, `${member} is listed twice`, 'list each release once');
      else if (!release) {
        error(path, `"${member}" is not a release of this hub`, suggestion(member, [...byId.keys()]) ?? 'write <product>/<version> of a file under releases/');
      } else if (release.window && !within(release.window, train.window)) {
        // As a content file writes it: wall-clock time in the hub zone.
        const when = (time: Temporal.ZonedDateTime) => time.withTimeZone(hubZone).toPlainDateTime().toString({ smallestUnit: 'minute' });
        error(
          path,
          `${member}'s window (${when(release.window.start)} – ${when(release.window.end)}) is not within the train's (${when(train.window.start)} – ${when(train.window.end)}, ${hubZone})`,
          "move the release's window into the train's, widen the train's window, or take the release out of the train",
        );
      }
      seen.add(member);
    }
  }
}

function within(inner: TimeWindow, outer: TimeWindow): boolean {
  return Temporal.ZonedDateTime.compare(inner.start, outer.start) >= 0 && Temporal.ZonedDateTime.compare(inner.end, outer.end) <= 0;
}
