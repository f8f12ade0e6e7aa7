/**
 * Exclusive locks between the tabs of one origin: one tab sends at a time and one tab edits a
 * draft at a time (DESIGN §4; Enketo's users got 15 % duplicate submissions from one draft open
 * in two tabs). Web Locks where the context is secure; on plain-http intranets a small
 * BroadcastChannel protocol; with neither, locks hold within this page only.
 * @module
 */
import { newId } from '../ids.js';
import type { OfflineEnv } from './env.js';
import type { LockMode } from './types.js';

/** Releases a held lock. Safe to call more than once. */
export type Release = () => void;

/** Tab-exclusive named locks. */
export interface TabLocks {
  readonly mode: LockMode;
  /** Takes `name` when no other holder has it; null when one has. */
  tryAcquire(name: string): Promise<Release | null>;
  /** Waits for `name` (polling with the BroadcastChannel fallback) until it is free or `signal` aborts. */
  acquire(name: string, signal?: AbortSignal): Promise<Release | null>;
  /** Stops answering other tabs; held locks are let go. */
  close(): void;
}

/**
 * How long a tab waits for another to say it holds a lock (BroadcastChannel fallback). Messages
 * between tabs of one browser arrive within a few milliseconds; the margin is for a busy device.
 */
const CLAIM_WINDOW_MS = 80;
const POLL_MS = 250;

const aborted = (signal: AbortSignal | undefined): boolean => signal?.aborted === true;
const sleep = (ms: number, signal?: AbortSignal): Promise<void> => new Promise((resolve) => {
  const t = setTimeout(resolve, ms);
  signal?.addEventListener('abort', () => { clearTimeout(t); resolve(); }, { once: true });
});

/** Locks through `navigator.locks`: released by the browser when the tab reloads or closes. */
function webLocks(locks: LockManager): TabLocks {
  const request = (name: string, options: LockOptions): Promise<Release | null> => new Promise((resolve) => {
    let release: Release | null = null;
    locks.request(name, options, (lock) => {
      if (lock === null) {
        resolve(null);
        return undefined;
      }
      // The lock is held until the promise returned here settles.
      return new Promise<void>((done) => {
        release = () => { done(); };
        resolve(release);
      });
    }).catch(() => {
      // An abort while waiting, or a lock request refused by the browser.
      if (release === null) resolve(null);
    });
  });
  return {
    mode: 'web-locks',
    tryAcquire: (name) => request(name, { ifAvailable: true }),
    acquire: (name, signal) => (aborted(signal) ? Promise.resolve(null) : request(name, signal === undefined ? {} : { signal })),
    close() { /* the browser releases on unload */ },
  };
}

type Message =
  | { t: 'ask'; name: string; from: string }
  | { t: 'held'; name: string; from: string; to: string }
  | { t: 'released'; name: string; from: string };

/**
 * Locks over BroadcastChannel, for pages without Web Locks. A tab asks "who holds `name`?" and
 * waits a moment: a holder answers and the ask fails. Two tabs asking at once hear each other,
 * and the one with the smaller id wins, so exactly one of them takes the lock. A tab that
 * reloads or closes stops answering, which frees its locks.
 */
function broadcastLocks(Channel: typeof BroadcastChannel, channelName: string): TabLocks {
  const me = newId();
  const channel = new Channel(channelName);
  const held = new Set<string>();
  const trying = new Map<string, { lost: boolean }>();
  channel.onmessage = (event: MessageEvent<Message>) => {
    const m = event.data;
    if (m.from === me) return;
    if (m.t === 'ask') {
      if (held.has(m.name)) channel.postMessage({ t: 'held', name: m.name, from: me, to: m.from } satisfies Message);
      const mine = trying.get(m.name);
      if (mine !== undefined && m.from < me) mine.lost = true;
      else if (mine !== undefined) channel.postMessage({ t: 'held', name: m.name, from: me, to: m.from } satisfies Message);
    } else if (m.t === 'held' && m.to === me) {
      const mine = trying.get(m.name);
      if (mine !== undefined) mine.lost = true;
    }
  };
  const tryAcquire = async (name: string): Promise<Release | null> => {
    if (held.has(name) || trying.has(name)) return null;
    const attempt = { lost: false };
    trying.set(name, attempt);
    channel.postMessage({ t: 'ask', name, from: me } satisfies Message);
    await sleep(CLAIM_WINDOW_MS);
    trying.delete(name);
    if (attempt.lost) return null;
    held.add(name);
    let released = false;
    return () => {
      if (released) return;
      released = true;
      held.delete(name);
      channel.postMessage({ t: 'released', name, from: me } satisfies Message);
    };
  };
  return {
    mode: 'broadcast-channel',
    tryAcquire,
    async acquire(name, signal) {
      for (;;) {
        if (aborted(signal)) return null;
        const release = await tryAcquire(name);
        if (release !== null) return release;
        await sleep(POLL_MS, signal);
      }
    },
    close() {
      for (const name of held) channel.postMessage({ t: 'released', name, from: me } satisfies Message);
      held.clear();
      channel.close();
    },
  };
}

/** Locks within this page only, for environments with neither Web Locks nor BroadcastChannel. */
function pageLocks(): TabLocks {
  const held = new Set<string>();
  const tryAcquire = (name: string): Promise<Release | null> => {
    if (held.has(name)) return Promise.resolve(null);
    held.add(name);
    return Promise.resolve(() => { held.delete(name); });
  };
  return {
    mode: 'none',
    tryAcquire,
    async acquire(name, signal) {
      for (;;) {
        if (aborted(signal)) return null;
        const release = await tryAcquire(name);
        if (release !== null) return release;
        await sleep(POLL_MS, signal);
      }
    },
    close() { held.clear(); },
  };
}

/**
 * The best locks the environment offers. `channelName` scopes the BroadcastChannel fallback
 * (one per database, so two users on one device never wait for each other).
 */
export function createTabLocks(env: Pick<OfflineEnv, 'locks' | 'BroadcastChannel'>, channelName: string): TabLocks {
  if (env.locks !== undefined) return webLocks(env.locks);
  if (env.BroadcastChannel !== undefined) return broadcastLocks(env.BroadcastChannel, channelName);
  return pageLocks();
}
