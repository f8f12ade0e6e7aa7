/**
 * zh-CN and English labels of the hazard fields the two lists, the ledger and the report form
 * show (severity, supervision level, who reported), and times as people in China read them.
 * Category and status labels live with their names (`HAZARD_CATEGORIES`, `HAZARD_STATUS_LABELS`).
 * @module
 */
import { ROLE_LABELS } from '../labels.js';
import type { Labels } from '../labels.js';
import type { ReporterKind, SupervisionLevel } from '../schema/hazard.js';
import type { SupervisionState } from '../hazard/deadlines.js';

export { ROLE_LABELS, SEVERITY_LABELS, inSentence } from '../labels.js';
export type { Labels } from '../labels.js';

/** Supervision (挂牌督办) level labels. */
export const SUPERVISION_LEVEL_LABELS: Readonly<Record<SupervisionLevel, Labels>> = {
  province: { 'zh-CN': '省级挂牌督办', en: 'Provincial' },
  city: { 'zh-CN': '市级挂牌督办', en: 'City' },
  county: { 'zh-CN': '县级挂牌督办', en: 'County' },
  township: { 'zh-CN': '乡镇（街道）挂牌督办', en: 'Township' },
};

/** Labels of where a supervision stands (`supervisionState`): 报请中, 督办中, 已摘牌. */
export const SUPERVISION_STATE_LABELS: Readonly<Record<SupervisionState, Labels>> = {
  requested: { 'zh-CN': '报请中', en: 'requested' },
  listed: { 'zh-CN': '督办中', en: 'listed' },
  lifted: { 'zh-CN': '已摘牌', en: 'lifted' },
};

/** Labels of who reported: the roles ({@link ROLE_LABELS}) and an IoT device. */
export const REPORTER_KIND_LABELS: Readonly<Record<ReporterKind, Labels>> = {
  ...ROLE_LABELS,
  device: { 'zh-CN': '物联网设备', en: 'IoT device' },
};

const CST_MS = 8 * 3_600_000;
const pad = (n: number): string => String(n).padStart(2, '0');

/**
 * An instant as `YYYY-MM-DD HH:mm` in China Standard Time (UTC+8, no daylight saving), where
 * every time of this domain is read; `''` for text that is not a date.
 * @example
 * shanghaiTime('2025-03-01T01:30:00Z');   // '2025-03-01 09:30'
 */
export function shanghaiTime(iso: string): string {
  const t = Date.parse(iso);
  if (Number.isNaN(t)) return '';
  const d = new Date(t + CST_MS);
  return `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())} ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}`;
}

/** A deadline as people write it: a calendar day as it is, an instant in China Standard Time. */
export function deadlineText(deadline: string | undefined): string {
  if (deadline === undefined) return '';
  return /^\d{4}-\d{2}-\d{2}$/.test(deadline) ? deadline : shanghaiTime(deadline);
}
