/**
 * The command map (issue 16 item 3): one typed entry per command. Type-level checks (compiled by
 * `npm run typecheck`: each `@ts-expect-error` fails the build if the wrong payload compiles), and
 * run-time checks that a malformed payload is refused naming the field on the memory and local
 * ports and by the client, before anything is stored or queued.
 */
import { expect } from '@open-wc/testing';
import {
  COMMAND_MAP, checkCommandPayload, commandOfPath, commandRequest, parseCommandPayload,
} from '../../packages/core/src/commands.js';
import type { CaptainImportResult, CommandPayload, TransitionPayload } from '../../packages/core/src/commands.js';
import { createFiregridClient } from '../../packages/core/src/client/client.js';
import type { FiregridClient } from '../../packages/core/src/client/client.js';
import { FiregridError } from '../../packages/core/src/errors.js';
import { createLifecycle } from '../../packages/core/src/hazard/lifecycle.js';
import { hazardCommands } from '../../packages/core/src/hazard/memory-commands.js';
import { captainCommands } from '../../packages/core/src/captains/memory-commands.js';
import { memoryDataPort } from '../../packages/core/src/host/memory-port.js';
import type { DataPort } from '../../packages/core/src/host/types.js';
import { newId } from '../../packages/core/src/ids.js';
import { COMMANDS, HAZARD_ACTIONS } from '../../packages/core/src/names.js';
import { localDataPort } from '../../packages/core/src/offline/local-port.js';
import type { Hazard, HazardInput, HostSession } from '../../packages/core/src/schema/index.js';

const SUPERVISOR = { id: 's1', name: '李四', roles: ['grid-supervisor' as const] };
const SESSION: HostSession = { tenantId: 't1', user: SUPERVISOR, scope: ['330106'], locale: 'en' };

function hazard(over: Partial<HazardInput> = {}): HazardInput {
  return {
    id: newId(), category: 'exit-blocked', title: '楼道堆放杂物', description: '', photos: [], source: 'worker',
    reporter: { kind: 'grid-worker', personId: 'u1', confidential: false }, severity: 'general', status: 'reported', ...over,
  };
}

async function rejection(promise: Promise<unknown>): Promise<FiregridError> {
  try {
    await promise;
  } catch (error) {
    expect(error).to.be.instanceOf(FiregridError);
    return error as FiregridError;
  }
  throw new Error('expected the promise to reject');
}

const paths = (e: FiregridError): string[] => e.issues.map((i) => i.path).sort();

/**
 * Never called: it only has to compile. Each `@ts-expect-error` marks a payload the command map
 * must refuse at compile time; if the types let it through, the directive is unused and
 * `npm run typecheck` fails.
 */
export function typeLevel(client: FiregridClient, port: DataPort): unknown[] {
  const key = { idempotencyKey: 'k' };
  const responsible = { unit: '幸福里物业', person: '王五' };
  // @ts-expect-error — assign needs responsible, deadline and measures
  void client.command('hazards.transition', { hazardId: 'h', action: 'assign' });
  // @ts-expect-error — a rejection needs its reason
  void port.command('hazards.transition', { hazardId: 'h', action: 'reject' }, key);
  // @ts-expect-error — fix-on-spot needs the photos before and after, not only a note
  void client.command('hazards.transition', { hazardId: 'h', action: 'fix-on-spot', note: '已清理' });
  // @ts-expect-error — reopen needs a responsible, a deadline and measures besides the note
  void client.command('hazards.transition', { hazardId: 'h', action: 'reopen', note: '复核不合格' });
  // @ts-expect-error — the hazard is named by hazardId; an `id` is never guessed
  void client.command('hazards.transition', { id: 'h', action: 'verify' });
  // @ts-expect-error — an action the lifecycle does not have
  void client.command('hazards.transition', { hazardId: 'h', action: 'approve' });
  // @ts-expect-error — a deadline is a date string
  void client.command('hazards.transition', { hazardId: 'h', action: 'extend-deadline', deadline: 20250630, reason: '雨季' });
  // @ts-expect-error — an import is { rows: captains }
  void client.command('captains.import', { rows: [{ nope: 1 }] });
  // @ts-expect-error — a transition payload is not an import's
  void port.command('captains.import', { hazardId: 'h', action: 'verify' }, key);

  // What compiles: each action with what it needs, and results typed per command.
  void client.command('hazards.transition', { hazardId: 'h', action: 'verify' });
  void client.command('hazards.transition', { hazardId: 'h', action: 'reopen', note: '复核不合格', responsible, deadline: '2025-07-15', measures: '清理' });
  void client.command('hazards.transition', { hazardId: 'h', action: 'fix-on-spot', note: '已清理', before: ['p1'], evidence: ['p2'], baseVersion: 3 });
  const stored: Promise<Hazard> = port.command('hazards.transition', { hazardId: 'h', action: 'review-pass', note: '已复查' }, key);
  const imported: Promise<CaptainImportResult> = port.command('captains.import', { rows: [] }, key);
  // Every action of the lifecycle is a member of the union: one entry per action, no more.
  const everyAction: TransitionPayload['action'] = HAZARD_ACTIONS[0];
  const payloadOfImport: CommandPayload<'captains.import'> = { rows: [] };
  return [stored, imported, everyAction, payloadOfImport];
}

