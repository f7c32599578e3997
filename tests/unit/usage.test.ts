/**
 * Usage data (src/usage/, src/content/usage.ts): the hour-of-week profile across DST changes in
 * two zones, the busy threshold, the quietest windows, the busy flags and the CSV loader, each
 * with values worked out by hand in the comments.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { Temporal } from 'temporal-polyfill';
import { describe, expect, it } from 'vitest';
import { loadContentRoot } from '../../src/content/load.ts';
import { formatProblem, sortProblems, type Problem } from '../../src/content/problems.ts';
import { busyWindowWarnings, parseUsageCsv } from '../../src/content/usage.ts';
import { hubAttention } from '../../src/process/attention.ts';
import type { UsageSample } from '../../src/core/model.ts';
import { busyHoursOf, hourOfWeekProfile, meanAt, percentile, quietestWindows, type UsageProfile } from '../../src/usage/profile.ts';
import { busyFindingText, busyWindowFindings, slotLabel, usageByProduct, weekWindowLabel } from '../../src/usage/usage.ts';
import { usageDocument, usageViews } from '../../src/usage/view.ts';
import { hubWithOverlay } from './helpers/fixture-hub.ts';
import { at, makeHub, makeRelease, windowOf } from './helpers/hub-factory.ts';

const samples = (rows: [string, number][]): UsageSample[] => rows.map(([instant, count]) => ({ at: Temporal.Instant.from(instant), count }));

const SUNDAY = 7;

describe('hourOfWeekProfile: slots on the hub zone clock, exact across DST', () => {
  it.each([
    {
      name: 'Europe/Berlin fall-back (2026-10-25): the repeated 02:00 hour counts twice',
      zone: 'Europe/Berlin',
      // 22:00Z = Sun 00:00 CEST, 23:00Z = 01:00 CEST, 00:00Z = 02:00 CEST, 01:00Z = 02:00 CET, 02:00Z = 03:00 CET;
      // a week later 01:00Z = Sun 02:00 CET again. Sun 02: (30 + 50 + 10) / 3 hours = 30.
      rows: [
        ['2026-10-24T22:00Z', 10],
        ['2026-10-24T23:00Z', 20],
        ['2026-10-25T00:00Z', 30],
        ['2026-10-25T01:00Z', 50],
        ['2026-10-25T02:00Z', 40],
        ['2026-11-01T01:00Z', 10],
      ] as [string, number][],
      expected: { 0: [10, 1], 1: [20, 1], 2: [30, 3], 3: [40, 1], 4: [null, 0] },
    },
    {
      name: 'Europe/Berlin spring-forward (2026-03-29): the skipped 02:00 hour is absent, not zero',
      zone: 'Europe/Berlin',
      // 00:00Z = Sun 01:00 CET, 01:00Z = 03:00 CEST: nothing falls in Sun 02.
      rows: [
        ['2026-03-29T00:00Z', 8],
        ['2026-03-29T01:00Z', 12],
      ] as [string, number][],
      expected: { 1: [8, 1], 2: [null, 0], 3: [12, 1] },
    },
    {
      name: 'America/New_York fall-back (2026-11-01): the repeated 01:00 hour counts twice',
      zone: 'America/New_York',
      // 04:00Z = Sun 00:00 EDT, 05:00Z = 01:00 EDT, 06:00Z = 01:00 EST, 07:00Z = 02:00 EST. Sun 01: (6 + 2) / 2 = 4.
      rows: [
        ['2026-11-01T04:00Z', 1],
        ['2026-11-01T05:00Z', 6],
        ['2026-11-01T06:00Z', 2],
        ['2026-11-01T07:00Z', 9],
      ] as [string, number][],
      expected: { 0: [1, 1], 1: [4, 2], 2: [9, 1] },
    },
    {
      name: 'America/New_York spring-forward (2026-03-08): 02:00 does not happen',
      zone: 'America/New_York',
      // 06:00Z = Sun 01:00 EST, 07:00Z = 03:00 EDT; quarter-hour rows add up within their hour: 07:00Z + 07:15Z = 3 + 4.
      rows: [
        ['2026-03-08T06:00Z', 5],
        ['2026-03-08T07:00Z', 3],
        ['2026-03-08T07:15Z', 4],
      ] as [string, number][],
      expected: { 1: [5, 1], 2: [null, 0], 3: [7, 1] },
    },
  ])('$name', ({ zone, rows, expected }) => {
    const profile = hourOfWeekProfile(samples(rows), zone, 80);
    for (const [hour, [mean, hours]] of Object.entries(expected)) {
      expect(meanAt(profile, { day: SUNDAY, hour: Number(hour) }), `Sunday ${hour}:00 mean`).toBe(mean);
      expect(profile.hours[SUNDAY - 1]![Number(hour)], `Sunday ${hour}:00 hours`).toBe(hours);
    }
  });

  it('puts one instant in different slots in different hub zones', () => {
    // 2026-03-02T08:00Z is Monday 09:00 in Berlin and Monday 03:00 in New York.
    const rows = samples([['2026-03-02T08:00Z', 7]]);
    expect(meanAt(hourOfWeekProfile(rows, 'Europe/Berlin', 80), { day: 1, hour: 9 })).toBe(7);
    expect(meanAt(hourOfWeekProfile(rows, 'America/New_York', 80), { day: 1, hour: 3 })).toBe(7);
  });
});

describe('percentile (nearest rank) and the busy threshold', () => {
  it.each([
    // ⌈0.8 × 10⌉ = 8th smallest of 1…10.
    { values: [3, 1, 2, 4, 5, 6, 7, 8, 9, 10], p: 80, expected: 8 },
    // ⌈0.5 × 3⌉ = 2nd smallest of 1, 3, 5; slots without data do not count.
    { values: [5, null, 1, 3, null], p: 50, expected: 3 },
    // ⌈0.01 × 4⌉ = 1st.
    { values: [4, 2, 9, 7], p: 1, expected: 2 },
    { values: [null, null], p: 80, expected: null },
  ])('p$p of $values is $expected', ({ values, p, expected }) => {
    expect(percentile(values, p)).toBe(expected);
  });

  it('marks as busy only the slots above the threshold', () => {
    // 166 slots of 100, one of 10 and one of 1000: the 135th smallest (⌈0.8 × 168⌉) is 100, so only 1000 is above it.
    const profile = weekProfile({ '2-2': 10, '2-3': 1000 }, 100);
    expect(profile.threshold).toBe(100);
    expect(busyHoursOf(windowOf('2026-11-03T00:00', '2026-11-04T00:00'), profile)).toEqual([{ day: 2, hour: 3 }]);
  });
});

/** A profile with `base` in every slot except the `day-hour` keys given (null: no data). */
function weekProfile(overrides: Record<string, number | null>, base: number, zone = 'Europe/Berlin'): UsageProfile {
  const rows: [string, number][] = [];
  // Monday 2026-11-02 00:00 CET is 2026-11-01T23:00Z; one sample per hour for a week.
  const monday = Temporal.Instant.from('2026-11-01T23:00Z');
  for (let index = 0; index < 168; index++) {
    const key = `${Math.floor(index / 24) + 1}-${index % 24}`;
    const value = key in overrides ? overrides[key]! : base;
    if (value !== null) rows.push([monday.add({ hours: index }).toString(), value]);
  }
  return hourOfWeekProfile(samples(rows), zone, 80);
}

