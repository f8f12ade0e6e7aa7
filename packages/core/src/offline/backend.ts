/**
 * `offlineBackend`: drafts, the outbox and sync on IndexedDB behind the client's
 * `drafts` / `submit` / `command` calls (DESIGN §3–4), so elements never change.
 *
 * A write is first an outbox entry in the user's database, and `submit` resolves once it is
 * safely there. A sync pass then uploads the entry's photos and sends it with its id as the
 * `Idempotency-Key` — after a reload, a lost answer or a cut network it is sent again, and the
 * server answers a resend as it answered the first time. An entry leaves the outbox only when
 * the record and every photo are acknowledged.
 * @module
 */
import * as z from 'zod/mini';
import { FiregridError } from '../errors.js';
import type { FiregridErrorCode } from '../errors.js';
import { newId } from '../ids.js';
import type { CommandName, Locale, ResourceKind } from '../names.js';
import type { CommandPayload, CommandResult } from '../commands.js';
import { RECORD_SCHEMAS } from '../schema/index.js';
import type { PhotoRef, RecordOf } from '../schema/index.js';
import type { Page } from '../schema/page.js';
import { Query, applyQuery } from '../host/query.js';
import { sha256Js } from '../host/memory-port.js';
import type { CommandOptions, DataPort, MediaMeta } from '../host/types.js';
import type { Draft } from '../client/events.js';
import type { SaveBackend, SaveBackendContext, SaveBackendFactory } from '../client/drafts.js';
import { checkWith } from '../validate.js';
import { CachedRow, DraftRow, PhotoRow, dbHandle, dbNameOf, rowKey, storageError } from './db.js';
import type { DbHandle } from './db.js';
import { degradedReasons, detectEnv, lockModeOf } from './env.js';
import type { OfflineEnv } from './env.js';
import { createTabLocks } from './locks.js';
import type { Release, TabLocks } from './locks.js';
import { dueEntries, groupEntries, loadEntries, nextAttemptOf, updateEntry } from './outbox.js';
import { backoffDelay, failureOf, outcomeOf, theirsOf } from './outcome.js';
import type { BackoffOptions } from './outcome.js';
import { DEVICE_PHOTO_SCHEME, compressPhoto, devicePhotoIds, isDevicePhoto, withServerPhotos } from './photos.js';
import { TEXT, WHAT } from './text.js';
import { OutboxEntry } from './types.js';
import type { ConflictChoice, DraftLock, OfflineChange, OfflineControl, OfflineStatus } from './types.js';

/** Options of {@link offlineBackend}. */
export interface OfflineOptions {
  /** Send on its own: at start, after each write, on `online`, when the page becomes visible and on a timer. True by default. */
  autoSync?: boolean;
  /** The safety-net timer, in ms; 30 s by default. */
  intervalMs?: number;
  /** Requests in flight at once (entries of one record always go one at a time); 4 by default. */
  concurrency?: number;
  /** Backoff after network errors, 5xx and 429. */
  retry?: BackoffOptions;
  /** The jitter's random source (tests pass a fixed one). */
  random?: () => number;
  /** Photo compression; photos are compressed to JPEG with a long edge ≤ 1600 px unless `compress` is false. */
  photos?: { maxEdge?: number; quality?: number; compress?: boolean };
  /**
   * Called when the server answers 401: sending pauses (nothing is rejected) until this resolves
   * — the host refreshes its token here — and then resumes. Without it, sending is tried again
   * on the next wake-up, with whatever headers the port gives then.
   */
  onAuthRequired?: () => void | Promise<void>;
  /** Prefix of the database names (`firegrid/<tenant>/<user>`); `firegrid` by default. */
  prefix?: string;
  /** Ask the browser for persistent storage (so it is not evicted under pressure). True by default. */
  persist?: boolean;
  /**
   * How long `client.command` waits, when online, for the first attempt, in ms (8 s by default):
   * it then resolves with the receipt `{ kind: 'stored', result }`, or throws the server's refusal.
   * Offline, or when the first attempt does not settle it, it resolves at once with the receipt
   * `{ kind: 'queued', entryId }` and the command is sent like any other write.
   */
  commandWaitMs?: number;
  /** The browser APIs to use; detected by default. Tests replace some to exercise the fallbacks. */
  env?: Partial<OfflineEnv>;
}

/** The client-side part of an offline backend: what `client.offline` exposes. */
export interface OfflineBackend extends SaveBackend {
  data: DataPort;
  offline: OfflineControl;
  purge(): Promise<void>;
}

const LOCK_RETRY_MS = 2000;
/** Days a cached copy of a server photo is kept. */
const CACHE_DAYS = 30;
const copy = <T>(value: T): T => JSON.parse(JSON.stringify(value)) as T;
/** A copy of `value` without `keys` (optional fields must be absent, not undefined, in stored entries). */
const without = <T extends object, K extends keyof T>(value: T, keys: readonly K[]): Omit<T, K> => {
  const out = { ...value };
  for (const key of keys) Reflect.deleteProperty(out, key);
  return out;
};
const JsonObject = z.record(z.string(), z.unknown());
/**
 * A local revision stamp: `now` as ISO 8601, moved on past every stamp in `after` so that the
 * device's copy never carries the `updatedAt` of another copy (a fixed clock, two saves in one ms).
 */
