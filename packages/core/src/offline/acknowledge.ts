/**
 * Writing down acknowledgements, a batch per transaction: an acknowledged entry leaves the
 * outbox, the server's version goes into the read cache, the device's later edits of the record
 * are rebased on it, and photos no entry needs any more become cached copies. While one batch is
 * being written, the acknowledgements that arrive meanwhile gather into the next, so a flush of
 * 1,000 entries writes a few dozen transactions rather than 1,000. No transaction waits on the
 * network (DESIGN §4): each is opened with everything it writes already at hand.
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

/** Records one acknowledged entry in `tx` (see the module); the entry is already out of the outbox. */
async function acknowledgeIn(tx: AckTx, { entry, result }: Ack, at: string): Promise<void> {
  const outbox = tx.objectStore('outbox');
  const saved = savedRecord(result);
  const kind = entry.op === 'save' ? entry.kind : entry.name === undefined ? undefined : commandResultKind(entry.name);
  if (saved === undefined || kind === undefined) return;
  const later = parsedEntries(await outbox.index('byGroup').getAll(entry.group));
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

/** Writes one batch of acknowledgements in one transaction. */
export async function writeAcks(state: OfflineState, s: Space, acks: readonly Ack[]): Promise<void> {
  const db = await s.db.get();
  const at = state.context.now().toISOString();
  const tx = db.transaction(['outbox', 'records', 'meta', 'photos'], 'readwrite');
  for (const ack of acks) await tx.objectStore('outbox').delete(ack.entry.id);
  for (const ack of acks) await acknowledgeIn(tx, ack, at);
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

/**
 * An {@link AckWriter} for one sync pass. `written` is told of each entry of a batch once the
 * batch is committed, `failed` of each when its transaction failed (the entry then stays queued).
 */
export function ackWriter(
  state: OfflineState, s: Space,
  written: (ack: Ack) => void,
  failed: (ack: Ack, error: unknown) => Promise<unknown>,
): AckWriter {
  let waiting: Ack[] = [];
  let writing: Promise<void> | undefined;
  const pump = async (): Promise<void> => {
    while (waiting.length > 0) {
      const batch = waiting;
      waiting = [];
      let error: { cause: unknown } | undefined;
      try {
        await writeAcks(state, s, batch);
      } catch (cause) {
        error = { cause };
      }
      for (const ack of batch) {
        if (error === undefined) written(ack);
        else await failed(ack, error.cause);
      }
    }
    writing = undefined;
  };
  return {
    add(ack) {
      waiting.push(ack);
      writing ??= pump();
    },
    async settled() {
      while (writing !== undefined) await writing;
    },
  };
}
