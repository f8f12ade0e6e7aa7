/**
 * 建设工程施工现场 — a construction site. The plan's 二（三）2 names 彩钢板房 of flammable
 * material on construction sites (verified, quoted). Hot work, temporary wiring, storage and
 * site equipment rest on GB 50720-2011 and the Fire Protection Law, whose texts our sources do not
 * hold: every such item is unverified, and names no clause, for an integrator to complete. A grid
 * worker checks what he can see; the site's own records (动火证) he asks to be shown.
 * @module
 */
import { FIRE_LAW, GB50720, PLAN } from './docs.js';
import { FIRE_LAW_HINT, item, section, template, u, v } from './define.js';
import { TEMPLATE_IDS } from './ids.js';

const PANELS = v(PLAN, '二（三）2', '施工现场违规搭建、违规采用易燃可燃材料的彩钢板房');
const CODE = u(GB50720);
const CODE_HINT: readonly [string, string] = ['依据为GB 50720，条文未收录在我们的资料中，待核实', 'Rests on GB 50720; its text is not in our sources, to be confirmed'];
const LAW_HINT = FIRE_LAW_HINT;

/** Construction site (建设工程施工现场). */
export const constructionSite = template({
  id: TEMPLATE_IDS.constructionSite,
  revision: 1,
  zh: '施工现场消防安全检查',
  en: 'Construction site inspection',
  appliesTo: { kinds: ['construction-site'] },
  sections: [
    section('temporary-buildings', '临时用房（彩钢板房）', 'Temporary buildings (steel sandwich panels)', [
      item('no-flammable-panels', {
        zh: '宿舍、办公等临时用房未采用易燃可燃材料芯材的彩钢板', en: 'Dormitories and site offices are not built of panels with a flammable core',
        basis: PANELS, category: 'sandwich-panel', photo: true,
      }),
      item('no-illegal-structures', {
        zh: '施工现场无违规搭建的临时用房', en: 'No temporary buildings put up against the rules',
        basis: PANELS, category: 'sandwich-panel', photo: true,
      }),
      item('dormitory-apart', {
        zh: '住人的临时用房与在建工程、材料堆场分开设置', en: 'Living quarters stand apart from the building under construction and material yards',
        hint: CODE_HINT, basis: CODE, category: 'other', photo: true,
      }),
      item('dormitory-no-heaters', {
        zh: '宿舍内无使用电炉、“热得快”等大功率电器', en: 'No electric stoves, immersion heaters or other high-power appliances in the dormitories',
        hint: CODE_HINT, basis: CODE, category: 'electrical', photo: true,
      }),
    ]),
    section('hot-work', '动火作业', 'Hot work', [
      item('hot-work-permit', {
        zh: '查看电焊、气割等动火作业的审批记录（动火证）', en: 'See the approval records of welding, cutting and other hot work (hot-work permits)',
        hint: CODE_HINT, basis: CODE, category: 'records-missing',
      }),
      item('welders-certified', {
        zh: '查看电焊、气焊作业人员的上岗证', en: 'See the welders’ certificates',
        hint: LAW_HINT, basis: u(FIRE_LAW), category: 'hot-work',
      }),
      item('hot-work-watcher', {
        zh: '动火作业现场有专人监护', en: 'Someone watches over hot work',
        hint: CODE_HINT, basis: CODE, category: 'hot-work', photo: true,
      }),
      item('hot-work-extinguisher', {
        zh: '动火作业点配置灭火器材', en: 'Extinguishers at the hot-work spot',
        hint: CODE_HINT, basis: CODE, category: 'extinguisher', photo: true,
      }),
      item('hot-work-clear', {
        zh: '动火点周围无未清理的易燃可燃物', en: 'No flammable material left around the hot-work spot',
        hint: CODE_HINT, basis: CODE, category: 'hot-work', photo: true,
      }),
      item('cylinders-apart', {
        zh: '氧气瓶与乙炔瓶分开放置，不在烈日下曝晒', en: 'Oxygen and acetylene cylinders are kept apart and out of the sun',
        hint: CODE_HINT, basis: CODE, category: 'flammables', photo: true,
      }),
    ]),
    section('temporary-power', '临时用电', 'Temporary power', [
      item('wiring-intact', {
        zh: '临时用电线路无破损、老化', en: 'Temporary wiring is not damaged or aged',
        hint: CODE_HINT, basis: CODE, category: 'electrical', photo: true,
      }),
      item('wiring-not-on-ground', {
        zh: '临时用电线路未沿地面随意拖拉', en: 'Temporary cables are not dragged across the ground',
        hint: CODE_HINT, basis: CODE, category: 'electrical', photo: true,
      }),
      item('rcd-fitted', {
        zh: '配电箱设置漏电保护器', en: 'Distribution boxes have residual-current protection',
        hint: CODE_HINT, basis: CODE, category: 'electrical', photo: true,
      }),
    ]),
    section('site', '消防设施与通道', 'Fire equipment and access', [
      item('site-extinguishers', {
        zh: '在建工程、临时用房和可燃材料堆场配置灭火器', en: 'Extinguishers in the building under construction, the temporary buildings and the material yards',
        hint: CODE_HINT, basis: CODE, category: 'extinguisher', photo: true,
      }),
      item('site-water', {
        zh: '在建工程设有临时消防给水', en: 'The building under construction has a temporary fire water supply',
        hint: ['规模较小、规范不要求的工程选“不适用”；依据为GB 50720，待核实', 'Choose “not applicable” for a site too small to need one; rests on GB 50720, to be confirmed'],
        basis: CODE, category: 'hydrant-no-water', photo: true,
      }),
      item('site-fire-lane', {
        zh: '施工现场临时消防车道畅通', en: 'The site’s temporary fire lane is clear',
        hint: CODE_HINT, basis: CODE, category: 'fire-lane-blocked', photo: true,
      }),
      item('flammables-stored', {
        zh: '油漆、稀料等易燃易爆物品专库存放', en: 'Paint, thinner and other flammables are kept in their own store',
        hint: CODE_HINT, basis: CODE, category: 'flammables', photo: true,
      }),
    ]),
  ],
});
