/**
 * Records in SQLite: writes extract the columns lists filter and sort on, and lists are filtered,
 * sorted and paged in SQL (keyset paging on the sort key plus the id), never in JavaScript over
 * everything. The semantics follow `applyQuery` of `@firegrid/core` (DESIGN §5), which the memory
 * data port uses, so a list pages the same way against memory and against this server; the one
 * difference is `sort=name`, which is in Unicode code-point order here (SQLite has no zh-CN
 * collation) where the memory port uses the zh-CN collator.
 * @module
 */
import {
  CLOSED_STATUSES, DEFAULT_LIMIT, FiregridError, MAX_LIMIT, deadlineEnd, effectiveDeadline, gridsOf, idSuffixOfReference, placeIdOf, supervisionState,
} from '@firegrid/core';
import type { SupervisionState } from '@firegrid/core';
import type { HazardStatus, Page, Query, ResourceKind, Sort } from '@firegrid/core';
import type { Statement } from 'better-sqlite3';
import type { Db } from './db.js';
import { isScoredKind, scoringWrites } from './scoring-tables.js';
import type { ScoredKind } from './scoring-tables.js';

/** A record as stored: the read shape of its kind (stored fields included). */
export type StoredRecord = Record<string, unknown> & {
  id: string;
  version: number;
  createdAt: string;
  updatedAt: string;
  tenantId: string;
};

/** What a place lends to the records that point to it. */
export interface PlaceFacts {
  gridId?: string;
  kind?: string;
}

/** Which records of a tenant a list may return, from the caller's token. */
export interface ListView {
  /** OrgUnit prefixes the caller may see; `null` for the whole tenant. */
  scope: readonly string[] | null;
  /**
   * How `scope` applies: `prefix` (a record's grid starts with a prefix), `overlap` (score
   * configurations: either code is a prefix of the other, and `*` configurations are seen by
   * all), `none` (reference data every role of the tenant reads: templates).
   */
  scopeMode: 'prefix' | 'overlap' | 'none';
  /** Only records whose owner (a hazard's `reporter.personId`) is this user: residents. */
  owner?: string;
}

/** One stored media file's row. */
export interface MediaRow {
  tenant: string;
  id: string;
  sha256: string;
  bytes: number;
  width: number;
  height: number;
  contentType: string;
  uploader: string;
  createdAt: string;
}

/** A response stored under an idempotency key. */
export interface StoredReply {
  method: string;
  path: string;
  bodyHash: string;
  status: number;
  headers: Record<string, string>;
  body: Buffer;
  /** The roles and scope of the token that first sent the write (absent for replies stored before they were kept). */
  grants?: { roles: string[]; scope: string[] };
}

type Rec = Readonly<Record<string, unknown>>;

const str = (v: unknown): string | undefined => (typeof v === 'string' ? v : undefined);
const obj = (v: unknown): Rec | undefined => (v !== null && typeof v === 'object' && !Array.isArray(v) ? v as Rec : undefined);

const SEVERITY_RANK: Readonly<Record<string, number>> = { major: 0, 'major-candidate': 1, general: 2 };
// What "no deadline" sorts as: last, and still exact in JSON inside a cursor.
const NO_DEADLINE = Number.MAX_SAFE_INTEGER;
// Above every character a code can hold, so [p, p + TOP) is every string that starts with p.
const TOP = '\u{10FFFF}';
const DAY_MS = 86_400_000;

/** A record's place and grids: core's `rules/access`, the one reading the ports' access rules share. */
export { gridsOf, placeIdOf } from '@firegrid/core';

function placeKindsOf(rec: Rec, place: PlaceFacts | undefined): string[] {
  const own = str(rec.kind);
  if (own !== undefined) return [own];
  const kinds = obj(rec.appliesTo)?.kinds;
  if (Array.isArray(kinds)) return [...new Set(kinds.filter((k): k is string => typeof k === 'string'))];
  return place?.kind === undefined ? [] : [place.kind];
}

function localised(v: unknown): string[] {
  if (typeof v === 'string') return [v];
  const o = obj(v);
  return o === undefined ? [] : Object.values(o).filter((x): x is string => typeof x === 'string');
}

