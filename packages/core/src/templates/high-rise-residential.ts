/**
 * 高层住宅建筑 — a high-rise residential building (over 27 m), after 应急管理部令第5号 (quoted from our
 * notes' condensed text of it) and the provincial three-year plan (楼长, hydrant and sprinkler
 * testing). What a grid worker can only read in records says “查看……记录”.
 * @module
 */
import { GB35181_2025, HIGH_RISE_REG, PLAN } from './docs.js';
import { item, section, template, u, v } from './define.js';
import { TEMPLATE_IDS } from './ids.js';

const hr = (art: string, quote: string) => v(HIGH_RISE_REG, art, quote);
const LANE = '禁止在消防车通道、登高操作场地设置构筑物、停车泊位、固定隔离桩等障碍物';
const ART28 = (quote: string) => hr('第二十八条', quote);
const TEST = v(PLAN, '二（二）1', '全面排查测试高层建筑室内消火栓系统和自动喷水灭火系统');
const NA_IF_NONE: readonly [string, string] = ['没有该设施的选“不适用”', 'Choose “not applicable” where there is none'];
const PODIUM = '设置在住宅建筑架空层的电动自行车集中停放或充电场所与建筑的采光通风井、公共门厅、疏散走道、楼梯间、安全出口未采取防火分隔措施';

