import { Temporal } from 'temporal-polyfill';
import { describe, expect, it } from 'vitest';
import {
  computeMetrics,
  computeMetricSet,
  computeTrend,
  explainMetricSet,
  isDeployed,
  METRIC_DEFINITIONS,
  type MetricOptions,
  type MetricSet,
} from '../../src/metrics/metrics.ts';
import type { Hub, MetricSeries, Release, ReleaseStatus, Satisfaction } from '../../src/core/model.ts';
import { parseWrittenTime } from '../../src/core/time.ts';

const HUB_ZONE = 'Europe/Berlin';
const OPTIONS: MetricOptions = { hubZone: HUB_ZONE, onTimeToleranceMinutes: 0 };

const NO_DATA: MetricSet = {
  releaseCount: 0,
  releasesPerMonth: null,
  onScheduleRate: null,
  leadTimeDaysMedian: null,
  rollbackRate: null,
  satisfactionScore: null,
  deploymentMinutesMedian: null,
  changeFailureRate: null,
  timeToRestoreHoursMedian: null,
  deploymentReworkRate: null,
  failedDeploymentRecoveryHoursMedian: null,
};

/** A written time read by SPEC §2 rules (no offset = wall clock in `zone`). */
function at(text: string, zone = HUB_ZONE): Temporal.ZonedDateTime {
  const parsed = parseWrittenTime(text, zone);
  if (!parsed.ok) throw new Error(parsed.message);
  return parsed.value;
}

interface ReleaseSpec {
  product?: string;
  status?: ReleaseStatus;
  /** The release's zone (window.timezone); its times without an offset are read in it. */
  zone?: string;
  window?: [start: string, end: string];
  acceptedAt?: string;
  startedAt?: string;
  finishedAt?: string;
  incidents?: [startedAt: string, resolvedAt?: string][];
  /** Ids of the incidents the release gets; default `INC-1`, `INC-2`, … */
  incidentIds?: string[];
  satisfaction?: Satisfaction;
  fixes?: string[];
}

let versionCounter = 0;

function release(spec: ReleaseSpec): Release {
  const zone = spec.zone ?? HUB_ZONE;
  const product = spec.product ?? 'web';
  const version = `1.0.${versionCounter++}`;
  const time = (text: string | undefined) => (text === undefined ? undefined : at(text, zone));
  const hasDeployment = spec.startedAt !== undefined || spec.finishedAt !== undefined;
  return {
    id: `${product}/${version}`,
    product,
    version,
    status: spec.status ?? 'released',
    audience: 'internal',
    timezone: zone,
    window: spec.window && { start: at(spec.window[0], zone), end: at(spec.window[1], zone) },
    acceptedAt: time(spec.acceptedAt),
    deployment: hasDeployment ? { startedAt: time(spec.startedAt), finishedAt: time(spec.finishedAt) } : undefined,
    runbooks: [],
    incidents: (spec.incidents ?? []).map(([startedAt, resolvedAt], index) => ({
      id: spec.incidentIds?.[index] ?? `INC-${index + 1}`,
      startedAt: at(startedAt, zone),
      resolvedAt: time(resolvedAt),
    })),
    fixes: spec.fixes ?? [],
    satisfaction: spec.satisfaction,
    changes: [],
    tags: [],
    rescheduled: 0,
    source: { file: `releases/${product}/${version}.mdx` },
  };
}

function hub(releases: Release[], options: { timezone?: string; products?: string[]; series?: MetricSeries[] } = {}): Hub {
  return {
    config: {
      title: 'Test hub',
      url: 'https://releases.example',
      timezone: options.timezone ?? HUB_ZONE,
      products: (options.products ?? ['web', 'api']).map((id) => ({ id, name: id.toUpperCase() })),
      metrics: { onTimeToleranceMinutes: 0 },
      footerLinks: [],
      externalHosts: [],
    },
    releases,
    runbooks: [],
    raci: [],
    people: [],
    freezes: [],
    metricSeries: options.series ?? [],
    trains: [],
  };
}

const NOW = Temporal.Instant.from('2026-04-01T08:00:00Z');

