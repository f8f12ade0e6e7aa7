/**
 * Records in SQLite: writes extract the columns lists filter and sort on, and lists are filtered,
 * sorted and paged in SQL (keyset paging on the sort key plus the id), never in JavaScript over
 * everything. The semantics follow `applyQuery` of `@firegrid/core` (DESIGN §5), which the memory
 * data port uses, so a list pages the same way against memory and against this server; the one
 * difference is `sort=name`, which is in Unicode code-point order here (SQLite has no zh-CN
 * collation) where the memory port uses the zh-CN collator.
 *
 * The columns a record is indexed by are in `store/columns.ts`, the list's SQL and cursors in
 * `store/list.ts`.
 * @module
 */
import { gridsOf, placeIdOf } from '@firegrid/core';
import type { Page, Query, ResourceKind } from '@firegrid/core';
import type { Statement } from 'better-sqlite3';
import type { Db } from './db.js';
import { NO_DEADLINE, columnsOf, photoIdsOf, placeKindsOf } from './store/columns.js';
import { listPage } from './store/list.js';
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
  /** The caller's user id, for `assignee=me`. */
  me?: string;
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

const DAY_MS = 86_400_000;

/** A record's place and grids: core's `rules/access`, the one reading the ports' access rules share. */
export { gridsOf, placeIdOf } from '@firegrid/core';

/** The ids of the photos a record cites (store/columns.ts). */
export { photoIdsOf } from './store/columns.js';


/** Kinds whose records point to a place and take its grid or kind. */
const PLACE_DEPENDENTS: readonly ResourceKind[] = ['inspections', 'hazards', 'captains', 'activities'];

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

  /**
   * Keeps a template's revision as stored (`template_revisions`), unless that revision is kept
   * already: a stored revision is never rewritten. Called in the write's transaction.
   */
  keepRevision(tenant: string, rec: StoredRecord): void {
    this.db.prepare('INSERT OR IGNORE INTO template_revisions (tenant, id, revision, body) VALUES (?, ?, ?, ?)')
      .run(tenant, rec.id, rec.revision, JSON.stringify(rec));
  }

  /** One revision of a template as it was stored, or undefined. */
  templateRevision(tenant: string, id: string, revision: number): StoredRecord | undefined {
    const row = this.db.prepare<[string, string, number], { body: string }>(
      'SELECT body FROM template_revisions WHERE tenant = ? AND id = ? AND revision = ?',
    ).get(tenant, id, revision);
    return row === undefined ? undefined : JSON.parse(row.body) as StoredRecord;
  }

  /** The revisions kept of a template, lowest first. */
  templateRevisions(tenant: string, id: string): number[] {
    return this.db.prepare<[string, string], number>('SELECT revision FROM template_revisions WHERE tenant = ? AND id = ? ORDER BY revision')
      .pluck().all(tenant, id);
  }

  /** Inserts or replaces a record (as given: version and timestamps are the caller's) and indexes it. */
  write(tenant: string, kind: ResourceKind, rec: StoredRecord): void {
    const previous = kind === 'places' ? this.place(tenant, rec.id) : undefined;
    const c = columnsOf(kind, rec);
    this.#upsert.run({
      tenant, kind, id: rec.id, version: rec.version, ...c, deadlineSort: c.deadlineEnd ?? NO_DEADLINE, body: JSON.stringify(rec),
    });
    this.#index(tenant, kind, rec);
    if (kind === 'templates') this.keepRevision(tenant, rec);
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
    // A hazard's assignee (responsible.personId): GET /v1/hazards?assignee=me|<userId>.
    const assignee = kind === 'hazards' ? (rec.responsible as { personId?: unknown } | undefined)?.personId : undefined;
    if (typeof assignee === 'string') this.#addFacet.run(tenant, kind, rec.id, 'assignee', assignee);
  }

  /**
   * The records that cite a photo (a hazard's photos or evidence, an inspection's answers), at
   * most `limit`: a photo is served to whoever may read one of them (DESIGN §5).
   */
  citing(tenant: string, mediaId: string, limit = 100): { kind: ResourceKind; rec: StoredRecord }[] {
    return this.#citing.all(tenant, mediaId, limit).map((r) => ({ kind: r.kind as ResourceKind, rec: JSON.parse(r.body) as StoredRecord }));
  }

  /**
   * One page of records of a kind matching `query` (already validated), within `view`
   * (store/list.ts).
   * @throws FiregridError `rejected` for a cursor of another list.
   */
  list(tenant: string, kind: ResourceKind, query: Query, view: ListView, now: Date): Page<StoredRecord> {
    return listPage(this.db, this.#soonMs, tenant, kind, query, view, now);
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
