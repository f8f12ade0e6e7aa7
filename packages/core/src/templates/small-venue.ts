/**
 * 九小场所 — a small venue (small shop, restaurant, hotel, entertainment…), after local rules for
 * 九小场所 (our notes: Zhengzhou's checks and the "十查" list; limits vary by city, so every item
 * citing them is unverified), the 2017 e-bike notice, the plan's sandwich-panel campaign, and the
 * 2017 direct element on sandwich-panel living quarters (as a candidate only).
 * @module
 */
import { EBIKE_NOTICE, GB35181_2017, PLAN, SMALL_VENUE_LOCAL, TEN_CHECKS } from './docs.js';
import { item, section, template, u, v } from './define.js';
import { TEMPLATE_IDS } from './ids.js';

const local = u(SMALL_VENUE_LOCAL);
const ten = u(TEN_CHECKS);

/** Small venue (九小场所). */
export const smallVenue = template({
  id: TEMPLATE_IDS.smallVenue,
  version: 1,
  zh: '九小场所消防安全检查',
  en: 'Small venue (九小场所) inspection',
  appliesTo: { kinds: ['small-venue'] },
  sections: [
    section('management', '消防安全管理', 'Fire-safety management', [
      item('responsible-person', {
        zh: '明确消防安全责任人', en: 'A fire-safety responsible person is named',
        basis: local, category: 'other',
      }),
      item('rules', {
        zh: '制定消防安全制度', en: 'Fire-safety rules are in place',
        basis: local, category: 'other',
      }),
      item('records', {
        zh: '有每日防火巡查和每月防火检查记录', en: 'Daily patrol and monthly inspection records are kept',
        basis: local, category: 'other',
      }),
      item('staff-trained', {
        zh: '员工经过消防安全培训，达到“一懂三会”', en: 'Staff are trained to the “一懂三会” level',
        basis: local, category: 'other',
      }),
      item('drills', {
        zh: '定期组织灭火和疏散演练', en: 'Fire and evacuation drills are held regularly',
        basis: local, category: 'other',
      }),
      item('within-limits', {
        zh: '经营面积、床位、楼层未超出九小场所的规模限定', en: 'Floor area, beds and storeys within the limits for a small venue',
        hint: ['例如郑州：商店、餐饮≤100 m²，旅馆≤20张床位，娱乐场所设在1–3层且≤200 m²；各地标准不同', 'E.g. Zhengzhou: shop or restaurant ≤ 100 m², hotel ≤ 20 beds, entertainment on floors 1–3 and ≤ 200 m²; limits vary by city'],
        basis: local, category: 'other',
      }),
    ]),
    section('setting', '场所设置', 'Setting', [
      item('not-in-hazardous-building', {
        zh: '未设在易燃易爆危险品生产、储存的建筑内', en: 'Not inside a building that produces or stores flammable or explosive goods',
        basis: local, category: 'flammables', photo: true,
      }),
      item('no-hazardous-storage', {
        zh: '场所内无违规存放易燃易爆物品', en: 'No flammable or explosive goods stored illegally on the premises',
        basis: local, category: 'flammables', photo: true,
      }),
      item('separations-intact', {
        zh: '防火分隔完好', en: 'Fire separations intact',
        basis: local, category: 'other', photo: true,
      }),
      item('kitchen-separated', {
        zh: '厨房与其他区域分隔', en: 'The kitchen is separated from the rest',
        hint: ['没有厨房的选“不适用”', 'Choose “not applicable” where there is no kitchen'],
        basis: local, category: 'other', photo: true,
      }),
      item('nobody-lives-here', {
        zh: '场所内无人员住宿', en: 'Nobody sleeps on the premises',
        basis: local, category: 'three-in-one', photo: true,
      }),
      item('no-panel-dwelling', {
        zh: '住宿部分未用芯材燃烧性能低于A级的彩钢夹芯板搭建', en: 'The sleeping quarters are not built of sandwich panels with a core below class A',
        hint: ['属 GB 35181-2017 直接判定要素（已废止，条款号待核实）；须集体讨论判定', 'A direct element of GB 35181-2017 (superseded, clause unverified); decided collectively'],
        basis: u(GB35181_2017), category: 'sandwich-panel', severity: 'major-candidate', photo: true,
        ruleRefs: ['GB35181-2017:6.10'], when: { answer: 'nobody-lives-here', is: 'fail' },
      }),
      item('no-sandwich-panel', {
        zh: '无违规搭建易燃可燃彩钢板房', en: 'No illegal combustible sandwich-panel structures',
        basis: v(PLAN, '二（三）2'), category: 'sandwich-panel', photo: true,
      }),
    ]),
    section('ten-checks', '“十查”', 'The ten quick checks', [
      item('extinguishers', {
        zh: '配备灭火器（每层不少于2具4 kg）', en: 'Extinguishers provided (at least two 4 kg units per floor)',
        basis: ten, category: 'extinguisher', photo: true,
      }),
      item('emergency-lighting', {
        zh: '配备应急照明灯', en: 'Emergency lights provided',
        basis: ten, category: 'signage-lighting', photo: true,
      }),
      item('exit-signs', {
        zh: '设置疏散指示标志', en: 'Exit signs provided',
        basis: ten, category: 'signage-lighting', photo: true,
      }),
      item('smoke-alarms', {
        zh: '每个房间安装独立式感烟火灾探测报警器', en: 'A stand-alone smoke alarm in every room',
        basis: ten, category: 'alarm-sprinkler', photo: true,
      }),
      item('staff-basics', {
        zh: '从业人员掌握基本消防常识', en: 'Staff know the fire-safety basics',
        basis: ten, category: 'other',
      }),
      item('routes-clear', {
        zh: '疏散通道畅通，室内无电动自行车停放、充电', en: 'Escape routes clear, no e-bikes parked or charged indoors',
        basis: u(EBIKE_NOTICE), category: 'ebike-indoor', photo: true,
      }),
      item('no-window-bars', {
        zh: '门窗未设置影响逃生的防盗网、铁栅栏', en: 'No security bars on doors or windows that block escape',
        basis: ten, category: 'exit-blocked', photo: true,
      }),
      item('fire-gas-use', {
        zh: '无违规用火、用气', en: 'No illegal use of fire or gas',
        basis: ten, category: 'fire-gas-use', photo: true,
      }),
      item('wiring', {
        zh: '电气线路无私拉乱接', en: 'No improvised wiring',
        basis: ten, category: 'electrical', photo: true,
      }),
    ]),
  ],
});
