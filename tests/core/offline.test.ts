import { expect } from '@open-wc/testing';
import fc from 'fast-check';
import { createFiregridClient } from '../../packages/core/src/client/client.js';
import type { FiregridClient } from '../../packages/core/src/client/client.js';
import type { FiregridEvent } from '../../packages/core/src/client/events.js';
import { FiregridError } from '../../packages/core/src/errors.js';
import { memoryDataPort } from '../../packages/core/src/host/memory-port.js';
import type { CommandOptions, DataPort, MediaMeta, SaveOptions } from '../../packages/core/src/host/types.js';
import { newId } from '../../packages/core/src/ids.js';
import type { HazardInput, HostSession, PhotoRef } from '../../packages/core/src/schema/index.js';
import {
  DB_VERSION, backoffDelay, compressPhoto, dbNameOf, isDevicePhoto, offlineBackend, outcomeOf,
} from '../../packages/core/src/offline.js';
import type { OfflineControl, OfflineOptions } from '../../packages/core/src/offline.js';
import { FiregridHttpError } from '../../packages/core/src/http.js';
import { hazardCommands } from '../../packages/core/src/hazard/memory-commands.js';

const session = (user = 'u1', tenantId = 't1'): HostSession => ({
  tenantId, user: { id: user, name: '王伟', roles: ['grid-worker'] }, scope: ['330106'], locale: 'en',
});

function hazard(over: Partial<HazardInput> = {}): HazardInput {
  return {
    id: newId(), category: 'exit-blocked', title: '楼道堆放杂物', description: '', photos: [], source: 'worker',
    reporter: { kind: 'grid-worker', personId: 'u1', confidential: false }, severity: 'general', status: 'reported', ...over,
  };
}

/** A data port that records every call and can be told how to fail. */
interface Spy {
  port: DataPort;
  saves: SaveOptions[];
  uploads: { meta: MediaMeta; options: CommandOptions }[];
  /** Runs before each save; may throw to fail it (`after: true` fails after the server stored it). */
  failSave?: (call: number) => { error: Error; after?: boolean } | undefined;
  failUpload?: (call: number) => Error | undefined;
  failRead?: () => Error | undefined;
  inFlight: number;
  maxInFlight: number;
}

function spy(inner: DataPort = memoryDataPort()): Spy {
  const s: Spy = {
    saves: [], uploads: [], inFlight: 0, maxInFlight: 0,
    port: {
      ...inner,
      async save(kind, record, options) {
        s.saves.push(options);
        const n = s.saves.length;
        const failure = s.failSave?.(n);
        if (failure !== undefined && failure.after !== true) throw failure.error;
        s.inFlight += 1;
        s.maxInFlight = Math.max(s.maxInFlight, s.inFlight);
        try {
          await new Promise((resolve) => setTimeout(resolve, 1));
          const saved = await inner.save(kind, record, options);
          if (failure !== undefined) throw failure.error;
          return saved;
        } finally {
          s.inFlight -= 1;
        }
      },
      async uploadMedia(blob, meta, options) {
        s.uploads.push({ meta, options });
        const error = s.failUpload?.(s.uploads.length);
        if (error !== undefined) throw error;
        return inner.uploadMedia(blob, meta, options);
      },
      list: (kind, query) => {
        const error = s.failRead?.();
        return error === undefined ? inner.list(kind, query) : Promise.reject(error);
      },
      get: (kind, id) => {
        const error = s.failRead?.();
        return error === undefined ? inner.get(kind, id) : Promise.reject(error);
      },
    },
  };
  return s;
}

const opened: FiregridClient[] = [];

