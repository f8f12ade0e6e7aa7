/**
 * Checks of the hazard lifecycle over HTTP: status only through transitions, a transition's
 * answer and history, replays, refusals, the whole closed loop 上报→核实→交办→整改→复查→销号
 * (the grid worker of the limited token reports the rectification, the main token reviews it), and
 * who may review: never whoever reported the rectification, and for a major hazard only a fire
 * officer.
 * @module
 */
import { newId } from '@firegrid/core';
import { create, expectRecord, get, put, transition } from '../context.js';
import type { Ctx, Rec } from '../context.js';
import { cstDate, hazardRecord } from '../fixtures.js';
import { CheckFailure, described, expect, preview } from '../http.js';
import { expectProblem } from '../problem.js';
import { uploadPhoto } from './media.js';
import type { Check } from './types.js';

interface HistoryEntry { action?: unknown; from?: unknown; to?: unknown; by?: unknown; at?: unknown }

const historyOf = (h: Rec): HistoryEntry[] => (Array.isArray(h.history) ? h.history as HistoryEntry[] : []);

/** A new hazard in the run's grid. */
function newHazard(ctx: Ctx, label: string, status: 'draft' | 'reported'): Promise<Rec> {
  return create(ctx, 'hazards', hazardRecord({ title: `一致性测试 ${ctx.tag} ${label}`, gridId: ctx.grid, status }));
}

/**
 * Runs one action with the main token and checks the answer: 200, the hazard in `to`, one more
 * version and one more history entry naming the action.
 */
export async function step(ctx: Ctx, hazard: Rec, body: Record<string, unknown>, to: string, token: string = ctx.token): Promise<Rec> {
  const action = String(body.action);
  const reply = await transition(ctx, hazard.id, body, { token });
  if (reply.status === 403) {
    throw new CheckFailure(`the token may not run "${action}" (${described(reply)}); the main token needs the roles of the default matrix (grid-supervisor, fire-officer, grid-worker), the limited one grid-worker: ${preview(reply)}`);
  }
  const after = expectRecord(reply, 'hazards', 200, `the transition "${action}"`);
  expect(after.status === to, () => `after "${action}" the hazard is ${String(after.status)}, expected ${to}`);
  expect(after.version === hazard.version + 1, () => `"${action}" returned version ${after.version}, expected ${hazard.version + 1}`);
  const history = historyOf(after);
  const last = history[history.length - 1];
  expect(history.length === historyOf(hazard).length + 1 && last?.action === action, () =>
    `after "${action}" the history should end with one new entry for it; it has ${history.length} entries, the last ${JSON.stringify(last)}`);
  expect(last.from === hazard.status && last.to === to && typeof last.by === 'string' && last.by !== '' && typeof last.at === 'string', () =>
    `the history entry of "${action}" should say from ${String(hazard.status)}, to ${to}, by whom and when; got ${JSON.stringify(last)}`);
  return after;
}

const createdStatus: Check = {
  name: 'hazard status: created only as draft or reported',
  async run(ctx) {
    const hazard = { ...hazardRecord({ title: `一致性测试 ${ctx.tag} 直接销号`, gridId: ctx.grid }), status: 'closed' };
    const problem = expectProblem(await put(ctx, 'hazards', hazard), [400, 403, 409, 422], 'PUT of a new hazard with status closed');
    const stored = await get(ctx, 'hazards', hazard.id);
    expect(stored.status === 404, () => `the refused hazard was stored anyway (${described(stored)})`);
    await newHazard(ctx, '草稿', 'draft');
    return `closed refused with ${problem.status}; draft and reported accepted`;
  },
};

const putKeepsStatus: Check = {
  name: 'hazard status: PUT does not change it',
  async run(ctx) {
    const hazard = await newHazard(ctx, '状态不变', 'reported');
    const reply = await put(ctx, 'hazards', { ...hazard, status: 'verified' }, { ifMatch: hazard.version });
    let outcome: string;
    if (reply.status === 200) {
      const saved = expectRecord(reply, 'hazards', 200, 'a PUT with another status');
      expect(saved.status === 'reported', () => `a PUT changed the status to ${String(saved.status)}; statuses change only through transitions`);
      outcome = 'status ignored';
    } else {
      const problem = expectProblem(reply, [400, 403, 409, 422], 'a PUT that changes the status');
      outcome = `refused with ${problem.status}`;
    }
    const stored = expectRecord(await get(ctx, 'hazards', hazard.id), 'hazards', 200, 'reading it back');
    expect(stored.status === 'reported', () => `the hazard is now ${String(stored.status)}, expected reported`);
    return outcome;
  },
};

const submit: Check = {
  name: 'transition: submit → reported, version and history',
  async run(ctx) {
    const draft = await newHazard(ctx, '提交', 'draft');
    const after = await step(ctx, draft, { action: 'submit' }, 'reported');
    const stored = expectRecord(await get(ctx, 'hazards', draft.id), 'hazards', 200, 'reading it back');
    expect(stored.status === 'reported' && stored.version === after.version, () => `GET shows ${String(stored.status)} v${stored.version}`);
    return `draft v1 → reported v${after.version}`;
  },
};

