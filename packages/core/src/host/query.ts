/**
 * The list query of the REST contract (DESIGN §5) and a pure helper that applies it to records
 * in memory: filter, sort and cursor paging. `memoryDataPort` uses it, and so will the offline
 * cache, so a list read from memory, from IndexedDB or from a server pages the same way.
 * @module
 */
import * as z from 'zod/mini';
import { FiregridError } from '../errors.js';
import { SUPERVISION_STATES, deadlineEnd, effectiveDeadline, isOverdue, supervisionState, urgencyKey } from '../hazard/deadlines.js';
import type { LifecycleHazard } from '../hazard/lifecycle.js';
import { HAZARD_CATEGORY_CODES, HAZARD_STATUSES, PLACE_KINDS, SEVERITIES } from '../names.js';
import type { HazardStatus, Severity } from '../names.js';
import type { Page } from '../schema/page.js';
import { idSuffixOfReference } from '../reference.js';

/** The orders a list can be sorted in (DESIGN §5). */
export const SORTS = ['urgency', 'deadline', 'updatedAt', 'name'] as const;
/** One of {@link SORTS}. */
export type Sort = (typeof SORTS)[number];

/** Items per page when a query names no `limit`. */
export const DEFAULT_LIMIT = 50;
/** The largest `limit` a query may ask for. */
export const MAX_LIMIT = 500;

const oneOrMany = <T extends z.core.SomeType>(schema: T) => z.union([schema, z.array(schema)]);

/**
 * A list query: the query parameters of `GET /v1/{kind}` (DESIGN §5). Unknown keys are refused
 * so a misspelt filter never silently widens a list. `status`, `category`, `severity`, `kind`
 * and `scope` take one value or a list (any of them matches).
 *
 * - `gridId` matches a record's grid exactly; `scope` is an OrgUnit code prefix (`*` is the
 *   whole tenant). Grid ids ARE OrgUnit codes (the 网格 level of the path), so a scope such as
 *   `'330102'` matches every grid of that county. A worker matches through any of his
 *   `gridIds`; a record without a grid of its own takes the grid of its place.
 * - `q` is a case-insensitive text search over name, title, description, address and a
 *   person's name. A `q` that reads as a reference number (`XXXX-XXXX`, see `referenceOf`;
 *   lowercase, without the dash, `O` for 0 and `I`/`L` for 1 accepted) also matches the record
 *   whose id ends with the 40 bits it stands for, so a resident's quoted number finds his report.
 * - `supervision` keeps hazards whose 挂牌督办 is in one of these states (`supervisionState`):
 *   `requested` (报请, not yet listed), `listed` (under supervision), `lifted` (摘牌/销案).
 * - `overdue: true` keeps open hazards past their deadline or supervision deadline (the rule
 *   of `isOverdue`: a calendar-date deadline runs to the end of that day, UTC+8); `false` keeps
 *   the others.
 * - `kind` is the place kind: a place's own, the kinds a template applies to, or the kind of a
 *   record's place.
 * - `placeId` keeps the records of one place: hazards and inspections by `placeId`, captains by
 *   `buildingId`, the buildings of a compound by `parentId`.
 * - `assignee` keeps the hazards whose assignee (`responsible.personId`) is that user; `me` stands
 *   for the caller (a port without an actor refuses it).
 * - `updatedSince` keeps records updated at or after that instant.
 * - Without `sort` a list is in id order — creation order, as Firegrid's ids are UUIDv7 — which
 *   stays stable while records change; `updatedAt` is newest first; `deadline` soonest first,
 *   none last; `name` by name (a hazard's title, a captain's name) in zh-CN collation; `urgency` in the order of `urgencyKey` (overdue and supervised first,
 *   then overdue, due soon, later, no deadline, closed; major before candidate before general).
 */