function offlineClient(port: DataPort, prefix: string, options: OfflineOptions = {}, who: HostSession = session()): FiregridClient & { offline: OfflineControl } {
  const client = createFiregridClient({
    host: { session: () => Promise.resolve(who), data: port },
    backend: offlineBackend({ prefix, autoSync: false, retry: { baseMs: 1000 }, random: () => 0.5, photos: { compress: true }, ...options }),
  });
  opened.push(client);
  return client as FiregridClient & { offline: OfflineControl };
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

async function image(width: number, height: number, type = 'image/png'): Promise<Blob> {
  const canvas = new OffscreenCanvas(width, height);
  const ctx = canvas.getContext('2d')!;
  ctx.fillStyle = '#c62828';
  ctx.fillRect(0, 0, width, height);
  ctx.fillStyle = '#1565c0';
  ctx.fillRect(width / 4, height / 4, width / 2, height / 2);
  return canvas.convertToBlob({ type });
}

const contains = (haystack: Uint8Array, needle: string): boolean => {
  const n = new TextEncoder().encode(needle);
  outer: for (let i = 0; i + n.length <= haystack.length; i++) {
    for (let j = 0; j < n.length; j++) if (haystack[i + j] !== n[j]) continue outer;
    return true;
  }
  return false;
};

/** A database prefix of this file's own: test files run side by side on one origin. */
const prefixes: string[] = [];
const fresh = (): string => {
  const p = `test-offline-${newId()}`;
  prefixes.push(p);
  return p;
};
let prefix = '';
beforeEach(() => { prefix = fresh(); });
afterEach(async () => {
  for (const client of opened.splice(0)) {
    await client.offline?.close();
  }
  const mine = prefixes.splice(0);
  const dbs = await indexedDB.databases();
  await Promise.all(dbs.filter((d) => mine.some((p) => d.name?.startsWith(`${p}/`) === true)).map((d) => new Promise((resolve) => {
    const request = indexedDB.deleteDatabase(d.name!);
    request.onsuccess = request.onerror = request.onblocked = resolve;
  })));
});

describe('offline: drafts on IndexedDB', () => {
  it('keeps drafts per tenant and user, newest first, and they survive a new client (a reload)', async () => {
    const port = memoryDataPort();
    const a = offlineClient(port, prefix);
    const first = hazard({ title: '一' });
    const second = hazard({ title: '二' });
    await a.drafts.save('hazards', first);
    await a.drafts.save('hazards', second);
    await a.drafts.save('hazards', { ...first, title: '一改' });
    await a.offline.close();

    const reloaded = offlineClient(port, prefix);
    expect((await reloaded.drafts.list('hazards')).map((d) => d.title)).to.deep.equal(['一改', '二']);
    expect((await reloaded.drafts.get('hazards', second.id))?.title).to.equal('二');
    expect(await offlineClient(port, prefix, {}, session('u2')).drafts.list('hazards')).to.deep.equal([]);
    expect(await offlineClient(port, prefix, {}, session('u1', 't2')).drafts.list('hazards')).to.deep.equal([]);
    const names = (await indexedDB.databases()).map((d) => d.name);
    expect(names).to.include(dbNameOf(prefix, 't1', 'u1'));
    expect(names).to.include(dbNameOf(prefix, 't1', 'u2'));
  });

  it('removes drafts and wipes the whole database on purge', async () => {
    const client = offlineClient(memoryDataPort(), prefix);
    const draft = hazard();
    await client.drafts.save('hazards', draft);
    expect(await client.drafts.remove('hazards', draft.id)).to.equal(true);
    expect(await client.drafts.remove('hazards', draft.id)).to.equal(false);
    await client.drafts.save('hazards', hazard());
    await client.submit('hazards', hazard());
    await client.purge();
    expect((await indexedDB.databases()).map((d) => d.name)).not.to.include(dbNameOf(prefix, 't1', 'u1'));
    expect(await client.drafts.list('hazards')).to.deep.equal([]);
    expect((await client.offline.status()).pending).to.have.length(0);
  });

  it('creates every store at version 1 and closes when another tab deletes or upgrades the database', async () => {
    const client = offlineClient(memoryDataPort(), prefix);
    await client.drafts.save('hazards', hazard());
    const name = dbNameOf(prefix, 't1', 'u1');
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const r = indexedDB.open(name);
      r.onsuccess = () => { resolve(r.result); };
      r.onerror = () => { reject(new Error(r.error?.message ?? 'open failed')); };
    });
    expect(db.version).to.equal(DB_VERSION);
    expect([...db.objectStoreNames].sort()).to.deep.equal(['drafts', 'meta', 'outbox', 'photos', 'records']);
    db.close();
    // The client's own connection is open; a deletion elsewhere must not be blocked by it.
    const outcome = await new Promise<string>((resolve) => {
      const r = indexedDB.deleteDatabase(name);
      r.onsuccess = () => { resolve('deleted'); };
      r.onblocked = () => { resolve('blocked'); };
    });
    expect(outcome).to.equal('deleted');
    // …and the client opens it again on its next use.
    await client.drafts.save('hazards', hazard());
    expect(await client.drafts.list('hazards')).to.have.length(1);
  });
});

