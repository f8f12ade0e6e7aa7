/**
 * Example configurations. None of this is a provincial standard — none has been published
 * (REGULATIONS.md §1.4) — so every number here is an example for a county or town to replace with
 * its own, and the data says so.
 * @module
 */
import type { MetricKey, PlaceKind } from '../names.js';
import type { ScoreConfigBody } from './config.js';
import type { Period } from './period.js';

/** A zh-CN and an English text. */
export interface BilingualText {
  'zh-CN': string;
  en: string;
}

/** The name of each metric, as the breakdown shows it. */
export const METRIC_LABELS = {
  coverage: { 'zh-CN': '巡查覆盖', en: 'Patrol coverage' },
  discovery: { 'zh-CN': '隐患发现', en: 'Hazards found' },
  closure: { 'zh-CN': '按期整改', en: 'Closed on time' },
  review: { 'zh-CN': '按时复查', en: 'Reviews on time' },
  overdue: { 'zh-CN': '超期扣分', en: 'Overdue deductions' },
  captains: { 'zh-CN': '楼长覆盖', en: 'Floor captains' },
  outreach: { 'zh-CN': '培训宣传', en: 'Training and publicity' },
} as const satisfies Record<MetricKey, BilingualText>;

/**
 * An EXAMPLE table of how many visits per month a grid worker owes a place of each kind. It is
 * not a standard: set it locally. Where a regulation gives a frequency for the unit's own checks
 * the example follows it (令5号 art. 35: residential buildings at least monthly, public buildings
 * every half month); the rest is a judgement of risk (people living on site, crowds, children,
 * the elderly and the sick get more visits; sites the fire service supervises directly get none).
 */
export const VISITS_PER_MONTH_EXAMPLE = {
  /** Marks the table as an example wherever it travels (a UI can show it). */
  example: true,
  note: {
    'zh-CN': '示例数据：每类场所每月应巡查次数并无省级标准，请按本地考评办法设置。',
    en: 'Example data: there is no provincial standard for visits per month per kind of place; set it to your local scheme.',
  },
  visitsPerMonth: {
    residential: 1,
    'public-building': 2,
    'commercial-complex': 2,
    'small-venue': 2,
    'three-in-one': 4,
    'ebike-shed': 2,
    school: 2,
    kindergarten: 2,
    'elderly-care': 2,
    hospital: 2,
    hotel: 2,
    market: 2,
    entertainment: 2,
    religious: 1,
    heritage: 1,
    factory: 1,
    warehouse: 1,
    'construction-site': 2,
    village: 1,
    'metro-station': 1,
    petrochemical: 0,
    'rental-housing': 2,
    'family-workshop': 4,
    homestay: 2,
    'scenic-area': 1,
    other: 1,
  },
} as const satisfies { example: true; note: BilingualText; visitsPerMonth: Record<PlaceKind, number> };

/** Options of {@link exampleScoreConfig}. */
export interface ExampleConfigOptions {
  period: Period;
  /** OrgUnit code prefix ranked within; `*` (the whole tenant) by default. */
  scope?: string;
}

/**
 * An EXAMPLE configuration with every metric of DESIGN §7, weights adding up to 100 and the
 * example visits table. For demos and a starting point; a county sets its own.
 * @example
 * const config = exampleScoreConfig({ period: parsePeriod('2025-Q1'), scope: '140105' });
 */
export function exampleScoreConfig(options: ExampleConfigOptions): ScoreConfigBody {
  return {
    name: '网格员消防履职考评（示例配置）',
    period: { ...options.period },
    scope: options.scope ?? '*',
    metrics: [
      { key: 'coverage', weight: 30, params: {} },
      { key: 'discovery', weight: 15, params: { targetPerMonth: 2 } },
      { key: 'closure', weight: 20, params: {} },
      { key: 'review', weight: 10, params: {} },
      { key: 'overdue', weight: 10, params: {} },
      { key: 'captains', weight: 10, params: {} },
      { key: 'outreach', weight: 5, params: { targetPerMonth: 1 } },
    ],
    visitsPerMonth: { ...VISITS_PER_MONTH_EXAMPLE.visitsPerMonth },
    deductions: { perOverdue: 2, cap: 10 },
  };
}

