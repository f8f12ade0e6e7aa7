/**
 * 大型商业综合体 — a large commercial complex, after 《大型商业综合体消防安全管理规则（试行）》
 * arts. 55–60 (our notes quote them partly in English), 公安部令第61号 (an English summary), the
 * plan's 二（二）2, and the 2017 direct elements of GB 35181 for shops and entertainment (as
 * candidates only). 令5号 items appear only in a high-rise; control-room items only where the
 * building has one (or it is not recorded), kitchen items only where there is a kitchen (or it is
 * not recorded).
 * @module
 */
import { COMPLEX_RULES, GB35181_2017, GB50016, HIGH_RISE_REG, MPS61, PLAN } from './docs.js';
import { HIGH_RISE, item, section, template, u, v } from './define.js';
import type { When } from '../schema/template.js';
import { TEMPLATE_IDS } from './ids.js';

const rule = (art: string, quote: string) => v(COMPLEX_RULES, art, quote);
const plan = (quote: string) => v(PLAN, '二（二）2', quote);
const art25 = (quote: string) => v(MPS61, '第二十五条', quote);
const art26 = (quote: string) => v(MPS61, '第二十六条', quote);
const EXITS = '(2) exits and corridors clear, signs and emergency lighting working';
const DOORS = '(4) fire doors shut, nothing under fire shutters';
const CANDIDATE: readonly [string, string] = [
  '属 GB 35181-2017 直接判定要素（已废止，仅供参考）；是否构成重大火灾隐患须集体讨论判定',
  'A direct element of GB 35181-2017 (superseded, for reference); whether it is a major hazard is decided collectively',
];
const CONTROL_ROOM: When = { all: [HIGH_RISE, { fact: 'hasControlRoom', is: true }] };

