/**
 * The scoring tables the server keeps (DESIGN §7): `score_activities`, `score_workers` and
 * `score_places`, the shapes core's `toSql` reads, with the tenant in every key. The store writes
 * them in the same transaction as the record they come from (every activity, worker and place
 * write goes through `Store.write`), so `GET /v1/scores` runs `toSql` over them and never loads
 * records into JavaScript.
 *
 * Store-agnostic: the DDL, the row writes and the tenant's query are given for both of `toSql`'s
 * dialects (SQLite and PostgreSQL), as SQL text and parameters a store runs with its own driver.
 * The rows are core's `scoringRows` of the stored record, so they are what `computeScores` reads.
 * @module
 */
import { FiregridError } from '@firegrid/core';
import type { ScoreConfig } from '@firegrid/core';
import { indicatorHazardRow, indicatorsSql, scoringRows, toSql } from '@firegrid/core/scoring';
import type {
  IndicatorHazard, IndicatorRequest, ActivityRow, PlaceRow, RankLevel, ScoringActivity, ScoringConfig, ScoringPlace, ScoringWorker, SqlDialect, WorkerRow,
} from '@firegrid/core/scoring';

/** The three tables, each with a `tenant` column in front of `toSql`'s columns. */
export const SCORING_TABLES = {
  activities: 'score_activities',
  workers: 'score_workers',
  places: 'score_places',
  /** One row per hazard for the indicators (issue 21): core's `indicatorHazardRow` with the tenant. */
  hazards: 'score_hazards',
} as const;

/** Record kinds whose writes change the scoring tables. */
export const SCORED_KINDS = ['activities', 'workers', 'places', 'hazards'] as const;
/** One of {@link SCORED_KINDS}. */
export type ScoredKind = (typeof SCORED_KINDS)[number];

/** True when a write of `kind` changes the scoring tables. */
export const isScoredKind = (kind: string): kind is ScoredKind => (SCORED_KINDS as readonly string[]).includes(kind);

/** One statement for a store to run: SQL with `?` (SQLite) or `$n` (PostgreSQL) placeholders. */
export interface ScoringStatement {
  sql: string;
  params: unknown[];
}

/**
 * The DDL of the scoring tables and their indexes, in `dialect`. The SQLite text is what
 * migration 3 of the reference server ran.
 */
export function scoringTablesDdl(dialect: SqlDialect): string[] {
  const big = dialect === 'postgres' ? 'BIGINT' : 'INTEGER';
  const real = dialect === 'postgres' ? 'DOUBLE PRECISION' : 'REAL';
  const bool = dialect === 'postgres' ? 'BOOLEAN' : 'INTEGER';
  const rowid = dialect === 'postgres' ? '' : ' WITHOUT ROWID';
  const t = SCORING_TABLES;
  return [
    `CREATE TABLE ${t.activities} (tenant TEXT NOT NULL, id TEXT NOT NULL, type TEXT NOT NULL, at_ms ${big} NOT NULL,
      worker_id TEXT NOT NULL, grid_id TEXT NOT NULL, place_id TEXT, hazard_id TEXT, due_ms ${big}, on_time ${bool},
      item TEXT, points_c ${big}, reason TEXT, by_id TEXT,
      PRIMARY KEY (tenant, id))${rowid}`,
    `CREATE INDEX ${t.activities}_type ON ${t.activities} (tenant, type, at_ms)`,
    `CREATE INDEX ${t.activities}_hazard ON ${t.activities} (tenant, hazard_id)`,
    // One worker's evidence (workerEvidenceSql): his activities, his grids', his places'.
    `CREATE INDEX ${t.activities}_worker ON ${t.activities} (tenant, worker_id)`,
    `CREATE INDEX ${t.activities}_grid ON ${t.activities} (tenant, grid_id)`,
    `CREATE INDEX ${t.activities}_place ON ${t.activities} (tenant, place_id)`,
    `CREATE TABLE ${t.workers} (tenant TEXT NOT NULL, id TEXT NOT NULL, seq INTEGER NOT NULL, name TEXT NOT NULL,
      grid_id TEXT NOT NULL, active ${bool} NOT NULL, post TEXT, PRIMARY KEY (tenant, id, seq))${rowid}`,
    `CREATE INDEX ${t.workers}_grid ON ${t.workers} (tenant, grid_id)`,
    `CREATE TABLE ${t.places} (tenant TEXT NOT NULL, id TEXT NOT NULL, kind TEXT NOT NULL, grid_id TEXT NOT NULL,
      height_m ${real}, floors INTEGER, PRIMARY KEY (tenant, id))${rowid}`,
    `CREATE INDEX ${t.places}_grid ON ${t.places} (tenant, grid_id)`,
    `CREATE TABLE ${t.hazards} (tenant TEXT NOT NULL, id TEXT NOT NULL, grid_id TEXT, place_id TEXT, status TEXT NOT NULL,
      found_ms ${big}, due_ms ${big}, PRIMARY KEY (tenant, id))${rowid}`,
    `CREATE INDEX ${t.hazards}_found ON ${t.hazards} (tenant, found_ms)`,
  ];
}

