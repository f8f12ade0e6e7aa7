/**
 * Where the client keeps drafts and sends what is submitted: the {@link SaveBackend}. The
 * foundation ships {@link memoryBackend} (drafts in memory, writes straight to the data port);
 * the offline layer puts IndexedDB and the outbox behind the same interface, so
 * `client.drafts`, `client.submit` and `client.command` — and the elements that use them —
 * never change.
 * @module
 */
import { FiregridError } from '../errors.js';
import type { CommandName, ResourceKind } from '../names.js';
import type { HostSession, RecordInputOf } from '../schema/index.js';
import type { CommandOptions, DataPort, SaveOptions } from '../host/types.js';
import type { OfflineControl } from '../offline/types.js';
import type { Draft } from './events.js';
import { storedReceipt } from './receipts.js';
import type { CommandReceipt, SubmitReceipt } from './receipts.js';
import type { CommandPayload, CommandResult } from '../commands.js';

/** Work in progress, per kind and id. */
export interface DraftStore {
  /** Stores a draft (replacing one with the same id) and returns it as stored. */
  save<K extends ResourceKind>(kind: K, draft: Draft<K>): Promise<Draft<K>>;
  /** One draft, or null. */
  get<K extends ResourceKind>(kind: K, id: string): Promise<Draft<K> | null>;
  /** Every draft of a kind, the most recently saved first. */
  list<K extends ResourceKind>(kind: K): Promise<Draft<K>[]>;
  /** Removes a draft; true when there was one. */
  remove(kind: ResourceKind, id: string): Promise<boolean>;
}

/** What a backend's `submit` did: the caller's receipt, and whether it removed the record's draft. */
export interface BackendSubmission<K extends ResourceKind = ResourceKind> {
  receipt: SubmitReceipt<K>;
  /** True when a draft with the record's id existed and was removed (the client emits `draft.removed`). */
  draftRemoved: boolean;
}

/**
 * The storage and transport behind `client.drafts`, `client.submit` and `client.command`.
 * The client validates, makes idempotency keys and emits events; a backend only stores and
 * sends. An offline backend resolves `submit` once the write is safely queued.
 */
export interface SaveBackend {
  drafts: DraftStore;
  /**
   * Stores or queues a record and removes its draft — the one place a submitted draft is removed
   * (the offline backend in the transaction that queues the record). A failed write keeps it.
   */
  submit<K extends ResourceKind>(kind: K, record: RecordInputOf<K>, options: SaveOptions): Promise<BackendSubmission<K>>;
  /** Runs a command, or queues it, and says which. */
  command<N extends CommandName>(name: N, payload: CommandPayload<N>, options: CommandOptions): Promise<CommandReceipt<CommandResult<N>>>;
  /**
   * The port behind `client.data`, when the backend reads through one of its own (the offline
   * backend falls back to its cache and keeps photos on the device); the host's port otherwise.
   */
  data?: DataPort;
  /** The outbox's status and controls, as `client.offline`; absent for online-only backends. */
  offline?: OfflineControl;
  /** Wipes what the backend keeps for the signed-in user (`client.purge()`, on logout). */
  purge?(): Promise<void>;
}

/** What a backend gets from the client. */
export interface SaveBackendContext {
  /** The host's data port, already validated. */
  data: DataPort;
  /** The session (cached by the client): drafts are kept per tenant and user. */
  session: () => Promise<HostSession>;
  /** The client's clock. */
  now: () => Date;
}

/** Makes a backend for one client. */
export type SaveBackendFactory = (context: SaveBackendContext) => SaveBackend;

// Drafts are JSON data; a JSON round trip copies them and drops what could not be stored anyway.
const copy = <T>(value: T): T => JSON.parse(JSON.stringify(value)) as T;

/**
 * Drafts in memory, per tenant and user (two people on one device never see each other's
 * drafts), and writes sent straight to the data port. Nothing survives a reload: this is the
 * backend for tests, stories and online-only hosts.
 */
export const memoryBackend: SaveBackendFactory = ({ data, session }) => {
  interface Entry { draft: unknown; seq: number }
  const partitions = new Map<string, Map<string, Entry>>();
  let seq = 0;
  const partition = async (kind: ResourceKind) => {
    const s = await session();
    const key = JSON.stringify([s.tenantId, s.user.id, kind]);
    let p = partitions.get(key);
    if (p === undefined) partitions.set(key, (p = new Map<string, Entry>()));
    return p;
  };
  return {
    async purge() {
      const s = await session();
      const prefix = JSON.stringify([s.tenantId, s.user.id]).slice(0, -1);
      for (const key of [...partitions.keys()]) if (key.startsWith(`${prefix},`)) partitions.delete(key);
    },
    drafts: {
      async save(kind, draft) {
        const stored = copy(draft);
        // A counter, not the clock: two saves within one millisecond still keep their order.
        (await partition(kind)).set(draft.id, { draft: stored, seq: ++seq });
        return copy(stored);
      },
      async get(kind, id) {
        const entry = (await partition(kind)).get(id);
        return entry === undefined ? null : copy(entry.draft as Draft<typeof kind>);
      },
      async list(kind) {
        return [...(await partition(kind)).values()]
          .sort((a, b) => b.seq - a.seq)
          .map((e) => copy(e.draft as Draft<typeof kind>));
      },
      async remove(kind, id) {
        return (await partition(kind)).delete(id);
      },
    },
    async submit(kind, record, options) {
      const saved = await data.save(kind, record, options);
      let draftRemoved = false;
      try {
        draftRemoved = (await partition(kind)).delete(record.id);
      } catch {
        // The record is stored; a draft that could not be found (no session) stays, harmlessly.
      }
      return { receipt: storedReceipt<typeof kind>(saved), draftRemoved };
    },
    async command<N extends CommandName>(name: N, payload: CommandPayload<N>, options: CommandOptions): Promise<CommandReceipt<CommandResult<N>>> {
      return { kind: 'stored', result: await data.command(name, payload, options) };
    },
  };
};

/** Refuses what cannot be a draft: drafts may be incomplete, but must be an object with an id. */
export function assertDraft(kind: ResourceKind, draft: unknown): asserts draft is Draft {
  const ok = typeof draft === 'object' && draft !== null && !Array.isArray(draft)
    && typeof (draft as { id?: unknown }).id === 'string' && (draft as { id: string }).id !== '';
  if (!ok) {
    throw new FiregridError('validation', `A draft of ${kind} must be an object with a non-empty string id.`, {
      issues: [{ path: typeof draft === 'object' && draft !== null ? 'id' : '', message: 'a draft needs an id' }],
    });
  }
}
