/**
 * What the REST routes do, without HTTP: read, write, transition, import and media, each checked
 * against the caller's role, scope and tenant (DESIGN §5). Every method runs synchronously, so
 * the routes can wrap a write, its activities and its idempotency record in one transaction.
 * The seed uses the same methods, so demo data goes through the same rules as real data.
 * @module
 */
import { renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  FloorCaptainInput, Query, RECORD_INPUT_SCHEMAS, RECORD_SCHEMAS, RESOURCE_KINDS, TransitionInput, applyWriteRules, canonicalId,
  canonicalIds, captainOverlaps, checkWith, roleRefusal, scopeRefusal, transitionRefusal, formatPath, isFiregridError, newId, redactActivity, redactReporter, strictDeep,
} from '@firegrid/core';
import type {
  CaptainFacts, Hazard, Issue, Lifecycle, Locale, Page, PhotoRef, ResourceKind, Role, ScoreConfig, WriteLookups, WriteRefusal,
} from '@firegrid/core';
import { computeScores, exampleScoreConfig, INDICATOR_LEVELS, indicatorsFromRows, parsePeriod, periodBounds, RANK_LEVELS, reportFromRows } from '@firegrid/core/scoring';
import type { IndicatorLevel, Period, RankLevel, ScoreConfigBody, ScoreReport } from '@firegrid/core/scoring';
import { ActivityWriter } from './activities.js';
import { PERMISSIONS, codeInScope, hasRole, isResidentOnly, wholeTenant } from './auth.js';
import type { Principal } from './auth.js';
import { HttpError, text } from './http.js';
import type { Text } from './http.js';
import { imageInfo } from './image.js';
import type { ScoresBackend } from './scores-runner.js';
import { recordsFromRows, scoredWorkersSql, tenantIndicatorsSql, tenantScoresSql, workerEvidenceSql } from './scoring-tables.js';
import { placeIdOf } from './store.js';
import type { ListView, MediaRow, Store, StoredRecord } from './store.js';

/** Who calls, in which language, at what time. */
export interface Call {
  principal: Principal;
  locale: Locale;
  now: Date;
}

/** The outcome of a `PUT`. */
export interface PutResult {
  created: boolean;
  record: StoredRecord;
}

/** The outcome of `captains.import`. */
export interface ImportResult {
  count: number;
  created: number;
  updated: number;
  items: StoredRecord[];
}

/** An upload as the route hands it over. */
export interface MediaUpload {
  bytes: Buffer;
  /** Lower-case hex SHA-256 of `bytes`, already checked against `Content-Digest`. */
  sha256: string;
}

/** What {@link Service} needs. */
export interface ServiceOptions {
  store: Store;
  /** Where media files live (`<data>/media`). */
  mediaDir: string;
  /** The hazard lifecycle; its refusals are worded in each caller's locale (passed per call). */
  lifecycle: Lifecycle;
  /**
   * Runs the read-only scores queries; on the store's own connection by default. The server runs
   * them in a worker thread (scores-runner.ts), so a long one never holds up other requests.
   */
  scoring?: ScoresBackend;
  /** The most workers one `GET /v1/scores` scores; {@link MAX_SCORED_WORKERS} by default. */
  maxScoredWorkers?: number;
}

/** The longest period `GET /v1/scores` computes, in days (a year, a leap year's included). */
export const MAX_SCORE_PERIOD_DAYS = 366;
/** The most workers one `GET /v1/scores` scores; a wider scope is asked for per street or community. */
export const MAX_SCORED_WORKERS = 5_000;

type Rec = Record<string, unknown>;

/** Fields the server owns: ignored on input (DESIGN §5). */
const SERVER_FIELDS = ['version', 'createdAt', 'updatedAt', 'tenantId', 'history'] as const;
/** Activity types people record themselves; the others are derived by the server. */
const RECORDED_ACTIVITIES = ['training.held', 'publicity.held'];
const TransitionBody = strictDeep(TransitionInput);
/** The most per-row problems one import answer lists. */
const MAX_ISSUES = 200;

const kindLabel: Readonly<Record<ResourceKind, Text>> = {
  places: text('场所', 'place'),
  templates: text('检查表模板', 'template'),
  inspections: text('检查记录', 'inspection'),
  hazards: text('隐患', 'hazard'),
  captains: text('楼长', 'floor captain'),
  workers: text('网格员', 'worker'),
  activities: text('工作记录', 'activity'),
  'score-configs': text('考评配置', 'score configuration'),
};

/** True for a resource kind of DESIGN §9. */
export const isResourceKind = (k: string): k is ResourceKind => (RESOURCE_KINDS as readonly string[]).includes(k);

const MULTI_VALUED = new Set(['status', 'category', 'severity', 'kind', 'scope', 'supervision']);

/**
 * The list query of a URL's parameters: `status`, `category`, `severity`, `kind` and `scope`
 * take several values (repeated or comma-separated), `limit` is a number, `overdue` is `true` or
 * `false`. Anything else is passed through for the schema to judge (unknown names are refused).
 * @example
 * queryFromParams(new URLSearchParams('status=reported,verified&limit=20'));   // { status: ['reported', 'verified'], limit: 20 }
 */
