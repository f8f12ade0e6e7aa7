/**
 * Writing down acknowledgements, a batch per transaction: an acknowledged entry leaves the
 * outbox, the server's version goes into the read cache, the device's later edits of the record
 * are rebased on it, and photos no entry needs any more become cached copies. Acknowledgements
 * gather for a moment (and while one batch is being written) before a batch is written, so a
 * flush of 1,000 entries writes a few dozen transactions rather than 1,000, and tells the user's
 * other tabs once per batch. No transaction waits on the network (DESIGN §4): each is opened with
 * everything it writes already at hand.
 * @module
 */
import type { IDBPTransaction } from 'idb';
import { CachedRow, PhotoRow, rowKey } from './db.js';
import type { OfflineDB } from './db.js';
import { commandResultKind } from './commands.js';
import { parsedEntries } from './outbox.js';
import type { OfflineState, Space } from './state.js';
import type { OutboxEntry } from './types.js';

/** One entry the server acknowledged, and what it answered (already parsed by the port). */
export interface Ack { entry: OutboxEntry; result: unknown }

type AckTx = IDBPTransaction<OfflineDB, ('outbox' | 'records' | 'meta' | 'photos')[], 'readwrite'>;

/** The record the server answered with, when it is one (an object with an id and a version). */
const savedRecord = (result: unknown): (Record<string, unknown> & { id: string; version: number }) | undefined => {
  if (typeof result !== 'object' || result === null || Array.isArray(result)) return undefined;
  const r = result as Record<string, unknown>;
  return typeof r.id === 'string' && typeof r.version === 'number' ? r as Record<string, unknown> & { id: string; version: number } : undefined;
};

/**
 * Records one acknowledged entry in `tx` (see the module); the entry is already out of the outbox.
 * `alone` says the transaction found no other entry of its record left in the outbox.
 */
async function acknowledgeIn(tx: AckTx, { entry, result }: Ack, at: string, alone: boolean): Promise<void> {
  const outbox = tx.objectStore('outbox');
  const saved = savedRecord(result);
  const kind = entry.op === 'save' ? entry.kind : entry.name === undefined ? undefined : commandResultKind(entry.name);
  if (saved === undefined || kind === undefined) return;
  const later = alone ? [] : parsedEntries(await outbox.index('byGroup').getAll(entry.group));
  const version = saved.version;
  // A chained edit goes on the version its own write became, then on the versions this
  // device's transitions give after it; another edit acknowledged in between (another tab's)
  // does not move it, so it stays stale against that one and becomes a conflict.
  const queued = new Set(later.map((e) => e.revision));
  for (const next of later) {
    if (next.chained !== true || next.state !== 'pending') continue;
    const follows = entry.op === 'save' ? next.from === entry.revision : next.from === undefined || !queued.has(next.from);
    if (follows) await outbox.put({ ...next, baseVersion: version, updatedAt: at });
  }
  const records = tx.objectStore('records');
  const cached = CachedRow.safeParse(await records.get(rowKey(kind, saved.id)));
  const keepLocal = later.length > 0 && cached.success && cached.data.local !== undefined;
  const line = cached.success ? cached.data.line : undefined;
  // The device's last copy now stands on this version: its own save became it, or its own transition moved it on.
  const moved = line !== undefined && (entry.op === 'save' ? entry.revision === line.revision : line.version !== undefined);
  await records.put({
    kind, id: saved.id, record: saved, ...(keepLocal ? { local: cached.data.local } : {}),
    ...(line === undefined ? {} : { line: moved ? { revision: line.revision, version } : line }), cachedAt: at,
  });
}

/** Acknowledged photos stay as cached copies (same id, so device refs still read), and may be evicted. */
async function releasePhotos(tx: AckTx, acks: readonly Ack[], at: string): Promise<void> {
  const ids = acks.flatMap((a) => a.entry.photos);
  if (ids.length === 0) return;
  // One read of the outbox per batch (not per entry): what the entries still queued refer to.
  const stillNeeded = new Set(parsedEntries(await tx.objectStore('outbox').getAll()).flatMap((e) => e.photos));
  const photos = tx.objectStore('photos');
  for (const id of new Set(ids)) {
    if (stillNeeded.has(id)) continue;
    const photo = PhotoRow.safeParse(await photos.get(id));
    if (photo.success && photo.data.ref !== undefined) await photos.put({ ...photo.data, origin: 'server', createdAt: at });
  }
}

/**
 * The record (group) of each outbox entry by id, as far as a sync pass knows it: filled from the
 * entries it read, and from any entry an acknowledgement transaction meets that it does not know
 * (queued since). An entry's group never changes, so what is known stays true.
 */
export type GroupsById = Map<string, string>;

/**
 * The groups that still have entries in the outbox, read in `tx` after its deletes: one read of
 * the outbox's keys (not of each record's entries), and the rows only of entries `groups` does
 * not know yet. A row whose group cannot be read counts under every group (`undefined`), so
 * each record's entries are then read as before.
 */
