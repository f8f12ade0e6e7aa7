/**
 * Sending: a flush reads the outbox once per pass (one transaction), sends the entries that are
 * due `concurrency` at a time — photos first, then the write with its id as the
 * `Idempotency-Key` — and hands each acknowledgement to a batch writer (see `acknowledge.ts`);
 * a failure is written down on its entry with what a person or the backoff needs. Runs only
 * while this tab holds the sync lock.
 * @module
 */
import { FiregridError } from '../errors.js';
import type { CommandName } from '../names.js';
import { ackWriter } from './acknowledge.js';
import type { Ack, AckWriter } from './acknowledge.js';
import { sendCommand } from './commands.js';
import { dueEntries, loadEntries, updateEntry } from './outbox.js';
import { backoffDelay, failureOf, outcomeOf, theirsOf } from './outcome.js';
import { uploadPhotos } from './photo-store.js';
import { withServerPhotos } from './photos.js';
import { copy, notify, notifyAll, textOf } from './state.js';
import type { OfflineState, Space } from './state.js';
import type { OutboxEntry } from './types.js';

type Sent = 'done' | 'retry' | 'offline' | 'auth' | 'kept';

/** Sends one entry; its acknowledgement goes to `acks`, a failure is recorded on the entry. */
async function sendOne(state: OfflineState, s: Space, entry: OutboxEntry, acks: AckWriter): Promise<Sent> {
  try {
    const refs = entry.photos.length === 0 ? new Map() : await uploadPhotos(state, s, entry);
    let result: unknown;
    if (entry.op === 'save' && entry.kind !== undefined && entry.record !== undefined) {
      const record = refs.size === 0 ? entry.record : withServerPhotos(entry.record, refs);
      result = await state.port.save(entry.kind, record as never, {
        idempotencyKey: entry.id, ...(entry.baseVersion === undefined ? {} : { baseVersion: entry.baseVersion }),
      });
    } else if (entry.op === 'command' && entry.name !== undefined) {
      result = await sendCommand(state, entry as OutboxEntry & { name: CommandName }, refs);
    } else {
      // Never acknowledged without being sent: an entry that cannot be read stays, for a person to see.
      throw new FiregridError('validation', textOf(state).incomplete(entry.id));
    }
    const sync = state.sync;
    sync.netFailures = 0;
    sync.retryAt = 0;
    if (sync.paused !== null) {
      sync.paused = null;
      await (await s.db.get()).delete('meta', 'paused').catch(() => undefined);
      notify(state, { type: 'resumed' });
    }
    acks.add({ entry, result });
    return 'done';
  } catch (error) {
    return recordFailure(state, s, entry, error);
  }
}

/** Told once a batch of acknowledgements is written: waiting commands get their results, listeners the news. */
function acknowledged(state: OfflineState, acks: readonly Ack[]): void {
  for (const { entry, result } of acks) {
    if (entry.op === 'command' && state.waiters.has(entry.id)) state.results.set(entry.id, result);
  }
  notifyAll(state, acks.map(({ entry }) => ({ type: 'sent', entryId: entry.id })));
}

/** Writes down what went wrong with an entry and what happens next (retry, pause, or a person). */
async function recordFailure(state: OfflineState, s: Space, entry: OutboxEntry, error: unknown): Promise<Exclude<Sent, 'done'>> {
  const outcome = outcomeOf(error);
  const at = state.context.now();
  const failure = failureOf(error, at);
  const db = await s.db.get();
  const sync = state.sync;
  const update = (change: (e: OutboxEntry) => OutboxEntry) => updateEntry(db, entry.id, (e) => ({ ...change(e), updatedAt: at.toISOString(), error: failure }));
  switch (outcome.type) {
    case 'retry': {
      await update((e) => {
        const attempts = e.attempts + 1;
        return { ...e, attempts, nextAttemptAt: Date.now() + (outcome.retryAfterMs ?? backoffDelay(attempts, state.random, state.options.retry)) };
      });
      if (outcome.offline) {
        sync.netFailures += 1;
        sync.retryAt = Date.now() + (outcome.retryAfterMs ?? backoffDelay(sync.netFailures, state.random, state.options.retry));
      }
      notify(state, { type: 'retry', entryId: entry.id });
      return outcome.offline ? 'offline' : 'retry';
    }
    case 'auth': {
      await update((e) => e);
      const first = sync.paused === null;
      sync.paused = 'auth';
      // Kept in the database so every tab's status shows it, not only the one sending.
      await db.put('meta', 'auth', 'paused').catch(() => undefined);
      if (first) {
        notify(state, { type: 'paused', entryId: entry.id });
        const refresh = state.options.onAuthRequired;
        if (refresh !== undefined) {
          void Promise.resolve().then(refresh).then(() => { state.wake(true); }, () => undefined);
        }
      }
      return 'auth';
    }
    case 'conflict': {
      let theirs: Record<string, unknown> | null | undefined = theirsOf(error);
      if (theirs === undefined && entry.op === 'save' && entry.kind !== undefined && typeof entry.record?.id === 'string') {
        theirs = await state.port.get(entry.kind, entry.record.id).then((r) => (r === null ? null : copy(r) as Record<string, unknown>), () => undefined);
      }
      await update((e) => ({ ...e, state: 'conflict', ...(theirs === undefined ? {} : { theirs }) }));
      notify(state, { type: 'conflict', entryId: entry.id });
      return 'kept';
    }
    case 'rejected': {
      await update((e) => ({ ...e, state: 'rejected' }));
      notify(state, { type: 'rejected', entryId: entry.id });
      return 'kept';
    }
  }
}

/** Sends until nothing more can go now. Runs only while this tab holds the sync lock. */
export async function flush(state: OfflineState, s: Space, force: boolean): Promise<void> {
  for (;;) {
    if (state.closed) return;
    if (!force && (!state.env.online() || Date.now() < state.sync.retryAt)) return;
    const db = await s.db.get();
    const entries = await loadEntries(db);
    const due = dueEntries(entries, Date.now(), force);
    if (due.length === 0) return;
    // While paused for credentials, one request finds out whether fresh ones have come.
    const queue = state.sync.paused === null ? due : due.slice(0, 1);
    const pass = { stop: false, progressed: false };
    const groups = new Map(entries.map((e) => [e.id, e.group]));
    const acks = ackWriter(state, s, groups, (batch) => { acknowledged(state, batch); }, async (ack, error) => {
      // An acknowledgement that cannot be written (a full disk) stops the pass as a network error does.
      const result = await recordFailure(state, s, ack.entry, error);
      if (result === 'offline' || result === 'auth') pass.stop = true;
    });
    const worker = async (): Promise<void> => {
      for (let entry = queue.shift(); entry !== undefined && !pass.stop && !state.closed; entry = queue.shift()) {
        const result = await sendOne(state, s, entry, acks);
        if (result === 'done') pass.progressed = true;
        else if (result === 'offline' || result === 'auth') pass.stop = true;
      }
    };
    try {
      await Promise.all(Array.from({ length: Math.min(state.concurrency, queue.length) }, worker));
    } finally {
      // What was acknowledged is written down before the outbox is read again (or the lock let go).
      await acks.settled();
    }
    if (pass.stop || !pass.progressed) return;
    force = false;
  }
}
