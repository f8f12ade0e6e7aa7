import { expect } from '@open-wc/testing';
import { createFiregridClient } from '../../packages/core/src/client/client.js';
import { FiregridError } from '../../packages/core/src/errors.js';
import type { DraftStore } from '../../packages/core/src/client/drafts.js';
import { newId } from '../../packages/core/src/ids.js';
import { hazardCommands } from '../../packages/core/src/hazard/memory-commands.js';
import type { TransitionActor } from '../../packages/core/src/hazard/lifecycle.js';
import { PEOPLE, whoClosesScenario } from '../support/who-closes.js';
import { onTheSpotScenario } from '../support/on-the-spot.js';
import { assigneeScenario } from '../support/assignee-actions.js';
import { tipOffScenario } from '../support/tip-off.js';
import type { HazardInput, PlaceInput } from '../../packages/core/src/schema/index.js';
import { autosave, localDataPort, offlineBackend } from '../../packages/core/src/offline.js';

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

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('localDataPort', () => {
  let name = '';
  beforeEach(() => { name = `test-local-${newId()}`; });
  afterEach(async () => { await localDataPort({ name }).clear(); });

  it('refuses a reserved key in a record (an answer keyed __proto__) instead of dropping it', async () => {
    const port = localDataPort({ name });
    const record = JSON.parse(`{"id":"${newId()}","answers":{"__proto__":{"result":"fail"}}}`) as Record<string, unknown>;
    const error = await rejection(port.save('inspections', record as never, { idempotencyKey: newId() }));
    expect(error.code).to.equal('rejected');
    expect(error.issues.map((i) => i.path)).to.deep.equal(['answers.__proto__']);
    expect(error.message).to.contain('__proto__');
  });

  it('keeps records across instances (reloads), with versions, conflicts and server-managed fields', async () => {
    const first = localDataPort({ name, tenantId: 'demo' });
    const h = hazard();
    const saved = await first.save('hazards', { ...h, version: 7, tenantId: 'forged' }, { idempotencyKey: newId() });
    expect(saved.version).to.equal(1);
    expect(saved.tenantId).to.equal('demo');
    expect(saved.history).to.deep.equal([]);

    const second = localDataPort({ name, tenantId: 'demo' });
    expect((await second.get('hazards', h.id))?.title).to.equal(h.title);
    const edited = await second.save('hazards', { ...saved, title: '已改' }, { idempotencyKey: newId(), baseVersion: 1 });
    expect(edited.version).to.equal(2);
    expect(edited.createdAt).to.equal(saved.createdAt);
    const stale = await rejection(second.save('hazards', { ...saved, title: '旧' }, { idempotencyKey: newId(), baseVersion: 1 }));
    expect(stale.code).to.equal('conflict');
    const bad = await rejection(second.save('hazards', { ...hazard(), mood: 'x' } as HazardInput, { idempotencyKey: newId() }));
    expect(bad.code).to.equal('rejected');
    const status = await rejection(second.save('hazards', { ...edited, status: 'closed' }, { idempotencyKey: newId(), baseVersion: 2 }));
    expect(status.issues[0]?.path).to.equal('status');
  });

  it('answers a replayed key after a reload as the first time, and refuses another body under it', async () => {
    const h = hazard();
    const key = newId();
    const first = await localDataPort({ name }).save('hazards', h, { idempotencyKey: key });
    const replay = await localDataPort({ name }).save('hazards', h, { idempotencyKey: key });
    expect(replay).to.deep.equal(first);
    expect((await localDataPort({ name }).get('hazards', h.id))?.version).to.equal(1);
    const reused = await rejection(localDataPort({ name }).save('hazards', { ...h, title: '另一个' }, { idempotencyKey: key }));
    expect(reused.code).to.equal('rejected');
  });

  it('filters, sorts and pages lists on the device, through places for grids', async () => {
    const port = localDataPort({ name });
    const place: PlaceInput = { id: newId(), kind: 'residential', name: '幸福里 3 号楼', address: '幸福路 3 号', gridId: '330106001001001' };
    await port.save('places', place, { idempotencyKey: newId() });
    await port.save('hazards', hazard({ title: '乙', placeId: place.id }), { idempotencyKey: newId() });
    await port.save('hazards', hazard({ title: '甲', placeId: place.id, status: 'draft' }), { idempotencyKey: newId() });
    await port.save('hazards', hazard({ title: '丙', gridId: '330108002003001' }), { idempotencyKey: newId() });
    expect((await port.list('hazards', { scope: '330106' })).items.map((x) => x.title).sort()).to.deep.equal(['乙', '甲'].sort());
    expect((await port.list('hazards', { status: 'draft' })).items.map((x) => x.title)).to.deep.equal(['甲']);
    const page = await port.list('hazards', { limit: 2 });
    expect(page.items).to.have.length(2);
    expect((await port.list('hazards', { limit: 2, cursor: page.nextCursor! })).items).to.have.length(1);
  });

  it('stores photos with their SHA-256 and runs commands given to it, all or nothing', async () => {
    const port = localDataPort({
      name,
      commands: { 'hazards.transition': ({ hazardId, note }, ctx) => {
        const current = ctx.get('hazards', hazardId)!;
        const next = ctx.put('hazards', { ...current, status: 'verified' });
        if (note === 'fail') throw new FiregridError('transition', 'refused after writing');
        return next;
      } },
    });
    const bytes = new Uint8Array([1, 2, 3, 4, 5]);
    const digest = [...new Uint8Array(await crypto.subtle.digest('SHA-256', bytes))].map((b) => b.toString(16).padStart(2, '0')).join('');
    const ref = await port.uploadMedia(new Blob([bytes], { type: 'image/jpeg' }), { width: 2, height: 2 }, { idempotencyKey: newId() });
    expect(ref.sha256).to.equal(digest);
    expect([...new Uint8Array(await (await localDataPort({ name }).readMedia(ref)).arrayBuffer())]).to.deep.equal([...bytes]);
    const damaged = await rejection(port.uploadMedia(new Blob([bytes]), { width: 2, height: 2, sha256: '0'.repeat(64) }, { idempotencyKey: newId() }));
    expect(damaged.code).to.equal('rejected');

    const h = await port.save('hazards', hazard(), { idempotencyKey: newId() });
    await rejection(port.command('hazards.transition', { hazardId: h.id, action: 'verify', note: 'fail' }, { idempotencyKey: newId() }));
    expect((await port.get('hazards', h.id))?.status).to.equal('reported');
    await port.command('hazards.transition', { hazardId: h.id, action: 'verify' }, { idempotencyKey: newId() });
    expect((await port.get('hazards', h.id))?.status).to.equal('verified');
    expect((await rejection(port.command('captains.import', { rows: [] }, { idempotencyKey: newId() }))).code).to.equal('config');
  });

  it('with hazardCommands, enforces the same rules of who may close what as the server and the memory port', async () => {
    let who: TransitionActor = PEOPLE.worker;
    const port = localDataPort({ name, commands: hazardCommands({ actor: () => who }) });
    const closed = await whoClosesScenario(port, (a) => { who = a; });
    // Kept on the device: a new instance reads the lifted supervision back and filters by it.
    const again = localDataPort({ name });
    expect((await again.get('hazards', closed.id))?.supervision?.liftedBy).to.equal('g-1');
    expect((await again.list('hazards', { supervision: 'lifted' })).items.map((h) => h.id)).to.deep.equal([closed.id]);
  });

  it('with hazardCommands, runs fix-on-spot and reopen by the same lifecycle, and keeps the result on the device', async () => {
    let who: TransitionActor = PEOPLE.worker;
    let clock = Date.parse('2025-06-15T04:00:00Z');
    const port = localDataPort({ name, now: () => new Date(clock), commands: hazardCommands({ actor: () => who }) });
    const reopened = await onTheSpotScenario(port, (a) => { who = a; }, (ms) => { clock += ms; });
    const again = localDataPort({ name });
    const kept = await again.get('hazards', reopened.id);
    expect([kept?.status, kept?.history[0]?.before]).to.deep.equal(['rectifying', ['p-before']]);
  });

  it('with hazardCommands, runs the assignee\'s and the dispatcher\'s actions (issue 19) and lists assignee=me on the device', async () => {
    let who: TransitionActor = PEOPLE.worker;
    const port = localDataPort({ name, actor: () => who, commands: hazardCommands({ actor: () => who }) });
    const done = await assigneeScenario(port, (a) => { who = a; });
    const kept = await localDataPort({ name }).get('hazards', done.id);
    expect([kept?.tier, kept?.transfer?.department]).to.deep.equal(['community', 'urban-management']);
  });

  it('with hazardCommands, runs answer-resident and record-reward by the same lifecycle; the reward is hidden like a confidential reporter', async () => {
    let who: TransitionActor = PEOPLE.worker;
    const port = localDataPort({ name, now: () => new Date('2025-06-15T04:00:00Z'), actor: () => who, commands: hazardCommands({ actor: () => who }) });
    const end = await tipOffScenario(port, (a) => { who = a; });
    const again = localDataPort({ name });
    expect((await again.get('hazards', end.id))?.reward).to.deep.equal({ due: true, amount: 200, paidAt: '2030-01-10' });
  });

  it('serves a standalone client with the offline backend', async () => {
    const client = createFiregridClient({
      host: {
        session: () => Promise.resolve({ tenantId: 'local', user: { id: 'u1', name: '王伟', roles: ['grid-worker'] }, scope: ['*'], locale: 'zh-CN' }),
        data: localDataPort({ name }),
      },
      backend: offlineBackend({ prefix: `test-${newId()}`, autoSync: false }),
    });
    const offline = client.offline!;
    const h = hazard();
    await client.submit('hazards', h);
    expect((await offline.sync()).pending).to.have.length(0);
    expect((await localDataPort({ name }).get('hazards', h.id))?.version).to.equal(1);
    await client.purge();
    await offline.close();
  });
});

