// Issue 14: the write rules of core's rules/ module hold on the memory and the local port as on
// the server — one module, no copy per port.
import { expect } from '@open-wc/testing';
import { FiregridError } from '../../packages/core/src/errors.js';
import { newId } from '../../packages/core/src/ids.js';
import { memoryDataPort } from '../../packages/core/src/host/memory-port.js';
import { hazardCommands } from '../../packages/core/src/hazard/memory-commands.js';
import { captainCommands } from '../../packages/core/src/captains/memory-commands.js';
import { localDataPort } from '../../packages/core/src/offline.js';
import { UNKNOWN_WRITER, applyWriteRules, captainOverlaps, changedFields } from '../../packages/core/src/rules/writes.js';
import { canonicalId, canonicalIds } from '../../packages/core/src/rules/ids.js';
import { redactActivity, redactReporter } from '../../packages/core/src/rules/confidential.js';
import type { DataPort } from '../../packages/core/src/host/types.js';
import type { FloorCaptainInput, HazardInput, PlaceInput, WorkerInput } from '../../packages/core/src/schema/index.js';

const GRID = '330106001001001';
const hazard = (over: Partial<HazardInput> = {}): HazardInput => ({
  id: newId(), category: 'exit-blocked', title: '楼道堆放杂物', description: '', photos: [], source: 'worker', gridId: GRID,
  reporter: { kind: 'grid-worker', personId: 'u1', confidential: false }, severity: 'general', status: 'reported', ...over,
});
const place = (): PlaceInput => ({ id: newId(), kind: 'residential', name: '3 幢', address: '翠苑', gridId: GRID });
const captain = (buildingId: string, from: string, to?: string): FloorCaptainInput => ({
  id: newId(), buildingId, person: { id: newId(), name: `楼长${from}`, phone: '13812341234' }, duties: ['巡查'], term: { from, ...(to === undefined ? {} : { to }) },
});
const key = () => ({ idempotencyKey: newId() });

async function rejection(promise: Promise<unknown>): Promise<FiregridError> {
  try {
    await promise;
  } catch (error) {
    expect(error).to.be.instanceOf(FiregridError);
    return error as FiregridError;
  }
  throw new Error('expected the promise to reject');
}

const ports: [string, () => DataPort & { clear?: () => Promise<void> }][] = [
  ['memoryDataPort', () => memoryDataPort({}, { commands: { ...hazardCommands({ actor: { id: 'sup', roles: ['grid-supervisor', 'fire-officer'] } }), ...captainCommands() } })],
  ['localDataPort', () => localDataPort({
    name: `test-rules-${newId()}`, commands: { ...hazardCommands({ actor: { id: 'sup', roles: ['grid-supervisor', 'fire-officer'] } }), ...captainCommands() },
  })],
];