describe('isDeployed (D of SPEC §4)', () => {
  it.each<[string, ReleaseSpec, boolean]>([
    ['released with finishedAt', { status: 'released', finishedAt: '2026-03-10T02:41' }, true],
    ['rolled-back with finishedAt', { status: 'rolled-back', finishedAt: '2026-03-10T02:41' }, true],
    ['released without finishedAt (started only)', { status: 'released', startedAt: '2026-03-10T02:05' }, false],
    ['released without deployment', { status: 'released' }, false],
    ['rolled-back without finishedAt', { status: 'rolled-back', startedAt: '2026-03-10T02:05' }, false],
    ['planned', { status: 'planned', finishedAt: '2026-03-10T02:41' }, false],
    ['scheduled', { status: 'scheduled', finishedAt: '2026-03-10T02:41' }, false],
    ['in-progress', { status: 'in-progress', startedAt: '2026-03-10T02:05', finishedAt: '2026-03-10T02:41' }, false],
    ['cancelled', { status: 'cancelled', finishedAt: '2026-03-10T02:41' }, false],
  ])('%s → %s', (_name, spec, expected) => {
    expect(isDeployed(release(spec))).toBe(expected);
  });

  it('leaves releases outside D out of every metric', () => {
    const outsideD = [
      release({ status: 'planned', finishedAt: '2026-03-10T02:41', satisfaction: { score: 1, responses: 100 } }),
      release({ status: 'cancelled', finishedAt: '2026-03-10T02:41', incidents: [['2026-03-10T03:00', '2026-03-10T09:00']] }),
      release({ status: 'in-progress', startedAt: '2026-03-10T02:00', finishedAt: '2026-03-10T05:00' }),
      release({ status: 'released', startedAt: '2026-03-10T02:00', acceptedAt: '2026-01-01' }),
    ];
    expect(computeMetricSet(outsideD, OPTIONS)).toEqual(NO_DATA);

    const shipped = release({ finishedAt: '2026-03-10T02:41', startedAt: '2026-03-10T02:11' });
    const m = computeMetricSet([...outsideD, shipped], OPTIONS);
    expect(m.releaseCount).toBe(1);
    expect(m.satisfactionScore).toBeNull(); // the planned release's survey does not count
    expect(m.changeFailureRate).toBe(0 / 1); // the cancelled release's incident does not count
    expect(m.deploymentMinutesMedian).toBe(41 - 11);
  });
});

