/**
 * A sliding one-minute window per caller, in memory (one server process). Residents are
 * rate-limited (DESIGN §5): a public tip-off form is the part of the API anyone can reach.
 * @module
 */

const WINDOW_MS = 60_000;

/** Counts requests per key over the last minute. */
export class RateLimiter {
  /** Requests allowed per key per minute. */
  readonly perMinute: number;
  readonly #hits = new Map<string, number[]>();

  constructor(perMinute: number) {
    this.perMinute = perMinute;
  }

  /**
   * Counts one request of `key` at `nowMs`. Returns undefined when it is allowed, else the whole
   * seconds until the oldest request in the window leaves it (the `Retry-After`).
   * @example
   * const wait = limiter.take(`${tenant}/${user}`, Date.now());
   * if (wait !== undefined) reply429(wait);
   */
  take(key: string, nowMs: number): number | undefined {
    const since = nowMs - WINDOW_MS;
    const hits = (this.#hits.get(key) ?? []).filter((t) => t > since);
    if (hits.length >= this.perMinute) {
      this.#hits.set(key, hits);
      const oldest = hits[0] ?? nowMs;
      return Math.max(1, Math.ceil((oldest + WINDOW_MS - nowMs) / 1000));
    }
    hits.push(nowMs);
    this.#hits.set(key, hits);
    if (this.#hits.size > 10_000) this.#prune(since);
    return undefined;
  }

  #prune(since: number): void {
    for (const [key, hits] of this.#hits) if (!hits.some((t) => t > since)) this.#hits.delete(key);
  }
}
