/**
 * `GET /v1/scores` and `GET /v1/indicators` (DESIGN §9): the assessment and the indicators as
 * core's SQL computes them over the scoring tables, bounded in period and scope, run through a
 * {@link ScoresBackend} (a worker thread in the server) so a long one never holds up the others.
 * @module
 */
import { canonicalId, isFiregridError } from '@firegrid/core';
import type { ScoreConfig } from '@firegrid/core';
import { computeScores, exampleScoreConfig, INDICATOR_LEVELS, indicatorsFromRows, parsePeriod, periodBounds, RANK_LEVELS, reportFromRows } from '@firegrid/core/scoring';
import type { IndicatorLevel, Period, RankLevel, ScoreConfigBody, ScoreReport } from '@firegrid/core/scoring';
import { PERMISSIONS, codeInScope, wholeTenant } from '../auth.js';
import type { Db } from '../db.js';
import { HttpError, text } from '../http.js';
import type { ScoresBackend } from '../scores-runner.js';
import { recordsFromRows, scoredWorkersSql, tenantIndicatorsSql, tenantScoresSql, workerEvidenceSql } from '../scoring-tables.js';
import type { Store } from '../store.js';
import { requireRole } from './access.js';
import { badQuery, invalid } from './problems.js';
import { getRecord } from './records.js';
import type { Call } from './types.js';

/** The longest period `GET /v1/scores` computes, in days (a year, a leap year's included). */
export const MAX_SCORE_PERIOD_DAYS = 366;
/** The most workers one `GET /v1/scores` scores; a wider scope is asked for per street or community. */
export const MAX_SCORED_WORKERS = 5_000;

/** What the scores and indicators read with: the store, the backend that runs the SQL, the bound on workers. */
export interface ScoresQueries {
  store: Store;
  scoring: ScoresBackend;
  maxWorkers: number;
}

/** A {@link ScoresBackend} on the store's own connection, in this thread (the seed's and the tests' default). */
export function inlineScoring(db: Db): ScoresBackend {
  const rows = (sql: string, params: unknown): Record<string, unknown>[] => db.prepare(sql).all(params) as Record<string, unknown>[];
  return {
    rows: (sql, params) => Promise.resolve(rows(sql, params)),
    report: (sql, params, spec) => Promise.resolve(new TextEncoder().encode(JSON.stringify(reportFromRows(rows(sql, params),
      spec.config as ScoreConfigBody, { now: new Date(spec.now), rankBy: spec.rankBy as RankLevel })))),
  };
}

/** The `period` query parameter (`2026-11`, `2026-11-01..2026-11-30`), required; a 400 naming it otherwise. */
function periodOfQuery(call: Call, params: URLSearchParams): Period {
  const periodText = params.get('period');
  if (periodText === null) throw badQuery(call)('period', '缺少 period（例如 2026-11 或 2026-11-01..2026-11-30）', 'period is required (e.g. 2026-11 or 2026-11-01..2026-11-30)');
  try {
    return parsePeriod(periodText, call.locale);
  } catch (e) {
    throw invalid(400, text(`period 无效：${periodText}`, `Invalid period: ${periodText}`), isFiregridError(e) ? e.issues : [], 'bad-query');
  }
}

/** The `scope` query parameter, else the caller's own (one OrgUnit), else the whole tenant (`*`). */
function scopeOfQuery(call: Call, params: URLSearchParams): string {
  const p = call.principal;
  return params.get('scope') ?? (wholeTenant(p) || p.scope.length !== 1 ? '*' : (p.scope[0] ?? '*'));
}

/** Refuses (422 `period-too-long`, at `path`) a period over {@link MAX_SCORE_PERIOD_DAYS} days; `noun` names it in Chinese. */
function checkPeriodBound(period: Period, path: string, noun: string): void {
  const { startMs, endMs } = periodBounds(period);
  const days = Math.round((endMs - startMs) / 86_400_000);
  if (days > MAX_SCORE_PERIOD_DAYS) {
    throw invalid(422, text(
      `${noun}为 ${days} 天，超过上限 ${MAX_SCORE_PERIOD_DAYS} 天；请分段查询（例如按月或按季度）`,
      `The period is ${days} days, over the bound of ${MAX_SCORE_PERIOD_DAYS} days; ask for shorter periods (a month, a quarter)`,
    ), [{ path, message: `at most ${MAX_SCORE_PERIOD_DAYS} days` }], 'period-too-long');
  }
}

