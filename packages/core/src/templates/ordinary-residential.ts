/**
 * 普通住宅 — a residential building that is neither high-rise (27 m and below) nor old (built in
 * 2000 or later): the 6-storey estate of 2012 where grid workers spend most of their visits. Fire
 * lanes after the plan's 二（一）1 (newer estates mark, name and sign them) and 二（一）5 (occupying
 * one is an offence); e-bikes after the 2017 notice (no item numbers in our sources), the plan's
 * 二（三）2 and the draft charging standard (not in force). Clear stairs, unlocked exits and working
 * equipment rest on the Fire Protection Law, whose text our sources do not hold: unverified. The
 * plan asks a 楼长 of every high-rise residential building only; a low-rise building that has
 * named one posts the same notice, so that item is unverified here and `na` where there is none.
 * It never cites 令5号, which binds high-rise buildings only.
 * @module
 */
import { EBIKE_DRAFT, FIRE_LAW, PLAN } from './docs.js';
import { DRAFT_HINT, FIRE_LAW_HINT, ebikeCommonAreaItems, item, residentialFireLaneItems, section, template, u, v } from './define.js';
import { TEMPLATE_IDS } from './ids.js';

const LANE = v(PLAN, '二（一）5', '住宅小区道路内占用、堵塞、封闭消防车通道等违法行为');
const MARKED = v(PLAN, '二（一）1', '按标准对消防车通道逐一划线、标名、立牌');
const LAW = FIRE_LAW_HINT;
const WHERE_PRESENT: readonly [string, string] = ['没有该设施的选“不适用”；依据为消防法，条文未收录，待核实', 'Choose “not applicable” where there is none; rests on the Fire Protection Law, to be confirmed'];

/** Ordinary (not high-rise, not old) residential building (普通住宅). */
export const ordinaryResidential = template({
  id: TEMPLATE_IDS.ordinaryResidential,
  revision: 1,
  zh: '普通住宅消防安全检查',
  en: 'Residential building inspection (not high-rise, not old)',
  appliesTo: { kinds: ['residential'], highRise: false, oldResidential: false },
  sections: [
    section('fire-lane', '消防车通道', 'Fire lane', [
      ...residentialFireLaneItems(),
      item('fire-lane-not-closed', {
        zh: '消防车通道未被地锁、隔离桩或上锁的栏杆封闭', en: 'The fire lane is not closed by parking locks, bollards or locked barriers',
        basis: LANE, category: 'fire-lane-blocked', photo: true, ruleRefs: ['GB35181-2017:7.1.1'],
      }),
      item('fire-lane-marked', {
        zh: '消防车通道已按标准划线、标名、立牌', en: 'The fire lane is marked, named and signed to the standard',
        basis: MARKED, category: 'other', photo: true,
      }),
    ]),
    section('stairs', '楼道与安全出口', 'Stairs and exits', [
      item('stairs-no-clutter', {
        zh: '楼梯间、疏散通道无堆放杂物', en: 'No clutter in stairs and escape routes',
        hint: LAW, basis: u(FIRE_LAW), category: 'exit-blocked', photo: true, ruleRefs: ['GB35181-2017:7.3.3'],
      }),
      item('exits-unlocked', {
        zh: '楼栋安全出口、通向屋面的门未锁闭', en: 'Building exits and doors to the roof not locked',
        hint: LAW, basis: u(FIRE_LAW), category: 'exit-blocked', photo: true, ruleRefs: ['GB35181-2017:7.3.3'],
      }),
      ...ebikeCommonAreaItems(),
      item('no-flying-leads', {
        zh: '无从楼上私拉电线（“飞线”）充电', en: 'No charging leads hung from upper floors (“flying leads”)',
        hint: DRAFT_HINT, basis: u(EBIKE_DRAFT, '7.10', 'no 飞线'), category: 'electrical', photo: true,
      }),
    ]),
    section('ebike-charging', '电动自行车集中充电', 'Central e-bike charging', [
      item('central-charging', {
        zh: '小区设有电动自行车集中停放、充电场所', en: 'The estate has central e-bike parking and charging',
        basis: v(PLAN, '二（三）2', '在居民住宅区设置电动自行车集中充电、停放场所'), category: 'ebike-indoor',
      }),
      item('charger-cutoff', {
        zh: '集中充电设施具备充满自动断电功能', en: 'Chargers cut off when full',
        hint: DRAFT_HINT, basis: u(EBIKE_DRAFT, '6.2', 'full-charge cut-off'), category: 'electrical', when: { answer: 'central-charging', is: 'pass' },
      }),
    ]),
    section('equipment', '消防设施（设有的）', 'Fire equipment (where present)', [
      item('hydrants', {
        zh: '小区室外消火栓有水', en: 'Outdoor hydrants have water',
        hint: WHERE_PRESENT, basis: u(FIRE_LAW), category: 'hydrant-no-water', photo: true,
      }),
      item('hydrants-unobstructed', {
        zh: '室外消火栓周围无遮挡、圈占', en: 'Nothing blocks or fences off the outdoor hydrants',
        hint: WHERE_PRESENT, basis: u(FIRE_LAW), category: 'hydrant-no-water', photo: true,
      }),
      item('extinguishers', {
        zh: '楼道内配置的灭火器压力指针在绿区', en: 'The extinguishers in the stairwells show pressure in the green',
        hint: WHERE_PRESENT, basis: u(FIRE_LAW), category: 'extinguisher', photo: true,
      }),
    ]),
    section('captain', '楼长公示', 'Floor captain notice', [
      item('captain-notice', {
        zh: '楼栋显著位置公示消防安全楼长姓名、联系电话和职责', en: 'The floor captain’s name, phone and duties are posted where residents see them',
        hint: ['方案要求每栋高层住宅建筑明确楼长；本楼已明确楼长的，同样公示；未明确的选“不适用”', 'The plan asks a captain of every high-rise residential building; a building that has named one posts the same notice; choose “not applicable” where there is none'],
        basis: u(PLAN, '二（二）1', '每栋高层住宅建筑应当明确消防安全楼长,在显著位置公示其姓名、联系电话和消防安全管理职责等信息'),
        category: 'other', photo: true,
      }),
    ]),
  ],
});
