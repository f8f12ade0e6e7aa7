// The indicators (issue 21): 整改率, 销号率 and 超期率 by community, street and county. A hand-made
// case pins the definitions; seeded synthetic hazards then give the same figures from core's
// computeIndicators, from SQLite and from a real PostgreSQL, over the tables the server keeps
// (scoring-tables.ts: score_hazards and score_places, two tenants with the same ids).
//
// PostgreSQL comes from the PG* variables (`eval "$(bash .ci/pg-up)"`). Without a reachable server
// the PostgreSQL test is skipped with the reason printed; under CI=true it fails instead.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import Database from 'better-sqlite3';
import { computeIndicators, indicatorsFromRows, indicatorsSql, INDICATOR_LEVELS, parsePeriod } from '@firegrid/core/scoring';
import type { IndicatorHazard, IndicatorReport, IndicatorRequest, SqlDialect } from '@firegrid/core/scoring';
import { scoringTablesDdl, scoringWrites, tenantIndicatorsSql } from '@firegrid/server';
import type { ScoringStatement } from '@firegrid/server';
import { indicatorData } from './indicator-data.js';
import { pgSchema } from './postgres.js';

const PERIOD = parsePeriod('2026-03');
const data = indicatorData(2101, 1500);
// Tenant t2: the same ids, a third of the hazards, all moved to one community.
const t2 = { places: data.places, hazards: data.hazards.filter((_, i) => i % 3 === 0).map((h) => ({ ...h, placeId: undefined, gridId: '330106002003001' })) };
const CLOCKS = [new Date('2026-03-20T12:00:00+08:00'), new Date('2026-04-05T09:00:00+08:00')];
const REQUESTS: IndicatorRequest[] = [
  ...INDICATOR_LEVELS.map((level) => ({ period: PERIOD, level, scope: '*' })),
  { period: PERIOD, level: 'community', scope: '330106002' },
  { period: { from: '2026-02-15', to: '2026-03-10' }, level: 'street', scope: '330106' },
  { period: PERIOD, level: 'community', scope: '330106001002003' },
];

describe('computeIndicators: the definitions', () => {
  const grid = '330106001001001';
  const h = (id: string, status: string, extra: Partial<IndicatorHazard> = {}): IndicatorHazard => ({
    id, status, createdAt: '2026-03-05T10:00:00+08:00', gridId: grid, ...extra,
  });
  const now = new Date('2026-04-02T09:00:00+08:00');
  const hazards: IndicatorHazard[] = [
    h('a', 'closed'),
    h('b', 'awaiting-review'),
    h('c', 'rectifying', { deadline: '2026-03-31' }), // overdue at now
    h('d', 'assigned', { deadline: '2026-04-02' }), // not yet: the deadline runs to the end of the day
    h('e', 'closed', { deadline: '2026-03-10' }), // closed late: closed, not overdue
    h('f', 'rejected'), // not a hazard: not counted
    h('g', 'draft'), // never found: not counted
    h('h', 'verified', { createdAt: '2026-02-28T23:00:00+08:00', history: [{ at: '2026-03-01T00:00:00+08:00', action: 'submit', from: 'draft', to: 'reported' }] }), // found when submitted: in March
    h('i', 'verified', { createdAt: '2026-02-28T23:59:59.999+08:00' }), // found in February
    h('j', 'rectifying', { gridId: undefined, placeId: 'p1', supervision: { deadline: '2026-03-20', listedAt: '2026-03-06T00:00:00+08:00' }, deadline: '2026-05-01' }), // supervision deadline binds: overdue
    h('k', 'rectifying', { gridId: undefined, placeId: 'p1', supervision: { deadline: '2026-03-20' }, deadline: '2026-05-01' }), // requested only: not overdue
    h('l', 'reported', { gridId: '330106002001001' }), // another street
    h('m', 'reported', { createdAt: '2026-03-31T23:59:59.999+08:00' }), // the period's last instant
  ];
  const places = [{ id: 'p1', gridId: '330106001002001' }, { id: 'p2', gridId: '330107001001001' }];

  it('counts found, rectified, closed and overdue per unit and rounds the rates to 4 decimals', () => {
    const r = computeIndicators(hazards, places, { period: PERIOD, level: 'street', scope: '330106' }, now);
    assert.deepEqual(r.units, [
      { unit: '330106001', found: 9, rectified: 3, closed: 2, overdue: 2, rectificationRate: 0.3333, closureRate: 0.2222, overdueRate: 0.2222 },
      { unit: '330106002', found: 1, rectified: 0, closed: 0, overdue: 0, rectificationRate: 0, closureRate: 0, overdueRate: 0 },
    ]);
    const county = computeIndicators(hazards, places, { period: PERIOD, level: 'county', scope: '*' }, now);
    assert.deepEqual(county.units.map((u) => [u.unit, u.found]), [['330106', 10], ['330107', 0]]);
    assert.equal(county.units[1]?.rectificationRate, null, 'a unit with nothing found has no rate (无数据)');
    const community = computeIndicators(hazards, places, { period: PERIOD, level: 'community', scope: '330106001' }, now);
    assert.deepEqual(community.units.map((u) => [u.unit, u.found, u.overdue]), [['330106001001', 7, 1], ['330106001002', 2, 1]]);
  });

  it('names what is wrong with a request', () => {
    assert.throws(() => computeIndicators([], [], { period: PERIOD, level: 'grid' as never, scope: '*' }, now), /level must be one of county, street, community/);
    assert.throws(() => computeIndicators([], [], { period: PERIOD, level: 'street', scope: '33%' }, now), /scope must be an OrgUnit code prefix/);
    assert.throws(() => computeIndicators([h('x', 'reported', { createdAt: 'yesterday' })], [], { period: PERIOD, level: 'street', scope: '*' }, now), /hazard x: the time it was found \("yesterday"\)/);
  });

  it('the SQL gives the hand-made figures on SQLite', () => {
    const db = new Database(':memory:');
    for (const ddl of scoringTablesDdl('sqlite')) db.exec(ddl);
    for (const x of hazards) for (const s of scoringWrites('sqlite', 't1', 'hazards', x as never)) db.prepare(s.sql).run(s.params);
    for (const p of places) for (const s of scoringWrites('sqlite', 't1', 'places', { ...p, kind: 'residential' })) db.prepare(s.sql).run(s.params);
    const req: IndicatorRequest = { period: PERIOD, level: 'street', scope: '330106' };
    const q = tenantIndicatorsSql(req, 'sqlite');
    assert.deepEqual(indicatorsFromRows(db.prepare(q.sql).all(q.params(now, 't1')) as Record<string, unknown>[], req, now), computeIndicators(hazards, places, req, now));
    db.close();
  });
});

