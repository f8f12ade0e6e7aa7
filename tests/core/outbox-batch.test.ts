// The outbox writes acknowledgements a batch per IndexedDB transaction (issue 16, item 8): a
// flush of many entries commits far fewer transactions than entries, writes every
// acknowledgement before `sync()` resolves, and a batch whose transaction fails loses nothing —
// its entries stay queued with the failure and go (with the same idempotency keys) next time.
import { expect } from '@open-wc/testing';
import { createFiregridClient } from '../../packages/core/src/client/client.js';
import type { FiregridClient } from '../../packages/core/src/client/client.js';
import { memoryDataPort } from '../../packages/core/src/host/memory-port.js';
import type { DataPort, SaveOptions } from '../../packages/core/src/host/types.js';
import { newId } from '../../packages/core/src/ids.js';
import type { HazardInput, HostSession } from '../../packages/core/src/schema/index.js';
import { offlineBackend } from '../../packages/core/src/offline.js';
import type { OfflineChange, OfflineControl } from '../../packages/core/src/offline.js';
import { until } from '../support/wait.js';

const SESSION: HostSession = { tenantId: 't1', user: { id: 'u1', name: '王伟', roles: ['grid-worker'] }, scope: ['330106'], locale: 'en' };
const N = 40;

const hazard = (i: number): HazardInput => ({
  id: newId(), category: 'exit-blocked', title: `楼道堆放杂物 ${i}`, description: '', photos: [], source: 'worker',
  reporter: { kind: 'grid-worker', personId: 'u1', confidential: false }, severity: 'general', status: 'reported',
});

/** The memory port, remembering the idempotency key of every save it was sent. */
function keyedPort(): { port: DataPort; keys: string[] } {
  const inner = memoryDataPort();
  const keys: string[] = [];
  return {
    keys,
    port: { ...inner, save: (kind, record, options: SaveOptions) => { keys.push(options.idempotencyKey); return inner.save(kind, record, options); } },
  };
}

/**
 * Counts the transactions `counts` picks — by default the read-write ones that write
 * acknowledgements (their scope has `meta`, which only acknowledgements write) — and can make
 * them fail, until `restore` is called.
 */
function watchAckTransactions(
  counts: (scope: readonly string[], mode: IDBTransactionMode | undefined) => boolean = (scope, mode) => mode === 'readwrite' && scope.includes('meta') && scope.includes('outbox'),
): { count: () => number; fail: (on: boolean) => void; restore: () => void } {
  const proto = IDBDatabase.prototype;
  const original = Object.getOwnPropertyDescriptor(proto, 'transaction')!.value as IDBDatabase['transaction'];
  let n = 0;
  let failing = false;
  proto.transaction = function (this: IDBDatabase, ...args: Parameters<IDBDatabase['transaction']>) {
    const [stores, mode] = args;
    const scope = typeof stores === 'string' ? [stores] : [...stores];
    if (counts(scope, mode)) {
      n++;
      if (failing) throw new DOMException('The disk is full (test)', 'QuotaExceededError');
    }
    return original.apply(this, args);
  } as IDBDatabase['transaction'];
  return {
    count: () => n,
    fail: (on) => { failing = on; },
    restore: () => { proto.transaction = original; },
  };
}

let prefix = '';
let client: (FiregridClient & { offline: OfflineControl }) | undefined;
let other: (FiregridClient & { offline: OfflineControl }) | undefined;
let watch: ReturnType<typeof watchAckTransactions> | undefined;

const offlineClient = (port: DataPort) => (client = createFiregridClient({
  host: { session: () => Promise.resolve(SESSION), data: port },
  backend: offlineBackend({ prefix, autoSync: false, retry: { baseMs: 1000 }, random: () => 0.5 }),
}) as FiregridClient & { offline: OfflineControl });

beforeEach(() => { prefix = `test-outbox-batch-${newId()}`; });
afterEach(async () => {
  watch?.restore();
  watch = undefined;
  await client?.offline.close();
  await other?.offline.close();
  client = undefined;
  other = undefined;
  for (const d of await indexedDB.databases()) {
    if (d.name?.startsWith(`${prefix}/`) !== true) continue;
    await new Promise((resolve) => {
      const request = indexedDB.deleteDatabase(d.name!);
      request.onsuccess = request.onerror = request.onblocked = resolve;
    });
  }
});

describe('outbox: acknowledgements in batches', () => {
  it(`writes the acknowledgements of ${N} entries in a few transactions, all before sync() resolves`, async () => {
    const { port, keys } = keyedPort();
    const c = offlineClient(port);
    const entryIds: string[] = [];
    for (let i = 0; i < N; i++) {
      const receipt = await c.submit('hazards', hazard(i));
      if (receipt.kind === 'queued') entryIds.push(receipt.entryId);
    }
    expect(entryIds).to.have.length(N);
    watch = watchAckTransactions();
    const after = await c.offline.sync();
    const transactions = watch.count();
    expect(after.pending, 'the outbox is empty when sync() resolves').to.deep.equal([]);
    expect(after.lastSyncAt).to.be.a('string');
    expect([...keys].sort(), 'each entry sent once, with its id as the key').to.deep.equal([...entryIds].sort());
    expect(transactions, 'acknowledgement transactions').to.be.greaterThan(0);
    // One transaction per entry would be N; batches gather what is acknowledged while one is written.
    expect(transactions, `acknowledgement transactions for ${N} entries`).to.be.at.most(N / 4);
    expect((await c.data.list('hazards', {})).items).to.have.length(N);
  });

  it('keeps the entries of a batch whose transaction fails, with the failure, and sends them again with the same keys', async () => {
    const { port, keys } = keyedPort();
    const c = offlineClient(port);
    const entryIds: string[] = [];
    for (let i = 0; i < 8; i++) {
      const receipt = await c.submit('hazards', hazard(i));
      if (receipt.kind === 'queued') entryIds.push(receipt.entryId);
    }
    watch = watchAckTransactions();
    watch.fail(true);
    const failed = await c.offline.sync();
    expect(failed.pending.map((e) => e.id).sort(), 'none lost').to.deep.equal([...entryIds].sort());
    const sent = new Set(keys);
    expect(sent.size, 'some were sent before the failure stopped the pass').to.be.greaterThan(0);
    for (const entry of failed.pending.filter((e) => sent.has(e.id))) {
      expect(entry.error?.message, 'the failure is kept on the entry').to.contain('disk is full');
      expect(entry.nextAttemptAt, 'and it waits for a retry').to.be.a('number');
    }
    expect(failed.lastSyncAt).to.equal(null);
    watch.fail(false);
    const after = await c.offline.sync({ force: true });
    expect(after.pending).to.deep.equal([]);
    expect(new Set(keys), 'sent (again) under the same idempotency keys').to.deep.equal(new Set(entryIds));
    expect((await c.data.list('hazards', {})).items).to.have.length(8);
  });
});

