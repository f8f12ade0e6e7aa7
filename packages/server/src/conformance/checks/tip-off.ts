/**
 * Checks of a resident's tip-off (issue "The paths grid platforms use"), one per action: the
 * allowed role succeeds, a refused role gets 403, a body without a required field 422 (or 400),
 * and none of the refusals changes the hazard.
 *
 * - `answer-resident` (答复举报人): the main token (grid-supervisor) answers a tip-off, stored as
 *   `publicReply`; the limited token (grid-worker) may not.
 * - `record-reward` (举报奖励): after verification the main token records `reward`; the limited
 *   token may not, and does not see the reward nor its history entry when it reads the hazard
 *   (confidential like the reporter).
 * @module
 */
import { create, expectRecord, get, transition } from '../context.js';
import type { Ctx, Rec } from '../context.js';
import { hazardRecord } from '../fixtures.js';
import { expect } from '../http.js';
import { expectProblem } from '../problem.js';
import { step } from './hazards.js';
import type { Check } from './types.js';

/** The limited token, which the check's `needs` guarantees. */
const limited = (ctx: Ctx): string => {
  if (ctx.tokenLimited === undefined) throw new Error('needs --token-limited');
  return ctx.tokenLimited;
};

/** A resident's confidential tip-off, reported, in the suite's grid. */
const tipOff = (ctx: Ctx, label: string): Promise<Rec> => create(ctx, 'hazards', {
  ...hazardRecord({ title: `一致性测试 ${ctx.tag} ${label}`, gridId: ctx.grid, status: 'reported', category: 'fire-lane-blocked', confidential: true }),
  source: 'public',
});

/** Asserts that a refusal left the hazard as it was. */
async function unchanged(ctx: Ctx, h: Rec, what: string): Promise<void> {
  const stored = expectRecord(await get(ctx, 'hazards', h.id), 'hazards', 200, 'reading it back');
  expect(stored.version === h.version, () => `${what} changed the hazard: v${stored.version}, expected v${h.version}`);
}

const pathsOf = (problem: { errors?: { path: string }[] }): string[] => (problem.errors ?? []).map((e) => e.path);

const answerResident: Check = {
  name: 'transition: answer-resident (答复举报人) — a supervisor answers a tip-off (publicReply); a grid worker may not (403); no note → 422 (limited token)',
  needs: ['tokenLimited'],
  async run(ctx) {
    const h = await tipOff(ctx, '答复举报人');
    const body = { action: 'answer-resident', note: '已责令物业清理消防车通道，感谢您的举报' };
    const role = expectProblem(await transition(ctx, h.id, body, { token: limited(ctx) }), 403, 'answer-resident by a grid worker (grid-supervisor only)');
    const bad = expectProblem(await transition(ctx, h.id, { action: 'answer-resident' }), [400, 422], 'answer-resident without a note');
    expect(pathsOf(bad).includes('note'), () => `errors[] does not name "note"; paths: ${JSON.stringify(pathsOf(bad))}`);
    await unchanged(ctx, h, 'the refused answer-resident');
    const answered = await step(ctx, h, body, 'reported');
    const reply = answered.publicReply as { text?: unknown } | undefined;
    expect(reply?.text === body.note, () => `answer-resident should store the note as publicReply.text; got ${JSON.stringify(answered.publicReply)}`);
    return `answered by a supervisor, status kept; by a grid worker ${role.status}, without a note ${bad.status}`;
  },
};

const recordReward: Check = {
  name: 'transition: record-reward (举报奖励) — a supervisor records the reward after verification; a grid worker may not (403) nor see it; no reward → 422 (limited token)',
  needs: ['tokenLimited'],
  async run(ctx) {
    const h = await step(ctx, await tipOff(ctx, '举报奖励'), { action: 'verify' }, 'verified');
    const body = { action: 'record-reward', reward: { due: true, amount: 200 } };
    const role = expectProblem(await transition(ctx, h.id, body, { token: limited(ctx) }), 403, 'record-reward by a grid worker (grid-supervisor only)');
    const bad = expectProblem(await transition(ctx, h.id, { action: 'record-reward' }), [400, 422], 'record-reward without the reward');
    expect(pathsOf(bad).some((p) => p.startsWith('reward')), () => `errors[] does not name "reward.due"; paths: ${JSON.stringify(pathsOf(bad))}`);
    await unchanged(ctx, h, 'the refused record-reward');
    const rewarded = await step(ctx, h, body, 'verified');
    expect(JSON.stringify(rewarded.reward) === JSON.stringify(body.reward), () => `record-reward should store the reward; got ${JSON.stringify(rewarded.reward)}`);
    const seen = expectRecord(await get(ctx, 'hazards', h.id, limited(ctx)), 'hazards', 200, 'the grid worker reading the rewarded tip-off');
    const entries = (seen.history as { action?: unknown }[] | undefined) ?? [];
    expect(seen.reward === undefined && !entries.some((e) => e.action === 'record-reward'), () =>
      `the reward is confidential like the reporter: a grid worker should see neither reward nor its record-reward entry; got ${JSON.stringify({ reward: seen.reward, history: entries.map((e) => e.action) })}`);
    return `recorded by a supervisor, hidden from a grid worker; by a grid worker ${role.status}, without the reward ${bad.status}`;
  },
};

/** Checks of a resident's tip-off, in the order they run. */
export const TIP_OFF_CHECKS: readonly Check[] = [answerResident, recordReward];
