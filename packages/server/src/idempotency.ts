/**
 * A write once per idempotency key (DESIGN §5): the write, its activities and its stored reply in
 * one transaction; a replay of the same request gets the first reply, another request under the
 * same key a 422, and a token with fewer rights than the first a 403.
 * @module
 */
import { covers } from './auth.js';
import { HttpError, text } from './http.js';
import type { Reply } from './http.js';
import type { Req } from './requests.js';
import type { Call } from './service.js';
import type { Store } from './store.js';

/** Runs a write once per idempotency key: a replay of the same request gets the first reply. */
export function idempotent(store: Store, call: Call, r: Req, key: string, hash: string, run: () => Reply): Reply {
  const { tenant, user } = call.principal;
  const method = r.req.method ?? '';
  const path = r.url.pathname;
  return store.transaction(() => {
    const prior = store.findReply(tenant, user, key);
    if (prior !== undefined) {
      // The stored reply is what the first caller was allowed to see: a token of the same user
      // with fewer roles or a narrower scope does not get it by replaying the key.
      if (prior.grants !== undefined && !covers(call.principal, prior.grants)) {
        throw new HttpError(403, 'idempotency-caller-narrower', text(
          `Idempotency-Key ${key} 的写入由角色 ${prior.grants.roles.join('、')}、范围 ${prior.grants.scope.join('、')} 的令牌发出；此令牌的权限更窄，不能取回其结果`,
          `The write under Idempotency-Key ${key} was sent with roles ${prior.grants.roles.join(', ')} and scope ${prior.grants.scope.join(', ')}; this token has fewer rights and cannot replay it`,
        ), { errors: [{ path: 'Idempotency-Key', message: 'first used by a token with more rights' }] });
      }
      if (prior.bodyHash === hash && prior.method === method && prior.path === path) {
        return { status: prior.status, headers: { ...prior.headers, 'idempotency-replayed': 'true' }, body: prior.body };
      }
      throw new HttpError(422, 'idempotency-key-reused', text(
        `Idempotency-Key ${key} 已用于另一次请求（${prior.method} ${prior.path}，内容不同）；新的写入须用新的键`,
        `The Idempotency-Key ${key} was already used for a different request (${prior.method} ${prior.path} with another body); a new write needs a new key`,
      ), { errors: [{ path: 'Idempotency-Key', message: 'used for a different request' }] });
    }
    const reply = run();
    if (reply.status >= 200 && reply.status < 300) {
      store.saveReply(tenant, user, key, {
        method, path, bodyHash: hash, status: reply.status, headers: reply.headers, body: reply.body,
        grants: { roles: [...call.principal.roles], scope: [...call.principal.scope] },
      }, call.now);
    }
    return reply;
  });
}
