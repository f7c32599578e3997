/**
 * Go/no-go gates as policy as code (SPEC §5): what hub.yaml `policy` requires of a release in
 * progress or released, and which of it the release's `approvals` and `checks` do not show. Pure.
 *
 * Decisions where the issue is silent:
 * - An approval counts as the role it names (`role`), else as its person's people.yaml role.
 * - A required check kind needs at least one `passed` check of that kind.
 * - `policy.since` (a date) leaves out releases whose window starts, or that were released, before it,
 *   so a team can adopt a policy without rewriting its history; releases with neither are checked.
 */
import { Temporal } from 'temporal-polyfill';
import type { Approval, Check, Person, Policy, Release, Runbook } from '../core/model.ts';

/** One gate the policy requires and the release does not pass. */
export interface GateViolation {
  /** The release field to change. */
  field: 'approvals' | 'checks' | 'runbooks' | 'freezeException';
  /** What is missing, e.g. "no approval from the Release Manager (policy.requireApprovalFrom)". */
  message: string;
  fix: string;
}

/** Why: the policy applies to releases in progress or released, from `policy.since` on (hub zone). */
export function isGated(release: Release, policy: Policy, zone: string): boolean {
  if (release.status !== 'in-progress' && release.status !== 'released') return false;
  if (!policy.since) return true;
  const when = release.window?.start ?? release.deployment?.finishedAt;
  return !when || Temporal.PlainDate.compare(when.withTimeZone(zone).toPlainDate(), policy.since) >= 0;
}

/** Why: `check`, the build and the release page's go/no-go panel judge a release by one set of rules. */
export function gateViolations(release: Release, policy: Policy, people: readonly Person[], runbooks: readonly Runbook[]): GateViolation[] {
  const approvals = release.approvals ?? [];
  const checks = release.checks ?? [];
  const roleOf = (approval: Approval) => approval.role ?? people.find((person) => person.id === approval.by)?.role;
  const approvedBy = (role: string) => approvals.some((approval) => approval.decision === 'approved' && roleOf(approval) === role);
  const violations: GateViolation[] = [];
  for (const role of policy.requireApprovalFrom) {
    if (approvedBy(role)) continue;
    const rejected = approvals.some((approval) => approval.decision === 'rejected' && roleOf(approval) === role);
    violations.push({
      field: 'approvals',
      message: `${rejected ? 'rejected by' : 'no approval from'} the ${role} (policy.requireApprovalFrom)`,
      fix: `add an approval: { by: <a ${role}>, decision: approved, at: … }`,
    });
  }
  for (const kind of policy.requireChecks) {
    if (checks.some((check) => check.kind === kind && check.result === 'passed')) continue;
    const failed = checks.find((check: Check) => check.kind === kind && check.result === 'failed');
    violations.push({
      field: 'checks',
      message: failed ? `the ${kind} check "${failed.name}" failed (policy.requireChecks)` : `no passed ${kind} check (policy.requireChecks)`,
      fix: `add a check: { name, kind: ${kind}, result: passed }`,
    });
  }
  if (release.risk === 'high' && policy.highRisk) {
    const { requireRollbackRunbook, requireApprovals } = policy.highRisk;
    const listed = [...release.runbooks, ...(release.rollback?.runbook ? [release.rollback.runbook] : [])];
    if (requireRollbackRunbook && !listed.some((id) => runbooks.find((runbook) => runbook.id === id)?.kind === 'rollback')) {
      violations.push({
        field: 'runbooks',
        message: 'high risk, but no rollback runbook (policy.highRisk.requireRollbackRunbook)',
        fix: 'list a runbook of kind rollback in runbooks',
      });
    }
    const approved = approvals.filter((approval) => approval.decision === 'approved').length;
    if (approved < requireApprovals) {
      violations.push({
        field: 'approvals',
        message: `high risk, with ${approved} of the ${requireApprovals} approvals it needs (policy.highRisk.requireApprovals)`,
        fix: 'add approvals until there are enough',
      });
    }
  }
  if (release.freezeException && policy.freezeExceptionApprovers.length > 0 && !policy.freezeExceptionApprovers.some(approvedBy)) {
    violations.push({
      field: 'freezeException',
      message: `ships in a freeze without an approval from the ${policy.freezeExceptionApprovers.join(' or the ')} (policy.freezeExceptionApprovers)`,
      fix: `add an approval by a ${policy.freezeExceptionApprovers.join(' or ')}`,
    });
  }
  return violations;
}

/** Why: a test-plan runbook's page lists the checks that followed it, newest release first (`compare`). */
export function checksUsing(
  releases: readonly Release[],
  runbookId: string,
  compare: (a: Release, b: Release) => number,
): { release: Release; check: Check }[] {
  return [...releases]
    .sort(compare)
    .flatMap((release) => (release.checks ?? []).filter((check) => check.runbook === runbookId).map((check) => ({ release, check })));
}
