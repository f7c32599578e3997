/**
 * In-memory hub objects for unit tests: valid defaults, with any field overridden. Times are
 * written as in content files (SPEC §2) and read with the project's own time rules.
 */
import { Temporal } from 'temporal-polyfill';
import type { Change, Freeze, Hub, HubConfig, Release, TimeWindow } from '../../../src/core/model.ts';
import { parseWrittenTime } from '../../../src/core/time.ts';

/** The default hub zone of factory hubs. */
export const HUB_ZONE = 'Europe/Berlin';

/** Why: tests write times the way content does (`2026-03-10T02:00`, `…Z`, a date). */
export function at(text: string, zone: string = HUB_ZONE): Temporal.ZonedDateTime {
  const parsed = parseWrittenTime(text, zone);
  if (!parsed.ok) throw new Error(parsed.message);
  return parsed.value;
}

/** Why: a window from two written times in one zone. */
export function windowOf(start: string, end: string, zone: string = HUB_ZONE): TimeWindow {
  return { start: at(start, zone), end: at(end, zone) };
}

/** Why: a valid release (product `web`, version 1.0.0, scheduled, no window) with overrides applied. */
export function makeRelease(overrides: Partial<Release> = {}): Release {
  const product = overrides.product ?? 'web';
  const version = overrides.version ?? '1.0.0';
  return {
    id: `${product}/${version}`,
    product,
    version,
    status: 'scheduled',
    audience: 'internal',
    timezone: HUB_ZONE,
    runbooks: [],
    incidents: [],
    fixes: [],
    changes: [],
    tags: [],
    rescheduled: 0,
    source: { file: `releases/${product}/${version}.mdx` },
    ...overrides,
  };
}

/** Why: a public, non-breaking change of the given type, with any field overridden. */
export function makeChange(type: Change['type'], summary: string, overrides: Partial<Change> = {}): Change {
  return { type, summary, breaking: false, audience: 'public', ...overrides };
}

/** Why: a public release of `web` that shipped on `day` (a written time or date, SPEC §2) with these changes. */
export function makeShippedRelease(version: string, day: string, changes: Change[], overrides: Partial<Release> = {}): Release {
  return makeRelease({ version, status: 'released', audience: 'public', deployment: { finishedAt: at(day) }, changes, ...overrides });
}

/** Why: a valid freeze of every product with overrides applied; `end` is the model's exclusive instant. */
export function makeFreeze(overrides: Partial<Freeze> = {}): Freeze {
  return {
    name: 'Test freeze',
    start: at('2026-12-19'),
    end: at('2027-01-05'),
    products: [],
    audience: 'internal',
    ...overrides,
  };
}

/** Hub fields to override; `config` is merged into the default config. */
export type HubOverrides = Partial<Omit<Hub, 'config'>> & { config?: Partial<HubConfig> };

/** Why: a valid hub (two products `web` and `api`, no cadence, nothing else) with overrides applied. */
export function makeHub(overrides: HubOverrides = {}): Hub {
  const { config, ...rest } = overrides;
  return {
    config: {
      title: 'Acme Release Hub',
      url: 'https://releases.acme.example',
      timezone: HUB_ZONE,
      products: [
        { id: 'web', name: 'Acme Web' },
        { id: 'api', name: 'Acme API' },
      ],
      metrics: { onTimeToleranceMinutes: 0 },
      footerLinks: [],
      externalHosts: [],
      ...config,
    },
    releases: [],
    runbooks: [],
    raci: [],
    people: [],
    freezes: [],
    metricSeries: [],
    trains: [],
    ...rest,
  };
}

/**
 * Why: one realistic calendar hub for calendar, ICS and page tests: a weekly cadence
 * (Tuesdays 02:00 Europe/Berlin), every release status, windows across both DST changes of
 * March 2026 (Berlin and New York), one across midnight, timed and whole-day freezes.
 */
export function makeSampleCalendarHub(): Hub {
  const change = (type: Release['changes'][number]['type'], summary: string, breaking = false) => ({
    type,
    summary,
    breaking,
    audience: 'public' as const,
  });
  return makeHub({
    config: {
      cadence: { rrule: 'FREQ=WEEKLY;BYDAY=TU', start: Temporal.PlainTime.from('02:00'), durationMinutes: 120 },
    },
    releases: [
      makeRelease({
        version: '4.1.0',
        status: 'rolled-back',
        window: windowOf('2026-02-17T02:00', '2026-02-17T04:00'),
      }),
      makeRelease({
        version: '4.2.0',
        title: 'Smarter exports',
        audience: 'public',
        rescheduled: 2,
        window: windowOf('2026-03-10T02:00', '2026-03-10T04:00'),
        changes: [
          change('fixed', 'Quotes in `CSV` cells are escaped, even in very long cells that span many lines of output'),
          change('added', 'CSV export keeps **column order** ([docs](https://docs.acme.example/export))', true),
        ],
      }),
      makeRelease({ version: '4.2.1', status: 'planned', window: windowOf('2026-03-31T02:00', '2026-03-31T04:00') }),
      makeRelease({ version: '4.3.0', status: 'cancelled', window: windowOf('2026-04-14T02:00', '2026-04-14T04:00') }),
      makeRelease({
        version: '4.4.0',
        title: 'Überarbeitete Übersicht',
        window: windowOf('2026-04-21T23:00', '2026-04-22T01:00'),
      }),
      makeRelease({
        product: 'api',
        version: '1.9.0',
        status: 'released',
        window: windowOf('2026-02-24T02:00', '2026-02-24T04:00'),
      }),
      makeRelease({
        product: 'api',
        version: '2.0.0',
        status: 'in-progress',
        title: 'Across the Berlin DST change',
        window: windowOf('2026-03-29T01:00', '2026-03-29T04:00'),
      }),
      makeRelease({
        product: 'api',
        version: '2.1.0',
        timezone: 'America/New_York',
        title: 'Across the New York DST change',
        window: windowOf('2026-03-08T01:00', '2026-03-08T04:00', 'America/New_York'),
      }),
      makeRelease({
        product: 'api',
        version: '2.2.0',
        freezeException: 'Security fix that cannot wait',
        window: windowOf('2026-06-16T02:00', '2026-06-16T04:00'),
      }),
    ],
    freezes: [
      makeFreeze({
        name: 'Year-end freeze 2025',
        start: at('2025-12-19'),
        end: at('2026-01-05'),
        reason: 'Holidays; only security fixes.',
      }),
      makeFreeze({
        name: 'Data-centre move',
        products: ['web'],
        start: at('2026-04-18T08:00'),
        end: at('2026-04-18T20:00'),
      }),
      makeFreeze({ name: 'Partner Summit', products: ['api'], start: at('2026-06-15'), end: at('2026-06-20') }),
    ],
  });
}
