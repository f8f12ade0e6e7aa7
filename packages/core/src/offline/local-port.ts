/**
 * `localDataPort`: a {@link DataPort} that keeps everything in IndexedDB, for standalone use and
 * demos — no server. It behaves like `memoryDataPort` and the reference server (strict input,
 * server-managed fields, versions and conflicts, idempotency keys that survive reloads, filters,
 * sort and cursor paging), so what works against it works against a server.
 * @module
 */
import type { IDBPDatabase } from 'idb';
import type * as z from 'zod/mini';
import { FiregridError } from '../errors.js';
import type { FiregridErrorCode } from '../errors.js';
import { newId } from '../ids.js';
import {
  COMMAND_SERVER_FIELDS, SERVER_FIELDS, revisionAsked, checkKey, checkKind, checkReadRole, clone, keyReusedError, lookupsOver, omit, readDenied, refusalError, shown,
} from '../host/port-shared.js';
import { refuseReservedKeys } from '../rules/reserved-keys.js';
import { RESOURCE_KINDS } from '../names.js';
import type { Locale, ResourceKind } from '../names.js';
import { RECORD_INPUT_SCHEMAS, RECORD_SCHEMAS } from '../schema/index.js';
import type { Page, RecordOf , PhotoRef} from '../schema/index.js';
import { MAX_JSON_BYTES, MAX_MEDIA_BYTES, sha256Hex } from '../host/memory-port.js';
import { placeIdOf, writeAccess } from '../rules/access.js';
import type { MemoryCommandContext, MemoryCommandHandler, MemoryCommandHandlers } from '../host/memory-port.js';
import { Query, applyQuery } from '../host/query.js';
import { MediaMeta } from '../host/types.js';
import type { DataPort, SaveOptions } from '../host/types.js';
import { checkWith } from '../validate.js';
import { canonicalJson as canonical } from '../rules/json.js';
import { canonicalId, canonicalIds } from '../rules/ids.js';
import { applyWriteRules } from '../rules/writes.js';
import type { WriteActor } from '../rules/writes.js';
import { parseCommandPayload } from '../commands.js';
import { storageError } from './db.js';
import { localDbHandle } from './local-db.js';
import type { LocalDB, Stored } from './local-db.js';

/** Options of {@link localDataPort}. */
export interface LocalDataPortOptions {
  /** Which local store (one IndexedDB database per name); `default` by default. */
  name?: string;
  /** Tenant of every record stored; `local` by default. */
  tenantId?: string;
  /** Language of validation messages; English by default (the port stands in for a server). */
  locale?: Locale;
  /** The clock for timestamps and `overdue`. */
  now?: () => Date;
  /** Command handlers by name, as `memoryDataPort` takes them; a command without one is refused with `config`. */
  commands?: MemoryCommandHandlers;
  /** The IndexedDB factory; the page's by default. */
  indexedDB?: IDBFactory;
  /** Who writes, as `memoryDataPort` takes him: with it, `save` also applies the actor rules. */
  actor?: WriteActor | (() => WriteActor);
}

/** A port that also lets a demo start over. */
export interface LocalDataPort extends DataPort {
  /** Deletes every record, reply and photo of this local store. */
  clear(): Promise<void>;
}


/**
 * Where the revisions of templates are kept: rows of the `records` store under this pseudo-kind
 * (no resource kind, so no list ever returns them), with the id `<template id>#<revision>`. The
 * latest revision is also the template's own row.
 */
const REVISIONS = 'template-revisions' as const;
const revisionKey = (id: string, revision: number): string => `${id}#${revision}`;

/** The kinds the write rules of a kind read (core's `rules/writes`). */
const RULE_READS: Partial<Record<ResourceKind, readonly ResourceKind[]>> = {
  hazards: ['inspections', 'templates'],
  workers: ['workers'],
  captains: ['captains'],
};

/**
 * A data port in this browser's IndexedDB: records, idempotency replies and photos survive
 * reloads. For a standalone page or a demo without a server; a real deployment uses
 * `httpDataPort` (or the vendor's own port).
 * @example
 * const client = createFiregridClient({ host: createBrowserHost({ data: localDataPort({ name: 'demo' }) }) });
 */
