/**
 * 防火检查 — the periodic fire inspection of a unit (monthly; quarterly for 机关、团体、事业单位),
 * after 公安部令第61号 art. 26, with the 令5号 art. 35–36 items of a high-rise public building
 * shown only when the place is a high-rise, and the plan's 三自主两公开一承诺.
 * @module
 */
import { HIGH_RISE_REG, MPS61, PLAN } from './docs.js';
import { HIGH_RISE, item, section, template, v } from './define.js';
import { TEMPLATE_IDS, UNIT_KINDS } from './ids.js';

const art26 = v(MPS61, '第二十六条');
const hr = (art: string) => v(HIGH_RISE_REG, art);
const threeSelf = v(PLAN, '二（五）2');

/** Periodic fire inspection (防火检查) of a unit. */
export const periodicInspection = template({
  id: TEMPLATE_IDS.periodicInspection,
  version: 1,
  zh: '单位定期防火检查',
  en: 'Periodic fire inspection of a unit',
  appliesTo: { kinds: [...UNIT_KINDS] },
  sections: [
    section('rectification', '隐患整改', 'Rectification', [
      item('earlier-fixed', {
        zh: '上次检查发现的火灾隐患已整改', en: 'Hazards found at the last inspection have been fixed',
        basis: art26, category: 'other',
      }),
      item('interim-measures', {
        zh: '不能当场改正的隐患已明确整改责任、期限，整改期间采取临时防范措施', en: 'Hazards not fixed on the spot have a responsible person, a deadline and interim safeguards',
        basis: hr('第三十六条'), category: 'other', when: HIGH_RISE,
      }),
    ]),
    section('evacuation', '安全疏散', 'Evacuation', [
      item('exits-clear', {
        zh: '安全出口、疏散通道畅通', en: 'Exits and escape routes clear',
        basis: art26, category: 'exit-blocked', photo: true, ruleRefs: ['GB35181-2017:7.3.3'],
      }),
      item('exit-signs', {
        zh: '安全疏散指示标志完好', en: 'Exit signs in working order',
        basis: art26, category: 'signage-lighting', photo: true, ruleRefs: ['GB35181-2017:7.3.6'],
      }),
      item('emergency-lighting', {
        zh: '应急照明完好', en: 'Emergency lighting in working order',
        basis: art26, category: 'signage-lighting', photo: true, ruleRefs: ['GB35181-2017:7.3.6'],
      }),
    ]),
    section('lane-water', '消防车通道与消防水源', 'Fire lane and water supply', [
      item('fire-lane-clear', {
        zh: '消防车通道畅通', en: 'Fire lane clear',
        basis: art26, category: 'fire-lane-blocked', photo: true, ruleRefs: ['GB35181-2017:7.1.1'],
      }),
      item('fire-lane-marked', {
        zh: '消防车通道按标准划线、标名、立牌', en: 'Fire lane marked, named and signposted to the standard',
        basis: v(PLAN, '二（一）1'), category: 'other', photo: true,
      }),
      item('water-supply', {
        zh: '消防水源（室内外消火栓、消防水池）完好可用', en: 'Water supply (indoor and outdoor hydrants, tanks) usable',
        basis: art26, category: 'hydrant-no-water', photo: true,
      }),
    ]),
    section('equipment', '灭火器材', 'Fire-fighting equipment', [
      item('extinguishers', {
        zh: '灭火器材配置齐全、有效', en: 'Extinguishers provided as required and in date',
        basis: art26, category: 'extinguisher', photo: true,
      }),
      item('systems-running', {
        zh: '消防控制室值班落实，消防设施运行正常', en: 'The fire control room is staffed and the fire systems run normally',
        basis: hr('第三十五条（五）'), category: 'alarm-sprinkler', when: HIGH_RISE,
      }),
    ]),
    section('use', '用火用电与易燃易爆', 'Fire, electricity and flammables', [
      item('fire-use', {
        zh: '用火管理落实，无违章用火', en: 'Use of fire managed, no illegal use of fire',
        basis: art26, category: 'fire-gas-use', photo: true,
      }),
      item('electricity-use', {
        zh: '用电管理落实，无违章用电', en: 'Use of electricity managed, no illegal wiring or overloading',
        basis: art26, category: 'electrical', photo: true,
      }),
      item('flammables', {
        zh: '易燃易爆危险物品和场所的防火、防爆措施落实', en: 'Fire and explosion precautions for flammable goods and places are in force',
        basis: art26, category: 'flammables', photo: true,
      }),
    ]),
    section('people', '人员与重点部位', 'People and key locations', [
      item('staff-knowledge', {
        zh: '员工掌握消防安全知识和技能', en: 'Staff know fire safety and how to act',
        basis: art26, category: 'other',
      }),
      item('staff-training', {
        zh: '公共建筑员工每半年至少接受一次消防培训', en: 'Staff of a public building trained at least every six months',
        basis: hr('第四十一条'), category: 'other', when: HIGH_RISE,
      }),
      item('key-parts', {
        zh: '消防安全重点部位管理落实', en: 'Key fire-safety locations managed',
        basis: art26, category: 'other',
      }),
      item('micro-station', {
        zh: '建立微型消防站，配备必要人员、器材并定期演练', en: 'A micro fire station with the staff and equipment it needs, drilled regularly',
        basis: hr('第二十七条'), category: 'other', when: HIGH_RISE,
      }),
    ]),
    section('three-self', '三自主两公开一承诺', 'Self-management, publicity and commitment', [
      item('self-manage', {
        zh: '单位自主评估风险、自主检查安全、自主整改隐患', en: 'The unit assesses its own risks, inspects itself and fixes its own hazards',
        basis: threeSelf, category: 'other',
      }),
      item('publicised', {
        zh: '消防安全责任人、管理人已公开公示', en: 'The fire-safety responsible person and manager are posted publicly',
        basis: threeSelf, category: 'other', photo: true,
      }),
      item('commitment', {
        zh: '单位已作出消防安全承诺', en: 'The unit has signed its fire-safety commitment',
        basis: threeSelf, category: 'other',
      }),
    ]),
    section('record', '检查记录', 'Inspection record', [
      item('record-signed', {
        zh: '防火检查记录由检查人员和被检查部门负责人签名', en: 'The inspection record is signed by the inspector and the head of the inspected department',
        basis: art26, category: 'other',
      }),
    ]),
  ],
});
