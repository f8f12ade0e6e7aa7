/**
 * `GET /v1/scores` and `GET /v1/indicators` over HTTP: one rate limit per caller for both (429
 * with `Retry-After`), computed off the event loop, and a 503 when the scores thread is full.
 * @module
 */
import { HttpError, text } from './http.js';
import type { Reply } from './http.js';
import { RateLimiter } from './rate-limit.js';
import type { Req } from './requests.js';
import { RunnerBusyError } from './scores-runner.js';
import type { Call, Service } from './service.js';

/** What the scores routes use of the server. */
export interface ScoresRouteDeps {
  service: Service;
  /** The caller of a request (authenticated, rate-limited). */
  callOf: (r: Req) => Promise<Call>;
  /** Score and indicator requests per minute per caller (tenant and user). */
  perMinute: number;
}

/** The answer to a caller over a limit: 429 (or 503 when the server is busy), with `Retry-After`. */
export function tooMany(status: 429 | 503, wait: number, zh: string, en: string): HttpError {
  return new HttpError(status, status === 429 ? 'rate-limited' : 'busy', text(zh, en), {
    headers: { 'retry-after': String(wait) }, extra: { retryAfter: wait },
  });
}

/**
 * `GET /v1/scores` and `GET /v1/indicators`: rate-limited per caller (one budget for both),
 * computed off the event loop.
 */
export function scoresRoute(deps: ScoresRouteDeps): (r: Req, compute?: 'scores' | 'indicators') => Promise<Reply> {
  const { service, callOf } = deps;
  const scoreRequests = new RateLimiter(deps.perMinute);
  return async (r, compute = 'scores') => {
    const call = await callOf(r);
    const { tenant, user } = call.principal;
    const wait = scoreRequests.take(`${tenant}\u0000${user}`, r.now.getTime());
    if (wait !== undefined) {
      throw tooMany(429, wait,
        `考评得分请求过于频繁：每人每分钟最多 ${scoreRequests.perMinute} 次，请 ${wait} 秒后再试`,
        `Too many score requests: at most ${scoreRequests.perMinute} a minute per caller; try again in ${wait} s`);
    }
    try {
      const body = compute === 'scores' ? await service.scores(call, r.url.searchParams) : await service.indicators(call, r.url.searchParams);
      return { status: 200, headers: { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' }, body: Buffer.from(body.buffer, body.byteOffset, body.byteLength) };
    } catch (e) {
      if (e instanceof RunnerBusyError) {
        throw tooMany(503, 5,
          `正在计算的考评请求已满（${e.queued} 个在排队），请 5 秒后再试`,
          `The server is computing as many scores as it queues (${e.queued} waiting); try again in 5 s`);
      }
      throw e;
    }
  };
}
