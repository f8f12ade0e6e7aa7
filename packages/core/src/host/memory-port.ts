/**
 * `memoryDataPort`: a {@link DataPort} in memory for tests and stories that behaves like the
 * server of DESIGN §5, so what passes against it has been exercised the way a server would
 * exercise it: strict input, server-managed fields, versions and conflicts, idempotency keys,
 * filters, sort and cursor paging.
 * @module
 */
import type * as z from 'zod/mini';
import { FiregridError } from '../errors.js';
import type { FiregridErrorCode } from '../errors.js';
import { newId } from '../ids.js';
import {
  COMMAND_SERVER_FIELDS, revisionAsked, SERVER_FIELDS, checkKey, checkKind, checkReadRole, clone, keyReusedError, lookupsOver, omit, readDenied, refusalError, shown,
} from './port-shared.js';
import { refuseReservedKeys } from '../rules/reserved-keys.js';
import { RESOURCE_KINDS } from '../names.js';
import type { CommandName, Locale, ResourceKind } from '../names.js';
import { RECORD_INPUT_SCHEMAS, RECORD_SCHEMAS } from '../schema/index.js';
import type { Page, PhotoRef, RecordInputOf, RecordOf } from '../schema/index.js';
import { checkWith } from '../validate.js';
import { canonicalJson as canonical } from '../rules/json.js';
import { canonicalId, canonicalIds } from '../rules/ids.js';
import { applyWriteRules } from '../rules/writes.js';
import type { WriteActor } from '../rules/writes.js';
import { writeAccess } from '../rules/access.js';
import { Query, applyQuery } from './query.js';
import { MediaMeta } from './types.js';
import { sha256Hex } from './sha256.js';
import type { CommandOptions, DataPort, SaveOptions } from './types.js';
import { parseCommandPayload } from '../commands.js';
import type { CommandResult, ParsedCommandPayload } from '../commands.js';

/** JSON bodies over this many bytes are refused, as the server refuses them with 413. */
export const MAX_JSON_BYTES = 1_000_000;
/** Media over this many bytes are refused (413). */
export const MAX_MEDIA_BYTES = 20 * 1024 * 1024;

/**
 * Records to start with, per kind. Server-managed fields left out are filled in. Several templates
 * with one id are its revisions: each is kept (`get(…, { revision })`), the highest is the latest.
 */
export type MemorySeed = Partial<{ [K in ResourceKind]: readonly RecordInputOf<K>[] }>;

/** What a command handler of {@link memoryDataPort} may do with the store. */
export interface MemoryCommandContext {
  /** The port's clock, read once for the command. */
  now: Date;
  tenantId: string;
  /** A record (writes of this command included), or null. */
  get<K extends ResourceKind>(kind: K, id: string): RecordOf<K> | null;
  /** Every record of a kind (writes of this command included), in creation order. */
  all<K extends ResourceKind>(kind: K): RecordOf<K>[];
  /**
   * Writes a record as the server would after a transition or an import: version, timestamps and
   * tenant are set here, everything else (status, history) is taken as given. Writes become
   * visible to others only when the handler returns: a handler that throws changes nothing.
   */
  put<K extends ResourceKind>(kind: K, record: RecordInputOf<K>): RecordOf<K>;
}

/**
 * A command of {@link memoryDataPort} (and `localDataPort`): gets a copy of the payload, already
 * checked against the command map's schema (`parseCommandPayload`), and returns the result.
 */
export type MemoryCommandHandler<N extends CommandName = CommandName> = (
  payload: ParsedCommandPayload<N>, context: MemoryCommandContext,
) => CommandResult<N> | Promise<CommandResult<N>>;
/** Command handlers by name, each typed by its entry in the command map. */
export type MemoryCommandHandlers = { readonly [N in CommandName]?: MemoryCommandHandler<N> };