/** High-rise residential building (高层住宅建筑). */
export const highRiseResidential = template({
  id: TEMPLATE_IDS.highRiseResidential,
  revision: 2,
  zh: '高层住宅建筑消防安全检查',
  en: 'High-rise residential building inspection',
  appliesTo: { kinds: ['residential'], highRise: true },
  sections: [
    section('fire-lane', '消防车通道与登高操作场地', 'Fire lane and aerial operation site', [
      item('fire-lane-no-parking', {
        zh: '消防车通道上未设置停车泊位、无车辆停放', en: 'No parking bays or parked vehicles on the fire lane',
        basis: hr('第二十二条', LANE), category: 'fire-lane-blocked', photo: true, ruleRefs: ['GB35181-2017:7.1.1'],
      }),
      item('fire-lane-no-obstacles', {
        zh: '消防车通道上未设置固定隔离桩、构筑物等障碍物', en: 'No fixed bollards, structures or other obstacles on the fire lane',
        basis: hr('第二十二条', LANE), category: 'fire-lane-blocked', photo: true, ruleRefs: ['GB35181-2017:7.1.1'],
      }),
      item('aerial-site-clear', {
        zh: '登高操作场地未被占用', en: 'Aerial operation site not occupied',
        basis: hr('第二十二条', LANE), category: 'fire-lane-blocked', photo: true,
      }),
      item('aerial-site-overhead', {
        zh: '登高操作场地上方无架空管线、广告牌', en: 'No overhead lines or billboards above the aerial operation site',
        basis: hr('第二十二条', '禁止在上方设置架空管线、广告牌等'), category: 'fire-lane-blocked', photo: true,
      }),
      item('no-occupation-markings', {
        zh: '消防车通道、登高操作场地地面设置禁止占用标识', en: 'Ground markings forbid occupying the fire lane and the aerial site',
        basis: hr('第三十一条', '消防车通道、登高场地、防火卷帘下方 地面标识禁止占用范围'), category: 'other', photo: true,
      }),
    ]),
    section('evacuation', '安全疏散', 'Evacuation', [
      item('exits-no-storage', {
        zh: '疏散通道、安全出口无堆放物品、障碍物', en: 'Nothing stored and no obstacles in escape routes and exits',
        basis: ART28('疏散通道、安全出口禁止堆放物品、锁闭、设置障碍物'), category: 'exit-blocked', photo: true, ruleRefs: ['GB35181-2017:7.3.3'],
      }),
      item('exits-unlocked', {
        zh: '安全出口未锁闭', en: 'Exits not locked',
        basis: ART28('疏散通道、安全出口禁止堆放物品、锁闭、设置障碍物'), category: 'exit-blocked', photo: true, ruleRefs: ['GB35181-2017:7.3.3'],
      }),
      item('access-doors-open', {
        zh: '设有门禁系统的疏散门火灾时易于开启', en: 'Escape doors with access control open easily in a fire',
        basis: ART28('门禁疏散门 火灾时易于开启'), category: 'exit-blocked', hint: NA_IF_NONE,
      }),
      item('fire-doors-closed', {
        zh: '常闭式防火门保持常闭', en: 'Normally-closed fire doors kept shut',
        basis: ART28('常闭防火门保持常闭'), category: 'fire-door', photo: true, ruleRefs: ['GB35181-2017:7.2.2'],
      }),
      item('refuge-signed', {
        zh: '避难层（间）设置明显标识', en: 'Refuge floor or room clearly signed',
        basis: hr('第二十九条', '避难层（间）标识'), category: 'signage-lighting', photo: true, hint: NA_IF_NONE,
      }),
      item('refuge-clear', {
        zh: '避难层（间）未被占用、堆物或锁闭', en: 'Refuge floor or room not occupied, cluttered or locked',
        basis: hr('第二十九条', '禁止占用、堆物、锁闭'), category: 'exit-blocked', photo: true, hint: NA_IF_NONE, ruleRefs: ['GB35181-2017:7.3.1'],
      }),
      item('exit-signs', {
        zh: '疏散指示标志完好有效', en: 'Exit signs working',
        basis: hr('第三十四条（三）', '(三)消防设施、器材完好'), category: 'signage-lighting', photo: true, ruleRefs: ['GB35181-2017:7.3.6'],
      }),
      item('emergency-lighting', {
        zh: '应急照明完好有效', en: 'Emergency lighting working',
        basis: hr('第三十四条（三）', '(三)消防设施、器材完好'), category: 'signage-lighting', photo: true, ruleRefs: ['GB35181-2017:7.3.6'],
      }),
    ]),
    section('equipment', '消防设施、器材', 'Fire equipment', [
      item('hydrants-unobstructed', {
        zh: '消火栓未被圈占、遮挡', en: 'Hydrants not fenced in or hidden',
        basis: ART28('禁止圈占、遮挡消火栓'), category: 'facility-broken', photo: true,
      }),
      item('hydrant-cabinets-clear', {
        zh: '消火栓箱内无杂物', en: 'Nothing stored in hydrant cabinets',
        basis: ART28('消火栓箱内堆放杂物'), category: 'facility-broken', photo: true,
      }),
      item('hydrants-water', {
        zh: '室内消火栓有水，压力正常', en: 'Indoor hydrants have water at normal pressure',
        hint: ['打开末端试水或查看测试记录', 'Open the test outlet or read the test record'],
        basis: TEST, category: 'hydrant-no-water', photo: true,
      }),
      item('sprinklers', {
        zh: '自动喷水灭火系统末端试水装置压力正常', en: 'The sprinkler test outlet shows normal pressure',
        basis: TEST, category: 'alarm-sprinkler', photo: true, hint: NA_IF_NONE,
      }),
      item('extinguishers', {
        zh: '公共区域显著位置摆放灭火器材', en: 'Extinguishers placed visibly in the common areas',
        basis: hr('第三十条', '住宅公共区域显著位置摆放灭火器材'), category: 'extinguisher', photo: true,
      }),
      item('valves-labelled', {
        zh: '消防设施阀门标识开闭状态', en: 'Valves of the fire systems labelled open or closed',
        basis: hr('第三十一条', '阀门标识开/关状态'), category: 'facility-broken', photo: true,
      }),
      item('valves-sealed', {
        zh: '消防设施阀门铅封完好', en: 'Valves of the fire systems sealed',
        basis: hr('第三十一条', '铅封'), category: 'facility-broken', photo: true,
      }),
    ]),
    section('construction', '建筑防火', 'Building fire protection', [
      item('insulation-intact', {
        zh: '外墙保温系统无破损、开裂、脱落', en: 'External insulation free of damage, cracks and detached parts',
        basis: hr('第十九条', '破损、开裂和脱落及时修复'), category: 'insulation-damage', photo: true,
      }),
      item('insulation-signs', {
        zh: '主入口及周边设置外墙保温材料燃烧性能和防火要求的提示性、警示性标识', en: 'Signs at the main entrance state the insulation’s combustibility and fire rules',
        basis: hr('第十九条', '主入口及周边设置提示性和警示性标识 (燃烧性能、防火要求)'), category: 'other',
      }),
      item('no-combustibles-at-walls', {
        zh: '外墙周围无堆放可燃物', en: 'No combustibles stacked against the external walls',
        basis: hr('第十九条', '禁止在外墙周围堆放可燃物'), category: 'flammables', photo: true,
      }),
      item('shafts-sealed', {
        zh: '电缆井、管道井在每层楼板处防火封堵严密', en: 'Cable and pipe shafts fire-stopped at every floor',
        basis: hr('第二十条', '管井每层楼板处防火封堵'), category: 'shaft-sealing', photo: true,
      }),
      item('shaft-doors', {
        zh: '管道井检查门为防火门', en: 'Shaft access doors are fire doors',
        basis: hr('第二十条', '检查门采用防火门'), category: 'shaft-sealing', photo: true,
      }),
      item('shafts-clear', {
        zh: '管道井未被占用，未堆放杂物', en: 'Shafts not used as storage, nothing stored in them',
        basis: hr('第二十条', '禁止占用管井或堆放杂物'), category: 'shaft-sealing', photo: true,
      }),
      item('no-lpg-underground', {
        zh: '建筑地下部分未使用液化石油气', en: 'No bottled LPG used in the underground part of the building',
        basis: hr('第十七条', '禁止在高层民用建筑地下部分使用液化石油气'), category: 'fire-gas-use', photo: true,
      }),
    ]),
    section('ebike', '电动自行车', 'E-bikes', [
      item('ebike-not-parked-indoors', {
        zh: '公共门厅、疏散走道、楼梯间、安全出口无电动自行车停放', en: 'No e-bikes parked in lobbies, escape corridors, stairs or exits',
        basis: hr('第三十七条', '禁止在 公共门厅、疏散走道、楼梯间、安全出口 停放电动自行车或充电'), category: 'ebike-indoor', photo: true,
      }),
      item('ebike-not-charged-indoors', {
        zh: '公共门厅、疏散走道、楼梯间、安全出口无电动自行车充电', en: 'No e-bikes charged in lobbies, escape corridors, stairs or exits',
        basis: hr('第三十七条', '禁止在 公共门厅、疏散走道、楼梯间、安全出口 停放电动自行车或充电'), category: 'ebike-indoor', photo: true,
      }),
      item('ebike-area-separated', {
        zh: '电动自行车集中存放、充电场所独立设置，或与建筑其他部分防火分隔', en: 'The e-bike parking and charging area stands apart, or is fire-separated from the rest of the building',
        basis: hr('第三十七条', '独立设置 或 与建筑其他部分防火分隔'), category: 'ebike-indoor', photo: true,
        hint: ['没有集中存放、充电场所的选“不适用”', 'Choose “not applicable” where there is no such area'],
      }),
      item('ebike-auto-cutoff', {
        zh: '集中充电设施具备充满自动断电功能', en: 'Chargers cut off when full',
        basis: hr('第三十七条', '充满自动断电'), category: 'electrical',
        when: { not: { answer: 'ebike-area-separated', is: 'na' } },
      }),
      item('ebike-area-extinguishers', {
        zh: '集中存放、充电场所配备消防器材', en: 'The e-bike area has fire equipment',
        basis: hr('第三十七条', '配备消防器材'), category: 'extinguisher', photo: true,
        when: { not: { answer: 'ebike-area-separated', is: 'na' } },
      }),
      item('ebike-podium-separated', {
        zh: '设在架空层的电动自行车集中停放、充电场所与采光通风井、公共门厅、疏散走道、楼梯间、安全出口之间采取防火分隔', en: 'E-bike parking or charging in the open ground floor is fire-separated from light wells, lobbies, escape corridors, stairs and exits',
        hint: ['GB 35181-2025 的判定要素之一（据国家消防救援局发布会）；条款号未核实', 'An element of GB 35181-2025 (per the National Fire and Rescue Administration briefing); its clause number is unverified'],
        basis: u(GB35181_2025, undefined, PODIUM), category: 'ebike-indoor', photo: true, ruleRefs: ['GB35181-2025:ebike-podium-separation'],
        when: { not: { answer: 'ebike-area-separated', is: 'na' } },
      }),
    ]),
    section('management', '消防安全管理', 'Fire-safety management', [
      item('floor-captain', {
        zh: '明确消防安全楼长，在显著位置公示其姓名、联系电话和消防安全管理职责', en: 'A floor captain is named, with name, phone and duties posted visibly',
        basis: v(PLAN, '二（二）1', '每栋高层住宅建筑应当明确消防安全楼长,在显著位置公示其姓名、联系电话和消防安全管理职责等信息'),
        category: 'records-missing', photo: true,
      }),
      item('patrol-records', {
        zh: '查看防火巡查记录', en: 'The fire patrol record is kept',
        basis: hr('第三十四条', '每日防火巡查 with 巡查记录'), category: 'records-missing',
      }),
      item('monthly-inspection', {
        zh: '查看防火检查记录，每月至少一次', en: 'The inspection record shows an inspection at least monthly',
        basis: hr('第三十五条', '住宅 每月至少一次 防火检查'), category: 'records-missing',
      }),
      item('resident-training', {
        zh: '查看培训记录，每年至少对居住人员开展一次消防安全培训', en: 'The training record shows residents trained at least once a year',
        basis: hr('第四十一条', '住宅物业 每年至少对居住人员培训一次'), category: 'training',
      }),
      item('resident-drill', {
        zh: '查看演练记录，每年至少组织一次疏散演练', en: 'The drill record shows an evacuation drill at least once a year',
        basis: hr('第四十一条', '疏散演练一次'), category: 'training',
      }),
    ]),
  ],
});