export const Query = z.strictObject({
  cursor: z.optional(z.string()),
  limit: z.optional(z.int().check(z.minimum(1), z.maximum(MAX_LIMIT))),
  q: z.optional(z.string()),
  gridId: z.optional(z.string()),
  scope: z.optional(oneOrMany(z.string())),
  status: z.optional(oneOrMany(z.enum(HAZARD_STATUSES))),
  category: z.optional(oneOrMany(z.enum(HAZARD_CATEGORY_CODES))),
  severity: z.optional(oneOrMany(z.enum(SEVERITIES))),
  overdue: z.optional(z.boolean()),
  supervision: z.optional(oneOrMany(z.enum(SUPERVISION_STATES))),
  placeId: z.optional(z.string()),
  kind: z.optional(oneOrMany(z.enum(PLACE_KINDS))),
  updatedSince: z.optional(z.iso.datetime({ offset: true })),
  sort: z.optional(z.enum(SORTS)),
  assignee: z.optional(z.string().check(z.minLength(1))),
});
/** A list query (see {@link Query}). */
export type Query = z.infer<typeof Query>;

/** What a place contributes to filters of records that point to it. */
export interface PlaceFacts {
  gridId?: string;
  kind?: string;
}

/** What the query helper needs besides the records. */
export interface QueryContext {
  /** The clock, for `overdue` and `urgency`. */
  now: Date;
  /** Looks a place up by id, so records with a `placeId` can be filtered by grid, scope and kind. */
  placeOf?: (placeId: string) => PlaceFacts | undefined;
  /** The caller's user id, for `assignee: 'me'`. */
  me?: string | undefined;
}

/**
 * The user `query.assignee` names: itself, or for `me` the caller.
 * @throws FiregridError `rejected` at `assignee` for `me` without a caller.
 */
export function assigneeOf(query: Query, me: string | undefined): string | undefined {
  if (query.assignee !== 'me') return query.assignee;
  if (me === undefined || me === '') {
    throw new FiregridError('rejected', 'assignee=me needs a signed-in caller; this port has no actor (name the user id instead).', {
      issues: [{ path: 'assignee', message: 'me without a caller' }],
    });
  }
  return me;
}

type Rec = Readonly<Record<string, unknown>>;
type Key = (string | number)[];

const str = (v: unknown): string | undefined => (typeof v === 'string' ? v : undefined);
const list = <T>(v: T | readonly T[] | undefined): readonly T[] | undefined =>
  v === undefined ? undefined : Array.isArray(v) ? (v as readonly T[]) : [v as T];
const time = (v: unknown): number | undefined => {
  const t = typeof v === 'string' ? Date.parse(v) : NaN;
  return Number.isNaN(t) ? undefined : t;
};

/** The place a record belongs to: its `placeId`, a captain's `buildingId`, a building's compound (`parentId`). */
function placeIdOf(rec: Rec): string | undefined {
  return str(rec.placeId) ?? str(rec.buildingId) ?? str(rec.parentId);
}

/**
 * The grids (OrgUnit codes) a record belongs to: its own `gridId`, a worker's `gridIds`, a score
 * configuration's `scope`, else the grid of its place.
 */
function gridsOf(rec: Rec, ctx: QueryContext): string[] {
  const own = [rec.gridId, rec.scope, ...(Array.isArray(rec.gridIds) ? (rec.gridIds as unknown[]) : [])]
    .filter((g): g is string => typeof g === 'string');
  if (own.length > 0) return own;
  const placeId = placeIdOf(rec);
  const grid = placeId === undefined ? undefined : ctx.placeOf?.(placeId)?.gridId;
  return grid === undefined ? [] : [grid];
}

/** Place kinds of a record: a place's own, a template's `appliesTo.kinds`, else its place's. */
function placeKindsOf(rec: Rec, ctx: QueryContext): string[] {
  const own = str(rec.kind);
  if (own !== undefined) return [own];
  const applies = rec.appliesTo !== null && typeof rec.appliesTo === 'object' ? (rec.appliesTo as Rec).kinds : undefined;
  if (Array.isArray(applies)) return applies.filter((k): k is string => typeof k === 'string');
  const placeId = placeIdOf(rec);
  const kind = placeId === undefined ? undefined : ctx.placeOf?.(placeId)?.kind;
  return kind === undefined ? [] : [kind];
}