/** Options of {@link memoryDataPort}. */
export interface MemoryDataPortOptions {
  /** Tenant of every record stored; `memory` by default. */
  tenantId?: string;
  /** Language of validation messages; English by default (the port stands in for a server). */
  locale?: Locale;
  /** The clock for timestamps and `overdue`; the real clock by default. */
  now?: () => Date;
  /**
   * Command handlers by name. The hazard lifecycle (`hazards.transition`) and the captain import
   * (`captains.import`) plug in here; a command without a handler is refused with
   * FiregridError `config`.
   */
  commands?: MemoryCommandHandlers;
  /**
   * Who writes, as a server reads him from the token: with it, `save` also applies the actor
   * rules (a hazard's `reporter.personId` and an inspection's `inspectorId` are the actor's, or
   * another user's only for a grid supervisor or an admin). Without it those rules are left out;
   * every other write rule applies either way.
   */
  actor?: WriteActor | (() => WriteActor);
}

type Stored = Record<string, unknown> & { id: string; version: number; createdAt: string };

const byteLength = (text: string): number => new TextEncoder().encode(text).length;

/**
 * A data port in memory for tests and stories. It behaves like the reference server:
 *
 * - `save` validates input strictly (unknown fields refused, FiregridError `rejected` with the
 *   paths), ignores the server-managed fields (`version`, timestamps, `tenantId`, `history`), sets
 *   them itself, increments `version`, and refuses a stale `baseVersion` with `conflict` (a
 *   `baseVersion` of 0 means "create only"). A hazard's `status` is set only by a transition:
 *   `save` creates a hazard as `draft` or `reported` and never changes its status.
 * - every write carries an idempotency key: the same key with the same body returns the first
 *   response; with another body it is refused with `rejected` (the server's 422). Only
 *   successful writes use up a key.
 * - `list` filters, sorts and pages as DESIGN §5 says (see {@link Query}); grid ids are OrgUnit
 *   codes, so `scope` is a prefix of them, and a hazard without a `gridId` takes its place's.
 * - media are kept as Blobs with their SHA-256 (`crypto.subtle` when available, else a
 *   JavaScript digest); a `meta.sha256` that does not match is refused.
 * - everything going in or out is copied: a caller never shares an object with the store.
 * - calls are served one at a time, in order, like requests to a single-threaded server.
 *
 * @example
 * const data = memoryDataPort({ places: [place] }, { now: () => new Date('2025-03-01T08:00:00+08:00') });
 * const saved = await data.save('hazards', hazard, { idempotencyKey: newId() });
 * const page = await data.list('hazards', { status: 'reported', limit: 20 });
 */
