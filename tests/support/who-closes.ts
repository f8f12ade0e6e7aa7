/**
 * One scenario of issue 15 ("who may close what") run through any data port whose
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

/** The people of the scenario. */
export const PEOPLE = {
  worker: { id: 'w-1', roles: ['grid-worker'] },
  worker2: { id: 'w-2', roles: ['grid-worker'] },
  supervisor: { id: 's-1', roles: ['grid-supervisor'] },
  officer: { id: 'f-1', roles: ['fire-officer'] },
  manager: { id: 'm-1', roles: ['unit-manager'] },
  government: { id: 'g-1', roles: ['government'] },
} as const satisfies Record<string, TransitionActor>;

/** A reported hazard to start from. */
export function reportedHazard(): HazardInput {
  return {
    id: newId(), category: 'exit-blocked', title: '商场安全出口上锁', description: '', photos: [], source: 'worker',
    reporter: { kind: 'grid-worker', personId: 'w-1', confidential: false }, severity: 'general', status: 'reported',
  };
}

/**
 * Runs the scenario: a self-review and a grid worker's review of a major hazard are refused with
 * the lifecycle's codes and change nothing; the fire officer's passed review of the supervised
 * major hazard leaves it awaiting review; only the 安委办's lift closes it.
 * @param as sets who runs the next command (the port's `hazardCommands({ actor })` reads it)
 */
export async function whoClosesScenario(port: DataPort, as: (who: TransitionActor) => void): Promise<Hazard> {
  const h = await port.save('hazards', reportedHazard(), { idempotencyKey: newId() });
  const run = async (who: TransitionActor, body: Record<string, unknown>): Promise<Hazard> => {
    as(who);
    return await port.command('hazards.transition', { hazardId: h.id, ...body } as unknown as TransitionPayload, { idempotencyKey: newId() });
  };
  const refused = async (who: TransitionActor, body: Record<string, unknown>): Promise<string> => {
    const before = await port.get('hazards', h.id);
    try {
      await run(who, body);
    } catch (e) {
      expect(e).to.be.instanceOf(FiregridError);
      expect((await port.get('hazards', h.id))?.version, 'a refused transition changes nothing').to.equal(before?.version);
      return ((e as FiregridError).cause as TransitionCheck & { ok: false }).code;
    }
    throw new Error(`${String(body.action)} by ${who.id} was not refused`);
  };
  await run(PEOPLE.supervisor, { action: 'verify' });
  await run(PEOPLE.worker, { action: 'flag-major', note: '人员密集场所安全出口上锁' });
  await run(PEOPLE.officer, { action: 'confirm-major', note: '集体讨论判定' });
  await run(PEOPLE.supervisor, { action: 'assign', responsible: { unit: '商场', person: '王经理' }, deadline: '2030-01-31', measures: '拆除门锁' });
  await run(PEOPLE.officer, { action: 'supervise', supervision: { level: 'county', deadline: '2030-02-28', authority: '某区政府安委办' } });
  await run(PEOPLE.government, { action: 'supervise' });
  await run(PEOPLE.worker, { action: 'start' });
  await run(PEOPLE.worker, { action: 'report-rectified', note: '门锁已拆除', evidence: ['p-1'] });
  expect(await refused(PEOPLE.worker, { action: 'review-pass', note: '合格' })).to.equal('role-for-severity');
  expect(await refused(PEOPLE.worker2, { action: 'review-pass', note: '合格' })).to.equal('role-for-severity');
  expect(await refused(PEOPLE.government, { action: 'lift', note: '摘牌' })).to.equal('not-allowed-from-status');
  const passed = await run(PEOPLE.officer, { action: 'review-pass', note: '复查合格' });
  expect(passed.status).to.equal('awaiting-review');
  expect(await refused(PEOPLE.officer, { action: 'lift', note: '摘牌' })).to.equal('role');
  const closed = await run(PEOPLE.government, { action: 'lift', note: '摘牌销案' });
  expect([closed.status, closed.supervision?.listedBy, closed.supervision?.liftedBy, closed.majorRuleSet !== undefined])
    .to.deep.equal(['closed', 'g-1', 'g-1', true]);

  // Separation of duties on an ordinary hazard.
  const g = await port.save('hazards', reportedHazard(), { idempotencyKey: newId() });
  const on = async (who: TransitionActor, body: Record<string, unknown>): Promise<Hazard> => {
    as(who);
    return await port.command('hazards.transition', { hazardId: g.id, ...body } as unknown as TransitionPayload, { idempotencyKey: newId() });
  };
  await on(PEOPLE.supervisor, { action: 'verify' });
  await on(PEOPLE.supervisor, { action: 'assign', responsible: { unit: '商场', person: '王经理' }, deadline: '2030-01-31', measures: '拆除门锁' });
  await on(PEOPLE.worker, { action: 'start' });
  await on(PEOPLE.worker, { action: 'report-rectified', note: '已拆除', evidence: ['p-2'] });
  as(PEOPLE.worker);
  let code = '';
  try {
    await port.command('hazards.transition', { hazardId: g.id, action: 'review-pass', note: '合格' }, { idempotencyKey: newId() });
  } catch (e) {
    code = ((e as FiregridError).cause as TransitionCheck & { ok: false }).code;
  }
  expect(code).to.equal('separation-of-duties');
  expect((await on(PEOPLE.worker2, { action: 'review-pass', note: '合格' })).status).to.equal('closed');
  return closed;
}
