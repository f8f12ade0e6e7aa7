/**
 * Checks of the assignee's and the dispatcher's actions (issue "The paths grid platforms use",
 * item 1), one per action: the allowed role (or the assignee) succeeds, a refused role gets 403, a
 * body without a required field 422 (or 400) where the action needs one, and no refusal changes
 * the hazard.
 *
 * The main token (grid-supervisor, fire-officer, grid-worker) assigns each task to its own user
 * (`responsible.personId`, read from the `by` of its `verify`), so it runs the assignee's actions
 * (`accept`, `return`, `request-extension`) as the assignee; the limited token (a grid worker who
 * is not the assignee) may not. The supervisor's actions (`approve-extension`, `refuse-extension`,
 * `transfer`, `answer-transfer`) are refused to the limited token; `escalate` to the government.
 * @module
 */
import { create, expectPage, expectRecord, get, list, transition } from '../context.js';
import type { Ctx, Rec } from '../context.js';
import { cstDate, hazardRecord } from '../fixtures.js';
import { expect } from '../http.js';
import { expectProblem } from '../problem.js';
import { step } from './hazards.js';
import type { Check } from './types.js';

const tokenOf = (ctx: Ctx, which: 'tokenLimited' | 'tokenGovernment'): string => {
  const token = ctx[which];
  if (token === undefined) throw new Error(`needs --${which === 'tokenLimited' ? 'token-limited' : 'token-government'}`);
  return token;
};

async function unchanged(ctx: Ctx, h: Rec, what: string): Promise<void> {
  const stored = expectRecord(await get(ctx, 'hazards', h.id), 'hazards', 200, 'reading it back');
  expect(stored.version === h.version, () => `${what} changed the hazard: v${stored.version}, expected v${h.version}`);
}

/** The hazard verified by the main token, and its user id (the `by` of the verify). */
async function verified(ctx: Ctx, label: string): Promise<{ hazard: Rec; me: string }> {
  const open = await create(ctx, 'hazards', hazardRecord({ title: `一致性测试 ${ctx.tag} ${label}`, gridId: ctx.grid, status: 'reported' }));
  const hazard = await step(ctx, open, { action: 'verify' }, 'verified');
  const by = (hazard.history as Record<string, unknown>[]).at(-1)?.by;
  const me = typeof by === 'string' ? by : '';
  return { hazard, me };
}

/** A task assigned by the main token to its own user. */
async function assignedToMe(ctx: Ctx, label: string): Promise<{ hazard: Rec; me: string }> {
  const { hazard: v, me } = await verified(ctx, label);
  const hazard = await step(ctx, v, {
    action: 'assign', responsible: { unit: '一致性测试物业', person: '承办人', personId: me }, deadline: cstDate(ctx.now(), 5), measures: '清理通道',
  }, 'assigned');
  const responsible = hazard.responsible as Record<string, unknown> | undefined;
  expect(responsible?.personId === me, () => `assign should store responsible.personId; got ${JSON.stringify(responsible)}`);
  return { hazard, me };
}

/** Refused to `token` with 403, the hazard unchanged. */
async function forbidden(ctx: Ctx, h: Rec, body: Record<string, unknown>, token: string, who: string): Promise<number> {
  const p = expectProblem(await transition(ctx, h.id, body, { token }), 403, `${String(body.action)} by ${who}`);
  await unchanged(ctx, h, `the refused ${String(body.action)}`);
  return p.status;
}

/** Refused for a missing field with 422 (or 400) naming it. */
async function missing(ctx: Ctx, h: Rec, body: Record<string, unknown>, field: string): Promise<number> {
  const p = expectProblem(await transition(ctx, h.id, body, {}), [400, 422], `${String(body.action)} without ${field}`);
  const paths = (p.errors ?? []).map((e) => e.path);
  expect(paths.includes(field), () => `errors[] does not name "${field}"; paths: ${JSON.stringify(paths)}`);
  await unchanged(ctx, h, `the refused ${String(body.action)}`);
  return p.status;
}