describe('the command map', () => {
  it('has one entry per command, each with a payload schema, a result schema and a route', () => {
    expect(Object.keys(COMMAND_MAP).sort()).to.deep.equal([...COMMANDS].sort());
    for (const name of COMMANDS) {
      const entry = COMMAND_MAP[name];
      expect(entry.payload, name).to.have.property('safeParse');
      expect(entry.result, name).to.have.property('safeParse');
      expect(entry.route.path, name).to.be.a('string');
    }
  });

  it('checks every action of the lifecycle, and refuses a malformed payload naming the field', () => {
    for (const action of HAZARD_ACTIONS) {
      expect(parseCommandPayload('hazards.transition', { hazardId: 'h1', action }).action, action).to.equal(action);
    }
    const refused = (payload: unknown): string[] => {
      try {
        parseCommandPayload('hazards.transition', payload);
      } catch (error) {
        expect((error as FiregridError).code).to.equal('rejected');
        return paths(error as FiregridError);
      }
      throw new Error('expected a refusal');
    };
    expect(refused({ hazardId: 'h1', action: 'approve' })).to.deep.equal(['action']);
    expect(refused({ action: 'verify' })).to.deep.equal(['hazardId']);
    expect(refused({ hazardId: 'h1', action: 'assign', deadline: 42 })).to.deep.equal(['deadline']);
    expect(refused({ hazardId: 'h1', action: 'report-rectified', evidence: 'p1' })).to.deep.equal(['evidence']);
    expect(refused({ hazardId: 'h1', action: 'assign', responsible: { unit: '物业' } })).to.deep.equal(['responsible.person']);
    // Lenient like every read schema: an unknown key is dropped, not refused.
    expect(parseCommandPayload('hazards.transition', { hazardId: 'h1', action: 'verify', extra: 1 })).to.not.have.property('extra');
    expect(() => parseCommandPayload('hazards.delete' as never, {})).to.throw(FiregridError).with.property('code', 'validation');
  });

  it('the client check also requires the fields DESIGN §9 requires of the action (what the type says)', () => {
    const missing = (payload: unknown): string[] => {
      try {
        checkCommandPayload('hazards.transition', payload);
      } catch (error) {
        expect((error as FiregridError).code).to.equal('validation');
        return paths(error as FiregridError);
      }
      throw new Error('expected a refusal');
    };
    expect(missing({ hazardId: 'h1', action: 'assign' })).to.deep.equal(['deadline', 'measures', 'responsible.person', 'responsible.unit']);
    expect(missing({ hazardId: 'h1', action: 'fix-on-spot', note: '已清理', before: [] })).to.deep.equal(['before', 'evidence']);
    expect(missing({ hazardId: 'h1', action: 'reject', reason: '  ' })).to.deep.equal(['reason']);
    // supervise: the listing authority may take level, deadline and authority from the pending request.
    expect(checkCommandPayload('hazards.transition', { hazardId: 'h1', action: 'supervise' }).action).to.equal('supervise');
    expect(checkCommandPayload('captains.import', { rows: [] })).to.deep.equal({ rows: [] });
  });

  it('derives the REST request from the route, and the server reads the route back', () => {
    const request = commandRequest('hazards.transition', { hazardId: 'h/1', action: 'verify', note: '已核实', baseVersion: 4 });
    expect(request).to.deep.equal({ path: 'hazards/h%2F1/transitions', body: { action: 'verify', note: '已核实' }, ifMatch: 4 });
    expect(commandRequest('captains.import', { rows: [] })).to.deep.equal({ path: 'captains:import', body: { rows: [] } });
    expect(() => commandRequest('hazards.transition', { action: 'verify' } as never)).to.throw(FiregridError).with.property('issues').that.deep.equals([
      { path: 'hazardId', message: 'required' },
    ]);
    expect(commandOfPath(['hazards', 'h1', 'transitions'])).to.deep.equal({ name: 'hazards.transition', params: { hazardId: 'h1' } });
    expect(commandOfPath(['captains:import'])).to.deep.equal({ name: 'captains.import', params: {} });
    expect(commandOfPath(['places', 'p1', 'transitions'])).to.equal(undefined);
    expect(commandOfPath(['hazards', 'h1'])).to.equal(undefined);
  });
});

