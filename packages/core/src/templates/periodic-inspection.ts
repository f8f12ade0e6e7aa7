/**
 * 防火检查 — the periodic fire inspection of a unit (monthly; quarterly for 机关、团体、事业单位),
 * after 公安部令第61号 art. 26 (our notes hold an English summary of it, quoted as such), with the
 * 令5号 items of a high-rise public building (arts. 8, 26, 27, 35, 36, 41) and the plan's 履职承诺
 * shown only when the place is a high-rise. Sector items (rooms of kindergartens, care homes and
 * hospitals on floors GB 50016 does not allow, unverified as its text is not in our sources) show
 * only at their kind. The plan's 三自主两公开一承诺 is a practice sector
 * departments promote (二（五）2), not a duty of every unit, so it is not an item.
 * @module
 */
import { FIRE_LAW, GB50016, HIGH_RISE_REG, MPS61, PLAN } from './docs.js';
import { HIGH_RISE, item, section, template, u, v } from './define.js';
import type { When } from '../schema/template.js';
import { TEMPLATE_IDS, UNIT_KINDS } from './ids.js';

const art26 = (quote: string) => v(MPS61, '第二十六条', quote);
const hr = (art: string, quote: string) => v(HIGH_RISE_REG, art, quote);
const EXITS = 'exits, signs, lighting';
const LANE_WATER = 'fire lanes and water';
const FIRE_ELEC = 'fire and electricity use';
const CONTROL_ROOM: When = { all: [HIGH_RISE, { fact: 'hasControlRoom', is: true }] };
/** A building below high-rise that has a control room (or has not recorded that it has none). */
const LOW_CONTROL_ROOM: When = { all: [{ not: HIGH_RISE }, { fact: 'hasControlRoom', is: true }] };
const CODE_HINT: readonly [string, string] = [
  '依据为 GB 50016，条文未收录在我们的资料中，条款待核实', 'Rests on GB 50016; its text is not in our sources, the clause is to be confirmed',
];