describe('offline: the outbox', () => {
  it('queues a submit as an entry whose id is the Idempotency-Key, removes the draft, and sends it on sync', async () => {
    const s = spy();
    const client = offlineClient(s.port, prefix);
    const events: FiregridEvent[] = [];
    client.events.on('*', (e) => events.push(e));
    const record = hazard();
    await client.drafts.save('hazards', record);
    const receipt = await client.submit('hazards', record);
    if (receipt.kind !== 'queued') throw new Error(`expected a queued receipt, got ${receipt.kind}`);
    expect(receipt.record.version).to.equal(0);
    expect(await client.drafts.get('hazards', record.id)).to.equal(null);
    expect(events.map((e) => e.type)).to.deep.equal(['draft.saved', 'draft.removed', 'record.submitted']);
    expect(events[2]).to.deep.include({ entryId: receipt.entryId });
    expect(s.saves).to.have.length(0);

    const before = await client.offline.status();
    expect(before.pending).to.have.length(1);
    const entry = before.pending[0]!;
    // The receipt names the entry: nobody needs to read the outbox to learn the write was queued.
    expect(entry.id).to.equal(receipt.entryId);
    expect(entry.op).to.equal('save');
    expect(entry.record?.id).to.equal(record.id);

    const after = await client.offline.sync();
    expect(after.pending).to.have.length(0);
    expect(after.lastSyncAt).to.be.a('string');
    expect(s.saves.map((o) => o.idempotencyKey)).to.deep.equal([entry.id]);
    expect((await s.port.get('hazards', record.id))?.version).to.equal(1);
    // The acknowledged record replaces the device's copy in the cache.
    expect((await client.data.get('hazards', record.id))?.version).to.equal(1);
  });

  it('sends edits with If-Match and rebases a second unsent edit on the version the first one got', async () => {
    const s = spy();
    const client = offlineClient(s.port, prefix);
    const stored = await s.port.save('hazards', hazard(), { idempotencyKey: newId() });
    const first = (await client.submit('hazards', { ...stored, title: '第一次修改' })).record;
    await client.submit('hazards', { ...first, description: '第二次修改' });
    await client.offline.sync();
    expect(s.saves.map((o) => o.baseVersion)).to.deep.equal([undefined, 1, 2]);
    const server = await s.port.get('hazards', stored.id);
    expect(server?.version).to.equal(3);
    expect(server?.title).to.equal('第一次修改');
    expect(server?.description).to.equal('第二次修改');
    expect((await client.offline.status()).conflicted).to.have.length(0);
  });

  it('double save: a second edit made from the same stale copy is a conflict with both versions, not a lost update', async () => {
    const s = spy();
    const client = offlineClient(s.port, prefix);
    const stored = await s.port.save('hazards', hazard(), { idempotencyKey: newId() });
    // One tab saves twice quickly from the copy it loaded (version 1), not from what the first save returned.
    await client.submit('hazards', { ...stored, title: '第一次保存' });
    await client.submit('hazards', { ...stored, description: '第二次保存' });
    const status = await client.offline.sync();
    expect(s.saves.map((o) => o.baseVersion)).to.deep.equal([undefined, 1, 1]);
    expect(status.conflicted).to.have.length(1);
    const conflict = status.conflicted[0]!;
    expect(conflict.record?.description).to.equal('第二次保存');
    expect(conflict.theirs?.title).to.equal('第一次保存');
    expect(conflict.theirs?.version).to.equal(2);
    const server = await s.port.get('hazards', stored.id);
    expect(server?.title).to.equal('第一次保存');
    expect(server?.description).to.equal('');
  });

  it('two tabs: edits made from the same server version conflict; an edit made from the other tab\'s unsent copy chains', async () => {
    const s = spy();
    const a = offlineClient(s.port, prefix);
    const b = offlineClient(s.port, prefix);
    const stored = await s.port.save('hazards', hazard(), { idempotencyKey: newId() });
    const inA = await a.data.get('hazards', stored.id);
    const inB = await b.data.get('hazards', stored.id);
    await a.submit('hazards', { ...inA!, title: '甲标签页' });
    await b.submit('hazards', { ...inB!, title: '乙标签页' });
    const status = await a.offline.sync();
    expect(status.conflicted).to.have.length(1);
    expect(status.conflicted[0]?.record?.title).to.equal('乙标签页');
    expect(status.conflicted[0]?.theirs?.title).to.equal('甲标签页');
    expect((await s.port.get('hazards', stored.id))?.title).to.equal('甲标签页');
    await a.offline.resolve(status.conflicted[0]!.id, 'theirs');

    // Tab B now opens the record while tab A's edit is unsent: it sees A's copy and builds on it.
    const server = await s.port.get('hazards', stored.id);
    await a.submit('hazards', { ...server!, title: '甲的第二次' });
    const seen = await b.data.get('hazards', stored.id);
    expect(seen?.title).to.equal('甲的第二次');
    await b.submit('hazards', { ...seen!, description: '乙接着改' });
    const after = await b.offline.sync();
    expect(after.conflicted).to.have.length(0);
    expect(after.pending).to.have.length(0);
    const final = await s.port.get('hazards', stored.id);
    expect(final?.title).to.equal('甲的第二次');
    expect(final?.description).to.equal('乙接着改');
    expect(final?.version).to.equal(4);
  });

  it('a chained edit follows only the write it was made from: another tab\'s write acknowledged in between makes it stale', async () => {
    const s = spy();
    const a = offlineClient(s.port, prefix);
    const b = offlineClient(s.port, prefix);
    const stored = await s.port.save('hazards', hazard(), { idempotencyKey: newId() });
    const inA = await a.data.get('hazards', stored.id);
    const inB = await b.data.get('hazards', stored.id);
    // Tab B saves first; tab A then saves twice from what it loaded and from its own first save.
    await b.submit('hazards', { ...inB!, title: '乙的修改' });
    const mine = (await a.submit('hazards', { ...inA!, description: '甲第一次' })).record;
    await a.submit('hazards', { ...mine, description: '甲第二次' });
    const first = await a.offline.sync();
    expect((await s.port.get('hazards', stored.id))?.title).to.equal('乙的修改');
    expect(first.conflicted).to.have.length(1);
    expect(first.conflicted[0]?.record?.description).to.equal('甲第一次');
    // Tab A drops its first edit; its second, made without B's change, must not overwrite it.
    await a.offline.resolve(first.conflicted[0]!.id, 'theirs');
    const second = await a.offline.sync();
    expect(second.conflicted).to.have.length(1);
    expect(second.conflicted[0]?.record?.description).to.equal('甲第二次');
    expect(second.conflicted[0]?.theirs?.title).to.equal('乙的修改');
    const server = await s.port.get('hazards', stored.id);
    expect(server?.title).to.equal('乙的修改');
    expect(server?.description).to.equal('');
  });

  it('an edit made from the device\'s own copy after it was sent goes on the version the server gave it', async () => {
    const s = spy();
    const client = offlineClient(s.port, prefix);
    const stored = await s.port.save('hazards', hazard(), { idempotencyKey: newId() });
    const first = (await client.submit('hazards', { ...stored, title: '第一次' })).record;
    await client.offline.sync();
    await client.submit('hazards', { ...first, description: '接着改' });
    const status = await client.offline.sync();
    expect(status.conflicted).to.have.length(0);
    expect(s.saves.at(-1)?.baseVersion).to.equal(2);
    const server = await s.port.get('hazards', stored.id);
    expect(server?.title).to.equal('第一次');
    expect(server?.description).to.equal('接着改');

    // Someone else changes it; the same old copy is now stale, and says so.
    await s.port.save('hazards', { ...server!, title: '别人' }, { idempotencyKey: newId(), baseVersion: 3 });
    await client.submit('hazards', { ...first, description: '再改' });
    expect((await client.offline.sync()).conflicted).to.have.length(1);
  });

  it('an edit chained on the device\'s copy follows the device\'s own transition queued before it', async () => {
    // A transition that only adds to the history (as flag-major's note would): it moves the version on.
    const inner = memoryDataPort({}, {
      commands: { 'hazards.transition': (payload, ctx) => {
        const { hazardId } = payload as { hazardId: string };
        const current = ctx.get('hazards', hazardId);
        if (current === null) throw new FiregridError('not-found', `no hazard ${hazardId}`);
        return ctx.put('hazards', { ...current });
      } },
    });
    const client = offlineClient(inner, prefix);
    const stored = await inner.save('hazards', hazard(), { idempotencyKey: newId() });
    const first = (await client.submit('hazards', { ...stored, title: '先改' })).record;
    await client.command('hazards.transition', { hazardId: stored.id, action: 'flag-major', note: '楼道' });
    await client.submit('hazards', { ...first, description: '再改' });
    const status = await client.offline.sync();
    expect(status.conflicted).to.have.length(0);
    expect(status.failed).to.have.length(0);
    const server = await inner.get('hazards', stored.id);
    expect(server?.title).to.equal('先改');
    expect(server?.description).to.equal('再改');
    expect(server?.version).to.equal(4);
  });

  it('resends after a lost answer with the same key, and the server applies it once', async () => {
    const s = spy();
    s.failSave = (n) => (n === 1 ? { error: new TypeError('Failed to fetch'), after: true } : undefined);
    const client = offlineClient(s.port, prefix);
    const record = hazard();
    await client.submit('hazards', record);
    const retrying = await client.offline.sync();
    expect(retrying.pending).to.have.length(1);
    expect(retrying.pending[0]?.attempts).to.equal(1);
    await client.offline.sync({ force: true });
    expect(s.saves).to.have.length(2);
    expect(s.saves[0]?.idempotencyKey).to.equal(s.saves[1]?.idempotencyKey);
    expect((await s.port.get('hazards', record.id))?.version).to.equal(1);
  });

  it('never duplicates a write however answers are lost (property)', async () => {
    await fc.assert(fc.asyncProperty(
      fc.array(fc.record({ target: fc.nat(2), lose: fc.boolean() }), { minLength: 1, maxLength: 6 }),
      async (ops) => {
        const inner = memoryDataPort();
        const s = spy(inner);
        const lost = new Set<number>();
        s.failSave = (n) => (lost.has(n) ? { error: new FiregridError('network', 'lost answer'), after: true } : undefined);
        ops.forEach((op, i) => { if (op.lose) lost.add(i * 2 + 1); });
        const client = offlineClient(s.port, fresh());
        const ids = [newId(), newId(), newId()];
        const latest = new Map<string, HazardInput>();
        const counts = new Map<string, number>();
        for (const op of ops) {
          const id = ids[op.target]!;
          const base = latest.get(id) ?? hazard({ id });
          latest.set(id, (await client.submit('hazards', { ...base, description: `${base.description}+` })).record);
          counts.set(id, (counts.get(id) ?? 0) + 1);
        }
        for (let i = 0; i < ops.length * 2 + 2; i++) {
          if ((await client.offline.sync({ force: true })).pending.length === 0) break;
        }
        expect((await client.offline.status()).pending).to.have.length(0);
        const page = await inner.list('hazards', {});
        expect(page.items).to.have.length(counts.size);
        for (const item of page.items) {
          // One version per submit: no write was applied twice, none was lost.
          expect(item.version).to.equal(counts.get(item.id));
          expect(item.description).to.equal('+'.repeat(counts.get(item.id)!));
        }
        await client.offline.close();
      },
    ), { numRuns: 12 });
  });

  it('retries network errors, 5xx and 429 with exponential backoff and jitter', async () => {
    const s = spy();
    const errors = [
      new FiregridHttpError('network', 'Service Unavailable', { status: 503 }),
      new FiregridHttpError('network', 'Too Many Requests', { status: 429, retryAfterMs: 7000 }),
      new TypeError('Failed to fetch'),
    ];
    s.failSave = (n) => {
      const error = errors[n - 1];
      return error === undefined ? undefined : { error };
    };
    const client = offlineClient(s.port, prefix);
    await client.submit('hazards', hazard());
    // 503 → first backoff (500–1000 ms, jitter 0.5 → 750); 429 → the server's Retry-After; then 4 × base/… grows.
    // The next attempt is set when the failure is recorded, somewhere inside the sync: so the
    // expected delay must lie between nextAttemptAt − (end of sync) and nextAttemptAt − (start).
    const expected = [750, 7000, 3000];
    for (let i = 0; i < 3; i++) {
      const start = Date.now();
      const entry = (await client.offline.sync({ force: true })).pending[0]!;
      const end = Date.now();
      expect(entry.attempts).to.equal(i + 1);
      expect(expected[i], `attempt ${i + 1}`).to.be.within(entry.nextAttemptAt! - end - 1, entry.nextAttemptAt! - start + 1);
    }
    const done = await client.offline.sync({ force: true });
    expect(done.pending).to.have.length(0);
    expect(done.failed).to.have.length(0);
  });

  it('pauses on 401 instead of rejecting, asks the host, and resumes with fresh credentials', async () => {
    const s = spy();
    let token = 'expired';
    s.failSave = () => (token === 'expired' ? { error: new FiregridHttpError('unauthorized', 'token expired', { status: 401 }) } : undefined);
    let asked = 0;
    const client = offlineClient(s.port, prefix, { onAuthRequired: () => { asked += 1; } });
    await client.submit('hazards', hazard());
    await client.submit('hazards', hazard());
    const paused = await client.offline.sync();
    expect(paused.paused).to.equal('auth');
    expect(paused.pending).to.have.length(2);
    expect(paused.failed).to.have.length(0);
    await new Promise((resolve) => setTimeout(resolve, 10));
    expect(asked).to.equal(1);
    // While paused, a wake-up sends one request to find out whether fresh credentials came.
    const before = s.saves.length;
    expect((await client.offline.sync()).paused).to.equal('auth');
    expect(s.saves.length - before).to.equal(1);
    expect(asked).to.equal(1);
    token = 'fresh';
    const resumed = await client.offline.sync();
    expect(resumed.paused).to.equal(null);
    expect(resumed.pending).to.have.length(0);
  });

  it('turns a stale edit into a conflict shown with both versions, resolvable either way', async () => {
    const s = spy();
    const client = offlineClient(s.port, prefix);
    const stored = await s.port.save('hazards', hazard(), { idempotencyKey: newId() });
    await s.port.save('hazards', { ...stored, title: '别人的修改' }, { idempotencyKey: newId(), baseVersion: 1 });
    await client.submit('hazards', { ...stored, title: '我的修改' });
    const status = await client.offline.sync();
    expect(status.conflicted).to.have.length(1);
    const conflict = status.conflicted[0]!;
    expect(conflict.record?.title).to.equal('我的修改');
    expect(conflict.theirs?.title).to.equal('别人的修改');
    expect(conflict.theirs?.version).to.equal(2);
    expect(conflict.error?.code).to.equal('conflict');
    expect((await s.port.get('hazards', stored.id))?.title).to.equal('别人的修改');

    await client.offline.resolve(conflict.id, 'mine');
    await client.offline.sync();
    const server = await s.port.get('hazards', stored.id);
    expect(server?.title).to.equal('我的修改');
    expect(server?.version).to.equal(3);
    expect(s.saves.at(-1)?.baseVersion).to.equal(2);
    expect(s.saves.at(-1)?.idempotencyKey).not.to.equal(conflict.id);

    await s.port.save('hazards', { ...server!, title: '又被改了' }, { idempotencyKey: newId(), baseVersion: 3 });
    await client.submit('hazards', { ...server!, title: '我的第二次' });
    const second = (await client.offline.sync()).conflicted[0]!;
    await client.offline.resolve(second.id, 'theirs');
    expect((await client.offline.status()).conflicted).to.have.length(0);
    expect((await client.data.get('hazards', stored.id))?.title).to.equal('又被改了');
  });

  it('keeps a record the server rejects, with the reason, holds back its later edits, and lets it be edited', async () => {
    const s = spy();
    const client = offlineClient(s.port, prefix);
    const bad = hazard({ status: 'closed' });
    await client.submit('hazards', bad);
    await client.submit('hazards', { ...bad, title: '后来的修改' });
    const other = hazard();
    await client.submit('hazards', other);
    const status = await client.offline.sync();
    expect(status.failed).to.have.length(1);
    const failed = status.failed[0]!;
    expect(failed.error?.code).to.equal('rejected');
    expect(failed.error?.issues.map((i) => i.path)).to.include('status');
    expect(status.pending).to.have.length(1);
    expect(await s.port.get('hazards', other.id)).not.to.equal(null);
    expect(s.saves.filter((o) => o.idempotencyKey === status.pending[0]!.id)).to.have.length(0);

    // Still there after a reload.
    await client.offline.close();
    const reloaded = offlineClient(s.port, prefix);
    expect((await reloaded.offline.status()).failed.map((e) => e.id)).to.deep.equal([failed.id]);
    const draft = await reloaded.offline.edit(failed.id);
    expect(draft.id).to.equal(bad.id);
    expect((await reloaded.drafts.get('hazards', bad.id))?.status).to.equal('closed');
    await reloaded.offline.discard(status.pending[0]!.id);
    await reloaded.submit('hazards', { ...bad, status: 'reported' });
    const fixed = await reloaded.offline.sync();
    expect(fixed.failed).to.have.length(0);
    expect(fixed.pending).to.have.length(0);
    expect((await s.port.get('hazards', bad.id))?.status).to.equal('reported');
  });

  it('sends from one tab at a time: two clients on one database send each entry once', async () => {
    const s = spy();
    const a = offlineClient(s.port, prefix);
    const b = offlineClient(s.port, prefix);
    for (let i = 0; i < 6; i++) await (i % 2 === 0 ? a : b).submit('hazards', hazard());
    await Promise.all([a.offline.sync(), b.offline.sync()]);
    await a.offline.sync();
    const keys = s.saves.map((o) => o.idempotencyKey);
    expect(new Set(keys).size).to.equal(keys.length);
    expect(keys).to.have.length(6);
    expect((await s.port.list('hazards', {})).items).to.have.length(6);
  });

  it('queues commands and sends a transition after the hazard it is about', async () => {
    const inner = memoryDataPort({}, {
      commands: { 'hazards.transition': (payload, ctx) => {
        const { hazardId } = payload as { hazardId: string };
        const current = ctx.get('hazards', hazardId);
        if (current === null) throw new FiregridError('not-found', `no hazard ${hazardId}`);
        return ctx.put('hazards', { ...current, status: 'verified' });
      } },
    });
    const client = offlineClient(inner, prefix);
    const record = hazard();
    await client.submit('hazards', record);
    const result = await client.command('hazards.transition', { hazardId: record.id, action: 'verify' });
    expect(result).to.deep.include({ kind: 'queued' });
    const status = await client.offline.sync();
    expect(status.pending).to.have.length(0);
    expect(status.failed).to.have.length(0);
    expect((await inner.get('hazards', record.id))?.status).to.equal('verified');
    expect((await client.data.get('hazards', record.id))?.status).to.equal('verified');
  });
});