export function localDataPort(options: LocalDataPortOptions = {}): LocalDataPort {
  const name = `firegrid-local/${encodeURIComponent(options.name ?? 'default')}`;
  const tenantId = options.tenantId ?? 'local';
  const locale = options.locale ?? 'en';
  const clock = options.now ?? (() => new Date());
  const store = localDbHandle(name, options.indexedDB ?? (globalThis as Partial<typeof globalThis>).indexedDB);
  const db = (): Promise<IDBPDatabase<LocalDB>> => store.get();

  const actorNow = (): WriteActor | undefined => (typeof options.actor === 'function' ? options.actor() : options.actor);

  const check = <S extends z.ZodMiniType>(schema: S, value: unknown, code: FiregridErrorCode, subject: string): z.infer<S> => {
    const result = checkWith(schema, value, { locale });
    if (result.ok) return result.value;
    throw new FiregridError(code, `${subject}: ${result.message}`, { issues: result.issues });
  };

  let queue: Promise<unknown> = Promise.resolve();
  const serial = <T>(work: () => Promise<T>): Promise<T> => {
    const run = queue.then(work);
    queue = run.catch(() => undefined);
    return run;
  };
  const guard = async <T>(work: () => Promise<T>): Promise<T> => {
    try {
      return await work();
    } catch (error) {
      throw storageError(error, { 'zh-CN': '本地数据存储', en: 'The local data store' }, locale);
    }
  };

  const stamp = (kind: ResourceKind, content: Record<string, unknown>, previous: Stored | undefined, now: Date, subject: string): Stored => {
    const at = now.toISOString();
    const record = { ...content, tenantId, version: (previous?.version ?? 0) + 1, createdAt: previous?.createdAt ?? at, updatedAt: at };
    return check(RECORD_SCHEMAS[kind], record, 'validation', subject);
  };

  /** Runs a write once per key: the same body gets the first answer, another body is refused. */
  const remember = <T>(key: string, body: string, produce: (d: IDBPDatabase<LocalDB>) => Promise<{ response: T; writes: Stored[]; kinds: (ResourceKind | typeof REVISIONS)[]; rowIds?: string[] }>): Promise<T> =>
    serial(async () => {
      const d = await db();
      const earlier = await d.get('replies', key);
      if (earlier !== undefined) {
        if (earlier.body === body) return clone(earlier.response as T);
        throw keyReusedError();
      }
      const { response, writes, kinds, rowIds } = await produce(d);
      await guard(async () => {
        const tx = d.transaction(['records', 'replies'], 'readwrite');
        writes.forEach((record, i) => { void tx.objectStore('records').put({ kind: kinds[i] ?? 'places', id: rowIds?.[i] ?? record.id, record }); });
        void tx.objectStore('replies').put({ key, body, response: clone(response) });
        await tx.done;
      });
      return clone(response);
    });

  const readKind = async (d: IDBPDatabase<LocalDB>, kind: ResourceKind): Promise<Stored[]> =>
    (await d.getAllFromIndex('records', 'byKind', kind)).map((row) => row.record);

  const port: LocalDataPort = {
    list(kind, query) {
      return serial(async () => {
        checkKind(kind);
        const q = check(Query, query, 'rejected', 'The list query was refused (400)');
        const d = await db();
        const actor = actorNow();
        checkReadRole(kind, actor);
        const places = new Map((await readKind(d, 'places')).map((p) => [p.id, { gridId: p.gridId as string, kind: p.kind as string }]));
        const placeOf = (id: string) => places.get(id);
        const readable = (await readKind(d, kind)).filter((r) => readDenied(kind, r, actor, placeOf) === undefined);
        const page = applyQuery(readable, q, { now: clock(), placeOf, me: actor?.id });
        return clone({ ...page, items: page.items.map((r) => shown(kind, r, actor)) }) as unknown as Page<RecordOf<typeof kind>>;
      });
    },
    get(kind, id, options) {
      return serial(async () => {
        checkKind(kind);
        const revision = revisionAsked(kind, options);
        const actor = actorNow();
        checkReadRole(kind, actor);
        const d = await db();
        const latest = await d.get('records', [kind, canonicalId(id)]);
        // The latest revision is the record itself; an older one as it was stored (see REVISIONS).
        const row = revision === undefined || latest?.record.revision === revision
          ? latest : await d.get('records', [REVISIONS, revisionKey(canonicalId(id), revision)]);
        if (row === undefined) return null;
        const placeId = actor?.scope === undefined ? undefined : placeIdOf(row.record);
        const place = placeId === undefined ? undefined : (await d.get('records', ['places', placeId]))?.record;
        const denied = readDenied(kind, row.record, actor, () => (place === undefined ? undefined : { gridId: place.gridId as string }));
        // A record hidden from the actor (404 on the server) is one the port does not have.
        if (denied?.status === 404) return null;
        if (denied !== undefined) throw refusalError(denied);
        return clone(shown(kind, row.record, actor)) as unknown as RecordOf<typeof kind>;
      });
    },
    async save(kind, input, opts: SaveOptions) {
      checkKind(kind);
      checkKey(opts.idempotencyKey);
      refuseReservedKeys(kind, input);
      const body = canonical({ op: 'save', kind, record: input, baseVersion: opts.baseVersion ?? null });
      if (new TextEncoder().encode(body).length > MAX_JSON_BYTES) {
        throw new FiregridError('rejected', `The ${kind} record is larger than 1 MB (413); move photos to media.`);
      }
      return remember(opts.idempotencyKey, body, async (d) => {
        const parsed = check(RECORD_INPUT_SCHEMAS[kind], clone(input), 'rejected', `The ${kind} record was refused (400)`) as Record<string, unknown>;
        let content = canonicalIds(omit(parsed, SERVER_FIELDS));
        const id = content.id as string;
        const previous = (await d.get('records', [kind, id]))?.record;
        const base = opts.baseVersion;
        if (base !== undefined && (previous?.version ?? 0) !== base) {
          throw new FiregridError('conflict', `The ${kind} record ${id} is at version ${previous?.version ?? 0}, but the edit started from version ${base} (409): someone else changed it.`, {
            issues: [{ path: 'version', message: `stored version is ${previous?.version ?? 0}` }],
          });
        }
        const read = new Map<ResourceKind, Map<string, Stored>>();
        const actor = actorNow();
        const reads = actor?.scope === undefined ? RULE_READS[kind] ?? [] : [...new Set([...RULE_READS[kind] ?? [], 'places' as const])];
        for (const k of reads) read.set(k, new Map((await readKind(d, k)).map((r) => [r.id, r])));
        const now = clock();
        if (actor?.scope !== undefined) {
          const places = read.get('places');
          const placeOf = (placeId: string) => {
            const place = places?.get(placeId);
            return place === undefined ? undefined : { gridId: place.gridId as string };
          };
          const denied = writeAccess(kind, content, previous, { id: actor.id, roles: actor.roles, scope: actor.scope }, placeOf);
          if (denied !== undefined) throw refusalError(denied);
        }
        // A hazard from an inspection reads its item under the template revision the inspection was filled under.
        const cited = kind === 'hazards' && typeof content.inspectionId === 'string' ? read.get('inspections')?.get(canonicalId(content.inspectionId)) : undefined;
        const kept = typeof cited?.templateId === 'string' && typeof cited.templateVersion === 'number'
          ? (await d.get('records', [REVISIONS, revisionKey(canonicalId(cited.templateId), cited.templateVersion)]))?.record : undefined;
        const outcome = applyWriteRules(kind, content, {
          previous, actor, now,
          lookups: lookupsOver((k) => read.get(k) ?? new Map(), (templateId, revision) => (kept?.id === templateId && kept.revision === revision ? kept : undefined)),
        });
        if (!outcome.ok) throw refusalError(outcome.refusal);
        content = outcome.record;
        const stored = stamp(kind, content, previous, now, `The ${kind} record would be stored invalid`);
        const response = shown(kind, stored, actor) as unknown as RecordOf<typeof kind>;
        // A template's new revision is kept beside the latest: stored revisions are never rewritten.
        const revision = stored.revision as number;
        if (kind === 'templates' && (await d.get('records', [REVISIONS, revisionKey(id, revision)])) === undefined) {
          return { response, writes: [stored, stored], kinds: [kind, REVISIONS], rowIds: [id, revisionKey(id, revision)] };
        }
        return { response, writes: [stored], kinds: [kind] };
      });
    },
    command(name, payload, opts) {
      checkKey(opts.idempotencyKey);
      refuseReservedKeys(name, payload);
      return remember(opts.idempotencyKey, canonical({ op: 'command', name, payload }), async (d) => {
        const handler: MemoryCommandHandler<typeof name> | undefined = options.commands?.[name];
        if (handler === undefined) {
          throw new FiregridError('config', `localDataPort has no handler for the command "${name}"; pass one in options.commands.`);
        }
        // The command map's schema, as the server checks a body: a malformed payload is refused naming the field.
        const parsed = parseCommandPayload(name, clone(payload), { locale });
        const now = clock();
        const snapshot = new Map<ResourceKind, Map<string, Stored>>();
        for (const kind of RESOURCE_KINDS) snapshot.set(kind, new Map((await readKind(d, kind)).map((r) => [r.id, r])));
        const writes: Stored[] = [];
        const kinds: ResourceKind[] = [];
        const view = (kind: ResourceKind): Map<string, Stored> => snapshot.get(kind) ?? new Map<string, Stored>();
        const context: MemoryCommandContext = {
          now,
          tenantId,
          get: (kind, id) => clone(view(kind).get(canonicalId(id)) ?? null) as unknown as RecordOf<typeof kind> | null,
          all: (kind) => clone([...view(kind).values()]) as unknown as RecordOf<typeof kind>[],
          put: (kind, record) => {
            checkKind(kind);
            const content = canonicalIds(omit(clone(record), COMMAND_SERVER_FIELDS));
            const id = String(content.id);
            const stored = stamp(kind, content, view(kind).get(id), now, `The command ${name} wrote an invalid ${kind} record`);
            view(kind).set(id, stored);
            writes.push(stored);
            kinds.push(kind);
            return clone(stored) as unknown as RecordOf<typeof kind>;
          },
        };
        const response = await handler(parsed, context);
        return { response, writes, kinds };
      });
    },
    async uploadMedia(blob, meta, opts) {
      checkKey(opts.idempotencyKey);
      if (!(blob instanceof Blob)) throw new FiregridError('rejected', 'uploadMedia needs a Blob or a File.');
      const m = check(MediaMeta, meta, 'rejected', 'The photo\'s meta was refused (400)');
      if (blob.size > MAX_MEDIA_BYTES) throw new FiregridError('rejected', `The photo has ${blob.size} bytes, more than 20 MB (413).`);
      const bytes = new Uint8Array(await blob.arrayBuffer());
      const sha256 = await sha256Hex(bytes);
      if (m.sha256 !== undefined && m.sha256 !== sha256) {
        throw new FiregridError('rejected', 'The photo\'s bytes do not match the SHA-256 sent with them; it was damaged on the way.', {
          issues: [{ path: 'sha256', message: `expected ${m.sha256}, got ${sha256}` }],
        });
      }
      const type = m.contentType ?? blob.type;
      return remember(opts.idempotencyKey, canonical({ op: 'media', sha256, meta: m }), async (d) => {
        const id = newId();
        const ref: PhotoRef = { id, url: `local:media/${id}`, sha256, width: m.width, height: m.height, bytes: bytes.length };
        await guard(() => d.put('media', { id, blob: new Blob([bytes], { type }), ref }));
        return { response: ref, writes: [], kinds: [] };
      });
    },
    readMedia(ref) {
      return serial(async () => {
        const row = await (await db()).get('media', ref.id);
        if (row === undefined) throw new FiregridError('not-found', `There is no photo ${ref.id} in this local store.`);
        return row.blob;
      });
    },
    clear: () => store.destroy(),
  };
  return port;
}