const transitionReplay: Check = {
  name: 'transition: replay → same answer; other body → 422',
  async run(ctx) {
    const draft = await newHazard(ctx, '重放提交', 'draft');
    const key = newId();
    const first = await transition(ctx, draft.id, { action: 'submit', note: 'first' }, { key });
    const after = expectRecord(first, 'hazards', 200, 'the first submit');
    const again = await transition(ctx, draft.id, { action: 'submit', note: 'first' }, { key });
    expect(again.status === first.status && JSON.stringify(again.json) === JSON.stringify(first.json), () =>
      `the replayed transition answered ${described(again)} with another body: ${preview(again)}`);
    expectProblem(await transition(ctx, draft.id, { action: 'submit', note: 'other' }, { key }), 422, 'the same key with another transition body');
    const stored = expectRecord(await get(ctx, 'hazards', draft.id), 'hazards', 200, 'reading it back');
    expect(stored.version === after.version && historyOf(stored).length === historyOf(after).length, () =>
      `the replay ran the action again: version ${stored.version}, ${historyOf(stored).length} history entries`);
    return 'replayed without a second history entry';
  },
};

const wrongStatus: Check = {
  name: 'transition: not allowed from the status → 409 (or 422) problem',
  async run(ctx) {
    const draft = await newHazard(ctx, '越级核实', 'draft');
    const problem = expectProblem(await transition(ctx, draft.id, { action: 'verify' }), [409, 422], 'verify of a draft (allowed only from reported)');
    const stored = expectRecord(await get(ctx, 'hazards', draft.id), 'hazards', 200, 'reading it back');
    expect(stored.status === 'draft' && stored.version === 1, () => `the refused action changed the hazard: ${String(stored.status)} v${stored.version}`);
    return `refused with ${problem.status}`;
  },
};

const missingField: Check = {
  name: 'transition: a required field missing → 400 or 422 with its path',
  async run(ctx) {
    const reported = await newHazard(ctx, '驳回无理由', 'reported');
    const problem = expectProblem(await transition(ctx, reported.id, { action: 'reject' }), [400, 422], 'reject without a reason');
    const paths = (problem.errors ?? []).map((e) => e.path);
    expect(paths.some((p) => p.includes('reason')), () => `errors[] does not name "reason"; paths: ${JSON.stringify(paths)}`);
    const stored = expectRecord(await get(ctx, 'hazards', reported.id), 'hazards', 200, 'reading it back');
    expect(stored.status === 'reported', () => `the refused reject changed the status to ${String(stored.status)}`);
    return `refused with ${problem.status}, path ${paths.join(', ')}`;
  },
};

/** The limited token; the check's `needs` guarantees it is there. */
const limitedOf = (ctx: Ctx): string => {
  if (ctx.tokenLimited === undefined) throw new Error('needs --token-limited');
  return ctx.tokenLimited;
};

/** Takes a reported hazard to awaiting-review, the rectification reported with `reporter`. */
async function toReview(ctx: Ctx, h: Rec, reporter: string, major: boolean): Promise<Rec> {
  const now = ctx.now();
  h = await step(ctx, h, { action: 'verify' }, 'verified');
  if (major) {
    h = await step(ctx, h, { action: 'flag-major', note: '人员密集场所安全出口堵塞' }, 'verified');
    h = await step(ctx, h, { action: 'confirm-major', note: '经三人集体讨论，依 GB 35181 判定为重大火灾隐患' }, 'verified');
    expect(h.severity === 'major', () => `after confirm-major the severity is ${String(h.severity)}, expected major`);
  }
  h = await step(ctx, h, {
    action: 'assign', deadline: cstDate(now, 14), measures: '清理安全出口', responsible: { unit: '一致性测试物业', person: '王五' },
  }, 'assigned');
  h = await step(ctx, h, { action: 'start' }, 'rectifying');
  const photo = await uploadPhoto(ctx, reporter);
  return step(ctx, h, { action: 'report-rectified', note: '已整改', evidence: [photo.id] }, 'awaiting-review', reporter);
}

/** Asserts that a refused review left the hazard as it was. */
async function unchanged(ctx: Ctx, h: Rec, what: string): Promise<void> {
  const stored = expectRecord(await get(ctx, 'hazards', h.id), 'hazards', 200, 'reading it back');
  expect(stored.status === 'awaiting-review' && stored.version === h.version, () =>
    `${what} changed the hazard: ${String(stored.status)} v${stored.version}, expected awaiting-review v${h.version}`);
}

const reviewDuties: Check = {
  name: 'transition: no self-review; a grid worker may not pass a major hazard\'s review → 403 (limited token)',
  needs: ['tokenLimited'],
  async run(ctx) {
    const self = await toReview(ctx, await newHazard(ctx, '自查自改', 'reported'), ctx.token, false);
    const own = expectProblem(await transition(ctx, self.id, { action: 'review-pass', note: '复查合格' }), 403,
      'review-pass by whoever reported the rectification (separation of duties)');
    await unchanged(ctx, self, 'the refused self-review');
    const major = await toReview(ctx, await newHazard(ctx, '重大隐患复查', 'reported'), ctx.token, true);
    const worker = expectProblem(await transition(ctx, major.id, { action: 'review-pass', note: '复查合格' }, { token: limitedOf(ctx) }), 403,
      'review-pass of a major hazard by a grid worker (the review of a major hazard is a fire officer\'s)');
    await unchanged(ctx, major, 'the grid worker\'s review of a major hazard');
    return `self-review refused with ${own.status}, a grid worker's review of a major hazard with ${worker.status}`;
  },
};

