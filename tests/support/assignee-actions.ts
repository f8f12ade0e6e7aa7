/**
 * Issue 19 item 1 (签收, 退回, 申请延期/同意/不同意延期, 转办, 部门反馈, 上报上级) run through any data
 * port whose `hazards.transition` command is `hazardCommands` and whose list reads the same actor
 * (`assignee=me`): each action by an allowed and by a refused role, every refusal changing nothing.
 */
import { expect } from '@open-wc/testing';
import { FiregridError } from '../../packages/core/src/errors.js';
import type { TransitionActor, TransitionCheck } from '../../packages/core/src/hazard/lifecycle.js';
// The scenario sends bodies built from tables, some refused on purpose: typed by the lifecycle, not per action.
import type { TransitionPayload } from '../../packages/core/src/commands.js';
import type { DataPort } from '../../packages/core/src/host/types.js';
import { newId } from '../../packages/core/src/ids.js';
import type { Hazard, HazardInput } from '../../packages/core/src/schema/index.js';
import { PEOPLE } from './who-closes.js';

/** The assignee: a grid worker named as `responsible.personId`, not a unit manager. */
export const ASSIGNEE: TransitionActor = { id: 'w-2', roles: ['grid-worker'] };

function reported(): HazardInput {
  return {
    id: newId(), category: 'fire-lane-blocked', title: '消防车通道被私家车占用', description: '', photos: [], source: 'worker',
    reporter: { kind: 'grid-worker', personId: 'w-1', confidential: false }, severity: 'general', status: 'reported',
  };
}

/**
 * Runs the scenario; returns the hazard that went through every action.
 * @param as sets who runs the next command and reads the next list
 */
export async function assigneeScenario(port: DataPort, as: (who: TransitionActor) => void): Promise<Hazard> {
  const run = async (id: string, who: TransitionActor, body: Record<string, unknown>): Promise<Hazard> => {
    as(who);
    return await port.command('hazards.transition', { hazardId: id, ...body } as unknown as TransitionPayload, { idempotencyKey: newId() });
  };
  const refused = async (id: string, who: TransitionActor, body: Record<string, unknown>): Promise<TransitionCheck & { ok: false }> => {
    const before = await port.get('hazards', id);
    try {
      await run(id, who, body);
    } catch (e) {
      expect(e).to.be.instanceOf(FiregridError);
      expect((await port.get('hazards', id))?.version, `a refused ${String(body.action)} changes nothing`).to.equal(before?.version);
      return (e as FiregridError).cause as TransitionCheck & { ok: false };
    }
    throw new Error(`${String(body.action)} by ${who.id} was not refused`);
  };
  const assign = {
    action: 'assign', responsible: { unit: '翠苑物业', person: '赵六', personId: ASSIGNEE.id }, deadline: '2030-01-31', measures: '劝离车辆并设禁停标志',
  };
  const fresh = async (): Promise<Hazard> => {
    // A supervisor may save a hazard another worker found.
    as(PEOPLE.supervisor);
    const h = await port.save('hazards', reported(), { idempotencyKey: newId() });
    await run(h.id, PEOPLE.supervisor, { action: 'verify' });
    return await run(h.id, PEOPLE.supervisor, assign);
  };

  // 签收: the assignee (a grid worker by personId), not another grid worker.
  const h = await fresh();
  expect((await refused(h.id, PEOPLE.worker, { action: 'accept' })).code).to.equal('role');
  expect((await run(h.id, ASSIGNEE, { action: 'accept' })).acceptedAt).to.be.a('string');

  // 申请延期 → 同意延期; 不同意延期.
  const ask = { action: 'request-extension', deadline: '2030-02-28', reason: '需协调车主' };
  expect((await refused(h.id, PEOPLE.officer, ask)).code).to.equal('role');
  expect((await run(h.id, ASSIGNEE, ask)).extensionRequest?.deadline).to.equal('2030-02-28');
  expect((await refused(h.id, ASSIGNEE, { action: 'approve-extension', note: '同意' })).code).to.equal('role');
  const approved = await run(h.id, PEOPLE.supervisor, { action: 'approve-extension', note: '同意' });
  expect([approved.deadline, approved.extensionRequest?.decision]).to.deep.equal(['2030-02-28', 'approved']);
  await run(h.id, PEOPLE.manager, { ...ask, deadline: '2030-03-31' });
  expect((await refused(h.id, PEOPLE.manager, { action: 'refuse-extension', note: '不同意' })).code).to.equal('role');
  const kept = await run(h.id, PEOPLE.officer, { action: 'refuse-extension', note: '须按期完成' });
  expect([kept.deadline, kept.extensionRequest?.decision]).to.deep.equal(['2030-02-28', 'refused']);

  // assignee=me: the assignee's list has it, another worker's does not.
  as(ASSIGNEE);
  expect((await port.list('hazards', { assignee: 'me' })).items.map((x) => x.id)).to.deep.equal([h.id]);
  expect((await port.list('hazards', { assignee: ASSIGNEE.id })).items.map((x) => x.id)).to.deep.equal([h.id]);
  as(PEOPLE.worker);
  expect((await port.list('hazards', { assignee: 'me' })).items).to.deep.equal([]);

  // 转办 and 部门反馈: a grid supervisor only.
  const transfer = { action: 'transfer', department: 'urban-management', reason: '需执法拖移', deadline: '2030-04-30' };
  expect((await refused(h.id, PEOPLE.officer, transfer)).code).to.equal('role');
  const sent = await run(h.id, PEOPLE.supervisor, transfer);
  expect([sent.status, sent.responsible?.unit, sent.transfer?.department, sent.acceptedAt]).to.deep.equal(['assigned', '城管', 'urban-management', undefined]);
  const answer = { action: 'answer-transfer', note: '已拖移', documentNumber: '城管字〔2030〕1号' };
  expect((await refused(h.id, PEOPLE.worker, answer)).code).to.equal('role');
  expect((await run(h.id, PEOPLE.supervisor, answer)).transfer?.answer?.documentNumber).to.equal('城管字〔2030〕1号');
  // Transferred: no longer the assignee's.
  as(ASSIGNEE);
  expect((await port.list('hazards', { assignee: 'me' })).items).to.deep.equal([]);

  // 上报上级: a grid worker, not a unit manager.
  expect((await refused(h.id, PEOPLE.manager, { action: 'escalate', reason: '拒不整改' })).code).to.equal('role');
  expect((await run(h.id, PEOPLE.worker, { action: 'escalate', reason: '拒不整改' })).tier).to.equal('community');

  // 退回: the assignee, not a fire officer; back to verified without responsible.
  const other = await fresh();
  expect((await refused(other.id, PEOPLE.officer, { action: 'return', reason: '非本单位' })).code).to.equal('role');
  const back = await run(other.id, ASSIGNEE, { action: 'return', reason: '非本单位' });
  expect([back.status, back.responsible]).to.deep.equal(['verified', undefined]);

  const last = await port.get('hazards', h.id);
  expect(last?.history.map((e) => e.action)).to.deep.equal([
    'verify', 'assign', 'accept', 'request-extension', 'approve-extension', 'request-extension', 'refuse-extension', 'transfer', 'answer-transfer', 'escalate',
  ]);
  return last!;
}
