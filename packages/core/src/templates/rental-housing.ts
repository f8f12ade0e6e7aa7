/**
 * 出租屋 — rented rooms in a residential building, a 城中村 house or a converted flat, often let
 * room by room (群租). The plan's 二（四）4 names 出租屋 among the premises to clean up (verified,
 * quoted). What a rented room must have rests on the Fire Protection Law and on local rules for
 * rented housing (escape openings in window bars, smoke alarms, extinguishers per floor), which our
 * sources do not hold: those items are unverified, for an integrator to complete with his city's
 * rules. E-bikes after the 2017 notice (no item numbers in our sources).
 * @module
 */
import { FIRE_LAW, GA703, PLAN } from './docs.js';
import { ebikeCommonAreaItems, item, section, template, u, v } from './define.js';
import { TEMPLATE_IDS } from './ids.js';

const LAW = u(FIRE_LAW);
const LOCAL: readonly [string, string] = ['依据为消防法及各地出租房屋管理规定，条文未收录，待核实', 'Rests on the Fire Protection Law and local rules for rented housing, not in our sources; to be confirmed'];
const PLAN_RENTAL = v(PLAN, '二（四）4', '突出整治“城中村”、“出租屋”和“三合一”场所火灾隐患');

/** Rented housing (出租屋). */
export const rentalHousing = template({
  id: TEMPLATE_IDS.rentalHousing,
  revision: 1,
  zh: '出租屋消防安全检查',
  en: 'Rented housing inspection',
  appliesTo: { kinds: ['rental-housing'] },
  sections: [
    section('use', '使用性质', 'Use', [
      item('no-production', {
        zh: '出租房屋内未同时从事生产、储存、经营（不构成“三合一”）', en: 'No production, storage or trade in the rented rooms (not three-in-one)',
        basis: PLAN_RENTAL, category: 'three-in-one', photo: true,
      }),
      item('no-flammable-partitions', {
        zh: '未使用泡沫夹芯板等易燃可燃材料分隔出租', en: 'Rooms are not divided with foam sandwich panels or other flammable material',
        hint: LOCAL, basis: LAW, category: 'sandwich-panel', photo: true,
      }),
    ]),
    section('escape', '疏散与逃生', 'Escape', [
      item('stairs-clear', {
        zh: '疏散楼梯、走道无堆放杂物', en: 'No clutter in stairs and corridors',
        hint: LOCAL, basis: LAW, category: 'exit-blocked', photo: true, ruleRefs: ['GB35181-2017:7.3.3'],
      }),
      item('exit-unlocked', {
        zh: '通向室外或屋面的安全出口未锁闭', en: 'Exits to the outside or the roof are not locked',
        hint: LOCAL, basis: LAW, category: 'exit-blocked', photo: true, ruleRefs: ['GB35181-2017:7.3.3'],
      }),
      item('window-bars-openable', {
        zh: '外窗防盗网留有可从内部开启的逃生口', en: 'Window bars have an escape opening that opens from inside',
        hint: LOCAL, basis: LAW, category: 'exit-blocked', photo: true,
      }),
    ]),
    section('power', '用电用气', 'Power and gas', [
      item('no-improvised-wiring', {
        zh: '电气线路无私拉乱接', en: 'No improvised wiring',
        hint: LOCAL, basis: LAW, category: 'electrical', photo: true,
      }),
      item('no-overload', {
        zh: '插座未串接多个大功率电器', en: 'No chain of high-power appliances on one socket',
        hint: LOCAL, basis: LAW, category: 'electrical', photo: true,
      }),
      item('gas-hose', {
        zh: '液化气瓶与灶具之间的软管无老化、破损', en: 'The hose between the gas bottle and the stove is not aged or damaged',
        hint: ['不使用瓶装液化气的选“不适用”；依据待核实', 'Choose “not applicable” where no bottled gas is used; to be confirmed'],
        basis: LAW, category: 'fire-gas-use', photo: true,
      }),
    ]),
    section('ebike', '电动自行车', 'E-bikes', [
      ...ebikeCommonAreaItems(),
      item('no-battery-in-rooms', {
        zh: '房间内无电动自行车电池充电', en: 'No e-bike batteries charged in the rooms',
        hint: LOCAL, basis: LAW, category: 'ebike-indoor', photo: true,
      }),
    ]),
    section('equipment', '消防器材与责任', 'Equipment and responsibility', [
      item('extinguisher', {
        zh: '每层或每户配置灭火器', en: 'An extinguisher on every floor or in every flat',
        hint: LOCAL, basis: LAW, category: 'extinguisher', photo: true,
      }),
      item('smoke-alarm', {
        zh: '出租房间设置独立式感烟火灾探测报警器', en: 'Stand-alone smoke alarms in the rented rooms',
        hint: LOCAL, basis: LAW, category: 'alarm-sprinkler', photo: true,
      }),
      item('responsibility-agreed', {
        zh: '查看出租人与承租人约定消防安全责任的记录', en: 'See the record of the fire-safety duties agreed between landlord and tenants',
        hint: ['各地出租房屋管理规定一般要求在租赁合同中约定；GA 703 适用于合用场所', 'Local rules usually ask for it in the lease; GA 703 covers mixed-use premises'],
        basis: u(GA703), category: 'records-missing',
      }),
    ]),
  ],
});