describe('quietestWindows', () => {
  // 100 everywhere except Tue 02 = 10, Tue 03 = 20, Tue 04 = 5, Sun 23 = 1, Mon 00 = 2; Wed 10 has no data.
  const profile = weekProfile({ '2-2': 10, '2-3': 20, '2-4': 5, '7-23': 1, '1-0': 2, '3-10': null }, 100);

  it.each([
    {
      // Two hours: Sun 23 + Mon 00 = 3 (across the end of the week); Tue 03 + 04 = 25; Tue 02 (30), Sun 22 (101),
      // Mon 00 (102) and Tue 04 (105) overlap those; Tue 01 + 02 = 110 does not.
      minutes: 120,
      count: 3,
      expected: [
        ['Sunday 23:00–Monday 01:00', 3],
        ['Tuesday 03:00–05:00', 25],
        ['Tuesday 01:00–03:00', 110],
      ],
    },
    {
      // 90 minutes: the second hour counts half. Sun 23: 1 + 1 = 2; Tue 02: 10 + 10 = 20; Tue 03 (22.5) overlaps Tue 02.
      minutes: 90,
      count: 2,
      expected: [
        ['Sunday 23:00–Monday 00:30', 2],
        ['Tuesday 02:00–03:30', 20],
      ],
    },
  ])('$count windows of $minutes minutes', ({ minutes, count, expected }) => {
    const windows = quietestWindows(profile, minutes, count);
    expect(windows.map((window) => [weekWindowLabel(window), window.expected])).toEqual(expected);
  });

  it('never proposes a window over an hour without data', () => {
    // Every 3-hour window is 300 except around Tue 02–04 and Sun 23; those over Wed 10 (no data) are left out.
    const starts = quietestWindows(profile, 180, 56).map((window) => `${window.start.day}-${window.start.hour}`);
    expect(starts).not.toContain('3-8');
    expect(starts).not.toContain('3-9');
    expect(starts).not.toContain('3-10');
  });
});

