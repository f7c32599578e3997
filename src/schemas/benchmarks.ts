/**
 * A benchmark set (hub.yaml `metrics.benchmarks`, SPEC §4): performance bands for DORA's keys, as a
 * named, dated and cited set. The bundled default (DORA's 2024 report) is data of this same form,
 * so a team can replace it with its own set, or write `benchmarks: false` to show none.
 */
import { z } from 'astro/zod';
import { text } from './fields.ts';
import { isSafeWrittenUrl, SAFE_URL_HINT } from './safe-url.ts';
import { BENCHMARK_BANDS, BENCHMARK_KEYS, type BenchmarkKey } from './vocabulary.ts';

/** The unit every value and bound of a key is written in. */
export const BENCHMARK_UNITS: Record<BenchmarkKey, string> = {
  deploymentFrequency: 'deployments per day',
  changeLeadTime: 'days',
  changeFailRate: 'percent',
  failedDeploymentRecoveryTime: 'hours',
  deploymentReworkRate: 'percent',
};

/** Keys where more is better (a bound is a minimum); on the others a bound is a maximum. */
export const HIGHER_IS_BETTER: ReadonlySet<BenchmarkKey> = new Set(['deploymentFrequency']);

const bound = z.number().min(0);
const BOUNDS = ['below', 'atMost', 'above', 'atLeast'] as const;

/** One band of one key: the published wording and the one bound a value must meet to earn it. */
export const benchmarkRuleSchema = z
  .strictObject({
    /** Which band. */
    band: z.enum(BENCHMARK_BANDS),
    /** The range as the source words it, e.g. "Less than one day"; shown in the thresholds table. */
    published: text,
    /** A value less than this earns the band (a maximum, excluded). */
    below: bound.optional(),
    /** A value up to and including this earns the band (a maximum, included). */
    atMost: bound.optional(),
    /** A value more than this earns the band (a minimum, excluded). */
    above: bound.optional(),
    /** A value of at least this earns the band (a minimum, included). */
    atLeast: bound.optional(),
  })
  .superRefine((rule, ctx) => {
    const given = BOUNDS.filter((name) => rule[name] !== undefined);
    if (given.length > 1) {
      ctx.addIssue({ code: 'custom', path: [given[1]!], message: `gives a second bound (${given.join(', ')}) — give one of below, atMost, above or atLeast` });
    }
  });

/** The bands of one key, best first; a band without a bound takes every value that meets no other. */
const keyRulesSchema = z.array(benchmarkRuleSchema).min(1, { error: 'must list at least one band' });

/** A named, dated, cited benchmark set. */
export const benchmarkSetSchema = z
  .strictObject({
    /** What the set is, e.g. "DORA 2024 software delivery performance levels". */
    name: text,
    /** When the source was published: `2024-10` or `2024-10-22`. */
    published: z
      .string()
      .regex(/^\d{4}-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?$/, { error: 'must be a month or a date, e.g. "2024-10" or "2024-10-22" (quote it)' }),
    /** Where the bands come from. */
    source: z.strictObject({
      /** Title of the report or page. */
      title: text,
      /** Its address. */
      url: text.refine(isSafeWrittenUrl, { error: (issue) => `"${String(issue.input)}" is not a safe link — ${SAFE_URL_HINT}` }),
      /** How the numbers were taken from it, e.g. the page of the table. */
      note: text.optional(),
    }),
    /** Bands per key, in the key's unit (`BENCHMARK_UNITS`); a key left out has no band. */
    keys: z.strictObject(
      Object.fromEntries(BENCHMARK_KEYS.map((key) => [key, keyRulesSchema.optional()])) as Record<BenchmarkKey, z.ZodOptional<typeof keyRulesSchema>>,
    ),
  })
  .superRefine((set, ctx) => {
    for (const key of BENCHMARK_KEYS) {
      const rules = set.keys[key];
      if (!rules) continue;
      const higher = HIGHER_IS_BETTER.has(key);
      rules.forEach((rule, index) => {
        const path = ['keys', key, index];
        if (rules.findIndex((other) => other.band === rule.band) !== index) {
          ctx.addIssue({ code: 'custom', path: [...path, 'band'], message: `"${rule.band}" is listed twice for ${key} — list each band once` });
        }
        const wrong = higher ? (['below', 'atMost'] as const) : (['above', 'atLeast'] as const);
        for (const name of wrong) {
          if (rule[name] !== undefined) {
            ctx.addIssue({
              code: 'custom',
              path: [...path, name],
              message: `cannot bound ${key}, where ${higher ? 'more' : 'less'} is better — use ${higher ? 'above or atLeast' : 'below or atMost'}`,
            });
          }
        }
        if (index < rules.length - 1 && BOUNDS.every((name) => rule[name] === undefined)) {
          ctx.addIssue({
            code: 'custom',
            path,
            message: `has no bound but is not the last band of ${key} — give it a bound, or move it last (it takes every value no other band takes)`,
          });
        }
      });
    }
  });

export type BenchmarkSetInput = z.output<typeof benchmarkSetSchema>;