/** Large commercial complex (大型商业综合体). */
export const commercialComplex = template({
  id: TEMPLATE_IDS.commercialComplex,
  revision: 2,
  zh: '大型商业综合体消防安全检查',
  en: 'Large commercial complex inspection',
  appliesTo: { kinds: ['commercial-complex'] },
  sections: [
    section('regime', '巡查检查记录', 'Patrol and check records', [
      item('daily-patrol', {
        zh: '查看防火巡查记录，每日巡查', en: 'The patrol record shows a patrol every day',
        basis: rule('第五十六条', '每日防火巡查'), category: 'records-missing',
      }),
      item('two-hourly', {
        zh: '查看防火巡查记录，营业期间公众聚集场所至少每2小时巡查一次', en: 'The patrol record shows crowded areas patrolled at least every 2 hours while open',
        basis: rule('第五十六条', 'in business hours 至少每2小时一次'), category: 'records-missing',
      }),
      item('night-patrol', {
        zh: '查看夜间防火巡查记录', en: 'The night patrol record is kept',
        basis: rule('第五十六条', 'plus night patrols'), category: 'records-missing',
      }),
      item('e-patrol', {
        zh: '防火巡查采用电子巡更设备', en: 'Patrols use an electronic patrol system',
        basis: rule('第五十六条', '防火巡查应当采用电子巡更设备'), category: 'records-missing',
      }),
      item('monthly-checks', {
        zh: '查看建筑消防设施单项检查记录，每月至少一次', en: 'The record shows each fire system checked at least monthly',
        basis: rule('第五十五条', '每月至少一次 建筑消防设施单项检查'), category: 'records-missing',
      }),
      item('linkage-test', {
        zh: '查看消防设施联动检查记录，每半年至少一次', en: 'The record shows a linked test of the fire systems at least every six months',
        basis: rule('第五十五条', '每半年至少一次 联动检查'), category: 'records-missing',
      }),
      item('records-signed', {
        zh: '查看巡查、检查记录，巡查人员、复查人员和主管人员已签名', en: 'Patrol and check records are signed by patroller, reviewer and supervisor',
        basis: rule('第五十七条', 'Patrol staff, 复查人员 and 主管人员 sign.'), category: 'records-missing',
      }),
      item('quarterly-assessment', {
        zh: '查看消防设施、餐饮场所、重点部位每季度检查评估台账', en: 'The quarterly assessment register of fire systems, restaurants and key parts is kept',
        basis: plan('实行消防设施、餐饮场所、重点部位每季度消防安全检查评估制度,建立检查评估台账'), category: 'records-missing',
      }),
    ]),
    section('rectification', '隐患整改', 'Rectification', [
      item('fix-or-report', {
        zh: '查看隐患整改记录，发现的隐患已当场整改或已报告归口管理部门', en: 'The rectification record shows hazards fixed on the spot or reported to the responsible department',
        basis: rule('第五十八条', 'Fix at once, or report to the 归口管理部门.'), category: 'records-missing',
      }),
      item('interim-measures', {
        zh: '整改中的隐患现场已采取临时防范措施', en: 'Hazards being fixed have interim safeguards on site',
        basis: rule('第五十九条', 'Interim safeguards during rectification.'), category: 'other', photo: true,
      }),
      item('deadline-kept', {
        zh: '查看整改记录，重大火灾隐患和责令改正的隐患已按期整改', en: 'The record shows major and ordered hazards fixed by their deadline',
        basis: rule('第六十条', '重大火灾隐患 and ordered hazards fixed by the deadline'), category: 'records-missing',
      }),
    ]),
    section('evacuation', '安全疏散', 'Evacuation', [
      item('exits-sufficient', {
        zh: '安全出口数量、疏散总宽度符合消防设计要求', en: 'Number of exits and total exit width as the fire design requires',
        hint: ['对照经审核的消防设计文件；规范条文未收录在我们的资料中', 'Compare with the approved fire design; the code text is not in our sources'],
        basis: u(GB50016), category: 'exit-blocked', photo: true,
      }),
      item('exits-80', {
        zh: '安全出口数量不少于规定，疏散总宽度不小于规定值的80%', en: 'No fewer exits than required, and total exit width at least 80% of the required value',
        hint: CANDIDATE, basis: v(GB35181_2017, '6.5', 'entertainment, shops and underground crowded premises with exits too few or total exit width below 80%.'),
        category: 'exit-blocked', severity: 'major-candidate', ruleRefs: ['GB35181-2017:6.5'], photo: true,
        when: { answer: 'exits-sufficient', is: 'fail' },
      }),
      item('exits-no-storage', {
        zh: '安全出口、疏散通道无堆放物品', en: 'Nothing stored in exits or escape routes',
        basis: art25(EXITS), category: 'exit-blocked', photo: true, ruleRefs: ['GB35181-2017:7.3.3'],
      }),
      item('exits-unlocked', {
        zh: '营业期间安全出口未上锁', en: 'Exits not locked while open',
        basis: art25(EXITS), category: 'exit-blocked', photo: true, ruleRefs: ['GB35181-2017:7.3.3'],
      }),
      item('exit-signs', {
        zh: '疏散指示标志完好有效', en: 'Exit signs working',
        basis: art25(EXITS), category: 'signage-lighting', photo: true, ruleRefs: ['GB35181-2017:7.3.6'],
      }),
      item('emergency-lighting', {
        zh: '应急照明完好有效', en: 'Emergency lighting working',
        basis: art25(EXITS), category: 'signage-lighting', photo: true, ruleRefs: ['GB35181-2017:7.3.6'],
      }),
      item('shutters-clear', {
        zh: '防火卷帘下方无堆放物品', en: 'Nothing stored under fire shutters',
        basis: art25(DOORS), category: 'fire-door', photo: true, ruleRefs: ['GB35181-2017:7.2.2'],
      }),
      item('fire-doors-closed', {
        zh: '常闭式防火门处于关闭状态', en: 'Normally-closed fire doors shut',
        basis: art25(DOORS), category: 'fire-door', photo: true, ruleRefs: ['GB35181-2017:7.2.2'],
      }),
    ]),
    section('systems', '消防设施', 'Fire systems', [
      item('sprinklers-provided', {
        zh: '按规定设置自动喷水灭火系统', en: 'Sprinklers provided as required',
        hint: CANDIDATE, basis: u(GB35181_2017, '6.6', 'Hotels, entertainment venues, shops or underground crowded premises without required sprinklers or fire alarm.'),
        category: 'alarm-sprinkler', severity: 'major-candidate', ruleRefs: ['GB35181-2017:6.6'], photo: true,
      }),
      item('alarm-provided', {
        zh: '按规定设置火灾自动报警系统', en: 'Fire alarm system provided as required',
        hint: CANDIDATE, basis: u(GB35181_2017, '6.6', 'Hotels, entertainment venues, shops or underground crowded premises without required sprinklers or fire alarm.'),
        category: 'alarm-sprinkler', severity: 'major-candidate', ruleRefs: ['GB35181-2017:6.6'], photo: true,
      }),
      item('hydrants', {
        zh: '消火栓有水、压力正常', en: 'Hydrants have water at normal pressure',
        basis: art26('fire lanes and water'), category: 'hydrant-no-water', photo: true,
      }),
      item('extinguishers-present', {
        zh: '灭火器按配置点在位', en: 'Extinguishers at every place they belong',
        basis: art26('extinguishers'), category: 'extinguisher', photo: true,
      }),
      item('extinguishers-valid', {
        zh: '灭火器压力正常、在有效期内', en: 'Extinguishers pressurised and within their service date',
        basis: art26('extinguishers'), category: 'extinguisher', photo: true,
      }),
      item('control-room-staffed', {
        zh: '消防控制室在岗值班人员不少于2人', en: 'At least 2 operators on duty in the fire control room',
        basis: v(HIGH_RISE_REG, '第二十六条', '24小时值班，每班不应少于2名'), category: 'control-room', when: CONTROL_ROOM,
      }),
      item('control-room-certified', {
        zh: '消防控制室值班人员持证上岗', en: 'Control-room operators hold their certificates',
        basis: v(HIGH_RISE_REG, '第二十六条', '持证'), category: 'control-room', when: CONTROL_ROOM,
      }),
    ]),
    section('fire-use', '用火用电', 'Fire and electricity', [
      item('no-hot-work-open', {
        zh: '营业期间无动火施工', en: 'No hot work while open',
        basis: v(HIGH_RISE_REG, '第十五条', '商场、公共娱乐场所 营业期间不得动火施工'), category: 'hot-work', photo: true, when: HIGH_RISE,
      }),
      item('hot-work-approved', {
        zh: '动火作业有审批手续', en: 'Hot work has been approved',
        basis: v(HIGH_RISE_REG, '第十五条', '动火审批'), category: 'hot-work', photo: true, when: HIGH_RISE,
      }),
      item('hot-work-watched', {
        zh: '动火作业现场有监护人', en: 'Hot work has a fire watch on site',
        basis: v(HIGH_RISE_REG, '第十五条', '现场监护人'), category: 'hot-work', photo: true, when: HIGH_RISE,
      }),
      item('kitchen-ducts', {
        zh: '查看餐饮场所排油烟管道清洗记录，每季度至少一次', en: 'The record shows kitchen exhaust ducts cleaned at least quarterly',
        basis: v(HIGH_RISE_REG, '第二十三条', '餐饮排油烟管道 每季度至少一次 检查、清洗'), category: 'records-missing',
        when: { all: [HIGH_RISE, { fact: 'hasKitchen', is: true }] },
      }),
      item('no-improvised-wiring', {
        zh: '无私拉乱接电线', en: 'No improvised wiring',
        basis: art25('(1) illegal fire or electricity use'), category: 'electrical', photo: true,
      }),
      item('no-overloading', {
        zh: '无超负荷用电', en: 'No overloading',
        basis: art25('(1) illegal fire or electricity use'), category: 'electrical', photo: true,
      }),
      item('no-flammables', {
        zh: '营业场所内无违规使用、储存、销售易燃易爆危险品', en: 'No flammable or explosive goods illegally used, stored or sold in the trading areas',
        hint: [`${CANDIDATE[0]}。依法经营的（如有许可的销售）不属此列`, `${CANDIDATE[1]}. Lawful trade (licensed sales) is not a fail`],
        basis: u(GB35181_2017, '6.8', 'Flammable/explosive goods used, stored or sold in crowded premises.'), category: 'flammables', severity: 'major-candidate',
        ruleRefs: ['GB35181-2017:6.8'], photo: true,
      }),
    ]),
    section('lane', '消防车通道', 'Fire lane', [
      item('fire-lane-clear', {
        zh: '消防车通道未被占用、堵塞', en: 'Fire lane not occupied or blocked',
        basis: art26('fire lanes and water'), category: 'fire-lane-blocked', photo: true, ruleRefs: ['GB35181-2017:7.1.1'],
      }),
    ]),
    section('teams', '队伍、培训与演练', 'Teams, training and drills', [
      item('micro-station', {
        zh: '微型消防站有人值守', en: 'The micro fire station is staffed',
        hint: ['人员配备要求（如每班不少于6人）来自地方摘要，待核实', 'Staffing (e.g. at least 6 per shift) comes from a local summary and is unverified'],
        basis: u(COMPLEX_RULES), category: 'other',
      }),
      item('staff-training', {
        zh: '查看全员消防培训记录', en: 'The all-staff fire training record is kept',
        basis: plan('建立全员消防培训制度'), category: 'training',
      }),
      item('drills', {
        zh: '查看消防演练记录，每半年至少一次', en: 'The drill record shows a fire drill at least every six months',
        basis: plan('每半年组织消防演练'), category: 'training',
      }),
    ]),
  ],
});
