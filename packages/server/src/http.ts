/**
 * HTTP plumbing of the reference server: RFC 9457 problems, bounded body reading, the locale of a
 * request, CORS and the few response helpers every route uses.
 * @module
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Issue, Locale } from '@firegrid/core';

/** A message in both locales; {@link pick} chooses one. */
export interface Text {
  'zh-CN': string;
  en: string;
}

/** Builds a {@link Text}. */
export const text = (zh: string, en: string): Text => ({ 'zh-CN': zh, en });

/** The message of `t` in `locale`. */
export const pick = (t: Text, locale: Locale): string => t[locale];

const TITLES: Readonly<Record<number, Text>> = {
  400: text('请求无效', 'Bad request'),
  401: text('未认证', 'Unauthorized'),
  403: text('无权限', 'Forbidden'),
  404: text('未找到', 'Not found'),
  405: text('不支持该方法', 'Method not allowed'),
  409: text('冲突', 'Conflict'),
  413: text('请求体过大', 'Content too large'),
  415: text('不支持的内容类型', 'Unsupported media type'),
  422: text('无法处理的内容', 'Unprocessable content'),
  429: text('请求过于频繁', 'Too many requests'),
  500: text('服务器内部错误', 'Internal server error'),
  501: text('尚未实现', 'Not implemented'),
};

/** The `type` URI of a problem with this slug. */
export const problemType = (slug: string): string => `urn:firegrid:problem:${slug}`;

/** What a problem carries besides status and detail. */
export interface ProblemOptions {
  /** Field paths and messages (`rows[3].person.phone`). */
  errors?: readonly Issue[];
  /** Extension members (`currentVersion`, `code`, `current`). */
  extra?: Record<string, unknown>;
  /** Response headers (`Retry-After`, `Allow`). */
  headers?: Record<string, string>;
}

/**
 * An error that becomes an `application/problem+json` response. Thrown anywhere below a route;
 * the top level turns it into the response (and a database transaction around it rolls back).
 */
export class HttpError extends Error {
  readonly status: number;
  readonly slug: string;
  readonly detail: Text;
  readonly errors: readonly Issue[];
  readonly extra: Record<string, unknown>;
  readonly headers: Record<string, string>;

  constructor(status: number, slug: string, detail: Text, options: ProblemOptions = {}) {
    super(detail.en);
    this.name = 'HttpError';
    this.status = status;
    this.slug = slug;
    this.detail = detail;
    this.errors = options.errors ?? [];
    this.extra = options.extra ?? {};
    this.headers = options.headers ?? {};
  }
}

/** A response ready to send (and to store for an idempotent replay). */
export interface Reply {
  status: number;
  headers: Record<string, string>;
  body: Buffer;
}

/** A JSON reply. */
export function jsonReply(status: number, value: unknown, headers: Record<string, string> = {}): Reply {
  return {
    status,
    headers: { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store', ...headers },
    body: Buffer.from(JSON.stringify(value)),
  };
}

/** The problem document of an {@link HttpError}, in `locale`. */
export function problemBody(error: HttpError, locale: Locale, instance: string): Record<string, unknown> {
  const title = TITLES[error.status] ?? TITLES[error.status >= 500 ? 500 : 400];
  return {
    type: problemType(error.slug),
    title: title === undefined ? String(error.status) : pick(title, locale),
    status: error.status,
    detail: pick(error.detail, locale),
    instance,
    ...(error.errors.length > 0 ? { errors: error.errors } : {}),
    ...error.extra,
  };
}

/** The reply of an {@link HttpError}. */
export function problemReply(error: HttpError, locale: Locale, instance: string): Reply {
  return {
    status: error.status,
    headers: {
      'content-type': 'application/problem+json; charset=utf-8',
      'cache-control': 'no-store',
      'content-language': locale,
      ...error.headers,
    },
    body: Buffer.from(JSON.stringify(problemBody(error, locale, instance))),
  };
}

/** Writes a reply. */
export function send(res: ServerResponse, reply: Reply, extraHeaders: Record<string, string> = {}): void {
  if (res.headersSent) return;
  res.writeHead(reply.status, {
    'x-content-type-options': 'nosniff',
    ...reply.headers,
    ...extraHeaders,
    'content-length': String(reply.body.length),
  });
  res.end(reply.body);
}

/**
 * The locale of a request from `Accept-Language`: the first language by preference that is
 * Chinese (→ zh-CN) or English (→ en); zh-CN when the header names neither.
 * @example
 * localeOf('en-US,en;q=0.9,zh;q=0.8');   // 'en'
 */
export function localeOf(header: string | undefined): Locale {
  if (header === undefined) return 'zh-CN';
  const ranges = header.split(',').map((part, index) => {
    const [tag = '', ...params] = part.trim().split(';');
    const q = params.map((p) => /^\s*q=([0-9.]+)\s*$/.exec(p)?.[1]).find((v) => v !== undefined);
    return { tag: tag.trim().toLowerCase(), q: q === undefined ? 1 : Number(q), index };
  }).filter((r) => r.tag !== '' && r.q > 0)
    .sort((a, b) => b.q - a.q || a.index - b.index);
  for (const { tag } of ranges) {
    if (tag === 'zh' || tag.startsWith('zh-')) return 'zh-CN';
    if (tag === 'en' || tag.startsWith('en-')) return 'en';
  }
  return 'zh-CN';
}

/**
 * Reads a request body of at most `limit` bytes. Over the limit it fails with 413 as soon as
 * `Content-Length` or the bytes received say so, without buffering the rest; the rest is drained
 * (and dropped) so the client can finish sending and read the answer.
 */
export function readBody(req: IncomingMessage, limit: number, what: Text): Promise<Buffer> {
  const tooLarge = (): HttpError => new HttpError(413, 'too-large', text(
    `${what['zh-CN']}超过 ${formatBytes(limit)} 的上限`,
    `${what.en} is larger than the limit of ${formatBytes(limit)}`,
  ), { extra: { limit }, headers: { connection: 'close' } });
  const declared = Number(req.headers['content-length']);
  if (Number.isFinite(declared) && declared > limit) {
    req.resume();
    return Promise.reject(tooLarge());
  }
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let settled = false;
    req.on('data', (chunk: Buffer) => {
      if (settled) return;
      size += chunk.length;
      if (size > limit) {
        settled = true;
        chunks.length = 0;
        reject(tooLarge());
        return;
      }
      chunks.push(chunk);
    });
    req.on('end', () => {
      if (settled) return;
      settled = true;
      resolve(Buffer.concat(chunks));
    });
    req.on('error', (error) => {
      if (settled) return;
      settled = true;
      reject(error);
    });
  });
}

