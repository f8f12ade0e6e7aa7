/**
 * The role and severity labels, in one table each: every refusal, list, export and element names
 * a role or a severity with these. A module of its own, so the lifecycle's messages do not pull
 * in the export helpers.
 * @module
 */
import type { Locale, Role, Severity } from './names.js';

/** A text in both locales. */
export type Labels = Readonly<Record<Locale, string>>;

/** Severity labels. */
export const SEVERITY_LABELS: Readonly<Record<Severity, Labels>> = {
  general: { 'zh-CN': '一般隐患', en: 'General' },
  'major-candidate': { 'zh-CN': '疑似重大火灾隐患', en: 'Major candidate' },
  major: { 'zh-CN': '重大火灾隐患', en: 'Major' },
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

/**
 * A label as it reads inside an English sentence (`grid worker`, `major candidate`): the first
 * letter in lower case; Chinese unchanged.
 * @example inSentence(SEVERITY_LABELS['major-candidate'], 'en');   // 'major candidate'
 */
export function inSentence(labels: Labels, locale: Locale): string {
  const label = labels[locale];
  return locale === 'en' ? label.charAt(0).toLowerCase() + label.slice(1) : label;
}