describe('offline: commands online', () => {
  const port = () => memoryDataPort({}, {
    commands: { 'hazards.transition': (payload, ctx) => {
      const { hazardId } = payload as { hazardId: string };
      const current = ctx.get('hazards', hazardId);
      if (current === null) throw new FiregridError('not-found', `There is no hazard ${hazardId}`);
      return ctx.put('hazards', { ...current, status: 'verified' });
    } },
  });

  it('waits for the first attempt: the server\'s result, or its refusal as an error that leaves nothing queued', async () => {
    const inner = port();
    const client = offlineClient(inner, prefix, { autoSync: true, intervalMs: 60_000 });
    const h = await inner.save('hazards', hazard(), { idempotencyKey: newId() });
    const receipt = await client.command('hazards.transition', { hazardId: h.id, action: 'verify' });
    expect(receipt.kind).to.equal('stored');
    expect((receipt.kind === 'stored' ? receipt.result as { status?: string } : undefined)?.status).to.equal('verified');
    const error = await rejection(client.command('hazards.transition', { hazardId: newId(), action: 'verify' }));
    expect(error.code).to.equal('not-found');
    const status = await client.offline.status();
    expect(status.pending).to.have.length(0);
    expect(status.failed).to.have.length(0);
  });

  it('answers at once with the queued entry when offline, and sends it later', async () => {
    const inner = port();
    let online = false;
    const client = offlineClient(inner, prefix, { autoSync: true, intervalMs: 60_000, env: { online: () => online } });
    const h = await inner.save('hazards', hazard(), { idempotencyKey: newId() });
    const receipt = await client.command('hazards.transition', { hazardId: h.id, action: 'verify' });
    if (receipt.kind !== 'queued') throw new Error(`expected a queued receipt, got ${receipt.kind}`);
    expect((await client.offline.status()).pending.map((e) => e.id)).to.deep.equal([receipt.entryId]);
    online = true;
    await client.offline.sync();
    expect((await inner.get('hazards', h.id))?.status).to.equal('verified');
  });
});

