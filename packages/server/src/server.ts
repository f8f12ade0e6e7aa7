/**
 * The reference server: `node:http` routes of the REST contract (DESIGN §5) over {@link Service}.
 * Writes run inside one SQLite transaction together with their derived activities and their
 * idempotency record, so a write is either done once, with its key remembered, or not at all.
 * @module
 */
import { createReadStream, existsSync, mkdirSync, readFileSync, statSync } from 'node:fs';
import { createServer } from 'node:http';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join, resolve } from 'node:path';
import {
  COMMAND_MAP, MAX_JSON_BYTES, MAX_MEDIA_BYTES, RESOURCE_KINDS, canonicalJson, commandOfPath, createLifecycle, reservedKeyOf, sha256Hex,
} from '@firegrid/core';
import type { CommandName, CommandRoute, CommandRouteMatch, LifecycleOptions, Locale, OrgUnit } from '@firegrid/core';
import { DEFAULT_TOKEN_TTL_SECONDS, TokenError, bearerToken, checkSecret, covers, isResidentOnly, signToken, verifyToken } from './auth.js';
import type { Principal } from './auth.js';
import { DB_FILE, openDatabase } from './db.js';
import {
  HttpError, corsHeaders, etagOf, header, jsonReply, localeOf, parseIfMatch, problemReply, readBody, requireIdempotencyKey, send,
  text,
} from './http.js';
import type { Reply } from './http.js';
import { RateLimiter } from './rate-limit.js';
import { RunnerBusyError, ScoresRunner } from './scores-runner.js';
import { Service, isResourceKind, queryFromParams } from './service.js';
import type { Call } from './service.js';
import { Store } from './store.js';
import type { DemoUser } from './seed.js';

/** Options of {@link startServer}. */
export interface ServerOptions {
  /** TCP port; 8787 by default, 0 for any free port. */
  port?: number;
  /** Interface to listen on; 127.0.0.1 by default. */
  host?: string;
  /** The data folder: `firegrid.db` and `media/` live in it (created when missing). */
  dataDir: string;
  /** The HS256 secret tokens are signed with (at least 32 characters). */
  secret: string;
  /** Origins a browser may call from (`*` for any); none by default. */
  corsOrigins?: readonly string[];
  /** The clock; the real one by default. Tests pass a fixed one. */
  now?: () => Date;
  /** Requests per minute a resident may make; `{ writes: 10, reads: 120 }` by default. */
  residentLimits?: { writes?: number; reads?: number };
  /**
   * The bounds of `GET /v1/scores`: requests per minute per caller (tenant and user; 12 by
   * default, over it a 429 with `Retry-After`) and how many may wait for the one computing (4 by
   * default, over it a 503 with `Retry-After`), and the most workers one request scores (5,000 by
   * default, over it a 422 asking for a narrower scope).
   */
  scoresLimits?: { perMinute?: number; queued?: number; workers?: number };
  /** The vendor's hazard lifecycle configuration (role matrix, review days); DESIGN §9 by default. */
  lifecycle?: Omit<LifecycleOptions, 'locale'>;
  /** Where unexpected errors are reported; standard error by default. */
  log?: (message: string) => void;
  /**
   * DEV ONLY (`firegrid-server --dev`, `npm start`): people anyone who reaches the server may
   * sign in as without a password, through `GET /dev/users` and `POST /dev/token` (see
   * {@link DevSignIn}). Unset, the default, those routes do not exist (404). Never set it on a
   * server that holds real data or listens beyond loopback.
   */
  devSignIn?: DevSignIn;
}

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

/** A running server. */
export interface RunningServer {
  /** The base URL, e.g. `http://127.0.0.1:8787` (no trailing slash). */
  url: string;
  port: number;
  host: string;
  /** Stops listening, drops open connections and closes the database. */
  close(): Promise<void>;
}

let cachedVersion: string | undefined;

/** The version of `@firegrid/server` (from its package.json). */
export function serverVersion(): string {
  if (cachedVersion !== undefined) return cachedVersion;
  // src/ and dist/ sit one level below the package root, rollup's dist/chunks/ two.
  for (const rel of ['../package.json', '../../package.json']) {
    const file = new URL(rel, import.meta.url);
    if (!existsSync(file)) continue;
    const pkg = JSON.parse(readFileSync(file, 'utf8')) as { name?: string; version?: string };
    if (pkg.name === '@firegrid/server' && pkg.version !== undefined) return (cachedVersion = pkg.version);
  }
  return (cachedVersion = '0.0.0');
}

