/**
 * The scoring rules compiled to SQL (DESIGN §7): `toSql(config, { dialect })` gives one query over
 * `activities`, `workers` and `places` tables that returns, per worker, the same figures, points,
 * total and rank as `computeScores`, so a county's scores can run inside the vendor's database or
 * a distributed SQL engine. PostgreSQL and SQLite are supported and tested against the engine.
 *
 * Identical doubles: every constant that is not a whole number is written as an exact quotient by
 * powers of two (no decimal text is parsed), and the arithmetic is the engine's, in the engine's
 * order; rounding is `floor(x * 100 + 0.5 + 1e-9) / 100` on both sides.
 * @module
 */
import { FiregridError } from '../errors.js';
import { PLACE_KINDS } from '../names.js';
import type { MetricKey } from '../names.js';
import type { ScoreConfig } from '../schema/score-config.js';
import { resolveScoreConfig, targetFor } from './config.js';
import type { ResolvedItem, ResolvedMetric, ResolvedScoreConfig, ScoringConfig } from './config.js';
import { itemActivity } from './config.js';
import { DEFAULT_CODE_LENGTHS, figuresOf } from './engine.js';
import type { CodeLengths, ScoringActivity, ScoringPlace, ScoringWorker } from './engine.js';
import { explainMetric } from './explain.js';
import { explainItem, itemFigures, readsEntries } from './items.js';
import type { ItemScore, MetricScore, RankLevel, ScoreReport, WorkerScore } from './result.js';
import { ROUNDING_EPSILON } from './round.js';
import { dueEnd, parseAt } from './window.js';

/** SQL dialects `toSql` writes. */
export const SQL_DIALECTS = ['postgres', 'sqlite'] as const;
/** One of {@link SQL_DIALECTS}. */
export type SqlDialect = (typeof SQL_DIALECTS)[number];

/** Names of the three tables the query reads (plain or schema-qualified identifiers). */
export interface ScoringTables {
  activities: string;
  workers: string;
  places: string;
}

/** Options of {@link toSql}. */
export interface ToSqlOptions<D extends SqlDialect = SqlDialect> {
  dialect: D;
  /** The level ranks are computed within; `grid` by default. */
  rankBy?: RankLevel;
  /** Code prefix lengths of street and community; 9 and 12 by default. */
  codeLengths?: Partial<CodeLengths>;
  /** Table names; `activities`, `workers`, `places` by default (map views over your own tables). */
  tables?: Partial<ScoringTables>;
}

/** The parameters of a compiled query in dialect `D`: positional for PostgreSQL, named for SQLite. */
export type ScoringParams<D extends SqlDialect> = D extends 'postgres' ? [number] : { now: number };

/** A compiled query. */
export interface CompiledScoring<D extends SqlDialect = SqlDialect> {
  /** One statement. Its only parameter is the instant scores are for, as epoch milliseconds. */
  sql: string;
  /**
   * The parameters for the instant scores are for: `[ms]` for PostgreSQL (placeholder `$1`),
   * `{ now: ms }` for SQLite (placeholder `@now`, a named parameter every SQLite driver binds).
   */
  params(now: Date): ScoringParams<D>;
  /** Output columns in order, e.g. `worker_id`, `coverage_value`, …, `total`, `rank_code`, `rank_position`, `rank_of`. */
  columns: string[];
}

/**
 * The tables the query reads. Vendors map them as views over their own tables; the reference
 * shapes are in {@link scoringTablesDdl}.
 *
 * - `activities(id, type, at_ms, worker_id, grid_id, place_id, hazard_id, due_ms, on_time, item, points_c)`:
 *   `at_ms` is the activity's instant and `due_ms` the last instant of its deadline (a calendar-day
 *   deadline runs to 23:59:59.999 in UTC+8), both epoch milliseconds; `on_time` a boolean; `item`
 *   and `points_c` an assessor's entry (`assessment.entered`): the scheme line and the points in
 *   hundredths (a whole number, so sums are exact).
 * - `workers(id, name, grid_id, seq, active, post)`: one row per grid a worker works, `seq` 0 for his
 *   home grid (the first of `gridIds`, which places him for ranking); `post` his post (per-post quotas).
 * - `places(id, kind, grid_id, height_m, floors)`.
 */