describe('offline: photos', () => {
  it('compresses photos on the device to JPEG with a long edge of at most 1600 px', async () => {
    const big = await compressPhoto(await image(3200, 2000));
    expect(big.blob.type).to.equal('image/jpeg');
    expect([big.width, big.height]).to.deep.equal([1600, 1000]);
    const bitmap = await createImageBitmap(big.blob);
    expect([bitmap.width, bitmap.height]).to.deep.equal([1600, 1000]);
    const small = await compressPhoto(await image(400, 300));
    expect([small.width, small.height]).to.deep.equal([400, 300]);
    const error = await rejection(compressPhoto(new Blob(['not a photo'], { type: 'text/plain' }), { locale: 'en' }));
    expect(error.code).to.equal('rejected');
  });

  it('drops EXIF and other metadata', async () => {
    const jpeg = new Uint8Array(await (await image(800, 600, 'image/jpeg')).arrayBuffer());
    // SOI, then an APP1 Exif block (with an orientation entry) and a comment naming a place.
    const tiff = [0x49, 0x49, 0x2a, 0x00, 0x08, 0, 0, 0, 0x01, 0x00, 0x12, 0x01, 0x03, 0x00, 0x01, 0, 0, 0, 0x01, 0x00, 0, 0, 0, 0, 0, 0];
    const exif = [...new TextEncoder().encode('Exif\0\0'), ...tiff];
    const comment = [...new TextEncoder().encode('GPS 30.27N 120.15E')];
    const withMeta = new Uint8Array([
      0xff, 0xd8,
      0xff, 0xe1, (exif.length + 2) >> 8, (exif.length + 2) & 0xff, ...exif,
      0xff, 0xfe, (comment.length + 2) >> 8, (comment.length + 2) & 0xff, ...comment,
      ...jpeg.subarray(2),
    ]);
    expect(contains(withMeta, 'Exif')).to.equal(true);
    const out = new Uint8Array(await (await compressPhoto(new Blob([withMeta], { type: 'image/jpeg' }))).blob.arrayBuffer());
    expect(contains(out, 'Exif')).to.equal(false);
    expect(contains(out, 'GPS 30.27N')).to.equal(false);
  });

  it('keeps photos as blobs, uploads them first with their SHA-256, and sends the record with the server refs', async () => {
    const s = spy();
    const client = offlineClient(s.port, prefix);
    const ref = await client.data.uploadMedia(await image(2400, 1800), { width: 1, height: 1 }, { idempotencyKey: newId() });
    expect(isDevicePhoto(ref)).to.equal(true);
    expect([ref.width, ref.height]).to.deep.equal([1600, 1200]);
    const local = await client.data.readMedia(ref);
    expect(local.type).to.equal('image/jpeg');
    expect(local.size).to.equal(ref.bytes);
    const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', await local.arrayBuffer()));
    expect(ref.sha256).to.equal([...digest].map((b) => b.toString(16).padStart(2, '0')).join(''));

    const record = hazard({ photos: [ref] });
    await client.submit('hazards', record);
    expect((await client.offline.status()).unsentPhotos).to.equal(1);
    await client.offline.sync();
    expect(s.uploads).to.have.length(1);
    expect(s.uploads[0]?.options.idempotencyKey).to.equal(ref.id);
    expect(s.uploads[0]?.meta.sha256).to.equal(ref.sha256);
    const server = await s.port.get('hazards', record.id);
    expect(server?.photos[0]?.sha256).to.equal(ref.sha256);
    expect(server?.photos[0]?.url).to.match(/^memory:/);
    const status = await client.offline.status();
    expect(status.unsentPhotos).to.equal(0);
    // The device copy still reads, by its device ref and by the server's.
    expect((await client.data.readMedia(ref)).size).to.equal(ref.bytes);
    expect((await client.data.readMedia(server!.photos[0]!)).size).to.equal(ref.bytes);
  });

  it('an on-the-spot fix made offline uploads its photos before and after first, and sends the server ids of both', async () => {
    const s = spy(memoryDataPort({}, { commands: hazardCommands({ actor: { id: 'u1', roles: ['grid-worker'] } }) }));
    const client = offlineClient(s.port, prefix);
    const h = await s.port.save('hazards', hazard(), { idempotencyKey: newId() });
    const before = await client.data.uploadMedia(await image(40, 30), { width: 1, height: 1 }, { idempotencyKey: newId() });
    const after = await client.data.uploadMedia(await image(30, 40), { width: 1, height: 1 }, { idempotencyKey: newId() });
    const queued = await client.command('hazards.transition', {
      hazardId: h.id, action: 'fix-on-spot', note: '当场清理', before: [before.id], evidence: [after.id],
    });
    expect(queued).to.deep.include({ kind: 'queued' });
    expect((await client.offline.status()).unsentPhotos).to.equal(2);
    await client.offline.sync();
    expect(s.uploads.map((u) => u.options.idempotencyKey).sort()).to.deep.equal([before.id, after.id].sort());
    const stored = await s.port.get('hazards', h.id);
    const entry = stored?.history.at(-1);
    expect(stored?.status).to.equal('closed');
    // The memory port's ids, not the device's: each list mapped, neither mixed into the other.
    const server = async (id: string | undefined): Promise<number> => (await s.port.readMedia({ id: id ?? '', url: `memory:${id ?? ''}`, sha256: '0'.repeat(64), width: 1, height: 1, bytes: 0 })).size;
    expect(entry?.before).to.have.length(1);
    expect(entry?.evidence).to.have.length(1);
    expect(isDevicePhoto({ id: entry?.before?.[0], url: 'x' })).to.equal(false);
    expect(await server(entry?.before?.[0])).to.equal(before.bytes);
    expect(await server(entry?.evidence?.[0])).to.equal(after.bytes);
  });

  it('is not done until the record and every photo are acknowledged', async () => {
    const s = spy();
    s.failUpload = (n) => (n === 2 ? new FiregridError('network', 'upload cut off') : undefined);
    const client = offlineClient(s.port, prefix);
    const one = await client.offline.addPhoto(await image(200, 100));
    const two = await client.offline.addPhoto(await image(100, 200));
    const record = hazard({ photos: [one, two] });
    await client.submit('hazards', record);
    const status = await client.offline.sync();
    expect(status.pending).to.have.length(1);
    expect(await s.port.get('hazards', record.id)).to.equal(null);
    expect(s.saves).to.have.length(0);
    await client.offline.sync({ force: true });
    // The first photo was not uploaded twice: its acknowledgement was kept.
    expect(s.uploads.map((u) => u.options.idempotencyKey)).to.deep.equal([one.id, two.id, two.id]);
    expect((await s.port.get('hazards', record.id))?.photos.map((p) => p.sha256)).to.deep.equal([one.sha256, two.sha256]);
  });

  it('refuses to queue a record whose device photo is gone', async () => {
    const client = offlineClient(memoryDataPort(), prefix);
    const ghost: PhotoRef = { id: newId(), url: `firegrid-device:${newId()}`, sha256: '0'.repeat(64), width: 1, height: 1, bytes: 1 };
    const error = await rejection(client.submit('hazards', hazard({ photos: [{ ...ghost, id: ghost.url.slice(16) }] })));
    expect(error.code).to.equal('validation');
    expect((await client.offline.status()).pending).to.have.length(0);
  });
});

