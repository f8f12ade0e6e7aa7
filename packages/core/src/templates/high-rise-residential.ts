/**
 * 高层住宅建筑 — a high-rise residential building (over 27 m), after 应急管理部令第5号 and the
 * provincial three-year plan (楼长, hydrant and sprinkler testing, insulation and shafts, 微型消防站).
 * @module
 */
import { GB35181_2025, HIGH_RISE_REG, PLAN } from './docs.js';
import { item, section, template, u, v } from './define.js';
import { TEMPLATE_IDS } from './ids.js';

const hr = (art: string) => v(HIGH_RISE_REG, art);
const plan = v(PLAN, '二（二）1');
const NA_IF_NONE: readonly [string, string] = ['没有该设施的选“不适用”', 'Choose “not applicable” where there is none'];

/** High-rise residential building (高层住宅建筑). */
export const highRiseResidential = template({
  id: TEMPLATE_IDS.highRiseResidential,
  version: 1,
  zh: '高层住宅建筑消防安全检查',
  en: 'High-rise residential building inspection',
  appliesTo: { kinds: ['residential'], highRise: true },
  sections: [
    section('fire-lane', '消防车通道与登高操作场地', 'Fire lane and aerial operation site', [
      item('fire-lane-clear', {
        zh: '消防车通道畅通，未设置停车泊位、固定隔离桩等障碍物', en: 'Fire lane clear: no parking bays, fixed bollards or other obstacles',
        basis: hr('第二十二条'), category: 'fire-lane-blocked', photo: true, ruleRefs: ['GB35181-2017:7.1.1'],
      }),
      item('aerial-site-clear', {
        zh: '登高操作场地未被占用，上方无架空管线、广告牌等障碍物', en: 'Aerial operation site unoccupied, no overhead lines or billboards above it',
        basis: hr('第二十二条'), category: 'fire-lane-blocked', photo: true,
      }),
      item('no-occupation-markings', {
        zh: '消防车通道、登高操作场地、防火卷帘下方设置禁止占用的地面标识', en: 'Ground markings forbid occupying the fire lane, the aerial site and the area under fire shutters',
        basis: hr('第三十一条'), category: 'other', photo: true,
      }),
      item('warning-signs', {
        zh: '消防车通道、救援窗、取水口、室外消火栓、水泵接合器设置提示性、警示性标识', en: 'Signs mark the fire lane, rescue windows, water intakes, outdoor hydrants and pump connectors',
        basis: hr('第三十一条'), category: 'other', photo: true,
      }),
    ]),
    section('evacuation', '安全疏散', 'Evacuation', [
      item('exits-clear', {
        zh: '疏散通道、安全出口未堆放物品、未锁闭、未设置障碍物', en: 'Escape routes and exits free of stored goods, locks and obstacles',
        basis: hr('第二十八条'), category: 'exit-blocked', photo: true, ruleRefs: ['GB35181-2017:7.3.3'],
      }),
      item('access-doors-open', {
        zh: '设有门禁系统的疏散门在火灾时易于开启', en: 'Escape doors with access control open easily in a fire',
        basis: hr('第二十八条'), category: 'exit-blocked', hint: NA_IF_NONE,
      }),
      item('fire-doors-closed', {
        zh: '常闭式防火门保持常闭，闭门器、顺序器完好', en: 'Normally-closed fire doors kept shut, closers and coordinators working',
        basis: hr('第二十八条'), category: 'fire-door', photo: true, ruleRefs: ['GB35181-2017:7.2.2'],
      }),
      item('refuge-floor', {
        zh: '避难层（间）设置明显标识，未被占用、堆放杂物或锁闭', en: 'Refuge floor or room clearly signed, not occupied, cluttered or locked',
        basis: hr('第二十九条'), category: 'exit-blocked', photo: true, hint: NA_IF_NONE, ruleRefs: ['GB35181-2017:7.3.1'],
      }),
      item('signs-lighting', {
        zh: '疏散指示标志、应急照明完好有效', en: 'Exit signs and emergency lighting working',
        basis: hr('第三十四条（三）'), category: 'signage-lighting', photo: true, ruleRefs: ['GB35181-2017:7.3.6'],
      }),
    ]),
    section('equipment', '消防设施、器材', 'Fire equipment', [
      item('hydrants-unobstructed', {
        zh: '消火栓未被圈占、遮挡，消火栓箱内无杂物', en: 'Hydrants not fenced in or hidden, nothing stored in hydrant cabinets',
        basis: hr('第二十八条'), category: 'facility-broken', photo: true,
      }),
      item('hydrants-water', {
        zh: '室内消火栓有水，压力正常', en: 'Indoor hydrants have water at normal pressure',
        hint: ['打开末端试水或查看测试记录', 'Open the test outlet or read the test record'],
        basis: plan, category: 'hydrant-no-water', photo: true,
      }),
      item('sprinklers', {
        zh: '自动喷水灭火系统完好有效', en: 'Sprinkler system in working order',
        basis: plan, category: 'alarm-sprinkler', photo: true, hint: NA_IF_NONE,
      }),
      item('extinguishers', {
        zh: '公共区域显著位置摆放灭火器材，完好有效', en: 'Extinguishers placed visibly in the common areas, in working order',
        basis: hr('第三十条'), category: 'extinguisher', photo: true,
      }),
      item('valves-sealed', {
        zh: '消防设施阀门标识开闭状态并铅封', en: 'Valves of the fire systems labelled open or closed, and sealed',
        basis: hr('第三十一条'), category: 'facility-broken', photo: true,
      }),
    ]),
    section('construction', '建筑防火', 'Building fire protection', [
      item('insulation-intact', {
        zh: '外墙保温系统无破损、开裂、脱落', en: 'External insulation free of damage, cracks and detached parts',
        basis: hr('第十九条'), category: 'insulation-damage', photo: true,
      }),
      item('insulation-signs', {
        zh: '主入口及周边设置外墙保温材料燃烧性能和防火要求的提示性、警示性标识', en: 'Signs at the main entrance state the insulation’s combustibility and fire rules',
        basis: hr('第十九条'), category: 'insulation-damage',
      }),
      item('no-combustibles-at-walls', {
        zh: '外墙周围无堆放可燃物', en: 'No combustibles stacked against the external walls',
        basis: hr('第十九条'), category: 'flammables', photo: true,
      }),
      item('shafts-sealed', {
        zh: '电缆井、管道井在每层楼板处防火封堵严密，检查门为防火门', en: 'Cable and pipe shafts fire-stopped at every floor, with fire-rated access doors',
        basis: hr('第二十条'), category: 'shaft-sealing', photo: true,
      }),
      item('shafts-clear', {
        zh: '管道井未被占用，未堆放杂物', en: 'Shafts not used as storage, nothing stored in them',
        basis: hr('第二十条'), category: 'shaft-sealing', photo: true,
      }),
      item('no-lpg-underground', {
        zh: '建筑地下部分未使用液化石油气', en: 'No bottled LPG used in the underground part of the building',
        basis: hr('第十七条'), category: 'fire-gas-use', photo: true,
      }),
    ]),
    section('ebike', '电动自行车', 'E-bikes', [
      item('ebike-not-indoors', {
        zh: '公共门厅、疏散走道、楼梯间、安全出口无电动自行车停放、充电', en: 'No e-bikes parked or charged in lobbies, escape corridors, stairs or exits',
        basis: hr('第三十七条'), category: 'ebike-indoor', photo: true,
      }),
      item('ebike-area-separated', {
        zh: '电动自行车集中存放、充电场所独立设置，或与建筑其他部分防火分隔', en: 'The e-bike parking and charging area stands apart, or is fire-separated from the rest of the building',
        basis: hr('第三十七条'), category: 'ebike-indoor', photo: true,
        hint: ['没有集中存放、充电场所的选“不适用”', 'Choose “not applicable” where there is no such area'],
      }),
      item('ebike-auto-cutoff', {
        zh: '集中充电设施具备充满自动断电功能，配备消防器材', en: 'Chargers cut off when full; the area has fire equipment',
        basis: hr('第三十七条'), category: 'electrical',
        when: { not: { answer: 'ebike-area-separated', is: 'na' } },
      }),
      item('ebike-podium-separated', {
        zh: '设在架空层的电动自行车集中停放、充电场所与采光通风井、公共门厅、疏散走道、楼梯间、安全出口之间采取防火分隔', en: 'E-bike parking or charging in the open ground floor is fire-separated from light wells, lobbies, escape corridors, stairs and exits',
        hint: ['GB 35181-2025 的判定要素之一；条款号未核实', 'An element of GB 35181-2025; its clause number is unverified'],
        basis: u(GB35181_2025), category: 'ebike-indoor', photo: true, ruleRefs: ['GB35181-2025:ebike-podium-separation'],
        when: { not: { answer: 'ebike-area-separated', is: 'na' } },
      }),
    ]),
    section('management', '消防安全管理', 'Fire-safety management', [
      item('floor-captain', {
        zh: '明确消防安全楼长，在显著位置公示其姓名、联系电话和消防安全管理职责', en: 'A floor captain is named, with name, phone and duties posted visibly',
        basis: plan, category: 'other', photo: true,
      }),
      item('patrol-records', {
        zh: '开展防火巡查，有巡查记录', en: 'Fire patrols are made and recorded',
        basis: hr('第三十四条'), category: 'other',
      }),
      item('monthly-inspection', {
        zh: '每月至少开展一次防火检查', en: 'A fire inspection at least once a month',
        basis: hr('第三十五条'), category: 'other',
      }),
      item('stops-occupation', {
        zh: '物业对占用、堵塞、封闭疏散通道、安全出口、消防车通道的行为予以制止，制止无效的报告消防救援机构', en: 'The property manager stops people occupying or blocking escape routes, exits and the fire lane, and reports those who persist',
        basis: hr('第十条（五）'), category: 'other', hint: ['没有物业服务企业的选“不适用”', 'Choose “not applicable” where there is no property manager'],
      }),
      item('resident-training', {
        zh: '每年至少对居住人员开展一次消防安全培训和一次疏散演练', en: 'Residents get fire-safety training and an evacuation drill at least once a year',
        basis: hr('第四十一条'), category: 'other',
      }),
      item('micro-station', {
        zh: '依托网格员、保安、物业人员、志愿者建立微型消防站，配备器材并定期培训演练', en: 'A micro fire station of grid workers, guards, property staff and volunteers, equipped and drilled regularly',
        basis: plan, category: 'other',
      }),
    ]),
  ],
});
