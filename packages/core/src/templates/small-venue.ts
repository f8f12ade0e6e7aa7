/**
 * 九小场所 — a small venue (small shop, restaurant, hotel, entertainment…), after local rules for
 * 九小场所 (our notes: Zhengzhou's checks and the "十查" list; limits vary by city, so every item
 * citing them is unverified), the 2017 e-bike notice, the plan's sandwich-panel campaign, and the
 * 2017 direct element on sandwich-panel living quarters (as a candidate only). The kitchen item
 * appears only where the place has a kitchen (or it is not recorded).
 * @module
 */
import { EBIKE_NOTICE, GB35181_2017, PLAN, SMALL_VENUE_LOCAL, TEN_CHECKS } from './docs.js';
import { item, section, template, u, v } from './define.js';
import { TEMPLATE_IDS } from './ids.js';

const local = (quote?: string) => u(SMALL_VENUE_LOCAL, undefined, quote);
const ten = (quote: string) => u(TEN_CHECKS, undefined, quote);
const RECORDS = 'daily patrol + monthly inspection records';

/** Small venue (九小场所). */
export const smallVenue = template({
  id: TEMPLATE_IDS.smallVenue,
  revision: 2,
  zh: '九小场所消防安全检查',
  en: 'Small venue (九小场所) inspection',
  appliesTo: { kinds: ['small-venue'] },
  sections: [
    section('management', '消防安全管理', 'Fire-safety management', [
      item('responsible-person', {
        zh: '明确消防安全责任人', en: 'A fire-safety responsible person is named',
        basis: local('responsible person named'), category: 'records-missing',
      }),
      item('rules', {
        zh: '查看消防安全制度', en: 'Fire-safety rules are in place',
        basis: local('rules'), category: 'records-missing',
      }),
      item('patrol-records', {
        zh: '查看每日防火巡查记录', en: 'The daily patrol record is kept',
        basis: local(RECORDS), category: 'records-missing',
      }),
      item('inspection-records', {
        zh: '查看每月防火检查记录', en: 'The monthly inspection record is kept',
        basis: local(RECORDS), category: 'records-missing',
      }),
      item('staff-trained', {
        zh: '随机询问员工，达到“一懂三会”', en: 'Staff asked at random meet the “一懂三会” level',
        basis: local('staff trained to "一懂三会"'), category: 'training',
      }),
      item('drills', {
        zh: '查看灭火和疏散演练记录', en: 'The fire and evacuation drill record is kept',
        basis: local('drills'), category: 'training',
      }),
      item('within-limits', {
        zh: '经营面积、床位、楼层未超出九小场所的规模限定', en: 'Floor area, beds and storeys within the limits for a small venue',
        hint: ['例如郑州：商店、餐饮≤100 m²，旅馆≤20张床位，娱乐场所设在1–3层且≤200 m²；各地标准不同', 'E.g. Zhengzhou: shop or restaurant ≤ 100 m², hotel ≤ 20 beds, entertainment on floors 1–3 and ≤ 200 m²; limits vary by city'],
        basis: local('Size limits (shop or restaurant ≤100 m², hotel ≤20 beds, entertainment on floors 1–3 and ≤200 m²)'), category: 'other',
      }),
    ]),
    section('setting', '场所设置', 'Setting', [
      item('not-in-hazardous-building', {
        zh: '未设在易燃易爆危险品生产、储存的建筑内', en: 'Not inside a building that produces or stores flammable or explosive goods',
        basis: local('not in a flammable/explosive building'), category: 'flammables', photo: true,
      }),
      item('no-hazardous-storage', {
        zh: '场所内无违规存放易燃易爆物品', en: 'No flammable or explosive goods stored illegally on the premises',
        basis: local('no illegal storage'), category: 'flammables', photo: true,
      }),
      item('separations-intact', {
        zh: '防火分隔墙体无开洞、破损', en: 'Fire-separating walls have no holes or damage',
        basis: local('separations intact'), category: 'other', photo: true,
      }),
      item('kitchen-separated', {
        zh: '厨房与其他区域分隔', en: 'The kitchen is separated from the rest',
        hint: ['没有厨房的选“不适用”', 'Choose “not applicable” where there is no kitchen'],
        basis: local('kitchen separated'), category: 'fire-gas-use', photo: true, when: { fact: 'hasKitchen', is: true },
      }),
      item('nobody-lives-here', {
        zh: '场所内无人员住宿', en: 'Nobody sleeps on the premises',
        basis: local('no one living on site'), category: 'three-in-one', photo: true,
      }),
      item('no-panel-dwelling', {
        zh: '住宿部分未用芯材燃烧性能低于A级的彩钢夹芯板搭建', en: 'The sleeping quarters are not built of sandwich panels with a core below class A',
        hint: ['属 GB 35181-2017 直接判定要素（已废止，条款号待核实）；须集体讨论判定', 'A direct element of GB 35181-2017 (superseded, clause unverified); decided collectively'],
        basis: u(GB35181_2017, undefined, 'Living quarters in crowded premises built of sandwich panels with a core below GB 8624 class A.'),
        category: 'sandwich-panel', severity: 'major-candidate', photo: true,
        ruleRefs: ['GB35181-2017:6.10'], when: { answer: 'nobody-lives-here', is: 'fail' },
      }),
      item('no-sandwich-panel', {
        zh: '无违规搭建易燃可燃彩钢板房', en: 'No illegal combustible sandwich-panel structures',
        basis: v(PLAN, '二（三）2', '违规搭建、违规采用易燃可燃材料的彩钢板房'), category: 'sandwich-panel', photo: true,
      }),
    ]),
    section('ten-checks', '“十查”', 'The ten quick checks', [
      item('extinguishers', {
        zh: '配备灭火器（每层不少于2具4 kg）', en: 'Extinguishers provided (at least two 4 kg units per floor)',
        basis: ten('extinguishers at the door (2 × 4 kg per floor)'), category: 'extinguisher', photo: true,
      }),
      item('emergency-lighting', {
        zh: '配备应急照明灯', en: 'Emergency lights provided',
        basis: ten('emergency lights'), category: 'signage-lighting', photo: true,
      }),
      item('exit-signs', {
        zh: '设置疏散指示标志', en: 'Exit signs provided',
        basis: ten('exit signs'), category: 'signage-lighting', photo: true,
      }),
      item('smoke-alarms', {
        zh: '每个房间安装独立式感烟火灾探测报警器', en: 'A stand-alone smoke alarm in every room',
        basis: ten('smoke alarm in every room'), category: 'alarm-sprinkler', photo: true,
      }),
      item('staff-basics', {
        zh: '随机询问从业人员，掌握基本消防常识', en: 'Staff asked at random know the fire-safety basics',
        basis: ten('staff know basics'), category: 'training',
      }),
      item('routes-clear', {
        zh: '疏散通道无堆放物品', en: 'Nothing stored in the escape routes',
        basis: ten('corridors clear'), category: 'exit-blocked', photo: true,
      }),
      item('no-ebike-indoors', {
        zh: '室内无电动自行车停放、充电', en: 'No e-bikes parked or charged indoors',
        basis: u(EBIKE_NOTICE, undefined, '严禁在建筑内共用走道、楼梯间、安全出口等公共区域停放或充电'), category: 'ebike-indoor', photo: true,
      }),
      item('no-window-bars', {
        zh: '门窗未设置影响逃生的防盗网、铁栅栏', en: 'No security bars on doors or windows that block escape',
        basis: ten('no window bars'), category: 'exit-blocked', photo: true,
      }),
      item('no-illegal-fire', {
        zh: '无违规使用明火', en: 'No illegal open flames',
        basis: ten('no illegal fire/electricity/gas use'), category: 'fire-gas-use', photo: true,
      }),
      item('no-illegal-gas', {
        zh: '无违规用气（如室内存放多个液化气瓶）', en: 'No illegal use of gas (e.g. several LPG bottles kept indoors)',
        basis: ten('no illegal fire/electricity/gas use'), category: 'fire-gas-use', photo: true,
      }),
      item('wiring', {
        zh: '电气线路无私拉乱接', en: 'No improvised wiring',
        basis: ten('no illegal fire/electricity/gas use'), category: 'electrical', photo: true,
      }),
    ]),
  ],
});