export function scoringTablesDdl(dialect: SqlDialect, tables: Partial<ScoringTables> = {}): string[] {
  const t = tableNames(tables);
  const big = dialect === 'postgres' ? 'BIGINT' : 'INTEGER';
  const real = dialect === 'postgres' ? 'DOUBLE PRECISION' : 'REAL';
  const bool = dialect === 'postgres' ? 'BOOLEAN' : 'INTEGER';
  return [
    `CREATE TABLE ${t.activities} (id TEXT NOT NULL, type TEXT NOT NULL, at_ms ${big} NOT NULL, worker_id TEXT NOT NULL, grid_id TEXT NOT NULL, place_id TEXT, hazard_id TEXT, due_ms ${big}, on_time ${bool}, item TEXT, points_c ${big})`,
    `CREATE TABLE ${t.workers} (id TEXT NOT NULL, name TEXT NOT NULL, grid_id TEXT NOT NULL, seq INTEGER NOT NULL, active ${bool} NOT NULL, post TEXT)`,
    `CREATE TABLE ${t.places} (id TEXT NOT NULL, kind TEXT NOT NULL, grid_id TEXT NOT NULL, height_m ${real}, floors INTEGER)`,
  ];
}

/** A row of the `activities` table. */
export interface ActivityRow {
  id: string;
  type: string;
  at_ms: number;
  worker_id: string;
  grid_id: string;
  place_id: string | null;
  hazard_id: string | null;
  due_ms: number | null;
  on_time: boolean | null;
  /** An assessor's entry: the scheme line it is for, and its points in hundredths. */
  item: string | null;
  points_c: number | null;
}
/** A row of the `workers` table. */
export interface WorkerRow {
  id: string;
  name: string;
  grid_id: string;
  seq: number;
  active: boolean;
  /** His post, for per-post quotas; null when he has none. */
  post: string | null;
}
/** A row of the `places` table. */
export interface PlaceRow {
  id: string;
  kind: string;
  grid_id: string;
  height_m: number | null;
  floors: number | null;
}

/**
 * Records as rows of the three tables, the way `computeScores` reads them: times and deadlines as
 * epoch ms, a row per worker and grid (duplicate grids and a repeated worker or place id dropped,
 * the first kept).
 * @throws FiregridError `validation` for an activity time that is not ISO 8601
 */
export function scoringRows(data: {
  activities: readonly ScoringActivity[];
  workers: readonly ScoringWorker[];
  places: readonly ScoringPlace[];
}): { activities: ActivityRow[]; workers: WorkerRow[]; places: PlaceRow[] } {
  const activities = data.activities.map((a): ActivityRow => {
    const due = a.dueAt === undefined ? NaN : dueEnd(a.dueAt);
    return {
      id: a.id, type: a.type, at_ms: parseAt(a.at), worker_id: a.workerId, grid_id: a.gridId, place_id: a.placeId ?? null,
      hazard_id: a.hazardId ?? null, due_ms: Number.isNaN(due) ? null : due, on_time: a.onTime ?? null,
      item: a.item ?? null, points_c: a.points === undefined ? null : Math.round(a.points * 100),
    };
  });
  const seenWorkers = new Set<string>();
  const workers: WorkerRow[] = [];
  for (const w of data.workers) {
    if (seenWorkers.has(w.id)) continue;
    seenWorkers.add(w.id);
    [...new Set(w.gridIds)].forEach((grid, seq) => workers.push({ id: w.id, name: w.name, grid_id: grid, seq, active: w.active, post: w.post ?? null }));
  }
  const seenPlaces = new Set<string>();
  const places: PlaceRow[] = [];
  for (const p of data.places) {
    if (seenPlaces.has(p.id)) continue;
    seenPlaces.add(p.id);
    places.push({ id: p.id, kind: p.kind, grid_id: p.gridId, height_m: p.building?.heightM ?? null, floors: p.building?.floors ?? null });
  }
  return { activities, workers, places };
}

const IDENTIFIER = /^[A-Za-z_][A-Za-z0-9_]*(\.[A-Za-z_][A-Za-z0-9_]*)?$/;

function tableNames(tables: Partial<ScoringTables>): ScoringTables {
  const t = { activities: 'activities', workers: 'workers', places: 'places', ...tables };
  for (const [key, name] of Object.entries(t)) {
    if (!IDENTIFIER.test(name)) {
      throw new FiregridError('config', `toSql: tables.${key} must be a plain or schema-qualified identifier, got "${name}"`, {
        issues: [{ path: `tables.${key}`, message: 'not an identifier' }],
      });
    }
  }
  return t;
}

const quote = (text: string): string => `'${text.replace(/'/g, "''")}'`;

/** SQL of one dialect: the few places PostgreSQL and SQLite differ. */
interface Dialect {
  float: string;
  /** `least`/`greatest` of two values. */
  min(a: string, b: string): string;
  max(a: string, b: string): string;
  floor(x: string): string;
  collate: string;
  now: string;
  int(x: string): string;
}