describe('computeMetricSet', () => {
  it('empty set: releaseCount 0 and every other field null', () => {
    expect(computeMetricSet([], OPTIONS)).toEqual(NO_DATA);
  });

  it('one release: every field from hand-worked numbers', () => {
    const m = computeMetricSet(
      [
        release({
          window: ['2026-03-10T02:00', '2026-03-10T04:00'],
          acceptedAt: '2026-02-28', // start of that day in Berlin
          startedAt: '2026-03-10T02:05',
          finishedAt: '2026-03-10T02:41',
          incidents: [['2026-03-10T03:00', '2026-03-10T03:40']],
          satisfaction: { score: 4.3, responses: 37 },
        }),
      ],
      OPTIONS,
    );
    expect(m.releaseCount).toBe(1);
    expect(m.releasesPerMonth).toBe(1 / 1); // one release in one month (2026-03)
    expect(m.onScheduleRate).toBe(1 / 1); // 02:41 ≤ 04:00
    // 2026-02-28T00:00 → 2026-03-10T00:00 is 10 days (February 2026 has 28), plus 2 h 41 min
    expect(m.leadTimeDaysMedian).toBeCloseTo(10 + (2 * 60 + 41) / (24 * 60), 12);
    expect(m.rollbackRate).toBe(0 / 1);
    expect(m.satisfactionScore).toBeCloseTo((4.3 * 37) / 37, 12);
    expect(m.deploymentMinutesMedian).toBe(41 - 5);
    expect(m.changeFailureRate).toBe(1 / 1); // one incident
    expect(m.timeToRestoreHoursMedian).toBe(40 / 60);
    expect(m.deploymentReworkRate).toBe(0 / 1); // it fixes nothing
    expect(m.failedDeploymentRecoveryHoursMedian).toBe(40 / 60);
  });

  it('median of an even count is the mean of the two middle values; an odd count takes the middle one', () => {
    const tenDays = release({ acceptedAt: '2026-03-01T12:00', startedAt: '2026-03-11T11:30', finishedAt: '2026-03-11T12:00' });
    const twelveAndAHalf = release({ acceptedAt: '2026-03-01', startedAt: '2026-03-13T11:15', finishedAt: '2026-03-13T12:00' });
    const twenty = release({ acceptedAt: '2026-03-01', startedAt: '2026-03-20T23:00', finishedAt: '2026-03-21T00:00' });

    const even = computeMetricSet([twelveAndAHalf, tenDays], OPTIONS);
    expect(even.leadTimeDaysMedian).toBe((10 + 12.5) / 2);
    expect(even.deploymentMinutesMedian).toBe((30 + 45) / 2);

    const odd = computeMetricSet([twenty, tenDays, twelveAndAHalf], OPTIONS);
    expect(odd.leadTimeDaysMedian).toBe(12.5); // sorted [10, 12.5, 20]
    expect(odd.deploymentMinutesMedian).toBe(45); // sorted [30, 45, 60]
  });

  it('lead time is exact elapsed hours / 24, so a DST change shortens the wall-clock days', () => {
    // Berlin moves to summer time on 2026-03-29: 12 calendar days from 03-20 12:00 to 04-01 12:00 are 12 × 24 − 1 hours.
    const m = computeMetricSet([release({ acceptedAt: '2026-03-20T12:00', finishedAt: '2026-04-01T12:00' })], OPTIONS);
    expect(m.leadTimeDaysMedian).toBe((12 * 24 - 1) / 24);
  });

  it('releases without a window are left out of the on-schedule denominator', () => {
    const m = computeMetricSet(
      [
        release({ window: ['2026-03-10T02:00', '2026-03-10T04:00'], finishedAt: '2026-03-10T03:59' }), // on time
        release({ window: ['2026-03-17T02:00', '2026-03-17T04:00'], finishedAt: '2026-03-17T04:01' }), // late
        release({ finishedAt: '2026-03-24T03:00' }), // no window
      ],
      OPTIONS,
    );
    expect(m.releaseCount).toBe(3);
    expect(m.onScheduleRate).toBe(1 / 2);
    expect(computeMetricSet([release({ finishedAt: '2026-03-24T03:00' })], OPTIONS).onScheduleRate).toBeNull();
  });

  it.each<[toleranceMinutes: number, expected: number]>([
    [0, 0 / 1], // 04:10 > 04:00
    [9, 0 / 1], // 04:10 > 04:09
    [10, 1 / 1], // 04:10 ≤ 04:10: the deadline itself is on time
    [60, 1 / 1],
  ])('tolerance %i minutes: a 04:10 finish for a window ending 04:00 → on-schedule rate %d', (tolerance, expected) => {
    const late = release({ window: ['2026-03-10T02:00', '2026-03-10T04:00'], finishedAt: '2026-03-10T04:10' });
    expect(computeMetricSet([late], { hubZone: HUB_ZONE, onTimeToleranceMinutes: tolerance }).onScheduleRate).toBe(expected);
  });

  it('releases without acceptedAt are left out of lead time', () => {
    const accepted = release({ acceptedAt: '2026-03-01T12:00', finishedAt: '2026-03-11T12:00' }); // 10 days
    const notAccepted = release({ finishedAt: '2026-03-12T12:00' });
    expect(computeMetricSet([accepted, notAccepted], OPTIONS).leadTimeDaysMedian).toBe(10);
    expect(computeMetricSet([notAccepted], OPTIONS).leadTimeDaysMedian).toBeNull();
  });

  it('incidents: any incident is a change failure; only resolved incidents count for time to restore', () => {
    const m = computeMetricSet(
      [
        release({
          finishedAt: '2026-03-10T02:41',
          incidents: [['2026-03-10T03:00', '2026-03-10T04:00'], ['2026-03-10T05:00']], // 1 h, unresolved
        }),
        release({ finishedAt: '2026-03-17T02:41', incidents: [['2026-03-17T10:00', '2026-03-17T13:00']] }), // 3 h
        release({ finishedAt: '2026-03-24T02:41' }), // no incident
        release({ finishedAt: '2026-03-31T02:41', incidents: [['2026-03-31T03:00']] }), // unresolved only
      ],
      OPTIONS,
    );
    expect(m.changeFailureRate).toBe(3 / 4);
    expect(m.timeToRestoreHoursMedian).toBe((1 + 3) / 2);

    const unresolvedOnly = computeMetricSet([release({ finishedAt: '2026-03-31T02:41', incidents: [['2026-03-31T03:00']] })], OPTIONS);
    expect(unresolvedOnly.timeToRestoreHoursMedian).toBeNull();
    expect(unresolvedOnly.changeFailureRate).toBe(1 / 1);
  });

  it('time to restore is the median over incidents, not over releases', () => {
    const m = computeMetricSet(
      [
        release({
          finishedAt: '2026-03-10T02:41',
          incidents: [
            ['2026-03-10T03:00', '2026-03-10T03:30'],
            ['2026-03-10T06:00', '2026-03-10T08:00'],
          ], // 0.5 h, 2 h
        }),
        release({ finishedAt: '2026-03-17T02:41', incidents: [['2026-03-17T10:00', '2026-03-17T16:00']] }), // 6 h
      ],
      OPTIONS,
    );
    expect(m.timeToRestoreHoursMedian).toBe(2); // sorted [0.5, 2, 6]
  });

  it('rolled-back releases count in D, in the rollback rate and as change failures', () => {
    const m = computeMetricSet(
      [
        release({ status: 'released', finishedAt: '2026-03-10T02:41' }),
        release({ status: 'rolled-back', finishedAt: '2026-03-17T02:41' }), // no incident, still a failure
        release({ status: 'rolled-back', startedAt: '2026-03-24T02:00' }), // no finishedAt: not in D
      ],
      OPTIONS,
    );
    expect(m.releaseCount).toBe(2);
    expect(m.rollbackRate).toBe(1 / 2);
    expect(m.changeFailureRate).toBe(1 / 2);
  });

  it('satisfaction is weighted by responses; surveys with no responses are left out', () => {
    const m = computeMetricSet(
      [
        release({ finishedAt: '2026-03-10T02:41', satisfaction: { score: 4, responses: 30 } }),
        release({ finishedAt: '2026-03-11T02:41', satisfaction: { score: 2, responses: 10 } }),
        release({ finishedAt: '2026-03-12T02:41', satisfaction: { score: 1, responses: 0 } }),
        release({ finishedAt: '2026-03-13T02:41' }),
      ],
      OPTIONS,
    );
    expect(m.satisfactionScore).toBe((4 * 30 + 2 * 10) / (30 + 10)); // 3.5, not the plain mean 3
    const noResponses = release({ finishedAt: '2026-03-12T02:41', satisfaction: { score: 1, responses: 0 } });
    expect(computeMetricSet([noResponses], OPTIONS).satisfactionScore).toBeNull();
  });

  it('releasesPerMonth counts calendar months from the first to the last release month, inclusive', () => {
    const m = computeMetricSet(
      [release({ finishedAt: '2026-01-05T10:00' }), release({ finishedAt: '2026-01-28T10:00' }), release({ finishedAt: '2026-04-01T10:00' })],
      OPTIONS,
    );
    expect(m.releasesPerMonth).toBe(3 / 4); // January, February, March, April
  });

  it('a release in a New York window is bucketed by the hub zone and judged on time against its own window', () => {
    const newYork = 'America/New_York';
    // 2026-02-28T20:30 in New York (UTC−5) is 2026-03-01T01:30Z = 02:30 in Berlin: March for a Berlin hub.
    const nyc = release({
      zone: newYork,
      window: ['2026-02-28T19:00', '2026-02-28T21:00'],
      finishedAt: '2026-02-28T20:30',
    });
    // The same kind of release written with an offset: 02:30+01:00 is 20:30 in New York, before 21:00.
    const withOffset = release({
      zone: newYork,
      window: ['2026-03-07T19:00', '2026-03-07T21:00'],
      finishedAt: '2026-03-08T02:30+01:00',
    });
    const berlin = computeMetricSet([nyc, withOffset], OPTIONS);
    expect(berlin.releasesPerMonth).toBe(2 / 1); // both in 2026-03 (Berlin)
    expect(berlin.onScheduleRate).toBe(2 / 2);

    const inNewYork = computeMetricSet([nyc, withOffset], { hubZone: newYork, onTimeToleranceMinutes: 0 });
    expect(inNewYork.releasesPerMonth).toBe(2 / 2); // 2026-02 and 2026-03 (New York)
  });
});

