/**
 * 老旧小区 — an old residential compound (built before 2000). Fire-lane occupation after the plan's
 * 二（一）5, which names it an offence in residential compounds; the marking rules of 应急消〔2019〕334号
 * (content confirmed, clause numbers not); e-bikes after the 2017 notice (no item numbers in our
 * sources), the plan's 二（三）2 and the draft charging standard (not in force). Clear stairs and
 * working hydrants in a low-rise compound rest on the Fire Protection Law, whose text our sources
 * do not hold: unverified. It never cites 令5号, which binds high-rise buildings only; a high-rise
 * old building gets the high-rise template as well. The plan's government tasks (一区一策, parking
 * schemes) are not site items.
 * @module
 */
import { EBIKE_DRAFT, FIRE_LANE_NOTICE, FIRE_LAW, PLAN } from './docs.js';
import { DRAFT_HINT, FIRE_LAW_HINT, ebikeCommonAreaItems, item, residentialFireLaneItems, section, template, u, v } from './define.js';
import { TEMPLATE_IDS } from './ids.js';

const marking = u(FIRE_LANE_NOTICE);
const LAW = FIRE_LAW_HINT;

/** Old residential compound (老旧小区). */
export const oldResidential = template({
  id: TEMPLATE_IDS.oldResidential,
  revision: 3,
  zh: '老旧小区消防安全检查',
  en: 'Old residential compound inspection',
  appliesTo: { kinds: ['residential'], oldResidential: true },
  sections: [
    section('fire-lane', '消防车通道', 'Fire lane', [
      ...residentialFireLaneItems(),
      item('kerb-line', {
        zh: '路侧缘石立面和顶面施划黄色禁止停车标线（无缘石的，距路面边缘30 cm施划15 cm宽黄色单实线）', en: 'Yellow no-parking line on the kerb (without a kerb: a 15 cm solid yellow line 30 cm from the edge)',
        basis: marking, category: 'other', photo: true,
      }),
      item('lane-boxes', {
        zh: '每隔20 m在通道中央施划黄色方框线，内书“消防车道 禁止占用”', en: 'Every 20 m a yellow box in the middle of the lane reading “消防车道 禁止占用”',
        basis: marking, category: 'other', photo: true,
      }),
      item('entrance-grid', {
        zh: '小区出入口施划黄色网状线（外框线宽20 cm、网格线宽10 cm、夹角45°）', en: 'Yellow hatched box across the compound entrance (20 cm frame, 10 cm grid at 45°)',
        basis: marking, category: 'other', photo: true,
      }),
      item('warning-signs', {
        zh: '通道两侧设置醒目的警示标牌', en: 'Clear warning signs on both sides of the lane',
        basis: marking, category: 'other', photo: true,
      }),
    ]),
    section('ebike', '电动自行车', 'E-bikes', [
      ...ebikeCommonAreaItems(),
      item('no-flying-leads', {
        zh: '无从楼上私拉电线（“飞线”）充电', en: 'No charging leads hung from upper floors (“flying leads”)',
        hint: DRAFT_HINT, basis: u(EBIKE_DRAFT, '7.10', 'no 飞线'), category: 'electrical', photo: true,
      }),
      item('central-charging', {
        zh: '小区设有电动自行车集中停放、充电场所', en: 'The compound has central e-bike parking and charging',
        basis: v(PLAN, '二（三）2', '在居民住宅区设置电动自行车集中充电、停放场所'), category: 'ebike-indoor',
      }),
      item('charger-cutoff', {
        zh: '集中充电设施具备充满自动断电功能', en: 'Chargers cut off when full',
        hint: DRAFT_HINT, basis: u(EBIKE_DRAFT, '6.2', 'full-charge cut-off'), category: 'electrical', when: { answer: 'central-charging', is: 'pass' },
      }),
    ]),
    section('buildings', '楼道与设施', 'Stairs and equipment', [
      item('stairs-no-clutter', {
        zh: '楼梯间、疏散通道无堆放杂物', en: 'No clutter in stairs and escape routes',
        hint: LAW, basis: u(FIRE_LAW), category: 'exit-blocked', photo: true, ruleRefs: ['GB35181-2017:7.3.3'],
      }),
      item('exits-unlocked', {
        zh: '楼栋安全出口未锁闭', en: 'Building exits not locked',
        hint: LAW, basis: u(FIRE_LAW), category: 'exit-blocked', photo: true, ruleRefs: ['GB35181-2017:7.3.3'],
      }),
      item('window-bars-openable', {
        zh: '住户外窗防盗网留有可从内部开启的逃生口', en: 'Window bars of the flats have an escape opening that opens from inside',
        hint: LAW, basis: u(FIRE_LAW), category: 'exit-blocked', photo: true,
      }),
      item('hydrants', {
        zh: '小区室外消火栓有水', en: 'Outdoor hydrants have water',
        hint: LAW, basis: u(FIRE_LAW), category: 'hydrant-no-water', photo: true,
      }),
      item('extinguishers', {
        zh: '楼道内配置灭火器', en: 'Extinguishers in the stairwells',
        hint: ['方案二（三）1 要求组织升级改造老旧场所消防设施，未具体到灭火器', 'The plan (二（三）1) asks for upgraded fire equipment in old premises without naming extinguishers'],
        basis: u(PLAN, '二（三）1', '组织升级改造消防设施'), category: 'extinguisher', photo: true,
      }),
      item('wiring', {
        zh: '楼道电气线路无老化、破损', en: 'No aged or damaged wiring in the stairwells',
        hint: ['方案该条针对乡村地区的电气线路老化；城镇楼道线路没有直接依据，待核实', 'The plan’s clause is about aged wiring in rural areas; urban stairwells have no direct basis in our sources'],
        basis: u(PLAN, '二（四）4', '电气线路老化'), category: 'electrical', photo: true,
      }),
    ]),
  ],
});
