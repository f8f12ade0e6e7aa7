/**
 * Wake-ups: when this tab sends. A sync pass runs after each write, at start, on `online`, when
 * the page becomes visible, when credentials come back and on a timer (the safety net, or the
 * next entry's backoff); passes never overlap, one asked for while one runs runs after it, and
 * only the tab that holds the user's sync lock sends.
 * @module
 */
import { nextAttemptOf, loadEntries } from './outbox.js';
import { flush } from './send.js';
import { spaceOf } from './space.js';
import type { OfflineState, Space } from './state.js';

/** How soon a tab looks again when another tab holds the sync lock, in ms. */
const LOCK_RETRY_MS = 2000;

/** Wakes up once after `delay` ms (clamped to 50 ms … `intervalMs`), replacing the wake-up planned before. */
function schedule(state: OfflineState, delay: number): void {
  const sync = state.sync;
  if (sync.timer !== undefined) clearTimeout(sync.timer);
  sync.timer = undefined;
  if (state.closed || !state.autoSync) return;
  sync.timer = setTimeout(() => {
    sync.timer = undefined;
    kick(state);
  }, Math.max(50, Math.min(state.intervalMs, delay)));
}

/** Plans the next wake-up after a pass: the next entry's backoff, else the safety-net timer. */
async function planNext(state: OfflineState, s: Space): Promise<void> {
  if (!state.autoSync || state.closed) return;
  const next = nextAttemptOf(await loadEntries(await s.db.get()));
  if (next === undefined || state.sync.paused !== null || !state.env.online()) {
    schedule(state, state.intervalMs);
    return;
  }
  schedule(state, Math.max(next, state.sync.retryAt) - Date.now());
}

/** Runs a sync pass (or waits for the running one and runs another if it began before this call). */
export async function runSync(state: OfflineState, force = false): Promise<void> {
  if (state.closed) return;
  const sync = state.sync;
  if (sync.running !== undefined) {
    const running = sync.running;
    const wanted = { force: force || sync.rerun?.force === true };
    sync.rerun = wanted;
    await running.catch(() => undefined);
    // The running pass ended before it saw this request: run one of our own.
    if (sync.rerun === wanted) {
      sync.rerun = undefined;
      await runSync(state, wanted.force);
    }
    return;
  }
  const run = (async () => {
    const s = await spaceOf(state);
    const release = await s.locks.tryAcquire(`${s.name}:sync`);
    if (release === null) {
      // Another tab is sending; look again soon in case it stops before it sees this tab's writes.
      schedule(state, LOCK_RETRY_MS);
      return;
    }
    try {
      let pass: { force: boolean } | undefined = { force };
      while (pass !== undefined && !state.closed) {
        sync.rerun = undefined;
        await flush(state, s, pass.force);
        pass = sync.rerun;
      }
    } finally {
      release();
    }
    await planNext(state, s);
  })();
  sync.running = run;
  try {
    await run;
  } finally {
    sync.running = undefined;
  }
}

/** Starts a sync pass without waiting for it (when sending on its own). */
export function kick(state: OfflineState, force = false): void {
  if (state.closed || !state.autoSync) return;
  runSync(state, force).catch(() => {
    // A storage failure here is reported through status(); the timer tries again.
    schedule(state, state.intervalMs);
  });
}

/**
 * Starts the wake-ups of a new backend: `state.wake`, the page's `online` and
 * `visibilitychange` events, and a first pass. Returns what stops the page events.
 */
export function startWakeUps(state: OfflineState): () => void {
  state.wake = (force) => { kick(state, force); };
  const onOnline = () => {
    state.sync.retryAt = 0;
    kick(state, true);
  };
  const onVisible = () => {
    if (state.env.visible()) kick(state);
  };
  const target = state.env.target;
  target?.addEventListener('online', onOnline);
  target?.addEventListener('visibilitychange', onVisible);
  if (state.autoSync) setTimeout(() => { kick(state); }, 0);
  return () => {
    target?.removeEventListener('online', onOnline);
    target?.removeEventListener('visibilitychange', onVisible);
  };
}

/** Stops the timer (on close and purge); a pass that runs is left to end. */
export function stopTimer(state: OfflineState): void {
  if (state.sync.timer !== undefined) clearTimeout(state.sync.timer);
  state.sync.timer = undefined;
}
