import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import type { TemplateResult } from 'lit';
import { HAZARD_ACTION_LABELS, createLifecycle, hazardCommands, memoryDataPort } from '@firegrid/core';
import type { HazardAction, HazardInput, HostSession, MemorySeed } from '@firegrid/core';
import '@firegrid/elements/hazard-ledger/define';
import {
  HAZARD, captainSession, fireOfficerSession, governmentSession, ledgerClient, ledgerSeed, supervisorSession, unitManagerSession, workerSession,
} from './hazard-ledger.stories.js';

const DAY = 86_400_000;
const at = (offset: number): string => new Date(Date.now() + offset * DAY).toISOString();

/**
 * Hazards the ledger's own stories do not have: a major candidate, one fixed on the spot yesterday
 * (reopen), a task whose assignee asked for more time and which was transferred to 城管 (the
 * supervisor decides the extension, records the department's answer), and a resident's verified
 * tip-off (举报奖励).
 */
const EXTRA = {
  candidate: '019a4b2c-0000-7000-8000-000000000190', closedYesterday: '019a4b2c-0000-7000-8000-000000000191',
  extensionAsked: '019a4b2c-0000-7000-8000-000000000192', tipOffVerified: '019a4b2c-0000-7000-8000-000000000193',
} as const;

/** The ledger's seed and the two extra hazards. */
export function actionsSeed(): MemorySeed {
  const seed = ledgerSeed();
  const base: HazardInput = {
    id: '', category: 'other', title: '', description: '', photos: [], source: 'worker', severity: 'general', status: 'reported', gridId: '140106001001',
    reporter: { kind: 'grid-worker', personId: 'w-0101', confidential: false }, placeId: '019a4b2c-0000-7000-8000-000000000001',
  };
  const extra: HazardInput[] = [
    {
      ...base, id: EXTRA.candidate, status: 'verified', severity: 'major-candidate', category: 'alarm-sprinkler', title: '宾馆火灾自动报警系统多处故障（疑似重大）',
      history: [{ at: at(-2), by: 'w-0101', action: 'flag-major', from: 'verified', to: 'verified', note: '人员密集场所报警系统失效' }],
    },
    {
      ...base, id: EXTRA.closedYesterday, status: 'closed', category: 'exit-blocked', title: '楼道杂物当场清理（当场整改）',
      history: [{ at: at(-1), by: 'w-0101', action: 'fix-on-spot', from: 'reported', to: 'closed', note: '当场督促住户清理' }],
    },
    {
      ...base, id: EXTRA.extensionAsked, status: 'assigned', category: 'fire-lane-blocked', title: '小区北门消防车通道被私家车长期占用',
      deadline: at(3).slice(0, 10), measures: '劝离车辆，施划禁停标线',
      responsible: { unit: '城管', person: '城管执法中队' },
      transfer: { department: 'urban-management', reason: '占用消防车通道，需执法', at: at(-4), by: 's-0101' },
      extensionRequest: { deadline: at(20).slice(0, 10), reason: '标线施工需等待晴天', requestedBy: 'u-0001', requestedAt: at(-1) },
    },
    {
      ...base, id: EXTRA.tipOffVerified, status: 'verified', category: 'ebike-indoor', title: '地下室有人给电动车充电', source: 'public',
      address: '桥东小区 5 号楼地下室', reporter: { kind: 'resident', personId: 'r-0002', contact: '李女士 13900001234', confidential: true },
    },
  ];
  return { ...seed, hazards: [...(seed.hazards ?? []), ...extra] };
}

/** Who may open which hazard, in the order a reader expects (the role that usually runs it first). */
const SESSIONS: readonly HostSession[] = [supervisorSession, workerSession, unitManagerSession, fireOfficerSession, governmentSession];
const lifecycle = createLifecycle();

/**
 * The first hazard of the seed and the first role that may run `action` on it under the default
 * role matrix (DESIGN §9), as the ledger's detail decides what to offer.
 */
export function actionCase(action: HazardAction): { hazardId: string; session: HostSession } | undefined {
  const hazards = (actionsSeed().hazards ?? []).map((h) => ({ ...h, history: h.history ?? [] }));
  for (const session of SESSIONS) {
    for (const h of hazards) {
      if (lifecycle.allowedActions(h, session.user).includes(action)) return { hazardId: h.id, session };
    }
  }
  return undefined;
}

/** A client of `session` over the seed with the extra hazards, running the core lifecycle. */
const clientOf = (session: HostSession) =>
  ledgerClient(session, memoryDataPort(actionsSeed(), { tenantId: 'demo', commands: hazardCommands({ actor: session.user }) }));

/** The ledger opened at the hazard of `action`'s case, as its role: the detail offers the action. */
function actionStory(action: HazardAction): Story {
  return {
    name: `${HAZARD_ACTION_LABELS[action]['zh-CN']} (${action})`,
    render: (): TemplateResult => {
      const c = actionCase(action);
      if (c === undefined) return html`<p>没有可以执行“${HAZARD_ACTION_LABELS[action]['zh-CN']}”的隐患和角色。</p>`;
      return html`<fg-hazard-ledger hazard-id=${c.hazardId} .client=${clientOf(c.session)}></fg-hazard-ledger>`;
    },
  };
}

const meta: Meta = {
  // No `component`: the element's story file is hazard-ledger.stories.ts (the gates' inventory), whose docs page documents it.
  title: 'Elements/fg-hazard-ledger/Actions',
  excludeStories: ['actionsSeed', 'actionCase'],
  parameters: {
    docs: {
      description: {
        component: 'One story per hazard action (DESIGN §9), each opened as a role the default matrix allows to run it, and one where the viewer may run none.',
      },
    },
  },
};
export default meta;

type Story = StoryObj;

export const Submit: Story = actionStory('submit');
export const FixOnSpot: Story = actionStory('fix-on-spot');
export const Verify: Story = actionStory('verify');
export const Reject: Story = actionStory('reject');
export const Assign: Story = actionStory('assign');
export const Start: Story = actionStory('start');
export const ReportRectified: Story = actionStory('report-rectified');
export const ReviewPass: Story = actionStory('review-pass');
export const ReviewFail: Story = actionStory('review-fail');
export const Reopen: Story = actionStory('reopen');
export const ExtendDeadline: Story = actionStory('extend-deadline');
export const FlagMajor: Story = actionStory('flag-major');
export const ConfirmMajor: Story = actionStory('confirm-major');
export const DismissMajor: Story = actionStory('dismiss-major');
export const Supervise: Story = actionStory('supervise');
export const Lift: Story = actionStory('lift');
export const Accept: Story = actionStory('accept');
export const Return: Story = actionStory('return');
export const RequestExtension: Story = actionStory('request-extension');
export const ApproveExtension: Story = actionStory('approve-extension');
export const RefuseExtension: Story = actionStory('refuse-extension');
export const Transfer: Story = actionStory('transfer');
export const AnswerTransfer: Story = actionStory('answer-transfer');
export const Escalate: Story = actionStory('escalate');
export const AnswerResident: Story = actionStory('answer-resident');
export const RecordReward: Story = actionStory('record-reward');

/** A floor captain (楼长) reads a reported hazard: his role may run none of the actions. */
export const NoneAllowed: Story = {
  name: '无可执行操作 (captain)',
  render: (): TemplateResult => html`<fg-hazard-ledger hazard-id=${HAZARD.reported} .client=${clientOf(captainSession)}></fg-hazard-ledger>`,
};
