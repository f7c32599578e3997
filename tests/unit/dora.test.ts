import { describe, expect, it } from 'vitest';
import { DORA_BANDS, DORA_KEYS, DORA_SOURCE, DORA_THRESHOLDS, doraBand, doraBandFor, type DoraBand, type DoraKey } from '../../src/metrics/dora.ts';
import type { MetricSet } from '../../src/metrics/metrics.ts';

const NO_DATA: MetricSet = {
  releaseCount: 0,
  releasesPerMonth: null,
  onScheduleRate: null,
  leadTimeDaysMedian: null,
  rollbackRate: null,
  satisfactionScore: null,
  deploymentMinutesMedian: null,
  changeFailureRate: null,
  timeToRestoreHoursMedian: null,
};

const HOUR_IN_DAYS = 1 / 24;

describe('doraBandFor: boundaries of the 2021 table', () => {
  it.each<[DoraKey, number, DoraBand]>([
    // Deployment frequency, deployments per day (higher is better; a month is 30 days).
    ['deploymentFrequency', 2, 'elite'], // multiple per day
    ['deploymentFrequency', 1, 'high'], // once a day is not "multiple per day"; above high's range, so high
    ['deploymentFrequency', 1 / 7, 'high'], // once per week
    ['deploymentFrequency', 1 / 30, 'high'], // once per month: the high range includes it
    ['deploymentFrequency', 1 / 31, 'medium'],
    ['deploymentFrequency', 1 / 180, 'medium'], // once every six months
    ['deploymentFrequency', 1 / 181, 'low'],
    ['deploymentFrequency', 0, 'low'],
    // Lead time for changes, days.
    ['leadTime', 0.5 * HOUR_IN_DAYS, 'elite'],
    ['leadTime', 1 * HOUR_IN_DAYS, 'high'], // not "less than one hour"; in the gap before one day, so high
    ['leadTime', 7, 'high'], // one week
    ['leadTime', 7 + HOUR_IN_DAYS, 'medium'], // in the gap before one month, so medium
    ['leadTime', 180, 'medium'], // six months
    ['leadTime', 181, 'low'],
    // Change failure rate, fraction.
    ['changeFailureRate', 0, 'elite'],
    ['changeFailureRate', 0.15, 'elite'],
    ['changeFailureRate', 0.155, 'high'], // between 15 % and 16 %
    ['changeFailureRate', 0.3, 'high'], // high, medium and low share 16-30 %: the best wins
    ['changeFailureRate', 0.31, 'low'],
    ['changeFailureRate', 1, 'low'],
    // Time to restore service, hours.
    ['timeToRestore', 0.5, 'elite'],
    ['timeToRestore', 1, 'high'],
    ['timeToRestore', 23.5, 'high'],
    ['timeToRestore', 24, 'medium'], // not "less than one day"
    ['timeToRestore', 7 * 24, 'medium'], // one week
    ['timeToRestore', 7 * 24 + 1, 'low'],
  ])('%s = %d → %s', (key, value, band) => {
    expect(doraBandFor(key, value)).toBe(band);
  });
});

describe('doraBand', () => {
  it('no data: every key null and no overall band', () => {
    expect(doraBand(NO_DATA)).toEqual({
      overall: null,
      keys: {
        deploymentFrequency: { value: null, band: null },
        leadTime: { value: null, band: null },
        changeFailureRate: { value: null, band: null },
        timeToRestore: { value: null, band: null },
      },
    });
  });

  it('reads deployment frequency from releasesPerMonth ÷ 30, and the overall band is the lowest key with data', () => {
    const metrics: MetricSet = {
      ...NO_DATA,
      releaseCount: 4,
      releasesPerMonth: 4, // 4 / 30 per day, between once a week and once a month
      leadTimeDaysMedian: 3,
      changeFailureRate: 0.1,
    };
    expect(doraBand(metrics)).toEqual({
      overall: 'high',
      keys: {
        deploymentFrequency: { value: 4 / 30, band: 'high' },
        leadTime: { value: 3, band: 'high' },
        changeFailureRate: { value: 0.1, band: 'elite' },
        timeToRestore: { value: null, band: null },
      },
    });
    expect(doraBand({ ...metrics, timeToRestoreHoursMedian: 200 }).overall).toBe('low');
  });

  it('takes a measured deployment frequency instead', () => {
    const assessment = doraBand({ ...NO_DATA, releasesPerMonth: 1 }, 3);
    expect(assessment.keys.deploymentFrequency).toEqual({ value: 3, band: 'elite' });
    expect(assessment.overall).toBe('elite');
  });
});

describe('DORA_THRESHOLDS', () => {
  it('has every band, best first, for every key, with low as the unbounded catch-all', () => {
    for (const key of DORA_KEYS) {
      const thresholds = DORA_THRESHOLDS[key];
      expect(thresholds.key).toBe(key);
      expect(thresholds.rules.map((rule) => rule.band)).toEqual([...DORA_BANDS]);
      expect(thresholds.rules.map((rule) => rule.bound === null)).toEqual([false, false, false, true]);
      for (const rule of thresholds.rules) expect(rule.published).not.toBe('');
    }
  });

  it('cites the report it encodes', () => {
    expect(DORA_SOURCE.title).toBe('Accelerate State of DevOps Report 2021');
    expect(DORA_SOURCE.citation).toContain('2021');
  });
});