/** A driver-neutral runner: SQLite or PostgreSQL. */
interface Runner {
  run(s: ScoringStatement): Promise<void>;
  all(sql: string, params: unknown): Promise<Record<string, unknown>[]>;
}

async function check(db: Runner, dialect: SqlDialect): Promise<number> {
  for (const ddl of scoringTablesDdl(dialect)) await db.run({ sql: ddl, params: [] });
  for (const [tenant, d] of [['t1', data], ['t2', t2]] as const) {
    for (const p of d.places) for (const s of scoringWrites(dialect, tenant, 'places', p)) await db.run(s);
    for (const h of d.hazards) for (const s of scoringWrites(dialect, tenant, 'hazards', h)) await db.run(s);
  }
  // A hazard written again (closed since): its row is replaced, not added to.
  const again = data.hazards.find((h) => h.status === 'rectifying');
  assert.ok(again);
  for (const s of scoringWrites(dialect, 't1', 'hazards', { ...again, status: 'awaiting-review' })) await db.run(s);
  for (const s of scoringWrites(dialect, 't1', 'hazards', again)) await db.run(s);
  let compared = 0;
  for (const [tenant, d] of [['t1', data], ['t2', t2]] as const) {
    for (const req of REQUESTS) {
      for (const now of CLOCKS) {
        const engine: IndicatorReport = computeIndicators(d.hazards, d.places, req, now);
        const q = tenantIndicatorsSql(req, dialect);
        const sql = indicatorsFromRows(await db.all(q.sql, q.params(now, tenant)), req, now);
        assert.deepEqual(sql, engine, `${dialect} ${tenant} ${req.level} ${req.scope} ${req.period.from}..${req.period.to} at ${now.toISOString()}`);
        compared += engine.units.length;
      }
    }
  }
  return compared;
}

describe('the indicators in SQL equal computeIndicators', () => {
  it('has synthetic data that exercises every count', () => {
    const r = computeIndicators(data.hazards, data.places, { period: PERIOD, level: 'street', scope: '*' }, CLOCKS[1]!);
    const sum = (k: 'found' | 'rectified' | 'closed' | 'overdue'): number => r.units.reduce((n, u) => n + u[k], 0);
    assert.ok(sum('found') > 400 && sum('rectified') > 100 && sum('closed') > 50 && sum('overdue') > 20, JSON.stringify(r.units));
    assert.ok(r.units.some((u) => u.found === 0), 'a unit with nothing found is listed');
  });

  it('on SQLite, for two tenants with the same ids, every level, scope and clock', async () => {
    const db = new Database(':memory:');
    const runner: Runner = {
      run: (s) => { db.prepare(s.sql).run(s.params); return Promise.resolve(); },
      all: (sql, params) => Promise.resolve(db.prepare(sql).all(params as never) as Record<string, unknown>[]),
    };
    assert.ok(await check(runner, 'sqlite') > 100);
    // The plain core query over unscoped tables gives the same as the tenant's.
    const q = indicatorsSql(REQUESTS[0]!, { dialect: 'sqlite', tables: { hazards: "(SELECT * FROM score_hazards WHERE tenant = 't1')", places: "(SELECT * FROM score_places WHERE tenant = 't1')" } });
    const now = CLOCKS[0]!;
    assert.deepEqual(indicatorsFromRows(db.prepare(q.sql).all(q.params(now)) as Record<string, unknown>[], REQUESTS[0]!, now),
      computeIndicators(data.hazards, data.places, REQUESTS[0]!, now));
    db.close();
  });

  describe('on PostgreSQL', () => {
    const pgs = pgSchema('fg_indicators');

    it('for two tenants with the same ids, every level, scope and clock', async (t) => {
      const c = pgs.need(t);
      if (!c) return;
      await c.query('BEGIN');
      const runner: Runner = {
        run: async (s) => { await c.query(s.sql, s.params); },
        all: async (sql, params) => (await c.query<Record<string, unknown>>(sql, params as unknown[])).rows,
      };
      try {
        assert.ok(await check(runner, 'postgres') > 100);
      } finally {
        await c.query('COMMIT');
      }
    });
  });
});