describe('busyHoursOf: the busy hours a window overlaps', () => {
  // Berlin, one week from Mon 2026-11-02: Sun 02 and Sun 03 busy (500 > threshold 100).
  const profile = weekProfile({ '7-2': 500, '7-3': 500 }, 100);

  it.each([
    // 01:30 CEST → 03:30 CET on 2026-10-25 is three elapsed hours: 01 (CEST), 02 (CEST), 02 (CET), 03 (CET).
    {
      name: 'across the fall-back night',
      window: { start: at('2026-10-25T01:30+02:00'), end: at('2026-10-25T03:30+01:00') },
      expected: ['Sunday 02:00–03:00', 'Sunday 03:00–04:00'],
    },
    // 01:00 CET → 03:00 CEST on 2026-03-29 is one elapsed hour: Sun 01 only (02:00 does not happen; 03:00 is the end).
    { name: 'across the spring-forward night', window: windowOf('2026-03-29T01:00', '2026-03-29T03:00'), expected: [] },
    // 03:00 → 03:01 touches Sun 03.
    { name: 'one minute of a busy hour', window: windowOf('2026-11-08T03:00', '2026-11-08T03:01'), expected: ['Sunday 03:00–04:00'] },
    // A window ending at 02:00 does not reach the busy hour (half-open).
    { name: 'ending where the busy hours start', window: windowOf('2026-11-08T00:00', '2026-11-08T02:00'), expected: [] },
    // A window in New York time: 2026-11-07T20:00-05:00 is Sun 02:00 Berlin.
    { name: 'written in another zone', window: windowOf('2026-11-07T20:00', '2026-11-07T20:30', 'America/New_York'), expected: ['Sunday 02:00–03:00'] },
  ])('$name', ({ window, expected }) => {
    expect(busyHoursOf(window, profile).map(slotLabel)).toEqual(expected);
  });
});

describe('busyWindowFindings: upcoming release windows and cadence slots in busy hours', () => {
  // One week of Berlin data from Mon 2026-11-02: 100 an hour, Tue 02 = 10, Tue 03 = 1000 (busy: above 100).
  const rows: UsageSample[] = [];
  const monday = Temporal.Instant.from('2026-11-01T23:00Z');
  for (let index = 0; index < 168; index++) rows.push({ at: monday.add({ hours: index }), count: index === 26 ? 10 : index === 27 ? 1000 : 100 });
  const hub = makeHub({
    config: { cadence: { rrule: 'FREQ=WEEKLY;BYDAY=TU', start: Temporal.PlainTime.from('02:00'), durationMinutes: 120 } },
    usage: [{ product: 'web', busyPercentile: 80, samples: rows, source: { file: 'usage/web.csv' } }],
    releases: [
      makeRelease({ version: '1.1.0', status: 'planned', window: windowOf('2026-11-17T03:30', '2026-11-17T04:30') }),
      makeRelease({ version: '1.0.0', status: 'released', window: windowOf('2026-11-10T03:30', '2026-11-10T04:30') }),
      makeRelease({ version: '1.2.0', status: 'scheduled', window: windowOf('2026-11-23T03:30', '2026-11-23T04:30') }),
      makeRelease({ product: 'api', version: '2.0.0', status: 'planned', window: windowOf('2026-11-17T03:30', '2026-11-17T04:30') }),
    ],
  });

  it('finds the planned window on Tuesday 03:00 and the cadence, not the released one, the Monday one or the product without data', () => {
    const findings = busyWindowFindings(hub);
    expect(findings.map((finding) => [finding.kind, finding.release ?? null, finding.window.start.toString(), finding.busy.map(slotLabel)])).toEqual([
      ['busy-release-window', 'web/1.1.0', '2026-11-17T03:30:00+01:00[Europe/Berlin]', ['Tuesday 03:00–04:00']],
      ['busy-cadence-slot', null, '2026-11-03T02:00:00+01:00[Europe/Berlin]', ['Tuesday 03:00–04:00']],
    ]);
  });

  it('words each finding with a quiet window to move to', () => {
    const usage = usageByProduct(hub).get('web');
    // The quietest two hours: Tue 01 + Tue 02 = 100 + 10 = 110.
    expect(usage?.quietest.map(weekWindowLabel)).toEqual(['Tuesday 01:00–03:00', 'Monday 00:00–02:00', 'Monday 02:00–04:00']);
    expect(busyWindowFindings(hub).map((finding) => busyFindingText(finding, usage))).toEqual([
      { message: 'falls in busy hours of web usage (Tuesday 03:00–04:00)', fix: 'move it to a quiet window such as Tuesday 01:00–03:00 (usage/web.csv)' },
      {
        message: "the cadence's slots on Tuesdays fall in busy hours of web usage (Tuesday 03:00–04:00)",
        fix: 'move it to a quiet window such as Tuesday 01:00–03:00 (usage/web.csv)',
      },
    ]);
  });
});

