import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import type { TemplateResult } from 'lit';
import { ref } from 'lit/directives/ref.js';
import { createFiregridClient, defineHost, hazardCommands, memoryDataPort, newId, reporterPrivacy } from '@firegrid/core';
import type { DataPort, FiregridClient, HazardAction, HazardHistoryEntry, HazardInput, HazardStatus, HostSession, MemorySeed, PlaceInput } from '@firegrid/core';
import { FiregridHttpError } from '@firegrid/core/http';
import { offlineBackend } from '@firegrid/core/offline';
import '@firegrid/elements/hazard-ledger/define';
import { demoSeed, demoSession } from '../examples/demo-data.js';
import { samplePhoto } from './hazard-report.stories.js';

const base = { tenantId: 'demo', scope: ['140106001001'], locale: 'zh-CN' as const };
/** The grid supervisor (网格长) of the demo grid. */
export const supervisorSession: HostSession = { ...base, user: { id: 's-0101', name: '王网格长', roles: ['grid-supervisor'] } };
/** A fire officer (消防救援) of the district. */
export const fireOfficerSession: HostSession = { ...base, user: { id: 'f-0001', name: '赵消防', roles: ['fire-officer'] } };
/** The property manager (物业) who rectifies. */
export const unitManagerSession: HostSession = { ...base, user: { id: 'u-0001', name: '桥东物业 刘经理', roles: ['unit-manager'] } };
/** A floor captain (楼长): may read the ledger, may run none of these transitions. */
export const captainSession: HostSession = { ...base, user: { id: 'c-0001', name: '孙楼长', roles: ['captain'] } };
/** The district 安委办 clerk who lists and lifts 挂牌督办 (role `government`). */
export const governmentSession: HostSession = { ...base, user: { id: 'g-0001', name: '区安委办 钱科长', roles: ['government'] } };
/** The grid worker of the demo. */
export const workerSession: HostSession = demoSession;

const DAY = 86_400_000;
/** A calendar day `offset` days from today in China Standard Time. */
const day = (offset: number): string => new Date(Date.now() + offset * DAY + 8 * 3_600_000).toISOString().slice(0, 10);
/** An instant `offset` days from now. */
const at = (offset: number): string => new Date(Date.now() + offset * DAY).toISOString();

const P1 = '019a4b2c-0000-7000-8000-000000000001';
const P2 = '019a4b2c-0000-7000-8000-000000000002';
const P3 = '019a4b2c-0000-7000-8000-000000000003';
const P4 = '019a4b2c-0000-7000-8000-000000000004';
const id = (n: number): string => `019a4b2c-0000-7000-8000-0000000001${String(n).padStart(2, '0')}`;

/** Ids of the seeded hazards, by what they show. */
export const HAZARD = {
  reported: id(1), verified: id(2), assigned: id(3), overdueSupervised: id(4), awaitingReview: id(5), closed: id(6), rejected: id(7),
  draft: id(8), publicTip: id(9), candidate2017: id(10), candidate2025: id(11), awaitingLift: id(12), supervisionRequested: id(13),
} as const;
const AUTHORITY = '迎泽区人民政府安全生产委员会办公室';

const worker = { kind: 'grid-worker' as const, personId: 'w-0101', confidential: false };
const entry = (offset: number, by: string, action: HazardAction, from: HazardStatus, to: HazardStatus, note?: string): HazardHistoryEntry =>
  ({ at: at(offset), by, action, from, to, ...(note === undefined ? {} : { note }) });