describe('client.purge and client.offline without an offline backend', () => {
  it('wipes the signed-in user\'s drafts only, and has no outbox to show', async () => {
    let user = 'u1';
    const client = createFiregridClient({
      host: {
        session: () => Promise.resolve({ tenantId: 't1', user: { id: user, name: '王伟', roles: ['grid-worker'] }, scope: ['*'], locale: 'zh-CN' }),
        data: localDataPort({ name: `test-local-${newId()}` }),
      },
    });
    expect(client.offline).to.equal(undefined);
    await client.drafts.save('hazards', hazard());
    user = 'u2';
    await client.refreshSession();
    const other = hazard();
    await client.drafts.save('hazards', other);
    await client.purge();
    expect(await client.drafts.list('hazards')).to.deep.equal([]);
    user = 'u1';
    await client.refreshSession();
    expect(await client.drafts.list('hazards')).to.have.length(1);
  });
});

describe('autosave', () => {
  const store = () => {
    const saved: { id: string; title?: string }[] = [];
    const drafts: DraftStore = {
      save: (_kind, draft) => { saved.push({ id: draft.id, title: (draft as { title?: string }).title }); return Promise.resolve(draft); },
      get: () => Promise.resolve(null),
      list: () => Promise.resolve([]),
      remove: () => Promise.resolve(false),
    };
    return { saved, drafts };
  };

  it('saves the latest draft once the typing stops, and at once when the page is hidden', async () => {
    const { saved, drafts } = store();
    const target = new EventTarget();
    const saver = autosave(drafts, 'hazards', { delayMs: 40, target });
    const id = newId();
    saver.update({ id, title: '楼' });
    saver.update({ id, title: '楼道' });
    saver.update({ id, title: '楼道堆物' });
    expect(saved).to.have.length(0);
    await sleep(80);
    expect(saved).to.deep.equal([{ id, title: '楼道堆物' }]);

    saver.update({ id, title: '楼道堆物，已拍照' });
    target.dispatchEvent(new Event('pagehide'));
    await sleep(0);
    expect(saved.at(-1)).to.deep.equal({ id, title: '楼道堆物，已拍照' });
    await sleep(80);
    expect(saved).to.have.length(2);
    await saver.stop();
  });

  it('reports a failed save and keeps going', async () => {
    const errors: unknown[] = [];
    const drafts: DraftStore = {
      save: () => Promise.reject(new FiregridError('storage', 'no storage left')),
      get: () => Promise.resolve(null), list: () => Promise.resolve([]), remove: () => Promise.resolve(false),
    };
    const saver = autosave(drafts, 'hazards', { delayMs: 10, target: new EventTarget(), onError: (e) => errors.push(e) });
    saver.update({ id: newId() });
    await saver.flush();
    expect((errors[0] as FiregridError).code).to.equal('storage');
  });
});
