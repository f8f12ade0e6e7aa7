/**
 * What every check gets: the server, the tokens, the grids, and helpers that make a request and
 * judge the answer against the contract (status, ETag, the read schema of the kind).
 * @module
 */
import { COMMAND_MAP, RECORD_SCHEMAS, checkWith, newId } from '@firegrid/core';
import type { ResourceKind } from '@firegrid/core';
import { CheckFailure, described, expect, preview } from './http.js';
import type { Api, Reply } from './http.js';

/** A record as the server returned it (validated with the kind's read schema, unknown keys kept). */
export type Rec = Record<string, unknown> & { id: string; version: number };

/** A query string value: one value, several (repeated parameter), or left out. */
export type QueryValue = string | number | boolean | readonly string[] | undefined;

/** The state of one run, shared by its checks. */
export interface Ctx {
  api: Api;
  /** The token with scope `*`. */
  token: string;
  tokenLimited: string | undefined;
  tokenOtherTenant: string | undefined;
  /** A token of the listing authority (role `government`, 政府/安委办) of the suite's grid. */
  tokenGovernment: string | undefined;
  /** A grid the limited token covers; the suite's records are made in it. */
  grid: string;
  /** A grid the limited token does not cover. */
  otherGrid: string;
  /** An origin the server allows (for the CORS check). */
  origin: string | undefined;
  /** Short and unique to this run: put in every text the suite writes. */
  tag: string;
  /** The clock of the machine running the suite. */
  now: () => Date;
  /** Memoizes a setup shared by several checks; a failed setup fails every check that needs it. */
  once<T>(key: string, make: () => Promise<T>): Promise<T>;
}

/** A JSON body with the record's id. */
export type Body = Readonly<Record<string, unknown>> & { readonly id: string };

/** Options of a write. */
export interface WriteOptions {
  /** Another token than the main one (`null`: none). */
  token?: string | null;
  /** The Idempotency-Key; a fresh one by default. */
  key?: string;
  /** The version for `If-Match`. */
  ifMatch?: number;
  headers?: Record<string, string>;
}

/** `PUT /v1/{kind}/{id}` with a fresh Idempotency-Key unless one is given. */
export function put(ctx: Ctx, kind: ResourceKind, record: Body, options: WriteOptions = {}): Promise<Reply> {
  const headers: Record<string, string> = { 'idempotency-key': options.key ?? newId(), ...options.headers };
  if (options.ifMatch !== undefined) headers['if-match'] = `"${options.ifMatch}"`;
  return ctx.api.request('PUT', `/v1/${kind}/${encodeURIComponent(record.id)}`, {
    token: options.token === undefined ? ctx.token : options.token,
    body: record,
    headers,
  });
}

/** `GET /v1/{kind}/{id}`. */
export function get(ctx: Ctx, kind: ResourceKind, id: string, token: string | null = ctx.token): Promise<Reply> {
  return ctx.api.request('GET', `/v1/${kind}/${encodeURIComponent(id)}`, { token });
}

/** `GET /v1/{kind}?…`; a list value repeats the parameter. */
export function list(ctx: Ctx, kind: ResourceKind, query: Record<string, QueryValue>, token: string | null = ctx.token): Promise<Reply> {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value === undefined) continue;
    if (Array.isArray(value)) for (const v of value as readonly string[]) params.append(key, v);
    else params.append(key, String(value));
  }
  const qs = params.toString();
  return ctx.api.request('GET', `/v1/${kind}${qs === '' ? '' : `?${qs}`}`, { token });
}

/**
 * A transition of a hazard, at the route core's command map gives `hazards.transition`. The body
 * is sent as given (a check may send one a server must refuse).
 */
export function transition(ctx: Ctx, hazardId: string, body: Record<string, unknown>, options: WriteOptions = {}): Promise<Reply> {
  const path = COMMAND_MAP['hazards.transition'].route.path.replace('{hazardId}', encodeURIComponent(hazardId));
  return ctx.api.request('POST', `/v1/${path}`, {
    token: options.token === undefined ? ctx.token : options.token,
    body,
    headers: { 'idempotency-key': options.key ?? newId(), ...options.headers },
  });
}

const singular = (kind: ResourceKind): string => (kind === 'activities' ? 'activity' : kind.replace(/s$/, ''));

/**
 * Checks a reply that carries one record: one of `statuses`, a body the kind's read schema
 * accepts, and `ETag: "<version>"` (unless `etag` is false). Returns the record.
 */