describe('offline: a photo shared by two records', () => {
  it('sends a second record with a device photo another record\'s send already uploaded (a failed item\'s hazard after its inspection)', async () => {
    const s = spy();
    const client = offlineClient(s.port, prefix);
    const photo = await client.offline.addPhoto(await image(200, 100));
    // The inspection (here a first record) goes out first and its photo is acknowledged ...
    await client.submit('hazards', hazard({ title: '检查记录', photos: [photo] }));
    await client.offline.sync();
    expect(s.uploads).to.have.length(1);
    // ... then the hazard made from the same answer is reported with the same device photo.
    const second = hazard({ title: '不合格项隐患', photos: [photo] });
    await client.submit('hazards', second);
    await client.offline.sync();
    expect(s.uploads, 'the photo is not uploaded again').to.have.length(1);
    expect((await s.port.get('hazards', second.id))?.photos.map((p) => p.sha256)).to.deep.equal([photo.sha256]);
  });
});

describe('offline: reads', () => {
  it('falls back to the cache when the network fails, filtered on the device, with unsent records', async () => {
    const s = spy();
    const client = offlineClient(s.port, prefix);
    await s.port.save('hazards', hazard({ title: '已上报', status: 'reported' }), { idempotencyKey: newId() });
    await s.port.save('hazards', hazard({ title: '草稿', status: 'draft' }), { idempotencyKey: newId() });
    const online = await client.data.list('hazards', {});
    expect(online.items).to.have.length(2);
    await client.submit('hazards', hazard({ title: '离线新建', status: 'reported' }));

    s.failRead = () => new TypeError('Failed to fetch');
    const offline = await client.data.list('hazards', { status: 'reported', sort: 'name' });
    expect(offline.items.map((h) => h.title).sort()).to.deep.equal(['已上报', '离线新建'].sort());
    const one = online.items[0]!;
    expect((await client.data.get('hazards', one.id))?.id).to.equal(one.id);
    const error = await rejection(client.data.get('hazards', newId()));
    expect(error.code).to.equal('host-failure');
    expect((await client.offline.listCached('hazards', { q: '草稿' })).items).to.have.length(1);
    expect((await client.offline.listCached('hazards', { limit: 1 })).nextCursor).to.be.a('string');

    s.failRead = () => new FiregridHttpError('forbidden', 'not in your scope', { status: 403 });
    expect((await rejection(client.data.list('hazards', {}))).code).to.equal('forbidden');
  });
});

