/** Go/no-go gates (SPEC §5): each policy rule with hand-worked cases, who the policy applies to, and the loader's warnings and errors. */
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { Temporal } from 'temporal-polyfill';
import { describe, expect, it } from 'vitest';
import { loadContentRoot } from '../../src/content/load.ts';
import { formatProblem } from '../../src/content/problems.ts';
import type { Approval, Check, Person, Policy, Release, Runbook } from '../../src/core/model.ts';
import { checksUsing, gateViolations, isGated } from '../../src/process/gates.ts';
import { hubAttention } from '../../src/process/attention.ts';
import { compareReleasesNewestFirst } from '../../src/releases/releases.ts';
import { hubWithOverlay } from './helpers/fixture-hub.ts';
import { at, makeHub, makeRelease, windowOf } from './helpers/hub-factory.ts';

const POLICY: Policy = { requireApprovalFrom: [], requireChecks: [], freezeExceptionApprovers: [], enforce: false };
const PEOPLE: Person[] = [
  { id: 'alice', name: 'Alice', role: 'Release Manager' },
  { id: 'bob', name: 'Bob', role: 'Engineering Lead' },
];
const RUNBOOKS: Runbook[] = [
  { id: 'rollback-web', title: 'Roll back', kind: 'rollback', products: ['web'], source: { file: 'runbooks/rollback-web.md' } },
  { id: 'deploy-web', title: 'Deploy', kind: 'deploy', products: ['web'], source: { file: 'runbooks/deploy-web.md' } },
];
const approve = (by: string, decision: Approval['decision'] = 'approved', role?: string): Approval => ({ by, decision, ...(role ? { role } : {}) });
const check = (kind: Check['kind'], result: Check['result'], name = `${kind} suite`): Check => ({ name, kind, result });
const messages = (release: Partial<Release>, policy: Partial<Policy>) =>
  gateViolations(makeRelease({ status: 'released', ...release }), { ...POLICY, ...policy }, PEOPLE, RUNBOOKS).map(
    (violation) => `${violation.field}: ${violation.message}`,
  );

describe('requireApprovalFrom', () => {
  it.each([
    { approvals: [approve('alice')], expected: [] },
    // Bob approves as the Release Manager he stands in for.
    { approvals: [approve('bob', 'approved', 'Release Manager')], expected: [] },
    { approvals: [approve('bob')], expected: ['approvals: no approval from the Release Manager (policy.requireApprovalFrom)'] },
    { approvals: [approve('alice', 'pending')], expected: ['approvals: no approval from the Release Manager (policy.requireApprovalFrom)'] },
    { approvals: [approve('alice', 'rejected')], expected: ['approvals: rejected by the Release Manager (policy.requireApprovalFrom)'] },
    { approvals: [], expected: ['approvals: no approval from the Release Manager (policy.requireApprovalFrom)'] },
  ])('$approvals', ({ approvals, expected }) => {
    expect(messages({ approvals }, { requireApprovalFrom: ['Release Manager'] })).toEqual(expected);
  });
});

describe('requireChecks', () => {
  it.each([
    { checks: [check('unit', 'passed'), check('e2e', 'passed')], expected: [] },
    { checks: [check('unit', 'passed'), check('e2e', 'failed', 'Checkout'), check('e2e', 'passed')], expected: [] },
    { checks: [check('unit', 'passed'), check('e2e', 'failed', 'Checkout')], expected: ['checks: the e2e check "Checkout" failed (policy.requireChecks)'] },
    {
      checks: [check('unit', 'skipped'), check('e2e', 'pending')],
      expected: ['checks: no passed unit check (policy.requireChecks)', 'checks: no passed e2e check (policy.requireChecks)'],
    },
  ])('$checks', ({ checks, expected }) => {
    expect(messages({ checks }, { requireChecks: ['unit', 'e2e'] })).toEqual(expected);
  });
});