async function busyGroups(tx: AckTx, groups: GroupsById): Promise<Set<string> | undefined> {
  const outbox = tx.objectStore('outbox');
  const keys = await outbox.getAllKeys();
  const unknown = keys.filter((key) => !groups.has(key));
  const rows = await Promise.all(unknown.map((key) => outbox.get(key)));
  const busy = new Set<string>();
  for (const key of keys) {
    const known = groups.get(key);
    if (known !== undefined) busy.add(known);
  }
  for (const [i, key] of unknown.entries()) {
    const row = rows[i];
    const group = typeof row === 'object' && row !== null ? (row as { group?: unknown }).group : undefined;
    if (typeof group !== 'string') return undefined;
    groups.set(key, group);
    busy.add(group);
  }
  return busy;
}

/**
 * Writes one batch of acknowledgements in one transaction. Its requests are issued together (an
 * IndexedDB transaction runs them in order) rather than one round trip after another; the
 * acknowledgements of one record (never two in one pass, but cheap to keep right) go in order.
 * With `groups` (see {@link GroupsById}), a record with no entry left in the outbox is not
 * looked up for later edits to rebase: one read of the outbox's keys answers that for the batch.
 */
export async function writeAcks(state: OfflineState, s: Space, acks: readonly Ack[], groups?: GroupsById): Promise<void> {
  const db = await s.db.get();
  const at = state.context.now().toISOString();
  const tx = db.transaction(['outbox', 'records', 'meta', 'photos'], 'readwrite');
  const byGroup = new Map<string, Ack[]>();
  for (const ack of acks) {
    const group = byGroup.get(ack.entry.group);
    if (group === undefined) byGroup.set(ack.entry.group, [ack]);
    else group.push(ack);
  }
  const outbox = tx.objectStore('outbox');
  // The keys are read after the deletes (a transaction runs its requests in order).
  const [, busy] = await Promise.all([
    Promise.all(acks.map((ack) => outbox.delete(ack.entry.id))),
    groups === undefined ? undefined : busyGroups(tx, groups),
  ]);
  await Promise.all([...byGroup].map(async ([group, list]) => {
    for (const ack of list) await acknowledgeIn(tx, ack, at, busy !== undefined && !busy.has(group));
  }));
  await releasePhotos(tx, acks, at);
  await tx.objectStore('meta').put(at, 'lastSyncAt');
  await tx.done;
}

/** Gathers acknowledgements and writes them a batch at a time; see the module. */
export interface AckWriter {
  /** Queues one acknowledgement; it is written with the next batch. */
  add(ack: Ack): void;
  /** Resolves when every acknowledgement added so far is written (or has failed). */
  settled(): Promise<void>;
}

/** Acknowledgements wait at most this long (ms) for others to share their transaction. */
export const ACK_BATCH_MS = 50;
/** A batch is written at once when this many acknowledgements wait. */
export const ACK_BATCH_MAX = 64;

/**
 * An {@link AckWriter} for one sync pass; `groups` is what the pass knows of the outbox's entries
 * (see {@link writeAcks}). `written` is told of a batch once it is
 * committed, `failed` of each of its entries when its transaction failed (the entry then stays queued).
 * A batch is written {@link ACK_BATCH_MS} after its first acknowledgement, when
 * {@link ACK_BATCH_MAX} wait, or when the pass ends (`settled`), whichever comes first: answers
 * arrive a few ms apart, and a transaction per few answers costs more than the requests
 * themselves. Nothing is lost by the wait: an entry leaves the outbox only in the transaction
 * that records its acknowledgement (sent again after a crash, with the same idempotency key).
 */
export function ackWriter(
  state: OfflineState, s: Space, groups: GroupsById | undefined,
  written: (acks: readonly Ack[]) => void,
  failed: (ack: Ack, error: unknown) => Promise<unknown>,
): AckWriter {
  let waiting: Ack[] = [];
  let writing: Promise<void> | undefined;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let draining = false;
  const write = async (batch: readonly Ack[]): Promise<void> => {
    let error: { cause: unknown } | undefined;
    try {
      await writeAcks(state, s, batch, groups);
    } catch (cause) {
      error = { cause };
    }
    if (error === undefined) written(batch);
    else for (const ack of batch) await failed(ack, error.cause);
  };
  /** Writes what waits now; one batch at a time, what arrives meanwhile goes in the next. */
  const start = (): void => {
    if (timer !== undefined) clearTimeout(timer);
    timer = undefined;
    if (writing !== undefined || waiting.length === 0) return;
    const batch = waiting;
    waiting = [];
    writing = write(batch).finally(() => {
      writing = undefined;
      next();
    });
  };
  /** Plans the next batch: at once when it is full or the pass has ended, else after the wait. */
  const next = (): void => {
    if (waiting.length === 0) return;
    if (draining || waiting.length >= ACK_BATCH_MAX) start();
    else timer ??= setTimeout(start, ACK_BATCH_MS);
  };
  return {
    add(ack) {
      waiting.push(ack);
      if (writing === undefined) next();
    },
    async settled() {
      draining = true;
      next();
      while (writing !== undefined) await writing;
    },
  };
}
