/**
 * The plan's indicators by unit (issue 21, DESIGN §7): 整改率, 销号率 and 超期率 of the hazards
 * found in a period, per community, street or county. Pure, clock passed in; {@link indicatorsSql}
 * computes the same counts in SQL over one table row per hazard ({@link indicatorHazardRow}) and
 * the scoring tables' places, so a county's figures never load its records into JavaScript.
 *
 * Definitions, for a period `[from, to]` (whole days in UTC+8) and the clock `now`:
 * - a hazard's **unit** is the code prefix of its grid at the level (county 6 digits, street 9,
 *   community 12): its own `gridId`, else its place's grid; a hazard with neither has no unit;
 * - it was **found** at the time of its first `submit` (draft → reported), or at `createdAt` when it
 *   was created already reported; a hazard still in `draft` or `rejected` (not a hazard after all)
 *   is not counted;
 * - **found** (发现隐患数) = hazards of the unit found in the period;
 * - **rectified** (已整改) = of those, the ones whose status at `now` is `awaiting-review` or `closed`;
 * - **closed** (已销号) = of those, the ones whose status at `now` is `closed`;
 * - **overdue** (超期) = of those, the ones overdue at `now` (open, with an effective deadline —
 *   the earlier of the 整改时限 and a listed supervision's — whose last instant is before `now`);
 * - 整改率 = rectified ÷ found, 销号率 = closed ÷ found, 超期率 = overdue ÷ found, each rounded half
 *   away from zero to 4 decimals; `null` (无数据) when nothing was found.
 *
 * The units listed are those in scope with a place or a found hazard, sorted by code.
 * @module
 */
import * as z from 'zod/mini';
import { FiregridError } from '../errors.js';
import { effectiveDeadline } from '../hazard/deadlines.js';
import { IsoDate, IsoDateTime, NonEmpty } from '../schema/common.js';
import { periodBounds } from './period.js';
import type { Period } from './period.js';
import { roundHalfAway } from './round.js';
import type { SqlDialect } from './sql.js';

/** Levels the indicators are given by: 县(区), 乡镇(街道), 社区(村). */
export const INDICATOR_LEVELS = ['county', 'street', 'community'] as const;
/** One of {@link INDICATOR_LEVELS}. */
export type IndicatorLevel = (typeof INDICATOR_LEVELS)[number];

/** Code prefix length of each level (GB/T 10114: 6-digit county, 3-digit street, 3-digit community). */
export const INDICATOR_CODE_LENGTHS: Readonly<Record<IndicatorLevel, number>> = Object.freeze({ county: 6, street: 9, community: 12 });

/** The statuses counted as rectified (整改完成, reviewed or awaiting review). */
export const RECTIFIED_STATUSES = ['awaiting-review', 'closed'] as const;

/** What the indicators read of a hazard (a stored hazard has all of it). */
export interface IndicatorHazard {
  id: string;
  status: string;
  createdAt: string;
  gridId?: string | undefined;
  placeId?: string | undefined;
  deadline?: string | undefined;
  supervision?: { deadline?: string | undefined; listedAt?: string | undefined; liftedAt?: string | undefined } | undefined;
  history?: readonly { at: string; action: string; from?: string | undefined; to?: string | undefined }[] | undefined;
}

/** What the indicators read of a place: its id and grid. */
export interface IndicatorPlace {
  id: string;
  gridId: string;
}

/** One hazard as the indicators' table row (`score_hazards` without the tenant). */
export interface IndicatorHazardRow {
  id: string;
  /** Its own grid; `null` when it takes its place's. */
  grid_id: string | null;
  place_id: string | null;
  status: string;
  /** When it was found (epoch ms); `null` for a draft. */
  found_ms: number | null;
  /** Last instant of its effective deadline (epoch ms), `null` without one. */
  due_ms: number | null;
}

/**
 * A hazard as its row of the indicators' table: what {@link computeIndicators} and
 * {@link indicatorsSql} both read, so the two cannot disagree on a date.
 * @throws FiregridError `validation` when a non-draft hazard's found time is not a date
 */
export function indicatorHazardRow(h: IndicatorHazard): IndicatorHazardRow {
  let found: number | null = null;
  if (h.status !== 'draft') {
    const submit = h.history?.find((e) => e.action === 'submit');
    const at = submit?.at ?? h.createdAt;
    found = Date.parse(at);
    if (Number.isNaN(found)) {
      throw new FiregridError('validation', `hazard ${h.id}: the time it was found ("${at}") is not an ISO 8601 instant`, {
        issues: [{ path: submit === undefined ? 'createdAt' : 'history', message: 'not an instant' }],
      });
    }
  }
  const sup = h.supervision === undefined ? undefined : {
    ...(h.supervision.deadline === undefined ? {} : { deadline: h.supervision.deadline }),
    ...(h.supervision.listedAt === undefined ? {} : { listedAt: h.supervision.listedAt }),
  };
  const due = effectiveDeadline({
    ...(h.deadline === undefined ? {} : { deadline: h.deadline }),
    ...(sup === undefined ? {} : { supervision: sup as never }),
  });
  return { id: h.id, grid_id: h.gridId ?? null, place_id: h.placeId ?? null, status: h.status, found_ms: found, due_ms: due ?? null };
}

