/**
 * 电动自行车集中停放充电场所 — a central e-bike parking and charging place. Most items follow the
 * draft standard 《电动自行车充电及停放场所消防安全管理》 (报批稿, 2025-01), which is not in force:
 * every item citing it is unverified until the final text is checked. Also the 2017 e-bike notice
 * and the GB 35181-2025 element on 架空层 charging. GB 17761-2024 binds manufacturers, not the
 * people who park, so it is no item's basis.
 * @module
 */
import { EBIKE_DRAFT, EBIKE_NOTICE, GB35181_2025 } from './docs.js';
import { DRAFT_HINT, item, section, template, u } from './define.js';
import { TEMPLATE_IDS } from './ids.js';

const draft = (clause: string, quote: string) => u(EBIKE_DRAFT, clause, quote);
const PODIUM = '设置在住宅建筑架空层的电动自行车集中停放或充电场所与建筑的采光通风井、公共门厅、疏散走道、楼梯间、安全出口未采取防火分隔措施';

/** Central e-bike parking and charging (电动自行车集中停放充电场所). */
export const ebikeShed = template({
  id: TEMPLATE_IDS.ebikeShed,
  revision: 2,
  zh: '电动自行车集中停放充电场所检查',
  en: 'E-bike parking and charging place inspection',
  appliesTo: { kinds: ['ebike-shed'] },
  sections: [
    section('siting', '选址与布局', 'Siting and layout', [
      item('in-podium', {
        zh: '设在住宅架空层的，与采光通风井、公共门厅、疏散走道、楼梯间、安全出口之间采取防火分隔', en: 'In a residential open ground floor, fire-separated from light wells, lobbies, escape corridors, stairs and exits',
        hint: ['不在架空层的选“不适用”。GB 35181-2025 的判定要素之一（据国家消防救援局发布会），条款号未核实', 'Choose “not applicable” if not in an open ground floor. An element of GB 35181-2025 (per the National Fire and Rescue Administration briefing); clause unverified'],
        basis: u(GB35181_2025, undefined, PODIUM), category: 'ebike-indoor', photo: true, ruleRefs: ['GB35181-2025:ebike-podium-separation'],
      }),
      item('podium-doors', {
        zh: '架空层场所与建筑其他部分之间的门为甲级防火门', en: 'Doors between the open-ground-floor area and the building are class A fire doors',
        hint: DRAFT_HINT, basis: draft('5.1.5', '架空层 use: 防火墙 + ≥1.00 h 楼板 + 甲级防火门.'), category: 'fire-door', photo: true,
        when: { not: { answer: 'in-podium', is: 'na' } },
      }),
      item('distance-buildings', {
        zh: '露天停放场所距建筑不小于3 m', en: 'Open parking at least 3 m from buildings',
        hint: DRAFT_HINT, basis: draft('5.1.2', 'open parking ≥3 m from buildings'), category: 'ebike-indoor', photo: true,
        when: { answer: 'in-podium', is: 'na' },
      }),
      item('distance-exits', {
        zh: '露天停放场所距安全出口不小于6 m', en: 'Open parking at least 6 m from exits',
        hint: DRAFT_HINT, basis: draft('5.1.2', '≥6 m from exits'), category: 'exit-blocked', photo: true,
        when: { answer: 'in-podium', is: 'na' },
      }),
      item('distance-hazards', {
        zh: '与甲、乙类场所和加油站的间距不小于30 m', en: 'At least 30 m from class 甲/乙 sites and petrol stations',
        hint: DRAFT_HINT, basis: draft('5.1.2', '≥30 m from 甲乙类 sites or petrol stations'), category: 'flammables',
      }),
      item('not-by-crowds', {
        zh: '未与人员密集场所相邻', en: 'Not next to a crowded venue',
        hint: DRAFT_HINT, basis: draft('5.1.3', 'Not adjacent to 人员密集场所.'), category: 'ebike-indoor',
      }),
      item('groups', {
        zh: '每组不超过30辆（地下或架空层不超过20辆）', en: 'Groups of at most 30 bikes (20 underground or in an open ground floor)',
        hint: DRAFT_HINT, basis: draft('5.1.6', 'Groups of ≤30 vehicles (≤20 underground or in 架空层)'), category: 'ebike-indoor', photo: true,
      }),
    ]),
    section('charging', '充电设施', 'Charging', [
      item('charger-cutoff', {
        zh: '充电设施具备充满自动断电功能', en: 'Chargers cut off when full',
        hint: DRAFT_HINT, basis: draft('6.2', 'full-charge cut-off'), category: 'electrical',
      }),
      item('emergency-cutoff', {
        zh: '设置紧急断电装置', en: 'An emergency power cut-off is fitted',
        hint: DRAFT_HINT, basis: draft('6.5', 'Emergency power cut-off, local and remote.'), category: 'electrical', photo: true,
      }),
      item('sockets', {
        zh: '充电插座带保护门', en: 'Charging sockets have shutters',
        hint: DRAFT_HINT, basis: draft('6.6', '≥10 A sockets with shutters'), category: 'electrical', photo: true,
      }),
      item('no-improvised-charging', {
        zh: '无私拉电线、“飞线”充电', en: 'No improvised leads or “flying leads” for charging',
        hint: DRAFT_HINT, basis: draft('7.10', 'no 飞线'), category: 'electrical', photo: true,
      }),
    ]),
    section('protection', '消防设施与监控', 'Fire equipment and monitoring', [
      item('extinguishers', {
        zh: '按严重危险级配置灭火器', en: 'Extinguishers provided for a high fire-hazard area',
        hint: DRAFT_HINT, basis: draft('5.3.5', '灭火器: charging area graded 严重危险级.'), category: 'extinguisher', photo: true,
      }),
      item('cctv', {
        zh: '视频监控覆盖停放、充电区域并正常工作', en: 'CCTV covers the parking and charging area and works',
        hint: DRAFT_HINT, basis: draft('7.7', '24h CCTV'), category: 'facility-broken',
      }),
      item('cctv-kept', {
        zh: '查看监控录像，保存不少于30天', en: 'CCTV recordings are kept at least 30 days',
        hint: DRAFT_HINT, basis: draft('7.7', 'recordings kept ≥30 days'), category: 'records-missing',
      }),
    ]),
    section('management', '管理', 'Management', [
      item('manager-named', {
        zh: '明确管理单位或管理人员', en: 'A managing unit or manager is named',
        hint: ['无物业或主管单位的，由乡镇、街道指导村（居）委会明确', 'Where there is no property manager, the township or street office has the village or residents’ committee name one'],
        basis: u(EBIKE_NOTICE, undefined, '物业/主管单位 manage parking and charging'), category: 'records-missing',
      }),
      item('patrols', {
        zh: '查看巡查记录，每日白天、夜间均有巡查', en: 'The patrol record shows day and night patrols every day',
        hint: DRAFT_HINT, basis: draft('7.4 c)', '每日 day and night patrols.'), category: 'records-missing',
      }),
      item('not-in-buildings', {
        zh: '周边住宅、公共建筑的公共区域无电动自行车停放、充电', en: 'No e-bikes parked or charged in the common areas of the nearby homes and public buildings',
        basis: u(EBIKE_NOTICE, undefined, '严禁在建筑内共用走道、楼梯间、安全出口等公共区域停放或充电'), category: 'ebike-indoor', photo: true,
      }),
    ]),
  ],
});
