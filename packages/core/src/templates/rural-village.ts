/**
 * 农村 / 村居 — a rural village, after the plan's rural tasks of the village itself (二（四）1, 二（四）2,
 * 二（四）4), GB 50039-2010 §6.2 on electricity (clause numbers shown, normative wording
 * unverified) and 附录A on 三合一 premises (the rural code applies here), and the village's own fire
 * pact (村规民约), whose contents vary from village to village. It never cites 令5号: villages are
 * low-rise. Tasks of the township or county government (volunteer teams, inspections of vulnerable
 * homes) are not site items.
 * @module
 */
import { GB50039, PLAN, VILLAGE_PACT } from './docs.js';
import { item, section, template, u, v } from './define.js';
import { TEMPLATE_IDS } from './ids.js';

const plan = (clause: string, quote: string) => v(PLAN, clause, quote);
const elec = (clause: string, quote: string) => u(GB50039, clause, quote);
const a = (clause: string, quote: string) => v(GB50039, clause, quote);
const pact = (quote: string) => u(VILLAGE_PACT, undefined, quote);
const WORDING: readonly [string, string] = ['强制性条文的规范原文未核实', 'The normative wording of the mandatory clause is unverified'];
const NONE: readonly [string, string] = ['村内没有“三合一”场所的选“不适用”', 'Choose “not applicable” where the village has no three-in-one premises'];
const ORG = '建立健全由村“两委”成员牵头的消防管理组织,制定村民防火公约,开展经常性防火安全巡查';

