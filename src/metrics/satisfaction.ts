/**
 * Release satisfaction from survey responses (`feedback/*.csv`, SPEC §4): the mean score, the
 * number of responses and how many gave each score. The metrics weigh each release's mean by its
 * responses (src/metrics/metrics.ts), so a period's satisfaction is the mean of all its responses.
 */
import type { Satisfaction } from '../core/model.ts';

/** The lowest and highest score a response may give. */
export const SCORE_MIN = 1;
export const SCORE_MAX = 5;

/** Why: one definition of a release's satisfaction from its responses' scores (whole numbers 1–5; at least one). */
export function satisfactionFromScores(scores: readonly number[]): Satisfaction {
  const distribution: [number, number, number, number, number] = [0, 0, 0, 0, 0];
  let sum = 0;
  for (const score of scores) {
    distribution[score - SCORE_MIN]! += 1;
    sum += score;
  }
  return { score: sum / scores.length, responses: scores.length, distribution };
}
