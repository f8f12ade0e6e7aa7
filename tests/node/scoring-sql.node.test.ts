// toSql must give the engine's numbers (DESIGN §7): random data from a seed is scored by
// computeScores and by the compiled SQL on SQLite and on a real PostgreSQL, and every figure,
// point, total and rank must be identical after the rounding of DESIGN §7.
//
// PostgreSQL comes from the PG* variables (`eval "$(.ci/pg-up)"` starts Debian's cluster and prints
// them); tests/server/postgres.ts gives each suite a schema, skips visibly without a server, and
// fails under CI=true instead.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import Database from 'better-sqlite3';
import {
  computeScores, dongshengSchemeExample, dongshengSheetExample, exampleScoreConfig, generateScoringData, parsePeriod, reportFromRows, scoringRows,
  scoringTablesDdl, toSql,
} from '@firegrid/core/scoring';
import type {
  RankLevel, ScoreReport, ScoringActivity, ScoringConfig, ScoringPlace, ScoringWorker, SqlDialect,
} from '@firegrid/core/scoring';
import { pgSchema } from '../server/postgres.js';

const PERIOD = parsePeriod('2025-03');

interface Case {
  name: string;
  seed: number;
  config: ScoringConfig;
  rankBy: RankLevel;
  now: Date;
}

const base = exampleScoreConfig({ period: PERIOD, scope: '140105' });
const withParams = (c: ScoringConfig, edit: Record<string, Record<string, string | number | boolean>>): ScoringConfig => ({
  ...c,
  metrics: c.metrics.map((m) => ({ ...m, params: { ...m.params, ...edit[m.key] } })),
});

/**
 * A town sheet as data (issue 20): 30 points of metrics, 55 entered by assessors (one line from
 * full), a 15-point threshold, three deduction rules each on its own type with its own value and
 * cap (one of them assessor-entered), and two bonuses.
 */
const townSheet: ScoringConfig = {
  name: '镇网格考评', period: PERIOD, scope: '140105',
  metrics: [{ key: 'coverage', weight: 20, params: { mode: 'quota', quotaPerMonth: 12 } }, { key: 'closure', weight: 10, params: {} }],
  visitsPerMonth: {}, deductions: { perOverdue: 0, cap: 0 },
  items: [
    { kind: 'assessor', key: 'office', label: { 'zh-CN': '阵地建设', en: 'Office' }, points: 20.5 },
    { kind: 'assessor', key: 'records', label: { 'zh-CN': '档案资料' }, points: 34.5, start: 'full' },
    { kind: 'threshold', key: 'training', label: { 'zh-CN': '培训任务' }, points: 15, activity: 'training.held', atLeastPerMonth: 1 },
    { kind: 'deduction', key: 'rejected', label: { 'zh-CN': '虚报隐患' }, activity: 'hazard.rejected', per: 1.5, cap: 4.25 },
    { kind: 'deduction', key: 'reviews', label: { 'zh-CN': '复查' }, activity: 'review.done', per: 0.1, cap: 0.7 },
    { kind: 'deduction', key: 'spot', label: { 'zh-CN': '抽查扣分' }, activity: 'assessment.entered', cap: 6 },
    { kind: 'bonus', key: 'praise', label: { 'zh-CN': '表扬' }, activity: 'assessment.entered', cap: 3.3 },
    { kind: 'bonus', key: 'publicity', label: { 'zh-CN': '宣传' }, activity: 'publicity.held', per: 0.3, cap: 0.9 },
  ],
};

