/**
 * zh-CN and English labels of the hazard fields the two lists, the ledger and the report form
 * show (severity, supervision level, who reported), and times as people in China read them.
 * Category and status labels live with their names (`HAZARD_CATEGORIES`, `HAZARD_STATUS_LABELS`).
 * @module
 */
import type { Locale, Role, Severity } from '../names.js';
import type { ReporterKind, SupervisionLevel } from '../schema/hazard.js';
import type { SupervisionState } from '../hazard/deadlines.js';

/** A text in both locales. */
export type Labels = Readonly<Record<Locale, string>>;

/** Severity labels. */
export const SEVERITY_LABELS: Readonly<Record<Severity, Labels>> = {
  general: { 'zh-CN': '一般隐患', en: 'General' },
  'major-candidate': { 'zh-CN': '疑似重大火灾隐患', en: 'Major candidate' },
  major: { 'zh-CN': '重大火灾隐患', en: 'Major' },
};

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

/**
 * Role labels: the one table every message, list and export names a role with (the lifecycle's
 * refusals, the reporter columns, a hidden reporter's `网格员（保密）`).
 */
export const ROLE_LABELS: Readonly<Record<Role, Labels>> = {
  'grid-worker': { 'zh-CN': '网格员', en: 'Grid worker' },
  'grid-supervisor': { 'zh-CN': '网格长', en: 'Grid supervisor' },
  'fire-officer': { 'zh-CN': '消防救援人员', en: 'Fire officer' },
  'unit-manager': { 'zh-CN': '单位/物业', en: 'Unit manager' },
  captain: { 'zh-CN': '楼长', en: 'Floor captain' },
  resident: { 'zh-CN': '群众', en: 'Resident' },
  government: { 'zh-CN': '政府/安委办', en: 'Government' },
  admin: { 'zh-CN': '管理员', en: 'Administrator' },
};

/** Labels of who reported: the roles ({@link ROLE_LABELS}) and an IoT device. */
export const REPORTER_KIND_LABELS: Readonly<Record<ReporterKind, Labels>> = {
  ...ROLE_LABELS,
  device: { 'zh-CN': '物联网设备', en: 'IoT device' },
};

/**
 * A label as it reads inside an English sentence (`grid worker`, `major candidate`): the first
 * letter in lower case; Chinese unchanged.
 * @example inSentence(SEVERITY_LABELS['major-candidate'], 'en');   // 'major candidate'
 */
export function inSentence(labels: Labels, locale: Locale): string {
  const label = labels[locale];
  return locale === 'en' ? label.charAt(0).toLowerCase() + label.slice(1) : label;
}

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
