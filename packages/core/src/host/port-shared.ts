/**
 * What `memoryDataPort` and `localDataPort` — and, for {@link SERVER_FIELDS}, the reference
 * server — share about records going in and out, in one place: the fields the server owns, the
 * copy that keeps a caller from sharing an object with the store, the kind and key checks, and
 * the refusal of a reused idempotency key.
 * @module
 */
import { FiregridError } from '../errors.js';
import { RESOURCE_KINDS } from '../names.js';
import type { ResourceKind } from '../names.js';

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