/** Lower-cased NFKC text `q` searches: name, title, description, address and a person's name. */
function searchTextOf(rec: Rec): string {
  return [rec.name, rec.title, rec.description, rec.address, obj(rec.person)?.name]
    .flatMap(localised).join('\n').normalize('NFKC').toLowerCase();
}

function nameOf(rec: Rec): string {
  const title = obj(rec.title);
  if (title !== undefined) return str(title['zh-CN']) ?? '';
  return str(rec.name) ?? str(rec.title) ?? str(obj(rec.person)?.name) ?? '';
}

/**
 * The ids of the photos a record cites: a hazard's photos and the evidence (and `before` photos)
 * in its history, an inspection's answer photos.
 */
export function photoIdsOf(kind: ResourceKind, rec: Rec): string[] {
  const ids: unknown[] = [];
  const refs = (v: unknown): void => {
    if (Array.isArray(v)) for (const ref of v as unknown[]) ids.push(obj(ref)?.id);
  };
  if (kind === 'hazards') {
    refs(rec.photos);
    if (Array.isArray(rec.history)) {
      for (const entry of rec.history as unknown[]) {
        // The evidence of a step, and the photos before an on-the-spot fix (fix-on-spot).
        for (const list of [obj(entry)?.evidence, obj(entry)?.before]) {
          if (Array.isArray(list)) ids.push(...(list as unknown[]));
        }
      }
    }
  } else if (kind === 'inspections') {
    for (const answer of Object.values(obj(rec.answers) ?? {})) refs(obj(answer)?.photos);
  }
  return [...new Set(ids.filter((id): id is string => typeof id === 'string'))];
}

/**
 * The `supervised` column: 1 while under supervision (the urgency sort puts overdue ones first),
 * 2 requested, 3 lifted, 0 none. Rows written before requests and lifts existed hold 0 or 1, which
 * is what their supervision (always listed) gives too.
 */
const SUPERVISED_CODE: Readonly<Record<SupervisionState | 'none', number>> = { none: 0, listed: 1, requested: 2, lifted: 3 };

/** The columns a record is filtered and sorted by. */
interface Columns {
  status: string | null;
  category: string | null;
  severity: string | null;
  severityRank: number | null;
  placeId: string | null;
  owner: string | null;
  deadlineEnd: number | null;
  supervised: number;
  name: string;
  search: string;
  updatedMs: number;
}

function columnsOf(kind: ResourceKind, rec: StoredRecord): Columns {
  const status = str(rec.status);
  const severity = str(rec.severity);
  const hazardLike = status !== undefined && severity !== undefined;
  const supervision = obj(rec.supervision);
  let end: number | undefined;
  // What the deadline and supervision rules read of a stored supervision (its shape was checked on write).
  const sup = supervision === undefined ? undefined : {
    deadline: str(supervision.deadline), listedAt: str(supervision.listedAt), liftedAt: str(supervision.liftedAt),
  } as never;
  if (hazardLike) {
    end = effectiveDeadline({ deadline: str(rec.deadline), supervision: sup });
  } else {
    const own = str(rec.deadline);
    end = own === undefined ? undefined : deadlineEnd(own);
  }
  const updated = Date.parse(rec.updatedAt);
  return {
    status: status ?? null,
    category: str(rec.category) ?? null,
    severity: severity ?? null,
    severityRank: severity === undefined ? null : SEVERITY_RANK[severity] ?? 9,
    placeId: placeIdOf(rec) ?? null,
    owner: kind === 'hazards' ? str(obj(rec.reporter)?.personId) ?? null : null,
    deadlineEnd: end ?? null,
    supervised: SUPERVISED_CODE[supervisionState({ supervision: sup }) ?? 'none'],
    name: nameOf(rec),
    search: searchTextOf(rec),
    updatedMs: Number.isNaN(updated) ? 0 : updated,
  };
}

/** Kinds whose records point to a place and take its grid or kind. */
const PLACE_DEPENDENTS: readonly ResourceKind[] = ['inspections', 'hazards', 'captains', 'activities'];

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

/** True when a list's order or filter depends on the clock. */
const clocked = (query: Query): boolean => query.sort === 'urgency' || query.overdue !== undefined;