const DIALECTS: Record<SqlDialect, Dialect> = {
  postgres: {
    float: 'DOUBLE PRECISION',
    min: (a, b) => `LEAST(${a}, ${b})`,
    max: (a, b) => `GREATEST(${a}, ${b})`,
    floor: (x) => `floor(${x})`,
    collate: ' COLLATE "C"',
    now: '$1',
    int: (x) => `CAST(${x} AS INTEGER)`,
  },
  sqlite: {
    float: 'REAL',
    // Scalar min/max of two arguments.
    min: (a, b) => `min(${a}, ${b})`,
    max: (a, b) => `max(${a}, ${b})`,
    // Values rounded are never negative, where truncation is floor; SQLite's floor() needs its math extension.
    floor: (x) => `CAST(${x} AS INTEGER)`,
    collate: ' COLLATE BINARY',
    now: '@now',
    int: (x) => x,
  },
};

/**
 * A double as SQL that evaluates to exactly that double: a whole number as itself, anything else
 * as an integer divided by powers of two (each division exact), so no decimal text is parsed.
 */
function exact(x: number, d: Dialect): string {
  if (!Number.isFinite(x)) throw new RangeError(`toSql: ${x} is not a finite number`);
  const cast = (n: number | bigint): string => `CAST(${n.toString()} AS ${d.float})`;
  if (Number.isInteger(x) && Math.abs(x) <= Number.MAX_SAFE_INTEGER) return cast(x);
  let m = x;
  let e = 0;
  while (!Number.isInteger(m)) {
    m *= 2;
    e++;
  }
  let out = cast(m);
  while (e > 0) {
    const step = Math.min(e, 52);
    out = `(${out} / ${cast(2 ** step)})`;
    e -= step;
  }
  return out;
}

/** `floor(x * scale + 0.5 + ε) / scale`: the engine's rounding of a value that is never negative. */
function round(x: string, scale: number, d: Dialect): string {
  return `(${d.floor(`${x} * ${exact(scale, d)} + ${exact(0.5, d)} + ${exact(ROUNDING_EPSILON, d)}`)} / ${exact(scale, d)})`;
}

const inPeriod = (c: ResolvedScoreConfig, alias = 'a'): string => `${alias}.at_ms >= ${c.startMs} AND ${alias}.at_ms < ${c.endMs}`;

