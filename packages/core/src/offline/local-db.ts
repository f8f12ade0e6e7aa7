/**
 * The database of a `localDataPort`: records, idempotency replies and photos in one IndexedDB
 * database per local store, opened on first use and again after another tab made this
 * connection close (a newer version, or `clear()` deleting it).
 * @module
 */
import { deleteDB, openDB } from 'idb';
import type { DBSchema, IDBPDatabase } from 'idb';
import { FiregridError } from '../errors.js';
import type { PhotoRef } from '../schema/index.js';

/** A record as the local store keeps it: with the fields a server manages. */
export type Stored = Record<string, unknown> & { id: string; version: number; createdAt: string };

/** The stores of a local store's database. */
export interface LocalDB extends DBSchema {
  records: { key: [string, string]; value: { kind: string; id: string; record: Stored }; indexes: { byKind: string } };
  replies: { key: string; value: { key: string; body: string; response: unknown } };
  media: { key: string; value: { id: string; blob: Blob; ref: PhotoRef } };
}

/** An open-on-demand connection to one local store's database. */
export interface LocalDbHandle {
  /** The open connection. */
  get(): Promise<IDBPDatabase<LocalDB>>;
  /** Closes and deletes the database. */
  destroy(): Promise<void>;
}

/**
 * Opens the database `name` lazily; `factory` is the page's `indexedDB`.
 * @throws FiregridError `storage` (from `get`) when there is no IndexedDB
 */
export function localDbHandle(name: string, factory: IDBFactory | undefined): LocalDbHandle {
  let pending: Promise<IDBPDatabase<LocalDB>> | undefined;
  return {
    get() {
      if (factory === undefined) return Promise.reject(new FiregridError('storage', 'localDataPort needs IndexedDB, which this environment does not have.'));
      const p: Promise<IDBPDatabase<LocalDB>> = pending ?? openDB<LocalDB>(name, 1, {
        upgrade(database, oldVersion) {
          if (oldVersion < 1) {
            database.createObjectStore('records', { keyPath: ['kind', 'id'] }).createIndex('byKind', 'kind');
            database.createObjectStore('replies', { keyPath: 'key' });
            database.createObjectStore('media', { keyPath: 'id' });
          }
        },
        blocking() {
          if (pending === p) pending = undefined;
          void p.then((d) => { d.close(); });
        },
        terminated() {
          if (pending === p) pending = undefined;
        },
      });
      pending = p;
      return p;
    },
    async destroy() {
      const p = pending;
      pending = undefined;
      (await p?.catch(() => undefined))?.close();
      if (factory !== undefined) await deleteDB(name);
    },
  };
}
