/**
 * What the page offers the offline layer. Secure contexts (https, localhost) get Web Locks and
 * Web Crypto; grid platforms often run on `http://` intranets, where neither exists (DESIGN §4).
 * Tests pass their own to exercise the fallbacks.
 * @module
 */
import type { LockMode } from './types.js';

/** The browser APIs the offline layer uses, each possibly missing. */
export interface OfflineEnv {
  /** `indexedDB`; required. */
  indexedDB: IDBFactory | undefined;
  /** `navigator.locks` (secure contexts only). */
  locks: LockManager | undefined;
  /** The `BroadcastChannel` constructor (every context). */
  BroadcastChannel: typeof BroadcastChannel | undefined;
  /** `crypto.subtle` (secure contexts only). */
  subtle: SubtleCrypto | undefined;
  /** `navigator.storage` (estimate, persist). */
  storage: StorageManager | undefined;
  /** `isSecureContext`. */
  secure: boolean;
  /** `navigator.onLine`: false means certainly offline. */
  online: () => boolean;
  /** Where `online`, `offline`, `visibilitychange` and `pagehide` are listened to. */
  target: EventTarget | undefined;
  /** `document.visibilityState === 'visible'`. */
  visible: () => boolean;
}

/** The environment of this page (or of Node, where most of it is missing). */
export function detectEnv(): OfflineEnv {
  const g = globalThis as Partial<typeof globalThis>;
  const nav = g.navigator as Partial<Navigator> | undefined;
  const doc = g.document;
  const locks = nav?.locks;
  return {
    indexedDB: g.indexedDB,
    locks: typeof locks?.request === 'function' ? locks : undefined,
    BroadcastChannel: g.BroadcastChannel,
    subtle: (g.crypto as Partial<Crypto> | undefined)?.subtle,
    storage: nav?.storage,
    secure: g.isSecureContext === true,
    online: () => nav?.onLine !== false,
    target: typeof g.addEventListener === 'function' ? (globalThis) : undefined,
    visible: () => doc?.visibilityState !== 'hidden',
  };
}

/** The lock mechanism an environment supports. */
export function lockModeOf(env: OfflineEnv): LockMode {
  if (env.locks !== undefined) return 'web-locks';
  return env.BroadcastChannel === undefined ? 'none' : 'broadcast-channel';
}

/** Reasons the mode is degraded, in English for the integrator (empty when it is not). */
export function degradedReasons(env: OfflineEnv): string[] {
  const reasons: string[] = [];
  if (!env.secure) reasons.push('insecure context (plain http): no Web Locks, Web Crypto or service workers');
  if (env.locks === undefined) {
    reasons.push(env.BroadcastChannel === undefined
      ? 'no Web Locks and no BroadcastChannel: drafts and sending are locked in this tab only'
      : 'no Web Locks: tabs coordinate through BroadcastChannel');
  }
  if (env.subtle === undefined) reasons.push('no Web Crypto: SHA-256 is computed in JavaScript');
  return reasons;
}