/** The CTE that gives `worker_id, value, out_of` (and more for overdue) for one metric. */
function metricCte(m: ResolvedMetric, c: ResolvedScoreConfig, t: ScoringTables): string {
  const HZ = "'hazard.assigned', 'hazard.closed'";
  switch (m.key) {
    case 'coverage': {
      if (m.params.mode === 'quota') {
        return `SELECT a.worker_id, ${m.params.count === 'places' ? 'COUNT(DISTINCT a.place_id)' : 'COUNT(*)'} AS value FROM ${t.activities} a JOIN sw ON sw.worker_id = a.worker_id
          WHERE a.type = 'inspection.submitted' AND ${inPeriod(c)} GROUP BY a.worker_id`;
      }
      const needs = PLACE_KINDS
        .map((k) => [k, targetFor(c.visitsPerMonth[k] ?? 0, c.months)] as const)
        .filter(([, n]) => n > 0)
        .map(([k, n]) => `WHEN ${quote(k)} THEN ${n}`);
      const need = needs.length === 0 ? '0' : `CASE p.kind ${needs.join(' ')} ELSE 0 END`;
      return `SELECT r.worker_id, SUM(CASE WHEN COALESCE(v.visits, 0) >= r.need THEN 1 ELSE 0 END) AS value, COUNT(*) AS out_of
        FROM (SELECT sg.worker_id, p.id AS place_id, ${need} AS need FROM sg JOIN ${t.places} p ON p.grid_id = sg.grid_id) r
        LEFT JOIN (SELECT a.worker_id, a.place_id, COUNT(*) AS visits FROM ${t.activities} a
          WHERE a.type = 'inspection.submitted' AND ${inPeriod(c)} GROUP BY a.worker_id, a.place_id) v
          ON v.worker_id = r.worker_id AND v.place_id = r.place_id
        WHERE r.need > 0 GROUP BY r.worker_id`;
    }
    case 'discovery':
      return `SELECT a.worker_id, COUNT(DISTINCT a.hazard_id) AS value FROM ${t.activities} a JOIN sw ON sw.worker_id = a.worker_id
        LEFT JOIN (SELECT DISTINCT hazard_id FROM ${t.activities} WHERE type = 'hazard.rejected' AND hazard_id IS NOT NULL) r
          ON r.hazard_id = a.hazard_id
        WHERE a.type = 'hazard.verified' AND a.hazard_id IS NOT NULL AND ${inPeriod(c)} AND r.hazard_id IS NULL
        GROUP BY a.worker_id`;
    case 'closure':
    case 'overdue': {
      const byGrid = m.params.attribution === 'grid';
      const members = byGrid
        ? `SELECT DISTINCT sg.worker_id, a.hazard_id FROM ${t.activities} a JOIN sg ON sg.grid_id = a.grid_id
            WHERE a.type IN (${HZ}) AND a.hazard_id IS NOT NULL`
        : `SELECT DISTINCT a.worker_id, a.hazard_id FROM ${t.activities} a JOIN sw ON sw.worker_id = a.worker_id
            WHERE a.type IN (${HZ}) AND a.hazard_id IS NOT NULL`;
      const hazards = `SELECT m.worker_id, SUM(1 - h.late) AS on_time, SUM(h.late) AS late, COUNT(*) AS due
        FROM (${members}) m JOIN hz_in h ON h.hazard_id = m.hazard_id GROUP BY m.worker_id`;
      if (m.key === 'closure') return `SELECT worker_id, on_time AS value, due AS out_of FROM (${hazards}) x`;
      const reviews = byGrid
        ? `SELECT sg.worker_id, COUNT(*) AS n FROM ${t.activities} a JOIN sg ON sg.grid_id = a.grid_id`
        : `SELECT a.worker_id, COUNT(*) AS n FROM ${t.activities} a JOIN sw ON sw.worker_id = a.worker_id`;
      return `SELECT sw.worker_id, COALESCE(hh.late, 0) AS hazards, COALESCE(rr.n, 0) AS reviews, COALESCE(hh.late, 0) + COALESCE(rr.n, 0) AS value
        FROM sw LEFT JOIN (${hazards}) hh ON hh.worker_id = sw.worker_id
        LEFT JOIN (${reviews} WHERE a.type = 'review.done' AND ${inPeriod(c)} AND (a.on_time IS NULL OR a.on_time = FALSE)
          GROUP BY ${byGrid ? 'sg' : 'a'}.worker_id) rr ON rr.worker_id = sw.worker_id`;
    }
    case 'review':
      return `SELECT a.worker_id, SUM(CASE WHEN a.on_time = TRUE THEN 1 ELSE 0 END) AS value, COUNT(*) AS out_of
        FROM ${t.activities} a JOIN sw ON sw.worker_id = a.worker_id
        WHERE a.type = 'review.done' AND ${inPeriod(c)} GROUP BY a.worker_id`;
    case 'captains': {
      // isHighRise (DESIGN §2): residential over 27 m, or ≥ 10 floors without a height; any other kind over 24 m unless single-storey.
      const residential = `(p.height_m IS NOT NULL AND p.height_m > 27) OR (p.height_m IS NULL AND p.floors >= 10)`;
      const other = `p.height_m > 24 AND (p.floors IS NULL OR p.floors <> 1)`;
      const highRise = m.params.buildings === 'all'
        ? `((p.kind = 'residential' AND (${residential})) OR (p.kind <> 'residential' AND ${other}))`
        : `(p.kind = 'residential' AND (${residential}))`;
      const byWorker = m.params.attribution === 'worker';
      return `SELECT r.worker_id, SUM(CASE WHEN c.place_id IS NULL THEN 0 ELSE 1 END) AS value, COUNT(*) AS out_of
        FROM (SELECT sg.worker_id, p.id AS place_id FROM sg JOIN ${t.places} p ON p.grid_id = sg.grid_id WHERE ${highRise}) r
        LEFT JOIN (SELECT DISTINCT place_id${byWorker ? ', worker_id' : ''} FROM ${t.activities}
          WHERE type = 'captain.registered' AND place_id IS NOT NULL AND at_ms < ${c.endMs}) c
          ON c.place_id = r.place_id${byWorker ? ' AND c.worker_id = r.worker_id' : ''}
        GROUP BY r.worker_id`;
    }
    case 'outreach':
      return `SELECT a.worker_id, COUNT(*) AS value FROM ${t.activities} a JOIN sw ON sw.worker_id = a.worker_id
        WHERE a.type IN ('training.held', 'publicity.held') AND ${inPeriod(c)} GROUP BY a.worker_id`;
  }
}

