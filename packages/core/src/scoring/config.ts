/**
 * What the scoring engine reads of a {@link ScoreConfig}, checked field by field: the schema's
 * shape (weights add up to 100, a period that runs forward) plus each metric's `params`, with
 * defaults filled in. A bad configuration is refused with a FiregridError `config` whose issues
 * name the field (`metrics[2].params.targetPerMonth`).
 * @module
 */
import * as z from 'zod/mini';
import { FiregridError } from '../errors.js';
import type { Issue } from '../errors.js';
import { PLACE_KINDS } from '../names.js';
import type { ActivityType, Locale, MetricKey, PlaceKind } from '../names.js';
import { NonEmpty, StoredInputShape } from '../schema/common.js';
import { ScoreConfigShape, sheetMax, sheetSums } from '../schema/score-config.js';
import type { SchemeItem, ScoreConfig } from '../schema/score-config.js';
import { checkWith, formatPath } from '../validate.js';
import { monthsIn, periodBounds } from './period.js';
import type { Period } from './period.js';

/** When a metric has nothing to measure (no place needs a visit, no hazard fell due): full points or none. */
export const WHEN_NONE = ['full', 'zero'] as const;
/** One of {@link WHEN_NONE}. */
export type WhenNone = (typeof WHEN_NONE)[number];

/**
 * Whose activities a metric reads: `grid` — every activity in the worker's grids, whoever it is
 * credited to (hazards of the grid, buildings of the grid); `worker` — only those credited to him.
 */
export const ATTRIBUTIONS = ['grid', 'worker'] as const;
/** One of {@link ATTRIBUTIONS}. */
export type Attribution = (typeof ATTRIBUTIONS)[number];

/**
 * What a count is measured against: `target` — the metric's own target per month; `best` — the
 * highest count among the workers scored together (a relative metric).
 */
export const RELATIVE_TO = ['target', 'best'] as const;
/** One of {@link RELATIVE_TO}. */
export type RelativeTo = (typeof RELATIVE_TO)[number];

const count = z.number().check(z.nonnegative());
const whenNone = z.optional(z.enum(WHEN_NONE));

/**
 * The parameters each metric accepts (all optional; unknown ones are refused so a misspelt
 * parameter never silently falls back to its default):
 *
 * - `coverage`: `mode` — `places` (default: the share of the grid's places visited as often as
 *   `visitsPerMonth` asks for their kind) or `quota` (inspections against `quotaPerMonth`, the
 *   form of a town's inspection quota); `quotaByPost` — quotas per month by the worker's `post`
 *   (a worker whose post has none gets `quotaPerMonth`), so one configuration ranks every post
 *   together; `count` — `visits` (default) or `places`: distinct places inspected, so 125 visits
 *   to 3 shops count 3; `whenNone`.
 * - `discovery`: verified hazards found; `targetPerMonth` (default 2), `relativeTo`, `whenNone`.
 * - `closure`: hazards whose deadline falls in the period, closed by it; `attribution` (default
 *   `grid`: the hazards of the worker's grids), `whenNone`.
 * - `review`: reviews done on time; `whenNone`.
 * - `overdue`: deductions of `deductions.perOverdue` per overdue item up to `deductions.cap`;
 *   `attribution` (default `grid`).
 * - `captains`: high-rise buildings of the grid with a floor captain; `buildings` — `residential`
 *   (default: the plan asks it of every high-rise residential building) or `all` high-rise;
 *   `attribution` (default `grid`), `whenNone`.
 * - `outreach`: fire-safety training and publicity held; `targetPerMonth` (default 1), `relativeTo`, `whenNone`.
 */
export const METRIC_PARAMS = {
  coverage: z.strictObject({
    mode: z.optional(z.enum(['places', 'quota'])),
    quotaPerMonth: z.optional(count),
    quotaByPost: z.optional(z.record(NonEmpty, count)),
    count: z.optional(z.enum(['visits', 'places'])),
    whenNone,
  }),
  discovery: z.strictObject({ targetPerMonth: z.optional(count), relativeTo: z.optional(z.enum(RELATIVE_TO)), whenNone }),
  closure: z.strictObject({ attribution: z.optional(z.enum(ATTRIBUTIONS)), whenNone }),
  review: z.strictObject({ whenNone }),
  overdue: z.strictObject({ attribution: z.optional(z.enum(ATTRIBUTIONS)) }),
  captains: z.strictObject({
    buildings: z.optional(z.enum(['residential', 'all'])),
    attribution: z.optional(z.enum(ATTRIBUTIONS)),
    whenNone,
  }),
  outreach: z.strictObject({ targetPerMonth: z.optional(count), relativeTo: z.optional(z.enum(RELATIVE_TO)), whenNone }),
} as const satisfies Record<MetricKey, z.ZodMiniType>;