export function queryFromParams(params: URLSearchParams): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const key of new Set(params.keys())) {
    const values = params.getAll(key);
    if (MULTI_VALUED.has(key)) {
      const parts = values.flatMap((v) => v.split(',')).map((v) => v.trim()).filter((v) => v !== '');
      if (parts.length > 0) out[key] = parts.length === 1 ? parts[0] : parts;
      continue;
    }
    const [v] = values;
    if (values.length > 1 || v === undefined) out[key] = values;
    else if (key === 'limit') out[key] = /^\d{1,9}$/.test(v) ? Number(v) : v;
    else if (key === 'overdue') out[key] = v === 'true' ? true : v === 'false' ? false : v;
    else out[key] = v;
  }
  return out;
}

type Schema = Parameters<typeof checkWith>[0];

/**
 * `checkWith` with one path per unknown field: zod reports unknown keys once, at the object that
 * holds them (`reporter`), where a person fixing a request needs each one (`reporter.mood`).
 */
function checkInput<S extends Schema>(schema: S, value: unknown, locale: Locale): ReturnType<typeof checkWith<S>> {
  const result = checkWith(schema, value, { locale });
  if (result.ok) return result;
  const raw = schema.safeParse(value);
  // Both runs parse the same value with the same schema, so their issues pair up one to one.
  if (raw.success || raw.error.issues.length !== result.issues.length) return result;
  const unknown = locale === 'en' ? 'unknown field' : '未知字段';
  const issues = raw.error.issues.flatMap((issue, i): Issue[] => (issue.code === 'unrecognized_keys'
    ? issue.keys.map((key) => ({ path: formatPath([...issue.path, key]), message: unknown }))
    : [result.issues[i] ?? { path: formatPath(issue.path), message: issue.message }]));
  return { ...result, issues };
}

const forbidden = (detail: Text, errors?: Issue[]): HttpError => new HttpError(403, 'forbidden', detail, errors ? { errors } : {});

function notFound(kind: ResourceKind | 'media', id: string): HttpError {
  const label = kind === 'media' ? text('照片', 'photo') : kindLabel[kind];
  return new HttpError(404, 'not-found', text(`没有 id 为 ${id} 的${label['zh-CN']}`, `There is no ${label.en} with id ${id}`));
}

function invalid(status: 400 | 422, detail: Text, issues: readonly Issue[], slug = 'validation'): HttpError {
  return new HttpError(status, slug, detail, { errors: issues.slice(0, MAX_ISSUES) });
}

/** The problem of a refused write (core's `WriteRefusal`): its status, slug, field paths and, for an action-owned field, the field and its actions. */
function refusal(r: WriteRefusal): HttpError {
  return new HttpError(r.status, r.code, text(r.message['zh-CN'], r.message.en), {
    errors: r.issues,
    ...(r.field === undefined ? {} : { extra: { field: r.field, ...(r.actions === undefined ? {} : { actions: r.actions }) } }),
  });
}

