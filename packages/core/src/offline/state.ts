/**
 * The state of one offline backend, owned in one place and passed to each module explicitly: the
 * options as resolved, the signed-in user's space (database, locks, channel), who listens, and
 * this tab's sync state. The modules are small functions over it (`submitToOutbox(state, …)`),
 * the way idb keeps its transaction rules in small typed functions.
 * @module
 */
import type { Locale } from '../names.js';
import type { DataPort } from '../host/types.js';
import type { SaveBackendContext } from '../client/drafts.js';
import type { DbHandle } from './db.js';
import { detectEnv } from './env.js';
import type { OfflineEnv } from './env.js';
import type { Release, TabLocks } from './locks.js';
import type { BackoffOptions } from './outcome.js';
import { TEXT } from './text.js';
import type { OfflineChange } from './types.js';

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

/** The signed-in user's database, locks and channel. */
export interface Space {
  name: string;
  tenantId: string;
  db: DbHandle;
  locks: TabLocks;
  channel: BroadcastChannel | undefined;
  /** Drafts this backend holds through `lockDraft`, by lock name. */
  held: Map<string, Release>;
}

/** What this tab knows about sending. */
export interface SyncState {
  /** The pass running now. */
  running: Promise<void> | undefined;
  /** A pass asked for while one ran (it runs once the running one ends). */
  rerun: { force: boolean } | undefined;
  /** `auth` while sending waits for fresh credentials after a 401. */
  paused: 'auth' | null;
  /** Network failures in a row, for the backoff of the whole outbox. */
  netFailures: number;
  /** Epoch ms before which no pass sends (after network failures). */
  retryAt: number;
  /** The next wake-up on a timer. */
  timer: ReturnType<typeof setTimeout> | undefined;
}

/** An outcome a waiting `command` call learns (or `timeout`). */
export type WaitOutcome = OfflineChange['type'] | 'timeout';

/** Everything one offline backend keeps between calls. */
export interface OfflineState {
  readonly context: SaveBackendContext;
  readonly options: OfflineOptions;
  readonly env: OfflineEnv;
  /** The host's data port (already validated by the client). */
  readonly port: DataPort;
  readonly prefix: string;
  readonly autoSync: boolean;
  readonly intervalMs: number;
  readonly concurrency: number;
  readonly random: () => number;
  /** The session's locale, as last read. */
  locale: Locale;
  /** The open space, re-made when the session changes user. */
  current: Space | undefined;
  /** Set by `close()`; read afresh after every await. */
  closed: boolean;
  persisted: boolean | null;
  persistAsked: boolean;
  readonly listeners: Set<(change: OfflineChange) => void>;
  /** Commands whose caller waits for their first outcome, and the results of those sent. */
  readonly waiters: Map<string, (outcome: WaitOutcome) => void>;
  readonly results: Map<string, unknown>;
  readonly sync: SyncState;
  /** The last sequence number given (entries and drafts are ordered by it). */
  seqLast: number;
  /** Starts a sync pass soon (set by the wake-ups; a no-op until then and after `close`). */
  wake: (force?: boolean) => void;
}

/** The state of a new backend, with its options resolved. */
export function createState(context: SaveBackendContext, options: OfflineOptions): OfflineState {
  return {
    context,
    options,
    env: { ...detectEnv(), ...options.env },
    port: context.data,
    prefix: options.prefix ?? 'firegrid',
    autoSync: options.autoSync ?? true,
    intervalMs: options.intervalMs ?? 30_000,
    concurrency: Math.max(1, Math.floor(options.concurrency ?? 4)),
    random: options.random ?? Math.random,
    locale: 'zh-CN',
    current: undefined,
    closed: false,
    persisted: null,
    persistAsked: false,
    listeners: new Set(),
    waiters: new Map(),
    results: new Map(),
    sync: { running: undefined, rerun: undefined, paused: null, netFailures: 0, retryAt: 0, timer: undefined },
    seqLast: 0,
    wake: () => undefined,
  };
}

/** The messages in the session's locale. */
export const textOf = (state: OfflineState): (typeof TEXT)[Locale] => TEXT[state.locale];

/** A sequence number above every one given before (microseconds since the epoch, or the last + 1). */
export const nextSeq = (state: OfflineState): number => (state.seqLast = Math.max(Date.now() * 1000, state.seqLast + 1));

/**
 * What the channel carries between tabs: a change, and in `more` the changes that happened with it
 * (a batch of acknowledgements goes as one message, not one per entry).
 */
export interface ChannelMessage { t: 'change'; change: OfflineChange; more?: OfflineChange[] }

const SETTLES_A_WAIT: ReadonlySet<OfflineChange['type']> = new Set(['sent', 'retry', 'rejected', 'conflict', 'paused', 'removed']);

/** Tells this tab's listeners (and a command waiting for the entry) about a change. */
export function emitLocal(state: OfflineState, change: OfflineChange): void {
  const waiter = change.entryId === undefined ? undefined : state.waiters.get(change.entryId);
  if (waiter !== undefined && SETTLES_A_WAIT.has(change.type)) waiter(change.type);
  for (const listener of [...state.listeners]) {
    try {
      listener(change);
    } catch {
      // A listener of a status screen must not break sending.
    }
  }
}

/** Tells this tab and the user's other tabs about a change. */
export function notify(state: OfflineState, change: OfflineChange): void {
  emitLocal(state, change);
  state.current?.channel?.postMessage({ t: 'change', change } satisfies ChannelMessage);
}

/** Tells this tab about each of `changes`, and the user's other tabs about all of them in one message. */
export function notifyAll(state: OfflineState, changes: readonly OfflineChange[]): void {
  const [change, ...more] = changes;
  if (change === undefined) return;
  for (const c of changes) emitLocal(state, c);
  state.current?.channel?.postMessage({ t: 'change', change, ...(more.length === 0 ? {} : { more }) } satisfies ChannelMessage);
}

/** A deep copy of JSON data. */
export const copy = <T>(value: T): T => JSON.parse(JSON.stringify(value)) as T;

/** A copy of `value` without `keys` (optional fields must be absent, not undefined, in stored entries). */
export const without = <T extends object, K extends keyof T>(value: T, keys: readonly K[]): Omit<T, K> => {
  const out = { ...value };
  for (const key of keys) Reflect.deleteProperty(out, key);
  return out;
};