// 32-bit FNV-1a over the filters: a cursor only has to notice that it is used with another query.
function fingerprint(query: Query): string {
  const filters: Record<string, unknown> = { ...query };
  delete filters.cursor;
  delete filters.limit;
  const textOf = JSON.stringify(Object.keys(filters).sort().map((k) => [k, filters[k]]));
  let h = 0x811c9dc5;
  for (let i = 0; i < textOf.length; i++) {
    h ^= textOf.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return (h >>> 0).toString(36);
}

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
    || !d.k.every((x, i) => typeof x === want[i]) || (clocked(query) && !Number.isSafeInteger(d.t))) {
    throw badCursor('The list cursor is not one this list gave out; start again without a cursor.');
  }
  if (d.f !== fingerprint(query)) {
    throw badCursor('The list cursor belongs to a query with other filters or sort; start again without a cursor.');
  }
  return d as CursorData;
}

const encodeCursor = (data: CursorData): string => Buffer.from(JSON.stringify(data), 'utf8').toString('base64url');

const asList = <T>(v: T | readonly T[] | undefined): readonly T[] | undefined =>
  v === undefined ? undefined : Array.isArray(v) ? v as readonly T[] : [v as T];

/** Options of {@link Store}. */
export interface StoreOptions {
  /** Days before a deadline from which a hazard is due soon (urgency sort); 3 by default. */
  dueSoonDays?: number;
}

/** Records, idempotency keys and media rows of the reference server. */
export class Store {
  readonly db: Db;
  readonly #soonMs: number;
  readonly #get;
  readonly #upsert;
  readonly #dropFacets;
  readonly #addFacet;
  readonly #dependents;
  readonly #findReply;
  readonly #saveReply;
  readonly #worker;
  readonly #insertMedia;
  readonly #citing;
  readonly #getMedia;
  /** Prepared statements of the scoring tables' writes, by SQL text (a handful). */
  readonly #scoring = new Map<string, Statement>();