/** A 400 `bad-query` naming the query parameter at `path`, in the caller's language. */
function badQuery(call: Call): (path: string, zh: string, en: string) => HttpError {
  return (path, zh, en) => {
    const t = text(zh, en);
    return invalid(400, t, [{ path, message: t[call.locale] }], 'bad-query');
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

/** The REST contract's operations over a {@link Store}. */
export class Service {
  readonly store: Store;
  readonly #mediaDir: string;
  readonly #lifecycle: Lifecycle;
  readonly #scoring: ScoresBackend;
  readonly #maxWorkers: number;

  constructor(options: ServiceOptions) {
    this.store = options.store;
    const db = options.store.db;
    this.#maxWorkers = options.maxScoredWorkers ?? MAX_SCORED_WORKERS;
    const rows = (sql: string, params: unknown): Record<string, unknown>[] => db.prepare(sql).all(params) as Record<string, unknown>[];
    this.#scoring = options.scoring ?? {
      rows: (sql, params) => Promise.resolve(rows(sql, params)),
      report: (sql, params, spec) => Promise.resolve(new TextEncoder().encode(JSON.stringify(reportFromRows(rows(sql, params),
        spec.config as ScoreConfigBody, { now: new Date(spec.now), rankBy: spec.rankBy as RankLevel })))),
    };
    this.#mediaDir = options.mediaDir;
    this.#lifecycle = options.lifecycle;
  }

  // ---- permissions --------------------------------------------------------------------------

  #requireRole(call: Call, allowed: readonly Role[], action: Text): void {
    const denied = roleRefusal(call.principal.roles, allowed, action);
    if (denied !== undefined) throw refusal(denied);
  }

  #scopeText(p: Principal): string {
    return p.scope.join(', ');
  }

  /**
   * Whether the caller may see a stored record: `ok`, `hidden` (answered as 404: a resident asking
   * for someone else's hazard) or `forbidden` (403: outside the caller's scope).
   */
  #visibility(call: Call, kind: ResourceKind, rec: Rec): 'ok' | 'hidden' | 'forbidden' {
    const p = call.principal;
    if (kind === 'hazards' && isResidentOnly(p)) {
      const reporter = rec.reporter as { personId?: string } | undefined;
      return reporter?.personId === p.user ? 'ok' : 'hidden';
    }
    if (kind === 'templates' || wholeTenant(p)) return 'ok';
    if (kind === 'score-configs') {
      const scope = typeof rec.scope === 'string' ? rec.scope : '';
      return scope === '*' || p.scope.some((s) => scope.startsWith(s) || s.startsWith(scope)) ? 'ok' : 'forbidden';
    }
    const grids = this.store.grids(p.tenant, rec);
    return grids.some((g) => codeInScope(p, g)) ? 'ok' : 'forbidden';
  }

  #assertVisible(call: Call, kind: ResourceKind, rec: Rec): void {
    const v = this.#visibility(call, kind, rec);
    if (v === 'hidden') throw notFound(kind, String(rec.id));
    if (v === 'forbidden') {
      const grids = this.store.grids(call.principal.tenant, rec);
      throw forbidden(text(
        `这条${kindLabel[kind]['zh-CN']}属于${grids.length === 0 ? '未知网格' : `网格 ${grids.join('、')}`}，不在你的管辖范围（${this.#scopeText(call.principal)}）内`,
        `This ${kindLabel[kind].en} belongs to ${grids.length === 0 ? 'no known grid' : `grid ${grids.join(', ')}`}, outside your scope (${this.#scopeText(call.principal)})`,
      ));
    }
  }

  /** Refuses a write whose record would lie (even partly) outside the caller's scope. */
  #assertWritable(call: Call, kind: ResourceKind, rec: Rec, pathPrefix = ''): void {
    const p = call.principal;
    if (kind === 'templates' || wholeTenant(p)) return;
    if (kind === 'score-configs') {
      const denied = scopeRefusal(kind, [typeof rec.scope === 'string' ? rec.scope : ''], p, pathPrefix);
      if (denied !== undefined) throw refusal(denied);
      return;
    }
    const grids = this.store.grids(p.tenant, rec);
    if (grids.length === 0) {
      // A tip-off may not know its grid; the resident is its only reader until staff place it.
      if (kind === 'hazards' && isResidentOnly(p)) return;
      const placeId = placeIdOf(rec);
      if (placeId !== undefined) {
        const field = typeof rec.buildingId === 'string' ? 'buildingId' : 'placeId';
        throw invalid(422, text(
          `${field} 指向的场所 ${placeId} 不存在；先保存该场所，它所属的网格决定谁能写这条记录`,
          `${field} points to place ${placeId}, which does not exist; save the place first: its grid decides who may write this record`,
        ), [{ path: `${pathPrefix}${field}`, message: 'unknown place' }], 'unknown-place');
      }
      throw forbidden(text(
        '这条记录没有所属网格（gridId 或已知场所），只有全辖区（*）范围的账号可以写入',
        'This record has no grid (no gridId and no known place); only a whole-tenant (*) scope may write it',
      ), [{ path: `${pathPrefix}gridId`, message: 'missing' }]);
    }
    // The same scope rule as the ports' (core's rules/access).
    const denied = scopeRefusal(kind, grids, p, pathPrefix);
    if (denied !== undefined) throw refusal(denied);
  }

  /**
   * A record as this caller may see it (core's `rules/confidential`): a confidential reporter's
   * identity, contact and history entries only for those DESIGN §5 names, and his finds as
   * activities without the hazard for everyone else.
   */
  tailor(call: Call, kind: ResourceKind, rec: StoredRecord): StoredRecord {
    const viewer = { id: call.principal.user, roles: call.principal.roles };
    if (kind === 'hazards' && rec.reporter !== undefined) return redactReporter(rec as StoredRecord & Hazard, viewer, call.locale);
    if (kind === 'activities' && rec.confidential === true) {
      return redactActivity(rec as StoredRecord & { workerId: string }, viewer, this.store.workerIdOf(call.principal.tenant, call.principal.user));
    }
    return rec;
  }

  /** What the write rules read of this tenant's store, as `call`'s principal. */
  #lookups(call: Call): WriteLookups {
    const p = call.principal;
    return {
      get: (kind, id) => this.store.get(p.tenant, kind, canonicalId(id)),
      workerOfUser: (userId) => this.store.workerIdOf(p.tenant, userId),
      captainsAt: (buildingId) => this.store.atPlace(p.tenant, 'captains', buildingId) as unknown as CaptainFacts[],
      mayActFor: (userId) => {
        // A user inside the scope: his worker record's grids are all the caller's. Without one,
        // nobody can tell where he belongs: only a whole-tenant caller may name him.
        if (wholeTenant(p)) return true;
        const workerId = this.store.workerIdOf(p.tenant, userId);
        const worker = workerId === undefined ? undefined : this.store.get(p.tenant, 'workers', workerId);
        const grids = Array.isArray(worker?.gridIds) ? worker.gridIds as string[] : [];
        return grids.length > 0 && grids.every((g) => codeInScope(p, g));
      },
    };
  }

  // ---- reads --------------------------------------------------------------------------------

  /** `GET /v1/{kind}`. */
  list(call: Call, kind: ResourceKind, raw: Record<string, unknown>): Page<StoredRecord> {
    const page = this.#page(call, kind, raw);
    return { items: page.items.map((r) => this.tailor(call, kind, r)), nextCursor: page.nextCursor };
  }

  /** One page of a list as stored: what the caller may list, not yet tailored to what he may see. */
  #page(call: Call, kind: ResourceKind, raw: Record<string, unknown>): Page<StoredRecord> {
    const p = call.principal;
    this.#requireRole(call, PERMISSIONS[kind].read, text(`查看${kindLabel[kind]['zh-CN']}`, `read ${kindLabel[kind].en}s`));
    const resident = kind === 'hazards' && isResidentOnly(p);
    const parsed = checkInput(Query, typeof raw.placeId === 'string' ? { ...raw, placeId: canonicalId(raw.placeId) } : raw, call.locale);
    if (!parsed.ok) throw invalid(400, text(`查询参数无效：${parsed.message}`, `The list query is invalid: ${parsed.message}`), parsed.issues, 'bad-query');
    const view: ListView = resident
      ? { scope: null, scopeMode: 'none', owner: p.user }
      : {
        scope: wholeTenant(p) ? null : p.scope,
        scopeMode: kind === 'templates' ? 'none' : kind === 'score-configs' ? 'overlap' : 'prefix',
      };
    let page: Page<StoredRecord>;
    try {
      page = this.store.list(p.tenant, kind, parsed.value, view, call.now);
    } catch (e) {
      if (isFiregridError(e, 'rejected')) {
        throw invalid(400, text('分页游标不属于这个列表（或这组筛选条件）；请不带 cursor 重新开始', e.message), e.issues, 'bad-cursor');
      }
      throw e;
    }
    return page;
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
  async scores(call: Call, params: URLSearchParams): Promise<Uint8Array> {
    const p = call.principal;
    this.#requireRole(call, PERMISSIONS.scores.read, text('查看考评得分', 'read scores'));
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
      config = this.get(call, 'score-configs', configId) as unknown as ScoreConfig;
    } else {
      config = exampleScoreConfig({ period: periodOfQuery(call, params), scope: scopeOfQuery(call, params) });
    }
    const scope = config.scope;
    if (scope === '*' ? !wholeTenant(p) : !codeInScope(p, scope)) {
      throw new HttpError(403, 'forbidden', text(`考评范围 ${scope} 超出你的范围`, `The scope ${scope} is outside yours`));
    }
    checkPeriodBound(config.period, configId === null ? 'period' : 'config.period', '考评期间');
    const count = scoredWorkersSql('sqlite', p.tenant, scope);
    const [counted] = await this.#scoring.rows(count.sql, count.params);
    const workers = Number(counted?.n ?? 0);
    const most = this.#maxWorkers;
    if (workers > most) {
      throw invalid(422, text(
        `范围 ${scope} 内有 ${workers} 名网格员，超过一次考评的上限 ${most} 名；请按街道或社区分别查询（scope）`,
        `The scope ${scope} has ${workers} workers, over the bound of ${most} per request; ask per street or community (scope)`,
      ), [{ path: 'scope', message: `at most ${most} workers` }], 'scope-too-large');
    }
    try {
      const q = tenantScoresSql(config, { dialect: 'sqlite', rankBy });
      // As stored: a confidential finder's own score counts his find; the report names no hazard.
      if (workerParam === null) return await this.#scoring.report(q.sql, q.params(call.now, p.tenant), { config, now: call.now.getTime(), rankBy });
      const rows = await this.#scoring.rows(q.sql, q.params(call.now, p.tenant));
      return new TextEncoder().encode(JSON.stringify(await this.#oneWorker(call, config, rankBy, rows, canonicalId(workerParam))));
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
  async indicators(call: Call, params: URLSearchParams): Promise<Uint8Array> {
    const p = call.principal;
    this.#requireRole(call, PERMISSIONS.scores.read, text('查看考核指标', 'read indicators'));
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
    const q = tenantIndicatorsSql(request, 'sqlite');
    const rows = await this.#scoring.rows(q.sql, q.params(call.now, p.tenant));
    return new TextEncoder().encode(JSON.stringify(indicatorsFromRows(rows, request, call.now)));
  }

  /**
   * One worker's line of a report (`worker=<id>`): his figures and rank as the SQL gave them among
   * everyone in scope, and his evidence lists from `computeScores` over the rows that are his
   * (scoring-tables.ts `workerEvidenceSql`): bounded by one worker, whatever the tenant's size.
   */
  async #oneWorker(call: Call, config: ScoreConfig | ScoreConfigBody, rankBy: RankLevel, rows: Record<string, unknown>[], workerId: string): Promise<ScoreReport> {
    const row = rows.find((r) => String(r.worker_id) === workerId);
    if (row === undefined) {
      throw new HttpError(404, 'not-found', text(
        `范围 ${config.scope} 内没有参与考评的网格员 ${workerId}（须在册、在岗，且有网格在范围内）`,
        `There is no scored worker ${workerId} in scope ${config.scope} (a stored, active worker with a grid in it)`,
      ), { errors: [{ path: 'worker', message: 'not a scored worker in scope' }] });
    }
    const report = reportFromRows([row], config, { now: call.now, rankBy });
    const ev = workerEvidenceSql('sqlite', call.principal.tenant, workerId);
    const workers = await this.#scoring.rows(ev.workers.sql, ev.workers.params);
    const places = await this.#scoring.rows(ev.places.sql, ev.places.params);
    const activities = await this.#scoring.rows(ev.activities.sql, ev.activities.params);
    const data = recordsFromRows({ workers, places, activities });
    const mine = computeScores(data.activities, config, { workers: data.workers, places: data.places, now: call.now, rankBy }).workers[0];
    const evidence = new Map(mine?.metrics.map((m) => [m.key, m] as const) ?? []);
    return {
      ...report,
      workers: report.workers.map((w) => ({
        ...w,
        metrics: w.metrics.map((m) => ({ ...m, activityIds: evidence.get(m.key)?.activityIds ?? [], placeIds: evidence.get(m.key)?.placeIds ?? [] })),
      })),
    };
  }

  /** `GET /v1/{kind}/{id}`. */
  get(call: Call, kind: ResourceKind, id: string): StoredRecord {
    this.#requireRole(call, PERMISSIONS[kind].read, text(`查看${kindLabel[kind]['zh-CN']}`, `read ${kindLabel[kind].en}s`));
    const rec = this.store.get(call.principal.tenant, kind, canonicalId(id));
    if (rec === undefined) throw notFound(kind, id);
    this.#assertVisible(call, kind, rec);
    return this.tailor(call, kind, rec);
  }

  // ---- writes -------------------------------------------------------------------------------

  #checkVersion(call: Call, kind: ResourceKind, id: string, previous: StoredRecord | undefined, ifMatch: number | undefined): void {
    if (ifMatch === undefined) return;
    const current = previous?.version ?? 0;
    if (current === ifMatch) return;
    const label = kindLabel[kind];
    throw new HttpError(409, 'version-conflict', previous === undefined
      ? text(`${label['zh-CN']} ${id} 不存在，但这次编辑基于版本 ${ifMatch}`, `The ${label.en} ${id} does not exist, but the edit started from version ${ifMatch}`)
      : text(
        `${label['zh-CN']} ${id} 已是版本 ${current}，而这次编辑基于版本 ${ifMatch}：有人先改了它`,
        `The ${label.en} ${id} is at version ${current}, but the edit started from version ${ifMatch}: someone else changed it`,
      ), {
      errors: [{ path: 'If-Match', message: `stored version is ${current}` }],
      extra: { currentVersion: current, ...(previous === undefined ? {} : { current: this.tailor(call, kind, previous) }) },
      headers: previous === undefined ? {} : { etag: `"${current}"` },
    });
  }

  /**
   * Refuses photo references that are not uploads of this tenant the caller may read (his own, or
   * cited by a record he may read): citing a photo must not become a way to read it.
   */
  #checkPhotos(call: Call, refs: { path: string; id: string }[]): void {
    const missing = refs.filter((r) => {
      const row = this.store.getMedia(call.principal.tenant, r.id);
      return row === undefined || !this.#mayReadMedia(call, row);
    });
    if (missing.length === 0) return;
    throw invalid(422, text(
      `照片 ${missing.map((m) => m.id).join('、')} 未上传到本服务器；先通过 POST /v1/media 上传`,
      `Photo ${missing.map((m) => m.id).join(', ')} was not uploaded to this server; upload it with POST /v1/media first`,
    ), missing.map((m) => ({ path: m.path, message: 'unknown photo' })), 'unknown-photo');
  }

  #photoRefs(kind: ResourceKind, content: Rec): { path: string; id: string }[] {
    const refs: { path: string; id: string }[] = [];
    if (kind === 'hazards' && Array.isArray(content.photos)) {
      (content.photos as PhotoRef[]).forEach((p, i) => refs.push({ path: `photos[${i}].id`, id: p.id }));
    }
    if (kind === 'inspections' && content.answers !== null && typeof content.answers === 'object') {
      for (const [item, answer] of Object.entries(content.answers as Record<string, { photos?: PhotoRef[] }>)) {
        answer.photos?.forEach((p, i) => refs.push({ path: `answers.${item}.photos[${i}].id`, id: p.id }));
      }
    }
    return refs;
  }

  /** Kind-specific rules of a `PUT` (DESIGN §5): hazards, inspections, activities. */
  #kindRules(call: Call, kind: ResourceKind, content: Rec, previous: StoredRecord | undefined): void {
    const p = call.principal;
    if (kind === 'hazards') {
      const reporter = content.reporter as Hazard['reporter'];
      if (isResidentOnly(p)) {
        if (content.source !== 'public') {
          throw forbidden(text('群众只能上报来源为 public 的隐患', 'A resident may only report public hazards (source "public")'),
            [{ path: 'source', message: 'must be public' }]);
        }
        if (reporter.kind !== 'resident' || reporter.personId !== p.user) {
          throw forbidden(text(
            '群众上报的隐患，上报人须是本人：reporter.kind 为 resident，reporter.personId 为你的用户 id',
            'A resident\'s report must name himself as reporter: reporter.kind "resident" and reporter.personId his user id',
          ), [{ path: 'reporter.personId', message: 'must be your user id' }]);
        }
        if (previous !== undefined && previous.status !== 'draft') {
          throw forbidden(text('隐患上报后，群众不能再修改', 'A resident may not edit a hazard once it has been reported'),
            [{ path: 'status', message: `is ${String(previous.status)}` }]);
        }
      }
    }
    if (kind === 'inspections' && previous?.state === 'submitted') {
      throw new HttpError(409, 'inspection-submitted', text(
        '已提交的检查记录不能再修改；如需更正，请新建一条以 supersedes 指向它的检查记录',
        'A submitted inspection never changes; to correct it, create a new inspection whose supersedes points to it',
      ), { errors: [{ path: 'state', message: 'already submitted' }], extra: { currentVersion: previous.version } });
    }
    if (kind === 'activities') {
      const type = String(content.type);
      if (!RECORDED_ACTIVITIES.includes(type) || (previous !== undefined && !RECORDED_ACTIVITIES.includes(String(previous.type)))) {
        throw invalid(422, text(
          `只有 training.held 和 publicity.held 可以直接记录；${type} 等工作记录由服务器根据检查和隐患流转生成`,
          `Only training.held and publicity.held are recorded directly; ${type} and the other activities are derived by the server from inspections and transitions`,
        ), [{ path: 'type', message: 'derived by the server' }], 'derived-activity');
      }
    }
  }

  /** Finishes a record as stored: tenant, version and timestamps, checked against the read schema. */
  #stamp(call: Call, kind: ResourceKind, content: Rec, previous: StoredRecord | undefined): StoredRecord {
    const at = call.now.toISOString();
    const record = {
      ...content,
      tenantId: call.principal.tenant,
      version: (previous?.version ?? 0) + 1,
      createdAt: previous?.createdAt ?? at,
      updatedAt: at,
    };
    const checked = checkWith(RECORD_SCHEMAS[kind], record, { locale: call.locale });
    if (!checked.ok) {
      throw invalid(422, text(`保存后的记录无效：${checked.message}`, `The record would be stored invalid: ${checked.message}`), checked.issues);
    }
    return checked.value;
  }

  /**
   * The write rules every port shares (core's `applyWriteRules`): action-owned fields, what a new
   * hazard may carry, the actor and time from the token and the clock, one worker per user, one
   * captain per building. Returns the record to store.
   */
  #writeRules(call: Call, kind: ResourceKind, content: Rec, previous: StoredRecord | undefined): Rec {
    const outcome = applyWriteRules(kind, content, {
      // The token's `name` claim goes on the `edit` history entry a content change appends (byName).
      previous, actor: { id: call.principal.user, roles: call.principal.roles, name: call.principal.name }, now: call.now, lookups: this.#lookups(call),
    });
    if (!outcome.ok) throw refusal(outcome.refusal);
    return outcome.record;
  }

  /** `PUT /v1/{kind}/{id}`: 201 when created, 200 when updated. */
  put(call: Call, kind: ResourceKind, rawId: string, body: unknown, ifMatch?: number): PutResult {
    const p = call.principal;
    // One record per UUID whatever its case: ids are stored and compared in lower case.
    const id = canonicalId(rawId);
    const label = kindLabel[kind];
    this.#requireRole(call, PERMISSIONS[kind].write, text(`保存${label['zh-CN']}`, `write ${label.en}s`));
    const parsed = checkInput(RECORD_INPUT_SCHEMAS[kind], body, call.locale);
    if (!parsed.ok) {
      throw invalid(400, text(`${label['zh-CN']}内容无效：${parsed.message}`, `The ${label.en} is invalid: ${parsed.message}`), parsed.issues);
    }
    let content: Rec = canonicalIds({ ...(parsed.value as Rec) });
    if (content.id !== id) {
      throw invalid(400, text(`请求体中的 id（${String(content.id)}）与地址中的 id（${id}）不一致`, `The body's id (${String(content.id)}) is not the id in the URL (${id})`),
        [{ path: 'id', message: `must be ${id}` }]);
    }
    for (const field of SERVER_FIELDS) Reflect.deleteProperty(content, field);
    const previous = this.store.get(p.tenant, kind, id);
    if (previous !== undefined) this.#assertVisible(call, kind, previous);
    this.#checkVersion(call, kind, id, previous, ifMatch);
    this.#kindRules(call, kind, content, previous);
    this.#assertWritable(call, kind, content);
    if (previous !== undefined && !(kind === 'hazards' && isResidentOnly(p))) this.#assertWritable(call, kind, previous);
    content = this.#writeRules(call, kind, content, previous);
    this.#checkPhotos(call, this.#photoRefs(kind, content));
    const record = this.#stamp(call, kind, content, previous);
    this.store.write(p.tenant, kind, record);
    new ActivityWriter(this.store, p.tenant, call.now).afterWrite(kind, previous, record, p.user);
    return { created: previous === undefined, record: this.tailor(call, kind, record) };
  }

  /** `POST /v1/hazards/{id}/transitions` (the `hazards.transition` command), through the core lifecycle. */
  transition(call: Call, rawId: string, body: unknown, ifMatch?: number): StoredRecord {
    const p = call.principal;
    const id = canonicalId(rawId);
    this.#requireRole(call, PERMISSIONS.hazards.write, text('流转隐患', 'run hazard transitions'));
    const parsed = checkInput(TransitionBody, body, call.locale);
    if (!parsed.ok) {
      throw invalid(400, text(`流转内容无效：${parsed.message}`, `The transition is invalid: ${parsed.message}`), parsed.issues);
    }
    const input = parsed.value;
    const hazard = this.store.get(p.tenant, 'hazards', id) as (StoredRecord & Hazard) | undefined;
    if (hazard === undefined) throw notFound('hazards', id);
    this.#assertVisible(call, 'hazards', hazard);
    this.#checkVersion(call, 'hazards', id, hazard, ifMatch);
    const lifecycle = this.#lifecycle;
    // The token's `name` claim is stored with the entry (`byName`): lists show names, not ids.
    const actor = { id: p.user, roles: p.roles, ...(p.name === undefined ? {} : { name: p.name }) };
    const verdict = lifecycle.check(hazard, input, actor, call.now, call.locale);
    if (!verdict.ok) {
      // The same problem the ports' hazards.transition gives (core's rules/transitions).
      const r = transitionRefusal(verdict);
      throw new HttpError(r.status, r.code, text(r.message['zh-CN'], r.message.en), {
        errors: r.issues,
        extra: {
          code: verdict.code, action: input.action, hazardStatus: hazard.status, severity: hazard.severity,
          allowedActions: lifecycle.allowedActions(hazard, actor, call.now), currentVersion: hazard.version,
        },
      });
    }
    this.#checkPhotos(call, [
      ...(input.before ?? []).map((e, i) => ({ path: `before[${i}]`, id: e })),
      ...(input.evidence ?? []).map((e, i) => ({ path: `evidence[${i}]`, id: e })),
    ]);
    const { hazard: next, entry } = lifecycle.apply(hazard, input, actor, call.now, call.locale);
    const record = this.#stamp(call, 'hazards', next, hazard);
    this.store.write(p.tenant, 'hazards', record);
    new ActivityWriter(this.store, p.tenant, call.now)
      .afterTransition(hazard, record as unknown as Hazard, entry, lifecycle.reviewDueDays);
    return this.tailor(call, 'hazards', record);
  }

  /** `POST /v1/captains:import` (the `captains.import` command): every row or none (the caller holds the transaction). */
  importCaptains(call: Call, body: unknown): ImportResult {
    const p = call.principal;
    this.#requireRole(call, PERMISSIONS.captains.write, text('导入楼长', 'import floor captains'));
    const shape = body !== null && typeof body === 'object' && !Array.isArray(body) ? body as Rec : undefined;
    const extra = shape === undefined ? [] : Object.keys(shape).filter((k) => k !== 'rows');
    if (shape === undefined || !Array.isArray(shape.rows) || extra.length > 0) {
      throw invalid(400, text('导入内容应为 { "rows": [楼长, …] }', 'An import is { "rows": [captain, …] }'), [
        ...(shape === undefined || !Array.isArray(shape.rows) ? [{ path: 'rows', message: 'must be an array of captains' }] : []),
        ...extra.map((k) => ({ path: k, message: 'unknown field' })),
      ]);
    }
    const rows = shape.rows as unknown[];
    const issues: Issue[] = [];
    const parsedRows: Rec[] = [];
    rows.forEach((row, i) => {
      const r = checkInput(FloorCaptainInput, row, call.locale);
      if (r.ok) parsedRows.push(canonicalIds({ ...(r.value as Rec) }));
      else for (const issue of r.issues) issues.push({ path: `rows[${i}]${issue.path === '' ? '' : issue.path.startsWith('[') ? issue.path : `.${issue.path}`}`, message: issue.message });
    });
    if (issues.length > 0) {
      const rowCount = new Set(issues.map((i) => /^rows\[(\d+)\]/.exec(i.path)?.[1])).size;
      throw invalid(400, text(
        `有 ${rowCount} 行无效，未导入任何一行（例如 ${issues[0]?.path ?? ''}：${issues[0]?.message ?? ''}）`,
        `${rowCount} ${rowCount === 1 ? 'row is' : 'rows are'} invalid; nothing was imported (e.g. ${issues[0]?.path ?? ''}: ${issues[0]?.message ?? ''})`,
      ), issues);
    }
    const seen = new Map<string, number>();
    parsedRows.forEach((row, i) => {
      const first = seen.get(String(row.id));
      if (first !== undefined) issues.push({ path: `rows[${i}].id`, message: `same id as rows[${first}]` });
      else seen.set(String(row.id), i);
    });
    if (issues.length > 0) {
      throw invalid(400, text('导入中有重复的 id，未导入任何一行', 'The import has the same id twice; nothing was imported'), issues);
    }
    this.#refuseOverlaps(call, parsedRows as unknown as CaptainFacts[]);
    const writer = new ActivityWriter(this.store, p.tenant, call.now);
    const items: StoredRecord[] = [];
    let created = 0;
    parsedRows.forEach((content, i) => {
      for (const field of SERVER_FIELDS) Reflect.deleteProperty(content, field);
      const previous = this.store.get(p.tenant, 'captains', String(content.id));
      try {
        if (previous !== undefined) {
          this.#assertVisible(call, 'captains', previous);
          this.#assertWritable(call, 'captains', previous);
        }
        this.#assertWritable(call, 'captains', content);
      } catch (e) {
        // The row's position is what a person fixing a spreadsheet needs.
        if (e instanceof HttpError) {
          throw new HttpError(e.status, e.slug, text(`第 ${i + 1} 行（rows[${i}]）：${e.detail['zh-CN']}；未导入任何一行`, `Row rows[${i}]: ${e.detail.en}; nothing was imported`), {
            errors: (e.errors.length > 0 ? e.errors : [{ path: '', message: e.detail.en }]).map((x) => ({ ...x, path: `rows[${i}]${x.path === '' ? '' : `.${x.path}`}` })),
          });
        }
        throw e;
      }
      const record = this.#stamp(call, 'captains', content, previous);
      this.store.write(p.tenant, 'captains', record);
      writer.afterWrite('captains', previous, record, p.user);
      if (previous === undefined) created++;
      items.push(record);
    });
    return { count: items.length, created, updated: items.length - created, items };
  }

  /**
   * One captain per building at a time (一楼一长): once the rows are applied, no two terms of a
   * building may overlap. Refuses the whole import (422) with one issue per clashing row.
   */
  #refuseOverlaps(call: Call, rows: readonly CaptainFacts[]): void {
    const issues: Issue[] = captainOverlaps(rows, this.#lookups(call).captainsAt)
      .map((c) => ({ path: `rows[${c.index}].term`, message: c.message }));
    if (issues.length > 0) {
      const first = issues[0];
      throw invalid(422, text(
        `楼长任期重叠（一楼一长），未导入任何一行（例如 ${first?.path ?? ''}：${first?.message ?? ''}）`,
        `Captains' terms overlap (one captain per building); nothing was imported (e.g. ${first?.path ?? ''}: ${first?.message ?? ''})`,
      ), issues);
    }
  }

  // ---- media --------------------------------------------------------------------------------

  /** `POST /v1/media`: stores the bytes under the data folder and returns the PhotoRef. */
  saveMedia(call: Call, upload: MediaUpload): PhotoRef {
    const p = call.principal;
    this.#requireRole(call, PERMISSIONS.media.write, text('上传照片', 'upload photos'));
    if (upload.bytes.length === 0) {
      throw invalid(400, text('照片内容为空', 'The photo is empty'), [{ path: 'body', message: 'empty' }]);
    }
    const info = imageInfo(upload.bytes);
    if (info === undefined) {
      throw new HttpError(415, 'unsupported-media', text(
        '只接受 JPEG、PNG、WebP 或 GIF 格式的照片',
        'Only JPEG, PNG, WebP or GIF photos are accepted',
      ), { errors: [{ path: 'body', message: 'not a JPEG, PNG, WebP or GIF image' }] });
    }
    const id = newId();
    const file = join(this.#mediaDir, id);
    writeFileSync(`${file}.part`, upload.bytes);
    renameSync(`${file}.part`, file);
    const row: MediaRow = {
      tenant: p.tenant, id, sha256: upload.sha256, bytes: upload.bytes.length, width: info.width, height: info.height,
      contentType: info.contentType, uploader: p.user, createdAt: call.now.toISOString(),
    };
    this.store.insertMedia(row);
    return { id, url: `/v1/media/${id}`, sha256: row.sha256, width: row.width, height: row.height, bytes: row.bytes };
  }

  /**
   * `GET /v1/media/{id}`: the row and the file's path. A photo is served by its record: to a
   * caller who may read a record citing it, or to its uploader (photos go up before the record
   * that cites them); to anyone else of the tenant it does not exist (404).
   */
  readMedia(call: Call, id: string): { row: MediaRow; file: string } {
    const p = call.principal;
    this.#requireRole(call, PERMISSIONS.media.read, text('查看照片', 'read photos'));
    const row = this.store.getMedia(p.tenant, id);
    if (row === undefined || !this.#mayReadMedia(call, row)) throw notFound('media', id);
    return { row, file: join(this.#mediaDir, row.id) };
  }

  /** A photo is the caller's to read when he uploaded it or may read a record that cites it. */
  #mayReadMedia(call: Call, row: MediaRow): boolean {
    const p = call.principal;
    return row.uploader === p.user || this.store.citing(p.tenant, row.id).some(({ kind, rec }) =>
      hasRole(p.roles, PERMISSIONS[kind].read) && this.#visibility(call, kind, rec) === 'ok');
  }
}

