/**
 * Excerpts of {@link GB35181_2017} keyed by clause, copied from shared/domain/STANDARDS.md §2 and REGULATIONS.md §1.1 (summaries of third-party mirrors); "" holds what the sources give without a confirmed clause number. Form: `summary`.
 * Generated once from the notes; edit by copying from the notes, never by paraphrasing.
 * @module
 */
import { GB35181_2017 } from '../docs.js';
import type { SourceExcerpts } from './types.js';

export const GB35181_2017_EXCERPTS: SourceExcerpts = {
  doc: GB35181_2017,
  from: "shared/domain/STANDARDS.md §2 and REGULATIONS.md §1.1 (summaries of third-party mirrors); \"\" holds what the sources give without a confirmed clause number",
  form: 'summary',
  clauses: {
    "6.1":
      "易燃易爆 plants or stores not at the city edge or in a separate safe area.",
    "6.2":
      "易燃易爆 premises in the same building as 人员密集/居住 uses, or spacing below 75% of the required value.",
    "6.3":
      "fuel or gas stations in built-up areas at or above 一级站 storage.",
    "6.4":
      "甲、乙类 production or storage in a basement or semi-basement.",
    "6.5":
      "entertainment, shops and underground crowded premises with exits too few or total exit width below 80%.",
    "7.1":
      "总平面布置: fire lane missing or blocked; separation distance occupied or under 80%; 三合一 dormitories not compliant with GA 703; commerce in metro evacuation areas.",
    "7.2":
      "防火分隔: changed compartment >50% over the code value; >50% of fire doors or shutters damaged; hazardous parts of 丙/丁/戊 plants not separated.",
    "7.3":
      "疏散及灭火救援: refuge areas non-compliant or occupied; wrong stair type in crowded premises; exits (other than 6.5 cases) too few, narrow or blocked; required independent exit missing; shop travel distance >125%; signs or emergency lighting missing or >30% damaged (high-rise and underground) / >50% (other); stair doors >20% / >50% damaged.",
    "":
      "Direct determination (2017 ch. 6): any one element is enough. Sources: items 1–6 from 233.com (its §6.1–6.6); 7–8 from adoptiongroupseattle.com/xfgcs/2031557.html; 9–10 from sdjtsd.com/gycf/1569.html (their clause numbers [unverified]).\nFlammable/explosive plants, warehouses, docks or tank farms not on the city edge or a separate safe site.\nFlammable/explosive premises in the same building as crowded or residential premises, or closer than 75% of the code distance.\nA built-up-area fuel or gas station at or above 一级站 capacity.\n甲/乙 production or storage in a basement.\nEntertainment venues, shops or underground crowded premises with too few exits, or exit width under 80%.\nHotels, entertainment venues, shops or underground crowded premises without required sprinklers or fire alarm.\nFlammable-liquid or gas tank farms without fixed suppression, cooling, gas alarm or fire alarm.\nFlammable/explosive goods used, stored or sold in crowded premises.\nKindergarten children's rooms or elderly activity rooms on a floor the code does not allow.\nLiving quarters in crowded premises built of sandwich panels with a core below GB 8624 class A.\nComposite 7.1.1–7.3.4:\n消防车道 not provided, or blocked or occupied.\nExisting spacing between buildings occupied, or below 80%.\n员工宿舍 inside 厂房/库房/商场 not complying with GA 703.\nA changed 防火分区 making the area more than 50% over the limit.\nMore than 50% of 防火门/防火卷帘 damaged.\n避难层/间 set wrongly or occupied.\n安全出口 blocked …",
  },
};
