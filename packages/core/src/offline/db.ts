/**
 * The device database: one IndexedDB database per tenant and user (two people on one phone never
 * see each other's data), with stores for drafts, the outbox, cached records and photo blobs.
 * Migrations run by `oldVersion`; a connection closes when it blocks a newer version or a
 * deletion in another tab, and is opened again on the next use.
 * @module
 */
import { deleteDB, openDB } from 'idb';
import type { DBSchema, IDBPDatabase } from 'idb';
import * as z from 'zod/mini';
import { FiregridError } from '../errors.js';
import type { Locale, ResourceKind } from '../names.js';
import { PhotoRef } from '../schema/index.js';

/** The schema version of the device database. Raise it with a new step in {@link migrate}. */
export const DB_VERSION = 1;

/** A draft as stored. */
export const DraftRow = z.object({
  kind: z.string(),
  id: z.string(),
  draft: z.record(z.string(), z.unknown()),
  /** Increases with every save: lists show the most recently saved first. */
  seq: z.number(),
  savedAt: z.string(),
});
export type DraftRow = z.infer<typeof DraftRow>;

/** A record in the read cache: the server's version and, while a write is unsent, this device's. */
export const CachedRow = z.object({
  kind: z.string(),
  id: z.string(),
  /** As the server last gave it. */
  record: z.optional(z.record(z.string(), z.unknown())),
  /** As this device last submitted it, until the server has acknowledged every write of it. */
  local: z.optional(z.record(z.string(), z.unknown())),
  /**
   * This device's line of edits (a local revision, as ODK Central's entity base versions): the
   * `updatedAt` stamp of the copy it last submitted, and once every write up to it is
   * acknowledged, the server version that copy became. An edit made from that copy builds on the
   * device's own writes; an edit made from any other copy is sent with the version it was made
   * from, and a stale one becomes a conflict.
   */
  line: z.optional(z.object({ revision: z.string(), version: z.optional(z.int()) })),
  cachedAt: z.string(),
});
export type CachedRow = z.infer<typeof CachedRow>;

/** A photo blob: taken on this device (`device`), or a server photo kept for offline reading (`server`). */
export const PhotoRow = z.object({
  id: z.string(),
  blob: z.instanceof(Blob),
  sha256: z.string(),
  width: z.int(),
  height: z.int(),
  bytes: z.int(),
  contentType: z.string(),
  origin: z.enum(['device', 'server']),
  /** The server's id of the photo, once uploaded (or the id it was read by). */
  remoteId: z.optional(z.string()),
  /** The server's reference, once the upload was acknowledged. */
  ref: z.optional(PhotoRef),
  createdAt: z.string(),
});
export type PhotoRow = z.infer<typeof PhotoRow>;

/** The stores of the device database. */
export interface OfflineDB extends DBSchema {
  drafts: { key: [string, string]; value: DraftRow; indexes: { byKind: string } };
  outbox: { key: string; value: unknown; indexes: { bySeq: number; byGroup: string } };
  records: { key: [string, string]; value: CachedRow; indexes: { byKind: string } };
  photos: { key: string; value: PhotoRow; indexes: { byRemoteId: string } };
  meta: { key: string; value: unknown };
}

/** The database of one tenant and user. */
export function dbNameOf(prefix: string, tenantId: string, userId: string): string {
  return `${prefix}/${encodeURIComponent(tenantId)}/${encodeURIComponent(userId)}`;
}

/** The upgrade steps, one per version; each runs once, in order, inside the upgrade transaction. */
function migrate(db: IDBPDatabase<OfflineDB>, oldVersion: number): void {
  if (oldVersion < 1) {
    db.createObjectStore('drafts', { keyPath: ['kind', 'id'] }).createIndex('byKind', 'kind');
    const outbox = db.createObjectStore('outbox', { keyPath: 'id' });
    outbox.createIndex('bySeq', 'seq');
    outbox.createIndex('byGroup', 'group');
    db.createObjectStore('records', { keyPath: ['kind', 'id'] }).createIndex('byKind', 'kind');
    db.createObjectStore('photos', { keyPath: 'id' }).createIndex('byRemoteId', 'remoteId');
    db.createObjectStore('meta');
  }
}

