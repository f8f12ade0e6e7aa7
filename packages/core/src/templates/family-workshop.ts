/**
 * 家庭作坊 — a family workshop: production or processing in or beside a home (sewing, food,
 * small machining, packaging). The plan's 二（三）1 names 家庭生产加工作坊 a prominent risk
 * (verified, quoted where an item is about the workshop as such). Separation and escape from the
 * living part rest on GA 703-2007 for 合用场所 (its clause text is not in our sources); storage and
 * open-flame rules on the Fire Protection Law: unverified. A workshop where people also sleep in the
 * production area is 三合一: the worker opens that template too.
 * @module
 */
import { EBIKE_NOTICE, FIRE_LAW, GA703, PLAN } from './docs.js';
import { item, section, template, u } from './define.js';
import { TEMPLATE_IDS } from './ids.js';

const ga = u(GA703);
const LAW = u(FIRE_LAW);
const GA_HINT: readonly [string, string] = ['依据为 GA 703（合用场所），条文未收录，待核实', 'Rests on GA 703 (mixed-use premises), not in our sources; to be confirmed'];
const LAW_HINT: readonly [string, string] = ['依据为消防法，条文未收录，待核实', 'Rests on the Fire Protection Law, not in our sources; to be confirmed'];
const RISK = u(PLAN, '二（三）1', '针对老旧小区、家庭生产加工作坊、“三合一”场所、城乡结合部等突出风险');

/** Family workshop (家庭作坊). */
export const familyWorkshop = template({
  id: TEMPLATE_IDS.familyWorkshop,
  revision: 1,
  zh: '家庭作坊消防安全检查',
  en: 'Family workshop inspection',
  appliesTo: { kinds: ['family-workshop'] },
  sections: [
    section('separation', '生产与居住', 'Work and living', [
      item('no-sleeping-at-work', {
        zh: '生产加工区域内无人员住宿', en: 'Nobody sleeps in the production area',
        hint: ['有人住宿的属“三合一”场所，同时使用“三合一”检查表', 'People sleeping there make it three-in-one: use that checklist too'],
        basis: RISK, category: 'three-in-one', photo: true,
      }),
      item('separated', {
        zh: '生产加工区域与居住部分之间采取防火分隔', en: 'A fire separation between the production area and the living part',
        hint: GA_HINT, basis: ga, category: 'three-in-one', photo: true,
      }),
      item('own-escape', {
        zh: '居住部分设有独立的疏散通道', en: 'The living part has its own escape route',
        hint: GA_HINT, basis: ga, category: 'exit-blocked', photo: true,
      }),
      item('window-bars', {
        zh: '窗户防盗网留有可从内部开启的逃生口', en: 'Window bars have an escape opening that opens from inside',
        hint: LAW_HINT, basis: LAW, category: 'exit-blocked', photo: true,
      }),
    ]),
    section('materials', '原料与成品', 'Materials and goods', [
      item('flammables-not-in-home', {
        zh: '易燃易爆原料、成品未存放在居住部分', en: 'No flammable materials or goods kept in the living part',
        hint: GA_HINT, basis: ga, category: 'flammables', photo: true,
      }),
      item('flammables-limited', {
        zh: '生产场所内易燃可燃物料不超过当班用量', en: 'No more flammable material at the workplace than one shift uses',
        hint: LAW_HINT, basis: LAW, category: 'flammables', photo: true,
      }),
      item('exits-clear', {
        zh: '疏散通道、安全出口无堆放原料、成品', en: 'No materials or goods stacked in escape routes and exits',
        hint: LAW_HINT, basis: LAW, category: 'exit-blocked', photo: true, ruleRefs: ['GB35181-2017:7.3.3'],
      }),
    ]),
    section('power', '用电用火', 'Power and fire', [
      item('no-improvised-wiring', {
        zh: '电气线路无私拉乱接', en: 'No improvised wiring',
        hint: LAW_HINT, basis: LAW, category: 'electrical', photo: true,
      }),
      item('machine-cables-protected', {
        zh: '生产设备的电源线穿管保护', en: 'The power cables of machines run in conduit',
        hint: LAW_HINT, basis: LAW, category: 'electrical', photo: true,
      }),
      item('no-open-flame', {
        zh: '生产区域内无吸烟、使用明火', en: 'No smoking or open flame in the production area',
        hint: LAW_HINT, basis: LAW, category: 'fire-gas-use', photo: true,
      }),
    ]),
    section('equipment', '消防器材', 'Equipment', [
      item('extinguisher', {
        zh: '生产区域配置灭火器', en: 'Extinguishers in the production area',
        hint: LAW_HINT, basis: LAW, category: 'extinguisher', photo: true,
      }),
      item('smoke-alarm', {
        zh: '居住部分设置独立式感烟火灾探测报警器', en: 'Stand-alone smoke alarms in the living part',
        hint: GA_HINT, basis: ga, category: 'alarm-sprinkler', photo: true,
      }),
      item('ebike-not-indoors', {
        zh: '楼道、楼梯间等公共区域无电动自行车停放、充电', en: 'No e-bikes parked or charged in corridors, stairs or other common areas',
        basis: u(EBIKE_NOTICE, undefined, '严禁在建筑内共用走道、楼梯间、安全出口等公共区域停放或充电'), category: 'ebike-indoor', photo: true,
      }),
    ]),
  ],
});
