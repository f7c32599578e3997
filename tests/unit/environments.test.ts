/**
 * Environments and promotion (SPEC §5), with hand-worked cases: the promotion order, the release
 * time from the release environment, what runs where at a given "now", per-environment metrics and
 * the loader's reading of `deployment` and `deployments`. Hub zone Europe/Berlin (UTC+1 in November).
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { Temporal } from 'temporal-polyfill';
import { describe, expect, it } from 'vitest';
import { loadContentRoot } from '../../src/content/load.ts';
import { formatProblem } from '../../src/content/problems.ts';
import type { Deployment, Environment, Release } from '../../src/core/model.ts';
import { computeMetrics } from '../../src/metrics/metrics.ts';
import { buildMetricsSite } from '../../src/metrics/page.ts';
import { deploymentsOf, environmentsDocument, promotionIssues, promotionPath, releaseDeploymentOf, whatRunsWhere } from '../../src/process/environments.ts';
import { hubWithOverlay } from './helpers/fixture-hub.ts';
import { at, makeHub, makeRelease } from './helpers/hub-factory.ts';

const ZONE = 'Europe/Berlin';
const STAGING: Environment = { id: 'staging', name: 'Staging', release: false };
const PRODUCTION: Environment = { id: 'production', name: 'Production', release: true };
const ENVIRONMENTS = [STAGING, PRODUCTION];
const NOW = Temporal.Instant.from('2026-11-26T09:00:00Z');

/** A deployment from written times: `deploy('staging', '2026-11-09T15:00', '2026-11-09T15:22')`. */
function deploy(environment: string, startedAt?: string, finishedAt?: string, status: Deployment['status'] = 'succeeded'): Deployment {
  return { environment, status, ...(startedAt ? { startedAt: at(startedAt) } : {}), ...(finishedAt ? { finishedAt: at(finishedAt) } : {}) };
}

/** A deployment with its times as wall-clock text in the hub zone, to compare by value. */
function written(deployment: Deployment): Record<string, string> {
  return Object.fromEntries(
    Object.entries(deployment).map(([key, value]) => [
      key,
      value instanceof Temporal.ZonedDateTime ? value.withTimeZone(ZONE).toPlainDateTime().toString({ smallestUnit: 'minute' }) : String(value),
    ]),
  );
}

describe('promotion order', () => {
  it.each([
    {
      name: 'staging, then production',
      deployments: [deploy('staging', '2026-11-09T15:00', '2026-11-09T15:22'), deploy('production', '2026-11-10T02:03', '2026-11-10T02:37')],
      expected: [],
    },
    {
      name: 'production only',
      deployments: [deploy('production', '2026-11-10T02:03', '2026-11-10T02:37')],
      expected: [
        {
          index: 0,
          message: 'reaches Production without a succeeded deployment to Staging, which comes first',
          fix: 'record the staging deployment, or set skipEnvironments: <why>',
        },
      ],
    },
    {
      name: 'staging failed',
      deployments: [deploy('staging', '2026-11-09T15:00', '2026-11-09T15:22', 'failed'), deploy('production', '2026-11-10T02:03', '2026-11-10T02:37')],
      expected: [
        {
          index: 1,
          message: 'reaches Production without a succeeded deployment to Staging, which comes first',
          fix: 'record the staging deployment, or set skipEnvironments: <why>',
        },
      ],
    },
    {
      name: 'production started before staging finished',
      deployments: [deploy('production', '2026-11-10T02:03', '2026-11-10T02:37'), deploy('staging', '2026-11-10T01:00', '2026-11-10T03:00')],
      expected: [
        {
          index: 0,
          message: 'reaches Production (Tue 10 Nov 2026, 02:03) before Staging finished (Tue 10 Nov 2026, 03:00)',
          fix: 'fix the times, or set skipEnvironments: <why>',
        },
      ],
    },
    {
      name: 'a failed staging retry, then a good one, then production',
      deployments: [
        deploy('staging', '2026-11-09T15:00', '2026-11-09T15:10', 'failed'),
        deploy('staging', '2026-11-09T16:00', '2026-11-09T16:20'),
        deploy('production', '2026-11-10T02:03'),
      ],
      expected: [],
    },
    { name: 'staging only', deployments: [deploy('staging', '2026-11-09T15:00')], expected: [] },
    { name: 'production without times (nothing to order)', deployments: [deploy('production')], expected: [] },
  ])('$name', ({ deployments, expected }) => {
    expect(promotionIssues(deployments, ENVIRONMENTS, ZONE)).toEqual(expected);
  });

  it('names the first environment missing in a longer order', () => {
    const dev: Environment = { id: 'dev', name: 'Development', release: false };
    const deployments = [deploy('dev', '2026-11-08T10:00', '2026-11-08T10:05'), deploy('production', '2026-11-10T02:03')];
    expect(promotionIssues(deployments, [dev, STAGING, PRODUCTION], ZONE).map((issue) => issue.message)).toEqual([
      'reaches Production without a succeeded deployment to Staging, which comes first',
    ]);
  });
});