describe('outbox: telling the other tabs', () => {
  it(`tells another tab of each of ${N} entries sent, in fewer channel messages than entries`, async () => {
    const { port } = keyedPort();
    const c = offlineClient(port);
    const entryIds: string[] = [];
    for (let i = 0; i < N; i++) {
      const receipt = await c.submit('hazards', hazard(i));
      if (receipt.kind === 'queued') entryIds.push(receipt.entryId);
    }
    const b = (other = createFiregridClient({
      host: { session: () => Promise.resolve(SESSION), data: port },
      backend: offlineBackend({ prefix, autoSync: false }),
    }) as FiregridClient & { offline: OfflineControl });
    const sent: string[] = [];
    b.offline.onChange((change: OfflineChange) => { if (change.type === 'sent' && change.entryId !== undefined) sent.push(change.entryId); });
    await b.offline.status(); // its channel is open
    const proto = BroadcastChannel.prototype;
    const post = Object.getOwnPropertyDescriptor(proto, 'postMessage')!.value as BroadcastChannel['postMessage'];
    let messages = 0;
    proto.postMessage = function (this: BroadcastChannel, message: unknown) {
      if (this.name.endsWith(':changes')) messages++;
      post.call(this, message);
    };
    try {
      await c.offline.sync();
    } finally {
      proto.postMessage = post;
    }
    await until(() => sent.length >= N, 'every sent entry reached the other tab');
    expect([...sent].sort(), 'each entry once').to.deep.equal([...entryIds].sort());
    expect(messages, 'channel messages for the sent entries').to.be.at.most(N / 4);
  });
});

describe('outbox: what a pass did not read', () => {
  it('rebases an edit queued while its record\'s first write is on the way on the version that write became', async () => {
    // The pass knows the groups of the entries it read; one queued after that is read in the
    // acknowledgement's transaction, so an edit chained on the unsent copy still goes with If-Match.
    const inner = memoryDataPort();
    const saves: SaveOptions[] = [];
    let open!: () => void;
    let reached!: () => void;
    const gate = new Promise<void>((resolve) => { open = resolve; });
    const onTheWay = new Promise<void>((resolve) => { reached = resolve; });
    const port: DataPort = {
      ...inner,
      save: async (kind, record, options) => {
        saves.push(options);
        if (saves.length === 1) {
          reached();
          await gate;
        }
        return inner.save(kind, record, options);
      },
    };
    const c = offlineClient(port);
    const others = [hazard(1), hazard(2), hazard(3)];
    for (const other of others) await c.submit('hazards', other);
    const first = await c.submit('hazards', hazard(0));
    const syncing = c.offline.sync();
    await onTheWay;
    const edit = await c.submit('hazards', { ...first.record, description: '路上又改了' });
    expect(edit.kind).to.equal('queued');
    open();
    const after = await syncing;
    expect(after.pending, 'the outbox is empty').to.deep.equal([]);
    expect(after.conflicted).to.deep.equal([]);
    const id = first.record.id;
    const edits = saves.filter((o) => o.idempotencyKey === (edit.kind === 'queued' ? edit.entryId : ''));
    expect(edits.map((o) => o.baseVersion), 'the edit went on the version the first write became').to.deep.equal([1]);
    const server = await inner.get('hazards', id);
    expect(server?.description).to.equal('路上又改了');
    expect(server?.version).to.equal(2);
  });
});

describe('outbox: queueing', () => {
  it('queues a record in one transaction, and a draft this tab holds goes in it too', async () => {
    const { port } = keyedPort();
    const c = offlineClient(port);
    await c.submit('hazards', hazard(0)); // the database is open
    watch = watchAckTransactions(() => true);
    await c.submit('hazards', hazard(1));
    expect(watch.count(), 'transactions of a submit without a draft').to.equal(1);

    const held = hazard(2);
    await c.drafts.save('hazards', held);
    const lock = await c.offline.lockDraft('hazards', held.id);
    expect(lock.acquired).to.equal(true);
    watch.restore();
    watch = watchAckTransactions(() => true);
    const receipt = await c.submit('hazards', held);
    expect(watch.count(), 'transactions of a submit of a draft this tab holds').to.equal(1);
    expect(receipt.kind).to.equal('queued');
    expect(await c.drafts.get('hazards', held.id), 'the draft went with the queued write').to.equal(null);
    await lock.release();
  });
});
