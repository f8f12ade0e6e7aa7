/**
 * Control: `client.offline` — the outbox's status, and what a person does about an entry
 * (resolve a conflict, retry, edit, discard) — and the end of a backend (`close`, `purge`).
 * @module
 */
import { FiregridError } from '../errors.js';
import { newId } from '../ids.js';
import type { Draft } from '../client/events.js';
import { storageError } from './db.js';
import { assertDraftFree, draftRow, lockDraft } from './drafts.js';
import { degradedReasons, lockModeOf } from './env.js';
import { loadEntries, updateEntry } from './outbox.js';
import { addPhoto } from './photo-store.js';
import { listCached } from './reads.js';
import { disposeSpace, spaceOf } from './space.js';
import { copy, notify, textOf, without } from './state.js';
import type { OfflineState, Space } from './state.js';
import { WHAT } from './text.js';
import { OutboxEntry } from './types.js';
import type { ConflictChoice, OfflineControl, OfflineStatus } from './types.js';
import { runSync, stopTimer } from './wake.js';

async function entryOf(state: OfflineState, s: Space, id: string): Promise<OutboxEntry> {
  const parsed = OutboxEntry.safeParse(await (await s.db.get()).get('outbox', id));
  if (!parsed.success) throw new FiregridError('not-found', textOf(state).noEntry(id));
  return parsed.data;
}

/** `client.offline.status()`. */
export async function statusOf(state: OfflineState): Promise<OfflineStatus> {
  const { env, sync } = state;
  const db = await (await spaceOf(state)).db.get();
  // The pause first: a failure is written to its entry before the pause is set, so entries read
  // after it always show the error that paused sync (read the other way round, a status could
  // say "paused" over entries that had not failed yet).
  const pausedAny = sync.paused ?? ((await db.get('meta', 'paused')) === 'auth' ? 'auth' : null);
  const entries = await loadEntries(db);
  const photos = await db.getAll('photos');
  const storage = env.storage as Partial<StorageManager> | undefined;
  const estimate = await storage?.estimate?.().catch(() => undefined);
  state.persisted ??= (await storage?.persisted?.().catch(() => null)) ?? null;
  const lastSyncAt = await db.get('meta', 'lastSyncAt');
  const reasons = degradedReasons(env);
  return {
    mode: reasons.length === 0 ? 'full' : 'degraded',
    degradedBecause: reasons,
    locks: lockModeOf(env),
    digest: env.subtle === undefined ? 'javascript' : 'web-crypto',
    online: env.online(),
    syncing: sync.running !== undefined,
    paused: pausedAny,
    pending: entries.filter((e) => e.state === 'pending'),
    failed: entries.filter((e) => e.state === 'rejected'),
    conflicted: entries.filter((e) => e.state === 'conflict'),
    drafts: await db.count('drafts'),
    unsentPhotos: photos.filter((p) => p.origin === 'device' && p.ref === undefined).length,
    storage: { usage: estimate?.usage ?? null, quota: estimate?.quota ?? null, persisted: state.persisted },
    lastSyncAt: typeof lastSyncAt === 'string' ? lastSyncAt : null,
  };
}

