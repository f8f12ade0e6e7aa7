/**
 * A list in SQL: the caller's view (scope, a resident's own), the query's filters, the sort key
 * (`urgencyKey` of `@firegrid/core` computed from the stored columns) and keyset paging on the
 * sort key plus the id, with a cursor that carries core's query fingerprint.
 * @module
 */
import {
  CLOSED_STATUSES, DEFAULT_LIMIT, FiregridError, MAX_LIMIT, assigneeOf, idSuffixOfReference, isClockedQuery, queryFingerprint,
} from '@firegrid/core';
import type { HazardStatus, Page, Query, ResourceKind, Sort } from '@firegrid/core';
import type { Db } from '../db.js';
import type { ListView, StoredRecord } from '../store.js';
import { SUPERVISED_CODE } from './columns.js';

type Rec = Readonly<Record<string, unknown>>;

const obj = (v: unknown): Rec | undefined => (v !== null && typeof v === 'object' && !Array.isArray(v) ? v as Rec : undefined);

// Above every character a code can hold, so [p, p + TOP) is every string that starts with p.
const TOP = '\u{10FFFF}';
const closedList = CLOSED_STATUSES.map((s: HazardStatus) => `'${s}'`).join(', ');

/** The `urgencyKey` of `@firegrid/core`, computed in SQL from the stored columns. */
function urgencySql(now: number, soonMs: number): string {
  return `CASE WHEN r.status IS NULL OR r.severity IS NULL THEN '~' ELSE
    (CASE WHEN r.status IN (${closedList}) THEN '5'
          WHEN r.deadline_end IS NOT NULL AND ${now} > r.deadline_end THEN (CASE WHEN r.supervised = 1 THEN '0' ELSE '1' END)
          WHEN r.deadline_end IS NOT NULL AND r.deadline_end - ${now} <= ${soonMs} THEN '2'
          WHEN r.deadline_end IS NULL THEN '4' ELSE '3' END)
    || r.severity_rank
    || (CASE WHEN r.deadline_end IS NULL THEN '999999999999999'
             ELSE substr('000000000000000' || max(0, r.deadline_end), -15) END)
  END`;
}

function overdueSql(now: number): string {
  return `COALESCE((r.status IS NOT NULL AND r.severity IS NOT NULL AND r.status NOT IN (${closedList})
    AND r.deadline_end IS NOT NULL AND r.deadline_end < ${now}), 0)`;
}

/**
 * A list cursor: the query's fingerprint, the last key, and for lists that depend on the clock
 * (`sort=urgency`, `overdue`) the clock of the first page, so that a hazard crossing a threshold
 * between two pages is neither skipped nor listed twice.
 */
interface CursorData { f: string; k: (string | number)[]; t?: number }

const badCursor = (message: string): FiregridError => new FiregridError('rejected', message, {
  issues: [{ path: 'cursor', message: 'not a cursor of this list' }],
});

function decodeCursor(cursor: string, query: Query, sort: Sort | undefined): CursorData {
  let data: unknown;
  try {
    data = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    data = undefined;
  }
  const d = obj(data) as Partial<CursorData> | undefined;
  const want = sort === undefined ? ['string'] : sort === 'updatedAt' || sort === 'deadline' ? ['number', 'string'] : ['string', 'string'];
  if (d === undefined || typeof d.f !== 'string' || !Array.isArray(d.k) || d.k.length !== want.length
    || !d.k.every((x, i) => typeof x === want[i]) || (isClockedQuery(query) && !Number.isSafeInteger(d.t))) {
    throw badCursor('The list cursor is not one this list gave out; start again without a cursor.');
  }
  if (d.f !== queryFingerprint(query)) {
    throw badCursor('The list cursor belongs to a query with other filters or sort; start again without a cursor.');
  }
  return d as CursorData;
}

const encodeCursor = (data: CursorData): string => Buffer.from(JSON.stringify(data), 'utf8').toString('base64url');

const asList = <T>(v: T | readonly T[] | undefined): readonly T[] | undefined =>
  v === undefined ? undefined : Array.isArray(v) ? v as readonly T[] : [v as T];

/**
 * One page of records of a kind matching `query` (already validated), within `view`, from `db`;
 * `soonMs` is how near a deadline counts as due soon in the urgency sort.
 * @throws FiregridError `rejected` for a cursor of another list.
 */