/** Configurations that exercise every branch the compiler writes. */
const CASES: Case[] = [
  { name: 'the example configuration, ranked by grid, a week after the period', seed: 11, config: base, rankBy: 'grid', now: new Date('2025-04-07T09:00:00+08:00') },
  { name: 'the 东升镇 scheme (quota, worker-attributed deductions) by community', seed: 12, config: dongshengSchemeExample({ period: PERIOD }), rankBy: 'community', now: new Date('2025-04-01T00:00:00+08:00') },
  {
    name: 'relative counts, worker attribution, whenNone zero, all high-rise, by street, scored mid-period', seed: 13, rankBy: 'street',
    now: new Date('2025-03-18T12:00:00+08:00'),
    config: withParams({ ...base, deductions: { perOverdue: 1.5, cap: 7.25 } }, {
      discovery: { relativeTo: 'best' }, outreach: { relativeTo: 'best', whenNone: 'zero' }, closure: { attribution: 'worker', whenNone: 'zero' },
      overdue: { attribution: 'worker' }, captains: { buildings: 'all', attribution: 'worker' }, review: { whenNone: 'zero' },
      coverage: { whenNone: 'zero' },
    }),
  },
  { name: 'a town sheet: assessor lines, several capped deductions, bonuses, a threshold, by community', seed: 15, config: townSheet, rankBy: 'community', now: new Date('2025-04-03T09:00:00+08:00') },
  {
    name: 'the same sheet out of 120, bonuses above it, scored mid-period', seed: 16, rankBy: 'scope', now: new Date('2025-03-20T00:00:00Z'),
    config: { ...townSheet, scope: '*', total: { max: 120, bonusAboveMax: true }, items: [...(townSheet.items ?? []), { kind: 'assessor', key: 'extra', label: { 'zh-CN': '附加' }, points: 20 }] },
  },
  {
    name: 'a district\'s per-post monthly quotas of distinct places, one ranking for every post', seed: 17, rankBy: 'street', now: new Date('2025-04-02T00:00:00+08:00'),
    config: {
      ...base, metrics: [
        { key: 'coverage', weight: 70, params: { mode: 'quota', count: 'places', quotaPerMonth: 6, quotaByPost: { 'street-leader': 5, 'community-staff': 7, patrol: 9 } } },
        { key: 'outreach', weight: 10, params: { targetPerMonth: 3 } },
        { key: 'discovery', weight: 20, params: { targetPerMonth: 7 } },
      ],
    },
  },
  {
    name: 'per-post quotas of visits, over a quarter', seed: 18, rankBy: 'scope', now: new Date('2025-04-02T00:00:00+08:00'),
    config: { ...base, period: { from: '2025-01-01', to: '2025-03-31' }, metrics: [{ key: 'coverage', weight: 100, params: { mode: 'quota', quotaPerMonth: 9, quotaByPost: { patrol: 15, 'community-staff': 10.5, 'street-leader': 0 } } }] },
  },
  {
    name: 'the worked example: the 东升镇 sheet with its assessor lines', seed: 19, rankBy: 'grid', now: new Date('2025-04-05T09:00:00+08:00'),
    config: dongshengSheetExample({ period: PERIOD, scope: '140105' }),
  },
  {
    name: 'odd weights and a half-month period over the whole tenant', seed: 14, rankBy: 'scope', now: new Date('2025-03-20T00:00:00Z'),
    config: {
      name: '半月考评', period: { from: '2025-03-01', to: '2025-03-15' }, scope: '*',
      metrics: [
        { key: 'coverage', weight: 33.33, params: {} }, { key: 'closure', weight: 16.67, params: {} }, { key: 'review', weight: 12.5, params: {} },
        { key: 'overdue', weight: 7.5, params: {} }, { key: 'discovery', weight: 30, params: { targetPerMonth: 3 } },
      ],
      visitsPerMonth: { residential: 1.5, 'small-venue': 3, 'three-in-one': 0.7, hotel: 2 },
      deductions: { perOverdue: 0.1, cap: 0.3 },
    },
  },
];

interface Data {
  activities: ScoringActivity[];
  workers: ScoringWorker[];
  places: ScoringPlace[];
}

/**
 * Seeded data plus the activities that sit exactly on the period's edges, and rejections of some
 * verified hazards (the generator never rejects a verified one, so "rejected reports don't count"
 * would otherwise go untested here).
 */