/** One unit's indicators (a row of `GET /v1/indicators`). */
export const UnitIndicators = z.object({
  /** The unit's code (a grid code prefix of the level's length). */
  unit: NonEmpty,
  /** Hazards found in the period (发现隐患数). */
  found: z.number(),
  /** Of those, awaiting review or closed at the clock (已整改). */
  rectified: z.number(),
  /** Of those, closed at the clock (已销号). */
  closed: z.number(),
  /** Of those, overdue at the clock (超期). */
  overdue: z.number(),
  /** 整改率: rectified ÷ found, 4 decimals; `null` when nothing was found (无数据). */
  rectificationRate: z.nullable(z.number()),
  /** 销号率: closed ÷ found, 4 decimals; `null` when nothing was found. */
  closureRate: z.nullable(z.number()),
  /** 超期率: overdue ÷ found, 4 decimals; `null` when nothing was found. */
  overdueRate: z.nullable(z.number()),
});
export type UnitIndicators = z.infer<typeof UnitIndicators>;

/** The indicators of one period and level (the `GET /v1/indicators` body). */
export const IndicatorReport = z.object({
  period: z.object({ from: IsoDate, to: IsoDate }),
  level: z.enum(INDICATOR_LEVELS),
  /** The OrgUnit prefix the units lie under; `*` for the whole tenant. */
  scope: NonEmpty,
  /** The clock the figures were computed at (ISO 8601). */
  asOf: IsoDateTime,
  /** Units with a place or a found hazard, sorted by code. */
  units: z.array(UnitIndicators),
});
export type IndicatorReport = z.infer<typeof IndicatorReport>;

/** The request of {@link computeIndicators} and {@link indicatorsSql}. */
export interface IndicatorRequest {
  period: Period;
  level: IndicatorLevel;
  /** OrgUnit prefix; `*` for the whole tenant. */
  scope: string;
}

function checkRequest(r: IndicatorRequest): { startMs: number; endMs: number; len: number } {
  if (!(INDICATOR_LEVELS as readonly string[]).includes(r.level)) {
    throw new FiregridError('config', `level must be one of ${INDICATOR_LEVELS.join(', ')}, got "${r.level}"`, {
      issues: [{ path: 'level', message: 'unknown level' }],
    });
  }
  if (r.scope === '' || (r.scope !== '*' && !/^\d+$/.test(r.scope))) {
    throw new FiregridError('config', `scope must be an OrgUnit code prefix (digits) or *, got "${r.scope}"`, {
      issues: [{ path: 'scope', message: 'not a code prefix' }],
    });
  }
  return { ...periodBounds(r.period), len: INDICATOR_CODE_LENGTHS[r.level] };
}

const rate = (n: number, d: number): number | null => (d === 0 ? null : roundHalfAway(n / d, 4));

/** The report from per-unit counts (`unit`, `found`, `rectified`, `closed`, `overdue`), as the SQL or the engine gives them. */
export function indicatorsFromRows(rows: readonly Record<string, unknown>[], request: IndicatorRequest, now: Date): IndicatorReport {
  checkRequest(request);
  const units = rows.map((r): UnitIndicators => {
    const found = Number(r.found ?? 0);
    const rectified = Number(r.rectified ?? 0);
    const closed = Number(r.closed ?? 0);
    const overdue = Number(r.overdue ?? 0);
    return {
      unit: String(r.unit), found, rectified, closed, overdue,
      rectificationRate: rate(rectified, found), closureRate: rate(closed, found), overdueRate: rate(overdue, found),
    };
  }).sort((a, b) => (a.unit < b.unit ? -1 : a.unit > b.unit ? 1 : 0));
  return { period: { ...request.period }, level: request.level, scope: request.scope, asOf: now.toISOString(), units };
}

/**
 * 整改率, 销号率 and 超期率 per unit of `request.level` under `request.scope`, for the hazards found
 * in `request.period`, with the clock `now` (module documentation for the exact definitions).
 * @throws FiregridError `config` for an unknown level, a bad scope or period
 * @example
 * computeIndicators(hazards, places, { period: { from: '2026-11-01', to: '2026-11-30' }, level: 'street', scope: '140106' }, new Date());
 * // { units: [{ unit: '140106001', found: 12, rectified: 9, closed: 7, overdue: 2, rectificationRate: 0.75, ... }], ... }
 */
