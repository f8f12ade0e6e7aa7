/**
 * 高层公共建筑 — a public building over 24 m (offices, hotels, hospitals, schools, shops, venues),
 * after 应急管理部令第5号 (quoted from our notes' condensed text of it: art. 8, 15, 19, 20, 22, 28,
 * 29, 31, 37, 39, 44) and the plan's 二（二）1 (the posted 责任人 and 管理人, the 微型消防站). It
 * stands on its own: a worker opens one template per visit, and the daily patrol and periodic
 * inspection every unit also gets hold the unit's own duties of 61号令, this one what 令5号 asks of
 * the building. Industrial buildings (factories,
 * warehouses), metro stations and petrochemical plants are not 民用建筑 and do not get it.
 * What a grid worker can only read in records says “查看……记录”.
 * @module
 */
import { HIGH_RISE_REG, PLAN } from './docs.js';
import { item, section, template, v } from './define.js';
import { TEMPLATE_IDS } from './ids.js';

const hr = (art: string, quote: string) => v(HIGH_RISE_REG, art, quote);
const LANE = hr('第二十二条', '禁止在消防车通道、登高操作场地设置构筑物、停车泊位、固定隔离桩等障碍物');
const EXITS = hr('第二十八条', '疏散通道、安全出口禁止堆放物品、锁闭、设置障碍物');
const SIGNS = hr('第三十一条', '救援窗、取水口、室外消火栓、水泵接合器、常闭防火门 设置提示性、警示性标识');
const EBIKE = hr('第三十七条', '禁止在 公共门厅、疏散走道、楼梯间、安全出口 停放电动自行车或充电');

