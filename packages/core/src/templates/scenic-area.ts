/**
 * 景区 — a tourist site: forests, old buildings, shops and a visitor centre under one operator. The
 * plan's 二（五）1 lists 旅游景区 among the sector units to be checked (quoted; it names the sector,
 * not the items, so every item is unverified). Fire bans, water and patrols rest on the Fire
 * Protection Law and the sector's rules, which our sources do not hold. A scenic area is a unit: it
 * also gets the daily patrol and periodic inspection of 61号令 art. 25–26, so this template holds
 * only what a scenic area adds.
 * @module
 */
import { FIRE_LAW, PLAN } from './docs.js';
import { item, section, template, u } from './define.js';
import { TEMPLATE_IDS } from './ids.js';

const LAW = u(FIRE_LAW);
const SECTOR: readonly [string, string] = ['方案将旅游景区列入行业排查整治；具体要求依据消防法和行业规定，待核实', 'The plan puts tourist sites in the sector clean-up; the details rest on the Fire Protection Law and sector rules, to be confirmed'];
const NA: readonly [string, string] = ['景区没有该设施或区域的选“不适用”；依据待核实', 'Choose “not applicable” where the site has none; to be confirmed'];

/** Tourist site (景区). */
export const scenicArea = template({
  id: TEMPLATE_IDS.scenicArea,
  revision: 1,
  zh: '景区消防安全检查',
  en: 'Tourist site inspection',
  appliesTo: { kinds: ['scenic-area'] },
  sections: [
    section('access', '通道与水源', 'Access and water', [
      item('fire-lane-clear', {
        zh: '景区消防车通道、游览主干道无占用', en: 'The site’s fire lanes and main paths are not occupied',
        hint: SECTOR, basis: u(PLAN, '二（五）1', '旅游景区'), category: 'fire-lane-blocked', photo: true, ruleRefs: ['GB35181-2017:7.1.1'],
      }),
      item('water-source', {
        zh: '消火栓、消防水池等消防水源可以取水', en: 'Hydrants, fire ponds and other water sources can be drawn from',
        hint: NA, basis: LAW, category: 'hydrant-no-water', photo: true,
      }),
    ]),
    section('fire-ban', '禁火区域', 'Fire-ban zones', [
      item('fire-ban-signs', {
        zh: '林区、古建筑等禁火区域设置禁火标识', en: 'Fire-ban signs at forests, old buildings and other fire-ban zones',
        hint: NA, basis: LAW, category: 'signage-lighting', photo: true,
      }),
      item('no-fire-in-ban-zone', {
        zh: '禁火区域内无吸烟、用火痕迹', en: 'No traces of smoking or fire in fire-ban zones',
        hint: NA, basis: LAW, category: 'fire-gas-use', photo: true,
      }),
      item('incense-controlled', {
        zh: '烧香、点烛限定在指定地点', en: 'Incense and candles only at the places set for them',
        hint: NA, basis: LAW, category: 'fire-gas-use', photo: true,
      }),
      item('heritage-wiring', {
        zh: '古建筑内无私拉电线', en: 'No improvised wiring in old buildings',
        hint: NA, basis: LAW, category: 'electrical', photo: true,
      }),
    ]),
    section('crowds', '游客集中场所', 'Where visitors gather', [
      item('exits-clear', {
        zh: '游客中心、演艺场所的安全出口畅通', en: 'Exits of the visitor centre and show venues are clear',
        hint: NA, basis: LAW, category: 'exit-blocked', photo: true, ruleRefs: ['GB35181-2017:7.3.3'],
      }),
      item('exit-signs', {
        zh: '游客中心、演艺场所设有疏散指示标志', en: 'Exit signs in the visitor centre and show venues',
        hint: NA, basis: LAW, category: 'signage-lighting', photo: true,
      }),
      item('shop-wiring', {
        zh: '景区商铺电气线路无私拉乱接', en: 'No improvised wiring in the site’s shops',
        hint: NA, basis: LAW, category: 'electrical', photo: true,
      }),
      item('gas-bottles', {
        zh: '餐饮点液化气瓶未超量存放', en: 'Food stalls keep no more gas bottles than allowed',
        hint: NA, basis: LAW, category: 'flammables', photo: true,
      }),
    ]),
    section('readiness', '器材与应急', 'Equipment and readiness', [
      item('extinguishers', {
        zh: '游客服务点、商铺配置灭火器', en: 'Extinguishers at visitor service points and shops',
        hint: SECTOR, basis: LAW, category: 'extinguisher', photo: true,
      }),
      item('fire-team', {
        zh: '设有微型消防站或志愿消防队', en: 'A micro fire station or volunteer fire team',
        hint: SECTOR, basis: LAW, category: 'training',
      }),
      item('patrol-records', {
        zh: '查看景区防火巡查记录', en: 'See the site’s fire patrol records',
        hint: SECTOR, basis: LAW, category: 'records-missing',
      }),
      item('drill-records', {
        zh: '查看景区灭火和应急疏散演练记录', en: 'See the site’s fire and evacuation drill records',
        hint: SECTOR, basis: LAW, category: 'training',
      }),
    ]),
  ],
});