/** Hazards in every status of the closed loop, one overdue and supervised, one confidential tip-off, two candidates. */
export function ledgerSeed(): MemorySeed {
  const h = (n: number, over: Partial<HazardInput> & Pick<HazardInput, 'status' | 'category' | 'title'>): HazardInput => ({
    id: id(n), description: '', photos: [], source: 'worker', reporter: worker, severity: 'general', gridId: '140106001001',
    createdAt: at(-20 + n), updatedAt: at(-20 + n), ...over,
  });
  const warehouse: PlaceInput = {
    id: P4, kind: 'warehouse', name: '迎泽区顺达仓储 2 号库', address: '迎泽区柳巷南路 40 号', gridId: '140106001001',
  };
  return {
    places: [...(demoSeed.places ?? []), warehouse],
    // The finder w-0101 is named by his worker record (the history stores the names of those who acted).
    workers: [{ id: '019a4b2c-0000-7000-8000-000000000201', name: '李建国', userId: 'w-0101', gridIds: ['140106001001'], active: true }],
    hazards: [
      h(1, { status: 'reported', category: 'exit-blocked', title: '3 号楼一层安全出口堆放杂物', description: '纸箱、旧家具堵住一半通道', placeId: P1 }),
      h(2, { status: 'verified', category: 'electrical', title: '7 号院车棚私拉电线给电动车充电', placeId: P2,
        history: [{ ...entry(-17, 's-0101', 'verify', 'reported', 'verified'), byName: '王网格长' }] }),
      h(3, { status: 'assigned', category: 'extinguisher', title: '五金店灭火器过期', placeId: P3, deadline: day(10), measures: '更换 2 具 4 kg 干粉灭火器',
        responsible: { unit: '老王五金店', person: '王老板', phone: '13800001111' } }),
      h(4, { status: 'rectifying', category: 'fire-lane-blocked', title: '桥东小区东侧消防车道被长期占用', placeId: P1, severity: 'major',
        deadline: day(-3), measures: '拆除违建车棚，施划禁停标线', responsible: { unit: '桥东物业', person: '刘经理', phone: '0351-4123456' },
        supervision: { level: 'county', authority: AUTHORITY, requestedBy: 'f-0001', requestedAt: at(-11), listedAt: at(-10), listedBy: 'g-0001', deadline: day(-1) } }),
      // The grid worker reported the rectification: he may not review it (separation of duties).
      h(5, { status: 'awaiting-review', category: 'signage-lighting', title: '3 号楼应急照明不亮', placeId: P1, deadline: day(2),
        responsible: { unit: '桥东物业', person: '刘经理' }, measures: '更换应急灯 6 盏',
        history: [entry(-2, 'w-0101', 'report-rectified', 'rectifying', 'awaiting-review', '已督促物业更换 6 盏应急灯')] }),
      h(6, { status: 'closed', category: 'fire-door', title: '2 单元防火门闭门器损坏', placeId: P1, deadline: day(-8),
        responsible: { unit: '桥东物业', person: '刘经理' }, measures: '更换闭门器' }),
      h(7, { status: 'rejected', category: 'other', title: '重复上报：楼道堆物', placeId: P1 }),
      h(8, { status: 'draft', category: 'flammables', title: '检查发现：门口堆放液化气罐', placeId: P3 }),
      h(9, { status: 'reported', category: 'ebike-indoor', title: '楼道里给电动车充电', description: '每天晚上都有人从窗户拉线充电', source: 'public',
        address: '桥东小区 3 号楼 2 单元', reporter: { kind: 'resident', personId: 'r-0001', contact: '张先生 13912345678', confidential: true } }),
      h(10, { status: 'reported', category: 'flammables', title: '2 号库地下室存放油漆稀料', placeId: P4, ruleRefs: ['GB35181-2017:6.4'],
        createdAt: '2025-10-20T10:00:00+08:00', updatedAt: '2025-10-20T10:00:00+08:00' }),
      h(11, { status: 'verified', category: 'ebike-indoor', title: '架空层电动车充电区未做防火分隔', placeId: P1,
        ruleRefs: ['GB35181-2025:ebike-podium-separation'] }),
      // A major hazard under county supervision whose review the fire officer passed: it waits for the 安委办 to lift it.
      h(12, { status: 'awaiting-review', category: 'alarm-sprinkler', title: '顺达仓储火灾自动报警系统瘫痪', placeId: P4, severity: 'major',
        deadline: day(5), measures: '修复报警主机，恢复探测器', responsible: { unit: '顺达仓储', person: '孙经理' },
        supervision: { level: 'county', authority: AUTHORITY, requestedBy: 'f-0001', requestedAt: at(-15), listedAt: at(-14), listedBy: 'g-0001', deadline: day(5) },
        history: [
          entry(-3, 'u-0001', 'report-rectified', 'rectifying', 'awaiting-review', '报警主机已修复，探测器全部恢复'),
          entry(-1, 'f-0001', 'review-pass', 'awaiting-review', 'awaiting-review', '复查：系统运行正常'),
        ] }),
      // 二（一）1: an unmarked fire lane, not a major hazard; the fire officer asked the district to list it (报请).
      h(13, { status: 'assigned', category: 'fire-lane-blocked', title: '柳巷南路 40 号院消防车通道未划线', placeId: P4, deadline: day(20),
        measures: '划线、标名、立牌', responsible: { unit: '顺达仓储', person: '孙经理' },
        supervision: { level: 'county', authority: AUTHORITY, requestedBy: 'f-0001', requestedAt: at(-1), deadline: day(30) } }),
    ],
  };
}