describe('usageViews and usageDocument: what the pages and /api/usage.json show', () => {
  // The same week as above: 100 an hour, Tue 02 = 10, Tue 03 = 1000; unit "requests".
  const rows: UsageSample[] = [];
  const monday = Temporal.Instant.from('2026-11-01T23:00Z');
  for (let index = 0; index < 168; index++) rows.push({ at: monday.add({ hours: index }), count: index === 26 ? 10 : index === 27 ? 1000 : 100 });
  const hub = makeHub({
    config: { cadence: { rrule: 'FREQ=WEEKLY;BYDAY=TU', start: Temporal.PlainTime.from('02:00'), durationMinutes: 120 } },
    usage: [{ product: 'web', unit: 'requests', busyPercentile: 80, samples: rows, source: { file: 'usage/web.csv' } }],
  });

  it('shades each hour by its place between the lowest and highest mean, in five steps', () => {
    const [view] = usageViews(hub);
    // (100 − 10) / (1000 − 10) × 5 = 0.45 → step 0; 1000 → step 4 (the top); 10 → step 0.
    expect(view!.rows[1]!.cells.slice(1, 4).map((cell) => [cell.text, cell.level, cell.busy, cell.label])).toEqual([
      ['100', 0, false, 'Tuesday 01:00–02:00: 100 requests'],
      ['10', 0, false, 'Tuesday 02:00–03:00: 10 requests'],
      ['1000', 4, true, 'Tuesday 03:00–04:00: 1000 requests, busy'],
    ]);
    expect(view!.summary).toBe('Mean requests per hour of the week in Europe/Berlin: busiest Tuesday 03:00–04:00 (1000), quietest Tuesday 02:00–03:00 (10).');
    expect(view!.threshold).toBe('above 100 requests an hour');
    expect(view!.quietest[0]).toEqual({ label: 'Tuesday 01:00–03:00', expected: '110 requests' });
    expect(view!.hoursOfData).toBe(168);
  });

  it('writes the profile, the quietest windows and the busy cadence into the JSON', () => {
    const document = usageDocument(hub, (path) => `https://releases.acme.example${path}`);
    const [web] = document.products;
    expect(web!.profile).toHaveLength(168);
    expect(web!.profile[24 + 3]).toEqual({ day: 2, hour: 3, mean: 1000, hours: 1, busy: true });
    expect(web!.quietestWindows[0]).toEqual({ day: 2, start: '01:00', label: 'Tuesday 01:00–03:00', expected: 110 });
    expect(document.busy.map((item) => [item.kind, item.start, item.busyHours])).toEqual([
      ['busy-cadence-slot', '2026-11-03T02:00:00+01:00', ['Tuesday 03:00–04:00']],
    ]);
  });
});

