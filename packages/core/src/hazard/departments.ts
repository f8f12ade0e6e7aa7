/**
 * The departments a hazard is transferred to (`transfer`, 转办): a configurable list
 * (`createLifecycle({ departments })`). The defaults are those the plan 二（一）5 gives fire-lane
 * occupation to by type — 消防救援机构, 公安派出所, 公安（交通管理）, 住房城乡建设, 自然资源, 城管 —
 * and 市场监管, which the plan does not name there: a local addition (many streets transfer shop
 * and market findings to it), marked `local: true`.
 * @module
 */
import type { Labels } from '../labels.js';

/** A department a hazard may be transferred to (转办). */
export interface Department {
  /** Stable id, stored as `transfer.department`. */
  readonly id: string;
  /** Its name; the zh-CN one becomes `responsible.unit` on `transfer`. */
  readonly label: Labels;
  /** `true` for a department the plan 二（一）5 does not name (a local addition). */
  readonly local?: boolean;
}

/** The default departments: the plan 二（一）5's six, and 市场监管 as a local addition. */
export const DEFAULT_DEPARTMENTS: readonly Department[] = Object.freeze([
  { id: 'fire-rescue', label: { 'zh-CN': '消防救援机构', en: 'Fire and rescue service' } },
  { id: 'police-station', label: { 'zh-CN': '公安派出所', en: 'Police station' } },
  { id: 'public-security', label: { 'zh-CN': '公安', en: 'Public security (traffic police)' } },
  { id: 'housing', label: { 'zh-CN': '住建', en: 'Housing and construction' } },
  { id: 'natural-resources', label: { 'zh-CN': '自然资源', en: 'Natural resources' } },
  { id: 'urban-management', label: { 'zh-CN': '城管', en: 'Urban management' } },
  { id: 'market-regulation', label: { 'zh-CN': '市场监管', en: 'Market regulation' }, local: true },
].map((d) => Object.freeze(d)));
