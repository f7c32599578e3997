/**
 * How a metric's provenance reads: its numerator and denominator in words ("6 of 9 releases on
 * schedule"), a short form for table cells ("6 of 9"), and why an input was left out.
 */
import type { ExclusionReason, MetricField } from '../metrics/metrics.ts';
import { countOf } from './count.ts';

/** Why a release or an incident is not counted, in words. */
export const EXCLUSION_TEXT: Record<ExclusionReason, string> = {
  'not-deployed': 'not deployed',
  'no-finish-time': 'no deployment finish time',
  'no-window': 'no window',
  'no-accepted-at': 'no acceptedAt',
  'no-start-time': 'no deployment start time',
  'no-survey': 'no survey',
  'no-responses': 'a survey without responses',
  'no-incident': 'no incident',
  unresolved: 'incident not resolved yet',
};

/** What a sentence needs of a provenance (the model's or the JSON's): its fraction and how many inputs it counted. */
export interface ProvenanceCounts {
  numerator: number | null;
  denominator: number;
  counted: readonly unknown[];
}

/** Why: every value on a page says what it was computed over, e.g. "6 of 9 releases on schedule". */
export function provenanceSentence(field: MetricField, provenance: ProvenanceCounts): string {
  const { numerator: n, denominator: d } = provenance;
  if (d === 0) return NOTHING_COUNTED[field];
  switch (field) {
    case 'releaseCount':
      return countOf(d, 'deployed release');
    case 'releasesPerMonth':
      return `${countOf(n ?? 0, 'release')} in ${countOf(d, 'month')}`;
    case 'onScheduleRate':
      return `${n} of ${countOf(d, 'release')} with a window on schedule`;
    case 'leadTimeDaysMedian':
      return `median of ${countOf(d, 'release')} with acceptedAt`;
    case 'rollbackRate':
      return `${n} of ${countOf(d, 'release')} rolled back`;
    case 'satisfactionScore':
      return `${countOf(d, 'response')} to ${countOf(provenance.counted.length, 'survey')}`;
    case 'deploymentMinutesMedian':
      return `median of ${countOf(d, 'deployment')} with a start time`;
    case 'changeFailureRate':
      return `${n} of ${countOf(d, 'release')} rolled back or with an incident`;
    case 'deploymentReworkRate':
      return `${n} of ${countOf(d, 'release')} made to fix an incident`;
    case 'timeToRestoreHoursMedian':
    case 'failedDeploymentRecoveryHoursMedian':
      return `median of ${countOf(d, 'resolved incident')}`;
  }
}

/** What a value with nothing to count over says instead of "0 of 0". */
const NOTHING_COUNTED: Record<MetricField, string> = {
  releaseCount: 'no deployed release',
  releasesPerMonth: 'no deployed release',
  onScheduleRate: 'no deployed release with a window',
  leadTimeDaysMedian: 'no deployed release with acceptedAt',
  rollbackRate: 'no deployed release',
  satisfactionScore: 'no survey response',
  deploymentMinutesMedian: 'no deployment with a start time',
  changeFailureRate: 'no deployed release',
  deploymentReworkRate: 'no deployed release',
  timeToRestoreHoursMedian: 'no resolved incident',
  failedDeploymentRecoveryHoursMedian: 'no resolved incident',
};

/** Why: a table cell carries its numerator and denominator too, briefly ("6 of 9", "median of 4"); counts need none. */
export function provenanceShort(field: MetricField, provenance: ProvenanceCounts): string | null {
  const { numerator: n, denominator: d } = provenance;
  if (field === 'releaseCount' || field === 'releasesPerMonth') return null;
  if (field === 'satisfactionScore') return countOf(d, 'response');
  return n === null ? `median of ${d}` : `${n} of ${d}`;
}