describe('deployment rework rate (DORA 2024): the share of D made to fix an incident of another release', () => {
  // web 1.0.x has INC-7 (2 h); a fix for it ships at 2026-01-31T23:30Z, which is 00:30 on 1 February in Berlin
  // (January in UTC); two planned releases ship in February too.
  const broken = release({ finishedAt: '2026-01-20T02:40', incidents: [['2026-01-20T09:00', '2026-01-20T11:00']], incidentIds: ['INC-7'] });
  const fix = release({ finishedAt: '2026-01-31T23:30Z', fixes: ['INC-7'] });
  const planned = [release({ finishedAt: '2026-02-10T02:40' }), release({ finishedAt: '2026-02-17T02:40' })];
  const notDeployed = release({ status: 'scheduled', fixes: ['INC-7'] });

  it('counts the releases that fix an incident of another release, over D (an even count: 1 of 4)', () => {
    const { metrics, provenance } = explainMetricSet([broken, fix, ...planned, notDeployed], OPTIONS);
    expect(metrics.deploymentReworkRate).toBe(1 / 4);
    expect(provenance.deploymentReworkRate).toEqual({
      numerator: 1,
      denominator: 4,
      counted: [broken, fix, ...planned].map((entry) => ({ release: entry.id, value: entry === fix })),
      excluded: [{ release: notDeployed.id, reason: 'not-deployed' }], // a scheduled fix is not rework yet
    });
    // Rework is not a failure of the fixing release: the change failure rate counts the broken one only.
    expect(metrics.changeFailureRate).toBe(1 / 4);
  });

  it('buckets the fix in the hub zone month of its release time: February in Berlin, January in UTC', () => {
    const releases = [broken, fix, ...planned];
    const berlin = computeMetrics(hub(releases), NOW);
    expect(berlin.byMonth.map(({ month, deploymentReworkRate }) => [month, deploymentReworkRate])).toEqual([
      ['2026-01', 0 / 1],
      ['2026-02', 1 / 3],
    ]);
    expect(berlin.provenance.byMonth['2026-02']?.deploymentReworkRate).toEqual({
      numerator: 1,
      denominator: 3,
      counted: [fix.id, planned[0]!.id, planned[1]!.id],
      matching: [fix.id],
      excluded: {},
    });
    const utc = computeMetrics(hub(releases, { timezone: 'UTC' }), NOW);
    expect(utc.byMonth.map(({ month, deploymentReworkRate }) => [month, deploymentReworkRate])).toEqual([
      ['2026-01', 1 / 2],
      ['2026-02', 0 / 2],
    ]);
  });

  it('has no data without deployed releases', () => {
    expect(computeMetricSet([notDeployed], OPTIONS).deploymentReworkRate).toBeNull();
  });
});

