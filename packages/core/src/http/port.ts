/**
 * `httpDataPort`: the {@link DataPort} that speaks the REST contract of DESIGN §5 — the reference
 * server's, and any vendor backend that passes the conformance suite.
 * @module
 */
import type * as z from 'zod/mini';
import { FiregridError } from '../errors.js';
import type { CommandName, Locale, ResourceKind } from '../names.js';
import { COMMANDS, RESOURCE_KINDS } from '../names.js';
import { Page, PhotoRef, RECORD_SCHEMAS } from '../schema/index.js';
import { COMMAND_MAP, commandRequest } from '../commands.js';
import type { CommandPayload, CommandResult } from '../commands.js';
import type { Page as PageOf, RecordInputOf, RecordOf } from '../schema/index.js';
import { sha256Hex } from '../host/memory-port.js';
import type { Query } from '../host/query.js';
import type { CommandOptions, DataPort, GetOptions, SaveOptions } from '../host/types.js';
import { revisionAsked } from '../host/revision.js';
import { parsesItsResult } from '../host/parsed.js';
import { parseWith } from '../validate.js';
import { FiregridHttpError, Problem, codeOfStatus, retryAfterMs } from './errors.js';

/** Request headers, or a function that gives them for each request (tokens expire). */
export type HeadersSource =
  | Readonly<Record<string, string>>
  | (() => Readonly<Record<string, string>> | Promise<Readonly<Record<string, string>>>);

/** Options of {@link httpDataPort}. */
export interface HttpDataPortOptions {
  /** Where the API lives: `/v1/…` is appended (`https://grid.example.cn/api` → `…/api/v1/hazards`). */
  baseUrl: string;
  /**
   * Headers sent with every request to `baseUrl`'s origin — usually `Authorization`. A function
   * is called for every request, so a fresh token is used after a 401.
   */
  headers?: HeadersSource;
  /** The `fetch` to use; the global one by default (a host bridge may pass its own). */
  fetch?: typeof fetch;
  /** A JSON request that takes longer is aborted and fails with `network`; 30 s by default. */
  timeoutMs?: number;
  /** Photo uploads and downloads may take longer on a weak signal; 120 s by default. */
  mediaTimeoutMs?: number;
  /** `Accept-Language` and the language of validation messages; zh-CN by default. */
  locale?: Locale | (() => Locale);
}

type Method = 'GET' | 'PUT' | 'POST';

interface Exchange {
  method: Method;
  path: string;
  /** Query parameters. */
  params?: URLSearchParams;
  /** A JSON body, or bytes. */
  json?: unknown;
  blob?: Blob;
  headers?: Record<string, string>;
  media?: boolean;
  /** Statuses that are answers, not failures (404 for `get`). */
  accept?: readonly number[];
}

const isJsonType = (type: string | null): boolean => type !== null && /^application\/(?:[\w.+-]+\+)?json\s*(?:;|$)/i.test(type);

const TEXT = {
  'zh-CN': {
    offline: (what: string, why: string) => `${what} 未能发出：${why}（设备可能离线）`,
    timeout: (what: string, ms: number) => `${what} 在 ${ms} 毫秒内没有响应，已中止`,
    headers: (why: string) => `无法从宿主获取请求头（如登录令牌）：${why}`,
    notJson: (what: string, type: string) => `${what} 返回的不是 JSON（而是 ${type}）`,
    badJson: (what: string, why: string) => `${what} 返回的 JSON 无法解析：${why}`,
    status: (what: string, status: number, detail: string) => `${what} 失败（${status}）：${detail}`,
    digest: (what: string) => `${what} 返回的照片内容与其 SHA-256 不符：传输中损坏`,
    unknownCommand: (name: string) => `未知的命令"${name}"`,
  },
  en: {
    offline: (what: string, why: string) => `${what} could not be sent: ${why} (the device may be offline)`,
    timeout: (what: string, ms: number) => `${what} got no answer within ${ms} ms and was aborted`,
    headers: (why: string) => `The host could not give the request headers (such as a sign-in token): ${why}`,
    notJson: (what: string, type: string) => `${what} returned ${type}, not JSON`,
    badJson: (what: string, why: string) => `${what} returned JSON that cannot be parsed: ${why}`,
    status: (what: string, status: number, detail: string) => `${what} failed (${status}): ${detail}`,
    digest: (what: string) => `${what} returned a photo whose bytes do not match its SHA-256: it was damaged on the way`,
    unknownCommand: (name: string) => `Unknown command "${name}"`,
  },
} as const;