export function listPage(db: Db, soonMs: number, tenant: string, kind: ResourceKind, query: Query, view: ListView, now: Date): Page<StoredRecord> {
  const limit = Math.min(query.limit ?? DEFAULT_LIMIT, MAX_LIMIT);
  const sort = query.sort;
  const cursor = query.cursor === undefined ? undefined : decodeCursor(query.cursor, query, sort);
  // Every page of one listing is ordered and filtered by the clock of its first page.
  const nowMs = cursor?.t ?? Math.trunc(now.getTime());
  const where: string[] = ['r.tenant = ?', 'r.kind = ?'];
  const args: unknown[] = [tenant, kind];
  const facet = (name: string, cond: string, condArgs: unknown[]): void => {
    where.push(`r.id IN (SELECT f.id FROM facets f WHERE f.tenant = ? AND f.kind = ? AND f.facet = '${name}' AND (${cond}))`);
    args.push(tenant, kind, ...condArgs);
  };
  const prefixes = (prefixesOf: readonly string[]): [string, unknown[]] => [
    prefixesOf.map(() => '(f.value >= ? AND f.value < ?)').join(' OR '),
    prefixesOf.flatMap((p) => [p, p + TOP]),
  ];

  if (view.scope !== null && view.scopeMode !== 'none') {
    if (view.scope.length === 0) return { items: [], nextCursor: null, total: 0 };
    const [cond, condArgs] = prefixes(view.scope);
    if (view.scopeMode === 'overlap') {
      facet('grid', `${cond} OR f.value = '*' OR ${view.scope.map(() => 'substr(?, 1, length(f.value)) = f.value').join(' OR ')}`,
        [...condArgs, ...view.scope]);
    } else {
      facet('grid', cond, condArgs);
    }
  }
  if (view.owner !== undefined) {
    where.push('r.owner = ?');
    args.push(view.owner);
  }
  if (query.gridId !== undefined) facet('grid', 'f.value = ?', [query.gridId]);
  const scopes = asList(query.scope);
  if (scopes !== undefined && !scopes.includes('*')) {
    if (scopes.length === 0) return { items: [], nextCursor: null, total: 0 };
    const [cond, condArgs] = prefixes(scopes);
    facet('grid', cond, condArgs);
  }
  const inList = (column: string, values: readonly string[] | undefined): void => {
    if (values === undefined) return;
    where.push(values.length === 0 ? '0' : `${column} IN (${values.map(() => '?').join(', ')})`);
    args.push(...values);
  };
  inList('r.status', asList(query.status));
  inList('r.category', asList(query.category));
  inList('r.severity', asList(query.severity));
  const kinds = asList(query.kind);
  if (kinds !== undefined) facet('pkind', kinds.length === 0 ? '0' : `f.value IN (${kinds.map(() => '?').join(', ')})`, [...kinds]);
  if (query.placeId !== undefined) {
    where.push('r.place_id = ?');
    args.push(query.placeId);
  }
  if (query.overdue !== undefined) where.push(query.overdue ? overdueSql(nowMs) : `NOT ${overdueSql(nowMs)}`);
  const supervisions = asList(query.supervision);
  if (supervisions !== undefined) {
    where.push(supervisions.length === 0 ? '0' : `r.status IS NOT NULL AND r.supervised IN (${supervisions.map(() => '?').join(', ')})`);
    args.push(...supervisions.map((s) => SUPERVISED_CODE[s]));
  }
  // The hazards whose assignee (responsible.personId) is this user; `me` is the caller (DESIGN §5).
  const assignee = assigneeOf(query, view.me);
  if (assignee !== undefined) facet('assignee', 'f.value = ?', [assignee]);
  if (query.updatedSince !== undefined) {
    where.push('r.updated_ms >= ?');
    args.push(Date.parse(query.updatedSince));
  }
  if (query.q !== undefined) {
    const words = query.q.normalize('NFKC').toLowerCase().split(/\s+/).filter((w) => w !== '');
    // A reference number (XXXX-XXXX, DESIGN §5) also finds the record whose id ends with its 40 bits.
    const suffix = idSuffixOfReference(query.q);
    if (words.length > 0) {
      where.push(`(${words.map(() => 'instr(r.search_text, ?) > 0').join(' AND ')}${
        suffix === undefined ? '' : " OR substr(lower(replace(r.id, '-', '')), -10) = ?"})`);
      args.push(...words, ...(suffix === undefined ? [] : [suffix]));
    }
  }

  // How many match across every page, on the first page only (a later page would count the same).
  const total = cursor === undefined
    ? db.prepare<unknown[], { n: number }>(`SELECT COUNT(*) AS n FROM records r WHERE ${where.join(' AND ')}`).get(...args)?.n
    : undefined;

  const keyExpr = sort === 'updatedAt' ? 'r.updated_ms' : sort === 'deadline' ? 'r.deadline_sort'
    : sort === 'name' ? 'r.name_text' : sort === 'urgency' ? `(${urgencySql(nowMs, soonMs)})` : undefined;
  if (cursor !== undefined) {
    const { k } = cursor;
    if (keyExpr === undefined) {
      where.push('r.id > ?');
      args.push(k[0]);
    } else if (sort === 'updatedAt') {
      // Newest first, ties by id ascending (as @firegrid/core sorts): mixed directions, so no row value.
      where.push('(r.updated_ms < ? OR (r.updated_ms = ? AND r.id > ?))');
      args.push(k[0], k[0], k[1]);
    } else {
      // A row value lets SQLite seek in the (tenant, kind, key, id) index instead of scanning to the cursor.
      where.push(`(${keyExpr}, r.id) > (?, ?)`);
      args.push(k[0], k[1]);
    }
  }
  const order = keyExpr === undefined ? 'r.id' : `k ${sort === 'updatedAt' ? 'DESC' : 'ASC'}, r.id`;
  const sql = `SELECT r.id AS id, r.body AS body${keyExpr === undefined ? '' : `, ${keyExpr} AS k`}
    FROM records r WHERE ${where.join(' AND ')} ORDER BY ${order} LIMIT ?`;
  args.push(limit + 1);
  const rows = db.prepare<unknown[], { id: string; body: string; k?: string | number }>(sql).all(...args);
  const page = rows.slice(0, limit);
  const last = page[page.length - 1];
  const more = rows.length > limit && last !== undefined;
  return {
    items: page.map((r) => JSON.parse(r.body) as StoredRecord),
    nextCursor: more
      ? encodeCursor({ f: queryFingerprint(query), k: last.k === undefined ? [last.id] : [last.k, last.id], ...(isClockedQuery(query) ? { t: nowMs } : {}) })
      : null,
    ...(total === undefined ? {} : { total }),
  };
}