/** Periodic fire inspection (防火检查) of a unit. */
export const periodicInspection = template({
  id: TEMPLATE_IDS.periodicInspection,
  revision: 3,
  zh: '单位定期防火检查',
  en: 'Periodic fire inspection of a unit',
  appliesTo: { kinds: [...UNIT_KINDS] },
  sections: [
    section('rectification', '隐患整改', 'Rectification', [
      item('earlier-fixed', {
        zh: '查看上次防火检查记录，所列火灾隐患已整改', en: 'The hazards in the last inspection record have been fixed',
        basis: art26('earlier hazards fixed'), category: 'records-missing',
      }),
      item('interim-measures', {
        zh: '尚未整改完毕的隐患现场已采取临时防范措施', en: 'Hazards still being fixed have interim safeguards on site',
        basis: hr('第三十六条', '整改期间采取临时防范措施'), category: 'other', when: HIGH_RISE,
      }),
    ]),
    section('evacuation', '安全疏散', 'Evacuation', [
      item('exits-no-storage', {
        zh: '安全出口、疏散通道无堆放物品', en: 'Nothing stored in exits or escape routes',
        basis: art26(EXITS), category: 'exit-blocked', photo: true, ruleRefs: ['GB35181-2017:7.3.3'],
      }),
      item('exits-unlocked', {
        zh: '安全出口未上锁', en: 'Exits not locked',
        basis: art26(EXITS), category: 'exit-blocked', photo: true, ruleRefs: ['GB35181-2017:7.3.3'],
      }),
      item('exit-signs', {
        zh: '安全疏散指示标志完好', en: 'Exit signs in working order',
        basis: art26(EXITS), category: 'signage-lighting', photo: true, ruleRefs: ['GB35181-2017:7.3.6'],
      }),
      item('emergency-lighting', {
        zh: '应急照明完好', en: 'Emergency lighting in working order',
        basis: art26(EXITS), category: 'signage-lighting', photo: true, ruleRefs: ['GB35181-2017:7.3.6'],
      }),
    ]),
    section('lane-water', '消防车通道与消防水源', 'Fire lane and water supply', [
      item('fire-lane-clear', {
        zh: '消防车通道未被占用、堵塞', en: 'Fire lane not occupied or blocked',
        basis: art26(LANE_WATER), category: 'fire-lane-blocked', photo: true, ruleRefs: ['GB35181-2017:7.1.1'],
      }),
      item('fire-lane-marked', {
        zh: '消防车通道已按标准划线、标名、立牌', en: 'Fire lane marked, named and signposted to the standard',
        basis: v(PLAN, '二（一）1', '按标准对消防车通道逐一划线、标名、立牌'), category: 'other', photo: true,
        when: { kind: ['public-building', 'commercial-complex', 'school', 'kindergarten', 'elderly-care', 'hospital', 'hotel', 'market', 'entertainment', 'religious', 'heritage', 'metro-station'] },
      }),
      item('hydrants-water', {
        zh: '消火栓有水、压力正常', en: 'Hydrants have water at normal pressure',
        hint: ['打开末端试水或查看压力表', 'Open the test outlet or read the gauge'],
        basis: art26(LANE_WATER), category: 'hydrant-no-water', photo: true,
      }),
    ]),
    section('equipment', '灭火器材与消防控制室', 'Equipment and control room', [
      item('extinguishers-present', {
        zh: '灭火器按配置点在位', en: 'Extinguishers at every place they belong',
        basis: art26('extinguishers'), category: 'extinguisher', photo: true,
      }),
      item('extinguishers-valid', {
        zh: '灭火器压力正常、在有效期内', en: 'Extinguishers pressurised and within their service date',
        basis: art26('extinguishers'), category: 'extinguisher', photo: true,
      }),
      item('control-room-on-duty', {
        zh: '消防控制室有人值班', en: 'Someone is on duty in the fire control room',
        basis: hr('第三十五条（五）', '(五)消防控制室值班和设施运行'), category: 'control-room', when: CONTROL_ROOM,
      }),
      item('control-room-attended', {
        zh: '消防控制室有人在岗值班', en: 'Someone is on duty in the fire control room',
        hint: ['没有消防控制室的选“不适用”', 'Choose “not applicable” where there is no control room'],
        basis: v(MPS61, '第二十五条', '(5) staff on duty at key locations'), category: 'control-room', when: LOW_CONTROL_ROOM,
      }),
      item('panel-normal', {
        zh: '火灾报警控制器无故障、无屏蔽', en: 'The fire alarm panel shows no fault and nothing disabled',
        basis: hr('第三十五条（五）', '(五)消防控制室值班和设施运行'), category: 'alarm-sprinkler', photo: true, when: CONTROL_ROOM,
      }),
    ]),
    section('use', '用火用电与易燃易爆', 'Fire, electricity and flammables', [
      item('fire-use', {
        zh: '无违规使用明火', en: 'No illegal open flames',
        basis: art26(FIRE_ELEC), category: 'fire-gas-use', photo: true,
      }),
      item('electricity-use', {
        zh: '无私拉乱接电线', en: 'No improvised wiring',
        basis: art26(FIRE_ELEC), category: 'electrical', photo: true,
      }),
      item('flammables', {
        zh: '无违规存放易燃易爆危险品', en: 'No flammable or explosive goods stored illegally',
        basis: art26('flammable goods'), category: 'flammables', photo: true,
      }),
    ]),
    section('people', '人员与重点部位', 'People and key locations', [
      item('staff-knowledge', {
        zh: '随机询问员工，会报火警、会使用灭火器', en: 'Staff asked at random can call the fire service and use an extinguisher',
        basis: art26('staff knowledge'), category: 'training',
      }),
      item('staff-training', {
        zh: '查看员工消防培训记录，每半年至少一次', en: 'The training record shows staff trained at least every six months',
        basis: hr('第四十一条', '公共建筑员工 每半年培训'), category: 'training', when: HIGH_RISE,
      }),
      item('key-parts', {
        zh: '消防安全重点部位设有明显标志', en: 'Key fire-safety locations are clearly marked',
        basis: art26('key locations'), category: 'other',
      }),
      item('micro-station-equipped', {
        zh: '微型消防站器材配备齐全', en: 'The micro fire station has its equipment',
        basis: hr('第二十七条', '微型消防站等: 配备必要的人员、场所和器材'), category: 'facility-broken', when: HIGH_RISE,
      }),
      item('micro-station-drills', {
        zh: '查看微型消防站培训演练记录', en: 'The micro fire station’s training and drill record is kept',
        basis: hr('第二十七条', '定期培训演练'), category: 'training', when: HIGH_RISE,
      }),
    ]),
    section('duties', '责任公示与承诺', 'Posted duties and commitment', [
      item('manager-posted', {
        zh: '消防安全管理人的姓名、联系方式和消防安全管理职责在建筑显著位置公示', en: 'The fire-safety manager’s name, contact and duties are posted visibly in the building',
        basis: hr('第八条', '在建筑显著位置公示其姓名、联系方式和消防安全管理职责'), category: 'records-missing', photo: true, when: HIGH_RISE,
      }),
      item('commitment', {
        zh: '查看消防安全责任人、管理人的履职承诺', en: 'The responsible person’s and manager’s signed commitment is on file',
        basis: v(PLAN, '二（二）1', '建立高层建筑消防安全责任人、管理人履职承诺制度'), category: 'records-missing', when: HIGH_RISE,
      }),
    ]),
    section('sector', '行业场所', 'Sector premises', [
      item('children-not-underground', {
        zh: '儿童用房未设在地下或半地下', en: 'No children’s rooms underground or half underground',
        hint: CODE_HINT, basis: u(GB50016), category: 'other', photo: true, when: { kind: ['kindergarten'] },
      }),
      item('children-floor-allowed', {
        zh: '儿童用房未设在规范不允许的楼层', en: 'Children’s rooms are on floors the code allows',
        hint: CODE_HINT, basis: u(GB50016), category: 'other', when: { kind: ['kindergarten'] },
      }),
      item('elderly-not-underground', {
        zh: '老年人居室未设在地下或半地下', en: 'No residents’ rooms underground or half underground',
        hint: CODE_HINT, basis: u(GB50016), category: 'other', photo: true, when: { kind: ['elderly-care'] },
      }),
      item('elderly-floor-allowed', {
        zh: '老年人用房未设在规范不允许的楼层', en: 'Rooms for the elderly are on floors the code allows',
        hint: CODE_HINT, basis: u(GB50016), category: 'other', when: { kind: ['elderly-care'] },
      }),
      item('wards-not-underground', {
        zh: '住院病房未设在地下或半地下', en: 'No wards underground or half underground',
        hint: CODE_HINT, basis: u(GB50016), category: 'other', photo: true, when: { kind: ['hospital'] },
      }),
      item('dorm-no-heaters', {
        zh: '学生宿舍内无使用大功率电器', en: 'No high-power appliances in the student dormitories',
        hint: ['依据为消防法及学校管理规定，条文未收录，待核实', 'Rests on the Fire Protection Law and school rules, not in our sources; to be confirmed'],
        basis: u(FIRE_LAW), category: 'electrical', photo: true,
        when: { all: [{ kind: ['school'] }, { fact: 'overnightStay', is: true }] },
      }),
    ]),
    section('record', '检查记录', 'Inspection record', [
      item('frequency', {
        zh: '查看防火检查记录，机关、团体、事业单位每季度、其他单位每月至少检查一次', en: 'The inspection record shows a check at least every quarter (government bodies, associations, public institutions) or every month (other units)',
        basis: art26('机关/团体/事业单位 quarterly, other units monthly'), category: 'records-missing',
      }),
      item('record-signed', {
        zh: '查看防火检查记录，检查人员和被检查部门负责人已签名', en: 'The inspection record is signed by the inspector and the head of the inspected department',
        basis: art26('Inspector and unit head sign.'), category: 'records-missing',
      }),
    ]),
  ],
});