function dataFor(seed: number): Data {
  const d = generateScoringData({ seed, workers: 120, activities: 9000, period: PERIOD, placesPerGrid: 6 });
  const w = d.workers.find((x) => x.active) ?? d.workers[0];
  assert.ok(w, 'a worker');
  const grid = w.gridIds[0] ?? '';
  const edge = (id: string, at: string): ScoringActivity => ({ id: `00000000-0000-7000-8000-${id}`, type: 'training.held', at, workerId: w.id, gridId: grid });
  const rejections = d.activities
    .filter((a) => a.type === 'hazard.verified')
    .filter((_, i) => i % 7 === 0)
    .map((a, i): ScoringActivity => ({ ...a, id: `00000000-0000-7000-8000-${String(i).padStart(4, '0')}0000ee00`, type: 'hazard.rejected' }));
  // Assessors' entries (issue 20): several per worker and line, negative ones, odd hundredths,
  // one for a line no config has, one just outside the period, and one for an inactive worker.
  const lines = ['office', 'records', 'spot', 'praise', 'extra', 'nobody', 'support', 'staff-know', 'leaders-login', 'daily-login'];
  const entries = d.workers.flatMap((x, k) => Array.from({ length: k % 4 }, (_, j): ScoringActivity => ({
    id: `00000000-0000-7000-8000-${String(k).padStart(4, '0')}${String(j).padStart(4, '0')}ae00`, type: 'assessment.entered',
    at: j === 2 && k % 8 === 3 ? '2025-02-28T15:59:59.999Z' : `2025-03-${String(1 + ((k * 7 + j * 11) % 28)).padStart(2, '0')}T10:00:00+08:00`,
    workerId: x.id, gridId: x.gridIds[0] ?? '', item: lines[(k + j) % lines.length], points: (((k * 37 + j * 101) % 1500) - 400) / 100,
    reason: `理由 ${k}/${j}`, by: 'sup1',
  })));
  // Posts (岗位): three named, and some workers without one (they get quotaPerMonth).
  const posts = ['street-leader', 'community-staff', 'patrol', undefined];
  return {
    workers: d.workers.map((x, k) => {
      const post = posts[k % posts.length];
      return post === undefined ? x : { ...x, post };
    }),
    places: d.places,
    activities: [
      ...d.activities,
      ...rejections,
      ...entries,
      edge('000000000e01', '2025-02-28T16:00:00Z'),
      edge('000000000e02', '2025-02-28T15:59:59.999Z'),
      edge('000000000e03', '2025-03-31T23:59:59.999+08:00'),
      edge('000000000e04', '2025-04-01T00:00:00+08:00'),
      edge('000000000e05', '2025-03-31T21:29:59+05:30'),
      { id: '00000000-0000-7000-8000-000000000e06', type: 'hazard.closed', at: '2025-03-03T10:00:00+08:00', workerId: w.id, gridId: grid, hazardId: '00000000-0000-7000-8000-00000000ee06', onTime: true },
    ],
  };
}

/** The numbers a row and a worker score must share. */
function numbers(report: ScoreReport): unknown[] {
  return report.workers.map((w) => ({
    workerId: w.workerId, name: w.name, gridId: w.gridId, total: w.total, rank: w.rank,
    metrics: w.metrics.map((m) => ({
      key: m.key, weight: m.weight, value: m.value, outOf: m.outOf, normalized: m.normalized, points: m.points,
      deduction: m.deduction, explanation: m.explanation,
    })),
    items: w.items?.map((i) => ({ ...i, activityIds: [], entries: [] })),
  }));
}

function compare(dialect: SqlDialect, c: Case, engine: ScoreReport, rows: Record<string, unknown>[]): void {
  assert.ok(engine.workers.length > 50, `enough workers scored (${engine.workers.length})`);
  const sql = reportFromRows(rows, c.config, { now: c.now, rankBy: c.rankBy });
  const a = numbers(engine);
  const b = numbers(sql);
  assert.equal(b.length, a.length, `${dialect}: one row per scored worker`);
  for (let i = 0; i < a.length; i++) assert.deepEqual(b[i], a[i], `${dialect}: worker #${i} differs`);
  // The data is not trivial: points take many values and ranks are contested.
  assert.ok(new Set(engine.workers.map((w) => w.total)).size > 20, 'totals vary');
  // Every scheme line gives different points to different workers.
  for (const [k, line] of (engine.workers[0]?.items ?? []).entries()) {
    assert.ok(new Set(engine.workers.map((w) => w.items?.[k]?.points)).size > 1, `line ${line.key}'s points vary`);
  }
}

