/**
 * Issue 19's first slice (当场整改 `fix-on-spot`, 复核不合格 `reopen`) run through any data port whose
 * `hazards.transition` command is `hazardCommands`: the memory port and the local (IndexedDB)
 * port both run it, so they are shown to enforce the lifecycle's rules, not rules of their own.
 */
import { expect } from '@open-wc/testing';
import { FiregridError } from '../../packages/core/src/errors.js';
import type { TransitionActor, TransitionCheck } from '../../packages/core/src/hazard/lifecycle.js';
// The scenarios send bodies built from tables, some of them refused on purpose: typed by the lifecycle, not per action.
import type { TransitionPayload } from '../../packages/core/src/commands.js';
import type { DataPort } from '../../packages/core/src/host/types.js';
import { newId } from '../../packages/core/src/ids.js';
import type { Hazard, HazardInput } from '../../packages/core/src/schema/index.js';
import { PEOPLE } from './who-closes.js';

const DAY = 86_400_000;

function found(over: Partial<HazardInput> = {}): HazardInput {
  return {
    id: newId(), category: 'exit-blocked', title: '楼道堆放纸箱', description: '', photos: [], source: 'worker',
    reporter: { kind: 'grid-worker', personId: 'w-1', confidential: false }, severity: 'general', status: 'reported', ...over,
  };
}

/**
 * Runs the scenario: a grid worker fixes a draft on the spot; a unit manager may not, nor may
 * anyone fix a major candidate; a grid worker may not reopen, a supervisor may within 7 days and
 * the hazard goes back to rectifying; after 7 days reopen is refused. Every refusal changes nothing.
 * @param as sets who runs the next command (the port's `hazardCommands({ actor })` reads it)
 * @param advance moves the port's clock forward by that many milliseconds
 * @returns the reopened hazard
 */
export async function onTheSpotScenario(port: DataPort, as: (who: TransitionActor) => void, advance: (ms: number) => void): Promise<Hazard> {
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
      expect((await port.get('hazards', id))?.version, 'a refused transition changes nothing').to.equal(before?.version);
      return (e as FiregridError).cause as TransitionCheck & { ok: false };
    }
    throw new Error(`${String(body.action)} by ${who.id} was not refused`);
  };
  const fix = { action: 'fix-on-spot', note: '当场清走纸箱', before: ['p-before'], evidence: ['p-after'] };
  const reopen = {
    action: 'reopen', note: '复核发现纸箱又堆回', responsible: { unit: '翠苑物业', person: '李四' }, deadline: '2030-01-31', measures: '清理并每日巡查',
  };

  const draft = await port.save('hazards', found({ status: 'draft' }), { idempotencyKey: newId() });
  expect((await refused(draft.id, PEOPLE.manager, fix)).code).to.equal('role');
  expect((await refused(draft.id, PEOPLE.worker, { action: 'fix-on-spot', note: '已清理' })).missing).to.deep.equal(['before', 'evidence']);
  const closed = await run(draft.id, PEOPLE.worker, fix);
  expect([closed.status, closed.history.at(-1)?.before, closed.history.at(-1)?.evidence]).to.deep.equal(['closed', ['p-before'], ['p-after']]);

  const candidate = await port.save('hazards', found(), { idempotencyKey: newId() });
  await run(candidate.id, PEOPLE.worker, { action: 'flag-major', note: '人员密集场所' });
  expect((await refused(candidate.id, PEOPLE.officer, fix)).code).to.equal('not-allowed-from-status');

  advance(6 * DAY);
  expect((await refused(draft.id, PEOPLE.worker, reopen)).code).to.equal('role');
  const reopened = await run(draft.id, PEOPLE.supervisor, reopen);
  expect([reopened.status, reopened.responsible?.person, reopened.deadline, reopened.measures])
    .to.deep.equal(['rectifying', '李四', '2030-01-31', '清理并每日巡查']);

  const late = await port.save('hazards', found(), { idempotencyKey: newId() });
  await run(late.id, PEOPLE.supervisor, fix);
  advance(7 * DAY + 1);
  const r = await refused(late.id, PEOPLE.officer, reopen);
  expect([r.code, r.message.includes('7')]).to.deep.equal(['not-allowed-from-status', true]);
  return reopened;
}
