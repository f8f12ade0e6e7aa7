import { expect } from '@open-wc/testing';
import { FiregridError } from '../../packages/core/src/errors.js';
import { memoryDataPort, sha256Hex, sha256Js } from '../../packages/core/src/host/memory-port.js';
import type { MemoryCommandHandler } from '../../packages/core/src/host/memory-port.js';
import type { Query } from '../../packages/core/src/host/query.js';
import type { DataPort } from '../../packages/core/src/host/types.js';
import { newId } from '../../packages/core/src/ids.js';
import { hazardCommands } from '../../packages/core/src/hazard/memory-commands.js';
import type { TransitionActor } from '../../packages/core/src/hazard/lifecycle.js';
import { PEOPLE, whoClosesScenario } from '../support/who-closes.js';
import { onTheSpotScenario } from '../support/on-the-spot.js';
import { assigneeScenario } from '../support/assignee-actions.js';
import { tipOffScenario } from '../support/tip-off.js';
import type { HazardCategory, PlaceKind, ResourceKind } from '../../packages/core/src/names.js';
import type { Hazard, HazardInput, PlaceInput, RecordOf } from '../../packages/core/src/schema/index.js';

const NOW = new Date('2025-06-15T12:00:00+08:00');
const now = () => NOW;

function place(over: Partial<PlaceInput> = {}): PlaceInput {
  return { id: newId(), kind: 'residential', name: '翠苑一区 3 幢', address: '西湖区翠苑一区 3 幢', gridId: '330106001001001', ...over };
}

function hazard(over: Partial<HazardInput> = {}): HazardInput {
  return {
    id: newId(), category: 'exit-blocked', title: '楼道堆放杂物', description: '', photos: [], source: 'worker',
    reporter: { kind: 'grid-worker', personId: 'u1', confidential: false }, severity: 'general', status: 'reported', ...over,
  };
}