describe('toSql on SQLite gives the engine\'s numbers', () => {
  for (const c of CASES) {
    it(c.name, () => {
      const data = dataFor(c.seed);
      const engine = computeScores(data.activities, c.config, { ...data, now: c.now, rankBy: c.rankBy });
      const db = new Database(':memory:');
      try {
        for (const ddl of scoringTablesDdl('sqlite')) db.exec(ddl);
        const rows = scoringRows(data);
        const insert = (table: string, records: Record<string, unknown>[]): void => {
          const first = records[0];
          if (!first) return;
          const cols = Object.keys(first);
          const stmt = db.prepare(`INSERT INTO ${table} (${cols.join(', ')}) VALUES (${cols.map((k) => `@${k}`).join(', ')})`);
          const sqliteValue = (v: unknown): unknown => (typeof v === 'boolean' ? (v ? 1 : 0) : v);
          db.transaction(() => {
            for (const r of records) stmt.run(Object.fromEntries(cols.map((k) => [k, sqliteValue(r[k])])));
          })();
        };
        insert('activities', rows.activities as unknown as Record<string, unknown>[]);
        insert('workers', rows.workers as unknown as Record<string, unknown>[]);
        insert('places', rows.places as unknown as Record<string, unknown>[]);
        const q = toSql(c.config, { dialect: 'sqlite', rankBy: c.rankBy });
        const result = db.prepare(q.sql).all(q.params(c.now)) as Record<string, unknown>[];
        assert.deepEqual(Object.keys(result[0] ?? {}), q.columns);
        compare('sqlite', c, engine, result);
      } finally {
        db.close();
      }
    });
  }

  it('names a bad dialect or table', () => {
    assert.throws(() => toSql(base, { dialect: 'mysql' as SqlDialect }), /dialect must be one of postgres, sqlite/);
    assert.throws(() => toSql(base, { dialect: 'sqlite', tables: { places: 'places; DROP TABLE x' } }), /tables\.places/);
    assert.throws(() => toSql({ ...base, metrics: [] }, { dialect: 'sqlite' }), (e: Error & { code?: string }) => e.code === 'config');
  });
});

describe('toSql on PostgreSQL gives the engine\'s numbers', () => {
  const pgs = pgSchema('fg_scoring');

  it('runs on PostgreSQL 15', async (t) => {
    const c = pgs.need(t);
    if (!c) return;
    const { rows } = await c.query<{ v: string }>("SELECT current_setting('server_version') AS v");
    assert.match(rows[0]?.v ?? '', /^15\./);
  });

  for (const [i, kase] of CASES.entries()) {
    it(kase.name, async (t) => {
      const c = pgs.need(t);
      if (!c) return;
      const data = dataFor(kase.seed);
      const engine = computeScores(data.activities, kase.config, { ...data, now: kase.now, rankBy: kase.rankBy });
      const tables = { activities: `a${i}`, workers: `w${i}`, places: `p${i}` };
      for (const ddl of scoringTablesDdl('postgres', tables)) await c.query(ddl);
      const rows = scoringRows(data);
      // One statement per table: unnest() of one array per column.
      await c.query(
        `INSERT INTO ${tables.activities} SELECT * FROM unnest($1::text[], $2::text[], $3::bigint[], $4::text[], $5::text[], $6::text[], $7::text[], $8::bigint[], $9::boolean[], $10::text[], $11::bigint[])`,
        [rows.activities.map((r) => r.id), rows.activities.map((r) => r.type), rows.activities.map((r) => r.at_ms), rows.activities.map((r) => r.worker_id),
          rows.activities.map((r) => r.grid_id), rows.activities.map((r) => r.place_id), rows.activities.map((r) => r.hazard_id),
          rows.activities.map((r) => r.due_ms), rows.activities.map((r) => r.on_time), rows.activities.map((r) => r.item), rows.activities.map((r) => r.points_c)],
      );
      await c.query(`INSERT INTO ${tables.workers} SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::int[], $5::boolean[], $6::text[])`,
        [rows.workers.map((r) => r.id), rows.workers.map((r) => r.name), rows.workers.map((r) => r.grid_id), rows.workers.map((r) => r.seq), rows.workers.map((r) => r.active),
          rows.workers.map((r) => r.post)]);
      await c.query(`INSERT INTO ${tables.places} SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::float8[], $5::int[])`,
        [rows.places.map((r) => r.id), rows.places.map((r) => r.kind), rows.places.map((r) => r.grid_id), rows.places.map((r) => r.height_m), rows.places.map((r) => r.floors)]);
      // Statistics, as any table a vendor runs this on has them: without, the planner guesses one row per table.
      await c.query(`ANALYZE ${tables.activities}, ${tables.workers}, ${tables.places}`);
      const q = toSql(kase.config, { dialect: 'postgres', rankBy: kase.rankBy, tables });
      const result = await c.query<Record<string, unknown>>(q.sql, q.params(kase.now));
      assert.deepEqual(result.fields.map((f) => f.name), q.columns);
      compare('postgres', kase, engine, result.rows);
    });
  }
});