/** The fixed `out_of` of metrics measured against a target, when the target is not the best in scope. */
function fixedOutOf(m: ResolvedMetric, c: ResolvedScoreConfig): number | undefined {
  if (m.key === 'coverage' && m.params.mode === 'quota') return targetFor(m.params.quotaPerMonth, c.months);
  if ((m.key === 'discovery' || m.key === 'outreach') && m.params.relativeTo === 'target') return targetFor(m.params.targetPerMonth, c.months);
  return undefined;
}

/** The CTE that gives `worker_id, n, c` for one scheme line: its activities in the period and the hundredths entered on them. */
function itemCte(it: ResolvedItem, c: ResolvedScoreConfig, t: ScoringTables): string {
  const type = itemActivity(it);
  const own = type === 'assessment.entered' ? ` AND a.item = ${quote(it.key)}` : '';
  return `SELECT a.worker_id, COUNT(*) AS n, SUM(COALESCE(a.points_c, 0)) AS c FROM ${t.activities} a JOIN sw ON sw.worker_id = a.worker_id
        WHERE a.type = ${quote(type)}${own} AND ${inPeriod(c)} GROUP BY a.worker_id`;
}

/** One line's points as SQL: itemFigures, in the same order. */
function itemPoints(it: ResolvedItem, k: number, c: ResolvedScoreConfig, d: Dialect): string {
  const f = (n: number): string => exact(n, d);
  const entered = `(CAST(i${k}_cents AS ${d.float}) / ${f(100)})`;
  switch (it.kind) {
    case 'assessor': {
      const start = it.start === 'full' ? it.points : 0;
      return round(d.min(f(it.points), d.max(f(0), `(${f(start)} + ${entered})`)), 100, d);
    }
    case 'deduction':
    case 'bonus': {
      const amount = d.max(f(0), readsEntries(it) ? entered : `(CAST(i${k}_count AS ${d.float}) * ${f(it.per)})`);
      const taken = round(d.min(f(it.cap), amount), 100, d);
      return it.kind === 'deduction' ? `(${f(0)} - ${taken})` : taken;
    }
    case 'threshold':
      return `CASE WHEN i${k}_count >= ${targetFor(it.atLeastPerMonth, c.months)} THEN ${f(it.points)} ELSE ${f(0)} END`;
  }
}

/** True when a quota is set per post: the query reads the workers' `post`. */
const perPost = (c: ResolvedScoreConfig): boolean =>
  c.metrics.some((m) => m.key === 'coverage' && m.params.mode === 'quota' && Object.keys(m.params.quotaByPost).length > 0);

const relative = (m: ResolvedMetric): boolean => (m.key === 'discovery' || m.key === 'outreach') && m.params.relativeTo === 'best';

/**
 * Compiles a score configuration to one SQL query (see {@link CompiledScoring}) over the tables of
 * {@link scoringTablesDdl}: per scored worker (active, with a grid in scope) a row with
 * `worker_id`, `name`, `grid_id` (home), for each metric `<key>_value`, `<key>_out_of`,
 * `<key>_normalized`, `<key>_points` (overdue: `overdue_value`, `overdue_hazards`,
 * `overdue_reviews`, `overdue_deduction`, `overdue_normalized`, `overdue_points`), then `total`,
 * `rank_code`, `rank_position`, `rank_of`; ordered by rank code, then position. The numbers equal
 * `computeScores`'s for the same data (tested on SQLite and PostgreSQL); {@link reportFromRows}
 * turns the rows into a {@link ScoreReport} with the same explanations.
 * @throws FiregridError `config` naming the field of a bad configuration or table name
 * @example
 * const q = toSql(config, { dialect: 'postgres', rankBy: 'community' });
 * const { rows } = await pg.query(q.sql, q.params(new Date()));
 * const report = reportFromRows(rows, config, { now: new Date(), rankBy: 'community' });
 */
