import { expect } from '@open-wc/testing';
import {
  CONFIDENTIAL_PERSON, fallbackName, historyActor, peopleToLookUp, personName, reporterName, storedName,
} from '../../packages/core/src/export/people.js';
import { finderText, twoListTable } from '../../packages/core/src/export/two-lists.js';
import { createLifecycle, historyActionText } from '../../packages/core/src/hazard/lifecycle.js';
import { UNKNOWN_WRITER } from '../../packages/core/src/names.js';
import { redactReporter } from '../../packages/core/src/rules/confidential.js';
import { hazardCommands } from '../../packages/core/src/hazard/memory-commands.js';
import { memoryDataPort } from '../../packages/core/src/host/memory-port.js';
import { Hazard } from '../../packages/core/src/schema/hazard.js';
import type { HazardHistoryEntry } from '../../packages/core/src/schema/hazard.js';

const t = '2026-03-01T01:30:00Z';
const worker = { id: 'viewer-1', roles: ['grid-worker' as const] };
const supervisor = { id: 'sup-1', roles: ['grid-supervisor' as const] };

function hazard(over: Partial<Hazard> = {}): Hazard {
  return {
    id: '019a4b2c-0000-7000-8000-0000000000c1', version: 1, createdAt: t, updatedAt: t, tenantId: 'demo',
    category: 'exit-blocked', title: '3 号楼一层安全出口堆放杂物', description: '', photos: [], source: 'worker',
    reporter: { kind: 'grid-worker', personId: 'u-7c1e2a3f9', confidential: false }, severity: 'general', status: 'reported',
    history: [], ...over,
  };
}
const entry = (by: string, over: Partial<HazardHistoryEntry> = {}): HazardHistoryEntry => ({ at: t, by, action: 'verify', from: 'reported', to: 'verified', ...over });

/** A look-up that records every id it was asked about. */
function spy(names: Record<string, string>): { lookup: (id: string) => string | undefined; asked: string[] } {
  const asked: string[] = [];
  return { asked, lookup: (id) => { asked.push(id); return names[id]; } };
}

describe('edit entries in the history', () => {
  it('label 修改 / Edited with the fields; an edit by a port without an actor shows 用户 and is never looked up', () => {
    const edit = entry(UNKNOWN_WRITER, { action: 'edit', from: 'reported', to: 'reported', fields: ['description', 'title'] });
    expect(historyActionText(edit, 'zh-CN')).to.equal('修改（description、title）');
    expect(historyActionText(edit, 'en')).to.equal('Edited (description, title)');
    expect(historyActionText(entry('u1'), 'zh-CN')).to.equal('核实');
    const h = hazard({ history: [edit] });
    expect(historyActor(h, edit, { viewer: worker })).to.equal('用户');
    expect(peopleToLookUp([h], worker)).to.deep.equal(['u-7c1e2a3f9']);
    expect(Hazard.safeParse(h).success).to.equal(true);
  });
});