describe('parseUsageCsv', () => {
  const parse = (text: string, zone = 'Europe/Berlin') => {
    const problems: Problem[] = [];
    const result = parseUsageCsv('usage/web.csv', text, zone, problems);
    return { result, printed: problems.map((problem) => formatProblem(problem, 'content')) };
  };

  it('reads local times in the hub zone and offsets as written; a repeated local time is the second occurrence', () => {
    const { result, printed } = parse(
      ['time,count', '2026-10-25T01:00,5', '2026-10-25T02:00,6', '2026-10-25T02:00,7', '2026-10-25T03:00+01:00,8', '2026-10-25T04:00Z,9'].join('\n'),
    );
    expect(printed).toEqual([]);
    expect(result?.map((sample) => [sample.at.toString(), sample.count])).toEqual([
      ['2026-10-24T23:00:00Z', 5],
      ['2026-10-25T00:00:00Z', 6],
      ['2026-10-25T01:00:00Z', 7],
      ['2026-10-25T02:00:00Z', 8],
      ['2026-10-25T04:00:00Z', 9],
    ]);
  });

  it('reports every bad row with its line in one round', () => {
    const { result, printed } = parse(
      [
        'time,count',
        '2026-03-29T02:30,5',
        '2026-03-30,6',
        '2026-03-30T09:00,-1',
        'soon,1 200',
        '2026-03-30T10:00,4',
        '2026-03-30T10:00+02:00,4',
        '2026-03-30T11:00',
      ].join('\n'),
    );
    expect(result).toBeUndefined();
    expect(printed).toEqual([
      'content/usage/web.csv:2 time: 2026-03-29T02:30 does not exist in Europe/Berlin: the clocks jump from 02:00 to 03:00 that night — leave that hour out: it does not happen',
      'content/usage/web.csv:3 time: "2026-03-30" has no time of day — write the hour, e.g. 2026-03-02T09:00',
      'content/usage/web.csv:4 count: "-1" is not a count — write a number of at least 0, such as 1520 (no units or thousands separators)',
      'content/usage/web.csv:5 time: "soon" is not a date or time — write a time such as 2026-03-02T09:00 or 2026-03-02T09:00+01:00',
      'content/usage/web.csv:5 count: "1 200" is not a count — write a number of at least 0, such as 1520 (no units or thousands separators)',
      'content/usage/web.csv:7 time: "2026-03-30T10:00+02:00" is the same instant as line 6 — give each time one row (add the counts together)',
      'content/usage/web.csv:8 has 1 values but the header has 2 columns — give every row a time and a count',
    ]);
  });

  it.each([
    { text: '', expected: ['content/usage/web.csv:1 is empty — add a header row "time,count" and one row per hour'] },
    { text: 'time,count', expected: ['content/usage/web.csv:1 has no rows — add one row per hour, e.g. 2026-03-02T09:00,1520'] },
    {
      text: 'time,cuont\n2026-03-02T09:00,1',
      expected: [
        'content/usage/web.csv:1 count: column is missing (the header is time,cuont) — the header must be time,count',
        'content/usage/web.csv:1 cuont: is not a known column — did you mean "count"?',
      ],
    },
  ])('a bad file: $text', ({ text, expected }) => {
    expect(parse(text).printed).toEqual(expected);
  });
});