/** The parameters of one metric, as {@link METRIC_PARAMS} accepts them. */
export type MetricParams<K extends MetricKey> = z.infer<(typeof METRIC_PARAMS)[K]>;

/** Defaults of the parameters, filled in by {@link resolveScoreConfig}. */
export const METRIC_PARAM_DEFAULTS = {
  coverage: { mode: 'places', quotaPerMonth: 0, quotaByPost: {}, count: 'visits', whenNone: 'full' },
  discovery: { targetPerMonth: 2, relativeTo: 'target', whenNone: 'full' },
  closure: { attribution: 'grid', whenNone: 'full' },
  review: { whenNone: 'full' },
  overdue: { attribution: 'grid' },
  captains: { buildings: 'residential', attribution: 'grid', whenNone: 'full' },
  outreach: { targetPerMonth: 1, relativeTo: 'target', whenNone: 'full' },
} as const satisfies { [K in MetricKey]: Required<MetricParams<K>> };

/**
 * What the engine reads of a score configuration: a {@link ScoreConfig} fits, and so does one
 * without the stored fields (an example, a configuration not yet saved). Lenient like every read
 * schema: unknown top-level keys are dropped.
 */
export const ScoringConfig = z.object({
  ...ScoreConfigShape,
  id: z.optional(NonEmpty),
  version: StoredInputShape.version,
  createdAt: StoredInputShape.createdAt,
  updatedAt: StoredInputShape.updatedAt,
  tenantId: StoredInputShape.tenantId,
}).check(sheetSums);
/** A configuration the engine accepts (see {@link ScoringConfig}); a stored {@link ScoreConfig} is one. */
export type ScoringConfig = z.input<typeof ScoringConfig>;

/** The fields of a score configuration besides the stored ones, as parsed (every metric has its `params`). */
export type ScoreConfigBody = z.output<z.ZodMiniObject<typeof ScoreConfigShape>>;

/** One metric with its parameters checked and completed. */
export type ResolvedMetric = {
  [K in MetricKey]: {
    key: K;
    weight: number;
    params: Required<MetricParams<K>>;
    /** Where the metric sits in `config.metrics`. */
    index: number;
  };
}[MetricKey];

/** A scheme line (issue 20) with its defaults filled in and its place in `config.items`. */
export type ResolvedItem =
  | { kind: 'assessor'; key: string; label: { 'zh-CN': string; en: string }; points: number; start: 'zero' | 'full'; index: number }
  | {
    kind: 'deduction' | 'bonus'; key: string; label: { 'zh-CN': string; en: string }; activity: ActivityType;
    per: number; cap: number; index: number;
  }
  | {
    kind: 'threshold'; key: string; label: { 'zh-CN': string; en: string }; activity: ActivityType;
    points: number; atLeastPerMonth: number; index: number;
  };

/** The activity an item counts: assessor lines count `assessment.entered` entries naming them. */
export const itemActivity = (i: ResolvedItem): ActivityType => (i.kind === 'assessor' ? 'assessment.entered' : i.activity);

function resolveItem(i: SchemeItem, index: number): ResolvedItem {
  const label = { 'zh-CN': i.label['zh-CN'], en: i.label.en ?? i.label['zh-CN'] };
  switch (i.kind) {
    case 'assessor': return { kind: 'assessor', key: i.key, label, points: i.points, start: i.start ?? 'zero', index };
    case 'deduction':
    case 'bonus': return { kind: i.kind, key: i.key, label, activity: i.activity, per: i.per ?? 1, cap: i.cap, index };
    case 'threshold': return { kind: 'threshold', key: i.key, label, activity: i.activity, points: i.points, atLeastPerMonth: i.atLeastPerMonth, index };
  }
}

/** A configuration checked and completed, with what the period works out to. */
export interface ResolvedScoreConfig {
  id: string | undefined;
  name: string;
  period: Period;
  scope: string;
  metrics: ResolvedMetric[];
  visitsPerMonth: Partial<Record<PlaceKind, number>>;
  deductions: { perOverdue: number; cap: number };
  /** The scheme's lines besides the metrics, in order (empty for a metrics-only configuration). */
  items: ResolvedItem[];
  /** What the sheet is out of (`total.max`, 100 by default). */
  max: number;
  /** Bonuses may lift the total above `max`. */
  bonusAboveMax: boolean;
  /** 00:00 of `period.from` in UTC+8, epoch ms. */
  startMs: number;
  /** 00:00 of the day after `period.to` in UTC+8, epoch ms (exclusive). */
  endMs: number;
  /** Months the period spans ({@link monthsIn}). */
  months: number;
}

