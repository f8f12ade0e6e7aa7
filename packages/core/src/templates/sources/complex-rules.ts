/**
 * Excerpts of {@link COMPLEX_RULES} keyed by clause, copied from shared/domain/STANDARDS.md §4 (articles as quoted by a secondary page, partly summarised in English). Form: `summary`.
 * Generated once from the notes; edit by copying from the notes, never by paraphrasing.
 * @module
 */
import { COMPLEX_RULES } from '../docs.js';
import type { SourceExcerpts } from './types.js';

export const COMPLEX_RULES_EXCERPTS: SourceExcerpts = {
  doc: COMPLEX_RULES,
  from: "shared/domain/STANDARDS.md §4 (articles as quoted by a secondary page, partly summarised in English)",
  form: 'summary',
  clauses: {
    "第五十四条":
      "隐患整改制度.",
    "第五十五条":
      "联合检查: 每月至少一次 建筑消防设施单项检查; 每半年至少一次 联动检查.",
    "第五十六条":
      "每日防火巡查. 公众聚集场所 (旅馆、商店、餐饮店、公共娱乐场所、儿童活动场所) in business hours 至少每2小时一次, plus night patrols. 防火巡查应当采用电子巡更设备.",
    "第五十七条":
      "Truthful records. Unfixable hazards 逐级报告. 复查 after fixing. Patrol staff, 复查人员 and 主管人员 sign.",
    "第五十八条":
      "Fix at once, or report to the 归口管理部门.",
    "第五十九条":
      "消防安全管理人 confirms 认定 and completion. Interim safeguards during rectification.",
    "第六十条":
      "重大火灾隐患 and ordered hazards fixed by the deadline; 复查/销案 application to 消防救援机构.",
  },
};