describe('highRisk', () => {
  const highRisk = { requireRollbackRunbook: true, requireApprovals: 2 };
  it.each([
    { release: { risk: 'high' as const, runbooks: ['rollback-web'], approvals: [approve('alice'), approve('bob')] }, expected: [] },
    // The rollback runbook may be the one the rollback names.
    {
      release: {
        risk: 'high' as const,
        runbooks: ['deploy-web'],
        rollback: { runbook: 'rollback-web', reason: 'x' },
        approvals: [approve('alice'), approve('bob')],
      },
      expected: [],
    },
    {
      release: { risk: 'high' as const, runbooks: ['deploy-web'], approvals: [approve('alice'), approve('bob', 'pending')] },
      expected: [
        'runbooks: high risk, but no rollback runbook (policy.highRisk.requireRollbackRunbook)',
        'approvals: high risk, with 1 of the 2 approvals it needs (policy.highRisk.requireApprovals)',
      ],
    },
    { release: { risk: 'medium' as const, runbooks: [], approvals: [] }, expected: [] },
  ])('$release.risk, $release.runbooks', ({ release, expected }) => {
    expect(messages(release, { highRisk })).toEqual(expected);
  });
});

describe('freezeExceptionApprovers', () => {
  it.each([
    { release: { freezeException: 'CVE fix', approvals: [approve('bob')] }, expected: [] },
    {
      release: { freezeException: 'CVE fix', approvals: [approve('alice')] },
      expected: ['freezeException: ships in a freeze without an approval from the Engineering Lead or the SRE (policy.freezeExceptionApprovers)'],
    },
    { release: { approvals: [] }, expected: [] },
  ])('$release', ({ release, expected }) => {
    expect(messages(release, { freezeExceptionApprovers: ['Engineering Lead', 'SRE'] })).toEqual(expected);
  });
});

describe('who the policy applies to', () => {
  const since = Temporal.PlainDate.from('2026-11-01');
  it.each([
    { release: { status: 'released' as const }, policy: POLICY, expected: true },
    { release: { status: 'in-progress' as const }, policy: POLICY, expected: true },
    { release: { status: 'scheduled' as const }, policy: POLICY, expected: false },
    { release: { status: 'rolled-back' as const, rollback: { reason: 'x' } }, policy: POLICY, expected: false },
    // 1 Nov 00:30 in Berlin is 31 Oct 23:30 UTC: the day is the hub zone's.
    { release: { status: 'released' as const, window: windowOf('2026-11-01T00:30', '2026-11-01T02:00') }, policy: { ...POLICY, since }, expected: true },
    { release: { status: 'released' as const, window: windowOf('2026-10-31T22:00', '2026-10-31T23:00') }, policy: { ...POLICY, since }, expected: false },
    { release: { status: 'released' as const, deployment: { finishedAt: at('2026-10-20T02:00') } }, policy: { ...POLICY, since }, expected: false },
    { release: { status: 'released' as const }, policy: { ...POLICY, since }, expected: true },
  ])('$release.status, since $policy.since', ({ release, policy, expected }) => {
    expect(isGated(makeRelease(release), policy, 'Europe/Berlin')).toBe(expected);
  });

  it('makes gates missing an attention item of the release', () => {
    const hub = makeHub({
      config: { policy: { ...POLICY, requireApprovalFrom: ['Release Manager'], requireChecks: ['e2e'] } },
      people: PEOPLE,
      releases: [makeRelease({ status: 'in-progress' }), makeRelease({ version: '0.9.0', status: 'scheduled' })],
    });
    expect(hubAttention(hub, Temporal.Instant.from('2026-11-26T09:00:00Z')).map((item) => [item.kind, item.subject.id, item.message])).toEqual([
      [
        'gates-missing',
        'web/1.0.0',
        'Gates missing under the policy: no approval from the Release Manager (policy.requireApprovalFrom); no passed e2e check (policy.requireChecks).',
      ],
    ]);
  });

  it('lists the checks that followed a test plan, newest release first', () => {
    const plan = { ...check('e2e', 'passed', 'Checkout'), runbook: 'test-plan' };
    const releases = [
      makeRelease({ version: '1.0.0', deployment: { finishedAt: at('2026-03-10T02:00') }, checks: [plan, check('unit', 'passed')] }),
      makeRelease({ version: '1.1.0', deployment: { finishedAt: at('2026-04-10T02:00') }, checks: [{ ...plan, result: 'failed' }] }),
    ];
    expect(
      checksUsing(releases, 'test-plan', compareReleasesNewestFirst).map(({ release, check }) => `${release.version} ${check.name} ${check.result}`),
    ).toEqual(['1.1.0 Checkout failed', '1.0.0 Checkout passed']);
  });
});