export function computeIndicators(
  hazards: readonly IndicatorHazard[],
  places: readonly IndicatorPlace[],
  request: IndicatorRequest,
  now: Date,
): IndicatorReport {
  const { startMs, endMs, len } = checkRequest(request);
  const inScope = (grid: string): boolean => request.scope === '*' || grid.startsWith(request.scope);
  const gridOfPlace = new Map(places.map((p) => [p.id, p.gridId] as const));
  const counts = new Map<string, { unit: string; found: number; rectified: number; closed: number; overdue: number }>();
  const unitOf = (unit: string): { unit: string; found: number; rectified: number; closed: number; overdue: number } => {
    let c = counts.get(unit);
    if (c === undefined) counts.set(unit, c = { unit, found: 0, rectified: 0, closed: 0, overdue: 0 });
    return c;
  };
  for (const p of places) if (p.gridId.length >= len && inScope(p.gridId)) unitOf(p.gridId.slice(0, len));
  const t = now.getTime();
  for (const h of hazards) {
    const row = indicatorHazardRow(h);
    if (row.found_ms === null || row.status === 'rejected' || row.found_ms < startMs || row.found_ms >= endMs) continue;
    const grid = row.grid_id ?? (row.place_id === null ? undefined : gridOfPlace.get(row.place_id));
    if (grid === undefined || grid.length < len || !inScope(grid)) continue;
    const c = unitOf(grid.slice(0, len));
    c.found += 1;
    if ((RECTIFIED_STATUSES as readonly string[]).includes(row.status)) c.rectified += 1;
    if (row.status === 'closed') c.closed += 1;
    if (row.status !== 'closed' && row.due_ms !== null && t > row.due_ms) c.overdue += 1;
  }
  return indicatorsFromRows([...counts.values()], request, now);
}

/** The tables {@link indicatorsSql} reads: hazards as {@link IndicatorHazardRow}s, places with `id` and `grid_id`. */
export interface IndicatorTables {
  hazards: string;
  places: string;
}

/** A compiled indicators query. */
export interface IndicatorsQuery {
  sql: string;
  /** Named parameters for SQLite (`@now`…), positional for PostgreSQL (`$1`…), in the order `extra` then the query's own. */
  params(now: Date): Record<string, unknown> | unknown[];
  columns: string[];
}

/**
 * The per-unit counts of {@link computeIndicators} as one SQL query, for SQLite or PostgreSQL,
 * over `tables` (which may be CTE names). Its rows go to {@link indicatorsFromRows}. `prefix` is
 * SQL placed in front (e.g. CTEs scoping the tables to a tenant, ending with a comma);
 * `firstParam` is the number of the first positional PostgreSQL parameter it may use.
 * @throws FiregridError `config` for an unknown level, a bad scope or period
 */
export function indicatorsSql(
  request: IndicatorRequest,
  options: { dialect: SqlDialect; tables: IndicatorTables; prefix?: string; firstParam?: number },
): IndicatorsQuery {
  const { startMs, endMs, len } = checkRequest(request);
  const pg = options.dialect === 'postgres';
  const first = options.firstParam ?? 1;
  const names = ['now', 'start', 'end', 'scope'];
  const p = (name: string): string => (pg ? `$${first + names.indexOf(name)}` : `@${name}`);
  const scoped = (col: string): string => (request.scope === '*' ? 'TRUE' : `substr(${col}, 1, ${request.scope.length}) = ${p('scope')}`);
  const { hazards: H, places: P } = options.tables;
  const intType = pg ? '::bigint' : '';
  const sql = `${options.prefix ?? 'WITH '}
    fg_found AS (
      SELECT substr(COALESCE(h.grid_id, pl.grid_id), 1, ${len}) AS unit, h.status, h.due_ms
      FROM ${H} h LEFT JOIN ${P} pl ON h.grid_id IS NULL AND pl.id = h.place_id
      WHERE h.found_ms IS NOT NULL AND h.status <> 'rejected' AND h.found_ms >= ${p('start')} AND h.found_ms < ${p('end')}
        AND length(COALESCE(h.grid_id, pl.grid_id)) >= ${len} AND ${scoped('COALESCE(h.grid_id, pl.grid_id)')}),
    fg_units AS (
      SELECT DISTINCT substr(grid_id, 1, ${len}) AS unit FROM ${P} WHERE length(grid_id) >= ${len} AND ${scoped('grid_id')}
      UNION SELECT unit FROM fg_found)
    SELECT u.unit,
      COUNT(f.unit)${intType} AS found,
      COALESCE(SUM(CASE WHEN f.status IN ('awaiting-review', 'closed') THEN 1 ELSE 0 END), 0)${intType} AS rectified,
      COALESCE(SUM(CASE WHEN f.status = 'closed' THEN 1 ELSE 0 END), 0)${intType} AS closed,
      COALESCE(SUM(CASE WHEN f.status <> 'closed' AND f.due_ms IS NOT NULL AND f.due_ms < ${p('now')} THEN 1 ELSE 0 END), 0)${intType} AS overdue
    FROM fg_units u LEFT JOIN fg_found f ON f.unit = u.unit
    GROUP BY u.unit ORDER BY u.unit`;
  const scope = request.scope === '*' ? null : request.scope;
  return {
    sql,
    params: (now) => (pg ? [now.getTime(), startMs, endMs, scope].slice(0, request.scope === '*' ? 3 : 4)
      : { now: now.getTime(), start: startMs, end: endMs, ...(scope === null ? {} : { scope }) }),
    columns: ['unit', 'found', 'rectified', 'closed', 'overdue'],
  };
}
