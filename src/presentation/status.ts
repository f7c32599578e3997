/** How each release status is shown: one label and one tone everywhere (never colour alone). */
import type { ReleaseStatus } from '../core/model.ts';

export type Tone = 'ok' | 'warn' | 'bad' | 'info' | 'neutral';

export const STATUS_DISPLAY: Record<ReleaseStatus, { label: string; tone: Tone }> = {
  planned: { label: 'Planned', tone: 'neutral' },
  scheduled: { label: 'Scheduled', tone: 'info' },
  'in-progress': { label: 'In progress', tone: 'warn' },
  released: { label: 'Released', tone: 'ok' },
  'rolled-back': { label: 'Rolled back', tone: 'bad' },
  cancelled: { label: 'Cancelled', tone: 'neutral' },
};
