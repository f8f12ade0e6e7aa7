/**
 * What the offline layer keeps and reports: outbox entries (one per write, DESIGN §4), the status
 * `client.offline.status()` gives, and the controls behind `client.offline`. The schemas check
 * what comes back out of IndexedDB (a trust boundary: another version of the library, or a
 * person with devtools, may have written it).
 * @module
 */
import * as z from 'zod/mini';
import { COMMANDS, RESOURCE_KINDS } from '../names.js';
import type { ResourceKind } from '../names.js';
import type { PhotoRef, RecordOf } from '../schema/index.js';
import type { Page } from '../schema/page.js';
import type { Query } from '../host/query.js';
import type { Draft } from '../client/events.js';

/**
 * Where an outbox entry stands.
 * - `pending`: queued, or waiting to be retried after a network error, a 5xx or a 429;
 * - `rejected`: the server refused the content (400, 413, 422…); kept with the reason until a
 *   person edits, retries or discards it;
 * - `conflict`: the record changed on the server since the edit started (409); kept with both
 *   versions until a person resolves it.
 */
export const OUTBOX_STATES = ['pending', 'rejected', 'conflict'] as const;
/** One of {@link OUTBOX_STATES}. */
export type OutboxState = (typeof OUTBOX_STATES)[number];

/** The last failure of an entry, as the port reported it. */
export const OutboxFailure = z.object({
  /** The FiregridError code (`network`, `rejected`, `conflict`, `unauthorized`…). */
  code: z.string(),
  /** The message, for a person. */
  message: z.string(),
  /** Field paths and what is wrong with them, as the server named them. */
  issues: z.array(z.object({ path: z.string(), message: z.string() })),
  /** The HTTP status, when the port knew it. */
  status: z.optional(z.int()),
  /** When it happened (ISO 8601). */
  at: z.string(),
});
/** The last failure of an entry. */
export type OutboxFailure = z.infer<typeof OutboxFailure>;

const JsonObject = z.record(z.string(), z.unknown());

/**
 * One write waiting to be acknowledged. Its `id` is a UUIDv7 made once and kept across retries
 * and reloads: it is the request's `Idempotency-Key`, so a resend after a lost answer is a no-op
 * on the server.
 */
export const OutboxEntry = z.object({
  /** The idempotency key of the request (UUIDv7). */
  id: z.string().check(z.minLength(1)),
  /** Order of creation; entries of one record are sent in this order. */
  seq: z.number(),
  /** Entries with the same group are sent one after another (`hazards/<id>`). */
  group: z.string(),
  op: z.enum(['save', 'command']),
  /** `save`: the kind and the record as submitted (photos may still be device photos). */
  kind: z.optional(z.enum(RESOURCE_KINDS)),
  record: z.optional(JsonObject),
  /** `save`: the version the edit started from (`If-Match`); absent to create or overwrite. */
  baseVersion: z.optional(z.int().check(z.nonnegative())),
  /**
   * `save`: the edit was made from this device's own copy (its `updatedAt` is the {@link revision}
   * of an earlier write, named in `from`), so its base is the version the server gives that write,
   * then moved on by this device's transitions acknowledged after it. An edit made from any other
   * copy is not chained: it keeps the version it was made from, and a stale one becomes a conflict.
   */
  chained: z.optional(z.boolean()),
  /** `save`: the local revision of the copy this write made (the `updatedAt` of the provisional record). */
  revision: z.optional(z.string()),
  /** `save`, chained: the local revision of the copy the edit was made from (the write it follows). */
  from: z.optional(z.string()),
  /** `command`: the name and payload. */
  name: z.optional(z.enum(COMMANDS)),
  payload: z.optional(z.unknown()),
  /** Ids of the device photos the write refers to; each is uploaded (and acknowledged) first. */
  photos: z.array(z.string()),
  state: z.enum(OUTBOX_STATES),
  /** Failed attempts so far. */
  attempts: z.int().check(z.nonnegative()),
  /** Epoch ms before which a retry is not tried (backoff); absent when due. */
  nextAttemptAt: z.optional(z.number()),
  createdAt: z.string(),
  updatedAt: z.string(),
  /** The last failure: the server's reason for a rejection, the last network error of a retry. */
  error: z.optional(OutboxFailure),
  /** `conflict`: the record as the server has it now (null when it no longer exists). */
  theirs: z.optional(z.nullable(JsonObject)),
});
/** One write waiting to be acknowledged. */
export type OutboxEntry = z.infer<typeof OutboxEntry>;

/** How a conflict is resolved: keep the server's version, send mine over it, or send a merge. */
export type ConflictChoice = 'mine' | 'theirs' | { record: Record<string, unknown> };

/** What kind of locking the device offers (DESIGN §4). */
export type LockMode = 'web-locks' | 'broadcast-channel' | 'none';