describe('the release time: the release environment’s deployment', () => {
  it.each([
    {
      name: 'the newest finished one that succeeded',
      deployments: [
        deploy('staging', '2026-11-09T15:00', '2026-11-09T15:22'),
        deploy('production', '2026-11-10T02:00', '2026-11-10T02:30', 'failed'),
        deploy('production', '2026-11-10T02:40', '2026-11-10T03:10'),
      ],
      expected: { startedAt: '2026-11-10T02:40', finishedAt: '2026-11-10T03:10' },
    },
    {
      name: 'else the newest finished one',
      deployments: [deploy('production', '2026-11-10T02:00', '2026-11-10T02:30', 'rolled-back')],
      expected: { startedAt: '2026-11-10T02:00', finishedAt: '2026-11-10T02:30' },
    },
    {
      name: 'else the newest started one',
      deployments: [deploy('staging', '2026-11-09T15:00', '2026-11-09T15:22'), deploy('production', '2026-11-10T02:00')],
      expected: { startedAt: '2026-11-10T02:00' },
    },
    { name: 'none there: no release time', deployments: [deploy('staging', '2026-11-09T15:00', '2026-11-09T15:22')], expected: undefined },
  ])('$name', ({ deployments, expected }) => {
    const chosen = releaseDeploymentOf(deployments, 'production');
    const written =
      chosen && Object.fromEntries(Object.entries(chosen).map(([key, time]) => [key, time!.toPlainDateTime().toString({ smallestUnit: 'minute' })]));
    expect(written).toEqual(expected);
  });

  it('reads the `deployment` shorthand of a release made in memory as its release environment’s (rolled back with the release)', () => {
    const config = { environments: ENVIRONMENTS };
    const shipped = makeRelease({ status: 'released', deployment: { finishedAt: at('2026-11-10T02:37') } });
    expect(deploymentsOf(shipped, config).map(written)).toEqual([{ environment: 'production', status: 'succeeded', finishedAt: '2026-11-10T02:37' }]);
    const undone = makeRelease({ status: 'rolled-back', deployment: { finishedAt: at('2026-11-10T02:37') }, rollback: { reason: 'x' } });
    expect(deploymentsOf(undone, config).map((deployment) => deployment.status)).toEqual(['rolled-back']);
    expect(deploymentsOf(makeRelease(), config)).toEqual([]);
  });
});