const revisionAfter = (now: Date, after: readonly (unknown)[]): string => {
  let ms = now.getTime();
  for (const stamp of after) {
    const t = typeof stamp === 'string' ? Date.parse(stamp) : Number.NaN;
    if (!Number.isNaN(t) && t >= ms) ms = t + 1;
  }
  return new Date(ms).toISOString();
};

interface Space {
  name: string;
  tenantId: string;
  db: DbHandle;
  locks: TabLocks;
  channel: BroadcastChannel | undefined;
  /** Drafts this backend holds through `lockDraft`, by lock name. */
  held: Map<string, Release>;
}

interface ChannelMessage { t: 'change'; change: OfflineChange }

/**
 * Makes the offline backend for `createFiregridClient({ backend })`: drafts and an outbox in
 * IndexedDB per tenant and user, photos kept and compressed on the device, reads that fall back
 * to the cache, and sync across tabs (one tab sends at a time).
 * @example
 * const client = createFiregridClient({
 *   host: createBrowserHost({ data: httpDataPort({ baseUrl: 'https://grid.example.cn/api', headers: async () => ({ authorization: `Bearer ${await token()}` }) }) }),
 *   backend: offlineBackend({ onAuthRequired: () => bridge.refreshToken() }),
 * });
 * const receipt = await client.submit('hazards', hazard); // { kind: 'queued', entryId, record } once on the device
 * const { pending, failed, conflicted } = await client.offline!.status();
 */
export function offlineBackend(options: OfflineOptions = {}): SaveBackendFactory {
  return (context) => createOfflineBackend(context, options);
}