describe('failed deployment recovery time (DORA 2023; time to restore is its alias)', () => {
  it('is the median over resolved incidents of D, an even count the mean of the two middle values', () => {
    const first = release({ finishedAt: '2026-03-10T02:40', incidents: [['2026-03-10T03:00', '2026-03-10T04:30'], ['2026-03-10T06:00']] }); // 1.5 h, open
    const second = release({ finishedAt: '2026-03-17T02:40', incidents: [['2026-03-17T10:00', '2026-03-17T14:00']] }); // 4 h
    const quiet = release({ finishedAt: '2026-03-24T02:40' });
    const { metrics, provenance } = explainMetricSet([first, second, quiet], OPTIONS);
    expect(metrics.failedDeploymentRecoveryHoursMedian).toBe((1.5 + 4) / 2);
    expect(metrics.timeToRestoreHoursMedian).toBe(metrics.failedDeploymentRecoveryHoursMedian);
    expect(provenance.failedDeploymentRecoveryHoursMedian).toEqual({
      numerator: null,
      denominator: 2,
      counted: [
        { release: first.id, incident: 'INC-1', value: 1.5 },
        { release: second.id, incident: 'INC-1', value: 4 },
      ],
      excluded: [
        { release: first.id, incident: 'INC-2', reason: 'unresolved' },
        { release: quiet.id, reason: 'no-incident' },
      ],
    });
  });

  it('counts an incident in the month of the release that caused it (hub zone), not the month it started', () => {
    // Released 2026-01-31T23:30Z (February in Berlin); its incident starts 2026-02-01T00:40 Berlin and lasts 1.5 h.
    const late = release({ finishedAt: '2026-01-31T23:30Z', incidents: [['2026-02-01T00:40', '2026-02-01T02:10']] });
    const early = release({ finishedAt: '2026-01-10T02:40', incidents: [['2026-01-31T22:00', '2026-02-01T02:00']] }); // 4 h, across midnight
    const doc = computeMetrics(hub([early, late]), NOW);
    expect(doc.byMonth.map(({ month, failedDeploymentRecoveryHoursMedian }) => [month, failedDeploymentRecoveryHoursMedian])).toEqual([
      ['2026-01', 4],
      ['2026-02', 1.5],
    ]);
    expect(doc.overall.failedDeploymentRecoveryHoursMedian).toBe((1.5 + 4) / 2);
  });
});

describe('explainMetricSet: the provenance of every field', () => {
  it('lists what each metric counts and what it leaves out, with the reason', () => {
    const full = release({
      window: ['2026-03-10T02:00', '2026-03-10T04:00'],
      acceptedAt: '2026-03-01',
      startedAt: '2026-03-10T02:05',
      finishedAt: '2026-03-10T04:10', // 10 minutes late
      satisfaction: { score: 4, responses: 10 },
    });
    const bare = release({ finishedAt: '2026-03-17T03:00', satisfaction: { score: 5, responses: 0 } });
    const noFinish = release({ status: 'released', startedAt: '2026-03-24T02:00' });
    const cancelled = release({ status: 'cancelled' });
    const { metrics, provenance } = explainMetricSet([cancelled, bare, noFinish, full], OPTIONS);
    const outside = [
      { release: cancelled.id, reason: 'not-deployed' },
      { release: noFinish.id, reason: 'no-finish-time' },
    ].sort((a, b) => (a.release < b.release ? -1 : 1));
    // Oldest release first, whatever the input order.
    expect(provenance.releaseCount.counted).toEqual([{ release: full.id }, { release: bare.id }]);
    expect(provenance.onScheduleRate).toEqual({
      numerator: 0,
      denominator: 1,
      counted: [{ release: full.id, value: false }],
      excluded: [{ release: bare.id, reason: 'no-window' }, ...outside],
    });
    expect(provenance.leadTimeDaysMedian.excluded).toEqual([{ release: bare.id, reason: 'no-accepted-at' }, ...outside]);
    expect(provenance.deploymentMinutesMedian.excluded).toEqual([{ release: bare.id, reason: 'no-start-time' }, ...outside]);
    expect(provenance.satisfactionScore).toEqual({
      numerator: 40,
      denominator: 10,
      counted: [{ release: full.id, value: 4, weight: 10 }],
      excluded: [{ release: bare.id, reason: 'no-responses' }, ...outside],
    });
    expect(provenance.releasesPerMonth).toMatchObject({ numerator: 2, denominator: 1 });
    expect(metrics.satisfactionScore).toBe(40 / 10);
    expect(metrics.onScheduleRate).toBe(0);
  });
});