/** The scoring rows of one stored record of a scored kind (an activity's row, a worker's row per grid, a place's row). */
export interface RecordRows {
  activities: ActivityRow[];
  workers: WorkerRow[];
  places: PlaceRow[];
}

/**
 * A stored record as rows of the scoring tables, by core's `scoringRows`: what `computeScores`
 * reads of it (times as epoch ms, a calendar-day deadline to its end in UTC+8, a worker per grid).
 * @throws FiregridError `validation` for an activity time that is not ISO 8601 (stored records never have one)
 */
export function rowsOf(kind: Exclude<ScoredKind, 'hazards'>, rec: Readonly<Record<string, unknown>>): RecordRows {
  const none = { activities: [], workers: [], places: [] };
  if (kind === 'activities') return scoringRows({ ...none, activities: [rec as unknown as ScoringActivity] });
  if (kind === 'workers') {
    const gridIds = Array.isArray(rec.gridIds) ? (rec.gridIds as unknown[]).filter((g): g is string => typeof g === 'string') : [];
    return scoringRows({ ...none, workers: [{ ...(rec as unknown as ScoringWorker), gridIds, active: rec.active !== false }] });
  }
  return scoringRows({ ...none, places: [rec as unknown as ScoringPlace] });
}

const ACTIVITY_COLUMNS = ['tenant', 'id', 'type', 'at_ms', 'worker_id', 'grid_id', 'place_id', 'hazard_id', 'due_ms', 'on_time'] as const;
/**
 * An assessor's entry (`assessment.entered`, issue 20) also fills these (added by migration 6):
 * the scheme line, the points in hundredths, the reason and who entered it. Other activities leave
 * them out, so the backfill of migration 3, which runs before 5 on an older database, writes only
 * the columns it created.
 */
const ENTRY_COLUMNS = ['item', 'points_c', 'reason', 'by_id'] as const;
const ACTIVITY_READ = [...ACTIVITY_COLUMNS.slice(1), ...ENTRY_COLUMNS];
const WORKER_COLUMNS = ['tenant', 'id', 'seq', 'name', 'grid_id', 'active'] as const;
const PLACE_COLUMNS = ['tenant', 'id', 'kind', 'grid_id', 'height_m', 'floors'] as const;
const HAZARD_COLUMNS = ['tenant', 'id', 'grid_id', 'place_id', 'status', 'found_ms', 'due_ms'] as const;

function placeholders(dialect: SqlDialect, n: number): string {
  return Array.from({ length: n }, (_, i) => (dialect === 'postgres' ? `$${i + 1}` : '?')).join(', ');
}

/** An upsert of one row keyed by (tenant, id). */
function upsert(dialect: SqlDialect, table: string, columns: readonly string[], values: unknown[]): ScoringStatement {
  const updates = columns.filter((c) => c !== 'tenant' && c !== 'id').map((c) => `${c} = excluded.${c}`).join(', ');
  return {
    sql: `INSERT INTO ${table} (${columns.join(', ')}) VALUES (${placeholders(dialect, columns.length)})
      ON CONFLICT (tenant, id) DO UPDATE SET ${updates}`,
    params: values,
  };
}

/** A boolean as the dialect stores it (SQLite has no boolean type: 0 and 1). */
const bool = (dialect: SqlDialect, v: boolean | null): boolean | number | null => (v === null || dialect === 'postgres' ? v : v ? 1 : 0);

/**
 * The statements that bring the scoring tables up to date with one stored record of `kind`, to
 * run in the same transaction as the record's own write: an upsert of an activity or a place; a
 * worker's rows replaced (one per grid he works, his home grid first).
 * @example
 * for (const s of scoringWrites('sqlite', tenant, 'activities', activity)) db.prepare(s.sql).run(s.params);
 */
