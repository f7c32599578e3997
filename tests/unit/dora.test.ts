import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { BenchmarkSet } from '../../src/core/model.ts';
import {
  bandFor,
  benchmarksFor,
  deploymentsPerDay,
  DORA_2024,
  DORA_BANDS,
  DORA_KEYS,
  doraAssessment,
  doraValues,
  type DoraBand,
  type DoraKey,
} from '../../src/metrics/dora.ts';
import type { MetricSet } from '../../src/metrics/metrics.ts';
import { benchmarkSetSchema } from '../../src/schemas/benchmarks.ts';
import { makeHub } from './helpers/hub-factory.ts';

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
  deploymentReworkRate: null,
  failedDeploymentRecoveryHoursMedian: null,
};

const HOUR_IN_DAYS = 1 / 24;

describe('bandFor: boundaries of the DORA 2024 table', () => {
  it.each<[DoraKey, number, DoraBand]>([
    // Deployment frequency, deployments per day (more is better).
    ['deploymentFrequency', 2, 'elite'], // multiple per day
    ['deploymentFrequency', 1, 'high'], // once a day is not "multiple per day"
    ['deploymentFrequency', 1 / 7, 'high'], // once per week
    ['deploymentFrequency', 1 / 8, 'medium'],
    ['deploymentFrequency', 1 / 30, 'medium'], // once per month
    ['deploymentFrequency', 1 / 31, 'low'],
    ['deploymentFrequency', 0, 'low'],
    // Change lead time, days.
    ['changeLeadTime', 23 * HOUR_IN_DAYS, 'elite'],
    ['changeLeadTime', 1, 'high'], // not "less than one day"
    ['changeLeadTime', 7, 'high'], // one week
    ['changeLeadTime', 7 + HOUR_IN_DAYS, 'medium'],
    ['changeLeadTime', 30, 'medium'], // one month
    ['changeLeadTime', 31, 'low'],
    // Change fail rate, percent: 5 % elite, 20 % high, 10 % medium, 40 % low. A better band wins over a worse one
    // with a stricter number, so a rate never earns a worse band than a higher rate: medium's 10 % is reached first by high.
    ['changeFailRate', 0, 'elite'],
    ['changeFailRate', 5, 'elite'],
    ['changeFailRate', 5.1, 'high'],
    ['changeFailRate', 10, 'high'],
    ['changeFailRate', 20, 'high'],
    ['changeFailRate', 20.1, 'low'],
    ['changeFailRate', 100, 'low'],
    // Failed deployment recovery time, hours: elite < 1 h, high and medium < 1 day, low 1 week to 1 month.
    ['failedDeploymentRecoveryTime', 0.5, 'elite'],
    ['failedDeploymentRecoveryTime', 1, 'high'],
    ['failedDeploymentRecoveryTime', 23.9, 'high'],
    ['failedDeploymentRecoveryTime', 24, 'low'], // between "less than one day" and "one week to one month": the worse band
    ['failedDeploymentRecoveryTime', 24 * 40, 'low'],
  ])('%s = %d → %s', (key, value, band) => {
    expect(bandFor(DORA_2024, key, value)).toBe(band);
  });

  it('gives deployment rework rate no band: DORA 2024 published none', () => {
    expect(DORA_2024.keys.deploymentReworkRate).toBeUndefined();
    expect(bandFor(DORA_2024, 'deploymentReworkRate', 0)).toBeNull();
  });
});

