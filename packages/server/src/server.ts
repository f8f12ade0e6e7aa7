/**
 * The reference server: `node:http` routes of the REST contract (DESIGN §5) over {@link Service}.
 * Writes run inside one SQLite transaction together with their derived activities and their
 * idempotency record, so a write is either done once, with its key remembered, or not at all.
 *
 * Beside the routes: reading a request (requests.ts), who calls (authenticate.ts), the idempotency
 * rule (idempotency.ts), the photo routes (media-routes.ts), the scores routes (scores-route.ts)
 * and the dev-only sign-in (dev-sign-in.ts).
 * @module
 */
import { mkdirSync } from 'node:fs';
import { createServer } from 'node:http';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join, resolve } from 'node:path';
import { COMMAND_MAP, RESOURCE_KINDS, commandOfPath, createLifecycle } from '@firegrid/core';
import type { CommandName, CommandRoute, CommandRouteMatch, LifecycleOptions } from '@firegrid/core';
import { checkSecret } from './auth.js';
import { authenticator } from './authenticate.js';
import { DB_FILE, openDatabase } from './db.js';
import { devRoute } from './dev-sign-in.js';
import type { DevSignIn } from './dev-sign-in.js';
import {
  HttpError, corsHeaders, etagOf, header, jsonReply, localeOf, parseIfMatch, problemReply, requireIdempotencyKey, send,
  text,
} from './http.js';
import type { Reply } from './http.js';
import { idempotent as runOnce } from './idempotency.js';
import { serveMedia, uploadMedia } from './media-routes.js';
import { fingerprint, methodNotAllowed, notFoundRoute, readJson, revisionParam } from './requests.js';
import type { Req } from './requests.js';
import { ScoresRunner } from './scores-runner.js';
import { scoresRoute } from './scores-route.js';
import { Service, isResourceKind, queryFromParams } from './service.js';
import type { Call } from './service.js';
import { Store } from './store.js';
import { serverVersion } from './version.js';

export { DEV_SIGN_IN_NOTICE } from './dev-sign-in.js';
export type { DevSignIn } from './dev-sign-in.js';
export { serverVersion } from './version.js';

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

/** A running server. */
export interface RunningServer {
  /** The base URL, e.g. `http://127.0.0.1:8787` (no trailing slash). */
  url: string;
  port: number;
  host: string;
  /** Stops listening, drops open connections and closes the database. */
  close(): Promise<void>;
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
  const authenticate = authenticator(secret, options.residentLimits ?? {});
  const scores = scoresRoute({ service, callOf, perMinute: options.scoresLimits?.perMinute ?? 12 });

  /** Runs a write once per idempotency key (idempotency.ts). */
  function idempotent(call: Call, r: Req, key: string, hash: string, run: () => Reply): Reply {
    return runOnce(store, call, r, key, hash, run);
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
        return uploadMedia({ service, callOf }, r);
      }
      if (third !== undefined) throw notFoundRoute(r.url.pathname);
      if (method !== 'GET') throw methodNotAllowed('GET');
      await serveMedia({ service, callOf }, r, second);
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
      const record = service.get(call, kind, second, revisionParam(kind, r.url.searchParams));
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
        send(res, await devRoute(options.devSignIn, secret, req, url, locale, clock()), { ...cors, 'x-firegrid-dev-only': 'true' });
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
