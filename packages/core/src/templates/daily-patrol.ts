/**
 * 防火巡查 — the daily fire patrol of a unit, after 公安部令第61号 art. 25, with the 令5号 art. 34
 * items of a high-rise public building shown only when the place is a high-rise.
 * @module
 */
import { HIGH_RISE_REG, MPS61 } from './docs.js';
import { HIGH_RISE, item, section, template, v } from './define.js';
import { TEMPLATE_IDS, UNIT_KINDS } from './ids.js';

const art25 = v(MPS61, '第二十五条');
const hr34 = (n: string) => v(HIGH_RISE_REG, `第三十四条（${n}）`);

/** Daily fire patrol (防火巡查) of a unit. */
export const dailyPatrol = template({
  id: TEMPLATE_IDS.dailyPatrol,
  version: 1,
  zh: '单位日常防火巡查',
  en: 'Daily fire patrol of a unit',
  appliesTo: { kinds: [...UNIT_KINDS] },
  sections: [
    section('fire-electricity', '用火、用电', 'Use of fire and electricity', [
      item('no-illegal-fire', {
        zh: '无违章动火、吸烟等违规用火行为', en: 'No unauthorised hot work, smoking or other illegal use of fire',
        basis: art25, category: 'fire-gas-use', photo: true,
      }),
      item('no-illegal-electricity', {
        zh: '无私拉乱接电线、超负荷用电等违规用电行为', en: 'No improvised wiring, overloading or other illegal use of electricity',
        basis: art25, category: 'electrical', photo: true,
      }),
      item('no-illegal-gas', {
        zh: '无违规用气行为', en: 'No illegal use of gas',
        basis: hr34('一'), category: 'fire-gas-use', photo: true, when: HIGH_RISE,
      }),
    ]),
    section('evacuation', '安全疏散', 'Evacuation', [
      item('exits-clear', {
        zh: '安全出口、疏散通道畅通，无堆放物品、锁闭', en: 'Exits and escape routes clear, not obstructed or locked',
        basis: art25, category: 'exit-blocked', photo: true, ruleRefs: ['GB35181-2017:7.3.3'],
      }),
      item('exit-signs', {
        zh: '安全疏散指示标志完好有效', en: 'Exit signs in place and working',
        basis: art25, category: 'signage-lighting', photo: true, ruleRefs: ['GB35181-2017:7.3.6'],
      }),
      item('emergency-lighting', {
        zh: '应急照明完好有效', en: 'Emergency lighting working',
        basis: art25, category: 'signage-lighting', photo: true, ruleRefs: ['GB35181-2017:7.3.6'],
      }),
      item('fire-lane-clear', {
        zh: '消防车通道畅通，未被占用、堵塞', en: 'Fire lane clear, not occupied or blocked',
        basis: hr34('二'), category: 'fire-lane-blocked', photo: true, ruleRefs: ['GB35181-2017:7.1.1'], when: HIGH_RISE,
      }),
    ]),
    section('equipment', '消防设施、器材', 'Fire equipment', [
      item('facilities-present', {
        zh: '消火栓等消防设施在位、完整', en: 'Hydrants and other fire equipment in place and complete',
        basis: art25, category: 'facility-broken', photo: true,
      }),
      item('extinguishers', {
        zh: '灭火器在位、完好、在有效期内', en: 'Extinguishers in place, intact and within their service date',
        basis: art25, category: 'extinguisher', photo: true,
      }),
      item('safety-signs', {
        zh: '消防安全标志在位、完整', en: 'Fire-safety signs in place and complete',
        basis: art25, category: 'signage-lighting', photo: true,
      }),
    ]),
    section('separation', '防火门、防火卷帘', 'Fire doors and shutters', [
      item('fire-doors-closed', {
        zh: '常闭式防火门处于关闭状态，闭门器完好', en: 'Normally-closed fire doors shut, door closers working',
        basis: art25, category: 'fire-door', photo: true, ruleRefs: ['GB35181-2017:7.2.2'],
      }),
      item('shutters-clear', {
        zh: '防火卷帘下方无堆放物品', en: 'Nothing stored under fire shutters',
        basis: art25, category: 'fire-door', photo: true, ruleRefs: ['GB35181-2017:7.2.2'],
      }),
    ]),
    section('staff', '人员在岗', 'Staff on duty', [
      item('key-parts-staffed', {
        zh: '消防安全重点部位人员在岗', en: 'Staff on duty at the key fire-safety locations',
        basis: art25, category: 'other',
      }),
      item('control-room-staffed', {
        zh: '消防控制室24小时值班，每班不少于2人', en: 'Fire control room staffed around the clock, at least 2 per shift',
        basis: v(HIGH_RISE_REG, '第二十六条'), category: 'other', when: HIGH_RISE,
      }),
    ]),
    section('crowded', '公众聚集场所', 'Crowded venues', [
      item('two-hourly', {
        zh: '营业期间至少每2小时巡查一次', en: 'Patrolled at least every 2 hours while open',
        hint: ['不是公众聚集场所的，选“不适用”', 'Choose “not applicable” for a place that is not a crowded venue'],
        basis: art25, category: 'other',
      }),
      item('closing-check', {
        zh: '营业结束时检查并消除遗留火种', en: 'Checked for embers at closing',
        hint: ['不是公众聚集场所的，选“不适用”', 'Choose “not applicable” for a place that is not a crowded venue'],
        basis: art25, category: 'other',
      }),
      item('night-patrol', {
        zh: '医院、养老院、寄宿制学校、幼儿园开展夜间防火巡查', en: 'Night patrols in hospitals, nursing homes, boarding schools and kindergartens',
        hint: ['其他单位选“不适用”', 'Choose “not applicable” for other units'],
        basis: art25, category: 'other',
      }),
    ]),
    section('record', '巡查记录', 'Patrol record', [
      item('on-the-spot', {
        zh: '发现的违章行为已当场纠正，不能纠正的已报告', en: 'Violations found were corrected on the spot, or reported',
        basis: art25, category: 'other',
      }),
      item('record-signed', {
        zh: '防火巡查记录由巡查人员和主管人员签名', en: 'The patrol record is signed by the patroller and the supervisor',
        basis: art25, category: 'other',
      }),
    ]),
  ],
});
