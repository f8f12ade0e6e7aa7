/**
 * 防火巡查 — the daily fire patrol of a unit, after 公安部令第61号 art. 25 (our notes hold an English
 * summary of it, quoted as such), with the 令5号 art. 26 and 34 items of a high-rise public building
 * shown only when the place is a high-rise. What a grid worker can only read in the unit's records
 * says “查看……记录”; the two-hourly and closing checks appear only at 公众聚集场所, the night patrol
 * only at hospitals, care homes, kindergartens and boarding schools.
 * @module
 */
import { HIGH_RISE_REG, MPS61 } from './docs.js';
import { HIGH_RISE, item, section, template, v } from './define.js';
import type { When } from '../schema/template.js';
import { TEMPLATE_IDS, UNIT_KINDS } from './ids.js';

const art25 = (quote: string) => v(MPS61, '第二十五条', quote);
const FIRE_ELEC = '(1) illegal fire or electricity use';
const EXITS = '(2) exits and corridors clear, signs and emergency lighting working';
const EQUIPMENT = '(3) fire equipment and signs present';
const DOORS = '(4) fire doors shut, nothing under fire shutters';
const hr34 = (n: string, quote: string) => v(HIGH_RISE_REG, `第三十四条（${n}）`, quote);

/** 公众聚集场所 among the place kinds: where 61号令 asks for two-hourly patrols while open. */
export const CROWDED_VENUE_KINDS = ['commercial-complex', 'hotel', 'market', 'entertainment', 'metro-station'] as const;
const CROWDED: When = { kind: [...CROWDED_VENUE_KINDS] };
/** Hospitals, care homes and kindergartens, and schools where pupils board: night patrols. */
export const NIGHT_PATROL: When = {
  any: [{ kind: ['hospital', 'elderly-care', 'kindergarten'] }, { all: [{ kind: ['school'] }, { fact: 'overnightStay', is: true }] }],
};
const CONTROL_ROOM: When = { all: [HIGH_RISE, { fact: 'hasControlRoom', is: true }] };

