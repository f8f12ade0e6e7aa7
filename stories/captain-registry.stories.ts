import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import type { TemplateResult } from 'lit';
import { ref } from 'lit/directives/ref.js';
import { captainCommands, createFiregridClient, defineHost, memoryDataPort, newId } from '@firegrid/core';
import { FiregridHttpError } from '@firegrid/core/http';
import { offlineBackend } from '@firegrid/core/offline';
import type { FiregridClient, FiregridHost, FloorCaptain, HostSession, OrgUnit, Place, Worker } from '@firegrid/core';
import '@firegrid/elements/captain-registry/define';
import type { FgCaptainRegistry } from '@firegrid/elements/captain-registry';

/** The clock of every captain story: 2026-11-02, 09:00 in Taiyuan. */
export const captainNow = new Date('2026-11-02T09:00:00+08:00');
const stamp = '2026-01-05T09:00:00+08:00';
const stored = { version: 1, createdAt: stamp, updatedAt: stamp, tenantId: 'demo' };

/** The community and its two grids (迎泽区 柳巷街道 桥东社区). */
export const captainOrgUnits: OrgUnit[] = [
  { code: '140106001001', name: '桥东社区', level: 'community', parentCode: '140106001' },
  { code: '140106001001001', name: '桥东一网格', level: 'grid', parentCode: '140106001001' },
  { code: '140106001001002', name: '桥东二网格', level: 'grid', parentCode: '140106001001' },
];

const COMPOUNDS = ['桥东小区', '柳巷花园', '迎泽苑', '双塔西街小区', '南宫公寓', '青年路小区', '朝阳新村', '五一广场公寓'];
const SURNAMES = ['李', '王', '张', '刘', '陈', '杨', '赵', '黄', '周', '吴'];
const GIVEN = ['芳', '强', '秀英', '建国', '丽', '伟', '敏', '军', '霞', '志刚', '桂兰', '晓明'];

const hex = (n: number, width: number): string => n.toString(16).padStart(width, '0');
/** A stable UUIDv7-shaped id per kind and index, so stories and tests can name records. */
export const captainId = (kind: number, i: number): string => `019a4b2c-${hex(kind, 4)}-7000-8000-${hex(i, 12)}`;

/** Options of {@link captainWorld}. */
export interface CaptainWorldOptions {
  /** Buildings (the number of places; every seventh is low-rise and needs no captain). */
  buildings?: number;
  /** Share of high-rise buildings with a captain in office. */
  covered?: number;
  /** Share of those captains whose notice is not posted yet. */
  unposted?: number;
  /** Grid codes to spread the buildings over. */
  grids?: readonly string[];
}

/** A deterministic set of buildings, captains (with some past terms) and a grid worker. */
export interface CaptainWorld {
  places: Place[];
  captains: FloorCaptain[];
  workers: Worker[];
}

/**
 * Builds a grid's buildings and captains, the same every time: names of Taiyuan compounds,
 * mainland phones, some captains without a posted notice, some buildings without a captain, and
 * for every fifth covered building a predecessor whose term ended.
 * @example
 * const world = captainWorld({ buildings: 40, covered: 0.6, unposted: 0.25 });
 */
