/**
 * Scoring configuration: period, scope, metric weights and parameters (DESIGN §7).
 * @module
 */
import * as z from 'zod/mini';
import { METRIC_KEYS, PLACE_KINDS } from '../names.js';
import type { MetricKey } from '../names.js';
import {
  IsoDate, NonEmpty, StoredInputShape, StoredShape, addLocalizedIssue, strictDeep,
} from './common.js';

/** One metric's weight (points out of 100) and its parameters. */
export const MetricConfig = z.object({
  key: z.enum(METRIC_KEYS),
  weight: z.number().check(z.gte(0), z.lte(100)),
  /** Parameters of the metric; `{}` when absent. */
  params: z._default(z.record(NonEmpty, z.union([z.number(), z.string(), z.boolean()])), () => ({})),
});
export type MetricConfig = z.infer<typeof MetricConfig>;

// Points are rounded to 2 decimals, so a sum within this of 100 is 100.
const WEIGHT_EPSILON = 1e-6;

const weightsSumTo100 = z.superRefine<{ key: MetricKey; weight: number }[]>((metrics, ctx) => {
  const seen = new Set<MetricKey>();
  metrics.forEach((m, i) => {
    if (seen.has(m.key)) {
      addLocalizedIssue(ctx, [i, 'key'], {
        'zh-CN': `指标 ${m.key} 出现了两次`,
        en: `metric ${m.key} is listed twice`,
      });
    }
    seen.add(m.key);
  });
  const sum = metrics.reduce((s, m) => s + m.weight, 0);
  if (Math.abs(sum - 100) > WEIGHT_EPSILON) {
    const shown = Math.round(sum * 100) / 100;
    addLocalizedIssue(ctx, [], {
      'zh-CN': `metrics 的权重合计为 ${shown}，应为 100`,
      en: `the weights of metrics add up to ${shown}; they must add up to 100`,
    });
  }
});

const periodIsForward = z.superRefine<{ period: { from: string; to: string } }>((c, ctx) => {
  if (c.period.to < c.period.from) {
    addLocalizedIssue(ctx, ['period', 'to'], {
      'zh-CN': `考评期结束日 ${c.period.to} 早于开始日 ${c.period.from}`,
      en: `the period ends on ${c.period.to}, before it starts on ${c.period.from}`,
    });
  }
});

/** The fields of a score configuration besides the stored ones. */
export const ScoreConfigShape = {
  name: NonEmpty,
  /** Whole days in Asia/Shanghai, both ends included (`2025-01-01` to `2025-03-31` is the first quarter). */
  period: z.object({ from: IsoDate, to: IsoDate }),
  /** OrgUnit code prefix the configuration ranks within, `*` for the whole tenant. */
  scope: NonEmpty,
  metrics: z.array(MetricConfig).check(weightsSumTo100),
  /** Expected visits per month per place kind: an example default, meant to be set locally. */
  visitsPerMonth: z.partialRecord(z.enum(PLACE_KINDS), z.number().check(z.nonnegative())),
  deductions: z.object({
    /** Points taken off per overdue hazard. */
    perOverdue: z.number().check(z.nonnegative()),
    /** The most points deductions can take off. */
    cap: z.number().check(z.nonnegative()),
  }),
};

/**
 * A score configuration as stored and read. The metric weights must add up to 100.
 * @example
 * const c: ScoreConfig = { id, version: 1, createdAt, updatedAt, tenantId: 't1', name: '2025 Q1',
 *   period: { from: '2025-01-01', to: '2025-03-31' }, scope: '330106',
 *   metrics: [{ key: 'coverage', weight: 60, params: {} }, { key: 'closure', weight: 40, params: {} }],
 *   visitsPerMonth: { residential: 1, 'small-venue': 2 }, deductions: { perOverdue: 2, cap: 20 } };
 */
export const ScoreConfig = z.object({ ...StoredShape, ...ScoreConfigShape }).check(periodIsForward);
export type ScoreConfig = z.infer<typeof ScoreConfig>;

/** A score configuration as a `PUT` body: unknown keys refused at every level, server-managed fields optional. */
export const ScoreConfigInput = strictDeep(z.object({ ...StoredInputShape, ...ScoreConfigShape }).check(periodIsForward));
export type ScoreConfigInput = z.infer<typeof ScoreConfigInput>;