function formatBytes(n: number): string {
  if (n >= 1024 * 1024 && n % (1024 * 1024) === 0) return `${n / (1024 * 1024)} MiB`;
  if (n >= 1_000_000 && n % 1_000_000 === 0) return `${n / 1_000_000} MB`;
  return `${n} bytes`;
}

/** Headers a browser may send cross-origin (DESIGN §5). */
export const CORS_ALLOW_HEADERS = ['Authorization', 'Content-Type', 'Idempotency-Key', 'If-Match', 'If-None-Match', 'Content-Digest', 'Accept-Language'];
/** Headers a browser script may read cross-origin. */
export const CORS_EXPOSE_HEADERS = ['ETag', 'Location', 'Retry-After', 'Content-Digest', 'Idempotency-Replayed'];

/**
 * CORS headers for a request from `origin` when it is one of `allowed` (or `allowed` has `*`);
 * none otherwise, so the browser keeps the response from the page.
 */
export function corsHeaders(origin: string | undefined, allowed: readonly string[], preflight: boolean): Record<string, string> {
  if (origin === undefined || !(allowed.includes('*') || allowed.includes(origin))) return {};
  const headers: Record<string, string> = {
    'access-control-allow-origin': origin,
    vary: 'Origin',
    'access-control-expose-headers': CORS_EXPOSE_HEADERS.join(', '),
  };
  if (preflight) {
    headers['access-control-allow-methods'] = 'GET, PUT, POST, OPTIONS';
    headers['access-control-allow-headers'] = CORS_ALLOW_HEADERS.join(', ');
    headers['access-control-max-age'] = '600';
  }
  return headers;
}

/** `"3"`, `W/"3"` or `3` → 3; anything else is a 400 naming the header. */
export function parseIfMatch(header: string | undefined): number | undefined {
  if (header === undefined) return undefined;
  const m = /^\s*(?:W\/)?"?(\d{1,15})"?\s*$/.exec(header);
  if (m?.[1] === undefined) {
    throw new HttpError(400, 'bad-header', text(
      `If-Match 应为记录版本号，如 "3"，收到的是 ${JSON.stringify(header)}`,
      `If-Match must be the record's version, e.g. "3"; got ${JSON.stringify(header)}`,
    ), { errors: [{ path: 'If-Match', message: 'not a version' }] });
  }
  return Number(m[1]);
}

/** The ETag of a record version. */
export const etagOf = (version: number): string => `"${version}"`;

/** The `Idempotency-Key` of a write, which every write must carry (DESIGN §4). */
export function requireIdempotencyKey(req: IncomingMessage): string {
  const key = req.headers['idempotency-key'];
  const value = Array.isArray(key) ? key[0] : key;
  if (value === undefined || value.trim() === '' || value.length > 200) {
    throw new HttpError(400, 'idempotency-key-required', text(
      '写入请求须带 Idempotency-Key 头（每次写入一个，重试时保持不变，不超过 200 个字符）',
      'A write needs an Idempotency-Key header (one per write, the same on every retry, at most 200 characters)',
    ), { errors: [{ path: 'Idempotency-Key', message: value === undefined ? 'missing' : 'empty or too long' }] });
  }
  return value.trim();
}

/** One value of a request header (the first when repeated). */
export function header(req: IncomingMessage, name: string): string | undefined {
  const v = req.headers[name.toLowerCase()];
  return Array.isArray(v) ? v[0] : v;
}
