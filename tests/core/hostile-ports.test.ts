/**
 * The memory port and the local (IndexedDB) port refuse the hostile sequence of
 * tests/support/hostile-sequence.ts with the problems the reference server gives
 * (tests/server/hostile-ports.test.ts): the same status, slug and paths, because all three call
 * core's rules (access, writes, transitions, confidential).
 */
import { expect } from '@open-wc/testing';
import { RefusalError, memoryDataPort } from '../../packages/core/src/host/memory-port.js';
import type { DataPort } from '../../packages/core/src/host/types.js';
import type { TransitionPayload } from '../../packages/core/src/commands.js';
import { hazardCommands } from '../../packages/core/src/hazard/memory-commands.js';
import { newId } from '../../packages/core/src/ids.js';
import { localDataPort } from '../../packages/core/src/offline/local-port.js';
import { runSequence } from '../support/hostile-sequence.js';
import type { Outcome, PortDriver, SequenceActor } from '../support/hostile-sequence.js';

/** A driver over a port whose actor is whoever the current step says. */
function driverOver(make: (who: () => SequenceActor) => DataPort): PortDriver {
  let current: SequenceActor = { id: 'nobody', roles: [], scope: [] };
  const port = make(() => current);
  return {
    async run(actor, call) {
      current = actor;
      try {
        switch (call.op) {
          case 'save':
            await port.save(call.kind, call.record as never, { idempotencyKey: newId() });
            return { refused: false };
          case 'get': {
            const record = await port.get(call.kind, call.id);
            // A port answers a record it does not have, or hides from the actor, with null: the server's 404.
            if (record === null) return { refused: true, status: 404, slug: 'not-found', paths: [] };
            return { refused: false, reporter: record.reporter };
          }
          case 'list':
            return { refused: false, ids: (await port.list(call.kind, {})).items.map((r) => r.id).sort() };
          case 'transition':
            // The hostile sequence sends refused bodies on purpose: typed by the lifecycle (TransitionInput), not per action.
            await port.command('hazards.transition', { hazardId: call.hazardId, ...call.input } as TransitionPayload, { idempotencyKey: newId() });
            return { refused: false };
        }
      } catch (e) {
        if (e instanceof RefusalError) return { refused: true, status: e.status, slug: e.slug, paths: e.issues.map((i) => i.path).sort() } satisfies Outcome;
        throw e;
      }
    },
  };
}

describe('the memory and local ports refuse the shared hostile sequence as the server does', () => {
  it('memoryDataPort gives each step the problem every port gives', async () => {
    const driver = driverOver((who) => memoryDataPort({}, { actor: who, commands: hazardCommands({ actor: who }) }));
    for (const { step, got } of await runSequence(driver)) expect(got, step.name).to.deep.equal(step.expect);
  });

  it('localDataPort gives each step the problem every port gives', async () => {
    const name = `hostile-${newId()}`;
    let local: ReturnType<typeof localDataPort> | undefined;
    const driver = driverOver((who) => (local = localDataPort({ name, actor: who, commands: hazardCommands({ actor: who }) })));
    try {
      for (const { step, got } of await runSequence(driver)) expect(got, step.name).to.deep.equal(step.expect);
    } finally {
      await local?.clear();
    }
  });
});