const toBase64 = (bytes: Uint8Array): string => {
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
};

const hexToBytes = (hex: string): Uint8Array => Uint8Array.from(hex.match(/../g) ?? [], (h) => parseInt(h, 16));

/** Query parameters of DESIGN §5: lists are comma-joined, booleans and numbers as text. */
export function queryParams(query: Query): URLSearchParams {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query) as [string, string | number | boolean | readonly string[] | undefined][]) {
    if (value === undefined) continue;
    params.set(key, typeof value === 'object' ? value.join(',') : String(value));
  }
  return params;
}

/**
 * A data port over HTTP (DESIGN §5). Every write carries its `Idempotency-Key`, edits carry
 * `If-Match: "<version>"`, photos go to `POST /v1/media` with `Content-Digest: sha-256=:…:` and
 * are read back through the port with the same headers (an `<img src>` cannot send a token) and
 * checked against their SHA-256. What the server returns is validated: a malformed answer is
 * FiregridError `host-response` naming the field (`GET /v1/hazards/… returned an invalid value
 * at photos[0].sha256`). Failures are {@link FiregridHttpError}s with the server's problem
 * document: 401 `unauthorized`, 403 `forbidden`, 404 `not-found`, 409 `conflict` (with the
 * server's `current` version), 400/413/415/422 `rejected` (with the field paths), 5xx, 429,
 * timeouts and no network `network`.
 * @example
 * const data = httpDataPort({
 *   baseUrl: 'https://grid.example.cn/api',
 *   headers: async () => ({ authorization: `Bearer ${await bridge.token()}` }),
 * });
 * const page = await data.list('hazards', { status: 'reported', sort: 'urgency' });
 */
