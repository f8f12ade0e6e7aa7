/**
 * GB 35181-2025《重大火灾隐患判定规则》, in force since 2025-11-01 (STANDARDS.md §2). Its lists of
 * direct (ch. 5) and composite (ch. 6) elements and their thresholds were not retrieved, so this
 * set holds the one element a public source confirms — the 国家消防救援局 spokesman's statement of
 * 2025-07-17 — and, so that a checklist item whose obligation continues is not left pointing at a
 * superseded edition, one *continuation* element for each 2017 element the library's items
 * evidence. Every element is `verified: false`: its kind, clause number and whether the 2025
 * edition keeps it are unknown, so ids are Firegrid labels, not clauses. A 2017 direct element
 * continues with kind `unknown` (a failed item still suggests a candidate, flagged unverified); a
 * 2017 composite one with kind `composite` and no threshold (it never suggests alone: the 2025
 * thresholds are not known). An integrator loads the full set as data (`loadMajorRuleSet`),
 * keeping these ids for the elements the library's items evidence.
 * @module
 */
import type { MajorRuleSetData } from './major-rules.js';

/** A 2017 element and the label of its 2025 continuation. */
export interface Continuation { id: string; from: string; kind: 'unknown' | 'composite'; zh: string; en: string }

/**
 * The 2017 elements the library's items evidence, and the label their 2025 continuation carries:
 * `GB35181-2017:<from>` items also carry `GB35181-2025:<id>`.
 */
export const CONTINUED_FROM_2017: readonly Continuation[] = [
  { id: 'flammables-with-dwellings', from: '6.2', kind: 'unknown', zh: '易燃易爆危险品场所与人员密集场所、居住场所设在同一建筑内', en: 'Flammable or explosive premises in one building with crowded or residential premises' },
  { id: 'exits-insufficient', from: '6.5', kind: 'unknown', zh: '公共娱乐场所、商店、地下人员密集场所的安全出口数量不足或总宽度小于规定值的80%', en: 'Too few exits, or total exit width under 80%, in an entertainment venue, shop or underground crowded premises' },
  { id: 'no-sprinkler-or-alarm', from: '6.6', kind: 'unknown', zh: '旅馆、公共娱乐场所、商店、地下人员密集场所未按规定设置自动喷水灭火系统或火灾自动报警系统', en: 'Required sprinklers or fire alarm missing in a hotel, entertainment venue, shop or underground crowded premises' },
  { id: 'flammables-in-crowded', from: '6.8', kind: 'unknown', zh: '在人员密集场所违规使用、储存或销售易燃易爆危险品', en: 'Flammable or explosive goods illegally used, stored or sold in crowded premises' },
  { id: 'panel-dwelling', from: '6.10', kind: 'unknown', zh: '人员密集场所内的居住场所采用芯材燃烧性能低于A级的彩钢夹芯板搭建', en: 'Living quarters in crowded premises built of sandwich panels with a core below class A' },
  { id: 'fire-lane-blocked', from: '7.1.1', kind: 'composite', zh: '未设置消防车道，或消防车道被堵塞、占用', en: 'Fire lane missing, blocked or occupied' },
  { id: 'three-in-one-dormitory', from: '7.1.3', kind: 'composite', zh: '厂房、库房、商场中设置员工宿舍不符合规定', en: 'Dormitories in plants, warehouses or shops not complying' },
  { id: 'fire-doors-damaged', from: '7.2.2', kind: 'composite', zh: '防火门、防火卷帘严重损坏', en: 'Fire doors or shutters badly damaged' },
  { id: 'refuge-occupied', from: '7.3.1', kind: 'composite', zh: '避难层（间）设置不符合规定或被占用', en: 'Refuge floor or room non-compliant or occupied' },
  { id: 'exits-blocked', from: '7.3.3', kind: 'composite', zh: '安全出口、疏散通道被封堵', en: 'Exits or escape routes blocked' },
  { id: 'signs-lighting-damaged', from: '7.3.6', kind: 'composite', zh: '疏散指示标志、应急照明缺失或损坏', en: 'Exit signs or emergency lighting missing or damaged' },
];

const NOTE = (from: string) => ({
  'zh-CN': `延续 GB 35181-2017 的 ${from}；2025 版是否保留、类别和条款号均未核实（我们的资料未收录 2025 版要素清单）`,
  en: `Continues GB 35181-2017 ${from}; whether the 2025 edition keeps it, its kind and its clause are unverified (our sources hold no 2025 element list)`,
});

/** GB 35181-2025, as far as it is known: one confirmed element and the continuations, no thresholds. `complete: false`. */
export const GB35181_2025: MajorRuleSetData = {
  id: 'GB35181-2025',
  doc: 'GB 35181-2025',
  title: { 'zh-CN': 'GB 35181-2025《重大火灾隐患判定规则》', en: 'GB 35181-2025 Rules for determining major fire hazards' },
  inForce: { from: '2025-11-01' },
  complete: false,
  elements: [
    {
      id: 'ebike-podium-separation',
      kind: 'unknown',
      text: {
        'zh-CN': '设置在住宅建筑架空层的电动自行车集中停放或充电场所与建筑的采光通风井、公共门厅、疏散走道、楼梯间、安全出口未采取防火分隔措施',
        en: 'E-bike parking or charging in the open ground floor (架空层) of a residential building not fire-separated from light wells, lobbies, escape corridors, stairs or exits',
      },
      verified: false,
      note: {
        'zh-CN': '据国家消防救援局 2025-07-17 新闻发布会；属直接还是综合判定要素、条款号均未核实',
        en: 'From the National Fire and Rescue Administration briefing of 2025-07-17; direct or composite, and the clause number, are unverified',
      },
    },
    ...CONTINUED_FROM_2017.map((c) => ({
      id: c.id, kind: c.kind, text: { 'zh-CN': c.zh, en: c.en }, verified: false, note: NOTE(c.from),
    })),
  ],
  thresholds: [],
};