export function scoringWrites(dialect: SqlDialect, tenant: string, kind: ScoredKind, rec: Readonly<Record<string, unknown>>): ScoringStatement[] {
  const t = SCORING_TABLES;
  if (kind === 'hazards') {
    const h = indicatorHazardRow(rec as unknown as IndicatorHazard);
    return [upsert(dialect, t.hazards, HAZARD_COLUMNS, [tenant, h.id, h.grid_id, h.place_id, h.status, h.found_ms, h.due_ms])];
  }
  const rows = rowsOf(kind, rec);
  if (kind === 'activities') {
    return rows.activities.map((a) => {
      const base = [tenant, a.id, a.type, a.at_ms, a.worker_id, a.grid_id, a.place_id, a.hazard_id, a.due_ms, bool(dialect, a.on_time)];
      if (a.item === null) return upsert(dialect, t.activities, ACTIVITY_COLUMNS, base);
      return upsert(dialect, t.activities, [...ACTIVITY_COLUMNS, ...ENTRY_COLUMNS], [...base, a.item, a.points_c, opt(rec.reason) ?? null, opt(rec.by) ?? null]);
    });
  }
  if (kind === 'places') {
    return rows.places.map((p) => upsert(dialect, t.places, PLACE_COLUMNS, [tenant, p.id, p.kind, p.grid_id, p.height_m, p.floors]));
  }
  const id = String(rec.id);
  return [
    { sql: `DELETE FROM ${t.workers} WHERE tenant = ${dialect === 'postgres' ? '$1' : '?'} AND id = ${dialect === 'postgres' ? '$2' : '?'}`, params: [tenant, id] },
    // His post (migration 6) only when he has one, as an assessor's entry's columns (see ENTRY_COLUMNS).
    ...rows.workers.map((w) => {
      const columns = w.post === null ? WORKER_COLUMNS : [...WORKER_COLUMNS, 'post'];
      const params = [tenant, w.id, w.seq, w.name, w.grid_id, bool(dialect, w.active), ...(w.post === null ? [] : [w.post])];
      return { sql: `INSERT INTO ${t.workers} (${columns.join(', ')}) VALUES (${placeholders(dialect, columns.length)})`, params };
    }),
  ];
}

/** Options of {@link tenantScoresSql}. */
export interface TenantScoresOptions<D extends SqlDialect> {
  dialect: D;
  /** The level ranks are computed within; `grid` by default. */
  rankBy?: RankLevel;
}

/** A tenant's scores as one query over the scoring tables. */
export interface TenantScoresQuery<D extends SqlDialect> {
  sql: string;
  /** The parameters: `{ now, tenant }` for SQLite (named), `[now, tenant]` for PostgreSQL (`$1`, `$2`). */
  params(now: Date, tenant: string): D extends 'postgres' ? [number, string] : { now: number; tenant: string };
  columns: string[];
}

/**
 * `toSql` over one tenant's rows of the scoring tables: the tables `toSql` reads are the tenant's
 * rows, written as CTEs in front of its query. They are materialized: one read of the tenant's
 * key range, which the query then scans as often as it needs (inlined, SQLite looked rows up
 * through the secondary indexes one by one: 100,000 activities took 6 to 10 times as long).
 * @throws FiregridError `config` naming the field of a bad configuration
 */
export function tenantScoresSql<D extends SqlDialect>(config: ScoringConfig | ScoreConfig, options: TenantScoresOptions<D>): TenantScoresQuery<D> {
  const q = toSql(config, { dialect: options.dialect, rankBy: options.rankBy ?? 'grid', tables: { activities: 'fg_a', workers: 'fg_w', places: 'fg_p' } });
  if (!q.sql.startsWith('WITH ')) {
    throw new FiregridError('config', 'toSql: the compiled query does not start with WITH; the scoring tables cannot be scoped to a tenant');
  }
  const tenant = options.dialect === 'postgres' ? '$2' : '@tenant';
  const t = SCORING_TABLES;
  const views = [
    `fg_a AS MATERIALIZED (SELECT ${[...ACTIVITY_COLUMNS.slice(1), 'item', 'points_c'].join(', ')} FROM ${t.activities} WHERE tenant = ${tenant})`,
    `fg_w AS MATERIALIZED (SELECT id, name, grid_id, seq, active, post FROM ${t.workers} WHERE tenant = ${tenant})`,
    `fg_p AS MATERIALIZED (SELECT id, kind, grid_id, height_m, floors FROM ${t.places} WHERE tenant = ${tenant})`,
  ];
  const sql = `WITH ${views.join(',\n')},\n${q.sql.slice('WITH '.length)}`;
  const postgres = options.dialect === 'postgres';
  type P = ReturnType<TenantScoresQuery<D>['params']>;
  return {
    sql,
    // The conditional type cannot follow a runtime check on `D`; the two branches match it by construction.
    params: (now, tenantId) => (postgres ? [now.getTime(), tenantId] : { now: now.getTime(), tenant: tenantId }) as P,
    columns: q.columns,
  };
}

