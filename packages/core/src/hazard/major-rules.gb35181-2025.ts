/**
 * GB 35181-2025《重大火灾隐患判定规则》, in force since 2025-11-01 (STANDARDS.md §2). Its lists of
 * direct (ch. 5) and composite (ch. 6) elements and their thresholds were not retrieved, so this
 * set holds only the one element a public source confirms — the 国家消防救援局 spokesman's
 * statement of 2025-07-17 — with `verified: false`: whether it is direct or composite and its
 * clause number are unknown, so its id is a Firegrid label, not a clause. Nothing else is
 * encoded from memory; an integrator loads the full set as data (`loadMajorRuleSet`).
 * @module
 */
import type { MajorRuleSetData } from './major-rules.js';

/** GB 35181-2025, as far as it is known: one element, no thresholds. `complete: false`. */
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
  ],
  thresholds: [],
};
