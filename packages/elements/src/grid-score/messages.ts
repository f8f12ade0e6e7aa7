import type { Locale, MetricKey } from '@firegrid/core';
import { fill } from '../i18n.js';
import type { Messages } from '../i18n.js';

/** The element's texts; `{name}` marks a value filled in by the element. */
export const MESSAGES = {
  title: { 'zh-CN': '网格员消防履职考评', en: 'Fire-safety duty assessment' },
  noWorker: { 'zh-CN': '没有可显示的网格员得分：请设置 worker-id，或确认当前用户是考评范围内的网格员。', en: 'No worker to show: set worker-id, or check that the signed-in user is a grid worker in scope.' },
  noScores: { 'zh-CN': '考评范围内还没有网格员。', en: 'There are no grid workers in scope yet.' },
  configMissing: { 'zh-CN': '找不到所设的考评配置：请检查 config-id', en: 'The score configuration set by config-id was not found' },
  tooMany: {
    'zh-CN': '{kind} 超过 {max} 条，无法在浏览器里计算；请由服务端计算（GET /v1/scores）并通过 scores 属性提供。',
    en: 'More than {max} {kind}: too many to score in the browser; compute them on the server (GET /v1/scores) and pass them as scores.',
  },
  example: {
    'zh-CN': '示例配置：各项权重与每月巡查次数为示例，请按本地考评办法设置。',
    en: 'Example configuration: the weights and visits per month are examples; set them to your local scheme.',
  },
  period: { 'zh-CN': '考评期 {from} 至 {to}', en: 'Period {from} to {to}' },
  total: { 'zh-CN': '总分', en: 'Total' },
  outOf100: { 'zh-CN': '{total} 分（满分 100）', en: '{total} of 100 points' },
  rank: { 'zh-CN': '{scope}第 {position} 名，共 {of} 人', en: 'No. {position} of {of} in the {scope}' },
  level_grid: { 'zh-CN': '网格内', en: 'grid' },
  level_community: { 'zh-CN': '社区内', en: 'community' },
  level_street: { 'zh-CN': '街道（乡镇）内', en: 'street' },
  level_scope: { 'zh-CN': '考评范围内', en: 'whole scope' },
  showScope: { 'zh-CN': '查看排名', en: 'See the ranking' },
  showWorker: { 'zh-CN': '返回我的得分', en: 'Back to my score' },
  breakdown: { 'zh-CN': '得分明细', en: 'Breakdown' },
  points: { 'zh-CN': '{points} / {weight} 分', en: '{points} of {weight} points' },
  meter: { 'zh-CN': '{name}得分', en: '{name} points' },
  details: { 'zh-CN': '依据', en: 'Evidence' },
  detailsOf: { 'zh-CN': '{name}的依据', en: 'Evidence for {name}' },
  activities: { 'zh-CN': '计入的工作记录（{count} 条）', en: 'Activities counted ({count})' },
  noActivities: { 'zh-CN': '没有计入的工作记录。', en: 'No activity counted.' },
  places: { 'zh-CN': '尚未达标的场所（{count} 处）', en: 'Places still short ({count})' },
  more: { 'zh-CN': '另有 {count} 条未列出', en: '{count} more not listed' },
  trend: { 'zh-CN': '近 {count} 期总分走势', en: 'Total over the last {count} periods' },
  trendPoint: { 'zh-CN': '{period}：{total} 分', en: '{period}: {total}' },
  trendNone: { 'zh-CN': '{period}：无得分', en: '{period}: no score' },
  ranking: { 'zh-CN': '{scope}排名', en: 'Ranking in the {scope}' },
  colRank: { 'zh-CN': '名次', en: 'Rank' },
  colName: { 'zh-CN': '网格员', en: 'Worker' },
  colGrid: { 'zh-CN': '网格', en: 'Grid' },
  colTotal: { 'zh-CN': '总分', en: 'Total' },
  colMetric: { 'zh-CN': '指标', en: 'Metric' },
  colPoints: { 'zh-CN': '得分', en: 'Points' },
  colExplanation: { 'zh-CN': '说明', en: 'How it was scored' },
  sortBy: { 'zh-CN': '按{column}排序', en: 'Sort by {column}' },
  me: { 'zh-CN': '（我）', en: ' (me)' },
  open: { 'zh-CN': '查看 {name} 的得分明细', en: 'Open the breakdown of {name}' },
  scrollTable: { 'zh-CN': '排名表（可左右滚动）', en: 'Ranking table (scrolls sideways)' },
} as const satisfies Messages<string>;

/** A key of {@link MESSAGES}. */
export type MessageKey = keyof typeof MESSAGES;

/** The text of `key` in `locale`, with `{name}` placeholders filled from `values`. */
export function t(key: MessageKey, locale: Locale, values: Readonly<Record<string, string | number>> = {}): string {
  return fill(MESSAGES[key][locale], values);
}

/** Activity types as a worker reads them in the evidence list. */
export const ACTIVITY_LABELS = {
  'inspection.submitted': { 'zh-CN': '提交巡查', en: 'Inspection' },
  'hazard.reported': { 'zh-CN': '上报隐患', en: 'Hazard reported' },
  'hazard.verified': { 'zh-CN': '隐患经核实', en: 'Hazard verified' },
  'hazard.rejected': { 'zh-CN': '隐患被驳回', en: 'Hazard rejected' },
  'hazard.assigned': { 'zh-CN': '隐患交办', en: 'Hazard assigned' },
  'hazard.closed': { 'zh-CN': '隐患销号', en: 'Hazard closed' },
  'review.done': { 'zh-CN': '复查', en: 'Review' },
  'captain.registered': { 'zh-CN': '登记楼长', en: 'Captain registered' },
  'training.held': { 'zh-CN': '消防培训', en: 'Training' },
  'publicity.held': { 'zh-CN': '消防宣传', en: 'Publicity' },
  'assessment.entered': { 'zh-CN': '考核录入', en: 'Assessor entry' },
} as const satisfies Messages<string>;

/**
 * Metric names as the breakdown shows them. The same words as `METRIC_LABELS` of
 * `@firegrid/core/scoring`, kept here so the element's first chunk does not load the engine.
 */
export const METRIC_NAMES = {
  coverage: { 'zh-CN': '巡查覆盖', en: 'Patrol coverage' },
  discovery: { 'zh-CN': '隐患发现', en: 'Hazards found' },
  closure: { 'zh-CN': '按期整改', en: 'Closed on time' },
  review: { 'zh-CN': '按时复查', en: 'Reviews on time' },
  overdue: { 'zh-CN': '超期扣分', en: 'Overdue deductions' },
  captains: { 'zh-CN': '楼长覆盖', en: 'Floor captains' },
  outreach: { 'zh-CN': '培训宣传', en: 'Training and publicity' },
} as const satisfies Record<MetricKey, { 'zh-CN': string; en: string }>;