describe('computeMetrics (/api/metrics.json)', () => {
  it('byMonth follows the hub zone across a month boundary (2026-01-31T23:30Z is February in Berlin)', () => {
    const releases = [release({ finishedAt: '2026-01-10T12:00' }), release({ finishedAt: '2026-01-31T23:30Z' })];

    const berlin = computeMetrics(hub(releases), NOW);
    expect(berlin.byMonth.map(({ month, releaseCount }) => [month, releaseCount])).toEqual([
      ['2026-01', 1],
      ['2026-02', 1], // 2026-02-01T00:30+01:00
    ]);
    expect(berlin.overall.releasesPerMonth).toBe(2 / 2);

    const utc = computeMetrics(hub(releases, { timezone: 'UTC' }), NOW);
    expect(utc.byMonth.map(({ month, releaseCount }) => [month, releaseCount])).toEqual([['2026-01', 2]]);
    expect(utc.overall.releasesPerMonth).toBe(2 / 1);
  });

  it('the whole document: overall, byProduct (with per-product months), byMonth with an empty month, custom series', () => {
    const releases = [
      release({
        product: 'web',
        window: ['2026-01-15T02:00', '2026-01-15T04:00'],
        acceptedAt: '2026-01-05T03:00',
        startedAt: '2026-01-15T02:00',
        finishedAt: '2026-01-15T03:00', // on time; lead time 10 days; 60 minutes
        satisfaction: { score: 5, responses: 2 },
      }),
      release({
        product: 'api',
        status: 'rolled-back',
        window: ['2026-03-10T02:00', '2026-03-10T04:00'],
        startedAt: '2026-03-10T03:00',
        finishedAt: '2026-03-10T04:30', // late; 90 minutes
        incidents: [['2026-03-10T05:00', '2026-03-10T07:00']], // 2 h
      }),
      release({ product: 'web', status: 'planned', window: ['2026-05-05T02:00', '2026-05-05T04:00'] }),
    ];
    const series: MetricSeries = {
      id: 'support-tickets',
      title: 'Support tickets',
      target: 40,
      columns: ['opened', 'closed'],
      rows: [
        { date: Temporal.PlainDate.from('2026-02-01'), values: { opened: 30, closed: 28 } },
        { date: Temporal.PlainDate.from('2026-01-01'), values: { opened: 42 } },
      ],
      source: { file: 'metrics/support-tickets.csv' },
    };

    const doc = computeMetrics(hub(releases, { products: ['web', 'api', 'docs'], series: [series] }), NOW);

    const webJanuary = {
      month: '2026-01',
      releaseCount: 1,
      onScheduleRate: 1,
      rollbackRate: 0,
      leadTimeDaysMedian: 10,
      satisfactionScore: 5,
      deploymentMinutesMedian: 60,
      changeFailureRate: 0,
      timeToRestoreHoursMedian: null,
      deploymentReworkRate: 0,
      failedDeploymentRecoveryHoursMedian: null,
    };
    const apiMarch = {
      month: '2026-03',
      releaseCount: 1,
      onScheduleRate: 0, // 04:30 > 04:00
      rollbackRate: 1,
      leadTimeDaysMedian: null, // no acceptedAt
      satisfactionScore: null,
      deploymentMinutesMedian: 90,
      changeFailureRate: 1,
      timeToRestoreHoursMedian: 2,
      deploymentReworkRate: 0,
      failedDeploymentRecoveryHoursMedian: 2,
    };
    const emptyMonth = (month: string) => ({
      month,
      releaseCount: 0,
      onScheduleRate: null,
      rollbackRate: null,
      leadTimeDaysMedian: null,
      satisfactionScore: null,
      deploymentMinutesMedian: null,
      changeFailureRate: null,
      timeToRestoreHoursMedian: null,
      deploymentReworkRate: null,
      failedDeploymentRecoveryHoursMedian: null,
    });

    const { periods, byEnvironment, provenance, ...numbers } = doc;
    expect(numbers).toEqual({
      generatedAt: '2026-04-01T08:00:00Z',
      timezone: HUB_ZONE,
      definitions: METRIC_DEFINITIONS,
      overall: {
        releaseCount: 2,
        releasesPerMonth: 2 / 3, // January to March
        onScheduleRate: 1 / 2,
        leadTimeDaysMedian: 10,
        rollbackRate: 1 / 2,
        satisfactionScore: (5 * 2) / 2,
        deploymentMinutesMedian: (60 + 90) / 2,
        changeFailureRate: 1 / 2,
        timeToRestoreHoursMedian: 2,
        deploymentReworkRate: 0 / 2,
        failedDeploymentRecoveryHoursMedian: 2,
      },
      byProduct: {
        web: {
          releaseCount: 1,
          releasesPerMonth: 1 / 1,
          onScheduleRate: 1,
          leadTimeDaysMedian: 10,
          rollbackRate: 0,
          satisfactionScore: 5,
          deploymentMinutesMedian: 60,
          changeFailureRate: 0,
          timeToRestoreHoursMedian: null,
          deploymentReworkRate: 0,
          failedDeploymentRecoveryHoursMedian: null,
          byMonth: [webJanuary, emptyMonth('2026-02'), emptyMonth('2026-03')], // the hub-wide month range
        },
        api: {
          releaseCount: 1,
          releasesPerMonth: 1 / 1,
          onScheduleRate: 0,
          leadTimeDaysMedian: null,
          rollbackRate: 1,
          satisfactionScore: null,
          deploymentMinutesMedian: 90,
          changeFailureRate: 1,
          timeToRestoreHoursMedian: 2,
          deploymentReworkRate: 0,
          failedDeploymentRecoveryHoursMedian: 2,
          byMonth: [emptyMonth('2026-01'), emptyMonth('2026-02'), apiMarch],
        },
        docs: { ...NO_DATA, byMonth: [emptyMonth('2026-01'), emptyMonth('2026-02'), emptyMonth('2026-03')] },
      },
      byMonth: [webJanuary, emptyMonth('2026-02'), apiMarch],
      custom: [
        {
          id: 'support-tickets',
          title: 'Support tickets',
          unit: null,
          description: null,
          target: 40,
          columns: ['opened', 'closed'],
          rows: [
            { date: '2026-01-01', values: { opened: 42, closed: null } },
            { date: '2026-02-01', values: { opened: 30, closed: 28 } },
          ],
        },
      ],
    });
    // Both releases finished in the last 90 days (after 2026-01-01T08:00Z) and the last 12 months (from 1 May 2025).
    expect(periods.last90Days).toEqual({ from: '2026-01-01T08:00:00Z', to: '2026-04-01T08:00:00Z', overall: numbers.overall, byProduct: expect.any(Object) });
    expect(periods.last12Months.from).toBe('2025-04-30T22:00:00Z'); // 1 May 2025, 00:00 in Berlin
    expect(periods.last12Months.byProduct.api).toEqual({ ...numbers.byProduct.api, byMonth: undefined });
    // Every deployment is in the release environment until environments are modelled.
    expect(byEnvironment).toEqual({ release: { releaseCount: 2, releasesPerMonth: 2 / 3, deploymentMinutesMedian: 75 } });

    // Provenance by hand: the release ids behind each number, the ones left out and why.
    const [web, api, planned] = releases.map((entry) => entry.id);
    const outside = { 'not-deployed': [planned] };
    expect(provenance.overall).toEqual({
      releaseCount: { numerator: null, denominator: 2, counted: [web, api], excluded: outside },
      releasesPerMonth: { numerator: 2, denominator: 3, counted: [web, api], excluded: outside },
      onScheduleRate: { numerator: 1, denominator: 2, counted: [web, api], matching: [web], excluded: outside },
      leadTimeDaysMedian: { numerator: null, denominator: 1, counted: [web], excluded: { 'no-accepted-at': [api], ...outside } },
      rollbackRate: { numerator: 1, denominator: 2, counted: [web, api], matching: [api], excluded: outside },
      satisfactionScore: { numerator: 5 * 2, denominator: 2, counted: [web], excluded: { 'no-survey': [api], ...outside } },
      deploymentMinutesMedian: { numerator: null, denominator: 2, counted: [web, api], excluded: outside },
      changeFailureRate: { numerator: 1, denominator: 2, counted: [web, api], matching: [api], excluded: outside },
      deploymentReworkRate: { numerator: 0, denominator: 2, counted: [web, api], matching: [], excluded: outside },
      failedDeploymentRecoveryHoursMedian: {
        numerator: null,
        denominator: 1,
        counted: [api],
        incidents: [{ release: api, incident: 'INC-1' }],
        excluded: { 'no-incident': [web], ...outside },
        unresolvedIncidents: [],
      },
    });
    // A month holds only the releases deployed in it; releases without a release time belong to no month.
    expect(provenance.byMonth['2026-02']?.releaseCount).toEqual({ numerator: null, denominator: 0, counted: [], excluded: {} });
    expect(provenance.byProduct.api?.byMonth['2026-03']?.rollbackRate).toEqual({ numerator: 1, denominator: 1, counted: [api], matching: [api], excluded: {} });
    expect(provenance.byProduct.docs?.overall.onScheduleRate).toEqual({ numerator: 0, denominator: 0, counted: [], matching: [], excluded: {} });
    expect(provenance.periods.last90Days.byProduct.web?.leadTimeDaysMedian.counted).toEqual([web]);
    // Plain JSON: no Temporal objects, no undefined, no NaN (JSON.stringify would turn NaN into null).
    expect(JSON.parse(JSON.stringify(doc))).toEqual(doc);
  });

  it('a hub without deployed releases: empty byMonth, every product with releaseCount 0 and nulls', () => {
    const doc = computeMetrics(hub([release({ status: 'planned' })]), NOW);
    expect(doc.overall).toEqual(NO_DATA);
    expect(doc.byMonth).toEqual([]);
    expect(doc.byProduct).toEqual({ web: { ...NO_DATA, byMonth: [] }, api: { ...NO_DATA, byMonth: [] } });
    expect(doc.byEnvironment).toEqual({});
    expect(doc.provenance.overall.releaseCount.excluded).toEqual({ 'not-deployed': [doc.provenance.overall.releaseCount.excluded['not-deployed']![0]] });
  });

  it('METRIC_DEFINITIONS has one entry for each metric field, in field order', () => {
    expect(Object.keys(METRIC_DEFINITIONS)).toEqual(Object.keys(NO_DATA));
    for (const definition of Object.values(METRIC_DEFINITIONS)) {
      expect(definition.label).not.toBe('');
      expect(definition.description.length).toBeGreaterThan(20);
    }
  });
});