/** High-rise public building (高层公共建筑). */
export const highRisePublic = template({
  id: TEMPLATE_IDS.highRisePublic,
  revision: 1,
  zh: '高层公共建筑消防安全检查',
  en: 'High-rise public building inspection',
  appliesTo: {
    kinds: ['public-building', 'commercial-complex', 'school', 'kindergarten', 'elderly-care', 'hospital', 'hotel', 'market', 'entertainment'],
    highRise: true,
  },
  sections: [
    section('posted', '责任公示', 'Posted responsibilities', [
      item('responsible-posted', {
        zh: '建筑显著位置公示消防安全责任人的姓名、职务和职责', en: 'The fire-safety responsible person’s name, post and duties are posted in plain view',
        basis: v(PLAN, '二（二）1', '在建筑显著位置公示其姓名、职务和消防安全管理职责'), category: 'records-missing', photo: true,
      }),
      item('manager-posted', {
        zh: '建筑显著位置公示消防安全管理人的姓名、联系方式和职责', en: 'The fire-safety manager’s name, contact and duties are posted in plain view',
        basis: hr('第八条', '在建筑显著位置公示其姓名、联系方式和消防安全管理职责'), category: 'records-missing', photo: true,
      }),
    ]),
    section('fire-lane', '消防车通道与登高操作场地', 'Fire lane and aerial operation site', [
      item('fire-lane-no-parking', {
        zh: '消防车通道上未设置停车泊位、无车辆停放', en: 'No parking bays or parked vehicles on the fire lane',
        basis: LANE, category: 'fire-lane-blocked', photo: true, ruleRefs: ['GB35181-2017:7.1.1'],
      }),
      item('aerial-site-clear', {
        zh: '登高操作场地无构筑物、固定隔离桩等障碍物', en: 'No structures, bollards or other obstacles on the aerial operation site',
        basis: LANE, category: 'fire-lane-blocked', photo: true, ruleRefs: ['GB35181-2017:7.1.1'],
      }),
      item('no-overhead-lines', {
        zh: '消防车通道、登高操作场地上方未设置架空管线、广告牌', en: 'No overhead lines or billboards above the fire lane and the aerial site',
        basis: hr('第二十二条', '禁止在上方设置架空管线、广告牌等'), category: 'fire-lane-blocked', photo: true,
      }),
      item('no-parking-marking', {
        zh: '消防车通道、登高操作场地的地面标识出禁止占用的范围', en: 'The ground marks the no-occupation area of the fire lane and the aerial site',
        basis: hr('第三十一条', '消防车通道、登高场地、防火卷帘下方 地面标识禁止占用范围'), category: 'signage-lighting', photo: true,
      }),
      item('rescue-signs', {
        zh: '救援窗、取水口、室外消火栓、水泵接合器设有提示性、警示性标识', en: 'Rescue windows, water intakes, hydrants and pump connections carry signs',
        basis: SIGNS, category: 'signage-lighting', photo: true,
      }),
    ]),
    section('escape', '疏散与避难', 'Escape and refuge', [
      item('exits-clear', {
        zh: '疏散通道、安全出口无堆放物品、设置障碍物', en: 'Nothing stacked or set up in escape routes and exits',
        basis: EXITS, category: 'exit-blocked', photo: true, ruleRefs: ['GB35181-2017:7.3.3'],
      }),
      item('exits-unlocked', {
        zh: '安全出口未锁闭', en: 'Exits not locked',
        basis: EXITS, category: 'exit-blocked', photo: true, ruleRefs: ['GB35181-2017:7.3.3'],
      }),
      item('access-control-doors', {
        zh: '设有门禁的疏散门在火灾时易于开启', en: 'Escape doors with access control open easily in a fire',
        basis: hr('第二十八条', '门禁疏散门 火灾时易于开启'), category: 'exit-blocked', photo: true,
      }),
      item('fire-doors-closed', {
        zh: '常闭防火门保持常闭', en: 'Normally closed fire doors are kept closed',
        basis: hr('第二十八条', '常闭防火门保持常闭'), category: 'fire-door', photo: true, ruleRefs: ['GB35181-2017:7.2.2'],
      }),
      item('hydrants-free', {
        zh: '消火栓未被圈占、遮挡', en: 'Hydrants are not fenced off or hidden',
        basis: hr('第二十八条', '禁止圈占、遮挡消火栓'), category: 'facility-broken', photo: true,
      }),
      item('shutters-clear', {
        zh: '防火卷帘下方无堆放物品', en: 'Nothing stacked under the fire shutters',
        basis: hr('第二十八条', '防火卷帘下堆放物品'), category: 'fire-door', photo: true,
      }),
      item('refuge-floor-free', {
        zh: '避难层（间）未被占用、堆物、锁闭', en: 'The refuge floor (room) is not occupied, cluttered or locked',
        basis: hr('第二十九条', '禁止占用、堆物、锁闭'), category: 'exit-blocked', photo: true,
      }),
    ]),
    section('envelope', '外墙保温与管井', 'External insulation and shafts', [
      item('insulation-intact', {
        zh: '外墙保温层无破损、开裂、脱落', en: 'The external insulation is not damaged, cracked or falling',
        basis: hr('第十九条', '破损、开裂和脱落及时修复'), category: 'insulation-damage', photo: true,
      }),
      item('no-combustibles-at-walls', {
        zh: '外墙周围无堆放可燃物', en: 'No combustibles stacked along the external walls',
        basis: hr('第十九条', '禁止在外墙周围堆放可燃物'), category: 'flammables', photo: true,
      }),
      item('shafts-sealed', {
        zh: '电缆井、管道井在每层楼板处防火封堵', en: 'Cable and pipe shafts are fire-sealed at every floor',
        basis: hr('第二十条', '管井每层楼板处防火封堵'), category: 'shaft-sealing', photo: true,
      }),
      item('shafts-not-used', {
        zh: '管道井未被占用或堆放杂物', en: 'Shafts are not used for storage or clutter',
        basis: hr('第二十条', '禁止占用管井或堆放杂物'), category: 'shaft-sealing', photo: true,
      }),
    ]),
    section('hot-work', '动火施工', 'Hot work', [
      item('hot-work-approved', {
        zh: '查看动火作业的审批记录', en: 'See the approval records of hot work',
        basis: hr('第十五条', '动火审批'), category: 'records-missing',
      }),
      item('hot-work-posted', {
        zh: '动火施工在建筑主入口和作业现场公告', en: 'Hot work is announced at the main entrance and at the work site',
        basis: hr('第十五条', '在建筑主入口和作业现场公告'), category: 'hot-work', photo: true,
      }),
      item('no-hot-work-while-open', {
        zh: '营业期间未进行动火施工', en: 'No hot work while the venue is open',
        basis: hr('第十五条', '营业期间不得动火施工'), category: 'hot-work', photo: true,
        when: { kind: ['commercial-complex', 'market', 'entertainment'] },
      }),
    ]),
    section('ebike', '电动自行车', 'E-bikes', [
      item('ebike-not-parked', {
        zh: '公共门厅、疏散走道、楼梯间、安全出口无电动自行车停放', en: 'No e-bikes parked in the lobby, escape corridors, stairs or exits',
        basis: EBIKE, category: 'ebike-indoor', photo: true,
      }),
      item('ebike-not-charged', {
        zh: '公共门厅、疏散走道、楼梯间、安全出口无电动自行车充电', en: 'No e-bikes charged in the lobby, escape corridors, stairs or exits',
        basis: EBIKE, category: 'ebike-indoor', photo: true,
      }),
    ]),
    section('readiness', '评估、演练与微型消防站', 'Assessment, drills and the micro fire station', [
      item('assessment-yearly', {
        zh: '查看本年度整栋建筑消防安全评估记录', en: 'See this year’s fire-safety assessment record of the whole building',
        basis: hr('第三十九条', '每年至少一次 整栋建筑消防安全评估'), category: 'records-missing',
      }),
      item('drill-yearly', {
        zh: '查看本年度全要素综合演练记录', en: 'See this year’s full-scale drill record',
        basis: hr('第四十四条', '每年至少一次全要素综合演练'), category: 'training',
      }),
      item('micro-station', {
        zh: '建有微型消防站队伍', en: 'A micro fire station team is set up',
        basis: v(PLAN, '二（二）1', '建立一支微型消防站队伍'), category: 'training',
      }),
    ]),
  ],
});