/**
 * How many workers a scope's report scores (active, with a grid under `scope`; `*` the tenant):
 * one cheap query over `score_workers`, so a request can be refused before its work is done.
 */
export function scoredWorkersSql(dialect: SqlDialect, tenant: string, scope: string): ScoringStatement {
  const p = (n: number): string => (dialect === 'postgres' ? `$${n}` : '?');
  const t = SCORING_TABLES.workers;
  if (scope === '*') {
    return { sql: `SELECT COUNT(*) AS n FROM ${t} WHERE tenant = ${p(1)} AND seq = 0 AND active = TRUE`, params: [tenant] };
  }
  return {
    sql: `SELECT COUNT(*) AS n FROM ${t} w WHERE w.tenant = ${p(1)} AND w.seq = 0 AND w.active = TRUE
      AND EXISTS (SELECT 1 FROM ${t} x WHERE x.tenant = w.tenant AND x.id = w.id AND substr(x.grid_id, 1, ${p(2)}) = ${p(3)})`,
    params: [tenant, scope.length, scope],
  };
}

/** The queries of {@link workerEvidenceSql}: the worker's rows, his grids' places, and the activities his evidence is drawn from. */
export interface EvidenceStatements {
  workers: ScoringStatement;
  places: ScoringStatement;
  activities: ScoringStatement;
}

/**
 * What one worker's evidence lists (`activityIds`, `placeIds`) are drawn from, bounded by him: his
 * rows, the places of his grids, and the activities that are his, in his grids, at those places,
 * or of a hazard one of those names (its assignment, closure or rejection elsewhere). `computeScores`
 * over these, with him as the only worker, gives his lists as over the whole tenant; activities in
 * id order, as the store lists them.
 */
export function workerEvidenceSql(dialect: SqlDialect, tenant: string, workerId: string): EvidenceStatements {
  const pg = dialect === 'postgres';
  const t = SCORING_TABLES;
  const params = pg ? [tenant, workerId] : { tenant, worker: workerId };
  const [tn, wk] = pg ? ['$1', '$2'] : ['@tenant', '@worker'];
  const collate = pg ? ' COLLATE "C"' : '';
  const grids = `SELECT grid_id FROM ${t.workers} WHERE tenant = ${tn} AND id = ${wk}`;
  // One index lookup per way an activity can be his (a UNION, where an OR would scan the tenant),
  // each from the few keys it starts from (CROSS JOIN keeps that order in SQLite; PostgreSQL plans it alike).
  const a = t.activities;
  const sql = `WITH g AS MATERIALIZED (${grids}),
    p AS MATERIALIZED (SELECT pl.id FROM g CROSS JOIN ${t.places} pl WHERE pl.tenant = ${tn} AND pl.grid_id = g.grid_id),
    mine AS MATERIALIZED (
      SELECT id FROM ${a} WHERE tenant = ${tn} AND worker_id = ${wk}
      UNION SELECT x.id FROM g CROSS JOIN ${a} x WHERE x.tenant = ${tn} AND x.grid_id = g.grid_id
      UNION SELECT x.id FROM p CROSS JOIN ${a} x WHERE x.tenant = ${tn} AND x.place_id = p.id),
    hz AS MATERIALIZED (SELECT DISTINCT x.hazard_id FROM mine CROSS JOIN ${a} x WHERE x.tenant = ${tn} AND x.id = mine.id AND x.hazard_id IS NOT NULL),
    ids AS MATERIALIZED (SELECT id FROM mine UNION SELECT x.id FROM hz CROSS JOIN ${a} x WHERE x.tenant = ${tn} AND x.hazard_id = hz.hazard_id)
    SELECT ${ACTIVITY_READ.map((c) => `x.${c}`).join(', ')} FROM ids CROSS JOIN ${a} x WHERE x.tenant = ${tn} AND x.id = ids.id ORDER BY x.id${collate}`;
  return {
    workers: { sql: `SELECT id, name, grid_id, seq, active, post FROM ${t.workers} WHERE tenant = ${tn} AND id = ${wk} ORDER BY seq`, params: params as unknown[] },
    places: { sql: `SELECT id, kind, grid_id, height_m, floors FROM ${t.places} WHERE tenant = ${tn} AND grid_id IN (${grids}) ORDER BY id${collate}`, params: params as unknown[] },
    activities: { sql, params: params as unknown[] },
  };
}

