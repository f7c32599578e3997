/**
 * The closed word lists of the content model (SPEC §1): what a field may say. The schemas
 * validate against them and the domain reads them from here, so each list is written once.
 */

/** Where a release stands, in the order a release moves through them. */
export const RELEASE_STATUSES = ['planned', 'scheduled', 'in-progress', 'released', 'rolled-back', 'cancelled'] as const;
export type ReleaseStatus = (typeof RELEASE_STATUSES)[number];

/** How one deployment of a release to one environment ended. */
export const DEPLOYMENT_STATUSES = ['succeeded', 'failed', 'rolled-back'] as const;
export type DeploymentStatus = (typeof DEPLOYMENT_STATUSES)[number];

/** A go/no-go approval's decision. */
export const APPROVAL_DECISIONS = ['approved', 'rejected', 'pending'] as const;
export type ApprovalDecision = (typeof APPROVAL_DECISIONS)[number];

/** What a release check tests. */
export const CHECK_KINDS = ['unit', 'integration', 'e2e', 'manual', 'load', 'security', 'other'] as const;
export type CheckKind = (typeof CHECK_KINDS)[number];

/** A release check's outcome. */
export const CHECK_RESULTS = ['passed', 'failed', 'skipped', 'pending'] as const;
export type CheckResult = (typeof CHECK_RESULTS)[number];

/** Who may see a release or change: `public` reaches the changelog and the public build. */
export const AUDIENCES = ['public', 'internal'] as const;
export type Audience = (typeof AUDIENCES)[number];

/** Keep a Changelog types, in its order: pages group changes in this order. */
export const CHANGE_TYPES = ['added', 'changed', 'deprecated', 'removed', 'fixed', 'security'] as const;
export type ChangeType = (typeof CHANGE_TYPES)[number];

/** Risk of a release. */
export const RISKS = ['low', 'medium', 'high'] as const;
export type Risk = (typeof RISKS)[number];

/** What a runbook is for. */
export const RUNBOOK_KINDS = ['deploy', 'rollback', 'test-plan', 'validation', 'incident', 'other'] as const;
export type RunbookKind = (typeof RUNBOOK_KINDS)[number];

/** RACI cells: Responsible, Accountable, Consulted, Informed, or Accountable and Responsible. */
export const RACI_CODES = ['R', 'A', 'C', 'I', 'A/R'] as const;
export type RaciCode = (typeof RACI_CODES)[number];

/** Performance bands of a benchmark set (DORA's clusters), best first. */
export const BENCHMARK_BANDS = ['elite', 'high', 'medium', 'low'] as const;
export type BenchmarkBand = (typeof BENCHMARK_BANDS)[number];

/**
 * DORA's five software delivery keys (dora.dev, 2024 names), in the order pages list them. Each has
 * a fixed unit in a benchmark set: deployments per day, days, percent, hours and percent.
 */
export const BENCHMARK_KEYS = ['deploymentFrequency', 'changeLeadTime', 'changeFailRate', 'failedDeploymentRecoveryTime', 'deploymentReworkRate'] as const;
export type BenchmarkKey = (typeof BENCHMARK_KEYS)[number];

/** Severity of a security advisory: the qualitative ratings of CVSS (FIRST), least severe first. */
export const ADVISORY_SEVERITIES = ['low', 'medium', 'high', 'critical'] as const;
export type AdvisorySeverity = (typeof ADVISORY_SEVERITIES)[number];

/** Channels of a go-to-market plan (`gtm.channels`, `gtm.assets[].channel`). */
export const GTM_CHANNELS = ['blog', 'email', 'in-app', 'docs', 'sales-enablement', 'social', 'press', 'webinar', 'support'] as const;
export type GtmChannel = (typeof GTM_CHANNELS)[number];

/** Who an announcement draft is for (`/announce/…`, `release-hub announce --audience`, `templates/announce/<kind>.yaml`). */
export const ANNOUNCEMENT_KINDS = ['customer', 'internal', 'exec'] as const;
export type AnnouncementKind = (typeof ANNOUNCEMENT_KINDS)[number];

/** The words a `templates/announce/<kind>.yaml` text may hold in braces, `{product}`, filled in per release. */
export const ANNOUNCEMENT_PLACEHOLDERS = ['product', 'version', 'title', 'hub', 'status', 'date'] as const;
export type AnnouncementPlaceholder = (typeof ANNOUNCEMENT_PLACEHOLDERS)[number];
