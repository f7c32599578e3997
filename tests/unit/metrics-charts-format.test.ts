import { describe, expect, it } from 'vitest';
import { METRIC_DEFINITIONS, type MetricChange } from '../../src/metrics/metrics.ts';
import { describeTrend, formatMetricCell, formatMetricNumber, formatMetricValue, type NumberFormat } from '../../src/presentation/number-format.ts';

describe('formatMetricNumber', () => {
  it.each<[number, NumberFormat, string]>([
    [49, 'integer', '49'],
    [0, 'integer', '0'],
    [2 / 3, 'percent', '66.7'], // fractions are shown ×100 with one decimal
    [1, 'percent', '100'],
    [0, 'percent', '0'],
    [0.15, 'percent', '15'],
    [0.0816, 'percent', '8.2'],
    [4.235500365230095, 'decimal', '4.24'], // below 10: two decimals
    [4.2, 'decimal', '4.2'], // trailing zeros dropped
    [36, 'decimal', '36'],
    [15.1125, 'decimal', '15.1'], // 10 to 100: one decimal
    [89.5, 'decimal', '89.5'],
    [140.4, 'decimal', '140'], // 100 and more: whole numbers
    [12345.6, 'decimal', '12346'],
    [0.004, 'decimal', '0'], // never "-0" or "0.00"
    [-0.001, 'decimal', '0'],
    [-2.5, 'decimal', '-2.5'],
  ])('%d as %s → %s', (value, format, expected) => {
    expect(formatMetricNumber(value, format)).toBe(expected);
  });
});

describe('formatMetricValue and formatMetricCell', () => {
  it('adds the unit, a % sign for rates, and writes missing values in words', () => {
    expect(formatMetricValue(15.1125, METRIC_DEFINITIONS.leadTimeDaysMedian)).toBe('15.1 days');
    expect(formatMetricValue(0.8979591836734694, METRIC_DEFINITIONS.onScheduleRate)).toBe('89.8%');
    expect(formatMetricValue(4.2355, METRIC_DEFINITIONS.satisfactionScore)).toBe('4.24 out of 5');
    expect(formatMetricValue(49, METRIC_DEFINITIONS.releaseCount)).toBe('49 releases');
    expect(formatMetricValue(1, METRIC_DEFINITIONS.releaseCount)).toBe('1 release');
    expect(formatMetricValue(1, METRIC_DEFINITIONS.releasesPerMonth)).toBe('1 release per month');
    expect(formatMetricValue(1, METRIC_DEFINITIONS.timeToRestoreHoursMedian)).toBe('1 hour');
    expect(formatMetricValue(1, METRIC_DEFINITIONS.satisfactionScore)).toBe('1 out of 5');
    expect(formatMetricValue(1.04, METRIC_DEFINITIONS.leadTimeDaysMedian)).toBe('1.04 days');
    expect(formatMetricValue(7, { format: 'decimal', unit: '' })).toBe('7');
    expect(formatMetricValue(null, METRIC_DEFINITIONS.leadTimeDaysMedian)).toBe('no data yet');
    expect(formatMetricCell(null, 'percent')).toBe('no data');
    expect(formatMetricCell(0, 'percent')).toBe('0');
  });
});

describe('describeTrend', () => {
  const change = (delta: number | null, relative: number | null): MetricChange => ({ delta, relative });

  it('moves rates in percentage points and says whether that is better', () => {
    expect(describeTrend(change(1 / 7, 1 / 6), METRIC_DEFINITIONS.onScheduleRate, 90, true)).toEqual({
      direction: 'up',
      arrow: '↑',
      text: 'Up 14.3 points vs previous 90 days',
      verdict: 'better',
    });
    expect(describeTrend(change(0.01, 0.1), METRIC_DEFINITIONS.rollbackRate, 90, true)).toEqual({
      direction: 'up',
      arrow: '↑',
      text: 'Up 1 point vs previous 90 days',
      verdict: 'worse',
    });
  });

  it('moves other metrics by their relative change', () => {
    expect(describeTrend(change(-7.5, -7.5 / 44), METRIC_DEFINITIONS.deploymentMinutesMedian, 90, true)).toEqual({
      direction: 'down',
      arrow: '↓',
      text: 'Down 17% vs previous 90 days',
      verdict: 'better',
    });
    // Release counts have no better direction.
    expect(describeTrend(change(-1, -1 / 7), METRIC_DEFINITIONS.releaseCount, 30, true)).toEqual({
      direction: 'down',
      arrow: '↓',
      text: 'Down 14.3% vs previous 30 days',
      verdict: null,
    });
  });

  it('uses the difference in the unit when the previous value was 0', () => {
    expect(describeTrend(change(3, null), METRIC_DEFINITIONS.releaseCount, 90, true).text).toBe('Up 3 releases vs previous 90 days');
  });

  it('says "no change" when the change rounds to nothing', () => {
    expect(describeTrend(change(0, 0), METRIC_DEFINITIONS.leadTimeDaysMedian, 90, true)).toEqual({
      direction: 'flat',
      arrow: '→',
      text: 'No change vs previous 90 days',
      verdict: null,
    });
    expect(describeTrend(change(0.0001, 0.0002), METRIC_DEFINITIONS.changeFailureRate, 90, true).direction).toBe('flat');
  });

  it('names the period without data when there is nothing to compare', () => {
    expect(describeTrend(change(null, null), METRIC_DEFINITIONS.leadTimeDaysMedian, 90, true)).toEqual({
      direction: 'none',
      arrow: '',
      text: 'No comparison: no data in the previous 90 days',
      verdict: null,
    });
    expect(describeTrend(change(null, null), METRIC_DEFINITIONS.leadTimeDaysMedian, 90, false).text).toBe('No comparison: no data in the last 90 days');
  });
});