describe('offline: tabs', () => {
  for (const mode of ['web-locks', 'broadcast-channel'] as const) {
    it(`lets one tab edit a draft at a time (${mode})`, async () => {
      const env = mode === 'web-locks' ? {} : { env: { locks: undefined } };
      const port = memoryDataPort();
      const a = offlineClient(port, prefix, env);
      const b = offlineClient(port, prefix, env);
      const draft = hazard();
      await a.drafts.save('hazards', draft);
      const lockA = await a.offline.lockDraft('hazards', draft.id);
      expect(lockA.acquired).to.equal(true);
      const lockB = await b.offline.lockDraft('hazards', draft.id);
      expect(lockB.acquired).to.equal(false);
      const error = await rejection(b.drafts.save('hazards', { ...draft, title: '另一个标签页' }));
      expect(error.code).to.equal('conflict');
      expect((await rejection(b.submit('hazards', draft))).code).to.equal('conflict');
      await a.drafts.save('hazards', { ...draft, title: '持有者' });
      const waiting = b.offline.lockDraft('hazards', draft.id, { wait: true });
      await lockA.release();
      const later = await waiting;
      expect(later.acquired).to.equal(true);
      expect((await a.offline.lockDraft('hazards', draft.id)).acquired).to.equal(false);
      await b.drafts.save('hazards', { ...draft, title: '现在可以' });
      expect((await a.drafts.get('hazards', draft.id))?.title).to.equal('现在可以');
      await later.release();
    });
  }

  it('tells every tab about changes of the outbox', async () => {
    const port = memoryDataPort();
    const a = offlineClient(port, prefix);
    const b = offlineClient(port, prefix);
    const seen: string[] = [];
    b.offline.onChange((change) => seen.push(change.type));
    await a.submit('hazards', hazard());
    await a.offline.sync();
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(seen).to.include.members(['queued', 'sent']);
  });
});

