/**
 * HTTP failures as typed errors: an RFC 9457 problem document (`application/problem+json`) becomes
 * a {@link FiregridHttpError} whose `code` the outbox acts on and whose `issues` carry the server's
 * field paths.
 * @module
 */
import * as z from 'zod/mini';
import { FiregridError } from '../errors.js';
import type { FiregridErrorCode, Issue } from '../errors.js';

/** A problem document as a server sends it (lenient: unknown members are kept in `extra` use). */
export const Problem = z.looseObject({
  type: z.optional(z.string()),
  title: z.optional(z.string()),
  status: z.optional(z.number()),
  detail: z.optional(z.string()),
  instance: z.optional(z.string()),
  errors: z.optional(z.array(z.object({ path: z.string(), message: z.string() }))),
});
/** A problem document. */
export type Problem = z.infer<typeof Problem>;

/** A failed HTTP exchange: the FiregridError code plus what the server said. */
export class FiregridHttpError extends FiregridError {
  /** The HTTP status; 0 when no answer came (offline, timeout). */
  readonly status: number;
  /** The problem document, when the server sent one (a 409 carries `current`, the server's version). */
  readonly problem: Problem | undefined;
  /** How long the server asked to wait (`Retry-After`), in ms. */
  readonly retryAfterMs: number | undefined;

  constructor(code: FiregridErrorCode, message: string, options: {
    status: number; problem?: Problem; retryAfterMs?: number; issues?: readonly Issue[]; cause?: unknown;
  }) {
    super(code, message, { issues: options.issues ?? options.problem?.errors ?? [], cause: options.cause });
    this.name = 'FiregridHttpError';
    this.status = options.status;
    this.problem = options.problem;
    this.retryAfterMs = options.retryAfterMs;
  }
}

/**
 * The FiregridError code of an HTTP status (DESIGN §4): 401 `unauthorized` (pause, never
 * reject), 403 `forbidden`, 404 `not-found`, 409 `conflict`, 408/425/429/5xx `network` (retry),
 * any other 4xx `rejected` (kept on the device with the reason).
 * @example
 * codeOfStatus(422);   // 'rejected'
 * codeOfStatus(503);   // 'network'
 */
export function codeOfStatus(status: number): FiregridErrorCode {
  if (status === 401) return 'unauthorized';
  if (status === 403) return 'forbidden';
  if (status === 404) return 'not-found';
  if (status === 409) return 'conflict';
  if (status === 408 || status === 425 || status === 429 || status >= 500) return 'network';
  return 'rejected';
}

/** `Retry-After` (seconds, or an HTTP date) in ms from `now`; undefined when absent or unreadable. */
export function retryAfterMs(header: string | null, now: number): number | undefined {
  if (header === null || header.trim() === '') return undefined;
  const seconds = Number(header);
  if (Number.isFinite(seconds)) return Math.max(0, seconds * 1000);
  const at = Date.parse(header);
  return Number.isNaN(at) ? undefined : Math.max(0, at - now);
}