export function memoryDataPort(seed: MemorySeed = {}, options: MemoryDataPortOptions = {}): DataPort {
  const tenantId = options.tenantId ?? 'memory';
  const clock = options.now ?? (() => new Date());
  const stores = Object.fromEntries(RESOURCE_KINDS.map((k) => [k, new Map<string, Stored>()])) as Record<ResourceKind, Map<string, Stored>>;
  const replies = new Map<string, { body: string; response: unknown }>();
  /** Every revision of each template, by id and revision (DESIGN §5: kept, never rewritten). */
  const revisions = new Map<string, Map<number, Stored>>();
  const keepRevision = (template: Stored): void => {
    const held = revisions.get(template.id) ?? new Map<number, Stored>();
    revisions.set(template.id, held);
    const revision = template.revision as number;
    if (!held.has(revision)) held.set(revision, template);
  };
  const media = new Map<string, { blob: Blob; ref: PhotoRef }>();
  const locale = options.locale ?? 'en';
  /** Parses with `schema` or throws FiregridError `code` whose message starts with `subject`. */
  const check = <S extends z.ZodMiniType>(schema: S, value: unknown, code: FiregridErrorCode, subject: string): z.infer<S> => {
    const result = checkWith(schema, value, { locale });
    if (result.ok) return result.value;
    throw new FiregridError(code, `${subject}: ${result.message}`, { issues: result.issues });
  };
  const storeOf = (kind: ResourceKind): Map<string, Stored> => stores[kind];

  // One call at a time: a later call sees every effect of an earlier one, as with a server that
  // serialises writes. Reads queue too, so a list never sees half a command.
  let queue: Promise<unknown> = Promise.resolve();
  const serial = <T>(work: () => T | Promise<T>): Promise<T> => {
    const run = queue.then(work);
    queue = run.catch(() => undefined);
    return run;
  };

  /** Finishes a record the way the server stores it and checks it against the read schema. */
  const stamp = (kind: ResourceKind, content: Record<string, unknown>, previous: Stored | undefined, now: Date, subject: string): Stored => {
    const at = now.toISOString();
    const record = {
      ...content,
      tenantId,
      version: (previous?.version ?? 0) + 1,
      createdAt: previous?.createdAt ?? at,
      updatedAt: at,
    };
    return check(RECORD_SCHEMAS[kind], record, 'validation', subject);
  };

  const remember = <T>(key: string, body: string, produce: () => T | Promise<T>): Promise<T> => serial(async () => {
    const earlier = replies.get(key);
    if (earlier !== undefined) {
      if (earlier.body === body) return clone(earlier.response as T);
      throw keyReusedError();
    }
    const response = await produce();
    replies.set(key, { body, response: clone(response) });
    return clone(response);
  });

  for (const kind of Object.keys(seed)) {
    checkKind(kind);
    const records = seed[kind] ?? [];
    records.forEach((record, i) => {
      const { version, createdAt, updatedAt, tenantId: t, ...content } = clone(record) as unknown as Record<string, unknown>;
      const at = clock().toISOString();
      const full = { history: kind === 'hazards' ? [] : undefined, ...content, version: version ?? 1, createdAt: createdAt ?? at, updatedAt: updatedAt ?? at, tenantId: t ?? tenantId };
      const parsed = check(RECORD_SCHEMAS[kind], full, 'config', `memoryDataPort seed ${kind}[${i}] is invalid`) as unknown as Stored;
      if (kind === 'templates') {
        keepRevision(parsed);
        const latest = storeOf(kind).get(parsed.id);
        if (latest !== undefined && (latest.revision as number) > (parsed.revision as number)) return;
      }
      storeOf(kind).set(parsed.id, parsed);
    });
  }

  const actorNow = (): WriteActor | undefined => (typeof options.actor === 'function' ? options.actor() : options.actor);

  const placeOf = (id: string) => {
    const place = storeOf('places').get(id);
    return place === undefined ? undefined : { gridId: place.gridId as string, kind: place.kind as string };
  };

  const save = async (kind: ResourceKind, input: unknown, opts: SaveOptions): Promise<unknown> => {
    checkKind(kind);
    checkKey(opts.idempotencyKey);
    refuseReservedKeys(kind, input);
    const body = canonical({ op: 'save', kind, record: input, baseVersion: opts.baseVersion ?? null });
    if (byteLength(body) > MAX_JSON_BYTES) {
      throw new FiregridError('rejected', `The ${kind} record is larger than 1 MB (413); move photos to media.`);
    }
    return remember(opts.idempotencyKey, body, () => {
      const parsed = check(RECORD_INPUT_SCHEMAS[kind], clone(input), 'rejected', `The ${kind} record was refused (400)`) as Record<string, unknown>;
      let content = canonicalIds(omit(parsed, SERVER_FIELDS));
      const id = content.id as string;
      const previous = storeOf(kind).get(id);
      const base = opts.baseVersion;
      if (base !== undefined && (previous?.version ?? 0) !== base) {
        throw new FiregridError('conflict', previous === undefined
          ? `The ${kind} record ${id} does not exist, but the edit expected version ${base} (409).`
          : `The ${kind} record ${id} is at version ${previous.version}, but the edit started from version ${base} (409): someone else changed it.`, {
          issues: [{ path: 'version', message: `stored version is ${previous?.version ?? 0}` }],
        });
      }
      const now = clock();
      const actor = actorNow();
      if (actor?.scope !== undefined) {
        const denied = writeAccess(kind, content, previous, { id: actor.id, roles: actor.roles, scope: actor.scope }, placeOf);
        if (denied !== undefined) throw refusalError(denied);
      }
      const outcome = applyWriteRules(kind, content, { previous, actor, now, lookups: lookupsOver(storeOf, (id, revision) => revisions.get(id)?.get(revision)) });
      if (!outcome.ok) throw refusalError(outcome.refusal);
      content = outcome.record;
      const stored = stamp(kind, content, previous, now, `The ${kind} record would be stored invalid`);
      storeOf(kind).set(id, stored);
      if (kind === 'templates') keepRevision(stored);
      return shown(kind, stored, actor);
    });
  };

  const port: DataPort = {
    list(kind, query) {
      return serial(() => {
        checkKind(kind);
        const q = check(Query, query, 'rejected', 'The list query was refused (400)');
        const actor = actorNow();
        checkReadRole(kind, actor);
        const readable = [...storeOf(kind).values()].filter((r) => readDenied(kind, r, actor, placeOf) === undefined);
        const page = applyQuery(readable, q, { now: clock(), placeOf, me: actor?.id });
        return clone({ ...page, items: page.items.map((r) => shown(kind, r, actor)) }) as unknown as Page<RecordOf<typeof kind>>;
      });
    },

    get(kind, id, options) {
      return serial(() => {
        checkKind(kind);
        const revision = revisionAsked(kind, options);
        const actor = actorNow();
        checkReadRole(kind, actor);
        const latest = storeOf(kind).get(canonicalId(id));
        // The latest revision is the record itself (its current version); an older one as it was stored.
        const record = revision === undefined || latest?.revision === revision ? latest : revisions.get(canonicalId(id))?.get(revision);
        if (record === undefined) return null;
        const denied = readDenied(kind, record, actor, placeOf);
        // A record hidden from the actor (404 on the server) is one the port does not have.
        if (denied?.status === 404) return null;
        if (denied !== undefined) throw refusalError(denied);
        return clone(shown(kind, record, actor)) as unknown as RecordOf<typeof kind>;
      });
    },

    async save(kind, record, opts) {
      return await save(kind, record, opts) as RecordOf<typeof kind>;
    },

    async command(name, payload, opts: CommandOptions) {
      checkKey(opts.idempotencyKey);
      refuseReservedKeys(name, payload);
      return remember(opts.idempotencyKey, canonical({ op: 'command', name, payload }), async () => {
        const handler: MemoryCommandHandler<typeof name> | undefined = options.commands?.[name];
        if (handler === undefined) {
          throw new FiregridError('config', `memoryDataPort has no handler for the command "${name}"; pass one in options.commands.`);
        }
        // The command map's schema, as the server checks a body: a malformed payload is refused naming the field.
        const parsed = parseCommandPayload(name, clone(payload), { locale });
        const now = clock();
        const staged = new Map<ResourceKind, Map<string, Stored>>();
        const view = (kind: ResourceKind) => new Map([...storeOf(kind), ...(staged.get(kind) ?? [])]);
        const context: MemoryCommandContext = {
          now,
          tenantId,
          get: (kind, id) => {
            const record = view(kind).get(canonicalId(id));
            return record === undefined ? null : clone(record) as unknown as RecordOf<typeof kind>;
          },
          all: (kind) => clone([...view(kind).values()]) as unknown as RecordOf<typeof kind>[],
          put: (kind, record) => {
            checkKind(kind);
            // Unlike save, a command keeps `history`: appending to it is what a transition does.
            const content = canonicalIds(omit(clone(record), COMMAND_SERVER_FIELDS));
            const id = String(content.id);
            const stored = stamp(kind, content, view(kind).get(id), now, `The command ${name} wrote an invalid ${kind} record`);
            let writes = staged.get(kind);
            if (writes === undefined) staged.set(kind, (writes = new Map<string, Stored>()));
            writes.set(id, stored);
            return clone(stored) as unknown as RecordOf<typeof kind>;
          },
        };
        const result = await handler(parsed, context);
        for (const [kind, writes] of staged) for (const [id, record] of writes) storeOf(kind).set(id, record);
        return result;
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
      return remember(opts.idempotencyKey, canonical({ op: 'media', sha256, meta: m }), () => {
        const id = newId();
        const ref: PhotoRef = { id, url: `memory:media/${id}`, sha256, width: m.width, height: m.height, bytes: bytes.length };
        media.set(id, { blob: new Blob([bytes], { type: m.contentType ?? blob.type }), ref });
        return ref;
      });
    },

    readMedia(ref) {
      return serial(() => {
        const entry = media.get(ref.id);
        if (entry === undefined) throw new FiregridError('not-found', `There is no photo ${ref.id} in this memoryDataPort.`);
        // Blobs are immutable, so handing out the stored one shares nothing a caller could change.
        return entry.blob;
      });
    },
  };
  return port;
}

// Kept importable from here (the offline layer, the HTTP port and the command handlers import them from this module).
export { RefusalError, lookupsOver, refusalError, shown } from './port-shared.js';
export { sha256Hex, sha256HexSync, sha256Js } from './sha256.js';
