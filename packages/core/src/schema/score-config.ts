/**
 * Scoring configuration: period, scope, metric weights and parameters (DESIGN §7).
 * @module
 */
import * as z from 'zod/mini';
import { ACTIVITY_TYPES, METRIC_KEYS, PLACE_KINDS } from '../names.js';
import type { MetricKey } from '../names.js';
import { AssessmentKey } from './activity.js';
import {
  IsoDate, LocalizedText, NonEmpty, StoredInputShape, StoredShape, addLocalizedIssue, strictDeep,
} from './common.js';

/** One metric's weight (points out of 100) and its parameters. */
export const MetricConfig = z.object({
  key: z.enum(METRIC_KEYS),
  weight: z.number().check(z.gte(0), z.lte(100)),
  /** Parameters of the metric; `{}` when absent. */
  params: z._default(z.record(NonEmpty, z.union([z.number(), z.string(), z.boolean(), z.record(NonEmpty, z.number())])), () => ({})),
});
export type MetricConfig = z.infer<typeof MetricConfig>;

// Points are rounded to 2 decimals, so a sum within this of 100 is 100.
const WEIGHT_EPSILON = 1e-6;

const metricsOnce = z.superRefine<{ key: MetricKey; weight: number }[]>((metrics, ctx) => {
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
});

const points = z.number().check(z.gte(0), z.lte(1000));
const itemBase = {
  /** The line's key: what an assessor's `assessment.entered` names as `item`, and the column prefix in SQL. */
  key: AssessmentKey,
  /** The line as the sheet words it (档案资料齐全). */
  label: LocalizedText,
};
const counted = {
  /** The activity type each instance of which counts (`record.incomplete`, `hazard.rejected`, `assessment.entered`). */
  activity: z.enum(ACTIVITY_TYPES),
  /** Points per activity; for `assessment.entered` the points the assessor entered count instead. 1 by default. */
  per: z.optional(points),
  /** The most points the line gives or takes. */
  cap: points,
};

/**
 * One line of a local scheme besides the metrics (issue 20), discriminated by `kind`:
 * - `assessor` — points an assessor enters (`assessment.entered` with this `item`), summed and
 *   kept between 0 and `points`; `start: 'full'` starts from `points` (entries then take off).
 * - `deduction` — each `activity` in the period credited to the worker takes `per` off the
 *   total, at most `cap` (each rule has its own type, value and cap).
 * - `bonus` — each `activity` adds `per`, at most `cap`; whether the total may pass the maximum is `total.bonusAboveMax`.
 * - `threshold` — `points` when the worker has at least `atLeastPerMonth` × months of `activity`
 *   in the period (完成得分，否则不得分), else none.
 */
export const SchemeItem = z.discriminatedUnion('kind', [
  z.object({ ...itemBase, kind: z.literal('assessor'), points, start: z.optional(z.enum(['zero', 'full'])) }),
  z.object({ ...itemBase, kind: z.literal('deduction'), ...counted }),
  z.object({ ...itemBase, kind: z.literal('bonus'), ...counted }),
  z.object({ ...itemBase, kind: z.literal('threshold'), points, activity: z.enum(ACTIVITY_TYPES), atLeastPerMonth: points }),
]);
export type SchemeItem = z.infer<typeof SchemeItem>;

/** Kinds of {@link SchemeItem}. */
export const SCHEME_ITEM_KINDS = ['assessor', 'deduction', 'bonus', 'threshold'] as const;
export type SchemeItemKind = (typeof SCHEME_ITEM_KINDS)[number];

const itemsOnce = z.superRefine<{ key: string }[]>((items, ctx) => {
  const seen = new Set<string>();
  items.forEach((m, i) => {
    if (seen.has(m.key)) {
      addLocalizedIssue(ctx, [i, 'key'], { 'zh-CN': `考评项 ${m.key} 出现了两次`, en: `item ${m.key} is listed twice` });
    }
    seen.add(m.key);
  });
});

/** The points a sheet is out of: `total.max`, 100 by default. */
export const sheetMax = (c: { total?: { max?: number | undefined } | undefined }): number => c.total?.max ?? 100;

/**
 * The sum rule says what the sheet says: the metrics' weights and the points of the assessor and
 * threshold lines add up to the sheet's maximum (100 unless `total.max` says otherwise);
 * deductions and bonuses come on top and are not part of it.
 */
export const sheetSums = z.superRefine<{
  metrics: { weight: number }[];
  items?: ({ kind: string; points?: number } & Record<string, unknown>)[] | undefined;
  total?: { max?: number | undefined } | undefined;
}>((c, ctx) => {
  const items = c.items ?? [];
  const max = sheetMax(c);
  const sum = c.metrics.reduce((s, m) => s + m.weight, 0)
    + items.reduce((s, i) => s + (i.kind === 'assessor' || i.kind === 'threshold' ? (i.points ?? 0) : 0), 0);
  if (Math.abs(sum - max) > WEIGHT_EPSILON) {
    const shown = Math.round(sum * 100) / 100;
    addLocalizedIssue(ctx, ['metrics'], items.length === 0 ? {
      'zh-CN': `metrics 的权重合计为 ${shown}，应为 ${max}`,
      en: `the weights of metrics add up to ${shown}; they must add up to ${max}`,
    } : {
      'zh-CN': `metrics 的权重与 items 中评分项、达标项的分值合计为 ${shown}，应为 ${max}`,
      en: `the weights of metrics and the points of the assessor and threshold items add up to ${shown}; they must add up to ${max}`,
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
  metrics: z.array(MetricConfig).check(metricsOnce),
  /** Lines of a local scheme besides the metrics: assessor-entered, deductions, bonuses, thresholds (issue 20). */
  items: z.optional(z.array(SchemeItem).check(itemsOnce)),
  /**
   * The sheet's range: `max` (100 by default) is what the metrics' weights and the assessor and
   * threshold points add up to, and where the total stops unless `bonusAboveMax` is true.
   */
  total: z.optional(z.object({ max: z.optional(z.number().check(z.positive(), z.lte(1000))), bonusAboveMax: z.optional(z.boolean()) })),
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
 * A score configuration as stored and read. The metric weights (with the points of assessor and
 * threshold items) must add up to the sheet's maximum, 100 by default.
 * @example
 * const c: ScoreConfig = { id, version: 1, createdAt, updatedAt, tenantId: 't1', name: '2025 Q1',
 *   period: { from: '2025-01-01', to: '2025-03-31' }, scope: '330106',
 *   metrics: [{ key: 'coverage', weight: 60, params: {} }, { key: 'closure', weight: 40, params: {} }],
 *   visitsPerMonth: { residential: 1, 'small-venue': 2 }, deductions: { perOverdue: 2, cap: 20 } };
 */
export const ScoreConfig = z.object({ ...StoredShape, ...ScoreConfigShape }).check(periodIsForward, sheetSums);
export type ScoreConfig = z.infer<typeof ScoreConfig>;

/** A score configuration as a `PUT` body: unknown keys refused at every level, server-managed fields optional. */
export const ScoreConfigInput = strictDeep(z.object({ ...StoredInputShape, ...ScoreConfigShape }).check(periodIsForward, sheetSums));
export type ScoreConfigInput = z.infer<typeof ScoreConfigInput>;
