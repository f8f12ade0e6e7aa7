/**
 * Drafts and their locks: drafts kept in IndexedDB per tenant and user, and the tab locks that
 * keep two tabs from editing one draft (a tab holds a draft's lock through `lockDraft`; saving,
 * submitting or removing a draft another tab holds is refused).
 * @module
 */
import { FiregridError } from '../errors.js';
import type { ResourceKind } from '../names.js';
import type { Draft } from '../client/events.js';
import type { SaveBackend } from '../client/drafts.js';
import { DraftRow, rowKey, storageError } from './db.js';
import { dbOf, spaceOf } from './space.js';
import { copy, nextSeq, textOf } from './state.js';
import type { OfflineState, Space } from './state.js';
import { WHAT } from './text.js';
import type { DraftLock, LockDraftOptions } from './types.js';

const draftLockName = (s: Space, kind: ResourceKind, id: string): string => `${s.name}:draft:${kind}:${id}`;

/** True when this tab holds the draft's lock (through `lockDraft`). */
export const holdsDraft = (s: Space, kind: ResourceKind, id: string): boolean => s.held.has(draftLockName(s, kind, id));

/**
 * Refuses to touch a draft another tab is editing (it holds the draft's lock).
 * @throws FiregridError `conflict` naming the draft
 */
export async function assertDraftFree(state: OfflineState, s: Space, kind: ResourceKind, id: string): Promise<void> {
  if (holdsDraft(s, kind, id)) return;
  const release = await s.locks.tryAcquire(draftLockName(s, kind, id));
  if (release === null) {
    throw new FiregridError('conflict', textOf(state).draftLocked(kind, id), { issues: [{ path: 'id', message: 'open in another tab' }] });
  }
  release();
}

/** A draft row as stored (the draft is saved again by `edit` in the outbox's transaction). */
export const draftRow = (state: OfflineState, kind: ResourceKind, draft: Draft): DraftRow =>
  ({ kind, id: draft.id, draft, seq: nextSeq(state), savedAt: state.context.now().toISOString() });

/** The drafts store behind `client.drafts`. */
export function draftStore(state: OfflineState): SaveBackend['drafts'] {
  const readError = (e: unknown) => storageError(e, WHAT.readDrafts, state.locale);
  return {
    async save(kind, draft) {
      const s = await spaceOf(state);
      await assertDraftFree(state, s, kind, draft.id);
      const stored = copy(draft);
      try {
        await (await s.db.get()).put('drafts', draftRow(state, kind, stored));
      } catch (error) {
        throw storageError(error, WHAT.saveDraft(kind, draft.id), state.locale);
      }
      return copy(stored);
    },
    async get(kind, id) {
      const db = await dbOf(state);
      const row = await db.get('drafts', rowKey(kind, id)).catch((e: unknown) => { throw readError(e); });
      const parsed = DraftRow.safeParse(row);
      return (parsed.success ? parsed.data.draft : null) as Draft<typeof kind> | null;
    },
    async list(kind) {
      const db = await dbOf(state);
      const rows = await db.getAllFromIndex('drafts', 'byKind', kind).catch((e: unknown) => { throw readError(e); });
      return rows.flatMap((row) => {
        const parsed = DraftRow.safeParse(row);
        return parsed.success ? [parsed.data] : [];
      }).sort((a, b) => b.seq - a.seq).map((row) => row.draft as Draft<typeof kind>);
    },
    async remove(kind, id) {
      const s = await spaceOf(state);
      const db = await s.db.get();
      if ((await db.getKey('drafts', rowKey(kind, id)).catch(() => undefined)) === undefined) return false;
      await assertDraftFree(state, s, kind, id);
      try {
        const tx = db.transaction('drafts', 'readwrite');
        const existed = (await tx.store.getKey(rowKey(kind, id))) !== undefined;
        if (existed) await tx.store.delete(rowKey(kind, id));
        await tx.done;
        return existed;
      } catch (error) {
        throw storageError(error, WHAT.removeDraft(kind, id), state.locale);
      }
    },
  };
}

/** Claims a draft for this tab (`client.offline.lockDraft`). */
export async function lockDraft(state: OfflineState, kind: ResourceKind, id: string, opts: LockDraftOptions = {}): Promise<DraftLock> {
  const s = await spaceOf(state);
  const name = draftLockName(s, kind, id);
  if (s.held.has(name)) return { acquired: true, release: () => Promise.resolve() };
  const release = opts.wait === true ? await s.locks.acquire(name, opts.signal) : await s.locks.tryAcquire(name);
  if (release === null) return { acquired: false, release: () => Promise.resolve() };
  s.held.set(name, release);
  return {
    acquired: true,
    release: () => {
      if (s.held.get(name) === release) s.held.delete(name);
      release();
      return Promise.resolve();
    },
  };
}
