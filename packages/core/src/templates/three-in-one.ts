/**
 * "三合一" — premises where people sleep in the same building as they produce, store or sell. Its
 * basis is GA 703-2007, the standard for existing 合用场所 in town and country; our sources hold
 * none of GA 703's clause text, so these items are unverified. GB 50039-2010 附录A has near-parallel
 * rules (A.1.1–A.1.8), but GB 50039 is the rural code: it is cited (verified) only in the rural
 * village template, and here only named in hints. Also the 2017 e-bike notice and the 2017 GB 35181
 * elements on such dormitories (as candidates only).
 * @module
 */
import { EBIKE_NOTICE, GA703, GB35181_2017 } from './docs.js';
import { item, section, template, u } from './define.js';
import { TEMPLATE_IDS } from './ids.js';

const ga = u(GA703);
const rural = (clause: string): readonly [string, string] => [
  `GA 703 条文未取得；农村地区 GB 50039-2010 附录A ${clause} 有相近规定`,
  `GA 703's clause text is not in our sources; in rural areas GB 50039-2010 Annex A ${clause} says much the same`,
];
const LARGE: readonly [string, string] = [
  '适用于建筑高度大于15 m、建筑面积大于2000 m² 或住宿人数超过20人的场所，其他选“不适用”（参照 GB 50039-2010 A.1.2）',
  'For a building over 15 m, over 2,000 m², or with more than 20 lodgers; otherwise choose “not applicable” (cf. GB 50039-2010 A.1.2)',
];
const SMALL: readonly [string, string] = [
  '适用于不超过2层、建筑面积不超过300 m²、住宿少于5人的场所，其他选“不适用”（参照 GB 50039-2010 A.1.7）',
  'For premises of at most 2 storeys and 300 m² with fewer than 5 lodgers; otherwise choose “not applicable” (cf. GB 50039-2010 A.1.7)',
];