/** Daily fire patrol (防火巡查) of a unit. */
export const dailyPatrol = template({
  id: TEMPLATE_IDS.dailyPatrol,
  revision: 2,
  zh: '单位日常防火巡查',
  en: 'Daily fire patrol of a unit',
  appliesTo: { kinds: [...UNIT_KINDS] },
  sections: [
    section('fire-electricity', '用火、用电', 'Use of fire and electricity', [
      item('no-open-flame', {
        zh: '无违规使用明火、吸烟', en: 'No illegal open flames or smoking',
        basis: art25(FIRE_ELEC), category: 'fire-gas-use', photo: true,
      }),
      item('no-unapproved-hot-work', {
        zh: '无未经批准的电焊、气割等动火作业', en: 'No welding, cutting or other hot work without approval',
        basis: art25(FIRE_ELEC), category: 'hot-work', photo: true,
      }),
      item('no-improvised-wiring', {
        zh: '无私拉乱接电线', en: 'No improvised wiring',
        basis: art25(FIRE_ELEC), category: 'electrical', photo: true,
      }),
      item('no-overloading', {
        zh: '无多个大功率电器共用一个插座等超负荷用电', en: 'No overloading, such as several high-power appliances on one socket',
        basis: art25(FIRE_ELEC), category: 'electrical', photo: true,
      }),
      item('no-illegal-gas', {
        zh: '无违规用气', en: 'No illegal use of gas',
        basis: hr34('一', '(一)用火、用电、用气违章'), category: 'fire-gas-use', photo: true, when: HIGH_RISE,
      }),
    ]),
    section('evacuation', '安全疏散', 'Evacuation', [
      item('exits-no-storage', {
        zh: '安全出口、疏散通道无堆放物品', en: 'Nothing stored in exits or escape routes',
        basis: art25(EXITS), category: 'exit-blocked', photo: true, ruleRefs: ['GB35181-2017:7.3.3'],
      }),
      item('exits-unlocked', {
        zh: '安全出口未上锁', en: 'Exits not locked',
        basis: art25(EXITS), category: 'exit-blocked', photo: true, ruleRefs: ['GB35181-2017:7.3.3'],
      }),
      item('exit-signs', {
        zh: '安全疏散指示标志完好有效', en: 'Exit signs in place and working',
        basis: art25(EXITS), category: 'signage-lighting', photo: true, ruleRefs: ['GB35181-2017:7.3.6'],
      }),
      item('emergency-lighting', {
        zh: '应急照明完好有效', en: 'Emergency lighting working',
        basis: art25(EXITS), category: 'signage-lighting', photo: true, ruleRefs: ['GB35181-2017:7.3.6'],
      }),
      item('fire-lane-clear', {
        zh: '消防车通道未被占用、堵塞', en: 'Fire lane not occupied or blocked',
        basis: hr34('二', '(二)安全出口、疏散通道、消防车通道畅通'), category: 'fire-lane-blocked', photo: true,
        ruleRefs: ['GB35181-2017:7.1.1'], when: HIGH_RISE,
      }),
    ]),
    section('equipment', '消防设施、器材', 'Fire equipment', [
      item('facilities-present', {
        zh: '消火栓等消防设施在位、完整', en: 'Hydrants and other fire equipment in place and complete',
        basis: art25(EQUIPMENT), category: 'facility-broken', photo: true,
      }),
      item('extinguishers', {
        zh: '灭火器在位、压力正常', en: 'Extinguishers in place, gauge in the green',
        basis: art25(EQUIPMENT), category: 'extinguisher', photo: true,
      }),
      item('safety-signs', {
        zh: '消防安全标志在位、完整', en: 'Fire-safety signs in place and complete',
        basis: art25(EQUIPMENT), category: 'signage-lighting', photo: true,
      }),
    ]),
    section('separation', '防火门、防火卷帘', 'Fire doors and shutters', [
      item('fire-doors-closed', {
        zh: '常闭式防火门处于关闭状态', en: 'Normally-closed fire doors shut',
        basis: art25(DOORS), category: 'fire-door', photo: true, ruleRefs: ['GB35181-2017:7.2.2'],
      }),
      item('shutters-clear', {
        zh: '防火卷帘下方无堆放物品', en: 'Nothing stored under fire shutters',
        basis: art25(DOORS), category: 'fire-door', photo: true, ruleRefs: ['GB35181-2017:7.2.2'],
      }),
    ]),
    section('staff', '人员在岗', 'Staff on duty', [
      item('key-parts-staffed', {
        zh: '消防安全重点部位（配电室、锅炉房、仓库等）有人在岗', en: 'Someone on duty at the key fire-safety locations (switch room, boiler room, store…)',
        basis: art25('(5) staff on duty at key locations'), category: 'other',
      }),
      item('control-room-staffed', {
        zh: '消防控制室在岗值班人员不少于2人', en: 'At least 2 operators on duty in the fire control room',
        basis: v(HIGH_RISE_REG, '第二十六条', '24小时值班，每班不应少于2名'), category: 'control-room', when: CONTROL_ROOM,
      }),
      item('control-room-log', {
        zh: '查看消防控制室值班记录，24小时有人值班', en: 'The control-room log shows someone on duty around the clock',
        basis: v(HIGH_RISE_REG, '第二十六条', '消防控制室 24小时值班'), category: 'control-room', when: CONTROL_ROOM,
      }),
    ]),
    section('crowded', '公众聚集场所与夜间巡查', 'Crowded venues and night patrols', [
      item('two-hourly', {
        zh: '查看防火巡查记录，营业期间至少每2小时巡查一次', en: 'The patrol record shows a patrol at least every 2 hours while open',
        basis: art25('Crowded venues patrol at least every 2 h while open'), category: 'records-missing', when: CROWDED,
      }),
      item('closing-check', {
        zh: '查看防火巡查记录，营业结束时检查并消除遗留火种', en: 'The patrol record shows a check for embers at closing',
        basis: art25('check for embers at closing'), category: 'records-missing', when: CROWDED,
      }),
      item('night-patrol', {
        zh: '查看夜间防火巡查记录', en: 'The night patrol record is kept',
        basis: art25('hospitals, nursing homes, boarding schools and kindergartens add night patrols'), category: 'records-missing',
        when: NIGHT_PATROL,
      }),
    ]),
    section('record', '巡查记录', 'Patrol record', [
      item('on-the-spot', {
        zh: '查看防火巡查记录，发现的违章行为已当场纠正或已报告', en: 'The patrol record shows violations corrected on the spot or reported',
        basis: art25('Violations are corrected on the spot or reported.'), category: 'records-missing',
      }),
      item('record-signed', {
        zh: '查看防火巡查记录，巡查人员和主管人员已签名', en: 'The patrol record is signed by the patroller and the supervisor',
        basis: art25('Patroller and supervisor sign the record.'), category: 'records-missing',
      }),
    ]),
  ],
});