/**
 * A published town scheme written as configuration, without code: the measurable rules of the
 * 东升镇 grid assessment (REGULATIONS.md §1.4, "system use" part) with their published points —
 * an inspection quota per worker worth **3** points, and **−1 per overdue workflow item, at most
 * −3**. The quota itself is not in the source (`quotaPerMonth: 20` is an example). The scheme's
 * other items (office, staff, maps, log-ins, records) are assessed by people, not from activities;
 * their 94 points are given here, as a local addition that is NOT part of the published scheme,
 * to the fire-safety duties the three-year plan asks of grid workers.
 */
export function dongshengSchemeExample(options: ExampleConfigOptions): ScoreConfigBody {
  return {
    name: '东升镇网格考评（系统运用部分）· 示例',
    period: { ...options.period },
    scope: options.scope ?? '*',
    metrics: [
      // 巡查任务定额 3 分 (published); the monthly quota is an example.
      { key: 'coverage', weight: 3, params: { mode: 'quota', quotaPerMonth: 20 } },
      // 超期事项每件扣 1 分，最多扣 3 分 (published): the weight is the 3 points the deductions come off.
      { key: 'overdue', weight: 3, params: { attribution: 'worker' } },
      // Not in the published scheme: local additions for the plan's duties (94 points).
      { key: 'discovery', weight: 24, params: { targetPerMonth: 2 } },
      { key: 'closure', weight: 24, params: {} },
      { key: 'review', weight: 14, params: {} },
      { key: 'captains', weight: 20, params: {} },
      { key: 'outreach', weight: 12, params: { targetPerMonth: 1 } },
    ],
    visitsPerMonth: { ...VISITS_PER_MONTH_EXAMPLE.visitsPerMonth },
    deductions: { perOverdue: 1, cap: 3 },
  };
}

/**
 * The 东升镇 sheet (REGULATIONS.md §1.4) as a whole 100-point configuration with its
 * assessor-entered lines (issue 20) — a worked EXAMPLE: **support 20** (office, staff and
 * computer; maps and org chart posted; plan, cell leaders, roster, training; phone policy) is
 * entered by an assessor; of **system use**, staff knowing the system (3), cell leaders logging in
 * (3) and the daily log-in (3) are entered by an assessor too (until the host records
 * `login.daily`), the inspection quota per worker (3) is measured, overdue workflow items take
 * −1 each, at most −3 (the `overdue` metric, worker-attributed, as in
 * {@link dongshengSchemeExample}), and incomplete grid records −1 each, at most −5 (an assessor's
 * entries on the `records` deduction line, until the host records `record.incomplete`). The rest
 * of the published sheet is cut off in the source: its 65 points go here, as a local addition that
 * is NOT part of the published scheme, to the fire-safety duties of the three-year plan.
 */
export function dongshengSheetExample(options: ExampleConfigOptions): ScoreConfigBody {
  const line = (zh: string, en: string): BilingualText => ({ 'zh-CN': zh, en });
  return {
    name: '东升镇网格考评（含考核录入）· 示例',
    period: { ...options.period },
    scope: options.scope ?? '*',
    metrics: [
      { key: 'coverage', weight: 3, params: { mode: 'quota', quotaPerMonth: 20 } },
      { key: 'overdue', weight: 3, params: { attribution: 'worker' } },
      // Local additions (65 points), not in the published scheme.
      { key: 'discovery', weight: 15, params: { targetPerMonth: 2 } },
      { key: 'closure', weight: 20, params: {} },
      { key: 'review', weight: 10, params: {} },
      { key: 'captains', weight: 10, params: {} },
      { key: 'outreach', weight: 10, params: { targetPerMonth: 1 } },
    ],
    items: [
      { kind: 'assessor', key: 'support', label: line('保障支撑（场所、人员、电脑；图表上墙；方案、格长、花名册、培训；通讯保障）', 'Support: office, staff, maps, plan, roster, phones'), points: 20 },
      { kind: 'assessor', key: 'staff-know', label: line('工作人员熟悉系统', 'Staff know the system'), points: 3 },
      { kind: 'assessor', key: 'leaders-login', label: line('格长能登录系统', 'Cell leaders can log in'), points: 3 },
      { kind: 'assessor', key: 'daily-login', label: line('每日登录', 'Daily log-in'), points: 3 },
      { kind: 'deduction', key: 'records', label: line('网格信息不完整（每条扣 1 分）', 'Incomplete grid records (−1 each)'), activity: 'assessment.entered', cap: 5 },
    ],
    visitsPerMonth: { ...VISITS_PER_MONTH_EXAMPLE.visitsPerMonth },
    deductions: { perOverdue: 1, cap: 3 },
  };
}
