/**
 * 电动自行车集中停放充电场所 — a central e-bike parking and charging place. Most items follow the
 * draft standard 《电动自行车充电及停放场所消防安全管理》 (报批稿, 2025-01), which is not in force:
 * every item citing it is unverified until the final text is checked. Also the 2017 e-bike notice,
 * GB 17761-2024, the plan's 二（三）2 and the GB 35181-2025 element on 架空层 charging.
 * @module
 */
import { EBIKE_DRAFT, EBIKE_NOTICE, GB17761, GB35181_2025, PLAN } from './docs.js';
import { item, section, template, u, v } from './define.js';
import { TEMPLATE_IDS } from './ids.js';

const draft = (clause: string) => u(EBIKE_DRAFT, clause);
const DRAFT_HINT: readonly [string, string] = ['依据为报批稿，尚未施行', 'The basis is a draft not yet in force'];

/** Central e-bike parking and charging (电动自行车集中停放充电场所). */
export const ebikeShed = template({
  id: TEMPLATE_IDS.ebikeShed,
  version: 1,
  zh: '电动自行车集中停放充电场所检查',
  en: 'E-bike parking and charging place inspection',
  appliesTo: { kinds: ['ebike-shed'] },
  sections: [
    section('siting', '选址与布局', 'Siting and layout', [
      item('in-podium', {
        zh: '设在住宅架空层的，与采光通风井、公共门厅、疏散走道、楼梯间、安全出口之间采取防火分隔', en: 'In a residential open ground floor, fire-separated from light wells, lobbies, escape corridors, stairs and exits',
        hint: ['不在架空层的选“不适用”。GB 35181-2025 的判定要素之一，条款号未核实', 'Choose “not applicable” if not in an open ground floor. An element of GB 35181-2025; clause unverified'],
        basis: u(GB35181_2025), category: 'ebike-indoor', photo: true, ruleRefs: ['GB35181-2025:ebike-podium-separation'],
      }),
      item('podium-construction', {
        zh: '架空层场所以防火墙、耐火极限不低于1.00 h的楼板和甲级防火门分隔', en: 'The open-ground-floor area is enclosed by fire walls, a floor of at least 1.00 h and class A fire doors',
        hint: DRAFT_HINT, basis: draft('5.1.5'), category: 'ebike-indoor', photo: true,
        when: { not: { answer: 'in-podium', is: 'na' } },
      }),
      item('distance-buildings', {
        zh: '露天停放场所距建筑不小于3 m，距安全出口不小于6 m', en: 'Open parking at least 3 m from buildings and 6 m from exits',
        hint: DRAFT_HINT, basis: draft('5.1.2'), category: 'ebike-indoor', photo: true,
        when: { answer: 'in-podium', is: 'na' },
      }),
      item('distance-hazards', {
        zh: '与甲、乙类场所和加油站的间距不小于30 m', en: 'At least 30 m from class 甲/乙 sites and petrol stations',
        hint: DRAFT_HINT, basis: draft('5.1.2'), category: 'flammables',
      }),
      item('not-by-crowds', {
        zh: '未与人员密集场所相邻', en: 'Not next to a crowded venue',
        hint: DRAFT_HINT, basis: draft('5.1.3'), category: 'ebike-indoor',
      }),
      item('groups', {
        zh: '每组不超过30辆（地下或架空层不超过20辆），组间设不燃隔墙或保持2 m以上间距', en: 'Groups of at most 30 bikes (20 underground or in an open ground floor), split by non-combustible walls or 2 m gaps',
        hint: DRAFT_HINT, basis: draft('5.1.6'), category: 'ebike-indoor', photo: true,
      }),
    ]),
    section('charging', '充电设施', 'Charging', [
      item('charger-protection', {
        zh: '充电设施具备充满自动断电、过载和短路保护、高温报警等功能', en: 'Chargers cut off when full, protect against overload and short circuit, and alarm on overheating',
        hint: DRAFT_HINT, basis: draft('6.2'), category: 'electrical',
      }),
      item('emergency-cutoff', {
        zh: '设置就地和远程紧急断电装置', en: 'Local and remote emergency power cut-off',
        hint: DRAFT_HINT, basis: draft('6.5'), category: 'electrical', photo: true,
      }),
      item('sockets', {
        zh: '插座额定电流不小于10 A并带保护门，每回路不超过10个，间距不小于600 mm', en: 'Shuttered sockets of at least 10 A, at most 10 per circuit, at least 600 mm apart',
        hint: DRAFT_HINT, basis: draft('6.6'), category: 'electrical', photo: true,
      }),
      item('no-improvised-charging', {
        zh: '无私拉电线、“飞线”充电', en: 'No improvised leads or “flying leads” for charging',
        hint: DRAFT_HINT, basis: draft('7.10'), category: 'electrical', photo: true,
      }),
    ]),
    section('protection', '消防设施与监控', 'Fire equipment and monitoring', [
      item('extinguishers', {
        zh: '按严重危险级配置灭火器', en: 'Extinguishers provided for a high fire-hazard area',
        hint: DRAFT_HINT, basis: draft('5.3.5'), category: 'extinguisher', photo: true,
      }),
      item('cctv', {
        zh: '24小时视频监控，录像保存不少于30天', en: 'CCTV around the clock, recordings kept at least 30 days',
        hint: DRAFT_HINT, basis: draft('7.7'), category: 'other',
      }),
    ]),
    section('management', '管理', 'Management', [
      item('manager-named', {
        zh: '明确管理单位或管理人员', en: 'A managing unit or manager is named',
        hint: ['无物业或主管单位的，由乡镇、街道指导村（居）委会明确', 'Where there is no property manager, the township or street office has the village or residents’ committee name one'],
        basis: u(EBIKE_NOTICE), category: 'other',
      }),
      item('patrols', {
        zh: '每日白天、夜间开展防火巡查', en: 'Fire patrols every day and every night',
        hint: DRAFT_HINT, basis: draft('7.4 c)'), category: 'other',
      }),
      item('not-in-buildings', {
        zh: '周边住宅、公共建筑内无电动自行车或电池停放、充电', en: 'No e-bikes or batteries parked or charged inside the nearby homes and public buildings',
        basis: u(EBIKE_NOTICE), category: 'ebike-indoor', photo: true,
      }),
      item('compliant-bikes', {
        zh: '停放车辆无私自改装（如更换大容量电池、解除限速）', en: 'No tampered bikes (bigger batteries fitted, speed limiter removed)',
        hint: ['GB 17761-2024 于2025年9月1日施行，条款号未核实', 'GB 17761-2024 is in force from 1 September 2025; clause unverified'],
        basis: u(GB17761), category: 'ebike-indoor', photo: true,
      }),
      item('central-management', {
        zh: '所服务的居民住宅区已落实电动自行车集中停放、充电管理措施', en: 'The residential areas it serves have put central e-bike parking and charging in place',
        basis: v(PLAN, '二（三）2'), category: 'other',
      }),
    ]),
  ],
});