/** The record as the deadline rules read it; only hazards carry `status`, `deadline` and `supervision`. */
function asHazard(rec: Rec): LifecycleHazard | undefined {
  const { status, severity, deadline, supervision } = rec;
  if (typeof status !== 'string' || typeof severity !== 'string') return undefined;
  return {
    status: status as HazardStatus,
    severity: severity as Severity,
    deadline: str(deadline),
    supervision: supervision !== null && typeof supervision === 'object' ? supervision as LifecycleHazard['supervision'] : undefined,
    history: [],
  };
}

function deadlineOf(rec: Rec): number | undefined {
  const hazard = asHazard(rec);
  if (hazard !== undefined) return effectiveDeadline(hazard);
  const own = str(rec.deadline);
  return own === undefined ? undefined : deadlineEnd(own);
}

function overdue(rec: Rec, now: Date): boolean {
  const hazard = asHazard(rec);
  return hazard !== undefined && isOverdue(hazard, now);
}

function localised(v: unknown): string[] {
  if (typeof v === 'string') return [v];
  if (v !== null && typeof v === 'object' && !Array.isArray(v)) {
    return Object.values(v as Rec).filter((x): x is string => typeof x === 'string');
  }
  return [];
}

function textOf(rec: Rec): string {
  const person = rec.person !== null && typeof rec.person === 'object' ? (rec.person as Rec).name : undefined;
  return [rec.name, rec.title, rec.description, rec.address, person]
    .flatMap(localised)
    .join('\n')
    .normalize('NFKC')
    .toLowerCase();
}

/** True when `q` is a reference number (`referenceOf`) and the record's id ends with the suffix it stands for. */
function isReferenced(rec: Rec, q: string): boolean {
  const suffix = idSuffixOfReference(q);
  return suffix !== undefined && (str(rec.id) ?? '').replace(/-/g, '').toLowerCase().endsWith(suffix);
}

/**
 * Whether one record passes every filter of a query (paging and sort are ignored).
 * @example
 * matchesQuery(hazard, { status: ['reported', 'verified'], scope: '330102' }, { now: new Date() })
 */
export function matchesQuery(record: object, query: Query, ctx: QueryContext): boolean {
  const rec = record as Rec;
  if (query.gridId !== undefined && !gridsOf(rec, ctx).includes(query.gridId)) return false;
  const scopes = list(query.scope);
  if (scopes !== undefined && !scopes.includes('*')) {
    const grids = gridsOf(rec, ctx);
    if (!grids.some((grid) => scopes.some((prefix) => grid.startsWith(prefix)))) return false;
  }
  const statuses = list(query.status);
  if (statuses !== undefined && !statuses.includes(rec.status as HazardStatus)) return false;
  const categories = list(query.category);
  if (categories !== undefined && !categories.some((c) => c === rec.category)) return false;
  const severities = list(query.severity);
  if (severities !== undefined && !severities.some((s) => s === rec.severity)) return false;
  const kinds = list(query.kind);
  if (kinds !== undefined) {
    const own = placeKindsOf(rec, ctx);
    if (!kinds.some((k) => own.includes(k))) return false;
  }
  if (query.placeId !== undefined && placeIdOf(rec) !== query.placeId) return false;
  if (query.overdue !== undefined && overdue(rec, ctx.now) !== query.overdue) return false;
  const supervisions = list(query.supervision);
  if (supervisions !== undefined) {
    const hazard = asHazard(rec);
    const state = hazard === undefined ? undefined : supervisionState(hazard);
    if (state === undefined || !supervisions.includes(state)) return false;
  }
  if (query.assignee !== undefined) {
    const responsible = rec.responsible !== null && typeof rec.responsible === 'object' ? rec.responsible as Rec : undefined;
    if (responsible?.personId === undefined || responsible.personId !== assigneeOf(query, ctx.me)) return false;
  }
  if (query.updatedSince !== undefined) {
    const updated = time(rec.updatedAt);
    if (updated === undefined || updated < (time(query.updatedSince) ?? 0)) return false;
  }
  if (query.q !== undefined && query.q.trim() !== '') {
    const text = textOf(rec);
    const words = query.q.normalize('NFKC').toLowerCase().split(/\s+/).filter((w) => w !== '');
    if (!words.every((w) => text.includes(w)) && !isReferenced(rec, query.q)) return false;
  }
  return true;
}