/** The backend itself; {@link offlineBackend} is the factory the client takes. */
export function createOfflineBackend(context: SaveBackendContext, options: OfflineOptions = {}): OfflineBackend {
  const env: OfflineEnv = { ...detectEnv(), ...options.env };
  const port = context.data;
  const prefix = options.prefix ?? 'firegrid';
  const autoSync = options.autoSync ?? true;
  const intervalMs = options.intervalMs ?? 30_000;
  const concurrency = Math.max(1, Math.floor(options.concurrency ?? 4));
  const random = options.random ?? Math.random;
  const photoOptions = options.photos ?? {};
  let locale: Locale = 'zh-CN';
  const text = () => TEXT[locale];

  let current: Space | undefined;
  let closed = false;
  // A function, not the variable: `close()` may flip it while a pass awaits.
  const isClosed = (): boolean => closed;
  let persisted: boolean | null = null;
  let persistAsked = false;
  const listeners = new Set<(change: OfflineChange) => void>();
  /** Commands whose caller waits for their first outcome, and the results of those sent. */
  const waiters = new Map<string, (type: OfflineChange['type'] | 'timeout') => void>();
  const results = new Map<string, unknown>();

  // Sync state of this tab.
  let syncing: Promise<void> | undefined;
  let rerun: { force: boolean } | undefined;
  let paused: 'auth' | null = null;
  let netFailures = 0;
  let retryAt = 0;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let seqLast = 0;

  const nextSeq = (): number => (seqLast = Math.max(Date.now() * 1000, seqLast + 1));

  const emitLocal = (change: OfflineChange): void => {
    const waiter = change.entryId === undefined ? undefined : waiters.get(change.entryId);
    if (waiter !== undefined && ['sent', 'retry', 'rejected', 'conflict', 'paused', 'removed'].includes(change.type)) waiter(change.type);
    for (const listener of [...listeners]) {
      try {
        listener(change);
      } catch {
        // A listener of a status screen must not break sending.
      }
    }
  };
  const notify = (change: OfflineChange): void => {
    emitLocal(change);
    current?.channel?.postMessage({ t: 'change', change } satisfies ChannelMessage);
  };

  const openSpace = (name: string, tenantId: string): Space => {
    const db = dbHandle(name, env.indexedDB, () => locale);
    const locks = createTabLocks(env, `${name}:locks`);
    const Channel = env.BroadcastChannel;
    const channel = Channel === undefined ? undefined : new Channel(`${name}:changes`);
    if (channel !== undefined) {
      channel.onmessage = (event: MessageEvent<ChannelMessage>) => {
        const { change } = event.data;
        emitLocal(change);
        // Another tab queued a write: whichever tab holds the sync lock sends it.
        if (change.type === 'queued') kick();
      };
    }
    return { name, tenantId, db, locks, channel, held: new Map() };
  };
  const disposeSpace = (s: Space): void => {
    for (const release of s.held.values()) release();
    s.held.clear();
    s.locks.close();
    s.channel?.close();
    s.db.close();
  };

  /** The signed-in user's database, locks and channel (re-made when the session changes user). */
  const space = async (): Promise<Space> => {
    const session = await context.session();
    locale = session.locale;
    const name = dbNameOf(prefix, session.tenantId, session.user.id);
    if (current?.name !== name) {
      if (current !== undefined) disposeSpace(current);
      current = openSpace(name, session.tenantId);
    }
    if (!persistAsked) {
      persistAsked = true;
      if (options.persist !== false) void askPersistence();
      void evictCache(current);
    }
    return current;
  };
  const dbOf = async () => (await space()).db.get();

  /** Drops cached copies of server photos not read for {@link CACHE_DAYS} days; photos taken here are never evicted unsent. */
  async function evictCache(s: Space): Promise<void> {
    try {
      const db = await s.db.get();
      const before = context.now().getTime() - CACHE_DAYS * 86_400_000;
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

  async function askPersistence(): Promise<void> {
    const storage = env.storage as Partial<StorageManager> | undefined;
    try {
      persisted = (await storage?.persisted?.()) ?? null;
      if (persisted === false && typeof storage?.persist === 'function') persisted = await storage.persist();
    } catch {
      persisted = null;
    }
  }

  const digestHex = async (bytes: Uint8Array<ArrayBuffer>): Promise<string> => {
    const digest = env.subtle === undefined ? sha256Js(bytes) : new Uint8Array(await env.subtle.digest('SHA-256', bytes));
    let hex = '';
    for (const b of digest) hex += b.toString(16).padStart(2, '0');
    return hex;
  };

  // ---- drafts and their locks ----------------------------------------------------------------

  const draftLockName = (s: Space, kind: ResourceKind, id: string): string => `${s.name}:draft:${kind}:${id}`;

  /** Refuses to touch a draft another tab is editing (it holds the draft's lock). */
  const assertDraftFree = async (s: Space, kind: ResourceKind, id: string): Promise<void> => {
    const name = draftLockName(s, kind, id);
    if (s.held.has(name)) return;
    const release = await s.locks.tryAcquire(name);
    if (release === null) {
      throw new FiregridError('conflict', text().draftLocked(kind, id), { issues: [{ path: 'id', message: 'open in another tab' }] });
    }
    release();
  };

  const parseDraft = (row: unknown): Draft | undefined => {
    const parsed = DraftRow.safeParse(row);
    return parsed.success ? parsed.data.draft as Draft : undefined;
  };

  const drafts: SaveBackend['drafts'] = {
    async save(kind, draft) {
      const s = await space();
      await assertDraftFree(s, kind, draft.id);
      const stored = copy(draft);
      try {
        const db = await s.db.get();
        await db.put('drafts', { kind, id: draft.id, draft: stored, seq: nextSeq(), savedAt: context.now().toISOString() });
      } catch (error) {
        throw storageError(error, WHAT.saveDraft(kind, draft.id), locale);
      }
      return copy(stored);
    },
    async get(kind, id) {
      const db = await dbOf();
      const row = await db.get('drafts', rowKey(kind, id)).catch((e: unknown) => { throw storageError(e, WHAT.readDrafts, locale); });
      return (parseDraft(row) ?? null) as Draft<typeof kind> | null;
    },
    async list(kind) {
      const db = await dbOf();
      const rows = await db.getAllFromIndex('drafts', 'byKind', kind).catch((e: unknown) => { throw storageError(e, WHAT.readDrafts, locale); });
      return rows.flatMap((row) => {
        const parsed = DraftRow.safeParse(row);
        return parsed.success ? [parsed.data] : [];
      }).sort((a, b) => b.seq - a.seq).map((row) => row.draft as Draft<typeof kind>);
    },
    async remove(kind, id) {
      const s = await space();
      const db = await s.db.get();
      if ((await db.getKey('drafts', rowKey(kind, id)).catch(() => undefined)) === undefined) return false;
      await assertDraftFree(s, kind, id);
      try {
        const tx = db.transaction('drafts', 'readwrite');
        const existed = (await tx.store.getKey(rowKey(kind, id))) !== undefined;
        if (existed) await tx.store.delete(rowKey(kind, id));
        await tx.done;
        return existed;
      } catch (error) {
        throw storageError(error, WHAT.removeDraft(kind, id), locale);
      }
    },
  };

  // ---- photos ---------------------------------------------------------------------------------

  async function addPhoto(blob: Blob, meta: Partial<MediaMeta> = {}): Promise<PhotoRef> {
    const s = await space();
    let out: { blob: Blob; width: number; height: number };
    if (photoOptions.compress !== false && typeof createImageBitmap === 'function') {
      out = await compressPhoto(blob, { locale, ...photoOptions });
    } else {
      out = { blob, width: meta.width ?? 1, height: meta.height ?? 1 };
    }
    const bytes = new Uint8Array(await out.blob.arrayBuffer());
    const sha256 = await digestHex(bytes);
    const contentType = out.blob.type === '' ? meta.contentType ?? 'application/octet-stream' : out.blob.type;
    const id = newId();
    const row: PhotoRow = {
      id, blob: new Blob([bytes], { type: contentType }), sha256, width: out.width, height: out.height, bytes: bytes.length,
      contentType, origin: 'device', createdAt: context.now().toISOString(),
    };
    try {
      await (await s.db.get()).put('photos', row);
    } catch (error) {
      throw storageError(error, WHAT.photo, locale);
    }
    return { id, url: `${DEVICE_PHOTO_SCHEME}${id}`, sha256, width: row.width, height: row.height, bytes: row.bytes };
  }

  async function readPhoto(ref: PhotoRef): Promise<Blob> {
    const db = await dbOf();
    if (isDevicePhoto(ref)) {
      const row = PhotoRow.safeParse(await db.get('photos', ref.id));
      if (!row.success) throw new FiregridError('not-found', text().photoMissing(ref.id));
      return row.data.blob;
    }
    const cached = PhotoRow.safeParse(await db.getFromIndex('photos', 'byRemoteId', ref.id));
    if (cached.success) return cached.data.blob;
    const blob = await port.readMedia(ref);
    try {
      await db.put('photos', {
        id: newId(), blob, sha256: ref.sha256, width: ref.width, height: ref.height, bytes: blob.size,
        contentType: blob.type, origin: 'server', remoteId: ref.id, createdAt: context.now().toISOString(),
      });
    } catch {
      // A full disk must not keep a photo from being shown; it is read from the network next time too.
    }
    return blob;
  }

  // ---- the outbox: queueing ----------------------------------------------------------------------

  const devicePhotosIn = async (s: Space, value: unknown): Promise<string[]> => {
    const db = await s.db.get();
    const candidates = devicePhotoIds(value, () => true);
    const known = new Set<string>();
    for (const id of candidates) {
      const row = PhotoRow.safeParse(await db.get('photos', id));
      if (row.success && row.data.origin === 'device') known.add(id);
    }
    const missing = devicePhotoIds(value).filter((id) => !known.has(id));
    if (missing[0] !== undefined) {
      throw new FiregridError('validation', text().photoGone(missing[0]), { issues: missing.map((id) => ({ path: 'photos', message: `device photo ${id} is missing` })) });
    }
    return devicePhotoIds(value, (id) => known.has(id));
  };

  const submit: SaveBackend['submit'] = async (kind, record, opts) => {
    const s = await space();
    const id = record.id;
    const photos = await devicePhotosIn(s, record);
    const now = context.now();
    const at = now.toISOString();
    const db = await s.db.get();
    if ((await db.getKey('drafts', rowKey(kind, id))) !== undefined) await assertDraftFree(s, kind, id);
    const group = `${kind}/${id}`;
    // The copy the edit was made from: its `updatedAt` is the local revision when it is this device's own.
    const madeFrom = typeof record.updatedAt === 'string' ? record.updatedAt : undefined;
    let provisional: RecordOf<typeof kind>;
    let removedDraft = false;
    try {
      const tx = db.transaction(['outbox', 'drafts', 'records'], 'readwrite');
      const earlier = (await tx.objectStore('outbox').index('byGroup').getAll(group)).flatMap((row) => {
        const parsed = OutboxEntry.safeParse(row);
        return parsed.success ? [parsed.data] : [];
      });
      const key = rowKey(kind, id);
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
      provisional = {
        ...(kind === 'hazards' ? { history: [] } : {}),
        ...copy(record),
        version: baseVersion ?? record.version ?? 0,
        createdAt: record.createdAt ?? at,
        updatedAt: revision,
        tenantId: s.tenantId,
      } as unknown as RecordOf<typeof kind>;
      const entry: OutboxEntry = {
        id: opts.idempotencyKey, seq: nextSeq(), group, op: 'save', kind, record: copy(record),
        ...(baseVersion === undefined ? {} : { baseVersion }),
        ...(chained ? { chained, from: madeFrom } : {}),
        revision, photos, state: 'pending', attempts: 0, createdAt: at, updatedAt: at,
      };
      await tx.objectStore('outbox').put(entry);
      if ((await tx.objectStore('drafts').getKey(key)) !== undefined) {
        await tx.objectStore('drafts').delete(key);
        removedDraft = true;
      }
      await tx.objectStore('records').put({
        kind, id, ...(row?.record === undefined ? {} : { record: row.record }),
        local: provisional, line: { revision }, cachedAt: at,
      });
      await tx.done;
    } catch (error) {
      throw storageError(error, WHAT.queue(`${kind} ${id}`), locale);
    }
    notify({ type: 'queued', entryId: opts.idempotencyKey });
    kick();
    return { receipt: { kind: 'queued', entryId: opts.idempotencyKey, record: provisional }, draftRemoved: removedDraft };
  };

  const command: SaveBackend['command'] = async <N extends CommandName>(name: N, payload: CommandPayload<N>, opts: CommandOptions) => {
    const s = await space();
    const photos = await devicePhotosIn(s, payload);
    const at = context.now().toISOString();
    // The command map types the payload by name; a generic name does not narrow it, so narrow by hand.
    const hazardId = name === 'hazards.transition' ? (payload as CommandPayload<'hazards.transition'>).hazardId : undefined;
    const entry: OutboxEntry = {
      id: opts.idempotencyKey, seq: nextSeq(),
      // A transition waits for the hazard's own unsent writes; an import depends on nothing queued.
      group: name === 'hazards.transition' && hazardId !== undefined ? `hazards/${hazardId}` : `${name}/${opts.idempotencyKey}`,
      op: 'command', name, payload: copy(payload), photos, state: 'pending', attempts: 0, createdAt: at, updatedAt: at,
    };
    try {
      await (await s.db.get()).put('outbox', entry);
    } catch (error) {
      throw storageError(error, WHAT.queue(name), locale);
    }
    const queued = { kind: 'queued', entryId: entry.id } as const;
    if (!autoSync || !env.online()) {
      notify({ type: 'queued', entryId: entry.id });
      // Queued, not run: the result comes when the server has run it (see client.offline.onChange).
      return queued;
    }
    // Online, a person acting on a hazard wants its outcome: wait for the first attempt.
    const outcome = waitFor(entry.id, options.commandWaitMs ?? 8000);
    notify({ type: 'queued', entryId: entry.id });
    kick();
    const change = await outcome;
    if (change === 'sent') {
      // Sent by another tab of this user, the result stays there: the receipt says only that it was run.
      const result = results.get(entry.id) as CommandResult<N> | undefined;
      results.delete(entry.id);
      return { kind: 'stored', result };
    }
    if (change === 'rejected' || change === 'conflict') {
      // The person learns it now, from the error; a command cannot be edited, so it leaves the outbox.
      const db = await s.db.get();
      const kept = OutboxEntry.safeParse(await db.get('outbox', entry.id));
      await db.delete('outbox', entry.id).catch(() => undefined);
      notify({ type: 'removed', entryId: entry.id });
      const failure = kept.success ? kept.data.error : undefined;
      throw new FiregridError(change === 'conflict' ? 'conflict' : (failure?.code ?? 'rejected') as FiregridErrorCode,
        failure?.message ?? change, { issues: failure?.issues ?? [] });
    }
    return queued;
  };

  /** Resolves with the first outcome of an entry (in any tab), or `timeout`. */
  function waitFor(entryId: string, ms: number): Promise<OfflineChange['type'] | 'timeout'> {
    return new Promise((resolve) => {
      const done = (type: OfflineChange['type'] | 'timeout') => {
        clearTimeout(timer);
        waiters.delete(entryId);
        resolve(type);
      };
      const timer = setTimeout(() => { done('timeout'); }, ms);
      waiters.set(entryId, done);
    });
  }

  // ---- the outbox: sending ------------------------------------------------------------------------

  /** Uploads the entry's device photos not yet acknowledged; returns device id → server ref. */
  async function uploadPhotos(s: Space, entry: OutboxEntry): Promise<Map<string, PhotoRef>> {
    const refs = new Map<string, PhotoRef>();
    for (const id of entry.photos) {
      const db = await s.db.get();
      const row = PhotoRow.safeParse(await db.get('photos', id));
      if (!row.success) throw new FiregridError('rejected', text().photoGone(id), { issues: [{ path: 'photos', message: `device photo ${id} is missing` }] });
      const photo = row.data;
      if (photo.ref !== undefined) {
        refs.set(id, photo.ref);
        continue;
      }
      // The photo's own id is its idempotency key: a resend after a lost answer gets the same ref.
      const ref = await port.uploadMedia(photo.blob, {
        width: photo.width, height: photo.height, contentType: photo.contentType, sha256: photo.sha256,
      }, { idempotencyKey: id });
      const tx = (await s.db.get()).transaction('photos', 'readwrite');
      const still = PhotoRow.safeParse(await tx.store.get(id));
      if (still.success) await tx.store.put({ ...still.data, ref, remoteId: ref.id });
      await tx.done;
      refs.set(id, ref);
    }
    return refs;
  }

  /** Records an acknowledged entry: out of the outbox, the server's version into the cache, later edits rebased. */
  async function acknowledge(s: Space, entry: OutboxEntry, result: unknown): Promise<void> {
    const db = await s.db.get();
    const at = context.now().toISOString();
    const tx = db.transaction(['outbox', 'records', 'meta', 'photos'], 'readwrite');
    const outbox = tx.objectStore('outbox');
    await outbox.delete(entry.id);
    const later = (await outbox.index('byGroup').getAll(entry.group)).flatMap((row) => {
      const parsed = OutboxEntry.safeParse(row);
      return parsed.success ? [parsed.data] : [];
    });
    if (entry.photos.length > 0) {
      const stillNeeded = new Set((await outbox.getAll()).flatMap((row) => {
        const parsed = OutboxEntry.safeParse(row);
        return parsed.success ? parsed.data.photos : [];
      }));
      // Acknowledged photos stay as cached copies (same id, so device refs still read), and may be evicted.
      for (const id of entry.photos) {
        if (stillNeeded.has(id)) continue;
        const photo = PhotoRow.safeParse(await tx.objectStore('photos').get(id));
        if (photo.success && photo.data.ref !== undefined) {
          await tx.objectStore('photos').put({ ...photo.data, origin: 'server', createdAt: at });
        }
      }
    }
    const saved = JsonObject.safeParse(result);
    const kind = entry.op === 'save' ? entry.kind : entry.name === 'hazards.transition' ? 'hazards' : undefined;
    if (saved.success && kind !== undefined && typeof saved.data.id === 'string' && typeof saved.data.version === 'number') {
      const version = saved.data.version;
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
      const key = rowKey(kind, saved.data.id);
      const cached = CachedRow.safeParse(await records.get(key));
      const keepLocal = later.length > 0 && cached.success && cached.data.local !== undefined;
      const line = cached.success ? cached.data.line : undefined;
      // The device's last copy now stands on this version: its own save became it, or its own transition moved it on.
      const moved = line !== undefined && (entry.op === 'save' ? entry.revision === line.revision : line.version !== undefined);
      await records.put({
        kind, id: saved.data.id, record: saved.data, ...(keepLocal ? { local: cached.data.local } : {}),
        ...(line === undefined ? {} : { line: moved ? { revision: line.revision, version } : line }), cachedAt: at,
      });
    }
    await tx.objectStore('meta').put(at, 'lastSyncAt');
    await tx.done;
  }

  /** Sends one entry and records what happened. */
  async function sendOne(s: Space, entry: OutboxEntry): Promise<'done' | 'retry' | 'offline' | 'auth' | 'kept'> {
    try {
      const refs = await uploadPhotos(s, entry);
      let result: unknown;
      if (entry.op === 'save' && entry.kind !== undefined && entry.record !== undefined) {
        const record = withServerPhotos(entry.record, refs);
        result = await port.save(entry.kind, record as never, {
          idempotencyKey: entry.id, ...(entry.baseVersion === undefined ? {} : { baseVersion: entry.baseVersion }),
        });
      } else if (entry.op === 'command' && entry.name !== undefined) {
        // The client checked the payload before queueing it (checkCommandPayload); the server checks it again.
        result = await port.command(entry.name, withServerPhotos(entry.payload, refs) as CommandPayload<typeof entry.name>, { idempotencyKey: entry.id });
      } else {
        // Never acknowledged without being sent: an entry that cannot be read stays, for a person to see.
        throw new FiregridError('validation', text().incomplete(entry.id));
      }
      await acknowledge(s, entry, result);
      netFailures = 0;
      retryAt = 0;
      if (paused !== null) {
        paused = null;
        await (await s.db.get()).delete('meta', 'paused').catch(() => undefined);
        notify({ type: 'resumed' });
      }
      if (entry.op === 'command' && waiters.has(entry.id)) results.set(entry.id, result);
      notify({ type: 'sent', entryId: entry.id });
      return 'done';
    } catch (error) {
      return recordFailure(s, entry, error);
    }
  }

  async function recordFailure(s: Space, entry: OutboxEntry, error: unknown): Promise<'retry' | 'offline' | 'auth' | 'kept'> {
    const outcome = outcomeOf(error);
    const at = context.now();
    const failure = failureOf(error, at);
    const db = await s.db.get();
    const update = (change: (e: OutboxEntry) => OutboxEntry) => updateEntry(db, entry.id, (e) => ({ ...change(e), updatedAt: at.toISOString(), error: failure }));
    switch (outcome.type) {
      case 'retry': {
        await update((e) => {
          const attempts = e.attempts + 1;
          return { ...e, attempts, nextAttemptAt: Date.now() + (outcome.retryAfterMs ?? backoffDelay(attempts, random, options.retry)) };
        });
        if (outcome.offline) {
          netFailures += 1;
          retryAt = Date.now() + (outcome.retryAfterMs ?? backoffDelay(netFailures, random, options.retry));
        }
        notify({ type: 'retry', entryId: entry.id });
        return outcome.offline ? 'offline' : 'retry';
      }
      case 'auth': {
        await update((e) => e);
        const first = paused === null;
        paused = 'auth';
        // Kept in the database so every tab's status shows it, not only the one sending.
        await db.put('meta', 'auth', 'paused').catch(() => undefined);
        if (first) {
          notify({ type: 'paused', entryId: entry.id });
          const refresh = options.onAuthRequired;
          if (refresh !== undefined) {
            void Promise.resolve().then(refresh).then(() => { kick(true); }, () => undefined);
          }
        }
        return 'auth';
      }
      case 'conflict': {
        let theirs: Record<string, unknown> | null | undefined = theirsOf(error);
        if (theirs === undefined && entry.op === 'save' && entry.kind !== undefined && typeof entry.record?.id === 'string') {
          theirs = await port.get(entry.kind, entry.record.id).then((r) => (r === null ? null : copy(r) as Record<string, unknown>), () => undefined);
        }
        await update((e) => ({ ...e, state: 'conflict', ...(theirs === undefined ? {} : { theirs }) }));
        notify({ type: 'conflict', entryId: entry.id });
        return 'kept';
      }
      case 'rejected': {
        await update((e) => ({ ...e, state: 'rejected' }));
        notify({ type: 'rejected', entryId: entry.id });
        return 'kept';
      }
    }
  }

  /** Sends until nothing more can go now. Runs only while this tab holds the sync lock. */
  async function flush(s: Space, force: boolean): Promise<void> {
    for (;;) {
      if (closed) return;
      if (!force && (!env.online() || Date.now() < retryAt)) return;
      const db = await s.db.get();
      const due = dueEntries(await loadEntries(db), Date.now(), force);
      if (due.length === 0) return;
      // While paused for credentials, one request finds out whether fresh ones have come.
      const queue = paused === null ? due : due.slice(0, 1);
      const pass = { stop: false, progressed: false };
      const worker = async (): Promise<void> => {
        for (let entry = queue.shift(); entry !== undefined && !pass.stop && !isClosed(); entry = queue.shift()) {
          const result = await sendOne(s, entry);
          if (result === 'done') pass.progressed = true;
          else if (result === 'offline' || result === 'auth') pass.stop = true;
        }
      };
      await Promise.all(Array.from({ length: Math.min(concurrency, queue.length) }, worker));
      if (pass.stop || !pass.progressed) return;
      force = false;
    }
  }

  function schedule(delay: number): void {
    if (timer !== undefined) clearTimeout(timer);
    timer = undefined;
    if (closed || !autoSync) return;
    timer = setTimeout(() => {
      timer = undefined;
      kick();
    }, Math.max(50, Math.min(intervalMs, delay)));
  }

  async function planNext(s: Space): Promise<void> {
    if (!autoSync || closed) return;
    const next = nextAttemptOf(await loadEntries(await s.db.get()));
    if (next === undefined || paused !== null || !env.online()) {
      schedule(intervalMs);
      return;
    }
    schedule(Math.max(next, retryAt) - Date.now());
  }

  async function sync(force = false): Promise<void> {
    if (closed) return;
    if (syncing !== undefined) {
      const running = syncing;
      const wanted = { force: force || rerun?.force === true };
      rerun = wanted;
      await running.catch(() => undefined);
      // The running pass ended before it saw this request: run one of our own.
      if (rerun === wanted) {
        rerun = undefined;
        await sync(wanted.force);
      }
      return;
    }
    const run = (async () => {
      const s = await space();
      const release = await s.locks.tryAcquire(`${s.name}:sync`);
      if (release === null) {
        // Another tab is sending; look again soon in case it stops before it sees this tab's writes.
        schedule(LOCK_RETRY_MS);
        return;
      }
      try {
        let pass: { force: boolean } | undefined = { force };
        while (pass !== undefined && !isClosed()) {
          rerun = undefined;
          await flush(s, pass.force);
          pass = rerun;
        }
      } finally {
        release();
      }
      await planNext(s);
    })();
    syncing = run;
    try {
      await run;
    } finally {
      syncing = undefined;
    }
  }

  function kick(force = false): void {
    if (closed || !autoSync) return;
    sync(force).catch(() => {
      // A storage failure here is reported through status(); the timer tries again.
      schedule(intervalMs);
    });
  }

  // ---- reads through the cache ---------------------------------------------------------------------

  const RecordRows = {
    parse<K extends ResourceKind>(kind: K, value: unknown): RecordOf<K> | undefined {
      const result = checkWith(RECORD_SCHEMAS[kind], value, { locale });
      return result.ok ? result.value as RecordOf<K> : undefined;
    },
  };

  async function cacheRecords(kind: ResourceKind, items: readonly { id: string }[]): Promise<void> {
    try {
      const db = await dbOf();
      const at = context.now().toISOString();
      const tx = db.transaction('records', 'readwrite');
      for (const item of items) {
        const cached = CachedRow.safeParse(await tx.store.get(rowKey(kind, item.id)));
        const local = cached.success ? cached.data.local : undefined;
        const line = cached.success ? cached.data.line : undefined;
        await tx.store.put({ kind, id: item.id, record: copy(item), ...(local === undefined ? {} : { local }), ...(line === undefined ? {} : { line }), cachedAt: at });
      }
      await tx.done;
    } catch {
      // The cache is a convenience: a full disk must not break a read that succeeded.
    }
  }

  async function listCached<K extends ResourceKind>(kind: K, query: Query = {}): Promise<Page<RecordOf<K>>> {
    const checked = checkWith(Query, query, { locale });
    if (!checked.ok) throw new FiregridError('validation', checked.message, { issues: checked.issues });
    const db = await dbOf();
    const read = async (k: ResourceKind) => {
      const rows = await db.getAllFromIndex('records', 'byKind', k).catch((e: unknown) => { throw storageError(e, WHAT.cache, locale); });
      return rows.flatMap((row) => {
        const parsed = CachedRow.safeParse(row);
        const value = parsed.success ? parsed.data.local ?? parsed.data.record : undefined;
        const record = value === undefined ? undefined : RecordRows.parse(k, value);
        return record === undefined ? [] : [record];
      });
    };
    const records = await read(kind);
    const places = new Map<string, { gridId?: string; kind?: string }>();
    for (const place of kind === 'places' ? records as RecordOf<'places'>[] : await read('places') as RecordOf<'places'>[]) {
      places.set(place.id, { gridId: place.gridId, kind: place.kind });
    }
    return applyQuery(records, checked.value, { now: context.now(), placeOf: (id) => places.get(id) }) as Page<RecordOf<K>>;
  }

  const fallsBack = (error: unknown): boolean => outcomeOf(error).type === 'retry';

  const data: DataPort = {
    async list(kind, query) {
      try {
        const page = await port.list(kind, query);
        await cacheRecords(kind, page.items);
        return page;
      } catch (error) {
        if (!fallsBack(error)) throw error;
        return listCached(kind, query);
      }
    },
    async get(kind, id) {
      const db = await dbOf();
      const cached = CachedRow.safeParse(await db.get('records', rowKey(kind, id)).catch(() => undefined));
      const row = cached.success ? cached.data : undefined;
      // This device's unsent edit is what its user expects to see.
      if (row?.local !== undefined && (await groupEntries(db, `${kind}/${id}`)).length > 0) {
        const local = RecordRows.parse(kind, row.local);
        if (local !== undefined) return local;
      }
      try {
        const record = await port.get(kind, id);
        if (record !== null) await cacheRecords(kind, [record]);
        return record;
      } catch (error) {
        const fallback = row?.local ?? row?.record;
        if (!fallsBack(error) || fallback === undefined) throw error;
        const record = RecordRows.parse(kind, fallback);
        if (record === undefined) throw error;
        return record;
      }
    },
    save: (kind, record, opts) => port.save(kind, record, opts),
    command: (name, payload, opts) => port.command(name, payload, opts),
    uploadMedia: (blob, meta) => addPhoto(blob, meta),
    readMedia: readPhoto,
  };

  // ---- control -------------------------------------------------------------------------------------

  const entryOf = async (s: Space, id: string): Promise<OutboxEntry> => {
    const parsed = OutboxEntry.safeParse(await (await s.db.get()).get('outbox', id));
    if (!parsed.success) throw new FiregridError('not-found', text().noEntry(id));
    return parsed.data;
  };

  async function status(): Promise<OfflineStatus> {
    const s = await space();
    const db = await s.db.get();
    // The pause first: a failure is written to its entry before the pause is set, so entries read
    // after it always show the error that paused sync (read the other way round, a status could
    // say "paused" over entries that had not failed yet).
    const pausedAny = paused ?? ((await db.get('meta', 'paused')) === 'auth' ? 'auth' : null);
    const entries = await loadEntries(db);
    const photos = await db.getAll('photos');
    const storage = env.storage as Partial<StorageManager> | undefined;
    const estimate = await storage?.estimate?.().catch(() => undefined);
    persisted ??= (await storage?.persisted?.().catch(() => null)) ?? null;
    const lastSyncAt = await db.get('meta', 'lastSyncAt');
    const reasons = degradedReasons(env);
    return {
      mode: reasons.length === 0 ? 'full' : 'degraded',
      degradedBecause: reasons,
      locks: lockModeOf(env),
      digest: env.subtle === undefined ? 'javascript' : 'web-crypto',
      online: env.online(),
      syncing: syncing !== undefined,
      paused: pausedAny,
      pending: entries.filter((e) => e.state === 'pending'),
      failed: entries.filter((e) => e.state === 'rejected'),
      conflicted: entries.filter((e) => e.state === 'conflict'),
      drafts: await db.count('drafts'),
      unsentPhotos: photos.filter((p) => p.origin === 'device' && p.ref === undefined).length,
      storage: { usage: estimate?.usage ?? null, quota: estimate?.quota ?? null, persisted },
      lastSyncAt: typeof lastSyncAt === 'string' ? lastSyncAt : null,
    };
  }

  const offline: OfflineControl = {
    status,
    async sync(opts = {}) {
      await sync(opts.force === true);
      return status();
    },
    async resolve(entryId, choice: ConflictChoice) {
      const s = await space();
      const entry = await entryOf(s, entryId);
      if (entry.state !== 'conflict' || entry.op !== 'save' || entry.kind === undefined || entry.record === undefined) {
        throw new FiregridError('validation', text().notConflict(entryId));
      }
      const db = await s.db.get();
      const at = context.now().toISOString();
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
      await tx.done.catch((e: unknown) => { throw storageError(e, WHAT.outbox, locale); });
      notify({ type: 'removed', entryId });
      kick(true);
    },
    async retry(entryId) {
      const s = await space();
      await entryOf(s, entryId);
      await updateEntry(await s.db.get(), entryId, (e) => {
        return { ...without(e, ['nextAttemptAt']), state: e.state === 'conflict' ? 'conflict' : 'pending' };
      });
      retryAt = 0;
      notify({ type: 'queued', entryId });
      await sync(true);
    },
    async edit(entryId) {
      const s = await space();
      const entry = await entryOf(s, entryId);
      if (entry.op !== 'save' || entry.kind === undefined || entry.record === undefined) {
        throw new FiregridError('validation', text().commandNotEditable(entryId));
      }
      if (entry.state === 'pending') throw new FiregridError('validation', text().notEditable(entryId, entry.state));
      const theirsVersion = typeof entry.theirs?.version === 'number' ? entry.theirs.version : undefined;
      const draft = { ...entry.record, ...(theirsVersion === undefined ? {} : { version: theirsVersion }) } as Draft;
      await assertDraftFree(s, entry.kind, draft.id);
      const db = await s.db.get();
      const tx = db.transaction(['outbox', 'drafts'], 'readwrite');
      await tx.objectStore('outbox').delete(entryId);
      await tx.objectStore('drafts').put({ kind: entry.kind, id: draft.id, draft, seq: nextSeq(), savedAt: context.now().toISOString() });
      await tx.done.catch((e: unknown) => { throw storageError(e, WHAT.outbox, locale); });
      notify({ type: 'removed', entryId });
      return copy(draft);
    },
    async discard(entryId) {
      const s = await space();
      const db = await s.db.get();
      const tx = db.transaction('outbox', 'readwrite');
      const existed = (await tx.store.getKey(entryId)) !== undefined;
      if (existed) await tx.store.delete(entryId);
      await tx.done;
      if (existed) notify({ type: 'removed', entryId });
      return existed;
    },
    addPhoto: (blob) => addPhoto(blob),
    listCached,
    async lockDraft(kind, id, opts = {}): Promise<DraftLock> {
      const s = await space();
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
    },
    onChange(listener) {
      listeners.add(listener);
      // Open the channel now, so changes made in other tabs reach this listener.
      space().catch(() => undefined);
      return () => { listeners.delete(listener); };
    },
    async close() {
      closed = true;
      if (timer !== undefined) clearTimeout(timer);
      timer = undefined;
      removeListeners();
      await syncing?.catch(() => undefined);
      if (current !== undefined) disposeSpace(current);
      current = undefined;
    },
  };

  // ---- wake-ups --------------------------------------------------------------------------------------

  const onOnline = () => {
    retryAt = 0;
    kick(true);
  };
  const onVisible = () => {
    if (env.visible()) kick();
  };
  const target = env.target;
  target?.addEventListener('online', onOnline);
  target?.addEventListener('visibilitychange', onVisible);
  const removeListeners = () => {
    target?.removeEventListener('online', onOnline);
    target?.removeEventListener('visibilitychange', onVisible);
  };
  if (autoSync) setTimeout(() => { kick(); }, 0);

  return {
    drafts,
    submit,
    command,
    data,
    offline,
    async purge() {
      const s = await space();
      if (timer !== undefined) clearTimeout(timer);
      await syncing?.catch(() => undefined);
      notify({ type: 'purged' });
      disposeSpace(s);
      current = undefined;
      paused = null;
      try {
        await s.db.destroy();
      } catch (error) {
        throw storageError(error, WHAT.purge, locale);
      }
    },
  };
}