export function toSql<D extends SqlDialect>(config: ScoringConfig | ScoreConfig, options: ToSqlOptions<D>): CompiledScoring<D> {
  const dialect: unknown = options.dialect;
  if (!(SQL_DIALECTS as readonly unknown[]).includes(dialect)) {
    throw new FiregridError('config', `toSql: dialect must be one of ${SQL_DIALECTS.join(', ')}, got ${JSON.stringify(dialect)}`, {
      issues: [{ path: 'dialect', message: 'unknown dialect' }],
    });
  }
  const d = DIALECTS[options.dialect];
  const c = resolveScoreConfig(config, 'en');
  const t = tableNames(options.tables ?? {});
  const lengths = { ...DEFAULT_CODE_LENGTHS, ...options.codeLengths };
  const rankBy = options.rankBy ?? 'grid';
  const now = d.now;
  const f = (n: number): string => exact(n, d);
  const float = (x: string): string => `CAST(${x} AS ${d.float})`;

  // The instant is a parameter of every query, read or not: PostgreSQL refuses a parameter the text does not use.
  const usesNow = c.metrics.some((m) => m.key === 'closure' || m.key === 'overdue');
  const nowUsed = usesNow ? '' : ` AND CAST(${now} AS ${options.dialect === 'postgres' ? 'BIGINT' : 'INTEGER'}) IS NOT NULL`;
  const scope = c.scope === '*' ? '' : ` AND EXISTS (SELECT 1 FROM ${t.workers} x WHERE x.id = w.id AND substr(x.grid_id, 1, ${c.scope.length}) = ${quote(c.scope)})`;
  const ctes: string[] = [
    `sw AS MATERIALIZED (SELECT w.id AS worker_id, w.name, w.grid_id AS home${perPost(c) ? ', w.post' : ''} FROM ${t.workers} w WHERE w.seq = 0 AND w.active = TRUE${nowUsed}${scope})`,
    `sg AS MATERIALIZED (SELECT DISTINCT w.id AS worker_id, w.grid_id FROM ${t.workers} w JOIN sw ON sw.worker_id = w.id)`,
  ];
  if (c.metrics.some((m) => m.key === 'closure' || m.key === 'overdue')) {
    ctes.push(`hz AS MATERIALIZED (SELECT hazard_id, MAX(due_ms) AS due,
        MAX(CASE WHEN type = 'hazard.closed' THEN 1 ELSE 0 END) AS closed,
        MAX(CASE WHEN type = 'hazard.closed' AND on_time = TRUE THEN 1 ELSE 0 END) AS on_time,
        MIN(CASE WHEN type = 'hazard.closed' THEN at_ms END) AS closed_at
      FROM ${t.activities} WHERE type IN ('hazard.assigned', 'hazard.closed') AND hazard_id IS NOT NULL GROUP BY hazard_id)`);
    // A hazard is this period's when its deadline (or, without one, its closure) falls in it; it
    // counts once closed, or once its deadline has passed at the instant scored for.
    ctes.push(`hz_in AS MATERIALIZED (SELECT hazard_id, CASE WHEN closed = 1 THEN 1 - on_time ELSE 1 END AS late FROM (
        SELECT hazard_id, closed, on_time, COALESCE(due, CASE WHEN closed = 1 THEN closed_at END) AS due FROM hz) h
      WHERE h.due >= ${c.startMs} AND h.due < ${c.endMs} AND (h.closed = 1 OR h.due < ${now}))`);
  }
  // Materialized: each metric is computed once, whatever join order the planner picks afterwards
  // (an inlined aggregate under a nested loop would be recomputed per worker).
  c.metrics.forEach((m) => ctes.push(`m_${m.key} AS MATERIALIZED (${metricCte(m, c, t)})`));
  c.items.forEach((it, k) => ctes.push(`i_${k} AS MATERIALIZED (${itemCte(it, c, t)})`));

  // Raw figures per worker.
  const raw: string[] = [];
  for (const m of c.metrics) {
    const k = m.key;
    raw.push(`COALESCE(m_${k}.value, 0) AS ${k}_value`);
    if (k === 'overdue') {
      raw.push(`COALESCE(m_${k}.hazards, 0) AS ${k}_hazards`, `COALESCE(m_${k}.reviews, 0) AS ${k}_reviews`);
      continue;
    }
    const fixed = fixedOutOf(m, c);
    if (m.key === 'coverage' && m.params.mode === 'quota' && Object.keys(m.params.quotaByPost).length > 0) {
      // quotaOf: the post's quota, else quotaPerMonth.
      const posts = Object.entries(m.params.quotaByPost).map(([post, q]) => `WHEN ${quote(post)} THEN ${targetFor(q, c.months)}`);
      raw.push(`CASE sw.post ${posts.join(' ')} ELSE ${targetFor(m.params.quotaPerMonth, c.months)} END AS ${k}_out_of`);
    } else if (fixed !== undefined) raw.push(`${fixed} AS ${k}_out_of`);
    else if (!relative(m)) raw.push(`COALESCE(m_${k}.out_of, 0) AS ${k}_out_of`);
  }
  c.items.forEach((_, k) => raw.push(`COALESCE(i_${k}.n, 0) AS i${k}_count`, `COALESCE(i_${k}.c, 0) AS i${k}_cents`));
  const joins = [
    ...c.metrics.map((m) => `LEFT JOIN m_${m.key} ON m_${m.key}.worker_id = sw.worker_id`),
    ...c.items.map((_, k) => `LEFT JOIN i_${k} ON i_${k}.worker_id = sw.worker_id`),
  ].join('\n    ');
  ctes.push(`raw AS (SELECT sw.worker_id, sw.name, sw.home, ${raw.join(', ')} FROM sw
    ${joins})`);

  // Relative metrics are measured against the best in scope.
  const best = c.metrics.filter(relative).map((m) => `COALESCE(MAX(${m.key}_value) OVER (), 0) AS ${m.key}_out_of`);
  ctes.push(`raw2 AS (SELECT raw.*${best.map((b) => `, ${b}`).join('')} FROM raw)`);

  // Ratios: figuresOf, in SQL.
  const ratios = c.metrics.map((m) => {
    const k = m.key;
    if (k === 'overdue') {
      const w = f(m.weight);
      const deduction = d.min(d.min(f(c.deductions.cap), `${float(`${k}_value`)} * ${f(c.deductions.perOverdue)}`), w);
      return `${deduction} AS ${k}_deduction_raw`;
    }
    const none = m.params.whenNone === 'full' ? f(1) : f(0);
    return `CASE WHEN ${k}_out_of <= 0 THEN ${none} ELSE ${d.min(f(1), `${float(`${k}_value`)} / ${float(`${k}_out_of`)}`)} END AS ${k}_ratio`;
  });
  ctes.push(`ratios AS (SELECT raw2.*, ${ratios.join(', ')} FROM raw2)`);

  const points = c.metrics.map((m) => {
    const k = m.key;
    if (k === 'overdue') return `${round(`(${f(m.weight)} - ${k}_deduction_raw)`, 100, d)} AS ${k}_points`;
    return `${round(`${k}_ratio * ${f(m.weight)}`, 100, d)} AS ${k}_points`;
  });
  c.items.forEach((it, k) => points.push(`${itemPoints(it, k, c, d)} AS i${k}_points`));
  ctes.push(`points AS (SELECT ratios.*, ${points.join(', ')} FROM ratios)`);

  const code = rankBy === 'grid' ? 'home'
    : rankBy === 'community' ? `substr(home, 1, ${lengths.community})`
    : rankBy === 'street' ? `substr(home, 1, ${lengths.street})`
    : quote(c.scope);
  const metricsSum = c.metrics.reduce((acc, m) => `(${acc} + ${m.key}_points)`, f(0));
  // Scheme lines come after the metrics, in order; the sum is then kept in 0…max (clampTotal).
  const sum = c.items.length === 0 ? metricsSum : (() => {
    const all = c.items.reduce((acc, _, k) => `(${acc} + i${k}_points)`, metricsSum);
    return d.max(f(0), c.bonusAboveMax ? all : d.min(f(c.max), all));
  })();
  ctes.push(`totals AS (SELECT points.*, ${round(sum, 100, d)} AS total, ${code} AS rank_code FROM points)`);

  const columns = ['worker_id', 'name', 'grid_id'];
  const select = ['worker_id', 'name', 'home AS grid_id'];
  for (const m of c.metrics) {
    const k = m.key;
    if (k === 'overdue') {
      select.push(
        `${d.int(`${k}_value`)} AS ${k}_value`, `${d.int(`${k}_hazards`)} AS ${k}_hazards`, `${d.int(`${k}_reviews`)} AS ${k}_reviews`,
        `${round(`${k}_deduction_raw`, 100, d)} AS ${k}_deduction`,
        `${round(`CASE WHEN ${f(m.weight)} > 0 THEN ${k}_points / ${f(m.weight)} WHEN ${k}_value = 0 THEN ${f(1)} ELSE ${f(0)} END`, 10_000, d)} AS ${k}_normalized`,
        `${k}_points`,
      );
      columns.push(`${k}_value`, `${k}_hazards`, `${k}_reviews`, `${k}_deduction`, `${k}_normalized`, `${k}_points`);
      continue;
    }
    select.push(`${d.int(`${k}_value`)} AS ${k}_value`, `${d.int(`${k}_out_of`)} AS ${k}_out_of`, `${round(`${k}_ratio`, 10_000, d)} AS ${k}_normalized`, `${k}_points`);
    columns.push(`${k}_value`, `${k}_out_of`, `${k}_normalized`, `${k}_points`);
  }
  c.items.forEach((_, k) => {
    select.push(`${d.int(`i${k}_count`)} AS i${k}_count`, `${d.int(`i${k}_cents`)} AS i${k}_cents`, `i${k}_points`);
    columns.push(`i${k}_count`, `i${k}_cents`, `i${k}_points`);
  });
  select.push(
    'total', 'rank_code',
    `${d.int(`ROW_NUMBER() OVER (PARTITION BY rank_code ORDER BY total DESC, worker_id${d.collate})`)} AS rank_position`,
    `${d.int('COUNT(*) OVER (PARTITION BY rank_code)')} AS rank_of`,
  );
  columns.push('total', 'rank_code', 'rank_position', 'rank_of');

  const sql = `WITH ${ctes.join(',\n')}
SELECT ${select.join(', ')}
FROM totals
ORDER BY rank_code${d.collate}, rank_position`;
  const positional = options.dialect === 'postgres';
  // The conditional type cannot follow a runtime check on `D`; the two branches match it by construction.
  const params = (at: Date): ScoringParams<D> =>
    (positional ? [at.getTime()] : { now: at.getTime() }) as ScoringParams<D>;
  return { sql, params, columns };
}