export function captainWorld(options: CaptainWorldOptions = {}): CaptainWorld {
  const n = options.buildings ?? 24;
  const grids = options.grids ?? ['140106001001001', '140106001001002'];
  const covered = options.covered ?? 0.7;
  const unposted = options.unposted ?? 0.2;
  const places: Place[] = [];
  const captains: FloorCaptain[] = [];
  let high = 0;
  for (let i = 0; i < n; i++) {
    const compound = COMPOUNDS[i % COMPOUNDS.length] ?? '';
    const low = i % 7 === 6;
    places.push({
      ...stored, id: captainId(1, i), kind: 'residential', name: `${compound} ${Math.floor(i / COMPOUNDS.length) + 1} 号楼`,
      address: `迎泽区${compound} ${Math.floor(i / COMPOUNDS.length) + 1} 号楼`, gridId: grids[i % grids.length] ?? '',
      building: low ? { floors: 6, heightM: 18, households: 36, yearBuilt: 1996 } : { floors: 18 + (i % 15), heightM: 54 + (i % 15) * 3, households: 72 + (i % 9) * 12, yearBuilt: 2008 + (i % 12) },
    });
    if (low) continue;
    const k = high++;
    // Spread by a fixed stride so covered, unposted and vacant interleave along the list.
    const spot = ((k * 37) % 100) / 100;
    if (spot >= covered) continue;
    const person = { id: `person-${hex(k, 6)}`, name: `${SURNAMES[k % SURNAMES.length] ?? ''}${GIVEN[(k * 7) % GIVEN.length] ?? ''}`, phone: `138${String(10_000_000 + k * 7919).slice(-8)}` };
    const posted = spot >= covered * unposted;
    if (k % 5 === 0) {
      captains.push({
        ...stored, id: captainId(3, k), buildingId: captainId(1, i), duties: ['巡查楼道', '劝阻电动自行车入户'],
        person: { id: `person-old-${hex(k, 6)}`, name: `${SURNAMES[(k + 3) % SURNAMES.length] ?? ''}${GIVEN[(k + 5) % GIVEN.length] ?? ''}`, phone: `139${String(20_000_000 + k * 613).slice(-8)}` },
        term: { from: '2023-03-01', to: '2025-03-01' }, commitment: { signedAt: '2023-03-01T10:00:00+08:00', method: 'paper' },
        publicisedAt: '2023-03-05T10:00:00+08:00',
      });
    }
    captains.push({
      ...stored, id: captainId(2, k), buildingId: captainId(1, i), person,
      duties: ['定期巡查楼道、楼梯间和安全出口，劝阻违规用火用电用气', '劝阻电动自行车进楼入户、在楼道停放或充电', '保持消防车通道、疏散通道和安全出口畅通，常闭防火门保持关闭', '发现火灾隐患及时劝阻，并报告网格员或物业', '开展消防安全宣传，组织居民参加疏散演练'],
      term: { from: k % 5 === 0 ? '2025-03-01' : '2025-06-01' },
      ...(k % 3 === 0 && { commitment: { signedAt: '2025-06-02T10:00:00+08:00', method: k % 2 === 0 ? 'paper' as const : 'electronic' as const } }),
      ...(posted && { publicisedAt: '2025-06-10T10:00:00+08:00' }),
    });
  }
  const workers: Worker[] = [{ ...stored, id: captainId(4, 1), name: '李建国', userId: 'w-0101', gridIds: [...grids], phone: '13934560101', active: true }];
  return { places, captains, workers };
}

/** The signed-in grid worker of the captain stories. */
export const captainSession: HostSession = {
  tenantId: 'demo',
  user: { id: 'w-0101', name: '李建国', roles: ['grid-worker'] },
  scope: ['140106001001'],
  locale: 'zh-CN',
};

/** Options of {@link captainClient}. */
export interface CaptainClientOptions {
  session?: HostSession;
  /** Wraps the host before the client is made (the gates pass one). */
  wrapHost?: (host: FiregridHost) => FiregridHost;
}

/** A client over a memory host holding `world`, with the `captains.import` command and a tip-off link. */
export function captainClient(world: CaptainWorld = captainWorld(), options: CaptainClientOptions = {}): FiregridClient {
  const session = options.session ?? captainSession;
  const host = defineHost({
    session: () => Promise.resolve(session),
    data: memoryDataPort(
      { places: world.places, captains: world.captains, workers: world.workers },
      { tenantId: 'demo', now: () => captainNow, commands: captainCommands() },
    ),
    links: { tipOff: (placeId: string) => Promise.resolve(`https://demo.firegrid.example/tip-off?place=${encodeURIComponent(placeId)}`) },
  });
  return createFiregridClient({ host: options.wrapHost?.(host) ?? host, now: () => captainNow });
}

/** A filled-in import file with good rows and every kind of bad one. */
export function captainImportCsv(world: CaptainWorld): string {
  const vacant = world.places.filter((p) => (p.building?.floors ?? 0) >= 10 && !world.captains.some((c) => c.buildingId === p.id && c.term.to === undefined));
  const name = (i: number): string => vacant[i]?.name ?? '';
  return [
    '楼栋,楼长,联系电话,职责,任期开始,承诺方式,承诺日期',
    `${name(0)},赵海燕,13512345678,,2026-11-01,纸质,2026-10-30`,
    `${name(1)},钱文,0351-7654321,巡查楼道；劝阻电动自行车入户,,,`,
    `${name(2)},孙立,1381234,,,,`,
    '不存在的楼 9 号楼,周敏,13612345678,,,,',
    `${name(0)},吴刚,13712345678,,,,`,
    `${name(3)},郑洁,13812345678,,2026-13-01,,`,
  ].join('\r\n');
}

const meta: Meta = {
  title: 'Elements/fg-captain-registry',
  component: 'fg-captain-registry',
  excludeStories: /^[a-z]/,
  parameters: {
    docs: {
      description: {
        component:
          'The floor-captain registry over a memory host: coverage per grid and community, gaps first, register / replace / end a term, import with a preview, export CSV or Excel, and a public mode with masked phones.',
      },
    },
  },
};
export default meta;

type Story = StoryObj;

/** Every high-rise building has a captain whose notice is up. */
export const FullCoverage: Story = {
  render: () => html`<fg-captain-registry .client=${captainClient(captainWorld({ covered: 1, unposted: 0 }))} .orgUnits=${captainOrgUnits}></fg-captain-registry>`,
};

