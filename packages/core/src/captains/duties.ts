/**
 * The duties a floor captain commits to and the notice shows. A default list drawn from the
 * 《高层民用建筑消防安全管理规定》(应急管理部令第5号: arts. 28, 34, 37) and the plan's tasks; a
 * vendor replaces it with the local scheme's wording.
 * @module
 */
import type { Locale } from '../names.js';

/** One duty with its wording in both languages. */
export interface Duty {
  /** A stable key. */
  id: string;
  'zh-CN': string;
  en: string;
}

/**
 * The default duties: patrol, stopping e-bikes indoors, keeping fire lanes and exits clear,
 * reporting hazards, publicity.
 */
export const DEFAULT_DUTIES: readonly Duty[] = [
  { id: 'patrol', 'zh-CN': '定期巡查楼道、楼梯间和安全出口，劝阻违规用火用电用气', en: 'Patrol corridors, stairwells and exits regularly; stop unsafe use of fire, power and gas' },
  { id: 'ebike', 'zh-CN': '劝阻电动自行车进楼入户、在楼道停放或充电', en: 'Stop e-bikes being taken into the building, or parked or charged in corridors' },
  { id: 'routes', 'zh-CN': '保持消防车通道、疏散通道和安全出口畅通，常闭防火门保持关闭', en: 'Keep fire lanes, escape routes and exits clear, and fire doors shut' },
  { id: 'report', 'zh-CN': '发现火灾隐患及时劝阻，并报告网格员或物业', en: 'Stop fire hazards where found and report them to the grid worker or the property manager' },
  { id: 'publicity', 'zh-CN': '开展消防安全宣传，组织居民参加疏散演练', en: 'Spread fire-safety publicity and bring residents to evacuation drills' },
];

/**
 * The wording of a duty list in one language, as a captain record stores it.
 * @example
 * const duties = dutyTexts(DEFAULT_DUTIES, 'zh-CN');
 */
export function dutyTexts(duties: readonly Duty[] = DEFAULT_DUTIES, locale: Locale = 'zh-CN'): string[] {
  return duties.map((d) => d[locale]);
}