/** Every item of a list, page by page; also returns how many pages it took. */
async function all<K extends ResourceKind>(data: DataPort, kind: K, query: Query): Promise<{ items: RecordOf<K>[]; pages: number }> {
  const items: RecordOf<K>[] = [];
  let cursor: string | undefined;
  let pages = 0;
  do {
    const page = await data.list(kind, { ...query, ...(cursor !== undefined && { cursor }) });
    expect(page.items.length).to.be.at.most(query.limit ?? 50);
    items.push(...page.items);
    cursor = page.nextCursor ?? undefined;
    pages++;
  } while (cursor !== undefined);
  return { items, pages };
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

const ids = (records: readonly { id: string }[]) => records.map((r) => r.id);

describe('memoryDataPort: paging', () => {
  it('pages through more records than the limit with no duplicates and no gaps', async () => {
    const seed = Array.from({ length: 1234 }, (_, i) => place({ name: `楼 ${i}` }));
    const data = memoryDataPort({ places: seed }, { now });
    const { items, pages } = await all(data, 'places', { limit: 100 });
    expect(pages).to.equal(13);
    expect(items.length).to.equal(1234);
    expect(new Set(ids(items)).size).to.equal(1234);
    expect([...ids(items)].sort()).to.deep.equal(ids(seed).sort());
  });

  it('keeps the other records exactly once when records are added between pages', async () => {
    const seed = Array.from({ length: 30 }, (_, i) => place({ name: `楼 ${String(i).padStart(2, '0')}` }));
    const data = memoryDataPort({ places: seed }, { now });
    const first = await data.list('places', { limit: 10, sort: 'name' });
    // A record that sorts before the cursor and one after it arrive between two page reads.
    await data.save('places', place({ name: '楼 00a' }), { idempotencyKey: newId() });
    await data.save('places', place({ name: '楼 99' }), { idempotencyKey: newId() });
    const rest = await all(data, 'places', { limit: 10, sort: 'name', cursor: first.nextCursor ?? undefined });
    const seen = [...ids(first.items), ...ids(rest.items)];
    expect(new Set(seen).size).to.equal(seen.length);
    for (const id of ids(seed)) expect(seen).to.include(id);
  });

  it('has a null cursor on the last page, and 50 items by default', async () => {
    const data = memoryDataPort({ places: Array.from({ length: 51 }, () => place()) }, { now });
    const page = await data.list('places', {});
    expect(page.items.length).to.equal(50);
    const last = await data.list('places', { cursor: page.nextCursor ?? undefined });
    expect(last.items.length).to.equal(1);
    expect(last.nextCursor).to.equal(null);
  });

  it('refuses a limit over 500, an unknown filter and a cursor of another query', async () => {
    const data = memoryDataPort({ places: Array.from({ length: 3 }, () => place()) }, { now });
    const big = await rejection(data.list('places', { limit: 501 }));
    expect(big.code).to.equal('rejected');
    expect(big.issues.map((i) => i.path)).to.deep.equal(['limit']);
    const typo = await rejection(data.list('places', { stauts: 'reported' } as unknown as Query));
    expect(typo.code).to.equal('rejected');
    const page = await data.list('places', { limit: 1 });
    const other = await rejection(data.list('places', { limit: 1, sort: 'name', cursor: page.nextCursor ?? undefined }));
    expect(other.code).to.equal('rejected');
    expect(other.issues[0]?.path).to.equal('cursor');
    const junk = await rejection(data.list('places', { cursor: 'not-a-cursor' }));
    expect(junk.issues[0]?.path).to.equal('cursor');
  });
});

describe('memoryDataPort: filters', () => {
  const west = place({ name: '翠苑一区 3 幢', address: '西湖区文三路 88 号', gridId: '330106001001001', kind: 'residential' });
  const west2 = place({ name: 'Lucky Hotel', address: '西湖区', gridId: '330106001002001', kind: 'hotel' });
  const east = place({ name: '新城市场', address: '上城区', gridId: '330102003001001', kind: 'market' });
  const h = {
    blocked: hazard({ placeId: west.id, title: '安全出口堵塞', category: 'exit-blocked', status: 'reported', severity: 'general' }),
    // Overdue: an assigned hazard whose deadline has passed at NOW.
    late: hazard({
      placeId: west2.id, title: '电动车楼道充电', category: 'ebike-indoor', status: 'reported', severity: 'major-candidate',
      deadline: '2025-06-10T18:00:00+08:00', description: 'Charging in the stairwell',
    }),
    closedLate: hazard({ placeId: east.id, title: '消防通道占用', category: 'fire-lane-blocked', status: 'reported', deadline: '2025-06-01T00:00:00+08:00' }),
    gridOwn: hazard({ gridId: '330102003001001', title: '灭火器过期', category: 'extinguisher', severity: 'major' }),
    soon: hazard({ placeId: east.id, title: '防火门常开', category: 'fire-door', deadline: '2025-06-16T18:00:00+08:00' }),
  };
  const data = () => {
    const port = memoryDataPort({
      places: [west, west2, east],
      hazards: Object.values(h).map((x) => (x === h.closedLate ? { ...x, status: 'closed' as const } : x)),
    }, { now });
    return port;
  };
  const titles = async (query: Query) => (await all(data(), 'hazards', query)).items.map((x) => x.title).sort();

  it('searches text in name, title, description and address, ignoring case', async () => {
    expect(await titles({ q: '堵塞' })).to.deep.equal(['安全出口堵塞']);
    expect(await titles({ q: 'stairwell' })).to.deep.equal(['电动车楼道充电']);
    expect(await titles({ q: 'CHARGING stairwell' })).to.deep.equal(['电动车楼道充电']);
    const places = await all(data(), 'places', { q: '文三路' });
    expect(ids(places.items)).to.deep.equal([west.id]);
    expect(ids((await all(data(), 'places', { q: 'lucky' })).items)).to.deep.equal([west2.id]);
  });

  it('filters by grid and by scope prefix, through the place when a hazard has no grid', async () => {
    expect(await titles({ gridId: '330106001001001' })).to.deep.equal(['安全出口堵塞']);
    expect(await titles({ scope: '330106' })).to.deep.equal(['安全出口堵塞', '电动车楼道充电'].sort());
    expect(await titles({ scope: '330102' })).to.deep.equal(['消防通道占用', '灭火器过期', '防火门常开'].sort());
    expect(await titles({ scope: ['330106001002', '330102003'] })).to.have.length(4);
    expect(await titles({ scope: '*' })).to.have.length(5);
    expect(await titles({ scope: '3301069' })).to.deep.equal([]);
  });

  it('filters by status, category, severity, place and place kind', async () => {
    expect(await titles({ status: 'closed' })).to.deep.equal(['消防通道占用']);
    expect(await titles({ status: ['closed', 'reported'] })).to.have.length(5);
    expect(await titles({ category: ['fire-door', 'extinguisher'] as HazardCategory[] })).to.deep.equal(['灭火器过期', '防火门常开'].sort());
    expect(await titles({ severity: 'major-candidate' })).to.deep.equal(['电动车楼道充电']);
    expect(await titles({ placeId: east.id })).to.deep.equal(['消防通道占用', '防火门常开'].sort());
    expect(await titles({ kind: 'hotel' })).to.deep.equal(['电动车楼道充电']);
    const markets = await all(data(), 'places', { kind: ['market', 'hotel'] as PlaceKind[] });
    expect(ids(markets.items).sort()).to.deep.equal([west2.id, east.id].sort());
  });

  it('filters overdue by the clock: open and past the deadline', async () => {
    expect(await titles({ overdue: true })).to.deep.equal(['电动车楼道充电']);
    expect(await titles({ overdue: false })).to.have.length(4);
    const later = memoryDataPort({ hazards: [h.soon] }, { now: () => new Date('2025-06-17T00:00:00+08:00') });
    expect((await later.list('hazards', { overdue: true })).items.map((x) => x.title)).to.deep.equal(['防火门常开']);
  });

  it('filters by updatedSince', async () => {
    let clock = new Date('2025-06-01T00:00:00Z');
    const port = memoryDataPort({}, { now: () => clock });
    const a = await port.save('places', place({ name: 'A' }), { idempotencyKey: newId() });
    clock = new Date('2025-06-02T00:00:00Z');
    const b = await port.save('places', place({ name: 'B' }), { idempotencyKey: newId() });
    expect(ids((await port.list('places', { updatedSince: '2025-06-02T00:00:00Z' })).items)).to.deep.equal([b.id]);
    expect(ids((await port.list('places', { updatedSince: '2025-06-02T07:59:00+08:00' })).items)).to.deep.equal([b.id]);
    expect((await port.list('places', { updatedSince: '2025-05-31T00:00:00Z' })).items).to.have.length(2);
    expect(a.updatedAt).to.equal('2025-06-01T00:00:00.000Z');
  });
});

describe('memoryDataPort: sort', () => {
  it('sorts by name in zh-CN collation, by deadline with none last, by updatedAt newest first, by urgency', async () => {
    let clock = new Date('2025-06-01T00:00:00Z');
    const port = memoryDataPort({}, { now: () => clock });
    for (const name of ['王府', '安居', '张家', 'Beta', 'alpha']) {
      await port.save('places', place({ name }), { idempotencyKey: newId() });
    }
    const names = (await port.list('places', { sort: 'name' })).items.map((p) => p.name);
    const collator = new Intl.Collator('zh-CN');
    expect(names).to.deep.equal([...names].sort((a, b) => collator.compare(a, b)));
    expect(names.indexOf('安居')).to.be.below(names.indexOf('王府'));
    expect(names.indexOf('王府')).to.be.below(names.indexOf('张家'));

    // Deadlines and severities come from actions, which a save may not run: seed them as stored.
    const saved: Hazard[] = [];
    for (const [title, deadline, severity] of [
      ['none', undefined, 'major'], ['late', '2025-06-10T00:00:00Z', 'general'], ['soon', '2025-06-20T00:00:00Z', 'general'],
      ['later', '2025-09-01T00:00:00Z', 'major'],
    ] as const) {
      clock = new Date(clock.getTime() + 60_000);
      const at = clock.toISOString();
      saved.push({ ...hazard({ title, severity, ...(deadline && { deadline }) }), version: 1, createdAt: at, updatedAt: at, tenantId: 'memory', history: [] });
    }
    const hazards = memoryDataPort({ hazards: saved }, { now: () => clock });
    clock = new Date('2025-06-15T00:00:00Z');
    const order = async (sort: Query['sort']) => (await hazards.list('hazards', { sort })).items.map((x) => x.title);
    expect(await order('deadline')).to.deep.equal(['late', 'soon', 'later', 'none']);
    expect(await order('updatedAt')).to.deep.equal(['later', 'soon', 'late', 'none']);
    // Overdue first; then, among open hazards with a later deadline, major before general; none last.
    expect(await order('urgency')).to.deep.equal(['late', 'later', 'soon', 'none']);
    // Without sort: creation order (ids are UUIDv7).
    expect(await order(undefined)).to.deep.equal(saved.map((x) => x.title));
  });
});

describe('memoryDataPort: save', () => {
  it('sets the server-managed fields and ignores them on input', async () => {
    const port = memoryDataPort({}, { now, tenantId: 't1' });
    const input = { ...place(), version: 41, tenantId: 'someone-else', createdAt: '2000-01-01T00:00:00Z' };
    const saved = await port.save('places', input, { idempotencyKey: newId() });
    expect(saved.version).to.equal(1);
    expect(saved.tenantId).to.equal('t1');
    expect(saved.createdAt).to.equal(NOW.toISOString());
    expect(saved.updatedAt).to.equal(NOW.toISOString());
    const again = await port.save('places', { ...saved, name: '改名' }, { idempotencyKey: newId(), baseVersion: 1 });
    expect(again.version).to.equal(2);
    expect(again.createdAt).to.equal(saved.createdAt);
    expect((await port.get('places', saved.id))?.name).to.equal('改名');
  });

  it('refuses unknown fields and invalid content with their paths', async () => {
    const port = memoryDataPort({}, { now });
    const unknown = await rejection(port.save('places', { ...place(), colour: 'red' } as PlaceInput, { idempotencyKey: newId() }));
    expect(unknown.code).to.equal('rejected');
    expect(unknown.issues.map((i) => i.message).join(' ')).to.contain('colour');
    const nameless: Partial<PlaceInput> = place();
    delete nameless.name;
    const missing = await rejection(port.save('places', nameless as PlaceInput, { idempotencyKey: newId() }));
    expect(missing.issues.map((i) => i.path)).to.deep.equal(['name']);
    expect(missing.message).to.contain('name');
    expect((await port.list('places', {})).items).to.have.length(0);
  });

  it('returns the first response to an identical replay and refuses a different body under a used key', async () => {
    let clock = NOW;
    const port = memoryDataPort({}, { now: () => clock });
    const key = newId();
    const input = place();
    const first = await port.save('places', input, { idempotencyKey: key });
    clock = new Date(NOW.getTime() + 1000);
    // Same body with its keys in another order is the same body.
    const reordered = Object.fromEntries(Object.entries(input).reverse()) as PlaceInput;
    const replay = await port.save('places', reordered, { idempotencyKey: key });
    expect(replay).to.deep.equal(first);
    expect((await port.get('places', input.id))?.version).to.equal(1);
    const other = await rejection(port.save('places', { ...input, name: '别的' }, { idempotencyKey: key }));
    expect(other.code).to.equal('rejected');
    expect(other.message).to.contain('422');
    expect((await port.get('places', input.id))?.name).to.equal(input.name);
  });

  it('refuses a reserved key anywhere in a record or a command (an answer keyed __proto__), naming its path', async () => {
    const port = memoryDataPort();
    for (const key of ['__proto__', 'constructor', 'prototype']) {
      const record = JSON.parse(`{"id":"${newId()}","answers":{"${key}":{"result":"fail"}}}`) as Record<string, unknown>;
      const error = await rejection(port.save('inspections', record as never, { idempotencyKey: newId() }));
      expect(error.code).to.equal('rejected');
      expect(error.issues.map((i) => i.path)).to.deep.equal([`answers.${key}`]);
      const command = await rejection(port.command('captains.import', JSON.parse(`{"rows":[{"${key}":1}]}`) as never, { idempotencyKey: newId() }));
      expect(command.issues.map((i) => i.path)).to.deep.equal([`rows[0].${key}`]);
    }
  });

  it('refuses a stale baseVersion with conflict and keeps the newer record', async () => {
    const port = memoryDataPort({}, { now });
    const v1 = await port.save('places', place(), { idempotencyKey: newId() });
    await port.save('places', { ...v1, name: 'A' }, { idempotencyKey: newId(), baseVersion: 1 });
    const stale = await rejection(port.save('places', { ...v1, name: 'B' }, { idempotencyKey: newId(), baseVersion: 1 }));
    expect(stale.code).to.equal('conflict');
    expect(stale.message).to.contain('version 2');
    expect((await port.get('places', v1.id))?.name).to.equal('A');
    const missing = await rejection(port.save('places', place(), { idempotencyKey: newId(), baseVersion: 3 }));
    expect(missing.code).to.equal('conflict');
    const createOnly = await rejection(port.save('places', { ...v1 }, { idempotencyKey: newId(), baseVersion: 0 }));
    expect(createOnly.code).to.equal('conflict');
  });

  it('creates a hazard only as draft or reported and never changes its status by save', async () => {
    const port = memoryDataPort({}, { now });
    const closed = await rejection(port.save('hazards', hazard({ status: 'closed' }), { idempotencyKey: newId() }));
    expect(closed.code).to.equal('rejected');
    expect(closed.issues[0]?.path).to.equal('status');
    const draft = await port.save('hazards', hazard({ status: 'draft', history: [{ at: NOW.toISOString(), by: 'x', action: 'verify', from: 'draft', to: 'verified' }] }), { idempotencyKey: newId() });
    expect(draft.history).to.deep.equal([]);
    const moved = await rejection(port.save('hazards', { ...draft, status: 'verified' }, { idempotencyKey: newId(), baseVersion: 1 }));
    expect(moved.code).to.equal('rejected');
    const edited = await port.save('hazards', { ...draft, title: '新标题' }, { idempotencyKey: newId(), baseVersion: 1 });
    expect(edited.title).to.equal('新标题');
    expect(edited.status).to.equal('draft');
  });

  it('shares no object with its callers', async () => {
    const port = memoryDataPort({}, { now });
    const input = place({ building: { floors: 18 } });
    const saved = await port.save('places', input, { idempotencyKey: newId() });
    input.name = 'changed by caller';
    input.building!.floors = 1;
    saved.name = 'changed too';
    const read = (await port.get('places', input.id))!;
    expect(read.name).to.equal('翠苑一区 3 幢');
    expect(read.building?.floors).to.equal(18);
    read.name = 'x';
    const page = await port.list('places', {});
    expect(page.items[0]?.name).to.equal('翠苑一区 3 幢');
  });

  it('validates its seed and fills in the server-managed fields', async () => {
    const seeded = place();
    const port = memoryDataPort({ places: [seeded] }, { now, tenantId: 't9' });
    const read = await port.get('places', seeded.id);
    expect(read?.version).to.equal(1);
    expect(read?.tenantId).to.equal('t9');
    let error: unknown;
    try {
      memoryDataPort({ places: [place(), { ...place(), gridId: '' }] });
    } catch (e) {
      error = e;
    }
    expect(error).to.be.instanceOf(FiregridError);
    expect((error as FiregridError).code).to.equal('config');
    expect((error as FiregridError).message).to.contain('places[1]');
    expect((error as FiregridError).issues[0]?.path).to.equal('gridId');
  });
});

describe('memoryDataPort: commands', () => {
  it('with hazardCommands, enforces the lifecycle\'s rules of who may close what, and filters by supervision state', async () => {
    let who: TransitionActor = PEOPLE.worker;
    const port = memoryDataPort({}, { commands: hazardCommands({ actor: () => who }) });
    const closed = await whoClosesScenario(port, (a) => { who = a; });
    expect((await port.list('hazards', { supervision: 'lifted' })).items.map((h) => h.id)).to.deep.equal([closed.id]);
    expect((await port.list('hazards', { supervision: ['requested', 'listed'] })).items).to.deep.equal([]);
  });

  it('with hazardCommands, runs fix-on-spot and reopen by the lifecycle: roles, severity, photos, the 7-day window', async () => {
    let who: TransitionActor = PEOPLE.worker;
    let clock = NOW.getTime();
    const port = memoryDataPort({}, { now: () => new Date(clock), commands: hazardCommands({ actor: () => who }) });
    const reopened = await onTheSpotScenario(port, (a) => { who = a; }, (ms) => { clock += ms; });
    expect((await port.get('hazards', reopened.id))?.history.map((e) => e.action)).to.deep.equal(['fix-on-spot', 'reopen']);
  });

  it('with hazardCommands, runs the assignee\'s and the dispatcher\'s actions (issue 19) by the lifecycle, and lists assignee=me', async () => {
    let who: TransitionActor = PEOPLE.worker;
    const port = memoryDataPort({}, { now: () => NOW, actor: () => who, commands: hazardCommands({ actor: () => who }) });
    const done = await assigneeScenario(port, (a) => { who = a; });
    expect(done.tier).to.equal('community');
  });

  it('refuses assignee=me without an actor, naming the parameter', async () => {
    const error = await rejection(memoryDataPort().list('hazards', { assignee: 'me' }));
    expect(error.issues.map((i) => i.path)).to.deep.equal(['assignee']);
  });

  it('with hazardCommands, runs answer-resident and record-reward by the lifecycle; the reward is hidden like a confidential reporter', async () => {
    let who: TransitionActor = PEOPLE.worker;
    const port = memoryDataPort({}, { now: () => NOW, actor: () => who, commands: hazardCommands({ actor: () => who }) });
    const end = await tipOffScenario(port, (a) => { who = a; });
    expect(end.history.map((e) => e.action)).to.deep.equal(['answer-resident', 'verify', 'record-reward', 'edit']);
  });

  it('refuses a command without a handler with a config error', async () => {
    const error = await rejection(memoryDataPort().command('hazards.transition', { hazardId: newId(), action: 'verify' }, { idempotencyKey: newId() }));
    expect(error.code).to.equal('config');
    expect(error.message).to.contain('hazards.transition');
  });

  it('runs a handler once per key, and applies its writes only when it succeeds', async () => {
    const target = hazard({ status: 'reported' });
    let calls = 0;
    const transition: MemoryCommandHandler<'hazards.transition'> = ({ hazardId, note }, ctx) => {
      calls++;
      const current = ctx.get('hazards', hazardId);
      if (current === null) throw new FiregridError('not-found', hazardId);
      const next = ctx.put('hazards', { ...current, status: 'verified' });
      if (note === 'fail') throw new FiregridError('transition', 'refused after writing');
      return next;
    };
    const port = memoryDataPort({ hazards: [target] }, { now, commands: { 'hazards.transition': transition } });
    const failed = await rejection(port.command('hazards.transition', { hazardId: target.id, action: 'verify', note: 'fail' }, { idempotencyKey: newId() }));
    expect(failed.code).to.equal('transition');
    expect((await port.get('hazards', target.id))?.status).to.equal('reported');
    const key = newId();
    const result = await port.command('hazards.transition', { hazardId: target.id, action: 'verify' }, { idempotencyKey: key });
    expect(result.status).to.equal('verified');
    expect(result.version).to.equal(2);
    const replay = await port.command('hazards.transition', { hazardId: target.id, action: 'verify' }, { idempotencyKey: key });
    expect(replay).to.deep.equal(result);
    expect(calls).to.equal(2);
    const other = await rejection(port.command('hazards.transition', { hazardId: newId(), action: 'verify' }, { idempotencyKey: key }));
    expect(other.code).to.equal('rejected');
  });
});

describe('memoryDataPort: media', () => {
  const abc = new TextEncoder().encode('abc');
  const ABC_SHA256 = 'ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad';

  it('stores a photo with its SHA-256 and reads the same bytes back', async () => {
    const port = memoryDataPort();
    const key = newId();
    const ref = await port.uploadMedia(new Blob([abc], { type: 'image/jpeg' }), { width: 4, height: 3 }, { idempotencyKey: key });
    expect(ref.sha256).to.equal(ABC_SHA256);
    expect(ref).to.include({ width: 4, height: 3, bytes: 3 });
    const blob = await port.readMedia(ref);
    expect(new TextDecoder().decode(await blob.arrayBuffer())).to.equal('abc');
    expect(blob.type).to.equal('image/jpeg');
    const replay = await port.uploadMedia(new Blob([abc]), { width: 4, height: 3 }, { idempotencyKey: key });
    expect(replay.id).to.equal(ref.id);
    const other = await rejection(port.uploadMedia(new Blob(['abd']), { width: 4, height: 3 }, { idempotencyKey: key }));
    expect(other.code).to.equal('rejected');
    const missing = await rejection(port.readMedia({ ...ref, id: 'nope' }));
    expect(missing.code).to.equal('not-found');
  });

  it('refuses bytes that do not match the digest sent with them', async () => {
    const error = await rejection(memoryDataPort().uploadMedia(new Blob([abc]), { width: 1, height: 1, sha256: '0'.repeat(64) }, { idempotencyKey: newId() }));
    expect(error.code).to.equal('rejected');
    expect(error.issues[0]?.path).to.equal('sha256');
  });

  it('computes the same SHA-256 in JavaScript as Web Crypto, across block boundaries', async () => {
    for (const size of [0, 1, 55, 56, 63, 64, 65, 1000, 70_000]) {
      const bytes = new Uint8Array(size).map((_, i) => (i * 31 + 7) & 0xff);
      const js = Array.from(sha256Js(bytes), (b) => b.toString(16).padStart(2, '0')).join('');
      expect(js, `size ${size}`).to.equal(await sha256Hex(bytes));
    }
    expect(Array.from(sha256Js(abc), (b) => b.toString(16).padStart(2, '0')).join('')).to.equal(ABC_SHA256);
  });
});
