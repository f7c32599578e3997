/** How each deployment status is shown: one label and one tone everywhere (never colour alone). */
import type { DeploymentStatus } from '../core/model.ts';
import type { Tone } from './status.ts';

export const DEPLOYMENT_STATUS_DISPLAY: Record<DeploymentStatus, { label: string; tone: Tone }> = {
  succeeded: { label: 'Succeeded', tone: 'ok' },
  failed: { label: 'Failed', tone: 'bad' },
  'rolled-back': { label: 'Rolled back', tone: 'bad' },
};