/** Options of {@link reportFromRows}. */
export interface ReportFromRowsOptions {
  /** The instant the query was run for (its parameter). */
  now: Date;
  /** The level the query ranked within; `grid` by default. */
  rankBy?: RankLevel;
}

const num = (row: Record<string, unknown>, column: string): number => {
  const v = row[column];
  const n = typeof v === 'number' ? v : typeof v === 'bigint' || typeof v === 'string' ? Number(v) : NaN;
  if (Number.isNaN(n)) {
    throw new FiregridError('validation', `reportFromRows: column ${column} is not a number (${String(v)})`, {
      issues: [{ path: column, message: 'not a number' }],
    });
  }
  return n;
};

/**
 * Turns the rows of a {@link toSql} query into a {@link ScoreReport}: the figures and points as the
 * database computed them, the explanations made from them by the engine's own wording. Activity
 * and place ids are not in the rows; those lists are empty (ask `computeScores` for one worker's
 * evidence).
 */
export function reportFromRows(rows: readonly Record<string, unknown>[], config: ScoringConfig | ScoreConfig, options: ReportFromRowsOptions): ScoreReport {
  const c = resolveScoreConfig(config, 'en');
  const rankBy = options.rankBy ?? 'grid';
  const workers = rows.map((row): WorkerScore => ({
    workerId: String(row.worker_id),
    name: String(row.name),
    gridId: String(row.grid_id),
    total: num(row, 'total'),
    rank: { level: rankBy, code: String(row.rank_code), position: num(row, 'rank_position'), of: num(row, 'rank_of') },
    metrics: c.metrics.map((m): MetricScore => metricFromRow(m, row, c)),
    ...(c.items.length === 0 ? {} : { items: c.items.map((it, k): ItemScore => itemFromRow(it, k, row, c)) }),
  }));
  return {
    ...(c.id === undefined ? {} : { configId: c.id }),
    name: c.name,
    period: { ...c.period },
    scope: c.scope,
    rankBy,
    asOf: options.now.toISOString(),
    workers,
  };
}