// Numbers that stand for "no value" must survive JSON (Infinity does not) inside a cursor.
const LAST = Number.MAX_SAFE_INTEGER;

let collator: Intl.Collator | undefined;
const compareName = (a: string, b: string): number => {
  collator ??= new Intl.Collator('zh-CN');
  return collator.compare(a, b) || (a < b ? -1 : a > b ? 1 : 0);
};
const compareRaw = (a: string | number, b: string | number): number =>
  typeof a === 'number' && typeof b === 'number' ? a - b : String(a) < String(b) ? -1 : String(a) > String(b) ? 1 : 0;

function nameOf(rec: Rec): string {
  const title = rec.title;
  if (typeof title === 'object' && title !== null) return str((title as Rec)['zh-CN']) ?? '';
  const person = rec.person !== null && typeof rec.person === 'object' ? (rec.person as Rec).name : undefined;
  return str(rec.name) ?? str(title) ?? str(person) ?? '';
}

/** The sort key of a record: a tuple that ends with the id, so the order is total. */
function keyOf(rec: Rec, sort: Sort | undefined, now: Date): Key {
  const id = str(rec.id) ?? '';
  switch (sort) {
    case 'updatedAt': return [-(time(rec.updatedAt) ?? 0), id];
    case 'deadline': return [deadlineOf(rec) ?? LAST, id];
    case 'name': return [nameOf(rec), id];
    case 'urgency': {
      const hazard = asHazard(rec);
      // Records that are not hazards have no urgency; they sort after every hazard.
      return [hazard === undefined ? '~' : urgencyKey(hazard, now), id];
    }
    case undefined: return [id];
  }
}

function compareKeys(a: Key, b: Key, sort: Sort | undefined): number {
  for (let i = 0; i < Math.max(a.length, b.length); i++) {
    const x = a[i] ?? '';
    const y = b[i] ?? '';
    const c = sort === 'name' && i === 0 ? compareName(String(x), String(y)) : compareRaw(x, y);
    if (c !== 0) return c;
  }
  return 0;
}

/**
 * Sorts records in a query's order (a new array; the input is not changed).
 */
export function sortRecords<T extends object>(records: readonly T[], sort: Sort | undefined, now: Date): T[] {
  return records
    .map((r) => ({ r, k: keyOf(r as Rec, sort, now) }))
    .sort((a, b) => compareKeys(a.k, b.k, sort))
    .map((x) => x.r);
}

/**
 * The fingerprint a list cursor carries of its query: its filters and sort (not `cursor` or
 * `limit`), so a cursor used with another query is noticed. 32-bit FNV-1a: a cursor only has to
 * notice that, not resist forgery. The reference server's cursors carry the same one.
 */
export function queryFingerprint(query: Query): string {
  const text = JSON.stringify(Object.keys(query).filter((k) => k !== 'cursor' && k !== 'limit').sort()
    .map((k) => [k, query[k as keyof Query]]));
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return (h >>> 0).toString(36);
}

/**
 * A list cursor: the query's fingerprint, the last key, and for lists that depend on the clock
 * (`sort=urgency`, `overdue`) the clock of the first page, so a hazard crossing a threshold
 * between pages is neither skipped nor listed twice.
 */