describe('usage/ in a content root', () => {
  const write = (root: string, file: string, text: string) => {
    mkdirSync(path.dirname(path.join(root, file)), { recursive: true });
    writeFileSync(path.join(root, file), text);
  };

  it('loads usage/<product>.csv with its sidecar (busyPercentile defaults to 80)', async () => {
    const root = hubWithOverlay();
    write(root, 'usage/web.csv', 'time,count\n2026-03-02T09:00,1520\n');
    write(root, 'usage/web.yaml', 'unit: requests\ndescription: Requests to the web app per hour.\n');
    write(root, 'usage/api.csv', 'time,count\n2026-03-02T09:00+00:00,3\n');
    const { hub, problems } = await loadContentRoot(root);
    expect(problems.filter((problem) => problem.severity === 'error')).toEqual([]);
    expect(
      hub?.usage?.map(({ product, unit, busyPercentile, samples: rows }) => [product, unit ?? null, busyPercentile, rows.map((row) => row.at.toString())]),
    ).toEqual([
      ['api', null, 80, ['2026-03-02T09:00:00Z']],
      ['web', 'requests', 80, ['2026-03-02T08:00:00Z']],
    ]);
  });

  it('warns on the line of the cadence, and lists an upcoming window in busy hours as an attention item of its release', async () => {
    // One week from Mon 2026-11-02 in local time: 100 an hour, Tue 02 = 10, Tue 03 = 1000 (the only busy hour).
    const root = hubWithOverlay();
    const lines = ['time,count'];
    const monday = Temporal.PlainDateTime.from('2026-11-02T00:00');
    for (let index = 0; index < 168; index++)
      lines.push(`${monday.add({ hours: index }).toString({ smallestUnit: 'minute' })},${index === 26 ? 10 : index === 27 ? 1000 : 100}`);
    write(root, 'usage/web.csv', `${lines.join('\n')}\n`);
    write(
      root,
      'releases/web/1.1.0.md',
      '---\nversion: 1.1.0\nproduct: web\nstatus: planned\nwindow:\n  start: 2026-12-01T03:00\n  end: 2026-12-01T04:00\n---\n',
    );
    const { hub, problems } = await loadContentRoot(root);
    // The content itself is valid: the warnings come with the build's checks (src/integration/hub-state.ts).
    expect(problems.filter((problem) => problem.severity === 'error')).toEqual([]);
    const warnings = sortProblems(await busyWindowWarnings(hub!, root)).map((problem) => formatProblem(problem, 'content'));
    expect(warnings).toEqual([
      "content/hub.yaml:7 cadence: the cadence's slots on Tuesdays fall in busy hours of web usage (Tuesday 03:00–04:00) — move it to a quiet window such as Tuesday 01:00–03:00 (usage/web.csv)",
    ]);
    // The release's window is attention (SPEC §5 busy-window), which check prints with its line and --strict fails on.
    expect(hubAttention(hub!, Temporal.Instant.from('2026-11-26T09:00:00Z')).filter((item) => item.kind === 'busy-window')).toEqual([
      {
        kind: 'busy-window',
        message: 'Its window falls in busy hours of web usage (Tuesday 03:00–04:00).',
        subject: { type: 'release', id: 'web/1.1.0' },
        file: 'releases/web/1.1.0.md',
        path: ['window'],
        fix: 'move it to a quiet window such as Tuesday 01:00–03:00 (usage/web.csv)',
      },
    ]);
  });

  it('reports a file of an unknown product, a sidecar without data and a bad sidecar together', async () => {
    const root = hubWithOverlay();
    write(root, 'usage/wbe.csv', 'time,count\n2026-03-02T09:00,1\n');
    write(root, 'usage/api.yaml', 'unit: calls\n');
    write(root, 'usage/web.csv', 'time,count\n2026-03-02T09:00,1\n');
    write(root, 'usage/web.yaml', 'busyPercentile: 100\n');
    const { hub, problems } = await loadContentRoot(root);
    expect(hub).toBeUndefined();
    expect(problems.filter((problem) => problem.severity === 'error').map((problem) => formatProblem(problem, 'content'))).toEqual([
      'content/usage/api.yaml describes usage/api.csv, which does not exist — add the CSV file, or remove or rename the sidecar',
      'content/usage/wbe.csv is named after "wbe", which is not a product of hub.yaml — did you mean "web"?',
      'content/usage/web.yaml:1 busyPercentile: must be at most 99, got 100',
    ]);
  });

  it('reads a sidecar ending in .yml, and refuses two sidecars for one product', async () => {
    const root = hubWithOverlay();
    write(root, 'usage/web.csv', 'time,count\n2026-03-02T09:00,1\n');
    write(root, 'usage/web.yml', 'unit: sessions\nbusyPercentile: 90\n');
    const { hub } = await loadContentRoot(root);
    expect(hub?.usage?.map(({ product, unit, busyPercentile }) => ({ product, unit, busyPercentile }))).toEqual([
      { product: 'web', unit: 'sessions', busyPercentile: 90 },
    ]);
    write(root, 'usage/web.yaml', 'unit: requests\n');
    const twice = await loadContentRoot(root);
    expect(twice.problems.filter((problem) => problem.severity === 'error').map((problem) => formatProblem(problem, 'content'))).toEqual([
      'content/usage/web.yaml and usage/web.yml are both the usage "web" — keep one of the files, or rename the other',
      'content/usage/web.yml and usage/web.yaml are both the usage "web" — keep one of the files, or rename the other',
    ]);
  });
});

describe('weekWindowLabel', () => {
  it.each([
    { start: { day: 2, hour: 2 }, minutes: 120, expected: 'Tuesday 02:00–04:00' },
    // Ending at midnight ends on its own day.
    { start: { day: 7, hour: 22 }, minutes: 120, expected: 'Sunday 22:00–00:00' },
    // Past midnight on Sunday: Monday of the next week.
    { start: { day: 7, hour: 23 }, minutes: 120, expected: 'Sunday 23:00–Monday 01:00' },
    { start: { day: 3, hour: 9 }, minutes: 45, expected: 'Wednesday 09:00–09:45' },
  ])('$expected', ({ start, minutes, expected }) => {
    expect(weekWindowLabel({ start, minutes })).toBe(expected);
  });
});