describe('people by name', () => {
  it('resolves in order: the stored name, the directory, the worker records, then role·last 4', () => {
    const directory = spy({ a: '目录里的名字' });
    const workers = spy({ a: '考评里的名字', b: '王伟' });
    const sources = { directory: directory.lookup, workers: workers.lookup };
    expect(personName('a', { stored: '写入时的名字', sources })).to.equal('写入时的名字');
    expect(directory.asked).to.deep.equal([]);
    expect(personName('a', { sources })).to.equal('目录里的名字');
    expect(workers.asked).to.deep.equal([]);
    expect(personName('b', { sources })).to.equal('王伟');
    expect(personName('u-7c1e2a3f9', { sources, role: 'grid-worker' })).to.equal('网格员·a3f9');
    expect(personName('u-7c1e2a3f9', { role: 'grid-worker', locale: 'en' })).to.equal('Grid worker·a3f9');
    expect(fallbackName('x-0042', undefined)).to.equal('用户·0042');
    expect(personName('c', { stored: '  ', sources: { directory: () => ' ' } , role: 'captain' })).to.equal('楼长·c');
  });

  it('takes the name a history entry stored for the same user', () => {
    const h = hazard({ history: [entry('u-7c1e2a3f9', { action: 'flag-major', from: 'reported', to: 'reported', byName: '李建国' }), entry('sup-1')] });
    expect(storedName(h, 'u-7c1e2a3f9')).to.equal('李建国');
    expect(reporterName(h, { viewer: worker })).to.equal('李建国');
    expect(finderText(h, { viewer: worker })).to.equal('李建国');
    expect(historyActor(h, h.history[1]!, { viewer: worker, sources: { directory: (id) => (id === 'sup-1' ? '赵网格长' : undefined) } })).to.equal('赵网格长');
    expect(historyActor(h, h.history[1]!, { viewer: worker })).to.equal('用户·up-1');
  });

  it('shows a confidential reporter stripped by the server as 群众（保密）, with or without a stored name', () => {
    for (const byName of [undefined, '张三']) {
      const tip = hazard({
        source: 'public', reporter: { kind: 'resident', personId: 'r-secret-9', confidential: true },
        history: [entry('r-secret-9', { action: 'submit', from: 'draft', to: 'reported', ...(byName === undefined ? {} : { byName }) })],
      });
      const shown = redactReporter(tip, worker);
      expect(historyActor(shown, shown.history[0]!, { viewer: worker })).to.equal('群众（保密）');
    }
  });

  it('never resolves a confidential reporter for a viewer who may not see him, and never looks his id up', () => {
    const tip = hazard({
      source: 'public', reporter: { kind: 'resident', personId: 'r-secret-9', contact: '13900001234', confidential: true },
      history: [entry('r-secret-9', { action: 'submit', from: 'draft', to: 'reported', byName: '张三' })],
    });
    const directory = spy({ 'r-secret-9': '张三' });
    const workers = spy({ 'r-secret-9': '张三' });
    const sources = { directory: directory.lookup, workers: workers.lookup };
    for (const viewer of [worker, { id: 'm', roles: ['unit-manager' as const] }, { id: 'c', roles: ['captain' as const] }]) {
      expect(reporterName(tip, { viewer, sources })).to.equal('群众（保密）');
      expect(finderText(tip, { viewer, people: sources })).to.equal('群众（保密）');
      expect(historyActor(tip, tip.history[0]!, { viewer, sources })).to.equal('群众（保密）');
      expect(peopleToLookUp([tip], viewer)).to.deep.equal([]);
      const row = twoListTable('problems', [tip], { now: new Date(t), viewer, people: sources }).rows.flat().join('|');
      expect(row).not.to.contain('张三');
      expect(row).not.to.contain('r-secret-9');
    }
    expect(directory.asked).to.deep.equal([]);
    expect(workers.asked).to.deep.equal([]);
    expect(CONFIDENTIAL_PERSON.en).to.equal('Resident (confidential)');
    // The roles of DESIGN §5 see him by name.
    for (const roles of [['grid-supervisor'], ['fire-officer'], ['admin']] as const) {
      expect(reporterName(tip, { viewer: { id: 'x', roles } })).to.equal('张三');
    }
    expect(finderText(tip, { viewer: supervisor })).to.equal('张三 13900001234（保密）');
  });

  it('lists the ids to look up: actors and reporters without a stored name, once each', () => {
    const a = hazard({ history: [entry('sup-1'), entry('sup-1'), entry('w-2', { byName: '钱二' })] });
    const b = hazard({ reporter: { kind: 'captain', personId: 'cap-1', confidential: false }, history: [entry('cap-1', { byName: '孙楼长' }), entry('sup-1')] });
    expect(peopleToLookUp([a, b], worker).sort()).to.deep.equal(['sup-1', 'u-7c1e2a3f9']);
  });

  it('prints names, never raw ids, in both lists', () => {
    const h = hazard({ history: [entry('sup-1', { byName: '赵网格长' })] });
    const rows = twoListTable('problems', [h], { now: new Date(t), viewer: worker }).rows.flat().join('|');
    expect(rows).to.contain('网格员·a3f9');
    expect(rows).not.to.contain('u-7c1e2a3f9');
  });

  it("the lifecycle stores the actor's name as byName, and the schema accepts it", () => {
    const lifecycle = createLifecycle();
    const { entry: named } = lifecycle.apply(hazard(), { action: 'verify' }, { id: 'sup-1', name: '赵网格长', roles: ['grid-supervisor'] }, new Date(t));
    expect(named).to.include({ by: 'sup-1', byName: '赵网格长' });
    const { entry: anonymous } = lifecycle.apply(hazard(), { action: 'verify' }, { id: 'sup-1', roles: ['grid-supervisor'] }, new Date(t));
    expect('byName' in anonymous).to.equal(false);
    expect(Hazard.safeParse(hazard({ history: [named] })).success).to.equal(true);
  });

  it("a memory port's transitions store the session user's name", async () => {
    const h = hazard();
    const user = { id: 'sup-1', name: '赵网格长', roles: ['grid-supervisor' as const] };
    const port = memoryDataPort({ hazards: [h] }, { tenantId: 'demo', commands: hazardCommands({ actor: user }) });
    const next = await port.command('hazards.transition', { hazardId: h.id, action: 'verify' }, { idempotencyKey: 'k1' });
    expect(next.history.at(-1)).to.include({ by: 'sup-1', byName: '赵网格长' });
  });
});