describe('the loader', () => {
  const write = (dir: string, file: string, lines: string[]) => {
    mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
    writeFileSync(path.join(dir, file), `${lines.join('\n')}\n`);
  };
  const hubYaml = (enforce: boolean) => [
    'title: Minimal Hub',
    'url: https://hub.example',
    'timezone: Europe/Berlin',
    'products:',
    '  - { id: web, name: Web App }',
    '  - { id: api, name: Public API }',
    'policy:',
    '  requireApprovalFrom: [Release Manager, Release Manger]',
    '  requireChecks: e2e',
    `  enforce: ${enforce}`,
  ];

  it.each([
    { enforce: false, severity: 'warning' },
    { enforce: true, severity: 'error' },
  ])('reports gates missing as a $severity (enforce: $enforce), and policy roles that are not RACI roles as errors', async ({ enforce, severity }) => {
    const dir = hubWithOverlay();
    write(dir, 'hub.yaml', hubYaml(enforce));
    write(dir, 'releases/web/1.1.0.md', [
      '---',
      'version: 1.1.0',
      'product: web',
      'status: released',
      'deployment: { finishedAt: 2026-03-17T02:40 }',
      'approvals:',
      '  - { by: alice, decision: approved, at: 2026-03-16T17:00 }',
      '  - { by: bob, role: Engineeer, decision: pending }',
      'checks:',
      '  - { name: Checkout, kind: e2e, result: failed, url: "https://ci.example/1", runbook: deploy-web }',
      '---',
    ]);
    const { problems } = await loadContentRoot(dir);
    // In any order: sortProblems orders them (errors first, then by file and line), tested on its own.
    expect(problems.map((problem) => `${problem.severity} ${formatProblem(problem, '')}`).sort()).toEqual(
      [
        'error hub.yaml:8 policy.requireApprovalFrom[1]: "Release Manger" is not a role of any RACI matrix — did you mean "Release Manager"?',
        'error releases/web/1.1.0.md:8 approvals[1].role: "Engineeer" is not a role of any RACI matrix — did you mean "Engineer"?',
        'warning releases/web/1.1.0.md:10 checks[0].runbook: "deploy-web" is a deploy runbook, not a test plan — name the test-plan runbook the check followed',
        `${severity} releases/web/1.0.0.mdx:2 approvals: no approval from the Release Manager (policy.requireApprovalFrom) — add an approval: { by: <a Release Manager>, decision: approved, at: … }`,
        `${severity} releases/web/1.0.0.mdx:2 approvals: no approval from the Release Manger (policy.requireApprovalFrom) — add an approval: { by: <a Release Manger>, decision: approved, at: … }`,
        `${severity} releases/web/1.0.0.mdx:2 checks: no passed e2e check (policy.requireChecks) — add a check: { name, kind: e2e, result: passed }`,
        `${severity} releases/web/1.1.0.md:6 approvals: no approval from the Release Manger (policy.requireApprovalFrom) — add an approval: { by: <a Release Manger>, decision: approved, at: … }`,
        `${severity} releases/web/1.1.0.md:9 checks: the e2e check "Checkout" failed (policy.requireChecks) — add a check: { name, kind: e2e, result: passed }`,
      ].sort(),
    );
  });
});