/** A client over a memory port that runs the lifecycle as `session.user` and strips confidential reporters as the server would. */
export function ledgerClient(session: HostSession = supervisorSession, data?: DataPort): FiregridClient {
  const port = data ?? memoryDataPort(ledgerSeed(), { tenantId: 'demo', commands: hazardCommands({ actor: session.user }) });
  return createFiregridClient({
    host: defineHost({
      session: () => Promise.resolve(session),
      data: reporterPrivacy(port, session.user),
      media: { capture: async () => [await samplePhoto('整改后')] },
    }),
  });
}

const meta: Meta = {
  title: 'Elements/fg-hazard-ledger',
  component: 'fg-hazard-ledger',
  excludeStories: ['supervisorSession', 'governmentSession', 'fireOfficerSession', 'unitManagerSession', 'captainSession', 'workerSession', 'HAZARD', 'ledgerSeed', 'ledgerClient'],
  parameters: {
    docs: {
      description: {
        component: 'The two lists (问题隐患清单 / 整改责任清单) with filters, urgency order, paging, role-gated transitions of the closed loop and CSV/Excel export. Here over a memory port that runs the core lifecycle.',
      },
    },
  },
};
export default meta;

type Story = StoryObj;

/** The grid supervisor's 问题隐患清单: every status, overdue and supervised first. */
export const Supervisor: Story = {
  render: (): TemplateResult => html`<fg-hazard-ledger .client=${ledgerClient()}></fg-hazard-ledger>`,
};

/** 整改责任清单: measures, responsible unit and person, deadline, progress, supervision level. */
export const ResponsibilityList: Story = {
  render: (): TemplateResult => html`<fg-hazard-ledger list="responsibility" .client=${ledgerClient()}></fg-hazard-ledger>`,
};

/** Only overdue hazards. */
export const Overdue: Story = {
  render: (): TemplateResult => html`<fg-hazard-ledger overdue .client=${ledgerClient()}></fg-hazard-ledger>`,
};

/** A major hazard, overdue and under county supervision (挂牌督办), opened by a fire officer. */
export const Supervised: Story = {
  render: (): TemplateResult => html`<fg-hazard-ledger hazard-id=${HAZARD.overdueSupervised} .client=${ledgerClient(fireOfficerSession)}></fg-hazard-ledger>`,
};

/** A fire officer passed the review of a supervised major hazard: the 安委办 is offered 摘牌销案, which closes it. */
export const AwaitingLift: Story = {
  render: (): TemplateResult => html`<fg-hazard-ledger hazard-id=${HAZARD.awaitingLift} .client=${ledgerClient(governmentSession)}></fg-hazard-ledger>`,
};

/** A fire officer asked for 挂牌督办 of an unmarked fire lane (报请); the 安委办 sees the request and lists it. */
export const SupervisionRequested: Story = {
  render: (): TemplateResult => html`<fg-hazard-ledger hazard-id=${HAZARD.supervisionRequested} .client=${ledgerClient(governmentSession)}></fg-hazard-ledger>`,
};

/** Only what the 挂牌督办 filter keeps: hazards under supervision, with their state. */
export const SupervisedOnly: Story = {
  render: (): TemplateResult => html`<fg-hazard-ledger supervision="listed" list="responsibility" .client=${ledgerClient()}></fg-hazard-ledger>`,
};

/** A role that may act: the supervisor on a reported hazard is offered 核实, 驳回 and the major flag. */
export const RoleThatMayAct: Story = {
  render: (): TemplateResult => html`<fg-hazard-ledger hazard-id=${HAZARD.reported} .client=${ledgerClient()}></fg-hazard-ledger>`,
};

