// GET /v1/scores from SQL (issue 14 item 5): the scoring tables follow every write in its own
// transaction (and the migration fills them from records stored before), the HTTP answer equals
// core's computeScores over the same records, and a request is bounded (period, workers in scope)
// and rate-limited per caller.
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { newId } from '@firegrid/core';
import type { ResourceKind } from '@firegrid/core';
import { computeScores, exampleScoreConfig, generateScoringData, parsePeriod, ScoreReport, scoringRows } from '@firegrid/core/scoring';
import type { RankLevel, ScoringActivity, ScoringPlace, ScoringWorker } from '@firegrid/core/scoring';
import { MIGRATIONS, Store, migrate, openDatabase, scoringTablesDdl } from '@firegrid/server';
import type { Db, StoredRecord } from '@firegrid/server';
import Database from 'better-sqlite3';
import { problemOf, startTestServer } from './helpers.js';
import type { TestServer } from './helpers.js';

const PERIOD = parsePeriod('2026-03');
const COUNTY = '330106';
const COMMUNITY = '330106001001';
type Rec = Record<string, unknown>;

/** Synthetic workers, places and activities of tenant t1 (80 workers, about 6,000 activities). */
const data = generateScoringData({ seed: 1403, workers: 80, activities: 6000, period: PERIOD, county: COUNTY, tenantId: 't1', placesPerGrid: 5 });

function recordsOf(db: Db, kind: ResourceKind): Rec[] {
  return db.prepare<[string], { body: string }>("SELECT body FROM records WHERE tenant = 't1' AND kind = ? ORDER BY id")
    .all(kind).map((r) => JSON.parse(r.body) as Rec);
}

/** Evidence lists emptied: the SQL answer carries figures, points, ranks and explanations. */
function withoutEvidence(report: ScoreReport): unknown {
  return JSON.parse(JSON.stringify({
    ...report, workers: report.workers.map((w) => ({ ...w, metrics: w.metrics.map((m) => ({ ...m, activityIds: [], placeIds: [] })) })),
  }));
}

