/**
 * What the routes read of a request and the errors of reading it: a JSON body (of a JSON type,
 * bounded, not nested too deep, without reserved keys), a `Content-Digest`, the fingerprint of a
 * body for its idempotency key, and the problems of a wrong path, method or token.
 * @module
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { MAX_JSON_BYTES, canonicalJson, reservedKeyOf, sha256Hex } from '@firegrid/core';
import type { Locale } from '@firegrid/core';
import type { TokenError } from './auth.js';
import { HttpError, header, readBody, text } from './http.js';

/** The fingerprint of a request body for its idempotency key: core's SHA-256 of core's canonical JSON. */
export const fingerprint = (value: unknown): Promise<string> => sha256Hex(new TextEncoder().encode(canonicalJson(value)));

/** The sha-256 member of a `Content-Digest` header (RFC 9530), as 32 bytes. */
export function contentDigest(value: string | undefined): Buffer {
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

/**
 * The request's JSON body: refused unless its type is JSON (415), it fits {@link MAX_JSON_BYTES}
 * (413), parses (400 `bad-json`), nests at most 64 levels (400 `too-deep`) and has no reserved key
 * (400 `reserved-key`).
 */
export async function readJson(req: IncomingMessage): Promise<unknown> {
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

/** 405 naming the methods the path supports (`Allow`). */
export const methodNotAllowed = (allow: string): HttpError => new HttpError(405, 'method-not-allowed', text(
  `该地址只支持 ${allow}`, `This resource supports ${allow} only`,
), { headers: { allow } });

/** 401 for a token that is missing, malformed, forged, expired or carries unusable claims. */
export function unauthorized(e: TokenError): HttpError {
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

/** 404 for a path the server does not serve. */
export function notFoundRoute(path: string): HttpError {
  return new HttpError(404, 'not-found', text(`没有这个地址：${path}`, `There is nothing at ${path}`));
}

/** A route's request, after the URL has been read. */
export interface Req {
  req: IncomingMessage;
  res: ServerResponse;
  url: URL;
  segments: string[];
  locale: Locale;
  now: Date;
  cors: Record<string, string>;
}

/**
 * The `revision` of `GET /v1/templates/{id}?revision=N` (DESIGN §5), or undefined for the latest:
 * 400 `bad-revision` unless it is a positive integer, given once, and the kind is `templates`.
 */
export function revisionParam(kind: string, params: URLSearchParams): number | undefined {
  const values = params.getAll('revision');
  if (values.length === 0) return undefined;
  const [v] = values;
  if (kind !== 'templates') {
    throw new HttpError(400, 'bad-revision', text(
      `只有检查表模板（templates）有版本号 revision；${kind} 没有`, `Only templates have revisions; ${kind} has none`,
    ), { errors: [{ path: 'revision', message: 'templates only' }] });
  }
  if (values.length > 1 || v === undefined || !/^[1-9]\d{0,8}$/.test(v)) {
    throw new HttpError(400, 'bad-revision', text(
      `revision 须为一个正整数，收到 ${values.join(',')}`, `revision must be one positive integer; got ${values.join(',')}`,
    ), { errors: [{ path: 'revision', message: 'a positive integer' }] });
  }
  return Number(v);
}