/** An open-on-demand connection to one device database. */
export interface DbHandle {
  readonly name: string;
  /** The open connection (opened again after another tab made this one close). */
  get(): Promise<IDBPDatabase<OfflineDB>>;
  close(): void;
  /** Closes and deletes the database. */
  destroy(): Promise<void>;
}

/** Opens `name` lazily; `factory` is the page's `indexedDB` (required). */
export function dbHandle(name: string, factory: IDBFactory | undefined, locale: () => Locale): DbHandle {
  let pending: Promise<IDBPDatabase<OfflineDB>> | undefined;
  const drop = (p: Promise<IDBPDatabase<OfflineDB>> | undefined) => {
    if (pending === p) pending = undefined;
  };
  const open = (): Promise<IDBPDatabase<OfflineDB>> => {
    if (factory === undefined) {
      return Promise.reject(new FiregridError('storage', TEXT[locale()].noIdb));
    }
    const p: Promise<IDBPDatabase<OfflineDB>> = openDB<OfflineDB>(name, DB_VERSION, {
      upgrade: (db, oldVersion) => { migrate(db, oldVersion); },
      // Another tab wants a newer version or is deleting the database (logout): let it.
      blocking: () => {
        drop(p);
        void p.then((db) => { db.close(); });
      },
      terminated: () => { drop(p); },
    });
    p.catch(() => { drop(p); });
    return p;
  };
  return {
    name,
    get: () => (pending ??= open()),
    close() {
      const p = pending;
      pending = undefined;
      void p?.then((db) => { db.close(); }, () => undefined);
    },
    async destroy() {
      const p = pending;
      pending = undefined;
      if (p !== undefined) (await p.catch(() => undefined))?.close();
      if (factory !== undefined) await deleteDB(name);
    },
  };
}

const TEXT = {
  'zh-CN': {
    noIdb: '此浏览器不提供 IndexedDB（或处于禁用存储的隐私模式），无法离线保存',
    quota: (what: string) => `${what}失败：本设备上留给 Firegrid 的存储空间已满。已保存的内容保持不变。请清理设备空间或先发送待发送的记录，然后重试。`,
    failed: (what: string, why: string) => `${what}失败：${why}`,
  },
  en: {
    noIdb: 'This browser offers no IndexedDB (or it is in a private mode without storage), so nothing can be kept offline',
    quota: (what: string) => `${what} failed: this device has no storage left for Firegrid. What was saved before is kept. Free space on the device or send pending records, then try again.`,
    failed: (what: string, why: string) => `${what} failed: ${why}`,
  },
} as const;

const nameOf = (error: unknown): string => (typeof error === 'object' && error !== null && typeof (error as { name?: unknown }).name === 'string'
  ? (error as { name: string }).name : '');

/** True for the browser's "out of storage" error, however it surfaced. */
export function isQuotaError(error: unknown): boolean {
  if (nameOf(error) === 'QuotaExceededError') return true;
  const inner = (error as { target?: { error?: unknown }; cause?: unknown } | null)?.cause;
  return inner !== undefined && nameOf(inner) === 'QuotaExceededError';
}

/**
 * Turns a failure of IndexedDB into FiregridError `storage` with a message a person can act on;
 * a FiregridError passes unchanged. `what` names the operation in both locales.
 */
export function storageError(error: unknown, what: { 'zh-CN': string; en: string }, locale: Locale): FiregridError {
  if (error instanceof FiregridError) return error;
  const text = TEXT[locale];
  if (isQuotaError(error)) return new FiregridError('storage', text.quota(what[locale]), { cause: error });
  const why = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
  return new FiregridError('storage', text.failed(what[locale], why), { cause: error });
}

/** The key of a row of the drafts and records stores. */
export const rowKey = (kind: ResourceKind, id: string): [string, string] => [kind, id];