describe('GET /v1/scores from the scoring tables', () => {
  let s: TestServer;
  let db: Db;
  let admin: string;

  before(async () => {
    // The rate limit has its own test below; these ask more often than a person would.
    s = await startTestServer({ scoresLimits: { perMinute: 1000 } });
    s.clock.ms = Date.parse('2026-04-03T01:00:00Z');
    admin = await s.token();
    // A second connection to the server's file writes the synthetic records through the Store,
    // as the routes do: each write and its scoring rows in one transaction.
    db = openDatabase(s.dataDir);
    const store = new Store(db);
    store.transaction(() => {
      for (const p of data.places) store.write('t1', 'places', p);
      for (const w of data.workers) store.write('t1', 'workers', w);
      for (const a of data.activities) store.write('t1', 'activities', a);
    });
  });
  after(async () => {
    db.close();
    await s.close();
  });

  /** The answer over HTTP and computeScores over every stored record of the tenant. */
  async function both(query: string, scope: string, rankBy: RankLevel): Promise<{ http: ScoreReport; engine: ScoreReport }> {
    const res = await s.request('GET', `/v1/scores?${query}`, { token: admin });
    assert.equal(res.status, 200, res.text);
    const http = ScoreReport.parse(res.json);
    const engine = computeScores(recordsOf(db, 'activities') as unknown as ScoringActivity[], exampleScoreConfig({ period: PERIOD, scope }), {
      workers: recordsOf(db, 'workers') as unknown as ScoringWorker[], places: recordsOf(db, 'places') as unknown as ScoringPlace[],
      now: s.clock.now(), rankBy,
    });
    return { http, engine };
  }

  it('equals computeScores on synthetic data, for the tenant and for a community ranked by community', async () => {
    for (const [query, scope, rankBy] of [['period=2026-03', '*', 'grid'], [`period=2026-03&scope=${COMMUNITY}&rankBy=community`, COMMUNITY, 'community']] as const) {
      const { http, engine } = await both(query, scope, rankBy);
      assert.ok(engine.workers.length >= 40, `${query}: enough workers scored (${engine.workers.length})`);
      assert.ok(new Set(engine.workers.map((w) => w.total)).size > 10, 'totals vary');
      assert.deepEqual(http, withoutEvidence(engine), `${query}: the SQL answer is the engine's`);
    }
  });

  it('answers one worker (worker=<id>) ranked among all, with the engine\'s evidence lists', async () => {
    const { engine } = await both('period=2026-03', '*', 'grid');
    // Workers with evidence of every kind: visits, finds, closures of their grid, captains.
    const picked = [...engine.workers].sort((a, b) => b.total - a.total).filter((_, i) => i % 9 === 0).slice(0, 5);
    for (const w of picked) {
      const res = await s.request('GET', `/v1/scores?period=2026-03&worker=${w.workerId}`, { token: admin });
      assert.equal(res.status, 200, res.text);
      const one = ScoreReport.parse(res.json);
      assert.deepEqual(one, JSON.parse(JSON.stringify({ ...engine, workers: [w] })), `worker ${w.workerId}: as the engine gives him`);
    }
    assert.ok(picked.some((w) => w.metrics.some((m) => m.key === 'closure' && m.activityIds.length > 0)), 'closure evidence was compared');
    assert.ok(picked.some((w) => w.metrics.some((m) => m.placeIds.length > 0)), 'place evidence was compared');
    const none = problemOf(await s.request('GET', `/v1/scores?period=2026-03&worker=${newId()}`, { token: admin, headers: { 'accept-language': 'en' } }), 404);
    assert.deepEqual(none.errors?.map((e) => e.path), ['worker']);
  });

  it('follows writes made over HTTP: a worker moved, a place changed, an activity recorded', async () => {
    const worker = data.workers.find((w) => w.active && w.gridIds[0]?.startsWith(COMMUNITY));
    const place = data.places.find((p) => p.kind !== 'residential' && p.gridId.startsWith(COMMUNITY));
    assert.ok(worker && place);
    const before = (await both('period=2026-03', '*', 'grid')).http.workers.find((w) => w.workerId === worker.id);
    const moved = await s.put(`/v1/workers/${worker.id}`, {
      id: worker.id, name: worker.name, gridIds: [...worker.gridIds].reverse().concat(`${COMMUNITY}049`), active: true,
    }, admin);
    assert.equal(moved.status, 200, moved.text);
    const changed = await s.put(`/v1/places/${place.id}`, {
      id: place.id, kind: 'residential', name: place.name, address: place.address, gridId: place.gridId, building: { floors: 18, heightM: 54 },
    }, admin);
    assert.equal(changed.status, 200, changed.text);
    const trainingId = newId();
    const training = await s.put(`/v1/activities/${trainingId}`, {
      id: trainingId, type: 'training.held', at: '2026-03-20T02:00:00.000Z', workerId: worker.id, gridId: worker.gridIds[0],
    }, admin);
    assert.ok(training.status === 201, training.text);
    const { http, engine } = await both('period=2026-03', '*', 'grid');
    assert.deepEqual(http, withoutEvidence(engine), 'the SQL answer is still the engine\'s');
    const after = http.workers.find((w) => w.workerId === worker.id);
    assert.notDeepEqual(after, before, 'his score changed with the writes');
  });

  it('keeps a rolled-back write out of the scoring tables', () => {
    const store = new Store(db);
    const id = newId();
    const activity = { ...data.activities[0], id } as unknown as StoredRecord;
    assert.throws(() => store.transaction(() => {
      store.write('t1', 'activities', activity);
      throw new Error('refused after the write');
    }), /refused after the write/);
    assert.deepEqual(db.prepare('SELECT COUNT(*) AS n FROM score_activities WHERE id = ?').get(id), { n: 0 });
    assert.deepEqual(db.prepare('SELECT COUNT(*) AS n FROM records WHERE id = ?').get(id), { n: 0 });
  });

  it('bounds a request: at most 366 days, named in a 422, before any work', async () => {
    const long = problemOf(await s.request('GET', '/v1/scores?period=2025-01-01..2026-03-31', { token: admin, headers: { 'accept-language': 'en' } }), 422);
    assert.match(long.type, /period-too-long/);
    assert.match(long.detail, /455 days, over the bound of 366 days/);
    assert.deepEqual(long.errors, [{ path: 'period', message: 'at most 366 days' }]);
    const year = await s.request('GET', '/v1/scores?period=2025', { token: admin });
    assert.equal(year.status, 200, 'a calendar year is within the bound');
  });
});