const TEXT = {
  'zh-CN': {
    invalid: (m: string) => `考评配置无效：${m}`,
    backwards: (from: string, to: string) => `考评期结束日 ${to} 早于开始日 ${from}`,
    quota: '按定额计的巡查（mode: quota）需要 quotaPerMonth 或 quotaByPost',
    kind: (k: string) => `没有"${k}"这类场所；可用：${PLACE_KINDS.join('、')}`,
    more: (n: number) => `（另有 ${n} 处问题）`,
  },
  en: {
    invalid: (m: string) => `Invalid score configuration: ${m}`,
    backwards: (from: string, to: string) => `the period ends on ${to}, before it starts on ${from}`,
    quota: 'coverage by quota (mode: quota) needs quotaPerMonth or quotaByPost',
    kind: (k: string) => `there is no place kind "${k}"; known: ${PLACE_KINDS.join(', ')}`,
    more: (n: number) => ` (and ${n} more ${n === 1 ? 'problem' : 'problems'})`,
  },
} as const;

/** Keys of `visitsPerMonth` that are not place kinds, each as an issue naming it. */
function unknownKinds(config: unknown, text: (typeof TEXT)[Locale]): Issue[] {
  const table = typeof config === 'object' && config !== null ? (config as { visitsPerMonth?: unknown }).visitsPerMonth : undefined;
  if (typeof table !== 'object' || table === null) return [];
  return Object.keys(table)
    .filter((k) => !(PLACE_KINDS as readonly string[]).includes(k))
    .map((k) => ({ path: formatPath(['visitsPerMonth', k]), message: text.kind(k) }));
}

const prefixed = (prefix: string, path: string): string =>
  path === '' ? prefix : path.startsWith('[') ? `${prefix}${path}` : `${prefix}.${path}`;

/**
 * Checks a score configuration and fills in the defaults of every metric's parameters.
 * @throws FiregridError `config` whose `issues` name every bad field (`metrics[1].params.mode`,
 *   `period.to`, `metrics` when the weights do not add up to 100), with messages in `locale`.
 * @example
 * const resolved = resolveScoreConfig(config, 'en');
 * resolved.months; // 3 for a calendar quarter
 */
export function resolveScoreConfig(config: ScoringConfig | ScoreConfig, locale: Locale = 'zh-CN'): ResolvedScoreConfig {
  const text = TEXT[locale];
  const kinds = unknownKinds(config, text);
  const base = checkWith(ScoringConfig, config, { locale });
  if (!base.ok || kinds.length > 0) {
    // zod reports an unknown kind at `visitsPerMonth`; the own issue names the kind.
    const issues = [...kinds, ...(base.ok ? [] : base.issues.filter((i) => !(kinds.length > 0 && i.path === 'visitsPerMonth')))];
    const first = issues[0];
    const message = first === undefined ? '' : `${first.path}: ${first.message}${issues.length > 1 ? text.more(issues.length - 1) : ''}`;
    throw new FiregridError('config', text.invalid(message), { issues });
  }
  const c = base.value;
  const issues: Issue[] = [];
  if (c.period.to < c.period.from) issues.push({ path: 'period.to', message: text.backwards(c.period.from, c.period.to) });
  const metrics: ResolvedMetric[] = [];
  c.metrics.forEach((m, index) => {
    const r = checkWith(METRIC_PARAMS[m.key], m.params, { locale });
    if (!r.ok) {
      for (const issue of r.issues) issues.push({ path: prefixed(`metrics[${index}].params`, issue.path), message: issue.message });
      return;
    }
    const params = { ...METRIC_PARAM_DEFAULTS[m.key], ...r.value };
    if (m.key === 'coverage' && m.params.mode === 'quota' && m.params.quotaPerMonth === undefined && m.params.quotaByPost === undefined) {
      issues.push({ path: `metrics[${index}].params.quotaPerMonth`, message: text.quota });
    }
    metrics.push({ key: m.key, weight: m.weight, params, index } as ResolvedMetric);
  });
  const first = issues[0];
  if (first !== undefined) {
    const message = `${first.path}: ${first.message}${issues.length > 1 ? text.more(issues.length - 1) : ''}`;
    throw new FiregridError('config', text.invalid(message), { issues });
  }
  const period = { from: c.period.from, to: c.period.to };
  const { startMs, endMs } = periodBounds(period);
  return {
    id: c.id,
    name: c.name,
    period,
    scope: c.scope,
    metrics,
    visitsPerMonth: c.visitsPerMonth,
    deductions: { perOverdue: c.deductions.perOverdue, cap: c.deductions.cap },
    items: (c.items ?? []).map(resolveItem),
    max: sheetMax(c),
    bonusAboveMax: c.total?.bonusAboveMax === true,
    startMs,
    endMs,
    months: monthsIn(period),
  };
}

/**
 * A count expected per month over `months` months, as a whole number: a quota of 2 a month over
 * a quarter is 6; over half of February, 1. Rounded up (half a visit is a visit still owed), with
 * the epsilon absorbing `0.1 * 3`-style binary error.
 */
export function targetFor(perMonth: number, months: number): number {
  const t = perMonth * months;
  return t <= 0 ? 0 : Math.ceil(t - 1e-9);
}
