/**
 * What scoring returns, as schemas: the engine's result, the `GET /v1/scores` body, and what an
 * element accepts as precomputed scores (validated like anything else that crosses a boundary).
 * @module
 */
import * as z from 'zod/mini';
import { METRIC_KEYS } from '../names.js';
import { IsoDate, IsoDateTime, NonEmpty } from '../schema/common.js';

/** Levels a worker can be ranked within: his grid, its community, its street (乡镇/街道), or the whole scope of the configuration. */
export const RANK_LEVELS = ['grid', 'community', 'street', 'scope'] as const;
/** One of {@link RANK_LEVELS}. */
export type RankLevel = (typeof RANK_LEVELS)[number];

/** Text in both locales (explanations are made in both, so a report can be read in either). */
export const BothLocales = z.object({ 'zh-CN': z.string(), en: z.string() });

/**
 * One metric of one worker: the raw figure, what it is measured against, the normalised value,
 * the weight and the points, an explanation a person reads, and the activities behind it.
 */
export const MetricScore = z.object({
  key: z.enum(METRIC_KEYS),
  /** Points the metric is worth (its weight out of 100). */
  weight: z.number(),
  /**
   * The raw figure: places covered (or inspections, by quota), verified hazards found, hazards
   * closed on time, reviews on time, overdue items, buildings with a captain, trainings held.
   */
  value: z.number(),
  /** What `value` is measured against (places required, the target, hazards due, the best in scope); null for deductions. */
  outOf: z.nullable(z.number()),
  /** 0–1, rounded half away from zero to 4 decimals. */
  normalized: z.number(),
  /** Points earned, rounded half away from zero to 2 decimals. */
  points: z.number(),
  /** Points taken off (overdue deductions only). */
  deduction: z.optional(z.number()),
  /** How the points came about, e.g. "巡查覆盖 18/20 处场所 (90%) × 30 = 27 分". */
  explanation: BothLocales,
  /** Ids of the activities behind the figure, sorted. */
  activityIds: z.array(z.string()),
  /** Places still short: places owed visits (coverage), high-rise buildings without a captain (captains); sorted. */
  placeIds: z.array(z.string()),
});
export type MetricScore = z.infer<typeof MetricScore>;

/** One assessor's entry behind an assessor line's points: who entered it, why, and how many points. */
export const ItemEntry = z.object({
  activityId: z.string(),
  /** The person who entered it (the user id from his token). */
  by: z.string(),
  at: z.string(),
  points: z.number(),
  reason: z.string(),
});
export type ItemEntry = z.infer<typeof ItemEntry>;

/**
 * One line of a local scheme besides the metrics (issue 20): an assessor-entered line, a
 * deduction, a bonus or a threshold, with the points it gives (negative for a deduction).
 */
export const ItemScore = z.object({
  key: z.string(),
  kind: z.enum(['assessor', 'deduction', 'bonus', 'threshold']),
  label: BothLocales,
  /** Activities counted, or for lines read from assessor entries the points entered in all. */
  value: z.number(),
  /** The line's points (assessor), the count required (threshold), the cap (deduction, bonus). */
  outOf: z.number(),
  /** Points this line adds to the total; negative for a deduction. Rounded half away from zero to 2 decimals. */
  points: z.number(),
  explanation: BothLocales,
  /** Ids of the activities behind the line, sorted. */
  activityIds: z.array(z.string()),
  /** Assessor entries behind the line, in time order (empty in a report made from SQL rows). */
  entries: z.array(ItemEntry),
});
export type ItemScore = z.infer<typeof ItemScore>;

/** Where a worker ranks: position 1 is the highest total; ties go to the smaller worker id. */
export const Rank = z.object({
  level: z.enum(RANK_LEVELS),
  /** The code ranked within: the grid's, its community's or street's code prefix, or the configuration's scope. */
  code: z.string(),
  position: z.int().check(z.positive()),
  /** How many workers are ranked within `code`. */
  of: z.int().check(z.positive()),
});
export type Rank = z.infer<typeof Rank>;

/** One worker's score. */
export const WorkerScore = z.object({
  workerId: NonEmpty,
  name: z.string(),
  /** His home grid (the first of his `gridIds`), which places him in a community and a street. */
  gridId: NonEmpty,
  /**
   * 0–100 (the sheet's maximum): the sum of the metrics' and items' points, kept between 0 and the
   * maximum (above it only with `total.bonusAboveMax`), rounded half away from zero to 2 decimals.
   */
  total: z.number().check(z.gte(0)),
  rank: Rank,
  /** In the order of the configuration's metrics. */
  metrics: z.array(MetricScore),
  /** In the order of the configuration's `items`; absent when it has none. */
  items: z.optional(z.array(ItemScore)),
});
export type WorkerScore = z.infer<typeof WorkerScore>;

/** Scores of every worker in scope for one period: what `computeScores` returns and `GET /v1/scores` sends. */
export const ScoreReport = z.object({
  /** The score configuration's id, when it has one. */
  configId: z.optional(z.string()),
  /** The configuration's name. */
  name: z.string(),
  period: z.object({ from: IsoDate, to: IsoDate }),
  scope: z.string(),
  rankBy: z.enum(RANK_LEVELS),
  /** The instant the scores were computed for (what "overdue" was judged against). */
  asOf: IsoDateTime,
  /** Sorted by rank code, then position. */
  workers: z.array(WorkerScore),
});
export type ScoreReport = z.infer<typeof ScoreReport>;
