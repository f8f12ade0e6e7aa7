/**
 * The signed-in user's space: the device database of the session's tenant and user, its tab
 * locks and the channel to the user's other tabs — opened on first use and re-made when the
 * session changes user — with the housekeeping done once per start (persistent storage, evicting
 * old cached photos).
 * @module
 */
import type { IDBPDatabase } from 'idb';
import { PhotoRow, dbHandle, dbNameOf } from './db.js';
import type { OfflineDB } from './db.js';
import { createTabLocks } from './locks.js';
import { emitLocal } from './state.js';
import type { ChannelMessage, OfflineState, Space } from './state.js';

/** Days a cached copy of a server photo is kept. */
const CACHE_DAYS = 30;

function openSpace(state: OfflineState, name: string, tenantId: string): Space {
  const db = dbHandle(name, state.env.indexedDB, () => state.locale);
  const locks = createTabLocks(state.env, `${name}:locks`);
  const Channel = state.env.BroadcastChannel;
  const channel = Channel === undefined ? undefined : new Channel(`${name}:changes`);
  if (channel !== undefined) {
    channel.onmessage = (event: MessageEvent<ChannelMessage>) => {
      const { change, more = [] } = event.data;
      for (const c of [change, ...more]) {
        emitLocal(state, c);
        // Another tab queued a write: whichever tab holds the sync lock sends it.
        if (c.type === 'queued') state.wake();
      }
    };
  }
  return { name, tenantId, db, locks, channel, held: new Map() };
}

/** Lets go of a space: its draft locks, tab locks, channel and connection. */
export function disposeSpace(s: Space): void {
  for (const release of s.held.values()) release();
  s.held.clear();
  s.locks.close();
  s.channel?.close();
  s.db.close();
}

/** The signed-in user's database, locks and channel (re-made when the session changes user). */
export async function spaceOf(state: OfflineState): Promise<Space> {
  const session = await state.context.session();
  state.locale = session.locale;
  const name = dbNameOf(state.prefix, session.tenantId, session.user.id);
  let current = state.current;
  if (current?.name !== name) {
    if (current !== undefined) disposeSpace(current);
    current = state.current = openSpace(state, name, session.tenantId);
  }
  if (!state.persistAsked) {
    state.persistAsked = true;
    if (state.options.persist !== false) void askPersistence(state);
    void evictCache(state, current);
  }
  return current;
}

/** The signed-in user's open database. */
export const dbOf = async (state: OfflineState): Promise<IDBPDatabase<OfflineDB>> => (await spaceOf(state)).db.get();

/** Drops cached copies of server photos not read for {@link CACHE_DAYS} days; photos taken here are never evicted unsent. */
async function evictCache(state: OfflineState, s: Space): Promise<void> {
  try {
    const db = await s.db.get();
    const before = state.context.now().getTime() - CACHE_DAYS * 86_400_000;
    const tx = db.transaction('photos', 'readwrite');
    for (let cursor = await tx.store.openCursor(); cursor !== null; cursor = await cursor.continue()) {
      const row = PhotoRow.safeParse(cursor.value);
      if (row.success && row.data.origin === 'server' && Date.parse(row.data.createdAt) < before) await cursor.delete();
    }
    await tx.done;
  } catch {
    // Eviction is housekeeping; it is tried again on the next start.
  }
}

async function askPersistence(state: OfflineState): Promise<void> {
  const storage = state.env.storage as Partial<StorageManager> | undefined;
  try {
    state.persisted = (await storage?.persisted?.()) ?? null;
    if (state.persisted === false && typeof storage?.persist === 'function') state.persisted = await storage.persist();
  } catch {
    state.persisted = null;
  }
}