/** Gaps first: buildings without a captain, then captains whose notice is not posted. */
export const Gaps: Story = {
  render: () => html`<fg-captain-registry .client=${captainClient(captainWorld({ buildings: 40, covered: 0.55, unposted: 0.3 }))} .orgUnits=${captainOrgUnits}></fg-captain-registry>`,
};

/** An import file with bad phones, an unknown building, a duplicate and a bad date: nothing is imported until it is fixed. */
export const ImportWithErrors: Story = {
  render: () => {
    const world = captainWorld({ buildings: 30, covered: 0.5 });
    const el = document.createElement('fg-captain-registry');
    el.client = captainClient(world);
    el.orgUnits = captainOrgUnits;
    void el.updateComplete.then(() => el.importFile(new File([captainImportCsv(world)], '楼长导入.csv', { type: 'text/csv' })));
    return el;
  },
};

/** The public list: read-only, phones masked (138****1234), no history. */
export const PublicMode: Story = {
  render: () => html`<fg-captain-registry mode="public" .client=${captainClient(captainWorld({ covered: 0.8 }))} .orgUnits=${captainOrgUnits}></fg-captain-registry>`,
};

/** In English, in elder-friendly mode (20 px text, 56 px targets). */
export const EnglishElder: Story = {
  render: () => html`<fg-captain-registry locale="en" elder .client=${captainClient(captainWorld({ buildings: 12 }))}></fg-captain-registry>`,
};

/** A county: 100,000 buildings given by the host as properties; the list is virtualised. */
export const County: Story = {
  render: () => {
    const world = captainWorld({ buildings: 100_000, covered: 0.8, grids: Array.from({ length: 200 }, (_, g) => `140106${String(g).padStart(6, '0')}001`) });
    const el: FgCaptainRegistry = document.createElement('fg-captain-registry');
    el.buildings = world.places;
    el.captains = world.captains;
    return el;
  },
};

/** Without a client the registry says what is missing. */
export const NoClient: Story = {
  render: () => html`<fg-captain-registry></fg-captain-registry>`,
};

/**
 * A captain registered without network: the save is queued on the device (a new outbox each
 * render), and with `refuse` the server refuses it once the network is back.
 */
function offlineRegister(refuse: boolean): TemplateResult {
  const world = captainWorld({ buildings: 9, covered: 0.3 });
  const port = memoryDataPort({ places: world.places, captains: world.captains, workers: world.workers }, { tenantId: 'demo', now: () => captainNow, commands: captainCommands() });
  const refused = (): Promise<never> => Promise.reject(new FiregridHttpError('rejected', 'PUT /v1/captains failed (422): person.phone: number not in service', {
    status: 422, issues: [{ path: 'person.phone', message: '该号码为空号，请核对楼长电话' }],
  }));
  const client = createFiregridClient({
    host: defineHost({ session: () => Promise.resolve(captainSession), data: { ...port, save: refused, command: refused } }),
    now: () => captainNow,
    backend: offlineBackend({ prefix: `fg-story-registry-queued-${newId()}`, autoSync: false, persist: false }),
  });
  return html`<fg-captain-registry .client=${client} .orgUnits=${captainOrgUnits} ${ref((el) => {
    if (!(el instanceof HTMLElement)) return;
    // Register a captain at the first vacant building, the way a grid worker would.
    const go = async (): Promise<void> => {
      const wait = async (sel: string): Promise<HTMLElement | null> => {
        for (let i = 0; i < 100 && el.shadowRoot?.querySelector(sel) == null; i++) await new Promise((r) => setTimeout(r, 20));
        return el.shadowRoot?.querySelector<HTMLElement>(sel) ?? null;
      };
      (await wait('[part~="row"].vacant button[data-action="register"]'))?.click();
      const set = async (sel: string, value: string): Promise<void> => {
        const field = await wait(sel) as HTMLInputElement | null;
        if (field === null) return;
        field.value = value;
        field.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
      };
      await set('#editor #f-name', '赵海燕');
      await set('#editor #f-phone', '13512345678');
      await new Promise((r) => setTimeout(r, 0));
      (await wait('#editor button[type="submit"]'))?.click();
      await wait('#sync-note');
      if (refuse) await client.offline?.sync({ force: true });
    };
    void go();
  })}></fg-captain-registry>`;
}

/** A save made offline: the row shows the captain, the note 待发送（1）：赵海燕 in the warning tone. */
export const QueuedSave: Story = {
  render: (): TemplateResult => offlineRegister(false),
};

/** A queued save the server refused: 服务器未接受：赵海燕 with why, the building vacant again, and 修改后重新提交. */
export const RefusedSave: Story = {
  render: (): TemplateResult => offlineRegister(true),
};
