/**
 * 大型商业综合体 — a large commercial complex, after 《大型商业综合体消防安全管理规则（试行）》
 * arts. 54–60, 公安部令第61号, the plan's 二（二）2, and the 2017 direct elements of GB 35181 for
 * shops and entertainment (as candidates only). 令5号 items appear only in a high-rise.
 * @module
 */
import { COMPLEX_RULES, GB35181_2017, HIGH_RISE_REG, MPS61, PLAN } from './docs.js';
import { HIGH_RISE, item, section, template, u, v } from './define.js';
import { TEMPLATE_IDS } from './ids.js';

const rule = (art: string) => v(COMPLEX_RULES, art);
const plan = v(PLAN, '二（二）2');
const art25 = v(MPS61, '第二十五条');
const art26 = v(MPS61, '第二十六条');
const CANDIDATE: readonly [string, string] = [
  '属 GB 35181-2017 直接判定要素（已废止，仅供参考）；是否构成重大火灾隐患须集体讨论判定',
  'A direct element of GB 35181-2017 (superseded, for reference); whether it is a major hazard is decided collectively',
];

/** Large commercial complex (大型商业综合体). */
export const commercialComplex = template({
  id: TEMPLATE_IDS.commercialComplex,
  version: 1,
  zh: '大型商业综合体消防安全检查',
  en: 'Large commercial complex inspection',
  appliesTo: { kinds: ['commercial-complex'] },
  sections: [
    section('regime', '巡查检查制度', 'Patrols and checks', [
      item('daily-patrol', {
        zh: '每日防火巡查；营业期间公众聚集场所至少每2小时一次，并有夜间巡查', en: 'Daily fire patrols; crowded areas at least every 2 hours while open, and at night',
        basis: rule('第五十六条'), category: 'other',
      }),
      item('e-patrol', {
        zh: '防火巡查采用电子巡更设备', en: 'Patrols use an electronic patrol system',
        basis: rule('第五十六条'), category: 'other',
      }),
      item('monthly-checks', {
        zh: '每月至少一次建筑消防设施单项检查', en: 'Each building fire system checked at least monthly',
        basis: rule('第五十五条'), category: 'other',
      }),
      item('linkage-test', {
        zh: '每半年至少一次消防设施联动检查', en: 'A linked test of the fire systems at least every six months',
        basis: rule('第五十五条'), category: 'alarm-sprinkler',
      }),
      item('records-signed', {
        zh: '巡查、检查记录真实，巡查人员、复查人员和主管人员签名', en: 'Truthful patrol and check records, signed by patroller, reviewer and supervisor',
        basis: rule('第五十七条'), category: 'other',
      }),
      item('quarterly-assessment', {
        zh: '消防设施、餐饮场所等重点部位每季度检查评估，建立台账', en: 'Fire systems, restaurants and other key parts assessed quarterly, with a register',
        basis: plan, category: 'other',
      }),
    ]),
    section('rectification', '隐患整改', 'Rectification', [
      item('fix-or-report', {
        zh: '发现的隐患当场整改，不能当场整改的报告归口管理部门', en: 'Hazards fixed on the spot, or reported to the responsible department',
        basis: rule('第五十八条'), category: 'other',
      }),
      item('interim-measures', {
        zh: '整改期间采取临时防范措施', en: 'Interim safeguards while a hazard is being fixed',
        basis: rule('第五十九条'), category: 'other',
      }),
      item('deadline-kept', {
        zh: '重大火灾隐患和责令改正的隐患按期整改，并申请复查', en: 'Major and ordered hazards fixed by the deadline, with a review requested',
        basis: rule('第六十条'), category: 'other',
      }),
    ]),
    section('evacuation', '安全疏散', 'Evacuation', [
      item('exits-sufficient', {
        zh: '安全出口数量、疏散总宽度满足要求（未少于规定值的80%）', en: 'Enough exits, total exit width at least 80% of the required value',
        hint: CANDIDATE, basis: v(GB35181_2017, '6.5'), category: 'exit-blocked', severity: 'major-candidate',
        ruleRefs: ['GB35181-2017:6.5'], photo: true,
      }),
      item('exits-clear', {
        zh: '安全出口、疏散通道畅通，未锁闭', en: 'Exits and escape routes clear and unlocked',
        basis: art25, category: 'exit-blocked', photo: true, ruleRefs: ['GB35181-2017:7.3.3'],
      }),
      item('signs-lighting', {
        zh: '疏散指示标志、应急照明完好有效', en: 'Exit signs and emergency lighting working',
        basis: art25, category: 'signage-lighting', photo: true, ruleRefs: ['GB35181-2017:7.3.6'],
      }),
      item('shutters-clear', {
        zh: '防火卷帘下方无堆放物品', en: 'Nothing stored under fire shutters',
        basis: art25, category: 'fire-door', photo: true, ruleRefs: ['GB35181-2017:7.2.2'],
      }),
      item('fire-doors-closed', {
        zh: '常闭式防火门处于关闭状态', en: 'Normally-closed fire doors shut',
        basis: art25, category: 'fire-door', photo: true, ruleRefs: ['GB35181-2017:7.2.2'],
      }),
    ]),
    section('systems', '消防设施', 'Fire systems', [
      item('sprinkler-alarm', {
        zh: '按规定设置自动喷水灭火系统和火灾自动报警系统，并正常运行', en: 'Sprinklers and fire alarm provided as required and in operation',
        hint: CANDIDATE, basis: u(GB35181_2017, '6.6'), category: 'alarm-sprinkler', severity: 'major-candidate',
        ruleRefs: ['GB35181-2017:6.6'], photo: true,
      }),
      item('hydrants', {
        zh: '消火栓完好、有水', en: 'Hydrants intact, with water',
        basis: art26, category: 'hydrant-no-water', photo: true,
      }),
      item('extinguishers', {
        zh: '灭火器配置齐全、有效', en: 'Extinguishers provided and in date',
        basis: art26, category: 'extinguisher', photo: true,
      }),
      item('control-room', {
        zh: '消防控制室24小时值班，每班不少于2人，持证上岗', en: 'Fire control room staffed around the clock by at least 2 certified operators per shift',
        basis: v(HIGH_RISE_REG, '第二十六条'), category: 'other', when: HIGH_RISE,
      }),
    ]),
    section('fire-use', '用火用电', 'Fire and electricity', [
      item('no-hot-work-open', {
        zh: '营业期间未动火施工；动火作业经审批并有现场监护', en: 'No hot work while open; hot work approved and supervised',
        basis: v(HIGH_RISE_REG, '第十五条'), category: 'fire-gas-use', when: HIGH_RISE,
      }),
      item('kitchen-ducts', {
        zh: '餐饮场所排油烟管道每季度至少检查、清洗一次', en: 'Kitchen exhaust ducts checked and cleaned at least quarterly',
        basis: v(HIGH_RISE_REG, '第二十三条'), category: 'fire-gas-use', when: HIGH_RISE,
      }),
      item('electricity', {
        zh: '无私拉乱接电线、超负荷用电', en: 'No improvised wiring or overloading',
        basis: art25, category: 'electrical', photo: true,
      }),
      item('no-flammables', {
        zh: '营业场所内未使用、储存、销售易燃易爆危险品', en: 'No flammable or explosive goods used, stored or sold in the trading areas',
        hint: CANDIDATE, basis: u(GB35181_2017), category: 'flammables', severity: 'major-candidate',
        ruleRefs: ['GB35181-2017:6.8'], photo: true,
      }),
    ]),
    section('lane', '消防车通道', 'Fire lane', [
      item('fire-lane-clear', {
        zh: '消防车通道畅通，未被占用、堵塞', en: 'Fire lane clear, not occupied or blocked',
        basis: art26, category: 'fire-lane-blocked', photo: true, ruleRefs: ['GB35181-2017:7.1.1'],
      }),
    ]),
    section('teams', '队伍、培训与演练', 'Teams, training and drills', [
      item('micro-station', {
        zh: '建立微型消防站，24小时值守', en: 'A micro fire station on duty around the clock',
        hint: ['人员配备要求（如每班不少于6人）来自地方摘要，待核实', 'Staffing (e.g. at least 6 per shift) comes from a local summary and is unverified'],
        basis: u(COMPLEX_RULES), category: 'other',
      }),
      item('staff-training', {
        zh: '建立全员消防培训制度', en: 'Every employee is trained in fire safety',
        basis: plan, category: 'other',
      }),
      item('drills', {
        zh: '每半年组织一次消防演练', en: 'A fire drill every six months',
        basis: plan, category: 'other',
      }),
      item('grid-management', {
        zh: '以功能分区、以店铺为单元推行网格化消防管理', en: 'Fire safety managed in a grid of functional zones and shops',
        basis: plan, category: 'other',
      }),
    ]),
  ],
});