describe('what runs where', () => {
  const release = (product: string, version: string, deployments: Deployment[]): Release =>
    makeRelease({ product, version, status: 'released', deployments, deployment: releaseDeploymentOf(deployments, 'production') });
  const hub = makeHub({
    config: { environments: ENVIRONMENTS },
    releases: [
      release('web', '4.7.0', [deploy('staging', '2026-11-02T14:10', '2026-11-02T14:31'), deploy('production', '2026-11-03T02:03', '2026-11-03T02:39')]),
      // In production since 24 Nov 02:04, not finished: production still runs 4.7.0.
      release('web', '4.8.0', [deploy('staging', '2026-11-23T14:00', '2026-11-23T14:40'), deploy('production', '2026-11-24T02:04')]),
      // Finishes on staging after now: not running yet.
      release('web', '4.9.0', [deploy('staging', '2026-11-27T14:00', '2026-11-27T14:30')]),
      release('api', '2.5.0', [deploy('production', '2026-11-01T02:00', '2026-11-01T02:30')]),
      // Deployed, then rolled back in production: 2.5.0 runs again.
      release('api', '2.6.0', [
        deploy('production', '2026-11-10T02:03', '2026-11-10T02:37'),
        deploy('production', '2026-11-10T03:00', '2026-11-10T03:20', 'rolled-back'),
      ]),
      // Rolled back as a release (its status), though its deployment record says it succeeded: not running in production.
      { ...release('api', '2.6.1', [deploy('production', '2026-11-17T02:03', '2026-11-17T02:30')]), status: 'rolled-back', rollback: { reason: 'x' } },
    ],
  });

  it('is, per product and environment, the newest succeeded deployment finished by now and not rolled back since', () => {
    const table = whatRunsWhere(hub, NOW).map(({ product, environments }) => [
      product.id,
      environments.map(({ environment, running }) => `${environment.id}: ${running?.release.version ?? '—'}`),
    ]);
    expect(table).toEqual([
      ['web', ['staging: 4.8.0', 'production: 4.7.0']],
      ['api', ['staging: —', 'production: 2.5.0']],
    ]);
  });

  it('moves with "now"', () => {
    const later = whatRunsWhere(hub, Temporal.Instant.from('2026-11-28T00:00:00Z'));
    expect(later[0]!.environments.map(({ running }) => running?.release.version)).toEqual(['4.9.0', '4.7.0']);
  });

  it('is /api/environments.json', () => {
    const document = environmentsDocument(hub, NOW, (release) => `https://h.example/releases/${release.id}/`);
    expect(document.environments).toEqual([
      { id: 'staging', name: 'Staging', release: false },
      { id: 'production', name: 'Production', release: true },
    ]);
    expect(document.products[0]).toEqual({
      id: 'web',
      name: 'Acme Web',
      environments: [
        {
          environment: 'staging',
          release: 'web/4.8.0',
          version: '4.8.0',
          url: 'https://h.example/releases/web/4.8.0/',
          finishedAt: '2026-11-23T14:40:00+01:00',
        },
        {
          environment: 'production',
          release: 'web/4.7.0',
          version: '4.7.0',
          url: 'https://h.example/releases/web/4.7.0/',
          finishedAt: '2026-11-03T02:39:00+01:00',
        },
      ],
    });
    expect(document.products[1]!.environments[0]).toEqual({ environment: 'staging', release: null, version: null, url: null, finishedAt: null });
  });

  it('gives the promotion path of a release: every environment in order, with its deployments', () => {
    const path = promotionPath(hub.releases[1]!, hub.config);
    expect(path.map(({ environment, deployments }) => [environment.id, deployments.length])).toEqual([
      ['staging', 1],
      ['production', 1],
    ]);
    expect(promotionPath(hub.releases[3]!, hub.config).map(({ deployments }) => deployments.length)).toEqual([0, 1]);
  });

  it('counts deployments per environment in the metrics; DORA’s D is the release environment’s', () => {
    // D (production): web 4.7.0, api 2.5.0, 2.6.0 and 2.6.1 (rolled back, but deployed), which have a release time. Staging: web 4.7.0 (21 min),
    // 4.8.0 (40 min) and 4.9.0 (30 min), all in November: 3 a month, median 30 min.
    const { byEnvironment, overall } = computeMetrics(hub, NOW);
    expect(Object.keys(byEnvironment)).toEqual(['staging', 'production']);
    expect(byEnvironment.staging).toEqual({ releaseCount: 3, releasesPerMonth: 3, deploymentMinutesMedian: 30 });
    expect(byEnvironment.production?.releaseCount).toBe(overall.releaseCount);
    expect(overall.releaseCount).toBe(4);
  });

  it('shows the same figures per environment on the all-time metrics page, in promotion order, and on no other view', () => {
    const site = buildMetricsSite(hub, NOW);
    const [staging, production] = site.views.find((view) => view.path === '/metrics/')!.environments;
    expect(staging).toEqual({ name: 'Staging', release: false, deployments: '3', perMonth: '3', durationMedian: '30' });
    expect([production?.name, production?.release, production?.deployments]).toEqual(['Production', true, '4']);
    expect(site.views.filter((view) => view.environments.length > 0).map((view) => view.path)).toEqual(['/metrics/']);
  });
});

