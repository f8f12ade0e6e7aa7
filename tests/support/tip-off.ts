/**
 * Issue 19's tip-off actions (答复举报人 `answer-resident`, 举报奖励 `record-reward`) run through any
 * data port whose `hazards.transition` command is `hazardCommands` and whose reads know the actor:
 * the memory port and the local (IndexedDB) port both run it, so they are shown to apply the
 * lifecycle's rules and core's confidentiality rule for the reward, not rules of their own.
 */
import { expect } from '@open-wc/testing';
import { FiregridError } from '../../packages/core/src/errors.js';
import type { TransitionActor, TransitionCheck } from '../../packages/core/src/hazard/lifecycle.js';
// The scenario sends bodies some of which are refused on purpose: typed by the lifecycle, not per action.
import type { TransitionPayload } from '../../packages/core/src/commands.js';
import type { DataPort } from '../../packages/core/src/host/types.js';
import { newId } from '../../packages/core/src/ids.js';
import type { Hazard, HazardInput } from '../../packages/core/src/schema/index.js';
import { PEOPLE } from './who-closes.js';

/** The resident who tips off, confidentially. */
export const RESIDENT = { id: 'r-9', roles: ['resident'] } as const satisfies TransitionActor;

/** A resident's confidential tip-off of a blocked fire lane. */
export function tipOff(over: Partial<HazardInput> = {}): HazardInput {
  return {
    id: newId(), category: 'fire-lane-blocked', title: '小区消防车通道被私家车堵住', description: '每天晚上', photos: [], source: 'public',
    reporter: { kind: 'resident', personId: RESIDENT.id, contact: '13900001234', confidential: true }, severity: 'general', status: 'reported', ...over,
  };
}

/**
 * Runs the scenario: a grid worker may not answer the resident, a supervisor does (publicReply);
 * a reward is refused before verification and to a fire officer, recorded by a supervisor; the
 * grid worker sees neither the reward nor its history entry and his save keeps it; the resident
 * sees the reply and the reward on his own report; a worker's own find takes neither action.
 * @param as sets who acts next: the port's `actor` and its `hazardCommands({ actor })` read it
 * @returns the tip-off as the supervisor sees it at the end
 */
export async function tipOffScenario(port: DataPort, as: (who: TransitionActor) => void): Promise<Hazard> {
  const run = async (id: string, who: TransitionActor, body: Record<string, unknown>): Promise<Hazard> => {
    as(who);
    return await port.command('hazards.transition', { hazardId: id, ...body } as unknown as TransitionPayload, { idempotencyKey: newId() });
  };
  const refused = async (id: string, who: TransitionActor, body: Record<string, unknown>): Promise<TransitionCheck & { ok: false }> => {
    as(PEOPLE.supervisor);
    const before = await port.get('hazards', id);
    try {
      await run(id, who, body);
    } catch (e) {
      expect(e).to.be.instanceOf(FiregridError);
      as(PEOPLE.supervisor);
      expect((await port.get('hazards', id))?.version, 'a refused transition changes nothing').to.equal(before?.version);
      return (e as FiregridError).cause as TransitionCheck & { ok: false };
    }
    throw new Error(`${String(body.action)} by ${who.id} was not refused`);
  };
  const reply = { action: 'answer-resident', note: '已责令物业清理，感谢您的举报' };
  const reward = { action: 'record-reward', reward: { due: true, amount: 200, paidAt: '2030-01-10' } };

  as(RESIDENT);
  const tip = await port.save('hazards', tipOff(), { idempotencyKey: newId() });
  expect((await refused(tip.id, PEOPLE.worker, reply)).code).to.equal('role');
  const answered = await run(tip.id, PEOPLE.supervisor, reply);
  expect([answered.status, answered.publicReply?.text]).to.deep.equal(['reported', '已责令物业清理，感谢您的举报']);
  expect((await refused(tip.id, PEOPLE.supervisor, reward)).code).to.equal('not-allowed-from-status');
  await run(tip.id, PEOPLE.supervisor, { action: 'verify' });
  expect((await refused(tip.id, PEOPLE.officer, reward)).code).to.equal('role');
  const rewarded = await run(tip.id, PEOPLE.supervisor, reward);
  expect(rewarded.reward).to.deep.equal({ due: true, amount: 200, paidAt: '2030-01-10' });

  as(PEOPLE.worker);
  const seen = await port.get('hazards', tip.id);
  expect([seen?.reward, seen?.history.map((e) => e.action)]).to.deep.equal([undefined, ['answer-resident', 'verify']]);
  expect(JSON.stringify((await port.list('hazards', {})).items)).not.to.contain('"amount"');
  if (seen == null) throw new Error('the worker lost the tip-off');
  await port.save('hazards', { ...seen, description: '晚上 8 点后' }, { idempotencyKey: newId() });

  as(RESIDENT);
  const own = await port.get('hazards', tip.id);
  expect([own?.publicReply?.text, own?.reward?.amount]).to.deep.equal(['已责令物业清理，感谢您的举报', 200]);

  as(PEOPLE.worker);
  const find = await port.save('hazards', tipOff({ source: 'worker', reporter: { kind: 'grid-worker', personId: PEOPLE.worker.id, confidential: false } }), { idempotencyKey: newId() });
  expect((await refused(find.id, PEOPLE.supervisor, reply)).code).to.equal('not-allowed-from-status');

  as(PEOPLE.supervisor);
  const kept = await port.get('hazards', tip.id);
  expect([kept?.description, kept?.reward?.amount]).to.deep.equal(['晚上 8 点后', 200]);
  if (kept == null) throw new Error('the tip-off is gone');
  return kept;
}
