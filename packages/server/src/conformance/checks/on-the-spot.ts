/**
 * Checks of the paths grid platforms use (issue "The paths grid platforms use"), one per action:
 * the allowed role succeeds, a refused role gets 403, a body without a required field 422 (or 400),
 * and none of the refusals changes the hazard.
 *
 * - `fix-on-spot` (当场整改): draft or reported → closed in one step, with photos before and after
 *   and a note; the limited token (grid-worker) runs it, the government token may not.
 * - `reopen` (复核不合格): a hazard closed by `fix-on-spot` back to rectifying, with note,
 *   responsible, deadline and measures; the main token (grid-supervisor) runs it, the limited
 *   token (grid-worker) may not.
 * @module
 */
import { create, expectRecord, get, transition } from '../context.js';
import type { Ctx, Rec } from '../context.js';
import { cstDate, hazardRecord } from '../fixtures.js';
import { expect } from '../http.js';
import { expectProblem } from '../problem.js';
import { step } from './hazards.js';
import { uploadPhoto } from './media.js';
import type { Check } from './types.js';

/** A token the check's `needs` guarantees. */
const tokenOf = (ctx: Ctx, which: 'tokenLimited' | 'tokenGovernment'): string => {
  const token = ctx[which];
  if (token === undefined) throw new Error(`needs --${which === 'tokenLimited' ? 'token-limited' : 'token-government'}`);
  return token;
};

/** Asserts that a refusal left the hazard as it was. */
async function unchanged(ctx: Ctx, h: Rec, what: string): Promise<void> {
  const stored = expectRecord(await get(ctx, 'hazards', h.id), 'hazards', 200, 'reading it back');
  expect(stored.status === h.status && stored.version === h.version, () =>
    `${what} changed the hazard: ${String(stored.status)} v${stored.version}, expected ${String(h.status)} v${h.version}`);
}

/** Fixes a new hazard on the spot with the limited token (a grid worker): the hazard, closed. */
async function fixedOnSpot(ctx: Ctx, label: string, status: 'draft' | 'reported'): Promise<{ open: Rec; closed: Rec }> {
  const worker = tokenOf(ctx, 'tokenLimited');
  const open = await create(ctx, 'hazards', hazardRecord({ title: `一致性测试 ${ctx.tag} ${label}`, gridId: ctx.grid, status }));
  const before = await uploadPhoto(ctx, worker);
  const after = await uploadPhoto(ctx, worker);
  const closed = await step(ctx, open, { action: 'fix-on-spot', note: '当场清走楼道纸箱', before: [before.id], evidence: [after.id] }, 'closed', worker);
  const entry = (closed.history as Record<string, unknown>[]).at(-1) ?? {};
  expect(JSON.stringify(entry.before) === JSON.stringify([before.id]) && JSON.stringify(entry.evidence) === JSON.stringify([after.id]), () =>
    `the fix-on-spot history entry should keep the photos before (before) and after (evidence); got ${JSON.stringify(entry)}`);
  return { open, closed };
}

const fixOnSpot: Check = {
  name: 'transition: fix-on-spot (当场整改) — a grid worker closes in one step; the government may not (403); no photo before → 422 (limited and government tokens)',
  needs: ['tokenLimited', 'tokenGovernment'],
  async run(ctx) {
    const h = await create(ctx, 'hazards', hazardRecord({ title: `一致性测试 ${ctx.tag} 当场整改拒绝`, gridId: ctx.grid, status: 'reported' }));
    const after = await uploadPhoto(ctx, tokenOf(ctx, 'tokenLimited'));
    const bad = expectProblem(await transition(ctx, h.id, { action: 'fix-on-spot', note: '已清理', evidence: [after.id] }, { token: tokenOf(ctx, 'tokenLimited') }),
      [400, 422], 'fix-on-spot without the photos before the fix');
    const paths = (bad.errors ?? []).map((e) => e.path);
    expect(paths.some((p) => p.startsWith('before')), () => `errors[] does not name "before"; paths: ${JSON.stringify(paths)}`);
    const role = expectProblem(await transition(ctx, h.id, { action: 'fix-on-spot', note: '已清理', before: [after.id], evidence: [after.id] }, {
      token: tokenOf(ctx, 'tokenGovernment'),
    }), 403, 'fix-on-spot by the government (grid-worker, grid-supervisor and fire-officer only)');
    await unchanged(ctx, h, 'the refused fix-on-spot');
    await fixedOnSpot(ctx, '当场整改', 'draft');
    return `draft → closed by a grid worker; without photos before ${bad.status}, by the government ${role.status}`;
  },
};

const reopen: Check = {
  name: 'transition: reopen (复核不合格) — a supervisor sends an on-the-spot fix back to rectifying; a grid worker may not (403); no measures → 422 (limited token)',
  needs: ['tokenLimited'],
  async run(ctx) {
    const { closed } = await fixedOnSpot(ctx, '复核不合格', 'reported');
    const body = {
      action: 'reopen', note: '复核发现纸箱又堆回', responsible: { unit: '一致性测试物业', person: '王五' }, deadline: cstDate(ctx.now(), 3),
      measures: '清理并每日巡查',
    };
    const role = expectProblem(await transition(ctx, closed.id, body, { token: tokenOf(ctx, 'tokenLimited') }), 403,
      'reopen by a grid worker (grid-supervisor and fire-officer only)');
    const withoutMeasures = Object.fromEntries(Object.entries(body).filter(([k]) => k !== 'measures'));
    const bad = expectProblem(await transition(ctx, closed.id, withoutMeasures), [400, 422], 'reopen without measures');
    const paths = (bad.errors ?? []).map((e) => e.path);
    expect(paths.includes('measures'), () => `errors[] does not name "measures"; paths: ${JSON.stringify(paths)}`);
    await unchanged(ctx, closed, 'the refused reopen');
    const back = await step(ctx, closed, body, 'rectifying');
    expect(back.measures === body.measures && back.deadline === body.deadline, () =>
      `reopen should store responsible, deadline and measures; got ${JSON.stringify({ responsible: back.responsible, deadline: back.deadline, measures: back.measures })}`);
    return `closed → rectifying by a supervisor; by a grid worker ${role.status}, without measures ${bad.status}`;
  },
};

/** Checks of the paths grid platforms use, in the order they run. */
export const PATH_CHECKS: readonly Check[] = [fixOnSpot, reopen];