const closedLoop: Check = {
  name: 'transition: the closed loop draft → closed (limited token reports the rectification)',
  needs: ['tokenLimited'],
  async run(ctx) {
    const now = ctx.now();
    let h = await newHazard(ctx, '闭环', 'draft');
    h = await step(ctx, h, { action: 'submit' }, 'reported');
    h = await step(ctx, h, { action: 'verify' }, 'verified');
    h = await step(ctx, h, {
      action: 'assign', deadline: cstDate(now, 14), measures: '清理楼道杂物，张贴警示标识',
      responsible: { unit: '一致性测试物业', person: '王五', phone: '13900000000' },
    }, 'assigned');
    expect(typeof h.responsible === 'object' && h.deadline === cstDate(now, 14) && typeof h.measures === 'string', () =>
      `"assign" should store responsible, deadline and measures; got ${JSON.stringify({ responsible: h.responsible, deadline: h.deadline, measures: h.measures })}`);
    h = await step(ctx, h, { action: 'start' }, 'rectifying');
    const photo = await uploadPhoto(ctx, limitedOf(ctx));
    // Whoever reports the rectification may not review it: the grid worker reports, the main token reviews.
    h = await step(ctx, h, { action: 'report-rectified', note: '杂物已清理', evidence: [photo.id] }, 'awaiting-review', limitedOf(ctx));
    h = await step(ctx, h, { action: 'review-pass', note: '复查合格' }, 'closed');
    return `7 versions, ${historyOf(h).length} history entries`;
  },
};

/** The listing authority's token; the check's `needs` guarantees it is there. */
const governmentOf = (ctx: Ctx): string => {
  if (ctx.tokenGovernment === undefined) throw new Error('needs --token-government');
  return ctx.tokenGovernment;
};

const supervisionToLift: Check = {
  name: 'transition: 挂牌督办 from request to 摘牌 — a fire officer requests, the government lists and lifts; a passed review keeps it open (government token)',
  needs: ['tokenLimited', 'tokenGovernment'],
  async run(ctx) {
    const government = governmentOf(ctx);
    const supervision = (h: Rec): Record<string, unknown> =>
      (typeof h.supervision === 'object' && h.supervision !== null ? h.supervision : {}) as Record<string, unknown>;
    let h = await step(ctx, await newHazard(ctx, '挂牌督办', 'reported'), { action: 'verify' }, 'verified');
    h = await step(ctx, h, {
      action: 'supervise', supervision: { level: 'county', deadline: cstDate(ctx.now(), 30), authority: '一致性测试县人民政府' },
    }, 'verified');
    expect(supervision(h).requestedAt !== undefined && supervision(h).listedAt === undefined, () =>
      `a fire officer's supervise should record a request (requestedAt, no listedAt); got ${JSON.stringify(h.supervision)}`);
    h = await step(ctx, h, { action: 'supervise', supervision: {} }, 'verified', government);
    expect(supervision(h).listedAt !== undefined && supervision(h).level === 'county', () =>
      `the government's supervise should list the requested hazard (listedAt, the request's level); got ${JSON.stringify(h.supervision)}`);
    h = await step(ctx, h, {
      action: 'assign', deadline: cstDate(ctx.now(), 14), measures: '清理安全出口', responsible: { unit: '一致性测试物业', person: '王五' },
    }, 'assigned');
    h = await step(ctx, h, { action: 'start' }, 'rectifying');
    const photo = await uploadPhoto(ctx, limitedOf(ctx));
    h = await step(ctx, h, { action: 'report-rectified', note: '已整改', evidence: [photo.id] }, 'awaiting-review', limitedOf(ctx));
    // The fire officer's passed review is recorded; the hazard waits for 摘牌.
    h = await step(ctx, h, { action: 'review-pass', note: '复查合格' }, 'awaiting-review');
    const refused = expectProblem(await transition(ctx, h.id, { action: 'lift', note: '摘牌' }), 403,
      'lift by a token without the listing authority\'s role');
    await unchanged(ctx, h, 'the refused lift');
    h = await step(ctx, h, { action: 'lift', note: '复查合格，予以摘牌销案' }, 'closed', government);
    expect(supervision(h).liftedAt !== undefined, () => `after lift the supervision should carry liftedAt; got ${JSON.stringify(h.supervision)}`);
    return `requested, listed, reviewed, lift by another role refused with ${refused.status}, lifted and closed`;
  },
};

/** Checks of the hazard lifecycle, in the order they run. */
export const HAZARD_CHECKS: readonly Check[] = [
  createdStatus, putKeepsStatus, submit, transitionReplay, wrongStatus, missingField, closedLoop, reviewDuties, supervisionToLift,
];
