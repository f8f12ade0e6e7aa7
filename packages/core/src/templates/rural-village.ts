/**
 * 农村 / 村居 — a rural village, after the plan's rural tasks (二（四）1–4), GB 50039-2010 §6.2 on
 * electricity (clause numbers shown, normative wording unverified) and its other fragments, and the
 * village's own fire pact (村规民约), whose contents vary from village to village. It never cites
 * 令5号: villages are low-rise.
 * @module
 */
import { GB50039, PLAN, VILLAGE_PACT } from './docs.js';
import { item, section, template, u, v } from './define.js';
import { TEMPLATE_IDS } from './ids.js';

const plan = (clause: string) => v(PLAN, clause);
const elec = (clause: string) => u(GB50039, clause);
const pact = u(VILLAGE_PACT);
const WORDING: readonly [string, string] = ['强制性条文的规范原文未核实', 'The normative wording of the mandatory clause is unverified'];

/** Rural village (农村). */
export const ruralVillage = template({
  id: TEMPLATE_IDS.ruralVillage,
  version: 1,
  zh: '农村消防安全检查',
  en: 'Rural village inspection',
  appliesTo: { kinds: ['village'] },
  sections: [
    section('organisation', '组织与制度', 'Organisation', [
      item('fire-pact', {
        zh: '制定村民防火公约', en: 'The village has a fire-safety pact',
        basis: plan('二（四）1'), category: 'other',
      }),
      item('fire-organisation', {
        zh: '建立由村“两委”成员牵头的消防管理组织', en: 'A fire-safety group led by members of the village committees',
        basis: plan('二（四）1'), category: 'other',
      }),
      item('regular-patrols', {
        zh: '开展经常性防火安全巡查', en: 'Regular fire-safety patrols',
        basis: plan('二（四）1'), category: 'other',
      }),
      item('volunteer-team', {
        zh: '建立志愿消防队或微型消防站，配置必要的消防器材', en: 'A volunteer fire team or micro fire station with the equipment it needs',
        basis: plan('二（四）3'), category: 'other',
      }),
    ]),
    section('water-roads', '消防水源与道路', 'Water and roads', [
      item('water-source', {
        zh: '消火栓、取水设施或消防水池（水窖）完好可用', en: 'Hydrants, water intakes or fire-water tanks usable',
        basis: plan('二（四）2'), category: 'hydrant-no-water', photo: true,
      }),
      item('roads-passable', {
        zh: '村内道路满足消防车通行，未被柴草、杂物占用', en: 'Village roads passable for fire engines, not blocked by fuel stacks or goods',
        basis: plan('二（四）2'), category: 'fire-lane-blocked', photo: true,
      }),
      item('turning-space', {
        zh: '尽头式消防车道设有回车场（不小于12 m×12 m）', en: 'A dead-end fire lane has a turning area of at least 12 m × 12 m',
        hint: ['没有尽头式道路的选“不适用”；条款号未核实', 'Choose “not applicable” where there is no dead-end lane; clause unverified'],
        basis: u(GB50039), category: 'fire-lane-blocked',
      }),
    ]),
    section('electricity', '用电', 'Electricity', [
      item('cable-type', {
        zh: '电线选型适合使用环境，潮湿、高温、腐蚀场所穿管保护', en: 'Cables suit where they run; conduit in damp, hot or corrosive places',
        hint: WORDING, basis: elec('6.2.1'), category: 'electrical', photo: true,
      }),
      item('overhead-lines', {
        zh: '架空电线不跨越可燃屋面，不在炉灶上方或沿烟囱敷设', en: 'No overhead lines across combustible roofs, above stoves or along chimneys',
        hint: WORDING, basis: elec('6.2.1'), category: 'electrical', photo: true,
      }),
      item('fuses', {
        zh: '未用铜丝、铁丝代替保险丝，不超负荷用电', en: 'No copper or iron wire in place of fuses, no overloading',
        hint: WORDING, basis: elec('6.2.2'), category: 'electrical', photo: true,
      }),
      item('heaters-attended', {
        zh: '电热设备使用时有人看管，外出时断电', en: 'Electric heaters attended while on, switched off when people go out',
        hint: WORDING, basis: elec('6.2.2'), category: 'electrical',
      }),
      item('lamps-clear', {
        zh: '灯具与可燃物保持安全距离', en: 'Lamps kept clear of combustibles',
        basis: elec('6.2.3'), category: 'electrical', photo: true,
      }),
      item('aged-wiring', {
        zh: '无老化、敷设不规范的电气线路', en: 'No aged or badly laid wiring',
        basis: plan('二（四）2'), category: 'electrical', photo: true,
      }),
    ]),
    section('fire-use', '用火', 'Use of fire', [
      item('fuel-stacks', {
        zh: '柴草、饲草垛与建筑分开堆放', en: 'Firewood and fodder stacked away from buildings',
        hint: ['条款号未核实', 'Clause unverified'], basis: u(GB50039), category: 'flammables', photo: true,
      }),
      item('stoves-chimneys', {
        zh: '柴草远离炉灶和电线，烟囱高出屋面', en: 'Fuel kept away from stoves and wires; chimneys rise above the roof',
        basis: pact, category: 'fire-gas-use', photo: true,
      }),
      item('ashes', {
        zh: '炉灰熄灭后再倾倒', en: 'Ashes put out before they are dumped',
        basis: pact, category: 'fire-gas-use',
      }),
      item('no-burning', {
        zh: '防火期内无野外用火、烧荒、焚烧秸秆', en: 'No open fires, field burning or straw burning in the fire season',
        basis: pact, category: 'fire-gas-use', photo: true,
      }),
      item('children-elders', {
        zh: '未成年人、失智老人有人看护，无儿童玩火', en: 'Children and people with dementia are looked after; no children playing with fire',
        basis: pact, category: 'other',
      }),
    ]),
    section('premises', '重点场所与人群', 'Key premises and people', [
      item('no-three-in-one', {
        zh: '无“三合一”场所违规住人；出租屋、农家乐、民宿落实消防安全管理', en: 'Nobody sleeps in three-in-one premises; rented rooms, farm stays and guesthouses manage fire safety',
        basis: plan('二（四）4'), category: 'three-in-one', photo: true,
      }),
      item('vulnerable-homes', {
        zh: '老幼病残等特殊人群居住场所已开展消防安全检查', en: 'Homes of the elderly, children, the sick and the disabled have been checked',
        basis: plan('二（四）4'), category: 'other',
      }),
    ]),
  ],
});
