/** How each attention kind is named on pages: one short label and one tone everywhere (never colour alone). */
import type { AttentionKind } from '../process/attention.ts';
import type { Tone } from './status.ts';

export const ATTENTION_DISPLAY: Record<AttentionKind, { label: string; tone: Tone }> = {
  'in-progress-overdue': { label: 'Overdue', tone: 'bad' },
  'window-passed': { label: 'Window passed', tone: 'bad' },
  'busy-window': { label: 'Busy hours', tone: 'warn' },
  'released-without-finish': { label: 'No release time', tone: 'warn' },
  'gates-missing': { label: 'Gates missing', tone: 'bad' },
  'review-action-overdue': { label: 'Action overdue', tone: 'bad' },
  'removal-overdue': { label: 'Removal overdue', tone: 'warn' },
  'released-late': { label: 'Finished late', tone: 'warn' },
  'runbook-review-overdue': { label: 'Review overdue', tone: 'bad' },
};