describe('GET /v1/scores limits', () => {
  let s: TestServer;
  before(async () => {
    s = await startTestServer({ scoresLimits: { perMinute: 2, workers: 3 } });
    const admin = await s.token();
    for (let i = 0; i < 4; i++) {
      const id = newId();
      const res = await s.put(`/v1/workers/${id}`, { id, name: `网格员${i}`, gridIds: [`${COMMUNITY}00${i}`], active: true }, admin);
      assert.equal(res.status, 201, res.text);
    }
  });
  after(async () => {
    await s.close();
  });

  it('refuses a scope with more workers than the bound (422 naming it), and rate-limits each caller (429 with Retry-After)', async () => {
    const admin = await s.token();
    const wide = problemOf(await s.request('GET', '/v1/scores?period=2026-03', { token: admin, headers: { 'accept-language': 'en' } }), 422);
    assert.match(wide.type, /scope-too-large/);
    assert.deepEqual(wide.errors, [{ path: 'scope', message: 'at most 3 workers' }]);
    const first = await s.request('GET', `/v1/scores?period=2026-03&scope=${COMMUNITY}001`, { token: admin });
    assert.equal(first.status, 200, first.text);
    assert.equal(ScoreReport.parse(first.json).workers.length, 1, 'one worker in that grid');
    const narrow = await s.request('GET', `/v1/scores?period=2026-03&scope=${COMMUNITY}001`, { token: admin });
    assert.equal(narrow.status, 429, 'the third request of the minute');
    const limited = problemOf(narrow, 429);
    const wait = Number(narrow.headers.get('retry-after'));
    assert.ok(Number.isInteger(wait) && wait >= 1 && wait <= 60, `Retry-After ${String(narrow.headers.get('retry-after'))}`);
    assert.equal(limited.retryAfter, wait);
    const other = await s.token({ user: 'admin-2' });
    const theirs = await s.request('GET', `/v1/scores?period=2026-03&scope=${COMMUNITY}001`, { token: other });
    assert.equal(theirs.status, 200, 'another caller is not held back');
    s.clock.advance(61_000);
    assert.equal((await s.request('GET', `/v1/scores?period=2026-03&scope=${COMMUNITY}001`, { token: admin })).status, 200, 'a minute later');
  });
});

describe('migration 3', () => {
  it('creates the tables scoringTablesDdl describes (the module and the shipped migration agree)', () => {
    const viaMigration = new Database(':memory:');
    const viaModule = new Database(':memory:');
    try {
      migrate(viaMigration);
      for (const ddl of scoringTablesDdl('sqlite')) viaModule.exec(ddl);
      const shape = (db: Database.Database): unknown => db.prepare(`SELECT m.name AS tbl, p.name, p.type, p."notnull", p.pk FROM sqlite_master m, pragma_table_info(m.name) p
        WHERE m.type = 'table' AND m.name LIKE 'score_%' ORDER BY m.name, p.cid`).all();
      const indexes = (db: Database.Database): unknown => db.prepare(`SELECT m.name, i.name AS col FROM sqlite_master m, pragma_index_info(m.name) i
        WHERE m.type = 'index' AND m.tbl_name LIKE 'score_%' AND m.sql IS NOT NULL ORDER BY m.name, i.seqno`).all();
      assert.deepEqual(shape(viaModule), shape(viaMigration));
      assert.deepEqual(indexes(viaModule), indexes(viaMigration));
    } finally {
      viaMigration.close();
      viaModule.close();
    }
  });

  it('fills the scoring tables from the records stored before it', () => {
    const dir = mkdtempSync(join(tmpdir(), 'firegrid-mig-'));
    const db = new Database(join(dir, 'old.db'));
    try {
      migrate(db, MIGRATIONS.filter((m) => m.id < 3));
      const small = generateScoringData({ seed: 7, workers: 12, activities: 400, period: PERIOD, county: COUNTY, tenantId: 't1' });
      const insert = db.prepare(`INSERT INTO records (tenant, kind, id, version, deadline_sort, updated_ms, body) VALUES ('t1', ?, ?, 1, 0, 0, ?)`);
      db.transaction(() => {
        for (const [kind, list] of [['workers', small.workers], ['places', small.places], ['activities', small.activities]] as const) {
          for (const r of list) insert.run(kind, r.id, JSON.stringify(r));
        }
      })();
      assert.deepEqual(migrate(db, MIGRATIONS.filter((m) => m.id <= 3)), [3]);
      const rows = scoringRows(small);
      const bool = (v: boolean | null): number | null => (v === null ? null : v ? 1 : 0);
      assert.deepEqual(
        db.prepare('SELECT id, type, at_ms, worker_id, grid_id, place_id, hazard_id, due_ms, on_time FROM score_activities ORDER BY id').all(),
        // Migration 3's columns (an assessor's entry, migration 6, did not exist before it).
        rows.activities.map((a) => ({
          id: a.id, type: a.type, at_ms: a.at_ms, worker_id: a.worker_id, grid_id: a.grid_id, place_id: a.place_id, hazard_id: a.hazard_id,
          due_ms: a.due_ms, on_time: bool(a.on_time),
        })).sort((a, b) => (a.id < b.id ? -1 : 1)),
      );
      assert.deepEqual(
        db.prepare('SELECT id, name, grid_id, seq, active FROM score_workers ORDER BY id, seq').all(),
        rows.workers.map((w) => ({ id: w.id, name: w.name, grid_id: w.grid_id, seq: w.seq, active: bool(w.active) })).sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : a.seq - b.seq)),
      );
      assert.equal((db.prepare('SELECT COUNT(*) AS n FROM score_places').get() as { n: number }).n, rows.places.length);
    } finally {
      db.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