describe('computeTrend', () => {
  const now = Temporal.Instant.from('2026-04-01T00:00:00Z');
  // 90 days before now is 2026-01-01T00:00Z; 180 days before is 2025-10-03T00:00Z (31 + 30 + 31 + 88 = 180).
  const releases = [
    release({ finishedAt: '2026-04-01T00:00Z' }), // = now: current
    release({ finishedAt: '2026-03-01T12:00Z' }), // current
    release({ status: 'rolled-back', finishedAt: '2026-02-15T12:00Z' }), // current
    release({ finishedAt: '2026-01-01T00:00Z' }), // = start of current (exclusive): previous
    release({ finishedAt: '2025-11-20T00:00Z' }), // previous
    release({ finishedAt: '2025-10-03T00:00Z' }), // = start of previous (exclusive): neither
    release({ finishedAt: '2026-04-01T00:00:01Z' }), // after now: neither
  ];

  it('compares the last 90 days with the 90 days before, each period open at its start and closed at its end', () => {
    const trend = computeTrend(releases, now, OPTIONS);
    expect(trend.windowDays).toBe(90);
    expect(trend.current.from).toBe('2026-01-01T00:00:00Z');
    expect(trend.current.to).toBe('2026-04-01T00:00:00Z');
    expect(trend.previous.from).toBe('2025-10-03T00:00:00Z');
    expect(trend.previous.to).toBe('2026-01-01T00:00:00Z');
    expect(trend.current.metrics.releaseCount).toBe(3);
    expect(trend.previous.metrics.releaseCount).toBe(2);
    expect(trend.change.releaseCount).toEqual({ delta: 3 - 2, relative: (3 - 2) / 2 });
    // A previous value of 0 has no relative change; a null on either side has no change at all.
    expect(trend.change.rollbackRate).toEqual({ delta: 1 / 3 - 0 / 2, relative: null });
    expect(trend.change.onScheduleRate).toEqual({ delta: null, relative: null });
  });

  it('takes other window lengths', () => {
    // 30 days before now is 2026-03-02T00:00Z; 60 days before is 2026-01-31T00:00Z.
    const trend = computeTrend(releases, now, OPTIONS, 30);
    expect(trend.current.metrics.releaseCount).toBe(1); // 04-01
    expect(trend.previous.metrics.releaseCount).toBe(2); // 03-01, 02-15
    expect(trend.change.releaseCount).toEqual({ delta: 1 - 2, relative: (1 - 2) / 2 });
  });

  it('empty periods have releaseCount 0 and no data elsewhere', () => {
    const trend = computeTrend([], now, OPTIONS);
    expect(trend.current.metrics).toEqual(NO_DATA);
    expect(trend.change.releaseCount).toEqual({ delta: 0, relative: null });
    expect(trend.change.leadTimeDaysMedian).toEqual({ delta: null, relative: null });
  });
});
