/**
 * Queueing a record: `submit` writes the outbox entry, removes the record's draft and keeps the
 * device's copy in the read cache, all in one IndexedDB transaction, and resolves with the
 * receipt once the entry is safely on the device (DESIGN §3–4).
 * @module
 */
import type { RecordOf } from '../schema/index.js';
import type { SaveBackend } from '../client/drafts.js';
import { CachedRow, rowKey, storageError } from './db.js';
import { assertDraftFree, holdsDraft } from './drafts.js';
import { parsedEntries } from './outbox.js';
import { devicePhotosIn } from './photo-store.js';
import { spaceOf } from './space.js';
import { copy, nextSeq, notify } from './state.js';
import type { OfflineState } from './state.js';
import { WHAT } from './text.js';
import type { OutboxEntry } from './types.js';

/**
 * A local revision stamp: `now` as ISO 8601, moved on past every stamp in `after` so that the
 * device's copy never carries the `updatedAt` of another copy (a fixed clock, two saves in one ms).
 */
export const revisionAfter = (now: Date, after: readonly unknown[]): string => {
  let ms = now.getTime();
  for (const stamp of after) {
    const t = typeof stamp === 'string' ? Date.parse(stamp) : Number.NaN;
    if (!Number.isNaN(t) && t >= ms) ms = t + 1;
  }
  return new Date(ms).toISOString();
};

/** `backend.submit`: queues the record (see the module). */
export async function submitToOutbox(
  state: OfflineState, ...[kind, record, opts]: Parameters<SaveBackend['submit']>
): ReturnType<SaveBackend['submit']> {
  const s = await spaceOf(state);
  const id = record.id;
  const photos = await devicePhotosIn(state, s, record);
  const now = state.context.now();
  const at = now.toISOString();
  const db = await s.db.get();
  const key = rowKey(kind, id);
  const group = `${kind}/${id}`;
  // The copy the edit was made from: its `updatedAt` is the local revision when it is this device's own.
  const madeFrom = typeof record.updatedAt === 'string' ? record.updatedAt : undefined;
  // Another tab may be editing the record's draft: when there is a draft this tab does not hold,
  // the transaction gives way to a look at the draft's lock and starts again (no lock is awaited
  // inside a transaction, and a submit without a draft opens only one).
  let lockChecked = holdsDraft(s, kind, id);
  let provisional: RecordOf<typeof kind>;
  let removedDraft: boolean;
  try {
    for (;;) {
      const tx = db.transaction(['outbox', 'drafts', 'records'], 'readwrite');
      const hasDraft = (await tx.objectStore('drafts').getKey(key)) !== undefined;
      if (hasDraft && !lockChecked) {
        tx.abort();
        await tx.done.catch(() => undefined);
        await assertDraftFree(state, s, kind, id);
        lockChecked = true;
        continue;
      }
      const earlier = parsedEntries(await tx.objectStore('outbox').index('byGroup').getAll(group));
      const cached = CachedRow.safeParse(await tx.objectStore('records').get(key));
      const row = cached.success ? cached.data : undefined;
      const line = row?.line;
      // Made from the copy this device last submitted: it builds on the device's own writes — on
      // those still queued (chained: its base comes as they are acknowledged), or on the version
      // the last of them became. Made from any other copy, it goes with the version it was made
      // from, and the server refuses it as stale if that version has moved on (DESIGN §4).
      const fromLine = madeFrom !== undefined && line?.revision === madeFrom;
      const fromQueued = madeFrom !== undefined && earlier.some((e) => e.op === 'save' && e.revision === madeFrom);
      const chained = fromQueued || (fromLine && earlier.length > 0);
      const baseVersion = fromLine && !chained && line.version !== undefined ? line.version : opts.baseVersion;
      const revision = revisionAfter(now, [line?.revision, row?.record?.updatedAt, madeFrom]);
      const stored = copy(record);
      provisional = {
        ...(kind === 'hazards' ? { history: [] } : {}),
        ...stored,
        version: baseVersion ?? record.version ?? 0,
        createdAt: record.createdAt ?? at,
        updatedAt: revision,
        tenantId: s.tenantId,
      } as unknown as RecordOf<typeof kind>;
      const entry: OutboxEntry = {
        id: opts.idempotencyKey, seq: nextSeq(state), group, op: 'save', kind, record: stored,
        ...(baseVersion === undefined ? {} : { baseVersion }),
        ...(chained ? { chained, from: madeFrom } : {}),
        revision, photos, state: 'pending', attempts: 0, createdAt: at, updatedAt: at,
      };
      await tx.objectStore('outbox').put(entry);
      if (hasDraft) await tx.objectStore('drafts').delete(key);
      await tx.objectStore('records').put({
        kind, id, ...(row?.record === undefined ? {} : { record: row.record }),
        local: provisional, line: { revision }, cachedAt: at,
      });
      await tx.done;
      removedDraft = hasDraft;
      break;
    }
  } catch (error) {
    throw storageError(error, WHAT.queue(`${kind} ${id}`), state.locale);
  }
  notify(state, { type: 'queued', entryId: opts.idempotencyKey });
  state.wake();
  return { receipt: { kind: 'queued', entryId: opts.idempotencyKey, record: provisional }, draftRemoved: removedDraft };
}