/**
 * `GET /v1/scores?period&scope&config&rankBy`: the assessment as core's `toSql` computes it over
 * the scoring tables the store keeps up to date in each write's transaction (scoring-tables.ts):
 * the same figures, points, ranks and explanations as `computeScores`, without loading a record
 * into JavaScript. With `config=<id>` a stored score configuration is used; otherwise `period`
 * (e.g. `2026-11`) and `scope` (an OrgUnit prefix, the caller's own scope by default) with the
 * example configuration. Bounded: a period of at most {@link MAX_SCORE_PERIOD_DAYS} days and at
 * most {@link MAX_SCORED_WORKERS} workers in scope (or the server's own bound), refused with a 422 naming the bound before
 * any work is done. The evidence lists (`activityIds`, `placeIds`) are empty, except with
 * `worker=<id>`: then the report holds that worker alone, ranked among all, with his lists.
 * Answers the report as JSON bytes, made where the query ran (the server: a worker thread).
 */
export async function scores(q: ScoresQueries, call: Call, params: URLSearchParams): Promise<Uint8Array> {
  const p = call.principal;
  requireRole(call, PERMISSIONS.scores.read, text('查看考评得分', 'read scores'));
  const bad = badQuery(call);
  const rankParam = params.get('rankBy') ?? 'grid';
  if (!(RANK_LEVELS as readonly string[]).includes(rankParam)) {
    throw bad('rankBy', `rankBy 只能是 ${RANK_LEVELS.join('、')}`, `rankBy must be one of ${RANK_LEVELS.join(', ')}`);
  }
  const rankBy = rankParam as RankLevel;
  const workerParam = params.get('worker');
  let config: ScoreConfig | ScoreConfigBody;
  const configId = params.get('config');
  if (configId !== null) {
    config = getRecord(q.store, call, 'score-configs', configId) as unknown as ScoreConfig;
  } else {
    config = exampleScoreConfig({ period: periodOfQuery(call, params), scope: scopeOfQuery(call, params) });
  }
  const scope = config.scope;
  if (scope === '*' ? !wholeTenant(p) : !codeInScope(p, scope)) {
    throw new HttpError(403, 'forbidden', text(`考评范围 ${scope} 超出你的范围`, `The scope ${scope} is outside yours`));
  }
  checkPeriodBound(config.period, configId === null ? 'period' : 'config.period', '考评期间');
  const count = scoredWorkersSql('sqlite', p.tenant, scope);
  const [counted] = await q.scoring.rows(count.sql, count.params);
  const workers = Number(counted?.n ?? 0);
  const most = q.maxWorkers;
  if (workers > most) {
    throw invalid(422, text(
      `范围 ${scope} 内有 ${workers} 名网格员，超过一次考评的上限 ${most} 名；请按街道或社区分别查询（scope）`,
      `The scope ${scope} has ${workers} workers, over the bound of ${most} per request; ask per street or community (scope)`,
    ), [{ path: 'scope', message: `at most ${most} workers` }], 'scope-too-large');
  }
  try {
    const sql = tenantScoresSql(config, { dialect: 'sqlite', rankBy });
    // As stored: a confidential finder's own score counts his find; the report names no hazard.
    if (workerParam === null) return await q.scoring.report(sql.sql, sql.params(call.now, p.tenant), { config, now: call.now.getTime(), rankBy });
    const rows = await q.scoring.rows(sql.sql, sql.params(call.now, p.tenant));
    return new TextEncoder().encode(JSON.stringify(await oneWorker(q, call, config, rankBy, rows, canonicalId(workerParam))));
  } catch (e) {
    if (isFiregridError(e, 'config') || isFiregridError(e, 'validation')) {
      throw invalid(422, text(`考评配置无效：${e.message}`, `The score configuration is invalid: ${e.message}`), e.issues, 'bad-config');
    }
    throw e;
  }
}

