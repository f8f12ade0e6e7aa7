/**
 * "三合一" — premises where people sleep in the same building as they produce, store or sell, after
 * GB 50039-2010 附录A (A.1.1–A.1.8; whether they equal GA 703-2007's clauses is unverified), GA 703
 * itself (clause text not retrieved), the 2017 e-bike notice, and the 2017 GB 35181 elements on
 * such dormitories (as candidates only).
 * @module
 */
import { EBIKE_NOTICE, GA703, GB35181_2017, GB50039 } from './docs.js';
import { item, section, template, u, v } from './define.js';
import { TEMPLATE_IDS } from './ids.js';

const a = (clause: string) => v(GB50039, clause);
const LARGE: readonly [string, string] = [
  '适用于建筑高度大于15 m、建筑面积大于2000 m² 或住宿人数超过20人的场所，其他选“不适用”',
  'For a building over 15 m, over 2,000 m², or with more than 20 lodgers; otherwise choose “not applicable”',
];
const SMALL: readonly [string, string] = [
  '适用于不超过2层、建筑面积不超过300 m²、住宿少于5人的场所，其他选“不适用”',
  'For premises of at most 2 storeys and 300 m² with fewer than 5 lodgers; otherwise choose “not applicable”',
];

/** Three-in-one premises (三合一场所). */
export const threeInOne = template({
  id: TEMPLATE_IDS.threeInOne,
  version: 1,
  zh: '“三合一”场所消防安全检查',
  en: 'Three-in-one premises inspection',
  appliesTo: { kinds: ['three-in-one'] },
  sections: [
    section('location', '设置位置', 'Location', [
      item('not-hazardous-building', {
        zh: '未设在甲、乙类生产、储存、经营的建筑内', en: 'Not in a building that produces, stores or sells class 甲/乙 goods',
        hint: ['与居住场所同在一建筑的易燃易爆场所属 GB 35181-2017 直接判定要素（已废止）；须集体讨论判定', 'Flammable premises in one building with dwellings is a direct element of GB 35181-2017 (superseded); decided collectively'],
        basis: a('A.1.1'), category: 'flammables', severity: 'major-candidate', ruleRefs: ['GB35181-2017:6.2'], photo: true,
      }),
      item('fire-rating', {
        zh: '未设在耐火等级为三级及以下的建筑内', en: 'Not in a building of fire-resistance grade 3 or lower',
        basis: a('A.1.1'), category: 'three-in-one',
      }),
      item('not-factory-warehouse', {
        zh: '未设在厂房和仓库内', en: 'Not in a factory or warehouse building',
        basis: a('A.1.1'), category: 'three-in-one', photo: true, ruleRefs: ['GB35181-2017:7.1.3'],
      }),
      item('not-large-market', {
        zh: '未设在建筑面积大于2500 m² 的商场、市场内', en: 'Not in a shopping centre or market of over 2,500 m²',
        basis: a('A.1.1'), category: 'three-in-one',
      }),
      item('not-underground', {
        zh: '未设在地下建筑内', en: 'Not underground',
        basis: a('A.1.1'), category: 'three-in-one', photo: true,
      }),
    ]),
    section('separation', '防火分隔与报警', 'Separation and alarms', [
      item('full-separation', {
        zh: '住宿与非住宿部分采用不开门窗洞口的防火墙和耐火极限不低于1.50 h的楼板完全分隔，疏散设施各自独立；不能分隔的不住人',
        en: 'Sleeping and other parts fully separated by a fire wall without openings and a floor of at least 1.50 h, each with its own escape; if not possible, nobody sleeps there',
        hint: LARGE, basis: a('A.1.2'), category: 'three-in-one', photo: true,
      }),
      item('detection', {
        zh: '设置火灾自动报警系统或独立式感烟火灾探测报警器', en: 'A fire alarm system or stand-alone smoke alarms installed',
        basis: a('A.1.3'), category: 'alarm-sprinkler', photo: true,
      }),
      item('separation-or-sprinkler', {
        zh: '住宿与非住宿部分采取防火分隔，或设置自动喷水灭火系统或局部应用系统', en: 'Sleeping and other parts fire-separated, or protected by sprinklers or a local system',
        basis: a('A.1.3'), category: 'three-in-one', photo: true,
      }),
      item('small-premises', {
        zh: '小型场所至少设置独立式感烟火灾探测报警器，住宿设在首层并直通室外', en: 'A small premises has at least smoke alarms, and people sleep on the ground floor with a direct way out',
        hint: SMALL, basis: a('A.1.7'), category: 'three-in-one', photo: true,
      }),
    ]),
    section('evacuation', '安全疏散', 'Evacuation', [
      item('separate-exits', {
        zh: '住宿与非住宿部分疏散设施独立设置，或设有辅助疏散设施', en: 'Sleeping and other parts have separate escapes, or auxiliary escape equipment',
        basis: a('A.1.3'), category: 'exit-blocked', photo: true,
      }),
      item('escape-doors', {
        zh: '疏散门为平开门，向疏散方向开启，从内部易于开启', en: 'Escape doors are side-hinged, open outwards and open easily from inside',
        basis: a('A.1.4'), category: 'exit-blocked', photo: true,
      }),
      item('stairs-to-roof', {
        zh: '疏散楼梯通至屋顶平台', en: 'The escape stair leads to the roof',
        basis: a('A.1.5'), category: 'exit-blocked',
      }),
      item('exit-width', {
        zh: '疏散出口、通道宽度满足要求，未被堵塞', en: 'Exits and escape routes wide enough and not blocked',
        basis: a('A.1.8'), category: 'exit-blocked', photo: true, ruleRefs: ['GB35181-2017:7.3.3'],
      }),
      item('extinguishers-lighting', {
        zh: '配置灭火器和消防应急照明', en: 'Extinguishers and emergency lighting provided',
        basis: a('A.1.6'), category: 'extinguisher', photo: true,
      }),
    ]),
    section('lodging', '住宿管理', 'Lodging', [
      item('dormitory-compliant', {
        zh: '员工宿舍（住宿部分）符合 GA 703 的要求', en: 'The staff dormitory meets GA 703',
        basis: u(GA703), category: 'three-in-one', ruleRefs: ['GB35181-2017:7.1.3'],
      }),
      item('no-panel-dwelling', {
        zh: '住宿部分未用芯材燃烧性能低于A级的彩钢夹芯板搭建', en: 'The sleeping quarters are not built of sandwich panels with a core below class A',
        hint: ['属 GB 35181-2017 直接判定要素（已废止，条款号待核实）；须集体讨论判定', 'A direct element of GB 35181-2017 (superseded, clause unverified); decided collectively'],
        basis: u(GB35181_2017), category: 'sandwich-panel', severity: 'major-candidate', photo: true, ruleRefs: ['GB35181-2017:6.10'],
      }),
      item('no-ebike-indoors', {
        zh: '建筑内走道、楼梯间、安全出口无电动自行车停放、充电', en: 'No e-bikes parked or charged in corridors, stairs or exits',
        basis: u(EBIKE_NOTICE), category: 'ebike-indoor', photo: true,
      }),
      item('fuses', {
        zh: '未用铜丝、铁丝代替保险丝，不超负荷用电', en: 'No copper or iron wire in place of fuses, no overloading',
        hint: ['条款的规范性原文未核实', 'The normative wording of the clause is unverified'],
        basis: u(GB50039, '6.2.2'), category: 'electrical', photo: true,
      }),
    ]),
  ],
});
