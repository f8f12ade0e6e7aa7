/**
 * The demo data set of tenant `demo`: one street (坞城街道, 太原市小店区) with three communities and
 * seven grids, high-rise and old residential buildings (three of the four high-rises with a floor
 * captain), nine submitted inspections, small venues, a three-in-one shop, e-bike sheds, six grid workers and their supervisor, a resident's confidential tip-off in every grid, and hazards in every status with the history,
 * photos and activities the real workflow gives them. Everything goes through {@link Service}
 * with the actor who would have done it, at the time it would have happened, so the demo obeys
 * the same rules as real data. Ids are fixed: seeding twice adds nothing the second time.
 * @module
 */
import { mkdirSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { FiregridError, createLifecycle, dutyTexts, sha256HexSync } from '@firegrid/core';
import type { HazardCategory, OrgUnit, PlaceKind, ResourceKind, Role, TransitionInput } from '@firegrid/core';
import { applicableTemplates, visibleItems } from '@firegrid/core/checklist';
import { templates } from '@firegrid/core/templates';
import { syncTemplates } from './templates.js';
import type { Principal } from './auth.js';
import { openDatabase } from './db.js';
import type { Db } from './db.js';
import { placeholderPng } from './png.js';
import { Service } from './service.js';
import type { Call } from './service.js';
import { Store } from './store.js';

/** The tenant the demo lives in. */
export const DEMO_TENANT = 'demo';

const DAY = 86_400_000;

/** The administrative path of the demo, province to grid (grid ids are these codes). */
export const DEMO_ORG_UNITS: readonly OrgUnit[] = [
  { code: '14', name: '山西省', level: 'province' },
  { code: '1401', name: '太原市', level: 'city', parentCode: '14' },
  { code: '140105', name: '小店区', level: 'county', parentCode: '1401' },
  { code: '140105004', name: '坞城街道', level: 'township', parentCode: '140105' },
  { code: '140105004001', name: '府东社区', level: 'community', parentCode: '140105004' },
  { code: '140105004001001', name: '府东第一网格', level: 'grid', parentCode: '140105004001' },
  { code: '140105004001002', name: '府东第二网格', level: 'grid', parentCode: '140105004001' },
  { code: '140105004001003', name: '府东第三网格', level: 'grid', parentCode: '140105004001' },
  { code: '140105004002', name: '南坪社区', level: 'community', parentCode: '140105004' },
  { code: '140105004002001', name: '南坪第一网格', level: 'grid', parentCode: '140105004002' },
  { code: '140105004002002', name: '南坪第二网格', level: 'grid', parentCode: '140105004002' },
  { code: '140105004003', name: '许坦社区', level: 'community', parentCode: '140105004' },
  { code: '140105004003001', name: '许坦第一网格', level: 'grid', parentCode: '140105004003' },
  { code: '140105004003002', name: '许坦第二网格', level: 'grid', parentCode: '140105004003' },
];

const G = {
  fd1: '140105004001001', fd2: '140105004001002', fd3: '140105004001003',
  np1: '140105004002001', np2: '140105004002002',
  xt1: '140105004003001', xt2: '140105004003002',
} as const;

/** A demo user: who to sign a token for when trying the demo. */
export interface DemoUser {
  user: string;
  name: string;
  roles: Role[];
  scope: string[];
}

const USERS = {
  wangwei: { user: 'wangwei', name: '王伟', roles: ['grid-worker'], scope: ['140105004001'] },
  lina: { user: 'lina', name: '李娜', roles: ['grid-worker'], scope: ['140105004001'] },
  zhangqiang: { user: 'zhangqiang', name: '张强', roles: ['grid-worker'], scope: ['140105004002'] },
  liuyang: { user: 'liuyang', name: '刘洋', roles: ['grid-worker'], scope: ['140105004002'] },
  chenjing: { user: 'chenjing', name: '陈静', roles: ['grid-worker'], scope: ['140105004003'] },
  yanglei: { user: 'yanglei', name: '杨磊', roles: ['grid-worker'], scope: ['140105004003'] },
  zhaojianguo: { user: 'zhaojianguo', name: '赵建国', roles: ['grid-supervisor'], scope: ['140105004'] },
  zhoumin: { user: 'zhoumin', name: '周敏', roles: ['fire-officer'], scope: ['140105'] },
  // 区安委办: lists and lifts 挂牌督办 at the county (区) tier.
  liguohua: { user: 'liguohua', name: '李国华', roles: ['government'], scope: ['140105'] },
  sunli: { user: 'sunli', name: '孙立', roles: ['unit-manager'], scope: ['140105004'] },
  admin: { user: 'demo-admin', name: '系统管理员', roles: ['admin'], scope: ['*'] },
  resident: { user: 'resident-0001', name: '热心群众', roles: ['resident'], scope: ['*'] },
} as const satisfies Record<string, DemoUser>;
type UserKey = keyof typeof USERS;

/** The demo users (token subjects), for README examples and the CLI's summary. */
export const DEMO_USERS: readonly DemoUser[] = Object.values(USERS).map((u) => ({ ...u, roles: [...u.roles], scope: [...u.scope] }));

/**
 * A fixed UUID (version 7 layout, variant 10) from a name, so the same demo record has the same
 * id in every data folder and a second seed finds it.
 */
function seedId(name: string): string {
  const h = sha256HexSync(new TextEncoder().encode(`firegrid-demo:${name}`));
  const variant = ((parseInt(h.charAt(16), 16) & 0x3) | 0x8).toString(16);
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-7${h.slice(13, 16)}-${variant}${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

interface WorkerSeed { key: UserKey; phone: string; grids: string[] }

const WORKERS: readonly WorkerSeed[] = [
  { key: 'wangwei', phone: '13835120101', grids: [G.fd1] },
  { key: 'lina', phone: '13835120102', grids: [G.fd2, G.fd3] },
  { key: 'zhangqiang', phone: '13835120103', grids: [G.np1] },
  { key: 'liuyang', phone: '13835120104', grids: [G.np2] },
  { key: 'chenjing', phone: '13835120105', grids: [G.xt1] },
  { key: 'yanglei', phone: '13835120106', grids: [G.xt2] },
  // The supervisor (网格长) covers the street; a score configuration leaves him out of rankings if it wants.
  { key: 'zhaojianguo', phone: '13835120100', grids: Object.values(G) },
];

interface PlaceSeed {
  key: string;
  kind: PlaceKind;
  name: string;
  address: string;
  grid: string;
  parent?: string;
  at: [number, number];
  building?: { floors?: number; heightM?: number; households?: number; yearBuilt?: number };
}

const ROAD = '山西省太原市小店区';
const PLACES: readonly PlaceSeed[] = [
  { key: 'fudong-garden', kind: 'residential', name: '府东花园', address: `${ROAD}坞城路 118 号`, grid: G.fd1, at: [112.5771, 37.8092] },
  {
    key: 'fudong-1', kind: 'residential', name: '府东花园 1 号楼', address: `${ROAD}坞城路 118 号府东花园 1 号楼`, grid: G.fd1,
    parent: 'fudong-garden', at: [112.5768, 37.8095], building: { floors: 28, heightM: 84.6, households: 224, yearBuilt: 2012 },
  },
  {
    key: 'fudong-2', kind: 'residential', name: '府东花园 2 号楼', address: `${ROAD}坞城路 118 号府东花园 2 号楼`, grid: G.fd1,
    parent: 'fudong-garden', at: [112.5775, 37.8096], building: { floors: 33, heightM: 99.3, households: 264, yearBuilt: 2014 },
  },
  {
    key: 'fudong-shed', kind: 'ebike-shed', name: '府东花园电动自行车集中充电棚', address: `${ROAD}坞城路 118 号府东花园北门`, grid: G.fd1,
    parent: 'fudong-garden', at: [112.5770, 37.8101], building: { floors: 1, heightM: 3.2 },
  },
  { key: 'wucheng-76', kind: 'residential', name: '坞城路 76 号院', address: `${ROAD}坞城路 76 号`, grid: G.fd2, at: [112.5741, 37.8063] },
  {
    key: 'wucheng-76-3', kind: 'residential', name: '坞城路 76 号院 3 号楼', address: `${ROAD}坞城路 76 号院 3 号楼`, grid: G.fd2,
    parent: 'wucheng-76', at: [112.5743, 37.8066], building: { floors: 6, heightM: 18, households: 36, yearBuilt: 1988 },
  },
  {
    key: 'noodle-shop', kind: 'small-venue', name: '老张家刀削面馆', address: `${ROAD}坞城路 80 号`, grid: G.fd2,
    at: [112.5736, 37.8060], building: { floors: 1, heightM: 4.5 },
  },
  {
    key: 'fudong-market', kind: 'small-venue', name: '府东便民超市', address: `${ROAD}府东街 21 号`, grid: G.fd3,
    at: [112.5802, 37.8078], building: { floors: 1, heightM: 4.8 },
  },
  { key: 'nanping', kind: 'residential', name: '南坪小区', address: `${ROAD}南坪街 9 号`, grid: G.np1, at: [112.5690, 37.7998] },
  {
    key: 'nanping-5', kind: 'residential', name: '南坪小区 5 号楼', address: `${ROAD}南坪街 9 号南坪小区 5 号楼`, grid: G.np1,
    parent: 'nanping', at: [112.5688, 37.8001], building: { floors: 7, heightM: 21, households: 42, yearBuilt: 1995 },
  },
  {
    key: 'nanping-8', kind: 'residential', name: '南坪小区 8 号楼', address: `${ROAD}南坪街 9 号南坪小区 8 号楼`, grid: G.np1,
    parent: 'nanping', at: [112.5694, 37.7995], building: { floors: 6, heightM: 18, households: 36, yearBuilt: 1993 },
  },
  {
    key: 'kindergarten', kind: 'kindergarten', name: '小太阳幼儿园', address: `${ROAD}南坪街 15 号`, grid: G.np1,
    at: [112.5702, 37.7990], building: { floors: 3, heightM: 10.5 },
  },
  {
    key: 'hardware', kind: 'three-in-one', name: '鑫源五金建材店', address: `${ROAD}南坪街 36 号`, grid: G.np2,
    at: [112.5671, 37.7983], building: { floors: 2, heightM: 7.2 },
  },
  {
    key: 'farmers-market', kind: 'market', name: '南坪农贸市场', address: `${ROAD}南坪街 40 号`, grid: G.np2,
    at: [112.5664, 37.7979], building: { floors: 1, heightM: 6 },
  },
  {
    key: 'barber', kind: 'small-venue', name: '美佳理发店', address: `${ROAD}南坪街 44 号`, grid: G.np2,
    at: [112.5660, 37.7976], building: { floors: 1, heightM: 4.2 },
  },
  { key: 'jinxiu', kind: 'residential', name: '锦绣华庭', address: `${ROAD}许坦东街 66 号`, grid: G.xt1, at: [112.5851, 37.7932] },
  {
    key: 'jinxiu-a', kind: 'residential', name: '锦绣华庭 A 座', address: `${ROAD}许坦东街 66 号锦绣华庭 A 座`, grid: G.xt1,
    parent: 'jinxiu', at: [112.5848, 37.7935], building: { floors: 32, heightM: 96.5, households: 256, yearBuilt: 2018 },
  },
  {
    key: 'jinxiu-b', kind: 'residential', name: '锦绣华庭 B 座', address: `${ROAD}许坦东街 66 号锦绣华庭 B 座`, grid: G.xt1,
    parent: 'jinxiu', at: [112.5855, 37.7936], building: { floors: 26, households: 208, yearBuilt: 2019 },
  },
  {
    key: 'jinxiu-shed', kind: 'ebike-shed', name: '锦绣华庭电动车棚', address: `${ROAD}许坦东街 66 号锦绣华庭地面停车场`, grid: G.xt1,
    parent: 'jinxiu', at: [112.5853, 37.7928], building: { floors: 1, heightM: 3 },
  },
  {
    key: 'sichuan-restaurant', kind: 'small-venue', name: '好再来川菜馆', address: `${ROAD}许坦东街 70 号`, grid: G.xt1,
    at: [112.5860, 37.7930], building: { floors: 1, heightM: 5 },
  },
  {
    key: 'hotel', kind: 'hotel', name: '许坦东街快捷宾馆', address: `${ROAD}许坦东街 88 号`, grid: G.xt2,
    at: [112.5879, 37.7921], building: { floors: 5, heightM: 16.5 },
  },
  {
    key: 'school', kind: 'school', name: '许坦小学', address: `${ROAD}许坦西街 12 号`, grid: G.xt2,
    at: [112.5832, 37.7911], building: { floors: 4, heightM: 15.6 },
  },
];

interface CaptainSeed {
  key: string;
  building: string;
  /** The worker who registered the captain (credited with `captain.registered`). */
  by: UserKey;
  daysAgo: number;
  person: { name: string; phone: string };
  commitment?: 'paper' | 'electronic';
  /** Days ago the notice (公示牌) went up; not yet publicised when left out. */
  publicisedDaysAgo?: number;
}

/**
 * Floor captains of three of the four high-rise buildings (锦绣华庭 B 座 has none, so coverage
 * shows a gap); one is registered but its notice is not up yet.
 */
const CAPTAINS: readonly CaptainSeed[] = [
  { key: 'fudong-1', building: 'fudong-1', by: 'wangwei', daysAgo: 40, person: { name: '刘秀兰', phone: '13903510211' }, commitment: 'paper', publicisedDaysAgo: 38 },
  { key: 'fudong-2', building: 'fudong-2', by: 'wangwei', daysAgo: 12, person: { name: '高建平', phone: '13803510356' }, commitment: 'electronic' },
  { key: 'jinxiu-a', building: 'jinxiu-a', by: 'chenjing', daysAgo: 25, person: { name: '马丽华', phone: '13633510478' }, commitment: 'paper', publicisedDaysAgo: 20 },
];

/**
 * Submitted inspections (every visible item 合格), so that 巡查 lists some places as recently
 * inspected and coverage scores are not all zero; the other places were never inspected.
 */
const INSPECTIONS: readonly { place: string; by: UserKey; daysAgo: number }[] = [
  { place: 'fudong-2', by: 'wangwei', daysAgo: 3.1 },
  { place: 'fudong-1', by: 'wangwei', daysAgo: 21 },
  { place: 'wucheng-76-3', by: 'lina', daysAgo: 9.2 },
  { place: 'noodle-shop', by: 'lina', daysAgo: 3.3 },
  { place: 'nanping-5', by: 'zhangqiang', daysAgo: 1.2 },
  { place: 'kindergarten', by: 'zhangqiang', daysAgo: 30.5 },
  { place: 'farmers-market', by: 'liuyang', daysAgo: 8.4 },
  { place: 'jinxiu-a', by: 'chenjing', daysAgo: 4.3 },
  { place: 'hotel', by: 'yanglei', daysAgo: 20.4 },
];

interface Step {
  daysAgo: number;
  by: UserKey;
  input: TransitionInput;
  /** Upload a photo as the step's evidence. */
  evidence?: true;
}

interface HazardSeed {
  key: string;
  place: string;
  by: UserKey;
  daysAgo: number;
  category: HazardCategory;
  title: string;
  description: string;
  status: 'draft' | 'reported';
  source?: 'worker' | 'public';
  confidential?: { contact: string };
  photo?: readonly [number, number, number];
  steps?: readonly Step[];
}

/** A calendar day in China Standard Time, `days` from `now` (negative: in the past). */
const dayFrom = (now: Date, days: number): string => new Date(now.getTime() + days * DAY + 8 * 3_600_000).toISOString().slice(0, 10);

function hazards(now: Date): HazardSeed[] {
  const due = (days: number): string => dayFrom(now, days);
  const resp = (unit: string, person: string, phone: string) => ({ unit, person, phone });
  return [
    {
      key: 'h01', place: 'fudong-1', by: 'wangwei', daysAgo: 0.2, category: 'exit-blocked', status: 'draft',
      title: '1 号楼 12 层楼道堆放纸箱杂物', description: '12 层东侧楼道堆放大量纸箱、旧家具，疏散宽度不足 0.8 米。',
    },
    {
      key: 'h02', place: 'nanping-5', by: 'zhangqiang', daysAgo: 1, category: 'ebike-indoor', status: 'reported', photo: [70, 110, 160],
      title: '5 号楼一单元楼道内电动自行车充电', description: '一单元一楼楼梯间停放 3 辆电动自行车，其中 1 辆从住户窗口拉线充电。',
    },
    {
      key: 'h03', place: 'hardware', by: 'resident', daysAgo: 2, category: 'three-in-one', status: 'draft', source: 'public',
      confidential: { contact: '13900001234' }, photo: [150, 120, 90],
      title: '五金建材店二层住人', description: '店铺一层堆放油漆、稀料，二层隔出房间住着店主一家四口，晚上有人做饭。',
      steps: [{ daysAgo: 2, by: 'resident', input: { action: 'submit' } }],
    },
    {
      key: 'h04', place: 'jinxiu-a', by: 'chenjing', daysAgo: 4, category: 'hydrant-no-water', status: 'reported', photo: [190, 40, 40],
      title: 'A 座 18 层消火栓箱内无水带、试水无压力', description: '18 层消火栓箱内水带、水枪缺失，打开阀门无水流出。',
      steps: [{ daysAgo: 3, by: 'zhaojianguo', input: { action: 'verify', note: '现场核实属实，已通知物业' } }],
    },
    {
      key: 'h05', place: 'barber', by: 'liuyang', daysAgo: 6, category: 'extinguisher', status: 'reported', photo: [200, 60, 60],
      title: '理发店灭火器过期', description: '店内 1 具 4 公斤干粉灭火器疑似过期。',
      steps: [{ daysAgo: 5, by: 'zhaojianguo', input: { action: 'reject', reason: '现场复核：灭火器压力指针在绿区，检验标签在有效期内' } }],
    },
    {
      key: 'h06', place: 'noodle-shop', by: 'lina', daysAgo: 3, category: 'fire-gas-use', status: 'reported', photo: [120, 120, 120],
      title: '后厨燃气软管老化开裂', description: '后厨灶具燃气软管长约 3 米，表面龟裂，未安装燃气泄漏报警装置。',
      steps: [
        { daysAgo: 2.5, by: 'zhaojianguo', input: { action: 'verify' } },
        {
          daysAgo: 2, by: 'zhaojianguo', input: {
            action: 'assign', responsible: resp('老张家刀削面馆', '张国庆', '13935160022'), deadline: due(5),
            measures: '更换为金属波纹管，软管长度不超过 2 米，加装燃气泄漏报警装置',
          },
        },
      ],
    },
    {
      key: 'h07', place: 'fudong-market', by: 'lina', daysAgo: 10, category: 'exit-blocked', status: 'reported', photo: [90, 140, 90],
      title: '超市后门安全出口上锁', description: '营业期间后门安全出口用链条锁锁闭，门后堆放货物。',
      steps: [
        { daysAgo: 9.5, by: 'zhaojianguo', input: { action: 'verify' } },
        {
          daysAgo: 9, by: 'zhaojianguo', input: {
            action: 'assign', responsible: resp('府东便民超市', '刘桂兰', '13703510088'), deadline: due(-2),
            measures: '营业期间保持安全出口畅通，拆除门锁，清理门后货物',
          },
        },
      ],
    },
    {
      key: 'h08', place: 'farmers-market', by: 'liuyang', daysAgo: 8, category: 'electrical', status: 'reported', photo: [60, 60, 140],
      title: '市场东侧摊位私拉乱接电线', description: '东侧 12 个摊位从配电箱私接插线板，电线缠绕在钢架上，无漏电保护。',
      steps: [
        { daysAgo: 7.5, by: 'zhaojianguo', input: { action: 'verify' } },
        {
          daysAgo: 7, by: 'zhaojianguo', input: {
            action: 'assign', responsible: resp('南坪农贸市场管理办公室', '王建军', '13603516677'), deadline: due(10),
            measures: '由持证电工重新敷设线路，加装漏电保护器，拆除私接插线板',
          },
        },
        { daysAgo: 6, by: 'sunli', input: { action: 'start' } },
      ],
    },
    {
      key: 'h09', place: 'hotel', by: 'yanglei', daysAgo: 20, category: 'alarm-sprinkler', status: 'reported', photo: [160, 40, 120],
      title: '宾馆火灾自动报警系统主机故障，多个探测器被拆除', description: '报警主机显示 37 个故障点，2 至 4 层客房感烟探测器被拆除。',
      steps: [
        { daysAgo: 19.5, by: 'zhaojianguo', input: { action: 'verify' } },
        { daysAgo: 19, by: 'yanglei', input: { action: 'flag-major', note: '人员密集场所火灾自动报警系统失效' } },
        { daysAgo: 17, by: 'zhoumin', input: { action: 'confirm-major', note: '经区消防救援大队集体讨论，判定为重大火灾隐患' } },
        {
          daysAgo: 17, by: 'zhoumin', input: {
            action: 'assign', responsible: resp('许坦东街快捷宾馆', '郭志刚', '13834560123'), deadline: due(-1),
            measures: '委托维保单位修复报警主机，恢复全部探测器，整改期间加强夜间巡查',
          },
        },
        {
          daysAgo: 16.5, by: 'zhoumin', input: {
            action: 'supervise', supervision: { level: 'county', deadline: due(-1), authority: '太原市小店区人民政府安全生产委员会办公室' },
          },
        },
        { daysAgo: 16, by: 'liguohua', input: { action: 'supervise' } },
        { daysAgo: 15, by: 'sunli', input: { action: 'start' } },
      ],
    },
    {
      key: 'h10', place: 'jinxiu-b', by: 'chenjing', daysAgo: 6, category: 'fire-door', status: 'reported', photo: [110, 80, 50],
      title: 'B 座 3 层常闭式防火门被木楔顶开', description: '3 层前室防火门长期用木楔顶开，闭门器损坏。',
      steps: [
        { daysAgo: 5.5, by: 'zhaojianguo', input: { action: 'verify' } },
        {
          daysAgo: 5, by: 'zhaojianguo', input: {
            action: 'assign', responsible: resp('锦绣华庭物业服务中心', '孙立', '13934567890'), deadline: due(2),
            measures: '更换闭门器，撤除木楔，张贴“防火门保持常闭”标识',
          },
        },
        { daysAgo: 4, by: 'sunli', input: { action: 'start' } },
        { daysAgo: 1, by: 'sunli', input: { action: 'report-rectified', note: '闭门器已更换，防火门可自行关闭' }, evidence: true },
      ],
    },
    {
      key: 'h11', place: 'nanping-8', by: 'zhangqiang', daysAgo: 14, category: 'signage-lighting', status: 'reported', photo: [40, 160, 80],
      title: '8 号楼疏散指示标志损坏、应急照明不亮', description: '1 至 6 层楼梯间疏散指示标志 4 处损坏，应急照明灯断电测试不亮。',
      steps: [
        { daysAgo: 13.5, by: 'zhaojianguo', input: { action: 'verify' } },
        {
          daysAgo: 13, by: 'zhaojianguo', input: {
            action: 'assign', responsible: resp('南坪小区业主委员会', '冯秀英', '13513510234'), deadline: due(3),
            measures: '更换损坏的疏散指示标志和应急照明灯具，逐层测试',
          },
        },
        { daysAgo: 12, by: 'sunli', input: { action: 'start' } },
        { daysAgo: 5, by: 'sunli', input: { action: 'report-rectified', note: '已更换 4 处标志、6 盏应急灯' }, evidence: true },
      ],
    },
    {
      key: 'h12', place: 'fudong-2', by: 'wangwei', daysAgo: 25, category: 'shaft-sealing', status: 'reported', photo: [130, 130, 60],
      title: '2 号楼电缆井防火封堵不严', description: '强电井 15 至 20 层楼板处封堵缺失，可见下层光线。',
      steps: [
        { daysAgo: 24.5, by: 'zhaojianguo', input: { action: 'verify' } },
        {
          daysAgo: 24, by: 'zhaojianguo', input: {
            action: 'assign', responsible: resp('府东花园物业服务中心', '韩磊', '13603510456'), deadline: due(-10),
            measures: '用防火泥、防火板对电缆井楼板处逐层封堵',
          },
        },
        { daysAgo: 23, by: 'sunli', input: { action: 'start' } },
        { daysAgo: 15, by: 'sunli', input: { action: 'report-rectified', note: '15 至 20 层封堵完成' }, evidence: true },
        { daysAgo: 14, by: 'wangwei', input: { action: 'review-pass', note: '复查：各层封堵密实，无透光' } },
      ],
    },
    {
      key: 'h13', place: 'kindergarten', by: 'zhangqiang', daysAgo: 30, category: 'extinguisher', status: 'reported', photo: [210, 90, 40],
      title: '幼儿园活动室灭火器缺失', description: '二楼两间活动室未配置灭火器，走廊灭火器箱为空。',
      steps: [
        { daysAgo: 29.5, by: 'zhaojianguo', input: { action: 'verify' } },
        {
          daysAgo: 29, by: 'zhaojianguo', input: {
            action: 'assign', responsible: resp('小太阳幼儿园', '李秀梅', '13835129876'), deadline: due(-25),
            measures: '按 A 类火灾场所配置 MF/ABC3 灭火器，每处不少于 2 具',
          },
        },
        { daysAgo: 27, by: 'sunli', input: { action: 'start' } },
        { daysAgo: 22, by: 'sunli', input: { action: 'report-rectified', note: '已配置 6 具 ABC 干粉灭火器' }, evidence: true },
        { daysAgo: 18, by: 'zhaojianguo', input: { action: 'review-pass', note: '复查通过，但整改超期，已约谈园长' } },
      ],
    },
    {
      key: 'h14', place: 'fudong-shed', by: 'wangwei', daysAgo: 2, category: 'sandwich-panel', status: 'reported', photo: [100, 150, 200],
      title: '充电棚采用易燃彩钢板搭建，紧邻住宅楼', description: '充电棚为聚苯乙烯夹芯彩钢板搭建，距 1 号楼不足 4 米，约 60 辆车同时充电。',
      steps: [
        { daysAgo: 1.5, by: 'zhaojianguo', input: { action: 'verify' } },
        { daysAgo: 1, by: 'wangwei', input: { action: 'flag-major', note: '易燃彩钢板结构，与高层住宅间距不足，疑似重大火灾隐患' } },
      ],
    },
    {
      key: 'h15', place: 'school', by: 'yanglei', daysAgo: 1.5, category: 'fire-lane-blocked', status: 'reported', photo: [80, 80, 80],
      title: '学校北侧消防车通道被车辆占用', description: '放学时段北侧消防车通道停放 8 辆接送车辆，地面标线模糊。',
      steps: [{ daysAgo: 1, by: 'zhaojianguo', input: { action: 'verify' } }],
    },
    {
      key: 'h16', place: 'wucheng-76-3', by: 'lina', daysAgo: 0.5, category: 'electrical', status: 'reported', photo: [170, 170, 50],
      title: '3 号楼楼道私拉电线、飞线充电', description: '老旧楼道内从 3 楼住户窗口垂下电线给电动车充电，线路裸露。',
    },
    {
      key: 'h17', place: 'sichuan-restaurant', by: 'chenjing', daysAgo: 12, category: 'other', status: 'reported', photo: [140, 100, 60],
      title: '厨房排油烟管道油垢严重', description: '排油烟罩及管道内油垢厚度超过 3 毫米，长期未清洗。',
      steps: [
        { daysAgo: 11.5, by: 'zhaojianguo', input: { action: 'verify' } },
        {
          daysAgo: 11, by: 'zhaojianguo', input: {
            action: 'assign', responsible: resp('好再来川菜馆', '何勇', '13753511234'), deadline: due(4),
            measures: '委托专业公司清洗排油烟管道，建立每季度清洗记录',
          },
        },
        { daysAgo: 10, by: 'sunli', input: { action: 'start' } },
        { daysAgo: 6, by: 'sunli', input: { action: 'report-rectified', note: '已自行清洗' }, evidence: true },
        { daysAgo: 5, by: 'chenjing', input: { action: 'review-fail', note: '复查：管道弯头处油垢未清理，需专业公司清洗' } },
      ],
    },
    {
      key: 'h18', place: 'jinxiu-shed', by: 'chenjing', daysAgo: 0.1, category: 'electrical', status: 'draft',
      title: '车棚内充电线路私拉乱接', description: '车棚西侧有 5 处插线板串接，未使用智能充电桩。',
    },
    // Residents' tip-offs (群众举报) from the notices' QR codes: one in every grid (h03 is 南坪第二网格's),
    // each confidential, with a photo, at the stage a real one would have reached.
    ...tipOffs(),
  ];
}

/** A resident's confidential tip-off: created as a public draft and submitted by the resident, as the tip-off page does. */
function tipOff(key: string, place: string, daysAgo: number, category: HazardCategory, title: string, description: string,
  contact: string, photo: readonly [number, number, number], steps: readonly Step[] = []): HazardSeed {
  return {
    key, place, by: 'resident', daysAgo, category, status: 'draft', source: 'public', confidential: { contact }, photo, title, description,
    steps: [{ daysAgo, by: 'resident', input: { action: 'submit' } }, ...steps],
  };
}

/** The tip-offs of the grids other than 南坪第二网格 (whose h03 is the first one). */
function tipOffs(): HazardSeed[] {
  return [
    tipOff('t-fd1', 'fudong-2', 0.8, 'exit-blocked', '2 号楼 9 层安全出口门被锁', '群众反映：9 层通往楼梯间的安全出口门晚上被住户用铁链锁住。',
      '13934560001', [180, 80, 80]),
    tipOff('t-fd2', 'wucheng-76-3', 3, 'ebike-indoor', '3 号楼楼道夜间停放电动车充电', '一单元楼道每晚停放 4 辆电动车，从家里拉线充电。',
      '13934560002', [80, 120, 180], [{ daysAgo: 2.5, by: 'zhaojianguo', input: { action: 'verify', note: '网格员现场核实属实' } }]),
    tipOff('t-fd3', 'fudong-market', 1.5, 'flammables', '超市仓库堆放大量烟花爆竹', '超市后面的小仓库里堆着十几箱烟花，门口还有人抽烟。',
      '13934560003', [200, 140, 60]),
    tipOff('t-np1', 'kindergarten', 5, 'facility-broken', '幼儿园门口消火栓被圈进围挡', '幼儿园装修，门口室外消火栓被围挡圈住，消防车接不上。',
      '13934560004', [60, 160, 160], [{ daysAgo: 4, by: 'zhaojianguo', input: { action: 'reject', reason: '现场核实：围挡已拆除，消火栓可正常使用' } }]),
    tipOff('t-xt1', 'jinxiu-b', 0.4, 'fire-lane-blocked', 'B 座北侧消防车通道停满私家车', '每天晚上 B 座北侧消防车道两边停满车，中间只能过一辆电动车。',
      '13934560005', [120, 60, 160]),
    tipOff('t-xt2', 'hotel', 2, 'fire-door', '宾馆走廊防火门被拆掉', '宾馆 3 楼走廊的防火门不见了，只剩门框。',
      '13934560006', [160, 160, 160], [{ daysAgo: 1.5, by: 'zhaojianguo', input: { action: 'verify' } }]),
  ];
}

/** Options of {@link seedDemo}. */
export interface SeedOptions {
  /** "Now" of the demo: deadlines and histories are placed around it. The real clock by default. */
  now?: Date;
}

/** What {@link seedDemo} did. */
export interface SeedResult {
  tenant: string;
  /** Records and photos added, by kind (0 everywhere on a second run). */
  created: Partial<Record<ResourceKind | 'media', number>>;
  /** Demo records that were there already and were left as they are. */
  skipped: number;
  users: readonly DemoUser[];
  orgUnits: readonly OrgUnit[];
}

/**
 * Loads the demo data set into tenant `demo` of a data folder (or an open database whose media
 * live in `media/` next to it). Records that exist already are left alone.
 * @example
 * const result = seedDemo('./.firegrid');
 * console.log(result.created);   // { workers: 7, places: 22, media: 28, hazards: 24, activities: … }
 */
export function seedDemo(target: string | Db, options: SeedOptions = {}): SeedResult {
  const db = typeof target === 'string' ? openDatabase(resolve(target)) : target;
  try {
    return seedInto(db, options.now ?? new Date());
  } finally {
    if (typeof target === 'string') db.close();
  }
}

function seedInto(db: Db, now: Date): SeedResult {
  const mediaDir = join(dirname(db.name), 'media');
  mkdirSync(mediaDir, { recursive: true });
  const store = new Store(db);
  const service = new Service({
    store, mediaDir, lifecycle: createLifecycle(),
  });
  const created: Partial<Record<ResourceKind | 'media', number>> = {};
  let skipped = 0;
  const count = (kind: ResourceKind | 'media', n = 1): void => {
    created[kind] = (created[kind] ?? 0) + n;
  };
  const principal = (key: UserKey): Principal => {
    const u = USERS[key];
    return { tenant: DEMO_TENANT, user: u.user, name: u.name, roles: [...u.roles], scope: [...u.scope] };
  };
  const call = (key: UserKey, daysAgo: number): Call => ({ principal: principal(key), locale: 'zh-CN', now: new Date(now.getTime() - daysAgo * DAY) });
  const photo = (c: Call, rgb: readonly [number, number, number]) => {
    const bytes = placeholderPng(64, 48, rgb);
    count('media');
    return service.saveMedia(c, { bytes, sha256: sha256HexSync(bytes) });
  };
  const activitiesBefore = (db.prepare("SELECT count(*) FROM records WHERE tenant = ? AND kind = 'activities'").pluck().get(DEMO_TENANT) as number);

  // The checklist template library (issue 5) at its current revisions (issue 23): as `templates
  // sync` does it, so a seed adds a template's new revision and never rewrites an old one.
  for (const line of syncTemplates(db, DEMO_TENANT, { now: new Date(now.getTime() - 60 * DAY) })) {
    if (line.action === 'added' || line.action === 'updated') count('templates');
    else skipped++;
  }
  store.transaction(() => {
    for (const w of WORKERS) {
      const id = seedId(`worker:${w.key}`);
      if (store.get(DEMO_TENANT, 'workers', id) !== undefined) {
        skipped++;
        continue;
      }
      const u = USERS[w.key];
      service.put(call('admin', 60), 'workers', id, { id, name: u.name, userId: u.user, gridIds: w.grids, phone: w.phone, active: true });
      count('workers');
    }
    for (const p of PLACES) {
      const id = seedId(`place:${p.key}`);
      if (store.get(DEMO_TENANT, 'places', id) !== undefined) {
        skipped++;
        continue;
      }
      service.put(call('admin', 60), 'places', id, {
        id, kind: p.kind, name: p.name, address: p.address, gridId: p.grid,
        ...(p.parent === undefined ? {} : { parentId: seedId(`place:${p.parent}`) }),
        location: { lng: p.at[0], lat: p.at[1], crs: 'GCJ02' },
        ...(p.building === undefined ? {} : { building: p.building }),
      });
      count('places');
    }
    for (const c of CAPTAINS) {
      const id = seedId(`captain:${c.key}`);
      if (store.get(DEMO_TENANT, 'captains', id) !== undefined) {
        skipped++;
        continue;
      }
      const at = call(c.by, c.daysAgo);
      service.put(at, 'captains', id, {
        id, buildingId: seedId(`place:${c.building}`), person: { id: `captain-${c.key}`, ...c.person }, duties: dutyTexts(),
        term: { from: dayFrom(now, -c.daysAgo) },
        ...(c.commitment === undefined ? {} : { commitment: { signedAt: at.now.toISOString(), method: c.commitment } }),
        ...(c.publicisedDaysAgo === undefined ? {} : { publicisedAt: new Date(now.getTime() - c.publicisedDaysAgo * DAY).toISOString() }),
      });
      count('captains');
    }
    for (const i of INSPECTIONS) {
      const id = seedId(`inspection:${i.place}:${String(i.daysAgo)}`);
      if (store.get(DEMO_TENANT, 'inspections', id) !== undefined) {
        skipped++;
        continue;
      }
      const place = PLACES.find((p) => p.key === i.place);
      const template = place === undefined ? undefined : applicableTemplates(templates, place)[0];
      if (place === undefined || template === undefined) throw new FiregridError('config', `demo inspection of ${i.place}: no such place, or no template applies`);
      // All 合格: answer what is visible until answering shows no new item.
      let answers: Record<string, { result: 'pass' }> = {};
      for (let round = 0; round < 5; round++) {
        const next = Object.fromEntries(visibleItems(template, place, answers).map((item) => [item.id, { result: 'pass' as const }]));
        if (Object.keys(next).length === Object.keys(answers).length) break;
        answers = next;
      }
      const c = call(i.by, i.daysAgo);
      const at = c.now.toISOString();
      service.put(c, 'inspections', id, {
        id, templateId: template.id, templateVersion: template.revision, placeId: seedId(`place:${place.key}`), inspectorId: USERS[i.by].user,
        startedAt: new Date(c.now.getTime() - 25 * 60_000).toISOString(), submittedAt: at, answers, state: 'submitted',
      });
      count('inspections');
    }
    for (const h of hazards(now)) {
      const id = seedId(`hazard:${h.key}`);
      if (store.get(DEMO_TENANT, 'hazards', id) !== undefined) {
        skipped++;
        continue;
      }
      const place = PLACES.find((p) => p.key === h.place);
      if (place === undefined) throw new FiregridError('config', `demo hazard ${h.key} names an unknown place ${h.place}`);
      const c = call(h.by, h.daysAgo);
      const reporterKind = USERS[h.by].roles[0];
      service.put(c, 'hazards', id, {
        id, category: h.category, title: h.title, description: h.description,
        placeId: seedId(`place:${place.key}`), gridId: place.grid, address: place.address,
        location: { lng: place.at[0], lat: place.at[1], crs: 'GCJ02' },
        photos: h.photo === undefined ? [] : [photo(c, h.photo)],
        source: h.source ?? 'worker',
        reporter: {
          kind: reporterKind, personId: USERS[h.by].user, confidential: h.confidential !== undefined,
          ...(h.confidential === undefined ? {} : { contact: h.confidential.contact }),
        },
        severity: 'general', status: h.status,
      });
      count('hazards');
      for (const step of h.steps ?? []) {
        const sc = call(step.by, step.daysAgo);
        const input = step.evidence === true ? { ...step.input, evidence: [photo(sc, [90, 170, 90]).id] } : step.input;
        service.transition(sc, id, input);
      }
    }
    const recorded = [
      { key: 'training-lina', type: 'training.held', worker: 'lina', grid: G.fd2, daysAgo: 7 },
      { key: 'publicity-zhangqiang', type: 'publicity.held', worker: 'zhangqiang', grid: G.np1, daysAgo: 3 },
    ] as const;
    for (const a of recorded) {
      const id = seedId(`activity:${a.key}`);
      if (store.get(DEMO_TENANT, 'activities', id) !== undefined) {
        skipped++;
        continue;
      }
      const c = call('zhaojianguo', a.daysAgo);
      service.put(c, 'activities', id, {
        id, type: a.type, at: c.now.toISOString(), workerId: seedId(`worker:${a.worker}`), gridId: a.grid, by: USERS.zhaojianguo.user,
      });
    }
  });
  const activitiesAfter = (db.prepare("SELECT count(*) FROM records WHERE tenant = ? AND kind = 'activities'").pluck().get(DEMO_TENANT) as number);
  if (activitiesAfter > activitiesBefore) count('activities', activitiesAfter - activitiesBefore);
  return { tenant: DEMO_TENANT, created, skipped, users: DEMO_USERS, orgUnits: DEMO_ORG_UNITS };
}