interface CursorData { f: string; k: Key; t?: number }

/** True when a list's order or filter depends on the clock (`sort=urgency`, `overdue`): its cursor carries the first page's clock. */
export const isClockedQuery = (query: Query): boolean => query.sort === 'urgency' || query.overdue !== undefined;

function toBase64Url(text: string): string {
  let binary = '';
  for (const byte of new TextEncoder().encode(text)) binary += String.fromCharCode(byte);
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

function fromBase64Url(text: string): string {
  const binary = atob(text.replace(/-/g, '+').replace(/_/g, '/'));
  return new TextDecoder().decode(Uint8Array.from(binary, (c) => c.charCodeAt(0)));
}

function encodeCursor(data: CursorData): string {
  return toBase64Url(JSON.stringify(data));
}

function decodeCursor(cursor: string, query: Query): CursorData {
  let data: unknown;
  try {
    data = JSON.parse(fromBase64Url(cursor));
  } catch {
    data = undefined;
  }
  const ok = data !== null && typeof data === 'object'
    && typeof (data as CursorData).f === 'string' && Array.isArray((data as CursorData).k)
    && (data as CursorData).k.every((x) => typeof x === 'string' || typeof x === 'number')
    && (!isClockedQuery(query) || Number.isSafeInteger((data as CursorData).t));
  if (!ok) {
    throw new FiregridError('rejected', 'The list cursor is not one this list gave out; start again without a cursor.', {
      issues: [{ path: 'cursor', message: 'not a cursor of this list' }],
    });
  }
  const { f } = data as CursorData;
  if (f !== queryFingerprint(query)) {
    throw new FiregridError('rejected', 'The list cursor belongs to a query with other filters or sort; start again without a cursor.', {
      issues: [{ path: 'cursor', message: 'belongs to another query' }],
    });
  }
  return data as CursorData;
}

/**
 * Applies a whole query to records: filters, sorts and returns one page with an opaque cursor
 * to the next. Paging is by key (the sort key of the last item, ending with its id), so records
 * added or removed between two calls cause neither duplicates nor gaps among the others.
 * Returns the input objects themselves, not copies. Throws FiregridError('rejected') for a
 * cursor that is malformed or belongs to another query.
 * @example
 * let page = applyQuery(records, { status: 'reported', limit: 20 }, { now: new Date() });
 * while (page.nextCursor) page = applyQuery(records, { status: 'reported', limit: 20, cursor: page.nextCursor }, ctx);
 */
export function applyQuery<T extends object>(records: readonly T[], query: Query, ctx: QueryContext): Page<T> {
  const limit = Math.min(query.limit ?? DEFAULT_LIMIT, MAX_LIMIT);
  assigneeOf(query, ctx.me);
  const cursor = query.cursor === undefined ? undefined : decodeCursor(query.cursor, query);
  const after = cursor?.k;
  // Every page of one listing is ordered and filtered by the clock of its first page.
  const nowMs = cursor?.t ?? ctx.now.getTime();
  const at: QueryContext = cursor?.t === undefined ? ctx : { ...ctx, now: new Date(nowMs) };
  const keyed = records
    .filter((r) => matchesQuery(r, query, at))
    .map((r) => ({ r, k: keyOf(r as Rec, query.sort, at.now) }))
    .filter((x) => after === undefined || compareKeys(x.k, after, query.sort) > 0)
    .sort((a, b) => compareKeys(a.k, b.k, query.sort));
  const page = keyed.slice(0, limit);
  const last = page[page.length - 1];
  return {
    items: page.map((x) => x.r),
    nextCursor: keyed.length > limit && last !== undefined
      ? encodeCursor({ f: queryFingerprint(query), k: last.k, ...(isClockedQuery(query) ? { t: nowMs } : {}) }) : null,
    // How many match across every page: counted on the first page, where nothing is skipped yet.
    ...(cursor === undefined ? { total: keyed.length } : {}),
  };
}