const accept: Check = {
  name: 'transition: accept (签收) — the assignee (responsible.personId) acknowledges; another grid worker may not (403); assignee=me lists it (limited token)',
  needs: ['tokenLimited'],
  async run(ctx) {
    const { hazard } = await assignedToMe(ctx, '签收');
    const role = await forbidden(ctx, hazard, { action: 'accept' }, tokenOf(ctx, 'tokenLimited'), 'a grid worker who is not the assignee');
    const done = await step(ctx, hazard, { action: 'accept' }, 'assigned');
    expect(typeof done.acceptedAt === 'string', () => `accept should set acceptedAt; got ${JSON.stringify(done.acceptedAt)}`);
    const mine = expectPage(await list(ctx, 'hazards', { assignee: 'me', limit: 500 }), 'hazards', 'GET /v1/hazards?assignee=me');
    expect(mine.items.some((x) => x.id === hazard.id), () => 'GET /v1/hazards?assignee=me does not list the task assigned to the caller');
    const theirs = expectPage(await list(ctx, 'hazards', { assignee: 'me', limit: 500 }, tokenOf(ctx, 'tokenLimited')), 'hazards',
      'GET /v1/hazards?assignee=me (limited token)');
    expect(!theirs.items.some((x) => x.id === hazard.id), () => 'GET /v1/hazards?assignee=me lists another user\'s task');
    return `acceptedAt set by the assignee; by another grid worker ${role}; assignee=me lists it`;
  },
};

const giveBack: Check = {
  name: 'transition: return (退回) — the assignee sends a task back to verified without responsible; another grid worker may not (403); no reason → 422 (limited token)',
  needs: ['tokenLimited'],
  async run(ctx) {
    const { hazard } = await assignedToMe(ctx, '退回');
    const role = await forbidden(ctx, hazard, { action: 'return', reason: '非本单位' }, tokenOf(ctx, 'tokenLimited'), 'a grid worker who is not the assignee');
    const bad = await missing(ctx, hazard, { action: 'return' }, 'reason');
    const back = await step(ctx, hazard, { action: 'return', reason: '该通道不属本单位管理' }, 'verified');
    expect(back.responsible === undefined, () => `return should clear responsible; got ${JSON.stringify(back.responsible)}`);
    return `assigned → verified; by another grid worker ${role}, without reason ${bad}`;
  },
};

/** A task with an extension asked for by its assignee (the main token). */
async function asked(ctx: Ctx, label: string): Promise<Rec> {
  const { hazard } = await assignedToMe(ctx, label);
  return step(ctx, hazard, { action: 'request-extension', deadline: cstDate(ctx.now(), 20), reason: '需协调车主' }, 'assigned');
}

const requestExtension: Check = {
  name: 'transition: request-extension (申请延期) — the assignee asks, the deadline stays; another grid worker may not (403); no deadline → 422 (limited token)',
  needs: ['tokenLimited'],
  async run(ctx) {
    const { hazard } = await assignedToMe(ctx, '申请延期');
    const body = { action: 'request-extension', deadline: cstDate(ctx.now(), 20), reason: '需协调车主' };
    const role = await forbidden(ctx, hazard, body, tokenOf(ctx, 'tokenLimited'), 'a grid worker who is not the assignee');
    const bad = await missing(ctx, hazard, { action: 'request-extension', reason: '需协调车主' }, 'deadline');
    const done = await step(ctx, hazard, body, 'assigned');
    const request = done.extensionRequest as Record<string, unknown> | undefined;
    expect(request?.deadline === body.deadline && done.deadline === hazard.deadline, () =>
      `request-extension should record extensionRequest and keep the deadline; got ${JSON.stringify({ deadline: done.deadline, extensionRequest: request })}`);
    return `extensionRequest recorded; by another grid worker ${role}, without deadline ${bad}`;
  },
};

const approveExtension: Check = {
  name: 'transition: approve-extension (同意延期) — a supervisor moves the deadline to the one asked; a grid worker may not (403); no note → 422 (limited token)',
  needs: ['tokenLimited'],
  async run(ctx) {
    const h = await asked(ctx, '同意延期');
    const role = await forbidden(ctx, h, { action: 'approve-extension', note: '同意' }, tokenOf(ctx, 'tokenLimited'), 'a grid worker');
    const bad = await missing(ctx, h, { action: 'approve-extension' }, 'note');
    const done = await step(ctx, h, { action: 'approve-extension', note: '同意延期' }, 'assigned');
    const request = done.extensionRequest as Record<string, unknown> | undefined;
    expect(done.deadline === request?.deadline && request?.decision === 'approved', () =>
      `approve-extension should move the deadline and record the decision; got ${JSON.stringify({ deadline: done.deadline, extensionRequest: request })}`);
    return `deadline moved; by a grid worker ${role}, without note ${bad}`;
  },
};