/** A role that may not act: a floor captain reads the same hazard and is offered nothing. */
export const RoleThatMayNotAct: Story = {
  render: (): TemplateResult => html`<fg-hazard-ledger hazard-id=${HAZARD.reported} .client=${ledgerClient(captainSession)}></fg-hazard-ledger>`,
};

/** A resident's confidential tip-off as a grid worker sees it: the reporter is hidden (and was never sent). */
export const ConfidentialReporter: Story = {
  render: (): TemplateResult => html`<fg-hazard-ledger hazard-id=${HAZARD.publicTip} .client=${ledgerClient(workerSession)}></fg-hazard-ledger>`,
};

/**
 * A resident's tip-off as the grid supervisor (综治中心 dispatcher) sees it: reported eleven days
 * ago and neither checked nor answered, so 超期未核查 and 超期未答复 with 核查期限 and 答复期限, and
 * 答复举报人 among the actions; 举报奖励 once it is verified.
 */
export const TipOffClocks: Story = {
  render: (): TemplateResult => html`<fg-hazard-ledger hazard-id=${HAZARD.publicTip} .client=${ledgerClient(supervisorSession)}></fg-hazard-ledger>`,
};

/** Found before 2025-11-01, so GB 35181-2017 applies: a direct element suggests flagging a candidate. */
export const MajorSuggestion: Story = {
  render: (): TemplateResult => html`<fg-hazard-ledger hazard-id=${HAZARD.candidate2017} .client=${ledgerClient(fireOfficerSession)}></fg-hazard-ledger>`,
};

/** A client over the seed with one hazard changed (issue 19's stories: a task, its extension, its transfer). */
function seededClient(session: HostSession, hazardId: string, change: (h: HazardInput) => HazardInput): FiregridClient {
  const seed = ledgerSeed();
  const hazards = (seed.hazards ?? []).map((h) => (h.id === hazardId ? change(h) : h));
  return ledgerClient(session, memoryDataPort({ ...seed, hazards }, { tenantId: 'demo', commands: hazardCommands({ actor: session.user }) }));
}

/** The unit that got the task: 签收, 退回 (a mis-dispatched task) and 申请延期 are offered, besides 开始整改. */
export const AssigneeTask: Story = {
  render: (): TemplateResult => html`<fg-hazard-ledger hazard-id=${HAZARD.assigned} .client=${ledgerClient(unitManagerSession)}></fg-hazard-ledger>`,
};

/** The unit asked for more time (申请延期): the supervisor sees what was asked and may 同意延期 or 不同意延期. */
export const ExtensionRequested: Story = {
  render: (): TemplateResult => html`<fg-hazard-ledger hazard-id=${HAZARD.assigned} .client=${seededClient(supervisorSession, HAZARD.assigned, (h) => ({
    ...h, extensionRequest: { deadline: day(30), reason: '干粉灭火器缺货，厂家 3 周后到货', requestedBy: 'u-0001', requestedAt: at(-1) },
  }))}></fg-hazard-ledger>`,
};

/** A verified fire-lane occupation the grid cannot enforce: the supervisor is offered 转办 to a department (plan 二（一）5). */
export const TransferToDepartment: Story = {
  render: (): TemplateResult => html`<fg-hazard-ledger hazard-id=${HAZARD.verified} .client=${ledgerClient()}></fg-hazard-ledger>`,
};

/** Transferred to 城管: the supervisor records the department's answer and its 文号 (部门反馈). */
export const TransferAnswer: Story = {
  render: (): TemplateResult => html`<fg-hazard-ledger hazard-id=${HAZARD.assigned} .client=${seededClient(supervisorSession, HAZARD.assigned, (h) => ({
    ...h, transfer: { department: 'urban-management', reason: '违章搭建需执法拆除', at: at(-2), by: 's-0101' },
    responsible: { unit: '城管', person: '城管' },
  }))}></fg-hazard-ledger>`,
};

/** The property manager's view of the rectification list, in English. */
export const English: Story = {
  render: (): TemplateResult => html`<fg-hazard-ledger locale="en" list="responsibility" .client=${ledgerClient(unitManagerSession)}></fg-hazard-ledger>`,
};

/** Without a client the element says what is missing. */
export const NoClient: Story = {
  render: (): TemplateResult => html`<fg-hazard-ledger></fg-hazard-ledger>`,
};

