/**
 * GB 35181-2017《重大火灾隐患判定方法》 as far as Firegrid's sources show it (REGULATIONS.md §1.1,
 * STANDARDS.md §2). Superseded on 2025-11-01 by GB 35181-2025; kept for hazards found before.
 * `verified: false` marks what the sources could not confirm — a clause number inferred from
 * the order of a mirror's list, a threshold the sources mark unverified — for an integrator to
 * check against the official text. Texts are short summaries of the sources' content, not
 * quotations of the standard. Categories the sources name without content (7.4–7.9) are left out
 * rather than invented.
 * @module
 */
import type { MajorRuleSetData } from './major-rules.js';

const e = (id: string, kind: 'direct' | 'composite', zh: string, en: string, verified: boolean) => ({
  id, kind, group: id.split('.').slice(0, 2).join('.'), text: { 'zh-CN': zh, en }, verified,
});

/** GB 35181-2017 (superseded), the elements and thresholds the sources confirm or name. */
export const GB35181_2017: MajorRuleSetData = {
  id: 'GB35181-2017',
  doc: 'GB 35181-2017',
  title: { 'zh-CN': 'GB 35181-2017《重大火灾隐患判定方法》（已废止）', en: 'GB 35181-2017 Determination of major fire hazards (superseded)' },
  inForce: { until: '2025-11-01' },
  complete: false,
  elements: [
    // Direct elements (ch. 6): any one is enough. 6.1–6.5 with their clause numbers from a mirror.
    e('6.1', 'direct', '易燃易爆危险品的工厂、仓库、码头、储罐区未设在城市边缘或相对独立的安全地带',
      'Flammable or explosive plant, warehouse, dock or tank farm not at the city edge or on a separate safe site', true),
    e('6.2', 'direct', '易燃易爆危险品场所与人员密集场所、居住场所在同一建筑内，或防火间距小于规定值的75%',
      'Flammable or explosive premises in one building with crowded or residential premises, or closer than 75% of the code distance', true),
    e('6.3', 'direct', '城市建成区内加油站、加气站的储量达到或超过一级站',
      'Built-up-area fuel or gas station at or above 一级站 storage', true),
    e('6.4', 'direct', '甲、乙类生产场所或仓库设在地下室或半地下室',
      'Class 甲/乙 production or storage in a basement or semi-basement', true),
    e('6.5', 'direct', '公共娱乐场所、商店、地下人员密集场所的安全出口数量不足或总宽度小于规定值的80%',
      'Entertainment venue, shop or underground crowded premises with too few exits or total exit width under 80%', true),
    // STANDARDS.md: the mirror's 6.6 excerpt is cut off; REGULATIONS.md gives its content.
    e('6.6', 'direct', '旅馆、公共娱乐场所、商店、地下人员密集场所未按规定设置自动喷水灭火系统或火灾自动报警系统',
      'Hotel, entertainment venue, shop or underground crowded premises without the required sprinklers or fire alarm', false),
    // REGULATIONS.md items 7–10: content from sources, clause numbers by order only.
    e('6.7', 'direct', '易燃可燃液体、可燃气体储罐区未设固定灭火、冷却、可燃气体报警或火灾报警设施',
      'Flammable-liquid or gas tank farm without fixed suppression, cooling, gas alarm or fire alarm', false),
    e('6.8', 'direct', '在人员密集场所使用、储存或销售易燃易爆危险品',
      'Flammable or explosive goods used, stored or sold in crowded premises', false),
    e('6.9', 'direct', '幼儿园儿童用房或老年人活动场所所在楼层不符合规定',
      'Kindergarten children\'s rooms or elderly activity rooms on a floor the code does not allow', false),
    e('6.10', 'direct', '人员密集场所内的居住场所采用芯材燃烧性能低于 GB 8624 A 级的彩钢夹芯板搭建',
      'Living quarters in crowded premises built of sandwich panels with a core below GB 8624 class A', false),
    // Composite elements (ch. 7). 7.1.1 is the example DESIGN uses; the rest are numbered by the
    // order of the mirror's list, which the sources do not confirm clause by clause.
    e('7.1.1', 'composite', '未设置消防车道，或消防车道被堵塞、占用',
      'Fire lane missing, blocked or occupied', true),
    e('7.1.2', 'composite', '建筑之间的既有防火间距被占用或小于规定值的80%',
      'Existing separation distance occupied or under 80% of the code value', false),
    e('7.1.3', 'composite', '厂房、库房、商场中设员工宿舍（“三合一”），不符合 GA 703',
      'Dormitories in plants, warehouses or shops (三合一) not complying with GA 703', false),
    e('7.1.4', 'composite', '地铁车站疏散区域内设置商业经营场所',
      'Commerce in the evacuation areas of an underground station', false),
    e('7.2.1', 'composite', '防火分区被改变，实际面积超过规定值50%以上',
      'Changed fire compartment more than 50% over the code area', false),
    e('7.2.2', 'composite', '防火门、防火卷帘损坏数量超过总数的50%',
      'More than 50% of fire doors or shutters damaged', false),
    e('7.2.3', 'composite', '丙、丁、戊类厂房内有火灾或爆炸危险的部位未作防火分隔',
      'Fire or explosion hazards in class 丙/丁/戊 plants not separated', false),
    e('7.3.1', 'composite', '避难层（间）设置不符合规定或被占用',
      'Refuge floor, room or corridor non-compliant or occupied', false),
    e('7.3.2', 'composite', '人员密集场所疏散楼梯间形式不符合规定',
      'Wrong type of escape stair in crowded premises', false),
    e('7.3.3', 'composite', '安全出口数量不足、宽度不够或被封堵（6.5 情形除外）',
      'Exits (other than the cases of 6.5) too few or too narrow, or blocked', false),
    e('7.3.4', 'composite', '应设独立安全出口而未设置',
      'Required independent exit or stair missing', false),
    e('7.3.5', 'composite', '商店营业厅疏散距离超过规定值的125%',
      'Travel distance in a shop over 125% of the code value', false),
    e('7.3.6', 'composite', '疏散指示标志、应急照明缺失，或损坏率超过30%（高层、地下建筑）/50%（其他建筑）',
      'Exit signs or emergency lighting missing, or over 30% (high-rise, underground) / 50% (other) damaged', false),
    e('7.3.7', 'composite', '楼梯间的门损坏率超过20%（设有人员密集场所的高层建筑）/50%（其他建筑）',
      'Stair doors over 20% (high-rise with crowded premises) / 50% (other) damaged', false),
  ],
  thresholds: [
    {
      id: 'crowded-7.3', placeClass: 'crowded', groups: ['7.3'], count: 3, verified: true,
      text: { 'zh-CN': '人员密集场所存在 3 条以上疏散及灭火救援类综合判定要素', en: 'Crowded premises with 3 or more escape and rescue (7.3) elements' },
    },
    {
      id: 'flammable-3', placeClass: 'flammable', count: 3, verified: false,
      text: { 'zh-CN': '易燃易爆危险品场所存在 3 条以上综合判定要素', en: 'Flammable or explosive premises with 3 or more composite elements' },
    },
    {
      id: 'crowded-flammable-4', placeClass: ['crowded', 'flammable'], count: 4, verified: false,
      text: { 'zh-CN': '人员密集场所、易燃易爆危险品场所存在 4 条以上综合判定要素', en: 'Crowded or flammable premises with 4 or more composite elements' },
    },
    {
      id: 'other-6', placeClass: 'other', count: 6, verified: false,
      text: { 'zh-CN': '其他场所存在 6 条以上综合判定要素', en: 'Other premises with 6 or more composite elements' },
    },
  ],
};
