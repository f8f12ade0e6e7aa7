/**
 * Who calls: the bearer token verified with the server's secret (401 naming what is wrong with
 * it), and a resident's requests rate-limited per minute (429 with `Retry-After`).
 * @module
 */
import { TokenError, bearerToken, isResidentOnly, verifyToken } from './auth.js';
import type { Principal } from './auth.js';
import { HttpError, header, text } from './http.js';
import { RateLimiter } from './rate-limit.js';
import { unauthorized } from './requests.js';
import type { Req } from './requests.js';

/**
 * The principal of a request, from its `Authorization: Bearer` token; a resident (and nothing
 * more) may make `residentLimits.writes` writes (10 by default) and `reads` reads (120) a minute.
 */
export function authenticator(secret: string, residentLimits: { writes?: number; reads?: number }): (r: Req) => Promise<Principal> {
  const writes = new RateLimiter(residentLimits.writes ?? 10);
  const reads = new RateLimiter(residentLimits.reads ?? 120);
  return async (r) => {
    let principal: Principal;
    try {
      principal = await verifyToken(bearerToken(header(r.req, 'authorization')), secret, r.now);
    } catch (e) {
      if (e instanceof TokenError) throw unauthorized(e);
      throw e;
    }
    if (isResidentOnly(principal)) {
      const limiter = r.req.method === 'GET' ? reads : writes;
      const wait = limiter.take(`${principal.tenant}\u0000${principal.user}`, r.now.getTime());
      if (wait !== undefined) {
        throw new HttpError(429, 'rate-limited', text(
          `请求过于频繁：每分钟最多 ${limiter.perMinute} 次，请 ${wait} 秒后再试`,
          `Too many requests: at most ${limiter.perMinute} a minute; try again in ${wait} s`,
        ), { headers: { 'retry-after': String(wait) }, extra: { retryAfter: wait } });
      }
    }
    return principal;
  };
}
