/**
 * 老旧小区 — an old residential compound (built before 2000), after the plan's fire-lane and
 * e-bike campaigns (二（一）, 二（三）), the marking rules of 应急消〔2019〕334号 (content confirmed,
 * clause numbers not), the 2017 e-bike notice and the draft e-bike charging standard (not in
 * force). It never cites 令5号, which binds high-rise buildings only; a high-rise old building gets
 * the high-rise template as well.
 * @module
 */
import { EBIKE_DRAFT, EBIKE_NOTICE, FIRE_LANE_NOTICE, GB35181_2017, PLAN } from './docs.js';
import { item, section, template, u, v } from './define.js';
import { TEMPLATE_IDS } from './ids.js';

const marking = u(FIRE_LANE_NOTICE);
const plan = (clause: string) => v(PLAN, clause);

/** Old residential compound (老旧小区). */
export const oldResidential = template({
  id: TEMPLATE_IDS.oldResidential,
  version: 1,
  zh: '老旧小区消防安全检查',
  en: 'Old residential compound inspection',
  appliesTo: { kinds: ['residential'], oldResidential: true },
  sections: [
    section('fire-lane', '消防车通道', 'Fire lane', [
      item('fire-lane-clear', {
        zh: '消防车通道畅通，无机动车停放、堆放杂物或设置障碍物', en: 'Fire lane clear of parked cars, stored goods and obstacles',
        basis: v(GB35181_2017, '7.1.1'), category: 'fire-lane-blocked', photo: true, ruleRefs: ['GB35181-2017:7.1.1'],
      }),
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
      item('one-compound-plan', {
        zh: '已纳入“一区一策”消防车通道治理（建立台账、制定治理方案）', en: 'Covered by a compound-specific fire-lane plan (register and plan in place)',
        basis: plan('二（一）2'), category: 'other',
      }),
      item('parking-managed', {
        zh: '无物业管理的，街道、社区已组织成立管理机构或引入停车管理，规范居民停车', en: 'Without a property manager, the street office or community has set up parking management',
        hint: ['有物业服务企业的选“不适用”', 'Choose “not applicable” where there is a property manager'],
        basis: plan('二（一）4'), category: 'other',
      }),
      item('occupation-reported', {
        zh: '占用、堵塞、封闭消防车通道的行为已劝阻，并报告消防救援部门或公安派出所查处', en: 'People occupying or blocking the fire lane were told to stop and reported to the fire service or police station',
        hint: ['未发现此类行为的选“不适用”', 'Choose “not applicable” if none was found'],
        basis: plan('二（一）5'), category: 'fire-lane-blocked',
      }),
    ]),
    section('ebike', '电动自行车', 'E-bikes', [
      item('ebike-not-indoors', {
        zh: '楼道、楼梯间、安全出口等公共区域无电动自行车停放、充电', en: 'No e-bikes parked or charged in corridors, stairs, exits or other common areas',
        basis: u(EBIKE_NOTICE), category: 'ebike-indoor', photo: true,
      }),
      item('no-flying-leads', {
        zh: '无从楼上私拉电线（“飞线”）充电', en: 'No charging leads hung from upper floors (“flying leads”)',
        hint: ['依据为报批稿，尚未施行', 'The basis is a draft not yet in force'],
        basis: u(EBIKE_DRAFT, '7.10'), category: 'electrical', photo: true,
      }),
      item('central-charging', {
        zh: '小区设有电动自行车集中停放、充电场所', en: 'The compound has central e-bike parking and charging',
        basis: plan('二（三）2'), category: 'ebike-indoor',
      }),
      item('charger-protection', {
        zh: '集中充电设施具备充满自动断电、过载和短路保护', en: 'Chargers cut off when full and protect against overload and short circuit',
        hint: ['依据为报批稿，尚未施行', 'The basis is a draft not yet in force'],
        basis: u(EBIKE_DRAFT, '6.2'), category: 'electrical', when: { answer: 'central-charging', is: 'pass' },
      }),
    ]),
    section('buildings', '楼道与设施', 'Stairs and equipment', [
      item('stairs-clear', {
        zh: '楼梯间、疏散通道、安全出口无堆放杂物、未锁闭', en: 'Stairs, escape routes and exits free of clutter and unlocked',
        basis: v(GB35181_2017, '7.3'), category: 'exit-blocked', photo: true, ruleRefs: ['GB35181-2017:7.3.3'],
      }),
      item('hydrants', {
        zh: '小区室外消火栓完好、有水', en: 'Outdoor hydrants intact, with water',
        hint: ['GB 35181-2017 第7.4类“消防给水及灭火设施”，条款内容未核实', 'GB 35181-2017 category 7.4 (water supply and suppression); content unverified'],
        basis: u(GB35181_2017, '7.4'), category: 'hydrant-no-water', photo: true,
      }),
      item('equipment-upgraded', {
        zh: '消防设施已按老旧场所治理要求升级改造（如配置灭火器）', en: 'Fire equipment upgraded under the old-premises campaign (e.g. extinguishers provided)',
        basis: plan('二（三）1'), category: 'extinguisher', photo: true,
      }),
      item('wiring', {
        zh: '楼道电气线路无老化、私拉乱接', en: 'No aged or improvised wiring in the stairwells',
        basis: plan('二（三）1'), category: 'electrical', photo: true,
      }),
    ]),
    section('management', '基层管理', 'Community management', [
      item('management-measures', {
        zh: '落实基层消防安全管理措施（明确管理人员、开展防火巡查）', en: 'Community fire-safety management in place (a named manager, regular patrols)',
        basis: plan('二（三）1'), category: 'other',
      }),
      item('publicity', {
        zh: '开展消防宣传进社区、进家庭', en: 'Fire-safety publicity reaches the community and its homes',
        basis: plan('二（七）1'), category: 'other',
      }),
    ]),
  ],
});