/**
 * `GET /v1/indicators?period&level&scope`: 整改率, 销号率 and 超期率 per community, street or
 * county (`level`, `street` by default) of the hazards found in `period`, as core's
 * `indicatorsSql` computes them over `score_hazards` and `score_places` (kept up to date in each
 * write's transaction) — the figures of `computeIndicators`, without loading a record into
 * JavaScript. `scope` is an OrgUnit prefix, the caller's own by default; who may read it is who
 * may read scores. Bounded like scores: a period of at most {@link MAX_SCORE_PERIOD_DAYS} days.
 */
export async function indicators(q: ScoresQueries, call: Call, params: URLSearchParams): Promise<Uint8Array> {
  const p = call.principal;
  requireRole(call, PERMISSIONS.scores.read, text('查看考核指标', 'read indicators'));
  const bad = badQuery(call);
  const levelText = params.get('level') ?? 'street';
  if (!(INDICATOR_LEVELS as readonly string[]).includes(levelText)) {
    throw bad('level', `level 只能是 ${INDICATOR_LEVELS.join('、')}`, `level must be one of ${INDICATOR_LEVELS.join(', ')}`);
  }
  const level = levelText as IndicatorLevel;
  const period = periodOfQuery(call, params);
  const scope = scopeOfQuery(call, params);
  if (scope !== '*' && !/^\d+$/.test(scope)) throw bad('scope', `scope 须为行政区划代码前缀或 *：${scope}`, `scope must be an OrgUnit code prefix or *: ${scope}`);
  if (scope === '*' ? !wholeTenant(p) : !codeInScope(p, scope)) {
    throw new HttpError(403, 'forbidden', text(`指标范围 ${scope} 超出你的范围`, `The scope ${scope} is outside yours`));
  }
  checkPeriodBound(period, 'period', '统计期间');
  const request = { period, level, scope };
  const sql = tenantIndicatorsSql(request, 'sqlite');
  const rows = await q.scoring.rows(sql.sql, sql.params(call.now, p.tenant));
  return new TextEncoder().encode(JSON.stringify(indicatorsFromRows(rows, request, call.now)));
}

/**
 * One worker's line of a report (`worker=<id>`): his figures and rank as the SQL gave them among
 * everyone in scope, and his evidence lists from `computeScores` over the rows that are his
 * (scoring-tables.ts `workerEvidenceSql`): bounded by one worker, whatever the tenant's size.
 */
async function oneWorker(q: ScoresQueries, call: Call, config: ScoreConfig | ScoreConfigBody, rankBy: RankLevel, rows: Record<string, unknown>[], workerId: string): Promise<ScoreReport> {
  const row = rows.find((r) => String(r.worker_id) === workerId);
  if (row === undefined) {
    throw new HttpError(404, 'not-found', text(
      `范围 ${config.scope} 内没有参与考评的网格员 ${workerId}（须在册、在岗，且有网格在范围内）`,
      `There is no scored worker ${workerId} in scope ${config.scope} (a stored, active worker with a grid in it)`,
    ), { errors: [{ path: 'worker', message: 'not a scored worker in scope' }] });
  }
  const report = reportFromRows([row], config, { now: call.now, rankBy });
  const ev = workerEvidenceSql('sqlite', call.principal.tenant, workerId);
  const workers = await q.scoring.rows(ev.workers.sql, ev.workers.params);
  const places = await q.scoring.rows(ev.places.sql, ev.places.params);
  const activities = await q.scoring.rows(ev.activities.sql, ev.activities.params);
  const data = recordsFromRows({ workers, places, activities });
  const mine = computeScores(data.activities, config, { workers: data.workers, places: data.places, now: call.now, rankBy }).workers[0];
  const evidence = new Map(mine?.metrics.map((m) => [m.key, m] as const) ?? []);
  return {
    ...report,
    workers: report.workers.map((w) => ({
      ...w,
      metrics: w.metrics.map((m) => ({ ...m, activityIds: evidence.get(m.key)?.activityIds ?? [], placeIds: evidence.get(m.key)?.placeIds ?? [] })),
      // A scheme's lines (issue 20): their activities and the assessors' entries cited.
      ...(w.items === undefined ? {} : {
        items: w.items.map((it, k) => ({ ...it, activityIds: mine?.items?.[k]?.activityIds ?? [], entries: mine?.items?.[k]?.entries ?? [] })),
      }),
    })),
  };
}
