/**
 * Typed errors. Every error Firegrid throws is a {@link FiregridError} with a stable `code` an
 * integrator can branch on and a message a person can act on.
 * @module
 */

/** Stable error codes. */
export type FiregridErrorCode =
  | 'validation'        // a value failed a schema (user input, storage, network)
  | 'host-invalid'      // defineHost: the adapter object itself is wrong
  | 'host-response'     // a host adapter method returned a value that fails its schema
  | 'host-failure'      // a host adapter method threw or rejected
  | 'not-found'
  | 'conflict'          // stale version (HTTP 409)
  | 'rejected'          // the server refused the content (400/413/422)
  | 'unauthorized'      // no or expired credentials (401)
  | 'forbidden'         // role or scope does not allow it (403)
  | 'network'           // offline, timeout, 5xx
  | 'transition'        // a hazard action not allowed from this status or for this role
  | 'storage'           // IndexedDB failure, quota
  | 'config';           // bad configuration passed by the integrator

/** One problem found in a value, with the path to it (`items[3].id`). */
export interface Issue {
  /** Path in the checked value, e.g. `items[3].id`; empty for the value itself. */
  path: string;
  /** A message for a person, in the locale asked for. */
  message: string;
}

/** Base class of every error Firegrid throws. */
export class FiregridError extends Error {
  /** Stable machine-readable code. */
  readonly code: FiregridErrorCode;
  /** Problems found, each with its path, where the error is about a value. */
  readonly issues: readonly Issue[];

  constructor(code: FiregridErrorCode, message: string, options: { issues?: readonly Issue[]; cause?: unknown } = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = 'FiregridError';
    this.code = code;
    this.issues = options.issues ?? [];
  }
}

/** Returns true when `e` is a FiregridError, optionally with the given code. */
export function isFiregridError(e: unknown, code?: FiregridErrorCode): e is FiregridError {
  return e instanceof FiregridError && (code === undefined || e.code === code);
}