export function httpDataPort(options: HttpDataPortOptions): DataPort {
  let baseUrl: URL;
  try {
    // A relative base (`/api`) is read against the page; outside a page it must be absolute.
    baseUrl = new URL(`${options.baseUrl.replace(/\/+$/, '')}/`, typeof location === 'undefined' ? undefined : location.href);
  } catch (error) {
    throw new FiregridError('config', `httpDataPort needs an absolute baseUrl such as https://grid.example.cn/api; got ${JSON.stringify(options.baseUrl)}`, { cause: error });
  }
  const base = baseUrl.href.replace(/\/+$/, '');
  const origin = baseUrl.origin;
  const basePath = baseUrl.pathname.replace(/\/+$/, '');
  const timeoutMs = options.timeoutMs ?? 30_000;
  const mediaTimeoutMs = options.mediaTimeoutMs ?? 120_000;
  const localeOf = (): Locale => (typeof options.locale === 'function' ? options.locale() : options.locale ?? 'zh-CN');
  const doFetch = options.fetch ?? ((input: RequestInfo | URL, init?: RequestInit) => fetch(input, init));

  const headersNow = async (): Promise<Record<string, string>> => {
    const source = options.headers;
    if (source === undefined) return {};
    try {
      return { ...(typeof source === 'function' ? await source() : source) };
    } catch (error) {
      const why = error instanceof Error ? error.message : String(error);
      throw new FiregridHttpError('unauthorized', TEXT[localeOf()].headers(why), { status: 0, cause: error });
    }
  };

  /** What came back: the status, headers and the whole body, read under the deadline. */
  interface Answer {
    status: number;
    headers: Headers;
    bytes: Uint8Array<ArrayBuffer>;
  }

  /** Sends one request and reads the whole answer; a status that is not 2xx (or accepted) throws. */
  async function exchange(x: Exchange, url: string, what: string): Promise<Answer> {
    const text = TEXT[localeOf()];
    const sameOrigin = new URL(url).origin === origin;
    const headers: Record<string, string> = {
      accept: x.media === true ? '*/*' : 'application/json, application/problem+json',
      'accept-language': localeOf(),
      // Credentials go only to the API's own origin, never to a photo URL elsewhere.
      ...(sameOrigin ? await headersNow() : {}),
      ...x.headers,
    };
    let body: BodyInit | undefined;
    if (x.json !== undefined) {
      headers['content-type'] = 'application/json';
      body = JSON.stringify(x.json);
    } else if (x.blob !== undefined) {
      body = x.blob;
    }
    const limit = x.media === true ? mediaTimeoutMs : timeoutMs;
    const controller = new AbortController();
    const deadline = { passed: false };
    const timer = setTimeout(() => {
      deadline.passed = true;
      controller.abort();
    }, limit);
    let answer: Answer;
    try {
      const response = await doFetch(url, { method: x.method, headers, ...(body === undefined ? {} : { body }), signal: controller.signal });
      // The body is read under the same deadline: a server that stalls half-way is a timeout too.
      answer = { status: response.status, headers: response.headers, bytes: new Uint8Array(await response.arrayBuffer()) };
    } catch (error) {
      const why = error instanceof Error ? error.message : String(error);
      throw new FiregridHttpError('network', deadline.passed ? text.timeout(what, limit) : text.offline(what, why), { status: 0, cause: error });
    } finally {
      clearTimeout(timer);
    }
    if ((answer.status >= 200 && answer.status < 300) || x.accept?.includes(answer.status) === true) return answer;
    throw failure(answer, what);
  }

  function failure(answer: Answer, what: string): FiregridHttpError {
    const text = TEXT[localeOf()];
    let problem: Problem | undefined;
    if (isJsonType(answer.headers.get('content-type'))) {
      try {
        const parsed = Problem.safeParse(JSON.parse(new TextDecoder().decode(answer.bytes)));
        if (parsed.success) problem = parsed.data;
      } catch {
        // A body that is not JSON after all: the status still says what happened.
      }
    }
    const detail = problem?.detail ?? problem?.title ?? String(answer.status);
    const retryAfter = retryAfterMs(answer.headers.get('retry-after'), Date.now());
    return new FiregridHttpError(codeOfStatus(answer.status), text.status(what, answer.status, detail), {
      status: answer.status,
      ...(problem === undefined ? {} : { problem }),
      ...(retryAfter === undefined ? {} : { retryAfterMs: retryAfter }),
    });
  }

  function readJson(answer: Answer, what: string): unknown {
    const text = TEXT[localeOf()];
    const type = answer.headers.get('content-type');
    if (!isJsonType(type)) {
      throw new FiregridHttpError('host-response', text.notJson(what, type ?? 'no Content-Type'), {
        status: answer.status, issues: [{ path: '', message: 'not JSON' }],
      });
    }
    try {
      return JSON.parse(new TextDecoder().decode(answer.bytes));
    } catch (error) {
      const why = error instanceof Error ? error.message : String(error);
      throw new FiregridHttpError('host-response', text.badJson(what, why), { status: answer.status, issues: [{ path: '', message: why }], cause: error });
    }
  }

  const checked = <S extends z.ZodMiniType>(schema: S, value: unknown, what: string): z.infer<S> =>
    parseWith(schema, value, { locale: localeOf(), what, code: 'host-response' });

  /** Sends `x` and validates the JSON answer with `schema`; null for a 404 when `x.accept` has it. */
  const callOrNull = async <S extends z.ZodMiniType>(x: Exchange, schema: S): Promise<z.infer<S> | null> => {
    const query = x.params === undefined || [...x.params.keys()].length === 0 ? '' : `?${x.params.toString()}`;
    const what = `${x.method} /v1/${x.path}`;
    const answer = await exchange(x, `${base}/v1/${x.path}${query}`, what);
    if (answer.status === 404 && x.accept?.includes(404) === true) return null;
    return checked(schema, readJson(answer, what), what);
  };
  const call = async <S extends z.ZodMiniType>(x: Exchange, schema: S): Promise<z.infer<S>> =>
    (await callOrNull({ ...x, accept: [] }, schema)) as z.infer<S>;

  const checkKind = (kind: ResourceKind): string => {
    if (!(RESOURCE_KINDS as readonly string[]).includes(kind)) {
      throw new FiregridError('validation', `There is no resource kind "${kind}"; expected one of ${RESOURCE_KINDS.join(', ')}.`, {
        issues: [{ path: 'kind', message: 'unknown resource kind' }],
      });
    }
    return encodeURIComponent(kind);
  };

  const pages = new Map<ResourceKind, z.ZodMiniType>();
  const pageOf = (kind: ResourceKind): z.ZodMiniType => {
    let schema = pages.get(kind);
    if (schema === undefined) pages.set(kind, (schema = Page(RECORD_SCHEMAS[kind])));
    return schema;
  };
  const keyHeader = (key: string): Record<string, string> => ({ 'idempotency-key': key });
  const ifMatch = (version: number | undefined): Record<string, string> => (version === undefined ? {} : { 'if-match': `"${version}"` });

  return {
    // Each answer is parsed here, at the network boundary; the client's validated host does not parse it again.
    list: parsesItsResult(async <K extends ResourceKind>(kind: K, query: Query) =>
      await call({ method: 'GET', path: checkKind(kind), params: queryParams(query) }, pageOf(kind)) as PageOf<RecordOf<K>>),
    // A template's revision is `?revision=N` (DESIGN §5); 404 (no such template or revision) is null.
    get: parsesItsResult(async <K extends ResourceKind>(kind: K, id: string, options?: GetOptions) => {
      const path = `${checkKind(kind)}/${encodeURIComponent(id)}`;
      const revision = revisionAsked(kind, options);
      const params = revision === undefined ? {} : { params: new URLSearchParams({ revision: String(revision) }) };
      return await callOrNull({ method: 'GET', path, accept: [404], ...params }, RECORD_SCHEMAS[kind]) as RecordOf<K> | null;
    }),
    save: parsesItsResult(async <K extends ResourceKind>(kind: K, record: RecordInputOf<K>, opts: SaveOptions) =>
      await call({
        method: 'PUT', path: `${checkKind(kind)}/${encodeURIComponent(record.id)}`, json: record,
        headers: { ...keyHeader(opts.idempotencyKey), ...ifMatch(opts.baseVersion) },
      }, RECORD_SCHEMAS[kind]) as RecordOf<K>),
    // The route and the answer's schema come from the command map; the answer is parsed here, once.
    command: parsesItsResult(async <N extends CommandName>(name: N, payload: CommandPayload<N>, opts: CommandOptions) => {
      if (!(COMMANDS as readonly string[]).includes(name)) {
        throw new FiregridError('validation', TEXT[localeOf()].unknownCommand(name), { issues: [{ path: 'name', message: 'unknown command' }] });
      }
      const request = commandRequest(name, payload, localeOf());
      return await call({
        method: 'POST', path: request.path, json: request.body,
        headers: { ...keyHeader(opts.idempotencyKey), ...ifMatch(request.ifMatch) },
      }, COMMAND_MAP[name].result) as CommandResult<N>;
    }),
    async uploadMedia(blob, meta, opts) {
      const bytes = new Uint8Array(await blob.arrayBuffer());
      const digest = hexToBytes(meta.sha256 ?? await sha256Hex(bytes));
      const type = meta.contentType ?? (blob.type === '' ? 'application/octet-stream' : blob.type);
      return await call({
        method: 'POST', path: 'media', blob: new Blob([bytes], { type }), media: true,
        headers: { ...keyHeader(opts.idempotencyKey), 'content-type': type, 'content-digest': `sha-256=:${toBase64(digest)}:` },
      }, PhotoRef);
    },
    async readMedia(ref) {
      // A contract path (`/v1/media/…`) is relative to the API root, which a proxy may serve under
      // a prefix the server does not know (`/api` → `/api/v1/media/…`); any other URL is resolved
      // as a link would be.
      const url = ref.url.startsWith('/v1/') && !ref.url.startsWith(`${basePath}/v1/`) ? `${base}${ref.url}` : new URL(ref.url, `${base}/`).href;
      const what = `GET ${ref.url}`;
      const answer = await exchange({ method: 'GET', path: ref.url, media: true }, url, what);
      if (await sha256Hex(answer.bytes) !== ref.sha256) {
        throw new FiregridHttpError('host-response', TEXT[localeOf()].digest(what), {
          status: answer.status, issues: [{ path: 'sha256', message: `expected ${ref.sha256}` }],
        });
      }
      return new Blob([answer.bytes], { type: answer.headers.get('content-type') ?? '' });
    },
  };
}
