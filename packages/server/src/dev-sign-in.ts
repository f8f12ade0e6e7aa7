/**
 * DEV ONLY: the sign-in of a demo server (`firegrid-server --dev`, `npm start`), which hands out
 * real tokens for the demo's people without a password. Every answer says it is dev-only.
 * @module
 */
import type { IncomingMessage } from 'node:http';
import type { Locale, OrgUnit } from '@firegrid/core';
import { DEFAULT_TOKEN_TTL_SECONDS, signToken } from './auth.js';
import { HttpError, jsonReply, text } from './http.js';
import type { Reply } from './http.js';
import { methodNotAllowed, notFoundRoute, readJson } from './requests.js';
import type { DemoUser } from './seed.js';

/**
 * The dev-only sign-in of a demo server: `GET /dev/users` lists `users` (id, name, roles,
 * scope) and `orgUnits`; `POST /dev/token` with `{ "user": "<id>" }` answers `{ dev: true, notice, token, … }`
 * with a real token for that user in `tenant`, signed with the server's secret. Every answer says
 * it is dev-only (`dev: true`, a `notice`, and an `X-Firegrid-Dev-Only` header).
 */
export interface DevSignIn {
  /** The tenant the tokens are for (the demo's is `demo`). */
  tenant: string;
  /** Who may be signed in as (the seed's people: {@link DEMO_USERS}). */
  users: readonly DemoUser[];
  /** Lifetime of a token in seconds; 12 hours by default. */
  ttlSeconds?: number;
  /** The administrative path of the demo (province to grid), so a sign-in screen can name scopes and grids. */
  orgUnits?: readonly OrgUnit[];
}

/** What every dev sign-in answer says about itself. */
export const DEV_SIGN_IN_NOTICE = text(
  '仅供开发演示：服务器以 --dev 启动，任何能访问它的人都可不经密码取得演示用户的令牌。生产环境不要使用 --dev。',
  'Dev only: the server runs with --dev, so anyone who can reach it gets a demo user\'s token without a password. Never run production with --dev.',
);

/** The dev-only sign-in (`devSignIn`): the people of the demo, and a token for one of them. */
export async function devRoute(dev: DevSignIn, secret: string, req: IncomingMessage, url: URL, locale: Locale, now: Date): Promise<Reply> {
  const notice = DEV_SIGN_IN_NOTICE[locale];
  const people = dev.users.map((u) => ({ user: u.user, name: u.name, roles: [...u.roles], scope: [...u.scope] }));
  if (url.pathname === '/dev/users') {
    if (req.method !== 'GET') throw methodNotAllowed('GET');
    return jsonReply(200, { dev: true, notice, tenant: dev.tenant, users: people, orgUnits: dev.orgUnits ?? [] });
  }
  if (url.pathname === '/dev/token') {
    if (req.method !== 'POST') throw methodNotAllowed('POST');
    const body = await readJson(req);
    const id = typeof body === 'object' && body !== null && 'user' in body ? body.user : undefined;
    const who = typeof id === 'string' ? dev.users.find((u) => u.user === id) : undefined;
    if (who === undefined) {
      const known = dev.users.map((u) => u.user).join(', ');
      throw new HttpError(typeof id === 'string' ? 404 : 400, 'dev-unknown-user', text(
        `开发登录须给出演示用户 { "user": "<编号>" }；${typeof id === 'string' ? `没有用户 ${id}` : '缺少 user'}。可用：${known}`,
        `The dev sign-in needs a demo user { "user": "<id>" }; ${typeof id === 'string' ? `there is no user ${id}` : 'user is missing'}. Known: ${known}`,
      ), { errors: [{ path: 'user', message: typeof id === 'string' ? 'unknown demo user' : 'required string' }] });
    }
    const ttlSeconds = dev.ttlSeconds ?? DEFAULT_TOKEN_TTL_SECONDS;
    const token = await signToken({
      secret, tenant: dev.tenant, user: who.user, name: who.name, roles: who.roles, scope: who.scope, ttlSeconds, now,
    });
    return jsonReply(200, {
      dev: true, notice, tenant: dev.tenant, user: people.find((p) => p.user === who.user), token, expiresIn: ttlSeconds, orgUnits: dev.orgUnits ?? [],
    });
  }
  throw notFoundRoute(url.pathname);
}