/** The fingerprint of a request body for its idempotency key: core's SHA-256 of core's canonical JSON. */
const fingerprint = (value: unknown): Promise<string> => sha256Hex(new TextEncoder().encode(canonicalJson(value)));

/** The sha-256 member of a `Content-Digest` header (RFC 9530), as 32 bytes. */
function contentDigest(value: string | undefined): Buffer {
  const m = value === undefined ? null : /(?:^|,)\s*sha-256\s*=\s*:([A-Za-z0-9+/]+={0,2}):/i.exec(value);
  const bytes = m?.[1] === undefined ? undefined : Buffer.from(m[1], 'base64');
  if (bytes?.length !== 32) {
    throw new HttpError(400, 'content-digest-required', text(
      '上传照片须带 Content-Digest 头：sha-256=:<照片字节的 SHA-256，base64>:',
      'A photo upload needs a Content-Digest header: sha-256=:<base64 of the SHA-256 of the bytes>:',
    ), { errors: [{ path: 'Content-Digest', message: value === undefined ? 'missing' : 'no sha-256 member of 32 bytes' }] });
  }
  return bytes;
}

async function readJson(req: IncomingMessage): Promise<unknown> {
  const type = header(req, 'content-type');
  // No guessing: a body without its type (a form post, a CSRF attempt) is not read as JSON.
  if (type === undefined || !/^application\/(?:[\w.+-]+\+)?json\s*(?:;|$)/i.test(type)) {
    throw new HttpError(415, 'unsupported-media-type', text(
      `请求体应为 JSON（Content-Type: application/json），收到的是 ${type ?? '无 Content-Type'}`,
      `The body must be JSON (Content-Type: application/json); got ${type ?? 'no Content-Type'}`,
    ), { errors: [{ path: 'Content-Type', message: type === undefined ? 'missing' : 'not JSON' }] });
  }
  const body = await readBody(req, MAX_JSON_BYTES, text('JSON 请求体', 'The JSON body'));
  let value: unknown;
  try {
    value = JSON.parse(body.toString('utf8'));
  } catch (e) {
    const why = e instanceof Error ? e.message : String(e);
    throw new HttpError(400, 'bad-json', text(`请求体不是有效的 JSON：${why}`, `The body is not valid JSON: ${why}`), {
      errors: [{ path: '', message: why }],
    });
  }
  // Hashing and validating walk the value recursively; no record nests anywhere near this deep.
  if (depthOf(value) > MAX_JSON_DEPTH) {
    throw new HttpError(400, 'too-deep', text(
      `JSON 嵌套超过 ${MAX_JSON_DEPTH} 层`, `The JSON nests deeper than ${MAX_JSON_DEPTH} levels`,
    ), { errors: [{ path: '', message: 'nested too deep' }] });
  }
  const reserved = reservedKeyOf(value);
  if (reserved !== undefined) {
    throw new HttpError(400, 'reserved-key', text(
      `请求体含保留的键名 ${reserved.key}（位于 ${reserved.path}）：__proto__、constructor、prototype 不能用作字段名或答案的题目编号`,
      `The body has the reserved key "${reserved.key}" (at ${reserved.path}): __proto__, constructor and prototype cannot be field names or item ids`,
    ), { errors: [{ path: reserved.path, message: `reserved key ${reserved.key}` }] });
  }
  return value;
}

const MAX_JSON_DEPTH = 64;

/** How deep arrays and objects nest in a parsed JSON value (iteratively: the value may be hostile). */
function depthOf(value: unknown): number {
  let max = 0;
  const stack: [unknown, number][] = [[value, 0]];
  for (let top = stack.pop(); top !== undefined; top = stack.pop()) {
    const [v, d] = top;
    if (v === null || typeof v !== 'object') continue;
    if (d + 1 > max) max = d + 1;
    if (max > MAX_JSON_DEPTH) return max;
    for (const child of Object.values(v)) stack.push([child, d + 1]);
  }
  return max;
}

const methodNotAllowed = (allow: string): HttpError => new HttpError(405, 'method-not-allowed', text(
  `该地址只支持 ${allow}`, `This resource supports ${allow} only`,
), { headers: { allow } });

function unauthorized(e: TokenError): HttpError {
  const zh: Record<TokenError['reason'], string> = {
    missing: '请求须带 Authorization: Bearer <令牌> 头',
    malformed: '令牌格式无效',
    signature: '令牌签名无效：不是本服务器的密钥签发的',
    expired: '令牌已过期，请向宿主应用获取新令牌',
    claims: `令牌内容无效：${e.message}`,
  };
  return new HttpError(401, `token-${e.reason}`, text(zh[e.reason], e.message), {
    headers: { 'www-authenticate': e.reason === 'missing' ? 'Bearer realm="firegrid"' : 'Bearer realm="firegrid", error="invalid_token"' },
  });
}