describe('doraValues and doraAssessment', () => {
  it('no data: every key null and no overall band', () => {
    const assessment = doraAssessment(DORA_2024, doraValues(NO_DATA, deploymentsPerDay(NO_DATA, null)));
    expect(assessment.overall).toBeNull();
    expect(Object.values(assessment.keys)).toEqual(DORA_KEYS.map(() => ({ value: null, band: null })));
  });

  it('reads the keys in benchmark units (rates in percent) and takes the weakest band as the overall band', () => {
    const metrics: MetricSet = {
      ...NO_DATA,
      releaseCount: 4,
      releasesPerMonth: 4, // 4 / 30 per day: between once a week and once a month
      leadTimeDaysMedian: 3,
      changeFailureRate: 0.04,
      failedDeploymentRecoveryHoursMedian: 0.5,
      deploymentReworkRate: 0.25,
    };
    expect(doraAssessment(DORA_2024, doraValues(metrics, deploymentsPerDay(metrics, null)))).toEqual({
      overall: 'medium',
      keys: {
        deploymentFrequency: { value: 4 / 30, band: 'medium' },
        changeLeadTime: { value: 3, band: 'high' },
        changeFailRate: { value: 4, band: 'elite' },
        failedDeploymentRecoveryTime: { value: 0.5, band: 'elite' },
        deploymentReworkRate: { value: 25, band: null }, // a value, no band
      },
    });
  });

  it('counts deployment frequency over the days of a period when there is one', () => {
    expect(deploymentsPerDay({ ...NO_DATA, releaseCount: 9, releasesPerMonth: 3 }, 90)).toBe(9 / 90);
    expect(deploymentsPerDay({ ...NO_DATA, releaseCount: 9, releasesPerMonth: 3 }, null)).toBe(3 / 30);
  });

  it('without a benchmark set: values, no bands', () => {
    const assessment = doraAssessment(null, doraValues({ ...NO_DATA, leadTimeDaysMedian: 2 }, null));
    expect(assessment.keys.changeLeadTime).toEqual({ value: 2, band: null });
    expect(assessment.overall).toBeNull();
  });
});

describe('the benchmark set', () => {
  const custom: BenchmarkSet = {
    name: 'Acme targets 2026',
    published: '2026-01-15',
    source: { title: 'Acme engineering handbook', url: 'https://handbook.acme.example/targets' },
    keys: {
      changeLeadTime: [
        { band: 'elite', published: 'Within two days', atMost: 2 },
        { band: 'low', published: 'Longer' },
      ],
      deploymentReworkRate: [{ band: 'high', published: 'At most 10 %', atMost: 10 }],
    },
  };

  it('is DORA 2024 unless hub.yaml replaces it or turns it off', () => {
    expect(benchmarksFor(makeHub().config)).toBe(DORA_2024);
    expect(benchmarksFor(makeHub({ config: { metrics: { onTimeToleranceMinutes: 0, benchmarks: false } } }).config)).toBeNull();
    expect(benchmarksFor(makeHub({ config: { metrics: { onTimeToleranceMinutes: 0, benchmarks: custom } } }).config)).toBe(custom);
  });

  it('classifies by a team set: a key without bands has none, a value outside every bound of a set without catch-all has none', () => {
    expect(bandFor(custom, 'changeLeadTime', 2)).toBe('elite');
    expect(bandFor(custom, 'changeLeadTime', 30)).toBe('low');
    expect(bandFor(custom, 'deploymentReworkRate', 8)).toBe('high');
    expect(bandFor(custom, 'deploymentReworkRate', 12)).toBeNull();
    expect(bandFor(custom, 'changeFailRate', 1)).toBeNull();
  });

  it('ships as data that passes the hub.yaml schema, named, dated and cited, every band best first', () => {
    const file = path.resolve(import.meta.dirname, '../../src/metrics/benchmarks/dora-2024.json');
    expect(benchmarkSetSchema.parse(JSON.parse(readFileSync(file, 'utf8')))).toEqual(DORA_2024);
    expect(DORA_2024).toMatchObject({ name: 'DORA 2024 software delivery performance levels', published: '2024-10' });
    expect(DORA_2024.source.url).toBe('https://dora.dev/research/2024/dora-report/');
    for (const key of ['deploymentFrequency', 'changeLeadTime', 'changeFailRate', 'failedDeploymentRecoveryTime'] as const) {
      expect(DORA_2024.keys[key]!.map((rule) => rule.band)).toEqual([...DORA_BANDS]);
      expect(DORA_2024.keys[key]!.at(-1)).toEqual({ band: 'low', published: expect.any(String) }); // low takes the rest
    }
  });
});
