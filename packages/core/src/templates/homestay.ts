/**
 * 民宿 / 农家乐 — guest houses and farm stays: guests who do not know the building sleep there,
 * often above a kitchen. The plan's 二（四）4 names 农家乐及民宿 among the premises whose fire
 * safety is to be strengthened (verified, quoted where an item is about them as such). Rooms,
 * alarms and escape rest on the Fire Protection Law and on local rules for guest houses (many
 * provinces publish 民宿消防安全基本要求), which our sources do not hold: unverified, for an
 * integrator to complete with his province's rules. Kitchen items show only where there is a
 * kitchen or it is not recorded.
 * @module
 */
import { EBIKE_NOTICE, FIRE_LAW, PLAN } from './docs.js';
import { item, section, template, u } from './define.js';
import { TEMPLATE_IDS } from './ids.js';

const LAW = u(FIRE_LAW);
const LOCAL: readonly [string, string] = ['依据为消防法及各地民宿消防安全要求，条文未收录，待核实', 'Rests on the Fire Protection Law and local rules for guest houses, not in our sources; to be confirmed'];
const KITCHEN = { fact: 'hasKitchen', is: true } as const;

/** Guest house or farm stay (民宿/农家乐). */
export const homestay = template({
  id: TEMPLATE_IDS.homestay,
  revision: 1,
  zh: '民宿、农家乐消防安全检查',
  en: 'Guest house and farm stay inspection',
  appliesTo: { kinds: ['homestay'] },
  sections: [
    section('escape', '疏散与逃生', 'Escape', [
      item('exits-clear', {
        zh: '客房楼层的疏散楼梯、走道无堆放杂物', en: 'No clutter in the stairs and corridors of guest floors',
        hint: LOCAL, basis: LAW, category: 'exit-blocked', photo: true, ruleRefs: ['GB35181-2017:7.3.3'],
      }),
      item('exits-unlocked', {
        zh: '营业期间安全出口未锁闭', en: 'Exits not locked while guests stay',
        hint: LOCAL, basis: LAW, category: 'exit-blocked', photo: true, ruleRefs: ['GB35181-2017:7.3.3'],
      }),
      item('exit-signs', {
        zh: '疏散走道设有疏散指示标志', en: 'Exit signs along the escape corridors',
        hint: LOCAL, basis: LAW, category: 'signage-lighting', photo: true,
      }),
      item('emergency-lighting', {
        zh: '疏散走道设有应急照明', en: 'Emergency lighting along the escape corridors',
        hint: LOCAL, basis: LAW, category: 'signage-lighting', photo: true,
      }),
      item('room-escape-map', {
        zh: '客房内张贴疏散示意图', en: 'An escape plan on the back of every guest room door',
        hint: LOCAL, basis: LAW, category: 'signage-lighting', photo: true,
      }),
      item('window-bars', {
        zh: '客房窗户防盗网留有可从内部开启的逃生口', en: 'Window bars of guest rooms have an escape opening that opens from inside',
        hint: LOCAL, basis: LAW, category: 'exit-blocked', photo: true,
      }),
    ]),
    section('rooms', '客房与装修', 'Rooms and furnishing', [
      item('room-smoke-alarm', {
        zh: '客房设置独立式感烟火灾探测报警器', en: 'Stand-alone smoke alarms in the guest rooms',
        hint: LOCAL, basis: LAW, category: 'alarm-sprinkler', photo: true,
      }),
      item('no-flammable-decor', {
        zh: '客房、餐厅未采用泡沫、稻草、竹篾等易燃材料装修', en: 'No foam, straw, bamboo or other flammable finishes in rooms and dining areas',
        hint: LOCAL, basis: LAW, category: 'flammables', photo: true,
      }),
      item('no-improvised-wiring', {
        zh: '电气线路无私拉乱接', en: 'No improvised wiring',
        hint: LOCAL, basis: LAW, category: 'electrical', photo: true,
      }),
    ]),
    section('kitchen', '厨房与用火', 'Kitchen and fire', [
      item('gas-hose', {
        zh: '厨房燃气软管无老化、破损', en: 'The kitchen’s gas hoses are not aged or damaged',
        hint: LOCAL, basis: LAW, category: 'fire-gas-use', photo: true, when: KITCHEN,
      }),
      item('hood-cleaned', {
        zh: '查看厨房排油烟管道的清洗记录', en: 'See the cleaning records of the kitchen’s exhaust ducts',
        hint: LOCAL, basis: LAW, category: 'records-missing', when: KITCHEN,
      }),
      item('open-fire-watched', {
        zh: '篝火、烧烤等露天用火有专人看护', en: 'Someone watches over campfires, barbecues and other open fires',
        hint: ['没有露天用火的选“不适用”；依据待核实', 'Choose “not applicable” where there is no open fire; to be confirmed'],
        basis: LAW, category: 'fire-gas-use', photo: true,
      }),
    ]),
    section('equipment', '器材与人员', 'Equipment and staff', [
      item('extinguishers', {
        zh: '每层配置灭火器', en: 'Extinguishers on every floor',
        hint: LOCAL, basis: LAW, category: 'extinguisher', photo: true,
      }),
      item('keeper-can-use', {
        zh: '经营者会使用灭火器', en: 'The keeper can use an extinguisher',
        hint: ['方案要求加强农家乐及民宿的消防安全管理；具体要求待核实', 'The plan asks for stronger fire-safety management of farm stays and guest houses; the details are to be confirmed'],
        basis: u(PLAN, '二（四）4', '农家乐及民宿等单位场所的消防安全管理'), category: 'training',
      }),
      item('ebike-not-indoors', {
        zh: '楼道、楼梯间等公共区域无电动自行车停放、充电', en: 'No e-bikes parked or charged in corridors, stairs or other common areas',
        basis: u(EBIKE_NOTICE, undefined, '严禁在建筑内共用走道、楼梯间、安全出口等公共区域停放或充电'), category: 'ebike-indoor', photo: true,
      }),
    ]),
  ],
});
