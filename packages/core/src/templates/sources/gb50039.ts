/**
 * Excerpts of {@link GB50039} keyed by clause, copied from shared/domain/STANDARDS.md §7 and §9 (附录A and 6.2 as read in a mirror and the 条文说明, summarised; the normative wording is not in our sources). Form: `summary`.
 * Generated once from the notes; edit by copying from the notes, never by paraphrasing.
 * @module
 */
import { GB50039 } from '../docs.js';
import type { SourceExcerpts } from './types.js';

export const GB50039_EXCERPTS: SourceExcerpts = {
  doc: GB50039,
  from: "shared/domain/STANDARDS.md §7 and §9 (附录A and 6.2 as read in a mirror and the 条文说明, summarised; the normative wording is not in our sources)",
  form: 'summary',
  clauses: {
    "A.1.1":
      "A.1.1 合用场所 must not be set in:\n甲、乙类 production, storage or business buildings;\nbuildings of 耐火等级 三级 or lower;\n厂房和仓库;\n商场/市场 over 2500 m²;\n地下建筑.",
    "A.1.2":
      "A.1.2 Full separation is required if any of these holds: building height >15 m; area >2000 m²; more than 20 lodgers. Full separation means:\n不开门窗洞口的防火墙 + 楼板 ≥1.50 h;\nseparate 疏散设施 for each part;\nif this cannot be done, no one may lodge there.",
    "A.1.3":
      "A.1.3 Other 合用场所, if A.1.2 is impractical:\n火灾自动报警 or 独立式感烟火灾探测报警器;\nfire separation, or else 自动喷水 / 局部应用系统;\nseparate exits, or at least 辅助疏散设施.",
    "A.1.4":
      "疏散门 are side-hinged, open in the escape direction, and open easily from inside.",
    "A.1.5":
      "疏散楼梯 should reach the roof.",
    "A.1.6":
      "灭火器 and 消防应急照明; 轻便消防水龙 recommended.",
    "A.1.7":
      "Small premises (≤2 storeys, ≤300 m², <5 lodgers): at least smoke alarms; lodging on the ground floor with a direct exit.",
    "A.1.8":
      "Exit widths adequate.",
    "6.2.1":
      "choose cable type to suit the conditions;\n架空线 ≥1.5× pole height from 易燃物品仓库 and 可燃材料堆场;\nno lines over 可燃屋面;\nno wiring above 炉灶 or along 烟囱;\nconduit in damp, hot or corrosive places.",
    "6.2.2":
      "avoid overload;\n保险丝不得任意调粗，严禁用铜丝、铁丝代替;\nsupervise 电热设备 while in use;\nunplug when going out.",
    "6.2.3":
      "lamps kept clear of combustibles.",
    "":
      "GA 703's own clause text was not retrieved. GB 50039-2010 附录A has near-parallel rules. The A.1.x numbers below are GB 50039's. Whether they equal GA 703 is [unverified].\nGB 50039-2010 农村防火规范, in force 2011-06-01. Mandatory clauses:\n柴草/饲草 stacks need separation;\n居住区/生产区 ≥300 m from the forest edge (宜);\nfire lanes: 净空 ≥4 m (宜), 回车场 ≥12 m×12 m.\nClause numbers [unverified].",
  },
};