for (const [name, make] of ports) {
  describe(`write rules on ${name}`, () => {
    let port: DataPort & { clear?: () => Promise<void> };
    beforeEach(() => { port = make(); });
    afterEach(async () => { await port.clear?.(); });

    it('refuses a save that changes a field an action owns, naming the field and the action', async () => {
      const h = await port.save('hazards', hazard(), key());
      await port.command('hazards.transition', { hazardId: h.id, action: 'verify' }, key());
      const assigned = await port.command('hazards.transition', {
        hazardId: h.id, action: 'assign', deadline: '2026-03-20', measures: '清理', responsible: { unit: '物业', person: '王五' },
      }, key());
      const e = await rejection(port.save('hazards', { ...assigned, deadline: '2099-12-31' }, key()));
      expect(e.code).to.equal('rejected');
      expect(e.issues.map((i) => i.path)).to.deep.equal(['deadline']);
      expect(e.message).to.contain('extend-deadline');
      const s = await rejection(port.save('hazards', { ...assigned, severity: 'major' }, key()));
      expect(s.issues.map((i) => i.path)).to.deep.equal(['severity']);
      expect((await port.save('hazards', { ...assigned, title: '改标题' }, key())).deadline).to.equal('2026-03-20');
    });

    it('creates a hazard plain: no deadline or supervision, general unless the cited item says so', async () => {
      expect((await rejection(port.save('hazards', hazard({ deadline: '2026-04-01' }), key()))).issues.map((i) => i.path)).to.deep.equal(['deadline']);
      expect((await rejection(port.save('hazards', hazard({ severity: 'major' }), key()))).issues.map((i) => i.path)).to.deep.equal(['severity']);
      const made = await port.save('hazards', { ...hazard(), history: [{ at: '2026-03-01T00:00:00Z', by: 'x', action: 'verify', from: 'reported', to: 'verified' }] }, key());
      expect(made.history).to.deep.equal([]);
    });

    it('appends one edit entry per save that changes content, none for a save that changes nothing', async () => {
      const made = await port.save('hazards', hazard(), key());
      expect(made.history).to.deep.equal([]);
      expect((await port.save('hazards', made, key())).history, 'a save that changes nothing').to.deep.equal([]);
      const edited = await port.save('hazards', { ...made, title: '改标题', externalCode: 'E-101' }, key());
      expect(edited.history).to.have.length(1);
      const entry = edited.history[0]!;
      expect(entry).to.deep.include({ by: UNKNOWN_WRITER, action: 'edit', from: 'reported', to: 'reported', fields: ['externalCode', 'title'] });
      expect(entry.at).to.equal(edited.updatedAt);
      // The entry stays through a later transition, which appends its own.
      const verified = await port.command('hazards.transition', { hazardId: made.id, action: 'verify' }, key());
      expect(verified.history.map((e) => e.action)).to.deep.equal(['edit', 'verify']);
    });

    it('keeps one worker per user and one captain in office per building', async () => {
      const w: WorkerInput = { id: newId(), name: '王伟', userId: 'u1', gridIds: [GRID], active: true };
      await port.save('workers', w, key());
      const e = await rejection(port.save('workers', { ...w, id: newId() }, key()));
      expect(e.code).to.equal('conflict');
      expect(e.issues.map((i) => i.path)).to.deep.equal(['userId']);
      const b = place();
      await port.save('places', b, key());
      const first = await port.save('captains', captain(b.id, '2026-01-01'), key());
      const second = captain(b.id, '2026-02-01');
      expect((await rejection(port.save('captains', second, key()))).issues.map((i) => i.path)).to.deep.equal(['term']);
      await port.save('captains', { ...first, term: { from: '2026-01-01', to: '2026-02-01' } }, key());
      expect((await port.save('captains', second, key())).id).to.equal(second.id);
    });

    it('stores and finds ids in lower case: an upper-case copy is the same record', async () => {
      const p = place();
      await port.save('places', p, key());
      const again = await port.save('places', { ...p, id: p.id.toUpperCase(), name: '改名' }, key());
      expect(again.id).to.equal(p.id);
      expect(again.version).to.equal(2);
      expect((await port.get('places', p.id.toUpperCase()))?.name).to.equal('改名');
      expect((await port.list('places', {})).items).to.have.length(1);
    });
  });
}

describe('write rules with an actor (memoryDataPort)', () => {
  it('fills the reporter from the actor and refuses someone else\'s id, unless a supervisor names a user', async () => {
    let actor = { id: 'u1', roles: ['grid-worker' as const] as ('grid-worker' | 'grid-supervisor')[] };
    const port = memoryDataPort({}, { actor: () => actor });
    const own = await port.save('hazards', hazard({ reporter: { kind: 'grid-worker', confidential: false } }), key());
    expect(own.reporter.personId).to.equal('u1');
    const e = await rejection(port.save('hazards', hazard({ reporter: { kind: 'grid-worker', personId: 'u2', confidential: false } }), key()));
    expect(e.issues.map((i) => i.path)).to.deep.equal(['reporter.personId']);
    actor = { id: 'sup', roles: ['grid-supervisor'] };
    const onBehalf = await port.save('hazards', hazard({ reporter: { kind: 'grid-worker', personId: 'u2', confidential: false } }), key());
    expect(onBehalf.reporter.personId).to.equal('u2');
  });

  it('records the actor and his name on an edit entry, at the port\'s clock', async () => {
    const now = new Date('2026-03-02T02:00:00.000Z');
    const port = memoryDataPort({}, { now: () => now, actor: { id: 'u1', roles: ['grid-worker'], name: '王伟' } });
    const made = await port.save('hazards', hazard(), key());
    const edited = await port.save('hazards', { ...made, description: '补充', address: '3 幢' }, key());
    expect(edited.history).to.deep.equal([
      { at: now.toISOString(), by: 'u1', byName: '王伟', action: 'edit', from: 'reported', to: 'reported', fields: ['address', 'description'] },
    ]);
  });

  it('takes a submitted inspection\'s submittedAt from its own clock', async () => {
    const now = new Date('2026-03-02T02:00:00.000Z');
    const port = memoryDataPort({}, { now: () => now });
    const p = place();
    await port.save('places', p, key());
    const saved = await port.save('inspections', {
      id: newId(), templateId: newId(), templateVersion: 1, placeId: p.id, inspectorId: 'u1', startedAt: '2026-03-01T00:00:00Z',
      answers: {}, state: 'submitted', submittedAt: '2020-01-01T00:00:00Z',
    }, key());
    expect(saved.submittedAt).to.equal(now.toISOString());
  });
});

