/**
 * `offlineBackend`: drafts, the outbox and sync on IndexedDB behind the client's
 * `drafts` / `submit` / `command` calls (DESIGN §3–4), so elements never change.
 *
 * A write is first an outbox entry in the user's database, and `submit` resolves once it is
 * safely there. A sync pass then uploads the entry's photos and sends it with its id as the
 * `Idempotency-Key` — after a reload, a lost answer or a cut network it is sent again, and the
 * server answers a resend as it answered the first time. An entry leaves the outbox only when
 * the record and every photo are acknowledged.
 *
 * The backend is put together here from modules along its seams, each a set of small functions
 * over the one `OfflineState` (`state.ts`) it is given: `space` (the user's database, locks, channel),
 * `drafts` (drafts and their locks), `photo-store` (photos), `queue` and `commands` (queueing),
 * `send` and `acknowledge` (sending), `reads` (cached reads), `control` (`client.offline`) and
 * `wake` (when to send).
 * @module
 */
import type { DataPort } from '../host/types.js';
import type { SaveBackend, SaveBackendContext, SaveBackendFactory } from '../client/drafts.js';
import { queueCommand } from './commands.js';
import { offlineControl, purge } from './control.js';
import { draftStore } from './drafts.js';
import { submitToOutbox } from './queue.js';
import { readThroughPort } from './reads.js';
import { createState } from './state.js';
import type { OfflineOptions } from './state.js';
import { startWakeUps } from './wake.js';
import type { OfflineControl } from './types.js';

export type { OfflineOptions };

/** The client-side part of an offline backend: what `client.offline` exposes. */
export interface OfflineBackend extends SaveBackend {
  data: DataPort;
  offline: OfflineControl;
  purge(): Promise<void>;
}

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
  const state = createState(context, options);
  const stopWakeUps = startWakeUps(state);
  return {
    drafts: draftStore(state),
    submit: (kind, record, opts) => submitToOutbox(state, kind, record, opts),
    command: (name, payload, opts) => queueCommand(state, name, payload, opts),
    data: readThroughPort(state),
    offline: offlineControl(state, stopWakeUps),
    purge: () => purge(state),
  };
}