/** How the offline layer runs on this page. */
export interface OfflineStatus {
  /**
   * `full` in a secure context (https, localhost) with Web Locks and Web Crypto; `degraded` on
   * plain-http intranets, where locking falls back to BroadcastChannel and SHA-256 to JavaScript.
   */
  mode: 'full' | 'degraded';
  /** Why the mode is degraded, for a person (`"no Web Locks: BroadcastChannel locking"`). */
  degradedBecause: string[];
  locks: LockMode;
  digest: 'web-crypto' | 'javascript';
  /** `navigator.onLine`: false means certainly offline, true only maybe online. */
  online: boolean;
  /** True while this tab is sending. */
  syncing: boolean;
  /** `auth` while sending waits for fresh credentials after a 401; null otherwise. */
  paused: 'auth' | null;
  /** Queued writes, including those waiting for a retry. */
  pending: OutboxEntry[];
  /** Writes the server refused, kept with the reason and editable. */
  failed: OutboxEntry[];
  /** Writes in conflict with the server's version, kept with both versions. */
  conflicted: OutboxEntry[];
  /** Drafts kept on the device. */
  drafts: number;
  /** Photos taken on this device and not yet uploaded. */
  unsentPhotos: number;
  /** The browser's storage estimate, in bytes, when it gives one. */
  storage: { usage: number | null; quota: number | null; persisted: boolean | null };
  /** When the last write was acknowledged (ISO 8601), or null. */
  lastSyncAt: string | null;
}

/** A change of the outbox, for screens that show what is still unsent. */
export interface OfflineChange {
  type: 'queued' | 'sent' | 'retry' | 'rejected' | 'conflict' | 'paused' | 'resumed' | 'removed' | 'purged' | 'remote';
  /** The entry concerned, when there is one. */
  entryId?: string;
}

/** A claim on one draft: while it is held, no other tab can save or submit that draft. */
export interface DraftLock {
  /** True when this tab holds the draft; false when another tab is editing it. */
  readonly acquired: boolean;
  /** Lets go of the draft (a no-op when it was not acquired). Reloading or closing the tab also lets go. */
  release(): Promise<void>;
}

/** Options of {@link OfflineControl.lockDraft}. */
export interface LockDraftOptions {
  /** Wait until the other tab lets go instead of answering `acquired: false` at once. */
  wait?: boolean;
  /** Stops waiting. */
  signal?: AbortSignal;
}

/** `client.offline`: the state of the outbox and what a person can do about it. */
export interface OfflineControl {
  /** Pending, failed and conflicted entries, the storage estimate and the mode. */
  status(): Promise<OfflineStatus>;
  /**
   * Sends what is due now (with `force`, also what waits for a backoff) and resolves when this
   * pass is over. When another tab is sending, that tab sends and this one resolves at once.
   */
  sync(options?: { force?: boolean }): Promise<OfflineStatus>;
  /**
   * Resolves a conflict: `'theirs'` drops my write and keeps the server's version; `'mine'` sends
   * mine again over the server's version; `{ record }` sends a merge over it.
   * @throws FiregridError `not-found` when there is no such conflict.
   */
  resolve(entryId: string, choice: ConflictChoice): Promise<void>;
  /** Sends a pending or rejected entry again now, as it is (same idempotency key). */
  retry(entryId: string): Promise<void>;
  /**
   * Takes a rejected or conflicted write back into the drafts, so a person can fix it and submit
   * it again; returns the draft. A conflicted one comes back on the server's version.
   */
  edit(entryId: string): Promise<Draft>;
  /** Drops an entry (a person decided not to send it). True when there was one. */
  discard(entryId: string): Promise<boolean>;
  /**
   * Keeps a photo on the device: compressed (long edge ≤ 1600 px, JPEG, which drops EXIF), with
   * its SHA-256. The PhotoRef it returns can go into a record at once; its device `url` is
   * replaced by the server's when the record is sent, after the photo is acknowledged.
   */
  addPhoto(blob: Blob): Promise<PhotoRef>;
  /** Lists cached records (with this device's unsent writes) filtered, sorted and paged on the device. */
  listCached<K extends ResourceKind>(kind: K, query?: Query): Promise<Page<RecordOf<K>>>;
  /** Claims a draft for this tab (Web Locks, or BroadcastChannel on plain-http intranets). */
  lockDraft(kind: ResourceKind, id: string, options?: LockDraftOptions): Promise<DraftLock>;
  /** Calls `listener` after every change of the outbox (in this tab or another); returns an unsubscribe function. */
  onChange(listener: (change: OfflineChange) => void): () => void;
  /** Stops timers and listeners and closes the database (the client stops sending). */
  close(): Promise<void>;
}
