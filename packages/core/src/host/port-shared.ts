/**
 * What `memoryDataPort` and `localDataPort` — and, for {@link SERVER_FIELDS}, the reference
 * server — share about records going in and out, in one place: the fields the server owns, the
 * copy that keeps a caller from sharing an object with the store, the kind and key checks, and
 * the refusal of a reused idempotency key, the error a refused rule throws, and what an actor
 * may read and see (core's `rules/access` and `rules/confidential`, as the server applies them).
 * @module
 */
import { FiregridError } from '../errors.js';
import type { FiregridErrorCode } from '../errors.js';
import { RESOURCE_KINDS } from '../names.js';
import type { ResourceKind } from '../names.js';
import { PERMISSIONS, kindAction, readRefusal, roleRefusal } from '../rules/access.js';
import type { PlaceGrid } from '../rules/access.js';
import { canonicalId } from '../rules/ids.js';
import { redactActivity, redactReporter } from '../rules/confidential.js';
import type { ActivityFacts } from '../rules/confidential.js';
import type { CaptainFacts, WriteActor, WriteLookups, WriteRefusal } from '../rules/writes.js';
import type { Hazard } from '../schema/hazard.js';

/** Fields the server owns: ignored on a record's input and set by the writer (DESIGN §5). */
export const SERVER_FIELDS: readonly string[] = Object.freeze(['version', 'createdAt', 'updatedAt', 'tenantId', 'history']);

/**
 * The fields a command's write (a transition, an import) leaves to the writer: {@link SERVER_FIELDS}
 * but `history`, which is what a transition appends to.
 */
export const COMMAND_SERVER_FIELDS: readonly string[] = Object.freeze(SERVER_FIELDS.filter((f) => f !== 'history'));

/**
 * A copy of `record` without the given fields.
 * @example omit({ id: 'a', version: 3 }, SERVER_FIELDS);   // { id: 'a' }
 */
export const omit = (record: Readonly<Record<string, unknown>>, fields: readonly string[]): Record<string, unknown> =>
  Object.fromEntries(Object.entries(record).filter(([key]) => !fields.includes(key)));

/** A deep copy of a JSON value (`undefined` stays `undefined`), so the store and a caller never share an object. */
export const clone = <T>(value: T): T => (value === undefined ? value : JSON.parse(JSON.stringify(value)) as T);

/** Throws FiregridError `not-found` naming `kind` and the kinds there are, unless it is a resource kind of DESIGN §9. */
export function checkKind(kind: string): asserts kind is ResourceKind {
  if (!(RESOURCE_KINDS as readonly string[]).includes(kind)) {
    throw new FiregridError('not-found', `There is no resource kind "${kind}"; expected one of ${RESOURCE_KINDS.join(', ')}.`);
  }
}

export { revisionAsked } from './revision.js';

/** Throws FiregridError `rejected` at `idempotencyKey` unless `key` is a non-empty string. */
export function checkKey(key: unknown): void {
  if (typeof key !== 'string' || key === '') {
    throw new FiregridError('rejected', 'A write needs an idempotency key (a non-empty string, one per write, stable across retries).', {
      issues: [{ path: 'idempotencyKey', message: 'missing' }],
    });
  }
}

/** The refusal of an idempotency key already used with another body (the server's 422 `idempotency-key-reused`). */
export function keyReusedError(): FiregridError {
  return new FiregridError('rejected', 'This idempotency key was already used for a different request (422); a new write needs a new key.', {
    issues: [{ path: 'idempotencyKey', message: 'used for a different body' }],
  });
}

/**
 * A write, read or command a rule refused (core's `rules/writes`, `rules/access`,
 * `rules/transitions`), as `memoryDataPort` and `localDataPort` throw it: with the status and the
 * problem slug the reference server answers with, so a test can hold the ports and the server to
 * the same problem.
 */
