/**
 * Reads through the cache: `client.data` reads from the server and keeps what it read; when the
 * network fails it answers from the device (this device's unsent edit first, as its user expects
 * to see it), and `listCached` filters, sorts and pages the cache on the device. Writes pass
 * through; photos are kept on the device (`photo-store.ts`).
 * @module
 */
import { FiregridError } from '../errors.js';
import type { ResourceKind } from '../names.js';
import { RECORD_SCHEMAS } from '../schema/index.js';
import type { RecordOf } from '../schema/index.js';
import type { Page } from '../schema/page.js';
import { Query, applyQuery } from '../host/query.js';
import type { DataPort } from '../host/types.js';
import { checkWith } from '../validate.js';
import { CachedRow, rowKey, storageError } from './db.js';
import { groupEntries } from './outbox.js';
import { outcomeOf } from './outcome.js';
import { addPhoto, readPhoto } from './photo-store.js';
import { dbOf } from './space.js';
import { copy } from './state.js';
import type { OfflineState } from './state.js';
import { WHAT } from './text.js';

/** A cached record, checked against its kind's schema (IndexedDB is a trust boundary); undefined when it does not pass. */
const parseRecord = <K extends ResourceKind>(state: OfflineState, kind: K, value: unknown): RecordOf<K> | undefined => {
  const result = checkWith(RECORD_SCHEMAS[kind], value, { locale: state.locale });
  return result.ok ? result.value as RecordOf<K> : undefined;
};

/** Keeps the server's copies of `items`, leaving this device's unsent copy and line of edits as they are. */
async function cacheRecords(state: OfflineState, kind: ResourceKind, items: readonly { id: string }[]): Promise<void> {
  try {
    const db = await dbOf(state);
    const at = state.context.now().toISOString();
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

/** `client.offline.listCached`: the cached records of `kind` (this device's copies first) through `query`. */
export async function listCached<K extends ResourceKind>(state: OfflineState, kind: K, query: Query = {}): Promise<Page<RecordOf<K>>> {
  const checked = checkWith(Query, query, { locale: state.locale });
  if (!checked.ok) throw new FiregridError('validation', checked.message, { issues: checked.issues });
  const db = await dbOf(state);
  const read = async (k: ResourceKind) => {
    const rows = await db.getAllFromIndex('records', 'byKind', k).catch((e: unknown) => { throw storageError(e, WHAT.cache, state.locale); });
    return rows.flatMap((row) => {
      const parsed = CachedRow.safeParse(row);
      const value = parsed.success ? parsed.data.local ?? parsed.data.record : undefined;
      const record = value === undefined ? undefined : parseRecord(state, k, value);
      return record === undefined ? [] : [record];
    });
  };
  const records = await read(kind);
  const places = new Map<string, { gridId?: string; kind?: string }>();
  for (const place of kind === 'places' ? records as RecordOf<'places'>[] : await read('places') as RecordOf<'places'>[]) {
    places.set(place.id, { gridId: place.gridId, kind: place.kind });
  }
  // `assignee: 'me'` is the signed-in user, as the server reads him from the token.
  const me = checked.value.assignee === 'me' ? (await state.context.session()).user.id : undefined;
  return applyQuery(records, checked.value, { now: state.context.now(), placeOf: (id) => places.get(id), me }) as Page<RecordOf<K>>;
}

/** The port behind `client.data`: see the module. */
export function readThroughPort(state: OfflineState): DataPort {
  const port = state.port;
  const fallsBack = (error: unknown): boolean => outcomeOf(error).type === 'retry';
  return {
    async list(kind, query) {
      try {
        const page = await port.list(kind, query);
        await cacheRecords(state, kind, page.items);
        return page;
      } catch (error) {
        if (!fallsBack(error)) throw error;
        return listCached(state, kind, query);
      }
    },
    async get(kind, id, options) {
      // A template revision asked for by number (a draft's) is read from the port; offline, the
      // cached latest serves when it is that revision. Only the latest is cached.
      const revision = options?.revision;
      const db = await dbOf(state);
      const cached = CachedRow.safeParse(await db.get('records', rowKey(kind, id)).catch(() => undefined));
      const row = cached.success ? cached.data : undefined;
      // This device's unsent edit is what its user expects to see.
      if (revision === undefined && row?.local !== undefined && (await groupEntries(db, `${kind}/${id}`)).length > 0) {
        const local = parseRecord(state, kind, row.local);
        if (local !== undefined) return local;
      }
      try {
        const record = revision === undefined ? await port.get(kind, id) : await port.get(kind, id, { revision });
        if (record !== null && revision === undefined) await cacheRecords(state, kind, [record]);
        return record;
      } catch (error) {
        const fallback = row?.local ?? row?.record;
        if (!fallsBack(error) || fallback === undefined) throw error;
        const record = parseRecord(state, kind, fallback);
        if (record === undefined || (revision !== undefined && (record as { revision?: number }).revision !== revision)) throw error;
        return record;
      }
    },
    save: (kind, record, opts) => port.save(kind, record, opts),
    command: (name, payload, opts) => port.command(name, payload, opts),
    uploadMedia: (blob, meta) => addPhoto(state, blob, meta),
    readMedia: (ref) => readPhoto(state, ref),
  };
}