/** `client.offline`; `stopWakeUps` removes the page listeners on `close`. */
export function offlineControl(state: OfflineState, stopWakeUps: () => void): OfflineControl {
  return {
    status: () => statusOf(state),
    async sync(opts = {}) {
      await runSync(state, opts.force === true);
      return statusOf(state);
    },
    async resolve(entryId, choice: ConflictChoice) {
      const s = await spaceOf(state);
      const entry = await entryOf(state, s, entryId);
      if (entry.state !== 'conflict' || entry.op !== 'save' || entry.kind === undefined || entry.record === undefined) {
        throw new FiregridError('validation', textOf(state).notConflict(entryId));
      }
      const db = await s.db.get();
      const at = state.context.now().toISOString();
      const theirs = entry.theirs ?? null;
      const tx = db.transaction(['outbox', 'records'], 'readwrite');
      await tx.objectStore('outbox').delete(entryId);
      if (choice === 'theirs') {
        if (theirs !== null && typeof theirs.id === 'string') {
          await tx.objectStore('records').put({ kind: entry.kind, id: theirs.id, record: theirs, cachedAt: at });
        }
      } else {
        const record = choice === 'mine' ? entry.record : copy(choice.record);
        const version = typeof theirs?.version === 'number' ? theirs.version : undefined;
        // A new write over the server's version: a new body, so a new idempotency key.
        await tx.objectStore('outbox').put({
          ...without(entry, ['error', 'theirs', 'nextAttemptAt', 'chained', 'from', 'baseVersion']), id: newId(), record: { ...record, ...(version === undefined ? {} : { version }) },
          ...(version === undefined ? {} : { baseVersion: version }), state: 'pending', attempts: 0, updatedAt: at,
        } satisfies OutboxEntry);
      }
      await tx.done.catch((e: unknown) => { throw storageError(e, WHAT.outbox, state.locale); });
      notify(state, { type: 'removed', entryId });
      state.wake(true);
    },
    async retry(entryId) {
      const s = await spaceOf(state);
      await entryOf(state, s, entryId);
      await updateEntry(await s.db.get(), entryId, (e) => {
        return { ...without(e, ['nextAttemptAt']), state: e.state === 'conflict' ? 'conflict' : 'pending' };
      });
      state.sync.retryAt = 0;
      notify(state, { type: 'queued', entryId });
      await runSync(state, true);
    },
    async edit(entryId) {
      const s = await spaceOf(state);
      const entry = await entryOf(state, s, entryId);
      if (entry.op !== 'save' || entry.kind === undefined || entry.record === undefined) {
        throw new FiregridError('validation', textOf(state).commandNotEditable(entryId));
      }
      if (entry.state === 'pending') throw new FiregridError('validation', textOf(state).notEditable(entryId, entry.state));
      const theirsVersion = typeof entry.theirs?.version === 'number' ? entry.theirs.version : undefined;
      const draft = { ...entry.record, ...(theirsVersion === undefined ? {} : { version: theirsVersion }) } as Draft;
      await assertDraftFree(state, s, entry.kind, draft.id);
      const db = await s.db.get();
      const tx = db.transaction(['outbox', 'drafts'], 'readwrite');
      await tx.objectStore('outbox').delete(entryId);
      await tx.objectStore('drafts').put(draftRow(state, entry.kind, draft));
      await tx.done.catch((e: unknown) => { throw storageError(e, WHAT.outbox, state.locale); });
      notify(state, { type: 'removed', entryId });
      return copy(draft);
    },
    async discard(entryId) {
      const s = await spaceOf(state);
      const db = await s.db.get();
      const tx = db.transaction('outbox', 'readwrite');
      const existed = (await tx.store.getKey(entryId)) !== undefined;
      if (existed) await tx.store.delete(entryId);
      await tx.done;
      if (existed) notify(state, { type: 'removed', entryId });
      return existed;
    },
    addPhoto: (blob) => addPhoto(state, blob),
    listCached: (kind, query) => listCached(state, kind, query),
    lockDraft: (kind, id, opts) => lockDraft(state, kind, id, opts),
    onChange(listener) {
      state.listeners.add(listener);
      // Open the channel now, so changes made in other tabs reach this listener.
      spaceOf(state).catch(() => undefined);
      return () => { state.listeners.delete(listener); };
    },
    async close() {
      state.closed = true;
      stopTimer(state);
      stopWakeUps();
      await state.sync.running?.catch(() => undefined);
      if (state.current !== undefined) disposeSpace(state.current);
      state.current = undefined;
    },
  };
}

/** `client.purge()`: forgets everything this backend keeps for the signed-in user (on logout). */
export async function purge(state: OfflineState): Promise<void> {
  const s = await spaceOf(state);
  stopTimer(state);
  await state.sync.running?.catch(() => undefined);
  notify(state, { type: 'purged' });
  disposeSpace(s);
  state.current = undefined;
  state.sync.paused = null;
  try {
    await s.db.destroy();
  } catch (error) {
    throw storageError(error, WHAT.purge, state.locale);
  }
}