/** A route's request, after the URL has been read. */
interface Req {
  req: IncomingMessage;
  res: ServerResponse;
  url: URL;
  segments: string[];
  locale: Locale;
  now: Date;
  cors: Record<string, string>;
}

/**
 * Starts the server and resolves once it listens.
 * @throws FiregridError `config` for a missing or short secret; the listen error (port in use) as it comes.
 * @example
 * const server = await startServer({ port: 0, dataDir: './.firegrid', secret: process.env.FIREGRID_SECRET! });
 * console.log(server.url);   // http://127.0.0.1:54321
 * await server.close();
 */
export async function startServer(options: ServerOptions): Promise<RunningServer> {
  checkSecret(options.secret);
  const secret = options.secret;
  const dataDir = resolve(options.dataDir);
  const db = openDatabase(dataDir);
  const mediaDir = join(dataDir, 'media');
  mkdirSync(mediaDir, { recursive: true });
  // One lifecycle for every caller: each refusal is worded in the caller's locale, passed per call.
  const lifecycle = createLifecycle(options.lifecycle);
  const store = new Store(db, { dueSoonDays: lifecycle.dueSoonDays });
  // Scores are computed in a worker thread with its own read-only connection (scores-runner.ts).
  const runner = new ScoresRunner({ file: join(dataDir, DB_FILE), maxQueued: options.scoresLimits?.queued ?? 4 });
  const service = new Service({ store, mediaDir, lifecycle, scoring: runner,
    ...(options.scoresLimits?.workers === undefined ? {} : { maxScoredWorkers: options.scoresLimits.workers }),
  });
  const clock = options.now ?? (() => new Date());
  const origins = [...(options.corsOrigins ?? [])];
  const log = options.log ?? ((message: string) => process.stderr.write(`${message}\n`));
  const writes = new RateLimiter(options.residentLimits?.writes ?? 10);
  const reads = new RateLimiter(options.residentLimits?.reads ?? 120);
  const scoreRequests = new RateLimiter(options.scoresLimits?.perMinute ?? 12);

  /** The answer to a caller over a limit: 429 (or 503 when the server is busy), with `Retry-After`. */
  function tooMany(status: 429 | 503, wait: number, zh: string, en: string): HttpError {
    return new HttpError(status, status === 429 ? 'rate-limited' : 'busy', text(zh, en), {
      headers: { 'retry-after': String(wait) }, extra: { retryAfter: wait },
    });
  }

  /**
   * `GET /v1/scores` and `GET /v1/indicators`: rate-limited per caller (one budget for both),
   * computed off the event loop.
   */
  async function scores(r: Req, compute: 'scores' | 'indicators' = 'scores'): Promise<Reply> {
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
  }

  async function authenticate(r: Req): Promise<Principal> {
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
  }

  /** Runs a write once per idempotency key: a replay of the same request gets the first reply. */
  function idempotent(call: Call, r: Req, key: string, hash: string, run: () => Reply): Reply {
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

  /**
   * How the server runs each command of core's command map, by name: adding a command to the map
   * without a handler here does not compile. `params` are the payload keys its route carries
   * (`hazardId`); `ifMatch` is the `If-Match` version for a command whose route sends one.
   */
  type CommandHandler = (call: Call, params: Readonly<Record<string, string>>, body: unknown, ifMatch: number | undefined) => Reply;
  const commandHandlers: Readonly<Record<CommandName, CommandHandler>> = {
    'hazards.transition': (call, params, body, ifMatch) => {
      const record = service.transition(call, params.hazardId ?? '', body, ifMatch);
      return jsonReply(200, record, { etag: etagOf(record.version) });
    },
    'captains.import': (call, _params, body) => jsonReply(200, service.importCaptains(call, body)),
  };

  /** Runs a command's route: once per idempotency key, with `If-Match` when its route sends one. */
  async function runCommand(r: Req, command: CommandRouteMatch): Promise<Reply> {
    const call = await callOf(r);
    const key = requireIdempotencyKey(r.req);
    const route: CommandRoute = COMMAND_MAP[command.name].route;
    const ifMatch = route.ifMatch === undefined ? undefined : parseIfMatch(header(r.req, 'if-match'));
    const body = await readJson(r.req);
    // The fingerprint a replay is compared with: the body, and the If-Match of a route that has one.
    const hash = await fingerprint(route.ifMatch === undefined ? { body } : { ifMatch: ifMatch ?? null, body });
    return idempotent(call, r, key, hash, () => commandHandlers[command.name](call, command.params, body, ifMatch));
  }

  async function route(r: Req): Promise<Reply | undefined> {
    const { req, segments } = r;
    const method = req.method ?? 'GET';
    const [first, second, third, ...rest] = segments;
    if (first === undefined || rest.length > 0) throw notFoundRoute(r.url.pathname);

    if (first === 'health' && second === undefined) {
      if (method !== 'GET') throw methodNotAllowed('GET');
      return jsonReply(200, { ok: true, name: '@firegrid/server', version: serverVersion() });
    }
    if (first === 'scores' && second === undefined) {
      if (method !== 'GET') throw methodNotAllowed('GET');
      return scores(r);
    }
    if (first === 'indicators' && second === undefined) {
      if (method !== 'GET') throw methodNotAllowed('GET');
      return scores(r, 'indicators');
    }
    if (first === 'media') {
      if (second === undefined) {
        if (method !== 'POST') throw methodNotAllowed('POST');
        return uploadMedia(r);
      }
      if (third !== undefined) throw notFoundRoute(r.url.pathname);
      if (method !== 'GET') throw methodNotAllowed('GET');
      await serveMedia(r, second);
      return undefined;
    }
    // The commands' routes come from core's command map (`POST /v1/hazards/{id}/transitions`, `POST /v1/captains:import`).
    const command = commandOfPath(segments);
    if (command !== undefined) {
      if (method !== 'POST') throw methodNotAllowed('POST');
      return runCommand(r, command);
    }
    if (!isResourceKind(first)) {
      throw new HttpError(404, 'unknown-kind', text(
        `没有资源类型 ${first}；可用：${RESOURCE_KINDS.join('、')}、scores、indicators、media`,
        `There is no resource kind "${first}"; known: ${RESOURCE_KINDS.join(', ')}, scores, indicators, media`,
      ));
    }
    const kind = first;
    if (second === undefined) {
      if (method !== 'GET') throw methodNotAllowed('GET');
      const call = await callOf(r);
      return jsonReply(200, service.list(call, kind, queryFromParams(r.url.searchParams)));
    }
    if (third !== undefined) throw notFoundRoute(r.url.pathname);
    if (method === 'GET') {
      const call = await callOf(r);
      const record = service.get(call, kind, second);
      const etag = etagOf(record.version);
      if (header(req, 'if-none-match') === etag) return { status: 304, headers: { etag }, body: Buffer.alloc(0) };
      return jsonReply(200, record, { etag });
    }
    if (method === 'PUT') {
      const call = await callOf(r);
      const key = requireIdempotencyKey(req);
      const ifMatch = parseIfMatch(header(req, 'if-match'));
      const body = await readJson(req);
      return idempotent(call, r, key, await fingerprint({ ifMatch: ifMatch ?? null, body }), () => {
        const { created, record } = service.put(call, kind, second, body, ifMatch);
        return jsonReply(created ? 201 : 200, record, {
          etag: etagOf(record.version),
          ...(created ? { location: `/v1/${kind}/${encodeURIComponent(second)}` } : {}),
        });
      });
    }
    throw methodNotAllowed('GET, PUT');
  }

  async function callOf(r: Req): Promise<Call> {
    return { principal: await authenticate(r), locale: r.locale, now: r.now };
  }

  async function uploadMedia(r: Req): Promise<Reply> {
    const call = await callOf(r);
    const key = requireIdempotencyKey(r.req);
    const declared = contentDigest(header(r.req, 'content-digest'));
    const bytes = await readBody(r.req, MAX_MEDIA_BYTES, text('照片', 'The photo'));
    const hex = await sha256Hex(new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength) as Uint8Array<ArrayBuffer>);
    const actual = Buffer.from(hex, 'hex');
    if (!actual.equals(declared)) {
      throw new HttpError(400, 'content-digest-mismatch', text(
        `照片内容与 Content-Digest 不符（收到的字节的 SHA-256 为 ${actual.toString('base64')}）：照片在传输中损坏，请重新上传`,
        `The photo does not match its Content-Digest (the SHA-256 of the bytes received is ${actual.toString('base64')}): it was damaged on the way; upload it again`,
      ), { errors: [{ path: 'Content-Digest', message: 'does not match the body' }] });
    }
    return idempotent(call, r, key, await sha256Hex(new TextEncoder().encode(`media\u0000${hex}`)), () => {
      const ref = service.saveMedia(call, { bytes, sha256: hex });
      return jsonReply(201, ref, { location: ref.url });
    });
  }

  async function serveMedia(r: Req, id: string): Promise<void> {
    const call = await callOf(r);
    const { row, file } = service.readMedia(call, id);
    if (!existsSync(file)) throw new HttpError(404, 'not-found', text(`照片 ${id} 的文件已不存在`, `The file of photo ${id} is gone`));
    const etag = `"${row.sha256}"`;
    const headers = {
      ...r.cors,
      'x-content-type-options': 'nosniff',
      'content-type': row.contentType,
      'cache-control': 'private, max-age=31536000, immutable',
      'content-security-policy': "default-src 'none'",
      'content-digest': `sha-256=:${Buffer.from(row.sha256, 'hex').toString('base64')}:`,
      etag,
    };
    if (header(r.req, 'if-none-match') === etag) {
      r.res.writeHead(304, headers).end();
      return;
    }
    const size = statSync(file).size;
    r.res.writeHead(200, { ...headers, 'content-length': String(size) });
    await new Promise<void>((done) => {
      const stream = createReadStream(file);
      stream.on('error', () => {
        r.res.destroy();
        done();
      });
      stream.on('end', () => {
        done();
      });
      stream.pipe(r.res);
    });
  }

  /** The dev-only sign-in (`devSignIn`): the people of the demo, and a token for one of them. */
  async function devRoute(dev: DevSignIn, req: IncomingMessage, url: URL, locale: Locale, now: Date): Promise<Reply> {
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

  function notFoundRoute(path: string): HttpError {
    return new HttpError(404, 'not-found', text(`没有这个地址：${path}`, `There is nothing at ${path}`));
  }

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://localhost');
    const locale = localeOf(header(req, 'accept-language'));
    const preflight = req.method === 'OPTIONS';
    const cors = corsHeaders(header(req, 'origin'), origins, preflight);
    try {
      if (preflight) {
        res.writeHead(204, { ...cors, 'content-length': '0' }).end();
        return;
      }
      if (options.devSignIn !== undefined && url.pathname.startsWith('/dev/')) {
        send(res, await devRoute(options.devSignIn, req, url, locale, clock()), { ...cors, 'x-firegrid-dev-only': 'true' });
        return;
      }
      if (!url.pathname.startsWith('/v1/')) throw notFoundRoute(url.pathname);
      let segments: string[];
      try {
        segments = url.pathname.slice(4).split('/').map((s) => decodeURIComponent(s));
      } catch {
        throw notFoundRoute(url.pathname);
      }
      const reply = await route({ req, res, url, segments, locale, now: clock(), cors });
      if (reply !== undefined) send(res, reply, cors);
    } catch (e) {
      let error: HttpError;
      if (e instanceof HttpError) error = e;
      else {
        log(`firegrid-server: ${req.method ?? ''} ${url.pathname} failed: ${e instanceof Error ? e.stack ?? e.message : String(e)}`);
        error = new HttpError(500, 'internal', text('服务器内部错误，已记录；请稍后重试', 'The server failed; the error was logged. Try again later'));
      }
      // A body the route never read (a 401 before a PUT's body, a 413) is drained, and the answer
      // sent once it has arrived (for at most 10 s): answering and closing while the client is
      // still sending makes it fail with EPIPE instead of reading the problem.
      if (!req.complete) {
        req.resume();
        await new Promise<void>((done) => {
          const timer = setTimeout(done, 10_000);
          const finish = (): void => { clearTimeout(timer); done(); };
          req.once('end', finish);
          req.once('close', finish);
          req.once('error', finish);
        });
      }
      send(res, problemReply(error, locale, url.pathname), cors);
    }
  }

  const server = createServer((req, res) => {
    void handle(req, res);
  });
  server.on('clientError', (_error, socket) => {
    if (socket.writable) socket.end('HTTP/1.1 400 Bad Request\r\nConnection: close\r\nContent-Length: 0\r\n\r\n');
  });
  try {
    await new Promise<void>((done, fail) => {
      server.once('error', fail);
      server.listen(options.port ?? 8787, options.host ?? '127.0.0.1', () => {
        server.off('error', fail);
        done();
      });
    });
  } catch (e) {
    db.close();
    throw e;
  }
  const address = server.address() as AddressInfo;
  const host = address.address === '0.0.0.0' || address.address === '::' ? 'localhost'
    : address.family === 'IPv6' ? `[${address.address}]` : address.address;
  let closing: Promise<void> | undefined;
  return {
    url: `http://${host}:${address.port}`,
    port: address.port,
    host: address.address,
    close(): Promise<void> {
      closing ??= new Promise<void>((done) => {
        server.close(() => {
          void runner.close().finally(() => {
            db.close();
            done();
          });
        });
        server.closeAllConnections();
      });
      return closing;
    },
  };
}