const refuseExtension: Check = {
  name: 'transition: refuse-extension (不同意延期) — a supervisor keeps the deadline; a grid worker may not (403) (limited token)',
  needs: ['tokenLimited'],
  async run(ctx) {
    const h = await asked(ctx, '不同意延期');
    const role = await forbidden(ctx, h, { action: 'refuse-extension', note: '不同意' }, tokenOf(ctx, 'tokenLimited'), 'a grid worker');
    const done = await step(ctx, h, { action: 'refuse-extension', note: '须按期完成' }, 'assigned');
    const request = done.extensionRequest as Record<string, unknown> | undefined;
    expect(done.deadline === h.deadline && request?.decision === 'refused', () =>
      `refuse-extension should keep the deadline and record the decision; got ${JSON.stringify({ deadline: done.deadline, extensionRequest: request })}`);
    return `deadline kept; by a grid worker ${role}`;
  },
};

const transfer: Check = {
  name: 'transition: transfer (转办) — a supervisor transfers to a department (fire-rescue), which becomes responsible.unit; a grid worker may not (403); no department → 422 (limited token)',
  needs: ['tokenLimited'],
  async run(ctx) {
    const { hazard } = await verified(ctx, '转办');
    const body = { action: 'transfer', department: 'fire-rescue', reason: '堵塞疏散通道需执法', deadline: cstDate(ctx.now(), 10) };
    const role = await forbidden(ctx, hazard, body, tokenOf(ctx, 'tokenLimited'), 'a grid worker');
    const bad = await missing(ctx, hazard, { action: 'transfer', reason: body.reason, deadline: body.deadline }, 'department');
    const done = await step(ctx, hazard, body, 'assigned');
    const t = done.transfer as Record<string, unknown> | undefined;
    expect(t?.department === 'fire-rescue' && typeof (done.responsible as Record<string, unknown> | undefined)?.unit === 'string', () =>
      `transfer should record transfer.department and a responsible unit; got ${JSON.stringify({ transfer: t, responsible: done.responsible })}`);
    return `verified → assigned to the department; by a grid worker ${role}, without department ${bad}`;
  },
};

const answerTransfer: Check = {
  name: 'transition: answer-transfer (部门反馈) — a supervisor records the department\'s answer and document number; a grid worker may not (403) (limited token)',
  needs: ['tokenLimited'],
  async run(ctx) {
    const { hazard } = await verified(ctx, '部门反馈');
    const sent = await step(ctx, hazard, { action: 'transfer', department: 'urban-management', reason: '需执法', deadline: cstDate(ctx.now(), 10) }, 'assigned');
    const body = { action: 'answer-transfer', note: '已责令改正', documentNumber: '一致性〔2025〕1号' };
    const role = await forbidden(ctx, sent, body, tokenOf(ctx, 'tokenLimited'), 'a grid worker');
    const done = await step(ctx, sent, body, 'assigned');
    const answer = (done.transfer as { answer?: Record<string, unknown> } | undefined)?.answer;
    expect(answer?.documentNumber === body.documentNumber, () => `answer-transfer should record transfer.answer; got ${JSON.stringify(done.transfer)}`);
    return `transfer.answer recorded; by a grid worker ${role}`;
  },
};

const escalate: Check = {
  name: 'transition: escalate (上报上级) — a grid worker moves the tier up (community); the government may not (403); no reason → 422 (limited and government tokens)',
  needs: ['tokenLimited', 'tokenGovernment'],
  async run(ctx) {
    const open = await create(ctx, 'hazards', hazardRecord({ title: `一致性测试 ${ctx.tag} 上报上级`, gridId: ctx.grid, status: 'reported' }));
    const role = await forbidden(ctx, open, { action: 'escalate', reason: '拒不整改' }, tokenOf(ctx, 'tokenGovernment'), 'the government');
    const bad = await missing(ctx, open, { action: 'escalate' }, 'reason');
    const done = await step(ctx, open, { action: 'escalate', reason: '拒不整改' }, 'reported', tokenOf(ctx, 'tokenLimited'));
    expect(done.tier === 'community', () => `escalate should move the tier from the grid to community; got ${JSON.stringify(done.tier)}`);
    return `tier community by a grid worker; by the government ${role}, without reason ${bad}`;
  },
};

/** Checks of the assignee's and the dispatcher's actions, in the order they run. */
export const ASSIGNEE_CHECKS: readonly Check[] = [accept, giveBack, requestExtension, approveExtension, refuseExtension, transfer, answerTransfer, escalate];
