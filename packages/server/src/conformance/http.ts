/**
 * The conformance suite's HTTP client: one small wrapper over `fetch` that keeps what a check
 * needs to judge an answer (status, headers, raw text, parsed JSON) and never throws on an
 * HTTP status. Transport failures are thrown as {@link CheckFailure}s that say what was sent.
 * @module
 */

/** What a check found wrong; its message is printed after `✗ name:`. */
export class CheckFailure extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'CheckFailure';
  }
}

/** Throws a {@link CheckFailure} with `message` unless `condition` holds. */
export function expect(condition: unknown, message: string | (() => string)): asserts condition {
  if (!condition) throw new CheckFailure(typeof message === 'function' ? message() : message);
}

/** A `fetch` as the suite uses it (the global one by default; a test may pass its own). */
export type FetchLike = (input: string, init?: RequestInit) => Promise<Response>;

/** One answer of the server under test. */
export interface Reply {
  method: string;
  /** The path and query asked for, for messages. */
  path: string;
  status: number;
  headers: Headers;
  /** The media type of the body, lower case, without parameters (`application/problem+json`). */
  contentType: string;
  bytes: Uint8Array;
  text: string;
  /** The body parsed as JSON, or `undefined` when it is not JSON. */
  json: unknown;
}

/** Options of one request. */
export interface RequestOptions {
  /** The bearer token; `null` sends no `Authorization` header at all. */
  token: string | null;
  /** A JSON value (serialised here) or raw bytes (sent as they are). */
  body?: unknown;
  headers?: Record<string, string>;
}

/** Talks to one server. */
export interface Api {
  readonly baseUrl: string;
  request(method: string, path: string, options: RequestOptions): Promise<Reply>;
  /** Resolves a URL the server gave (possibly relative, like a PhotoRef's `url`) against the base. */
  resolve(url: string): string;
}

/** `ab…yz (123 bytes)`: a short view of a body for messages. */
export function preview(reply: Pick<Reply, 'text' | 'bytes'>, max = 200): string {
  const text = reply.text.replace(/\s+/g, ' ').trim();
  if (text === '') return '(empty body)';
  return text.length > max ? `${text.slice(0, max)}… (${reply.bytes.length} bytes)` : text;
}

/** `GET /v1/hazards → 200`, for messages. */
export function described(reply: Pick<Reply, 'method' | 'path' | 'status'>): string {
  return `${reply.method} ${reply.path} → ${reply.status}`;
}

/** Creates the client. `baseUrl` may end with a slash or not; paths start with `/v1`. */
export function createApi(baseUrl: string, fetchImpl: FetchLike, timeoutMs: number): Api {
  const base = baseUrl.replace(/\/+$/, '');
  const resolve = (url: string): string => new URL(url, `${base}/`).href;
  return {
    baseUrl: base,
    resolve,
    async request(method, path, options) {
      const headers: Record<string, string> = { accept: 'application/json, application/problem+json', ...options.headers };
      if (options.token !== null) headers.authorization = `Bearer ${options.token}`;
      let body: BodyInit | undefined;
      if (options.body instanceof Uint8Array) {
        body = options.body as Uint8Array<ArrayBuffer>;
      } else if (options.body !== undefined) {
        body = JSON.stringify(options.body);
        headers['content-type'] ??= 'application/json';
      }
      const url = /^https?:/.test(path) ? path : `${base}${path}`;
      let response: Response;
      let bytes: Uint8Array;
      try {
        response = await fetchImpl(url, { method, headers, body, signal: AbortSignal.timeout(timeoutMs) });
        bytes = new Uint8Array(await response.arrayBuffer());
      } catch (e) {
        const reason = e instanceof Error ? `${e.name}: ${e.message}${e.cause instanceof Error ? ` (${e.cause.message})` : ''}` : String(e);
        throw new CheckFailure(`${method} ${path} got no HTTP answer: ${reason}`);
      }
      const text = new TextDecoder().decode(bytes);
      const contentType = (response.headers.get('content-type') ?? '').split(';')[0]?.trim().toLowerCase() ?? '';
      let json: unknown;
      if (contentType.includes('json') || /^\s*[{[]/.test(text)) {
        try {
          json = JSON.parse(text);
        } catch {
          json = undefined;
        }
      }
      return { method, path: url.startsWith(base) ? url.slice(base.length) : url, status: response.status, headers: response.headers, contentType, bytes, text, json };
    },
  };
}