/** Three-in-one premises (三合一场所). */
export const threeInOne = template({
  id: TEMPLATE_IDS.threeInOne,
  revision: 2,
  zh: '“三合一”场所消防安全检查',
  en: 'Three-in-one premises inspection',
  appliesTo: { kinds: ['three-in-one'] },
  sections: [
    section('location', '设置位置', 'Location', [
      item('not-hazardous-building', {
        zh: '未设在甲、乙类生产、储存、经营的建筑内', en: 'Not in a building that produces, stores or sells class 甲/乙 goods',
        hint: ['与居住场所同在一建筑的易燃易爆场所属 GB 35181-2017 直接判定要素（已废止）；须集体讨论判定。农村地区见 GB 50039-2010 A.1.1', 'Flammable premises in one building with dwellings is a direct element of GB 35181-2017 (superseded); decided collectively. In rural areas see GB 50039-2010 A.1.1'],
        basis: ga, category: 'flammables', severity: 'major-candidate', ruleRefs: ['GB35181-2017:6.2'], photo: true,
      }),
      item('fire-rating', {
        zh: '未设在耐火等级为三级及以下的建筑内', en: 'Not in a building of fire-resistance grade 3 or lower',
        hint: rural('A.1.1'), basis: ga, category: 'three-in-one',
      }),
      item('not-factory-warehouse', {
        zh: '未设在厂房和仓库内', en: 'Not in a factory or warehouse building',
        hint: rural('A.1.1'), basis: ga, category: 'three-in-one', photo: true, ruleRefs: ['GB35181-2017:7.1.3'],
      }),
      item('not-large-market', {
        zh: '未设在建筑面积大于2500 m² 的商场、市场内', en: 'Not in a shopping centre or market of over 2,500 m²',
        hint: rural('A.1.1'), basis: ga, category: 'three-in-one',
      }),
      item('not-underground', {
        zh: '未设在地下建筑内', en: 'Not underground',
        hint: rural('A.1.1'), basis: ga, category: 'three-in-one', photo: true,
      }),
    ]),
    section('separation', '防火分隔与报警', 'Separation and alarms', [
      item('full-separation', {
        zh: '住宿与非住宿部分采用不开门窗洞口的防火墙和耐火极限不低于1.50 h的楼板完全分隔',
        en: 'Sleeping and other parts fully separated by a fire wall without openings and a floor of at least 1.50 h',
        hint: LARGE, basis: ga, category: 'three-in-one', photo: true,
      }),
      item('detection', {
        zh: '设置火灾自动报警系统或独立式感烟火灾探测报警器', en: 'A fire alarm system or stand-alone smoke alarms installed',
        hint: rural('A.1.3'), basis: ga, category: 'alarm-sprinkler', photo: true,
      }),
      item('separation-or-sprinkler', {
        zh: '住宿与非住宿部分采取防火分隔（未分隔的设有自动喷水灭火系统或局部应用系统）', en: 'Sleeping and other parts fire-separated (where not, protected by sprinklers or a local system)',
        hint: rural('A.1.3'), basis: ga, category: 'three-in-one', photo: true,
      }),
      item('small-smoke-alarms', {
        zh: '小型场所至少设置独立式感烟火灾探测报警器', en: 'A small premises has at least stand-alone smoke alarms',
        hint: SMALL, basis: ga, category: 'alarm-sprinkler', photo: true,
      }),
      item('small-ground-floor', {
        zh: '小型场所住宿设在首层并直通室外', en: 'In a small premises people sleep on the ground floor with a direct way out',
        hint: SMALL, basis: ga, category: 'three-in-one', photo: true,
      }),
    ]),
    section('evacuation', '安全疏散', 'Evacuation', [
      item('separate-exits', {
        zh: '住宿与非住宿部分疏散设施独立设置，或设有辅助疏散设施', en: 'Sleeping and other parts have separate escapes, or auxiliary escape equipment',
        hint: rural('A.1.3'), basis: ga, category: 'exit-blocked', photo: true,
      }),
      item('escape-doors', {
        zh: '疏散门向疏散方向开启，从内部易于开启', en: 'Escape doors open outwards and open easily from inside',
        hint: rural('A.1.4'), basis: ga, category: 'exit-blocked', photo: true,
      }),
      item('stairs-to-roof', {
        zh: '疏散楼梯通至屋顶平台', en: 'The escape stair leads to the roof',
        hint: rural('A.1.5'), basis: ga, category: 'exit-blocked',
      }),
      item('exits-not-blocked', {
        zh: '疏散出口、通道未被堵塞', en: 'Exits and escape routes not blocked',
        hint: rural('A.1.8'), basis: ga, category: 'exit-blocked', photo: true, ruleRefs: ['GB35181-2017:7.3.3'],
      }),
      item('extinguishers', {
        zh: '配置灭火器', en: 'Extinguishers provided',
        hint: rural('A.1.6'), basis: ga, category: 'extinguisher', photo: true,
      }),
      item('emergency-lighting', {
        zh: '配置消防应急照明', en: 'Emergency lighting provided',
        hint: rural('A.1.6'), basis: ga, category: 'signage-lighting', photo: true,
      }),
    ]),
    section('lodging', '住宿管理', 'Lodging', [
      item('no-panel-dwelling', {
        zh: '住宿部分未用芯材燃烧性能低于A级的彩钢夹芯板搭建', en: 'The sleeping quarters are not built of sandwich panels with a core below class A',
        hint: ['属 GB 35181-2017 直接判定要素（已废止，条款号待核实）；须集体讨论判定', 'A direct element of GB 35181-2017 (superseded, clause unverified); decided collectively'],
        basis: u(GB35181_2017, undefined, 'Living quarters in crowded premises built of sandwich panels with a core below GB 8624 class A.'),
        category: 'sandwich-panel', severity: 'major-candidate', photo: true, ruleRefs: ['GB35181-2017:6.10'],
      }),
      item('no-ebike-indoors', {
        zh: '建筑内走道、楼梯间、安全出口无电动自行车停放、充电', en: 'No e-bikes parked or charged in corridors, stairs or exits',
        basis: u(EBIKE_NOTICE, undefined, '严禁在建筑内共用走道、楼梯间、安全出口等公共区域停放或充电'), category: 'ebike-indoor', photo: true,
      }),
    ]),
  ],
});
