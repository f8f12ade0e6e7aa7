// The scoring tables' module (packages/server/src/scoring-tables.ts) on both of toSql's dialects:
// DDL, row writes and the tenant's query, on SQLite and on a real PostgreSQL (the store of "The
// reference server on PostgreSQL" reuses them). Two tenants hold the same ids; each tenant's
// scores equal computeScores over its own records, and one worker's evidence rows give his lists.
//
// PostgreSQL comes from the PG* variables (`eval "$(.ci/pg-up)"`). Without a reachable server the
// PostgreSQL test is skipped with the reason printed; under CI=true it fails instead.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import Database from 'better-sqlite3';
import { computeScores, exampleScoreConfig, generateScoringData, parsePeriod, reportFromRows } from '@firegrid/core/scoring';
import type { ScoreReport, SqlDialect } from '@firegrid/core/scoring';
import {
  SCORED_KINDS, recordsFromRows, scoredWorkersSql, scoringTablesDdl, scoringWrites, tenantScoresSql, workerEvidenceSql,
} from '@firegrid/server';
import type { ScoredKind, ScoringStatement } from '@firegrid/server';
import { pgSchema } from './postgres.js';

const PERIOD = parsePeriod('2026-03');
const NOW = new Date('2026-04-02T09:00:00+08:00');
const CONFIG = exampleScoreConfig({ period: PERIOD, scope: '330106001' });
type Rec = Record<string, unknown>;

/** Tenant t1's data, and t2's: the same ids, a third of the activities and every worker moved to one grid. */
const t1 = generateScoringData({ seed: 2203, workers: 60, activities: 2500, period: PERIOD, county: '330106', placesPerGrid: 4 });
const t2 = {
  ...t1,
  activities: t1.activities.filter((_, i) => i % 3 === 0),
  workers: t1.workers.map((w) => ({ ...w, gridIds: ['330106001001001'] })),
};

/** A driver-neutral runner: SQLite or PostgreSQL. */
interface Runner {
  run(s: ScoringStatement): Promise<void>;
  all(sql: string, params: unknown): Promise<Rec[]>;
}

async function load(db: Runner, dialect: SqlDialect): Promise<void> {
  for (const ddl of scoringTablesDdl(dialect)) await db.run({ sql: ddl, params: [] });
  for (const [tenant, data] of [['t1', t1], ['t2', t2]] as const) {
    const byKind: Record<ScoredKind, readonly Rec[]> = { places: data.places, workers: data.workers, activities: data.activities, hazards: [] };
    for (const kind of SCORED_KINDS) for (const rec of byKind[kind]) for (const s of scoringWrites(dialect, tenant, kind, rec)) await db.run(s);
  }
  // A worker written twice (his grids changed): his rows are replaced, not added to.
  const moved = t1.workers[1];
  assert.ok(moved);
  for (const s of scoringWrites(dialect, 't1', 'workers', { ...moved, gridIds: ['330106001001009'] })) await db.run(s);
  for (const s of scoringWrites(dialect, 't1', 'workers', moved)) await db.run(s);
}

const stripped = (r: ScoreReport): unknown => JSON.parse(JSON.stringify({
  ...r, workers: r.workers.map((w) => ({ ...w, metrics: w.metrics.map((m) => ({ ...m, activityIds: [], placeIds: [] })) })),
}));

async function check(db: Runner, dialect: SqlDialect): Promise<void> {
  await load(db, dialect);
  for (const [tenant, data] of [['t1', t1], ['t2', t2]] as const) {
    const engine = computeScores(data.activities, CONFIG, { workers: data.workers, places: data.places, now: NOW });
    const q = tenantScoresSql(CONFIG, { dialect });
    const rows = await db.all(q.sql, q.params(NOW, tenant));
    assert.deepEqual(stripped(reportFromRows(rows, CONFIG, { now: NOW })), stripped(engine), `${dialect}: tenant ${tenant}'s scores are the engine's`);
    const count = scoredWorkersSql(dialect, tenant, CONFIG.scope);
    assert.equal(Number((await db.all(count.sql, count.params))[0]?.n), engine.workers.length, `${dialect}: ${tenant}'s scored workers counted`);
  }
  const engine = computeScores(t1.activities, CONFIG, { workers: t1.workers, places: t1.places, now: NOW });
  assert.notDeepEqual(stripped(engine), stripped(computeScores(t2.activities, CONFIG, { workers: t2.workers, places: t2.places, now: NOW })), 'the tenants differ');
  for (const w of engine.workers.slice(0, 6)) {
    const ev = workerEvidenceSql(dialect, 't1', w.workerId);
    const data = recordsFromRows({ workers: await db.all(ev.workers.sql, ev.workers.params), places: await db.all(ev.places.sql, ev.places.params),
      activities: await db.all(ev.activities.sql, ev.activities.params) });
    const mine = computeScores(data.activities, CONFIG, { ...data, now: NOW }).workers[0];
    assert.deepEqual(mine?.metrics.map((m) => [m.key, m.activityIds, m.placeIds]), w.metrics.map((m) => [m.key, m.activityIds, m.placeIds]),
      `${dialect}: worker ${w.workerId}'s evidence from his rows`);
  }
}

describe('the scoring tables on SQLite', () => {
  it('give each tenant the engine\'s scores, and one worker his evidence', async () => {
    const db = new Database(':memory:');
    try {
      const runner: Runner = {
        run: (s) => {
          db.prepare(s.sql).run(s.params);
          return Promise.resolve();
        },
        all: (sql, params) => Promise.resolve(db.prepare(sql).all(params) as Rec[]),
      };
      db.exec('BEGIN');
      await check(runner, 'sqlite');
      db.exec('COMMIT');
    } finally {
      db.close();
    }
  });
});

describe('the scoring tables on PostgreSQL', () => {
  const pgs = pgSchema('fg_score_tables');

  it('give each tenant the engine\'s scores, and one worker his evidence', async (t) => {
    const c = pgs.need(t);
    if (!c) return;
    await c.query('BEGIN');
    await check({
      run: async (s) => {
        await c.query(s.sql, s.params);
      },
      all: async (sql, params) => (await c.query<Rec>(sql, params as unknown[])).rows,
    }, 'postgres');
    await c.query('COMMIT');
  });
});