  constructor(db: Db, options: StoreOptions = {}) {
    this.db = db;
    this.#soonMs = (options.dueSoonDays ?? 3) * DAY_MS;
    this.#get = db.prepare<[string, string, string], { body: string }>('SELECT body FROM records WHERE tenant = ? AND kind = ? AND id = ?');
    this.#upsert = db.prepare(`
      INSERT INTO records (tenant, kind, id, version, status, category, severity, severity_rank, place_id, owner,
        deadline_end, deadline_sort, supervised, name_text, search_text, updated_ms, body)
      VALUES (@tenant, @kind, @id, @version, @status, @category, @severity, @severityRank, @placeId, @owner,
        @deadlineEnd, @deadlineSort, @supervised, @name, @search, @updatedMs, @body)
      ON CONFLICT (tenant, kind, id) DO UPDATE SET version = excluded.version, status = excluded.status,
        category = excluded.category, severity = excluded.severity, severity_rank = excluded.severity_rank,
        place_id = excluded.place_id, owner = excluded.owner, deadline_end = excluded.deadline_end,
        deadline_sort = excluded.deadline_sort, supervised = excluded.supervised, name_text = excluded.name_text,
        search_text = excluded.search_text, updated_ms = excluded.updated_ms, body = excluded.body`);
    this.#dropFacets = db.prepare('DELETE FROM facets WHERE tenant = ? AND kind = ? AND id = ?');
    this.#addFacet = db.prepare('INSERT OR IGNORE INTO facets (tenant, kind, id, facet, value) VALUES (?, ?, ?, ?, ?)');
    this.#dependents = db.prepare<[string, string, string], { body: string }>(
      'SELECT body FROM records WHERE tenant = ? AND kind = ? AND place_id = ?',
    );
    this.#findReply = db.prepare<[string, string, string], {
      method: string; path: string; body_hash: string; status: number; headers: string; body: Buffer; grants: string;
    }>('SELECT method, path, body_hash, status, headers, body, grants FROM idempotency WHERE tenant = ? AND principal = ? AND key = ?');
    this.#saveReply = db.prepare(`INSERT INTO idempotency (tenant, principal, key, method, path, body_hash, status, headers, body, created_at, grants)
      VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`);
    this.#worker = db.prepare<[string, string], string>(
      "SELECT id FROM facets WHERE tenant = ? AND kind = 'workers' AND facet = 'user' AND value = ? ORDER BY id LIMIT 1",
    ).pluck();
    this.#citing = db.prepare<[string, string, number], { kind: string; body: string }>(`SELECT r.kind AS kind, r.body AS body
      FROM facets f JOIN records r ON r.tenant = f.tenant AND r.kind = f.kind AND r.id = f.id
      WHERE f.tenant = ? AND f.kind IN ('hazards', 'inspections') AND f.facet = 'photo' AND f.value = ? LIMIT ?`);
    this.#insertMedia = db.prepare(`INSERT INTO media (tenant, id, sha256, bytes, width, height, content_type, uploader, created_at)
      VALUES (@tenant, @id, @sha256, @bytes, @width, @height, @contentType, @uploader, @createdAt)`);
    this.#getMedia = db.prepare<[string, string], {
      tenant: string; id: string; sha256: string; bytes: number; width: number; height: number;
      content_type: string; uploader: string; created_at: string;
    }>('SELECT * FROM media WHERE tenant = ? AND id = ?');
  }

  /** Runs `fn` in one write transaction: all of it or none of it. */
  transaction<T>(fn: () => T): T {
    return this.db.transaction(fn).immediate();
  }

  /** One record, or undefined. */
  get(tenant: string, kind: ResourceKind, id: string): StoredRecord | undefined {
    const row = this.#get.get(tenant, kind, id);
    return row === undefined ? undefined : JSON.parse(row.body) as StoredRecord;
  }

  /** Every record of `kind` at a place (its `placeId`, a captain's `buildingId`), in id order. */
  atPlace(tenant: string, kind: ResourceKind, placeId: string): StoredRecord[] {
    return this.db.prepare<[string, string, string], { body: string }>(
      'SELECT body FROM records WHERE tenant = ? AND kind = ? AND place_id = ? ORDER BY id',
    ).all(tenant, kind, placeId).map((r) => JSON.parse(r.body) as StoredRecord);
  }

  /** The grid and kind of a place, when the tenant has it. */
  place(tenant: string, id: string): PlaceFacts | undefined {
    const p = this.get(tenant, 'places', id);
    if (p === undefined) return undefined;
    return { ...(typeof p.gridId === 'string' ? { gridId: p.gridId } : {}), ...(typeof p.kind === 'string' ? { kind: p.kind } : {}) };
  }

  /** The place of a record, when it points to one the tenant has. */
  placeOf(tenant: string, rec: Rec): PlaceFacts | undefined {
    const id = placeIdOf(rec);
    return id === undefined ? undefined : this.place(tenant, id);
  }

  /** The grids of a record (its own, else its place's). */
  grids(tenant: string, rec: Rec): string[] {
    return gridsOf(rec, this.placeOf(tenant, rec));
  }

  /** The id of the worker whose `userId` is this user, when there is one. */
  workerIdOf(tenant: string, userId: string): string | undefined {
    return this.#worker.get(tenant, userId);
  }

  /** Inserts or replaces a record (as given: version and timestamps are the caller's) and indexes it. */
  write(tenant: string, kind: ResourceKind, rec: StoredRecord): void {
    const previous = kind === 'places' ? this.place(tenant, rec.id) : undefined;
    const c = columnsOf(kind, rec);
    this.#upsert.run({
      tenant, kind, id: rec.id, version: rec.version, ...c, deadlineSort: c.deadlineEnd ?? NO_DEADLINE, body: JSON.stringify(rec),
    });
    this.#index(tenant, kind, rec);
    if (isScoredKind(kind)) this.#score(tenant, kind, rec);
    if (kind === 'places' && (previous === undefined || previous.gridId !== rec.gridId || previous.kind !== rec.kind)) {
      // Records without a grid of their own take their place's: they move with it, and one written
      // before its place (offline, by a whole-tenant scope) gets the grid once the place arrives.
      for (const k of PLACE_DEPENDENTS) {
        for (const row of this.#dependents.all(tenant, k, rec.id)) this.#index(tenant, k, JSON.parse(row.body) as StoredRecord);
      }
    }
  }

  /** Brings the scoring tables up to date with a record (scoring-tables.ts), in the caller's transaction. */
  #score(tenant: string, kind: ScoredKind, rec: StoredRecord): void {
    for (const s of scoringWrites('sqlite', tenant, kind, rec)) {
      let st = this.#scoring.get(s.sql);
      if (st === undefined) this.#scoring.set(s.sql, st = this.db.prepare(s.sql));
      st.run(s.params);
    }
  }

  #index(tenant: string, kind: ResourceKind, rec: StoredRecord): void {
    const place = this.placeOf(tenant, rec);
    this.#dropFacets.run(tenant, kind, rec.id);
    for (const g of gridsOf(rec, place)) this.#addFacet.run(tenant, kind, rec.id, 'grid', g);
    for (const k of placeKindsOf(rec, place)) this.#addFacet.run(tenant, kind, rec.id, 'pkind', k);
    if (kind === 'workers' && typeof rec.userId === 'string') this.#addFacet.run(tenant, kind, rec.id, 'user', rec.userId);
    for (const id of photoIdsOf(kind, rec)) this.#addFacet.run(tenant, kind, rec.id, 'photo', id);
  }

  /**
   * The records that cite a photo (a hazard's photos or evidence, an inspection's answers), at
   * most `limit`: a photo is served to whoever may read one of them (DESIGN §5).
   */
  citing(tenant: string, mediaId: string, limit = 100): { kind: ResourceKind; rec: StoredRecord }[] {
    return this.#citing.all(tenant, mediaId, limit).map((r) => ({ kind: r.kind as ResourceKind, rec: JSON.parse(r.body) as StoredRecord }));
  }

  /**
   * One page of records of a kind matching `query` (already validated), within `view`.
   * @throws FiregridError `rejected` for a cursor of another list.
   */
  list(tenant: string, kind: ResourceKind, query: Query, view: ListView, now: Date): Page<StoredRecord> {
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
      ? this.db.prepare<unknown[], { n: number }>(`SELECT COUNT(*) AS n FROM records r WHERE ${where.join(' AND ')}`).get(...args)?.n
      : undefined;
    const keyExpr = sort === 'updatedAt' ? 'r.updated_ms' : sort === 'deadline' ? 'r.deadline_sort'
      : sort === 'name' ? 'r.name_text' : sort === 'urgency' ? `(${urgencySql(nowMs, this.#soonMs)})` : undefined;
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
    const rows = this.db.prepare<unknown[], { id: string; body: string; k?: string | number }>(sql).all(...args);
    const page = rows.slice(0, limit);
    const last = page[page.length - 1];
    const more = rows.length > limit && last !== undefined;
    return {
      items: page.map((r) => JSON.parse(r.body) as StoredRecord),
      nextCursor: more
        ? encodeCursor({ f: fingerprint(query), k: last.k === undefined ? [last.id] : [last.k, last.id], ...(clocked(query) ? { t: nowMs } : {}) })
        : null,
      ...(total === undefined ? {} : { total }),
    };
  }

  /** The reply stored under an idempotency key, if any. */
  findReply(tenant: string, principal: string, key: string): StoredReply | undefined {
    const row = this.#findReply.get(tenant, principal, key);
    if (row === undefined) return undefined;
    const grants = JSON.parse(row.grants) as Partial<NonNullable<StoredReply['grants']>>;
    return {
      method: row.method, path: row.path, bodyHash: row.body_hash, status: row.status,
      headers: JSON.parse(row.headers) as Record<string, string>, body: row.body,
      ...(Array.isArray(grants.roles) && Array.isArray(grants.scope) ? { grants: { roles: grants.roles, scope: grants.scope } } : {}),
    };
  }

  /** Stores the reply of a successful write under its idempotency key. */
  saveReply(tenant: string, principal: string, key: string, reply: StoredReply, now: Date): void {
    this.#saveReply.run(tenant, principal, key, reply.method, reply.path, reply.bodyHash, reply.status,
      JSON.stringify(reply.headers), reply.body, now.toISOString(), JSON.stringify(reply.grants ?? {}));
  }

  /** Records an uploaded media file. */
  insertMedia(row: MediaRow): void {
    this.#insertMedia.run(row);
  }

  /** A media row of the tenant, or undefined. */
  getMedia(tenant: string, id: string): MediaRow | undefined {
    const r = this.#getMedia.get(tenant, id);
    return r === undefined ? undefined : {
      tenant: r.tenant, id: r.id, sha256: r.sha256, bytes: r.bytes, width: r.width, height: r.height,
      contentType: r.content_type, uploader: r.uploader, createdAt: r.created_at,
    };
  }
}