describe('loading deployments', () => {
  const write = (dir: string, file: string, lines: string[]) => {
    mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
    writeFileSync(path.join(dir, file), `${lines.join('\n')}\n`);
  };
  const hubYaml = [
    'title: Minimal Hub',
    'url: https://hub.example',
    'timezone: Europe/Berlin',
    'products:',
    '  - { id: web, name: Web App }',
    '  - { id: api, name: Public API }',
    'environments:',
    '  - { id: staging, name: Staging }',
    '  - { id: production, name: Production, release: true }',
  ];

  it('takes the release time from the release environment, and keeps old files (the shorthand) valid', async () => {
    const dir = hubWithOverlay();
    write(dir, 'hub.yaml', hubYaml);
    write(dir, 'releases/web/1.1.0.md', [
      '---',
      'version: 1.1.0',
      'product: web',
      'status: released',
      'window: { start: 2026-03-17T02:00, end: 2026-03-17T04:00 }',
      'deployments:',
      '  - { environment: staging, startedAt: 2026-03-16T10:00, finishedAt: 2026-03-16T10:30, by: bob }',
      '  - { environment: production, startedAt: 2026-03-17T02:05, finishedAt: 2026-03-17T02:40, notes: Smooth }',
      '---',
    ]);
    write(dir, 'releases/web/1.2.0.md', [
      '---',
      'version: 1.2.0',
      'product: web',
      'status: released',
      'skipEnvironments: Hotfix',
      'deployments: [{ environment: production, finishedAt: 2026-03-18T02:40 }]',
      '---',
    ]);
    const { hub, problems } = await loadContentRoot(dir);
    expect(problems).toEqual([]);
    const byId = (id: string) => hub!.releases.find((release) => release.id === id)!;
    expect(byId('web/1.1.0').deployment?.finishedAt?.toString()).toBe('2026-03-17T02:40:00+01:00[Europe/Berlin]');
    expect(byId('web/1.1.0').deployments?.map((deployment) => [deployment.environment, deployment.status, deployment.by ?? null])).toEqual([
      ['staging', 'succeeded', 'bob'],
      ['production', 'succeeded', null],
    ]);
    expect(byId('web/1.2.0').deployment?.finishedAt?.toString()).toBe('2026-03-18T02:40:00+01:00[Europe/Berlin]');
    // The minimal hub's web 1.0.0 has only `deployment:`: one production deployment, not checked for order.
    expect(byId('web/1.0.0').deployments?.map((deployment) => deployment.environment)).toEqual(['production']);
    expect(hub!.config.environments).toEqual([STAGING, PRODUCTION]);
  });

  it('names an unknown person of a deployment, with the file, line and field', async () => {
    const dir = hubWithOverlay();
    write(dir, 'hub.yaml', hubYaml);
    write(dir, 'releases/web/1.1.0.md', [
      '---',
      'version: 1.1.0',
      'product: web',
      'status: scheduled',
      'deployments:',
      '  - { environment: staging, startedAt: 2026-03-16T10:00, by: alcie }',
      '---',
    ]);
    const { problems } = await loadContentRoot(dir);
    expect(problems.map((problem) => formatProblem(problem, ''))).toEqual([
      'releases/web/1.1.0.md:6 deployments[0].by: "alcie" is not a known person — did you mean "alice"?',
    ]);
  });

  it('defaults to one environment, production, where a release reaches its users', async () => {
    const { hub } = await loadContentRoot(hubWithOverlay());
    expect(hub!.config.environments).toEqual([PRODUCTION]);
    expect(hub!.releases.find((release) => release.id === 'web/1.0.0')!.deployments!.map(written)).toEqual([
      { environment: 'production', status: 'succeeded', startedAt: '2026-03-10T02:05', finishedAt: '2026-03-10T02:41' },
    ]);
  });
});