export function expectRecord(reply: Reply, kind: ResourceKind, statuses: number | readonly number[], why: string, etag = true): Rec {
  const allowed = typeof statuses === 'number' ? [statuses] : statuses;
  expect(allowed.includes(reply.status), () => `${why}: expected ${allowed.join(' or ')}, got ${described(reply)}: ${preview(reply)}`);
  expect(reply.json !== undefined, () => `${why}: ${described(reply)} did not answer JSON: ${preview(reply)}`);
  const parsed = checkWith(RECORD_SCHEMAS[kind], reply.json, { locale: 'en' });
  if (!parsed.ok) throw new CheckFailure(`${why}: ${described(reply)} returned a ${singular(kind)} the read schema refuses: ${parsed.message}`);
  // The lenient schema drops unknown keys; checks compare what the server really sent.
  const rec = reply.json as Rec;
  if (etag) {
    const tag = reply.headers.get('etag');
    expect(tag === `"${rec.version}"`, () => `${why}: ${described(reply)} has ETag ${tag ?? '(none)'}, expected "${rec.version}" (the version in quotes)`);
  }
  return rec;
}

/** Creates a record with the main token (or `token`) and checks the 201. */
export async function create(ctx: Ctx, kind: ResourceKind, record: Body, token: string = ctx.token): Promise<Rec> {
  const reply = await put(ctx, kind, record, { token });
  const rec = expectRecord(reply, kind, 201, `creating a ${singular(kind)} (PUT of a new id)`);
  expect(rec.id === record.id, () => `PUT ${reply.path} returned id ${rec.id}`);
  expect(rec.version === 1, () => `a new ${singular(kind)} should be stored as version 1, got version ${rec.version}`);
  return rec;
}

/** A page as the contract defines it. */
export interface PageOf {
  items: Rec[];
  nextCursor: string | null;
}

/** Checks a list reply: 200 and `{ items, nextCursor }` with every item valid for the kind. */
export function expectPage(reply: Reply, kind: ResourceKind, why: string): PageOf {
  expect(reply.status === 200, () => `${why}: expected 200, got ${described(reply)}: ${preview(reply)}`);
  const body = reply.json as { items?: unknown; nextCursor?: unknown } | undefined;
  expect(body !== undefined && typeof body === 'object' && Array.isArray(body.items), () => `${why}: ${described(reply)} is not { items, nextCursor }: ${preview(reply)}`);
  const items = body.items as unknown[];
  expect(body.nextCursor === null || (typeof body.nextCursor === 'string' && body.nextCursor !== ''), () =>
    `${why}: ${described(reply)}: nextCursor must be a non-empty string or null, got ${JSON.stringify(body.nextCursor)}`);
  items.forEach((item, i) => {
    const parsed = checkWith(RECORD_SCHEMAS[kind], item, { locale: 'en' });
    if (!parsed.ok) throw new CheckFailure(`${why}: ${described(reply)}: items[${i}] is a ${singular(kind)} the read schema refuses: ${parsed.message}`);
  });
  return { items: items as Rec[], nextCursor: body.nextCursor };
}

/** Everything a list walk saw. */
export interface Walk {
  items: Rec[];
  pages: number;
}

/**
 * Reads every page of a query, `limit` at a time, checking that no page is larger than `limit`,
 * only the last page ends the walk, and no record comes twice.
 */
export async function walk(ctx: Ctx, kind: ResourceKind, query: Record<string, QueryValue>, limit: number, token: string | null = ctx.token): Promise<Walk> {
  const items: Rec[] = [];
  const seen = new Set<string>();
  let cursor: string | undefined;
  for (let pages = 1; ; pages++) {
    expect(pages <= 200, 'the list did not end after 200 pages: nextCursor never became null');
    const reply = await list(ctx, kind, { ...query, limit, cursor }, token);
    const page = expectPage(reply, kind, `page ${pages} of a list`);
    expect(page.items.length <= limit, () => `${described(reply)} returned ${page.items.length} items with limit=${limit}`);
    for (const item of page.items) {
      expect(!seen.has(item.id), () => `${described(reply)}: ${item.id} was already on an earlier page (duplicate across pages)`);
      seen.add(item.id);
      items.push(item);
    }
    if (page.nextCursor === null) return { items, pages };
    expect(page.items.length > 0, () => `${described(reply)} returned an empty page with a nextCursor`);
    cursor = page.nextCursor;
  }
}

/** `a, b and 3 more`: ids for messages. */
export function ids(records: readonly { id: string }[], max = 3): string {
  const shown = records.slice(0, max).map((r) => r.id).join(', ');
  return records.length > max ? `${shown} and ${records.length - max} more` : shown === '' ? '(none)' : shown;
}

/** Checks that the listed records are exactly `expected` (by id, any order). */
export function expectSameIds(found: readonly { id: string }[], expected: readonly { id: string }[], what: string): void {
  const want = new Set(expected.map((r) => r.id));
  const got = new Set(found.map((r) => r.id));
  const missing = expected.filter((r) => !got.has(r.id));
  const extra = found.filter((r) => !want.has(r.id));
  expect(missing.length === 0 && extra.length === 0, () =>
    `${what}: ${missing.length > 0 ? `missing ${ids(missing)}` : ''}${missing.length > 0 && extra.length > 0 ? '; ' : ''}${extra.length > 0 ? `should not list ${ids(extra)}` : ''}`);
}

/** Resolves after `ms` milliseconds. */
export const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));