describe('rules: pure functions', () => {
  it('canonicalId lower-cases UUIDs only; canonicalIds the record ids, not user ids', () => {
    const id = newId();
    expect(canonicalId(id.toUpperCase())).to.equal(id);
    expect(canonicalId('User-A')).to.equal('User-A');
    const rec = canonicalIds({ id: id.toUpperCase(), placeId: id.toUpperCase(), inspectorId: id.toUpperCase(), photos: [{ id: id.toUpperCase() }] });
    expect(rec).to.deep.equal({ id, placeId: id, inspectorId: id.toUpperCase(), photos: [{ id }] });
  });

  it('changedFields names the changed top-level content fields, sorted, never the stored ones', () => {
    expect(changedFields(
      { id: 'a', version: 3, updatedAt: 'x', history: [1], title: 't', address: 'x', location: { lat: 1, lng: 2 }, photos: [] },
      { id: 'a', version: 1, title: 'u', location: { lng: 2, lat: 1 }, photos: [], externalCode: 'E1' },
    )).to.deep.equal(['address', 'externalCode', 'title']);
  });

  it('applyWriteRules leaves kinds without rules alone, and captainOverlaps finds each clash', () => {
    const lookups = { get: () => undefined, workerOfUser: () => undefined, captainsAt: () => [] };
    const out = applyWriteRules('places', { id: 'x' }, { now: new Date(), lookups });
    expect(out).to.deep.equal({ ok: true, record: { id: 'x' } });
    const b = newId();
    const a = { id: 'a', buildingId: b, person: { name: '甲' }, term: { from: '2026-01-01' } };
    const c = { id: 'c', buildingId: b, person: { name: '丙' }, term: { from: '2026-03-01' } };
    expect(captainOverlaps([c], () => [a]).map((x) => [x.index, x.with.id])).to.deep.equal([[0, 'a']]);
    expect(captainOverlaps([{ ...a, term: { from: '2026-01-01', to: '2026-03-01' } }, c], () => [a])).to.deep.equal([]);
  });

  it('redactReporter hides his history entries; redactActivity his finds', () => {
    const h = {
      reporter: { kind: 'resident' as const, personId: 'r1', contact: '139', confidential: true },
      history: [{ at: '2026-03-01T00:00:00Z', by: 'r1', action: 'submit' as const, from: 'draft' as const, to: 'reported' as const },
        { at: '2026-03-01T01:00:00Z', by: 'sup', action: 'verify' as const, from: 'reported' as const, to: 'verified' as const }],
    };
    const shown = redactReporter(h, { id: 'gw', roles: ['grid-worker'] });
    expect(shown.history.map((e) => e.by)).to.deep.equal(['群众（保密）', 'sup']);
    expect(shown.reporter).to.deep.equal({ kind: 'resident', confidential: true });
    expect(redactReporter(h, { id: 'x', roles: ['fire-officer'] })).to.equal(h);
    const named = { ...h, history: [{ ...h.history[0]!, byName: '张三' }] };
    expect(JSON.stringify(redactReporter(named, { id: 'gw', roles: ['grid-worker'] }))).not.to.contain('张三');
    const act = { workerId: 'w1', hazardId: 'h', placeId: 'p', confidential: true };
    expect(redactActivity(act, { id: 'gw', roles: ['grid-worker'] })).to.deep.equal({ workerId: 'w1', confidential: true });
    expect(redactActivity(act, { id: 'u', roles: ['grid-worker'] }, 'w1')).to.equal(act);
  });
});