/** Rural village (农村). */
export const ruralVillage = template({
  id: TEMPLATE_IDS.ruralVillage,
  revision: 2,
  zh: '农村消防安全检查',
  en: 'Rural village inspection',
  appliesTo: { kinds: ['village'] },
  sections: [
    section('organisation', '组织与制度', 'Organisation', [
      item('fire-pact', {
        zh: '查看村民防火公约', en: 'The village has a fire-safety pact',
        basis: plan('二（四）1', ORG), category: 'records-missing',
      }),
      item('fire-organisation', {
        zh: '查看村“两委”成员牵头的消防管理组织名单', en: 'The list of the fire-safety group led by the village committees is on file',
        basis: plan('二（四）1', ORG), category: 'records-missing',
      }),
      item('regular-patrols', {
        zh: '查看村防火安全巡查记录', en: 'The village fire patrol record is kept',
        basis: plan('二（四）1', ORG), category: 'records-missing',
      }),
    ]),
    section('water-roads', '消防水源与道路', 'Water and roads', [
      item('water-source', {
        zh: '消火栓、取水设施或消防水池（水窖）可用', en: 'Hydrants, water intakes or fire-water tanks usable',
        basis: plan('二（四）2', '按标准建设消火栓、取水设施,缺水地区采取修建消防水池、水窖等方式解决消防用水'), category: 'hydrant-no-water', photo: true,
      }),
      item('roads-passable', {
        zh: '村内道路未被柴草、杂物占用，消防车可通行', en: 'Village roads not blocked by fuel stacks or goods; fire engines can pass',
        basis: plan('二（四）4', '消防车通道不畅通'), category: 'fire-lane-blocked', photo: true,
      }),
      item('turning-space', {
        zh: '尽头式消防车道设有回车场（不小于12 m×12 m）', en: 'A dead-end fire lane has a turning area of at least 12 m × 12 m',
        hint: ['没有尽头式道路的选“不适用”；条款号未核实', 'Choose “not applicable” where there is no dead-end lane; clause unverified'],
        basis: u(GB50039, undefined, '回车场 ≥12 m×12 m'), category: 'fire-lane-blocked',
      }),
    ]),
    section('electricity', '用电', 'Electricity', [
      item('conduit', {
        zh: '潮湿、高温、腐蚀场所的电线穿管保护', en: 'Cables in damp, hot or corrosive places run in conduit',
        hint: WORDING, basis: elec('6.2.1', 'conduit in damp, hot or corrosive places'), category: 'electrical', photo: true,
      }),
      item('no-lines-over-roofs', {
        zh: '架空电线不跨越可燃屋面', en: 'No overhead lines across combustible roofs',
        hint: WORDING, basis: elec('6.2.1', 'no lines over 可燃屋面'), category: 'electrical', photo: true,
      }),
      item('no-lines-at-stoves', {
        zh: '电线不在炉灶上方或沿烟囱敷设', en: 'No wiring above stoves or along chimneys',
        hint: WORDING, basis: elec('6.2.1', 'no wiring above 炉灶 or along 烟囱'), category: 'electrical', photo: true,
      }),
      item('fuses', {
        zh: '未用铜丝、铁丝代替保险丝', en: 'No copper or iron wire in place of fuses',
        hint: WORDING, basis: elec('6.2.2', '保险丝不得任意调粗，严禁用铜丝、铁丝代替'), category: 'electrical', photo: true,
      }),
      item('no-overloading', {
        zh: '不超负荷用电', en: 'No overloading',
        hint: WORDING, basis: elec('6.2.2', 'avoid overload'), category: 'electrical',
      }),
      item('heaters-attended', {
        zh: '电热设备使用时有人看管', en: 'Electric heaters attended while on',
        hint: WORDING, basis: elec('6.2.2', 'supervise 电热设备 while in use'), category: 'electrical',
      }),
      item('lamps-clear', {
        zh: '灯具与可燃物保持安全距离', en: 'Lamps kept clear of combustibles',
        basis: elec('6.2.3', 'lamps kept clear of combustibles.'), category: 'electrical', photo: true,
      }),
      item('aged-wiring', {
        zh: '无老化、敷设不规范的电气线路', en: 'No aged or badly laid wiring',
        basis: plan('二（四）2', '逐步解决农村电气线路老化、敷设不规范等问题'), category: 'electrical', photo: true,
      }),
    ]),
    section('fire-use', '用火', 'Use of fire', [
      item('fuel-stacks', {
        zh: '柴草、饲草垛与建筑分开堆放', en: 'Firewood and fodder stacked away from buildings',
        hint: ['条款号未核实', 'Clause unverified'], basis: u(GB50039, undefined, '柴草/饲草 stacks need separation'), category: 'flammables', photo: true,
      }),
      item('fuel-away-from-stoves', {
        zh: '柴草远离炉灶和电线', en: 'Fuel kept away from stoves and wires',
        basis: pact('keep 柴草 away from stoves and power lines'), category: 'fire-gas-use', photo: true,
      }),
      item('chimneys', {
        zh: '烟囱高出屋面', en: 'Chimneys rise above the roof',
        basis: pact('chimneys above roof level'), category: 'fire-gas-use', photo: true,
      }),
      item('no-burning', {
        zh: '防火期内无野外用火、烧荒、焚烧秸秆', en: 'No open fires, field burning or straw burning in the fire season',
        basis: pact('no 野外用火 or 烧荒/秸秆 in the 防火期'), category: 'fire-gas-use', photo: true,
      }),
    ]),
    section('three-in-one', '村内“三合一”场所（GB 50039-2010 附录A）', 'Three-in-one premises in the village (GB 50039-2010 Annex A)', [
      item('no-three-in-one-lodging', {
        zh: '“三合一”场所、出租屋未违规住人', en: 'Nobody sleeps illegally in three-in-one premises or rented workshops',
        basis: plan('二（四）4', '突出整治“城中村”、“出租屋”和“三合一”场所火灾隐患'), category: 'three-in-one', photo: true,
      }),
      item('tio-not-hazardous', {
        zh: '“三合一”场所未设在甲、乙类生产、储存、经营的建筑内', en: 'Three-in-one premises not in a building that produces, stores or sells class 甲/乙 goods',
        hint: NONE, basis: a('A.1.1', '甲、乙类 production, storage or business buildings;'), category: 'flammables', photo: true,
      }),
      item('tio-not-underground', {
        zh: '“三合一”场所未设在地下建筑内', en: 'Three-in-one premises not underground',
        hint: NONE, basis: a('A.1.1', '地下建筑.'), category: 'three-in-one', photo: true,
      }),
      item('tio-smoke-alarms', {
        zh: '“三合一”场所设置火灾自动报警系统或独立式感烟火灾探测报警器', en: 'Three-in-one premises have a fire alarm system or stand-alone smoke alarms',
        hint: NONE, basis: a('A.1.3', '火灾自动报警 or 独立式感烟火灾探测报警器'), category: 'alarm-sprinkler', photo: true,
      }),
      item('tio-escape-doors', {
        zh: '“三合一”场所疏散门向疏散方向开启，从内部易于开启', en: 'Escape doors of three-in-one premises open outwards and easily from inside',
        hint: NONE, basis: a('A.1.4', '疏散门 are side-hinged, open in the escape direction, and open easily from inside.'), category: 'exit-blocked', photo: true,
      }),
      item('tio-extinguishers', {
        zh: '“三合一”场所配置灭火器', en: 'Three-in-one premises have extinguishers',
        hint: NONE, basis: a('A.1.6', '灭火器 and 消防应急照明'), category: 'extinguisher', photo: true,
      }),
    ]),
  ],
});