describe('offline: modes and outcomes', () => {
  it('reports the full mode in a secure context and the degraded one without Web Locks and Web Crypto', async () => {
    const full = await offlineClient(memoryDataPort(), prefix).offline.status();
    expect(full.mode).to.equal('full');
    expect(full.locks).to.equal('web-locks');
    expect(full.digest).to.equal('web-crypto');
    expect(full.storage.quota).to.be.a('number');
    expect(full.storage.usage).to.be.a('number');

    const s = spy();
    const degraded = offlineClient(s.port, fresh(), { env: { secure: false, locks: undefined, subtle: undefined } });
    const status = await degraded.offline.status();
    expect(status.mode).to.equal('degraded');
    expect(status.locks).to.equal('broadcast-channel');
    expect(status.digest).to.equal('javascript');
    expect(status.degradedBecause.join(' ')).to.contain('insecure context');
    // The JavaScript SHA-256 agrees with the one the port checks.
    const ref = await degraded.offline.addPhoto(await image(300, 200));
    await degraded.submit('hazards', hazard({ photos: [ref] }));
    expect((await degraded.offline.sync()).pending).to.have.length(0);
    expect(s.uploads[0]?.meta.sha256).to.equal(ref.sha256);
  });

  it('classifies failures as DESIGN §4 says', () => {
    expect(outcomeOf(new TypeError('Failed to fetch'))).to.deep.equal({ type: 'retry', offline: true });
    expect(outcomeOf(new FiregridHttpError('network', 'x', { status: 503 }))).to.deep.equal({ type: 'retry', offline: false });
    expect(outcomeOf(new FiregridHttpError('network', 'x', { status: 429, retryAfterMs: 5 }))).to.deep.equal({ type: 'retry', offline: true, retryAfterMs: 5 });
    expect(outcomeOf(new FiregridError('unauthorized', 'x'))).to.deep.equal({ type: 'auth' });
    expect(outcomeOf(new FiregridError('conflict', 'x'))).to.deep.equal({ type: 'conflict' });
    for (const code of ['rejected', 'validation', 'forbidden', 'not-found', 'host-response'] as const) {
      expect(outcomeOf(new FiregridError(code, 'x'))).to.deep.equal({ type: 'rejected' });
    }
  });

  it('backs off exponentially with equal jitter, capped', () => {
    expect(backoffDelay(1, () => 0)).to.equal(500);
    expect(backoffDelay(1, () => 1)).to.equal(1000);
    expect(backoffDelay(4, () => 0)).to.equal(4000);
    expect(backoffDelay(4, () => 1)).to.equal(8000);
    expect(backoffDelay(40, () => 1, { maxMs: 60_000 })).to.equal(60_000);
    expect(backoffDelay(40, () => 0, { maxMs: 60_000 })).to.equal(30_000);
  });

  it('wakes up on its own: at start, after a submit and when the page comes back online', async () => {
    const s = spy();
    const client = offlineClient(s.port, prefix, { autoSync: true, intervalMs: 60_000 });
    const record = hazard();
    await client.submit('hazards', record);
    const until = async (check: () => Promise<boolean>) => {
      for (let i = 0; i < 100 && !(await check()); i++) await new Promise((resolve) => setTimeout(resolve, 20));
    };
    await until(async () => (await s.port.get('hazards', record.id)) !== null);
    expect(await s.port.get('hazards', record.id)).not.to.equal(null);

    s.failSave = () => ({ error: new TypeError('Failed to fetch') });
    const second = hazard();
    await client.submit('hazards', second);
    await until(() => Promise.resolve(s.saves.length >= 2));
    s.failSave = undefined;
    // The backoff would wait; the `online` event sends at once.
    window.dispatchEvent(new Event('online'));
    await until(async () => (await s.port.get('hazards', second.id)) !== null);
    expect(await s.port.get('hazards', second.id)).not.to.equal(null);
  });
});