const opt = (v: unknown): string | undefined => (typeof v === 'string' ? v : undefined);
const flag = (v: unknown): boolean | undefined => (v === null || v === undefined ? undefined : v === true || v === 1 || v === '1');

/**
 * Rows of the scoring tables back as what `computeScores` reads: times as ISO instants (a
 * deadline as its last instant, which the engine reads as the same end), a worker's grids in
 * order, a place's height and floors as its building.
 */
export function recordsFromRows(rows: { workers: Record<string, unknown>[]; places: Record<string, unknown>[]; activities: Record<string, unknown>[] }): {
  workers: ScoringWorker[];
  places: ScoringPlace[];
  activities: ScoringActivity[];
} {
  const workers: ScoringWorker[] = [];
  for (const w of rows.workers) {
    const id = String(w.id);
    const known = workers.find((x) => x.id === id);
    const post = opt(w.post);
    if (known === undefined) workers.push({ id, name: String(w.name), gridIds: [String(w.grid_id)], active: flag(w.active) === true, ...(post === undefined ? {} : { post }) });
    else known.gridIds.push(String(w.grid_id));
  }
  const places = rows.places.map((p): ScoringPlace => {
    const heightM = p.height_m === null || p.height_m === undefined ? undefined : Number(p.height_m);
    const floors = p.floors === null || p.floors === undefined ? undefined : Number(p.floors);
    const building = heightM === undefined && floors === undefined ? undefined : {
      ...(heightM === undefined ? {} : { heightM }), ...(floors === undefined ? {} : { floors }),
    };
    return { id: String(p.id), kind: String(p.kind), gridId: String(p.grid_id), ...(building === undefined ? {} : { building }) } as ScoringPlace;
  });
  const activities = rows.activities.map((a): ScoringActivity => {
    const placeId = opt(a.place_id);
    const hazardId = opt(a.hazard_id);
    const onTime = flag(a.on_time);
    return {
      id: String(a.id), type: String(a.type) as ScoringActivity['type'], at: new Date(Number(a.at_ms)).toISOString(),
      workerId: String(a.worker_id), gridId: String(a.grid_id),
      ...(placeId === undefined ? {} : { placeId }), ...(hazardId === undefined ? {} : { hazardId }),
      ...(a.due_ms === null || a.due_ms === undefined ? {} : { dueAt: new Date(Number(a.due_ms)).toISOString() }),
      ...(onTime === undefined ? {} : { onTime }),
      ...entryOf(a),
    };
  });
  return { workers, places, activities };
}

/** An assessor's entry's fields back from its row (points from hundredths). */
function entryOf(a: Record<string, unknown>): Partial<ScoringActivity> {
  const item = opt(a.item);
  if (item === undefined) return {};
  const reason = opt(a.reason);
  const by = opt(a.by_id);
  return {
    item, points: Number(a.points_c ?? 0) / 100, ...(reason === undefined ? {} : { reason }), ...(by === undefined ? {} : { by }),
  };
}

/**
 * The indicators' per-unit counts (core's `indicatorsSql`) over one tenant's rows of
 * `score_hazards` and `score_places`, materialized as CTEs like {@link tenantScoresSql}. The rows go
 * to core's `indicatorsFromRows`.
 * @throws FiregridError `config` for an unknown level, a bad scope or period
 */
export function tenantIndicatorsSql(request: IndicatorRequest, dialect: SqlDialect): { sql: string; params(now: Date, tenant: string): unknown } {
  const pg = dialect === 'postgres';
  const tenant = pg ? '$1' : '@tenant';
  const t = SCORING_TABLES;
  const prefix = `WITH fg_h AS MATERIALIZED (SELECT id, grid_id, place_id, status, found_ms, due_ms FROM ${t.hazards}
      WHERE tenant = ${tenant} AND found_ms IS NOT NULL AND found_ms >= ${pg ? '$3' : '@start'} AND found_ms < ${pg ? '$4' : '@end'}),
    fg_p AS MATERIALIZED (SELECT id, grid_id FROM ${t.places} WHERE tenant = ${tenant}),`;
  const q = indicatorsSql(request, { dialect, tables: { hazards: 'fg_h', places: 'fg_p' }, prefix, firstParam: 2 });
  return {
    sql: q.sql,
    params: (now, tenantId) => {
      const own = q.params(now);
      return Array.isArray(own) ? [tenantId, ...own] : { tenant: tenantId, ...own };
    },
  };
}