describe('a malformed payload is refused naming the field on every port', () => {
  const ports: Record<string, (seed: Hazard[]) => Promise<DataPort>> = {
    memory: (seed) => Promise.resolve(memoryDataPort({ hazards: seed }, { commands: { ...hazardCommands({ actor: SUPERVISOR }), ...captainCommands() } })),
    local: async (seed) => {
      const port = localDataPort({ name: `test-commands-${newId()}`, commands: { ...hazardCommands({ actor: SUPERVISOR }), ...captainCommands() } });
      for (const h of seed) await port.save('hazards', h, { idempotencyKey: newId() });
      return port;
    },
  };
  for (const [name, make] of Object.entries(ports)) {
    it(`${name} port`, async () => {
      const h = { ...hazard(), version: 1, tenantId: 't1', createdAt: '2025-06-01T00:00:00Z', updatedAt: '2025-06-01T00:00:00Z', history: [] } as Hazard;
      const port = await make([h]);
      const key = () => ({ idempotencyKey: newId() });
      const cases: [unknown, string[]][] = [
        [{ hazardId: h.id, action: 'approve' }, ['action']],
        [{ action: 'verify' }, ['hazardId']],
        [{ hazardId: h.id, action: 'extend-deadline', deadline: 20250630, reason: '雨季' }, ['deadline']],
        [{ hazardId: h.id, action: 'report-rectified', note: '已整改', evidence: 'p1' }, ['evidence']],
      ];
      for (const [payload, expected] of cases) {
        const error = await rejection(port.command('hazards.transition', payload as never, key()));
        expect(error.code, JSON.stringify(payload)).to.equal('rejected');
        expect(paths(error), JSON.stringify(payload)).to.deep.equal(expected);
        expect(error.message).to.contain('hazards.transition');
      }
      const rows = await rejection(port.command('captains.import', { rows: 'all' } as never, key()));
      expect(paths(rows)).to.deep.equal(['rows']);
      expect((await port.get('hazards', h.id))?.status).to.equal('reported');
      // A well-formed payload still runs.
      expect((await port.command('hazards.transition', { hazardId: h.id, action: 'verify' }, key())).status).to.equal('verified');
    });
  }

  it('client: refused before it reaches the port, naming each missing or bad field', async () => {
    let commands = 0;
    const port = memoryDataPort({}, { commands: hazardCommands({ actor: SUPERVISOR }) });
    const data: DataPort = { ...port, command: (n, p, o) => { commands++; return port.command(n, p, o); } };
    const client = createFiregridClient({ host: { session: () => Promise.resolve(SESSION), data } });
    const missing = await rejection(client.command('hazards.transition', { hazardId: newId(), action: 'assign' } as never));
    expect(missing.code).to.equal('validation');
    expect(paths(missing)).to.deep.equal(['deadline', 'measures', 'responsible.person', 'responsible.unit']);
    const bad = await rejection(client.command('hazards.transition', { hazardId: newId(), action: 'verify', evidence: [1] } as never));
    expect(paths(bad)).to.deep.equal(['evidence[0]']);
    expect(commands).to.equal(0);
  });
});

describe('the lifecycle takes the locale per call', () => {
  it('one lifecycle words a refusal in the language each call asks for; the option is only the default', () => {
    const h = { status: 'reported' as const, severity: 'general' as const, history: [] };
    const actor = { id: 'u1', roles: ['grid-worker' as const] };
    const lifecycle = createLifecycle();
    const zh = lifecycle.check(h, { action: 'verify' }, actor);
    const en = lifecycle.check(h, { action: 'verify' }, actor, new Date(), 'en');
    if (zh.ok || en.ok) throw new Error('expected refusals');
    expect(zh.message).to.contain('无权');
    expect(en.message).to.contain('may not run');
    expect(en.code).to.equal(zh.code);
    const english = createLifecycle({ locale: 'en' });
    const byDefault = english.check(h, { action: 'verify' }, actor);
    const asked = english.check(h, { action: 'verify' }, actor, new Date(), 'zh-CN');
    if (byDefault.ok || asked.ok) throw new Error('expected refusals');
    expect(byDefault.message).to.equal(en.message);
    expect(asked.message).to.equal(zh.message);
    expect(() => lifecycle.apply(h, { action: 'verify' }, actor, new Date(), 'en')).to.throw(/may not run/);
  });
});