/**
 * People by name: the history stores the names of those who acted (`byName`), the host's
 * directory names the rest (asked with their ids), and a worker record names the finder.
 */
export const PeopleByName: Story = {
  render: (): TemplateResult => {
    const base = ledgerClient(supervisorSession);
    const client = createFiregridClient({
      host: defineHost({
        session: () => Promise.resolve(supervisorSession),
        data: base.host.data,
        directory: { people: (q) => Promise.resolve((q.ids ?? []).includes('r-0001') ? [{ id: 'r-0001', name: '张先生' }] : []) },
      }),
    });
    return html`<fg-hazard-ledger hazard-id=${HAZARD.verified} .client=${client}></fg-hazard-ledger>`;
  },
};

/**
 * The server fails (503): the person reads what happened and what to do; the method, path and
 * status go to the console and to the `fg-error` event.
 */
export const ServerError: Story = {
  render: (): TemplateResult => {
    const port = memoryDataPort(ledgerSeed(), { tenantId: 'demo' });
    const data: DataPort = {
      ...port,
      list: () => Promise.reject(new FiregridHttpError('network', 'GET /v1/hazards?limit=20&sort=urgency failed (503): Service Unavailable', { status: 503 })),
    };
    return html`<fg-hazard-ledger .client=${ledgerClient(supervisorSession, data)}></fg-hazard-ledger>`;
  },
};

/** The first element matching `sel` under `root`, through open shadow roots. */
function deepFind(root: ParentNode, sel: string): HTMLElement | null {
  const hit = root.querySelector<HTMLElement>(sel);
  if (hit !== null) return hit;
  for (const el of Array.from(root.querySelectorAll('*'))) {
    const inner = el.shadowRoot === null ? null : deepFind(el.shadowRoot, sel);
    if (inner !== null) return inner;
  }
  return null;
}

/**
 * A supervisor verifies a hazard in a basement: the transition is queued on the device (a new
 * outbox each render), and with `refuse` the server refuses it once the network is back.
 */
function offlineVerify(refuse: boolean): TemplateResult {
  const port = memoryDataPort(ledgerSeed(), { tenantId: 'demo', commands: hazardCommands({ actor: supervisorSession.user }) });
  const data: DataPort = {
    ...port,
    command: () => Promise.reject(new FiregridHttpError('rejected', 'POST /v1/commands/hazards.transition failed (422): note: contains a phone number', {
      status: 422, issues: [{ path: 'note', message: '说明中不能写手机号' }],
    })),
  };
  const client = createFiregridClient({
    host: defineHost({ session: () => Promise.resolve(supervisorSession), data: reporterPrivacy(data, supervisorSession.user) }),
    backend: offlineBackend({ prefix: `fg-story-ledger-queued-${newId()}`, autoSync: false, persist: false }),
  });
  return html`<fg-hazard-ledger hazard-id=${HAZARD.reported} .client=${client} ${ref((el) => {
    if (!(el instanceof HTMLElement)) return;
    // Verify once the hazard is open, the way a supervisor would; then (refused) the network comes back.
    const go = async (): Promise<void> => {
      const wait = async (sel: string): Promise<HTMLElement | null> => {
        const find = (): HTMLElement | null => (el.shadowRoot === null ? null : deepFind(el.shadowRoot, sel));
        for (let i = 0; i < 100 && find() === null; i++) await new Promise((r) => setTimeout(r, 20));
        return find();
      };
      (await wait('[data-action="verify"]'))?.click();
      const note = await wait('#t-note') as HTMLTextAreaElement | null;
      if (note === null) return;
      note.value = '现场核实属实，联系人 13912345678';
      note.dispatchEvent(new Event('input', { bubbles: true }));
      (await wait('#t-confirm'))?.click();
      await wait('#d-queued');
      if (refuse) await client.offline?.sync({ force: true });
    };
    void go();
  })}></fg-hazard-ledger>`;
}

/** A transition made offline: 待发送（1）：核实 in the warning tone, with what happens next. */
export const QueuedTransition: Story = {
  render: (): TemplateResult => offlineVerify(false),
};

/**
 * A queued transition the server refused once the network was back: 服务器未接受：核实 with why,
 * the hazard back as it was, and 修改后重新提交.
 */
export const RefusedTransition: Story = {
  render: (): TemplateResult => offlineVerify(true),
};