export class RefusalError extends FiregridError {
  /** The HTTP status the server answers with: 403, 409 or 422. */
  readonly status: number;
  /** The problem's slug, e.g. `forbidden`, `action-owned-field`, `transition-role`. */
  readonly slug: string;
  /** `cause`: what refused it, e.g. the lifecycle's verdict (`TransitionCheck`) of a refused transition. */
  constructor(refusal: WriteRefusal, cause?: unknown) {
    const code: FiregridErrorCode = refusal.code.startsWith('transition-') ? 'transition'
      : refusal.status === 403 ? 'forbidden' : refusal.status === 409 ? 'conflict' : 'rejected';
    super(code, `${refusal.message.en} (${refusal.status}).`, { issues: refusal.issues, cause });
    this.name = 'RefusalError';
    this.status = refusal.status;
    this.slug = refusal.code;
  }
}

/**
 * The port's error for a refused write: {@link RefusalError} — FiregridError `forbidden` for a
 * 403, `conflict` for a 409, `transition` for a refused transition, `rejected` otherwise — with the paths.
 */
export function refusalError(refusal: WriteRefusal, cause?: unknown): RefusalError {
  return new RefusalError(refusal, cause);
}

/**
 * What the write rules read of a port's records, given a kind's records by id and, where the port
 * keeps them, older template revisions by template id and revision.
 */
export function lookupsOver(
  records: (kind: ResourceKind) => ReadonlyMap<string, Record<string, unknown>>,
  templateRevision?: (id: string, revision: number) => Record<string, unknown> | undefined,
): WriteLookups {
  return {
    get: (kind, id) => records(kind).get(canonicalId(id)),
    ...(templateRevision === undefined ? {} : { templateRevision: (id: string, revision: number) => templateRevision(canonicalId(id), revision) }),
    workerOfUser: (userId) => [...records('workers').values()].find((w) => w.userId === userId)?.id as string | undefined,
    captainsAt: (buildingId) => [...records('captains').values()].filter((c) => c.buildingId === buildingId) as unknown as CaptainFacts[],
  };
}

/**
 * A record as `actor` may see it (core's `rules/confidential`), when the port knows him: a
 * confidential reporter hidden from those who may not see him, his finds without the hazard.
 */
export function shown<R extends Record<string, unknown>>(kind: ResourceKind, record: R, actor: WriteActor | undefined): R {
  if (actor === undefined) return record;
  const viewer = { id: actor.id, roles: actor.roles };
  if (kind === 'hazards' && record.reporter !== undefined) return redactReporter(record as unknown as Hazard, viewer) as unknown as R;
  if (kind === 'activities' && record.confidential === true) return redactActivity(record as unknown as ActivityFacts, viewer) as unknown as R;
  return record;
}

/**
 * Refuses (RefusalError 403 `forbidden`, core's `roleRefusal`) a read of `kind` by an actor whose
 * roles may not read it, as the server refuses it. A port without an actor, or one without a
 * scope, checks nothing.
 */
export function checkReadRole(kind: ResourceKind, actor: WriteActor | undefined): void {
  if (actor?.scope === undefined) return;
  const denied = roleRefusal(actor.roles, PERMISSIONS[kind].read, kindAction(kind, 'read'));
  if (denied !== undefined) throw refusalError(denied);
}

/**
 * Why `actor` may not read a stored record (core's `readRefusal`): 404 `not-found` for a hazard
 * a resident did not report (a port answers it as it answers an id it does not have), 403
 * `forbidden` for one outside his scope; nothing when he may, or when the port knows no scope.
 */
export function readDenied(
  kind: ResourceKind, record: Readonly<Record<string, unknown>>, actor: WriteActor | undefined, placeOf: (id: string) => PlaceGrid | undefined,
): WriteRefusal | undefined {
  if (actor?.scope === undefined) return undefined;
  return readRefusal(kind, record, { id: actor.id, roles: actor.roles, scope: actor.scope }, placeOf);
}