function metricFromRow(m: ResolvedMetric, row: Record<string, unknown>, c: ResolvedScoreConfig): MetricScore {
  const k: MetricKey = m.key;
  const value = num(row, `${k}_value`);
  const outOf = k === 'overdue' ? null : num(row, `${k}_out_of`);
  const raw = k === 'overdue'
    ? { value, outOf, overdueHazards: num(row, `${k}_hazards`), overdueReviews: num(row, `${k}_reviews`) }
    : { value, outOf };
  // The explanation's wording reads the figures; the numbers shown are the database's.
  const figures = { ...figuresOf(m, raw, c), points: num(row, `${k}_points`) };
  if (k === 'overdue') figures.deduction = num(row, `${k}_deduction`);
  const score: MetricScore = {
    key: k, weight: m.weight, value, outOf, normalized: num(row, `${k}_normalized`), points: figures.points,
    explanation: explainMetric(m, figures, c.deductions), activityIds: [], placeIds: [],
  };
  if (figures.deduction !== undefined) score.deduction = figures.deduction;
  return score;
}

function itemFromRow(it: ResolvedItem, k: number, row: Record<string, unknown>, c: ResolvedScoreConfig): ItemScore {
  const raw = { count: num(row, `i${k}_count`), cents: num(row, `i${k}_cents`) };
  const figures = { ...itemFigures(it, raw, c), points: num(row, `i${k}_points`) };
  return {
    key: it.key, kind: it.kind, label: it.label, value: figures.value, outOf: figures.outOf, points: figures.points,
    explanation: explainItem(it, figures, raw), activityIds: [], entries: [],
  };
}
