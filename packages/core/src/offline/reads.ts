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
import type { IDBPDatabase } from 'idb';
import { CachedRow, rowKey, storageError } from './db.js';
import type { OfflineDB } from './db.js';
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

/**
 * Where this device keeps the older template revisions its drafts and unsent inspections were
 * filled under (issue 23): `records` rows of this pseudo-kind (no resource kind, so no list
 * returns them), with the id `<template id>#<revision>`. The latest is the template's own row.
 */
const REVISIONS = 'template-revisions';
const revisionKey = (id: string, revision: number): string => `${id}#${revision}`;
/** Every kept revision's key (a function: modules load where there is no IndexedDB too). */
const allRevisions = (): IDBKeyRange => IDBKeyRange.bound([REVISIONS, ''], [REVISIONS, '\uffff']);

/** `<template id>#<revision>` of an inspection, or undefined when it names none. */
const revisionOf = (value: unknown): string | undefined => {
  const { templateId, templateVersion } = (value ?? {}) as { templateId?: unknown; templateVersion?: unknown };
  return typeof templateId === 'string' && typeof templateVersion === 'number' ? revisionKey(templateId, templateVersion) : undefined;
};

/** The template revisions the drafts, unsent inspections and draft inspections on this device were filled under. */
async function revisionsNeeded(db: IDBPDatabase<OfflineDB>): Promise<Set<string>> {
  const needed = new Set<string>();
  const add = (value: unknown): void => {
    const key = revisionOf(value);
    if (key !== undefined) needed.add(key);
  };
  for (const row of await db.getAllFromIndex('drafts', 'byKind', 'inspections')) add(row.draft);
  for (const row of await db.getAllFromIndex('records', 'byKind', 'inspections')) {
    const parsed = CachedRow.safeParse(row);
    if (!parsed.success) continue;
    if (parsed.data.local !== undefined) add(parsed.data.local);
    if (parsed.data.record?.state === 'draft') add(parsed.data.record);
  }
  return needed;
}

/** The revision of a template as a cached value, or undefined. */
const templateRevision = (value: unknown): number | undefined => {
  const revision = (value as { revision?: unknown } | undefined)?.revision;
  return typeof revision === 'number' ? revision : undefined;
};

/** Keeps the server's copies of `items`, leaving this device's unsent copy and line of edits as they are. */
async function cacheRecords(state: OfflineState, kind: ResourceKind, items: readonly { id: string }[]): Promise<void> {
  try {
    const db = await dbOf(state);
    const at = state.context.now().toISOString();
    // A newer template revision replaces the cached latest: the one it replaces is kept beside it
    // while a draft on this device needs it, and kept revisions no draft needs any more are
    // dropped. Reading the drafts is only worth it when a revision changes or some are kept.
    let needed: Set<string> | undefined;
    if (kind === 'templates') {
      let changes = (await db.count('records', allRevisions())) > 0;
      for (const item of items) {
        if (changes) break;
        const cached = CachedRow.safeParse(await db.get('records', rowKey(kind, item.id)));
        const was = cached.success ? templateRevision(cached.data.record) : undefined;
        changes = was !== undefined && was !== templateRevision(item);
      }
      if (changes) needed = await revisionsNeeded(db);
    }
    const tx = db.transaction('records', 'readwrite');
    for (const item of items) {
      const cached = CachedRow.safeParse(await tx.store.get(rowKey(kind, item.id)));
      const local = cached.success ? cached.data.local : undefined;
      const line = cached.success ? cached.data.line : undefined;
      const was = cached.success ? templateRevision(cached.data.record) : undefined;
      if (needed !== undefined && cached.success && was !== undefined && was !== templateRevision(item) && needed.has(revisionKey(item.id, was))) {
        await tx.store.put({ kind: REVISIONS, id: revisionKey(item.id, was), record: copy(cached.data.record), cachedAt: at });
      }
      await tx.store.put({ kind, id: item.id, record: copy(item), ...(local === undefined ? {} : { local }), ...(line === undefined ? {} : { line }), cachedAt: at });
    }
    if (needed !== undefined) {
      for (const key of await tx.store.getAllKeys(allRevisions())) {
        if (!needed.has(key[1])) await tx.store.delete(key);
      }
    }
    await tx.done;
  } catch {
    // The cache is a convenience: a full disk must not break a read that succeeded.
  }
}

/** Keeps a template revision read for a draft (by number) on the device, unless it is the cached latest. */
async function keepRevision(state: OfflineState, template: { id: string; revision?: unknown }): Promise<void> {
  const revision = templateRevision(template);
  if (revision === undefined) return;
  try {
    const db = await dbOf(state);
    const cached = CachedRow.safeParse(await db.get('records', rowKey('templates', template.id)));
    if (cached.success && templateRevision(cached.data.record) === revision) return;
    await db.put('records', { kind: REVISIONS, id: revisionKey(template.id, revision), record: copy(template), cachedAt: state.context.now().toISOString() });
  } catch {
    // As for cacheRecords: the read succeeded.
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
      // A template revision asked for by number (a draft's) is read from the port and kept on the
      // device; offline, it is answered from the cached latest when it is that revision, else from
      // the revisions kept for drafts (see REVISIONS).
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
        if (record !== null && revision !== undefined) await keepRevision(state, record);
        return record;
      } catch (error) {
        if (!fallsBack(error)) throw error;
        let fallback = row?.local ?? row?.record;
        if (revision !== undefined && templateRevision(row?.record) !== revision) {
          const kept = CachedRow.safeParse(await db.get('records', [REVISIONS, revisionKey(id, revision)]).catch(() => undefined));
          fallback = kept.success ? kept.data.record : undefined;
        } else if (revision !== undefined) {
          fallback = row?.record;
        }
        if (fallback === undefined) throw error;
        const record = parseRecord(state, kind, fallback);
        if (record === undefined || (revision !== undefined && templateRevision(record) !== revision)) throw error;
        return record;
      }
    },
    save: (kind, record, opts) => port.save(kind, record, opts),
    command: (name, payload, opts) => port.command(name, payload, opts),
    uploadMedia: (blob, meta) => addPhoto(state, blob, meta),
    readMedia: (ref) => readPhoto(state, ref),
  };
}
