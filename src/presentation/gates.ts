/** How approvals and checks read on a page: one label and one tone each (never colour alone). */
import type { ApprovalDecision, CheckKind, CheckResult } from '../core/model.ts';
import type { Tone } from './status.ts';

export const APPROVAL_DISPLAY: Record<ApprovalDecision, { label: string; tone: Tone }> = {
  approved: { label: 'Approved', tone: 'ok' },
  rejected: { label: 'Rejected', tone: 'bad' },
  pending: { label: 'Pending', tone: 'neutral' },
};

export const CHECK_RESULT_DISPLAY: Record<CheckResult, { label: string; tone: Tone }> = {
  passed: { label: 'Passed', tone: 'ok' },
  failed: { label: 'Failed', tone: 'bad' },
  skipped: { label: 'Skipped', tone: 'warn' },
  pending: { label: 'Pending', tone: 'neutral' },
};

export const CHECK_KIND_LABELS: Record<CheckKind, string> = {
  unit: 'Unit',
  integration: 'Integration',
  e2e: 'End to end',
  manual: 'Manual',
  load: 'Load',
  security: 'Security',
  other: 'Other',
};
