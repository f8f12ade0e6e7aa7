/**
 * What the outbox does after a failed send (DESIGN §4), as pure functions: which failures are
 * retried and how long to wait, which pause for fresh credentials, which become a conflict and
 * which a rejection kept on the device.
 * @module
 */
import { FiregridError } from '../errors.js';
import type { OutboxFailure } from './types.js';

/** What to do about a failed send. */
export type Outcome =
  /** Try again later. `offline`: the network itself failed, so nothing else will get through now either. */
  | { type: 'retry'; offline: boolean; retryAfterMs?: number }
  /** Stop sending until the host gives fresh credentials (401); never a rejection. */
  | { type: 'auth' }
  /** The record changed on the server since the edit started (409). */
  | { type: 'conflict' }
  /** The server refused the content (400, 413, 422, 403, 404…): keep it, with the reason, for a person. */
  | { type: 'rejected' };

const statusOf = (error: unknown): number | undefined => {
  const status = (error as { status?: unknown } | null)?.status;
  return typeof status === 'number' ? status : undefined;
};

const retryAfterOf = (error: unknown): number | undefined => {
  const ms = (error as { retryAfterMs?: unknown } | null)?.retryAfterMs;
  return typeof ms === 'number' && ms >= 0 ? ms : undefined;
};

/**
 * Classifies a failure of a data port call.
 * - `network` (offline, timeout, 5xx, 429) and anything that is not a FiregridError (a vendor's
 *   port that let a `TypeError: Failed to fetch` through) → retry; without an HTTP status, or on
 *   429, the whole network counts as down;
 * - `host-failure` (a port method threw) → retry: nothing is lost by trying again;
 * - `unauthorized` → pause for fresh credentials;
 * - `conflict` → conflict;
 * - anything else (`rejected`, `validation`, `forbidden`, `not-found`, `transition`,
 *   `host-response`, `config`) → rejected: sending it again as it is cannot succeed.
 * @example
 * outcomeOf(new FiregridError('network', 'timeout'));   // { type: 'retry', offline: true }
 */
export function outcomeOf(error: unknown): Outcome {
  if (!(error instanceof FiregridError)) return { type: 'retry', offline: true };
  const status = statusOf(error);
  const retryAfterMs = retryAfterOf(error);
  switch (error.code) {
    case 'network':
    case 'host-failure':
    case 'storage':
      return { type: 'retry', offline: status === undefined || status === 429, ...(retryAfterMs === undefined ? {} : { retryAfterMs }) };
    case 'unauthorized':
      return { type: 'auth' };
    case 'conflict':
      return { type: 'conflict' };
    default:
      return { type: 'rejected' };
  }
}

/** Options of {@link backoffDelay}. */
export interface BackoffOptions {
  /** The first wait, in ms; 1 s by default. */
  baseMs?: number;
  /** The longest wait, in ms; 5 minutes by default. */
  maxMs?: number;
}

/**
 * How long to wait before attempt `attempt + 1` after `attempt` failures: exponential
 * (base × 2^(attempt−1), capped) with "equal jitter" — half fixed, half random — so that many
 * phones coming back into coverage at once do not retry in step, and none retries at once.
 * @example
 * backoffDelay(1, () => 0.5);   // 750 (between 500 and 1000)
 * backoffDelay(4, () => 0);     // 4000 (between 4000 and 8000)
 */
export function backoffDelay(attempt: number, random: () => number = Math.random, options: BackoffOptions = {}): number {
  const base = options.baseMs ?? 1000;
  const max = options.maxMs ?? 5 * 60_000;
  const ceiling = Math.min(max, base * 2 ** Math.max(0, Math.min(attempt - 1, 30)));
  return Math.round(ceiling / 2 + random() * (ceiling / 2));
}

/** The failure as an entry keeps it. */
export function failureOf(error: unknown, at: Date): OutboxFailure {
  if (error instanceof FiregridError) {
    const status = statusOf(error);
    return {
      code: error.code,
      message: error.message,
      issues: error.issues.map((i) => ({ path: i.path, message: i.message })),
      ...(status === undefined ? {} : { status }),
      at: at.toISOString(),
    };
  }
  const message = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
  return { code: 'network', message, issues: [], at: at.toISOString() };
}

/** The server's current version carried by a 409 (`current` of the problem document), if any. */
export function theirsOf(error: unknown): Record<string, unknown> | undefined {
  const problem = (error as { problem?: unknown } | null)?.problem;
  const current = typeof problem === 'object' && problem !== null ? (problem as { current?: unknown }).current : undefined;
  return typeof current === 'object' && current !== null && !Array.isArray(current) ? current as Record<string, unknown> : undefined;
}
