// GET /v1/indicators (issue 21): 整改率, 销号率 and 超期率 by community, street and county from SQL
// over score_hazards and score_places, which follow every write in its own transaction (and
// migration 4 fills from hazards stored before it). The HTTP answer equals core's
// computeIndicators over the stored records; role, scope and period are checked.
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { newId } from '@firegrid/core';
import { computeIndicators, IndicatorReport, parsePeriod } from '@firegrid/core/scoring';
import type { IndicatorHazard, IndicatorLevel, IndicatorPlace } from '@firegrid/core/scoring';
import { MIGRATIONS, Store, migrate, openDatabase } from '@firegrid/server';
import type { Db, StoredRecord } from '@firegrid/server';
import { indicatorData } from './indicator-data.js';
import { COMMUNITY_A, GRID_A, hazard, problemOf, startTestServer, upload } from './helpers.js';
import type { TestServer } from './helpers.js';

const PERIOD = parsePeriod('2026-03');
const data = indicatorData(2102, 800);
type Rec = Record<string, unknown>;

function recordsOf(db: Db, kind: string): Rec[] {
  return db.prepare<[string], { body: string }>("SELECT body FROM records WHERE tenant = 't1' AND kind = ? ORDER BY id").all(kind).map((r) => JSON.parse(r.body) as Rec);
}

describe('GET /v1/indicators', () => {
  let s: TestServer;
  let db: Db;
  let admin: string;

  before(async () => {
    s = await startTestServer({ scoresLimits: { perMinute: 1000 } });
    s.clock.ms = Date.parse('2026-04-03T01:00:00Z');
    admin = await s.token();
    db = openDatabase(s.dataDir);
    const store = new Store(db);
    store.transaction(() => {
      for (const p of data.places) store.write('t1', 'places', p as unknown as StoredRecord);
      for (const h of data.hazards) store.write('t1', 'hazards', h as unknown as StoredRecord);
    });
  });
  after(async () => {
    db.close();
    await s.close();
  });

  const engine = (level: IndicatorLevel, scope: string, period = PERIOD): IndicatorReport => computeIndicators(
    recordsOf(db, 'hazards') as unknown as IndicatorHazard[], recordsOf(db, 'places') as unknown as IndicatorPlace[], { period, level, scope }, s.clock.now(),
  );
  const get = async (query: string, token = admin): Promise<IndicatorReport> => {
    const res = await s.request('GET', `/v1/indicators?${query}`, { token });
    assert.equal(res.status, 200, res.text);
    assert.equal(res.headers.get('cache-control'), 'no-store');
    return IndicatorReport.parse(res.json);
  };

  it('equals computeIndicators over the stored records, by county, street and community', async () => {
    for (const [query, level, scope] of [
      ['period=2026-03&level=county', 'county', '*'], ['period=2026-03', 'street', '*'],
      ['period=2026-03&level=community&scope=330106002', 'community', '330106002'],
    ] as const) {
      const http = await get(query);
      const expected = engine(level, scope);
      assert.ok(expected.units.some((u) => u.found > 10 && u.overdue > 0 && u.closed > 0), `${query}: figures to compare`);
      assert.deepEqual(http, expected, query);
    }
  });

  it('follows a hazard through its transitions over HTTP: found, overdue once its deadline passes, rectified, closed', async () => {
    const unit = COMMUNITY_A;
    const period = 'period=2026-04&level=community';
    const official = await s.token({ user: 'sup-1', roles: ['grid-supervisor', 'unit-manager'], scope: ['*'] });
    const figures = async (): Promise<Rec> => {
      const u = (await get(period)).units.find((x) => x.unit === unit);
      return { found: u?.found ?? 0, rectified: u?.rectified ?? 0, closed: u?.closed ?? 0, overdue: u?.overdue ?? 0 };
    };
    const base = await figures();
    const plus = (d: Partial<Record<'found' | 'rectified' | 'closed' | 'overdue', number>>): Rec => Object.fromEntries(
      Object.entries(base).map(([k, v]) => [k, Number(v) + (d[k as keyof typeof d] ?? 0)]),
    );
    const h = hazard({ gridId: GRID_A });
    assert.equal((await s.put(`/v1/hazards/${h.id}`, h, admin)).status, 201);
    const reviewer = await s.token({ user: 'sup-2', roles: ['grid-supervisor'], scope: ['*'] });
    const move = async (body: Rec, token = official): Promise<void> => {
      const res = await s.request('POST', `/v1/hazards/${h.id}/transitions`, { token, body, headers: { 'idempotency-key': newId() } });
      assert.equal(res.status, 200, `${String(body.action)}: ${res.text}`);
    };
    assert.deepEqual(await figures(), plus({ found: 1 }), 'found when created reported');
    await move({ action: 'verify' });
    await move({ action: 'assign', deadline: '2026-04-05', responsible: { unit: '物业', person: '张三', phone: '13812345678' }, measures: '清理杂物' });
    await move({ action: 'start' });
    s.clock.ms = Date.parse('2026-04-05T15:59:59Z');
    assert.deepEqual(await figures(), plus({ found: 1 }), 'not overdue on its deadline day (to 24:00 UTC+8)');
    s.clock.ms = Date.parse('2026-04-05T16:00:01Z');
    assert.deepEqual(await figures(), plus({ found: 1, overdue: 1 }), 'overdue after it');
    const photo = await upload(s, official);
    await move({ action: 'report-rectified', note: '已清理', evidence: [photo.id] });
    assert.deepEqual(await figures(), plus({ found: 1, rectified: 1, overdue: 1 }), 'rectified, still open (awaiting review) and past its deadline');
    await move({ action: 'review-pass', note: '复查合格' }, reviewer);
    assert.deepEqual(await figures(), plus({ found: 1, rectified: 1, closed: 1 }), 'closed (销号): no longer overdue');
    assert.deepEqual(await get(period), engine('community', '*', parsePeriod('2026-04')), 'the engine over the records as stored');
    s.clock.ms = Date.parse('2026-04-03T01:00:00Z');
  });

  it('follows a place moved to another grid: hazards without a grid of their own move with it', async () => {
    const moved = data.places.find((p) => data.hazards.some((h) => h.placeId === p.id && h.status === 'closed' && h.createdAt.startsWith('2026-03')));
    assert.ok(moved);
    const target = '330106003004';
    const before = (await get(`period=2026-03&level=community&scope=${target}`)).units.find((u) => u.unit === target);
    const res = await s.put(`/v1/places/${moved.id}`, { id: moved.id, kind: moved.kind, name: moved.name, address: moved.address, gridId: `${target}001` }, admin);
    assert.equal(res.status, 200, res.text);
    const after = await get(`period=2026-03&level=community&scope=${target}`);
    assert.ok((after.units.find((u) => u.unit === target)?.found ?? 0) > (before?.found ?? 0), 'its hazards count in the new community');
    assert.deepEqual(after, engine('community', target));
    assert.deepEqual(await get('period=2026-03&level=community'), engine('community', '*'));
  });

  it('checks role and scope: a community supervisor reads his community by default, not the county; a resident nothing', async () => {
    const sup = await s.token({ user: 'sup-1', roles: ['grid-supervisor'], scope: ['330106002003'] });
    const own = await get('period=2026-03&level=community', sup);
    assert.equal(own.scope, '330106002003');
    assert.deepEqual(own, engine('community', '330106002003'));
    const wide = problemOf(await s.request('GET', '/v1/indicators?period=2026-03&scope=330106', { token: sup, headers: { 'accept-language': 'en' } }), 403);
    assert.match(wide.detail, /The scope 330106 is outside yours/);
    const all = problemOf(await s.request('GET', '/v1/indicators?period=2026-03&scope=*', { token: sup, headers: { 'accept-language': 'en' } }), 403);
    assert.match(all.detail, /The scope \* is outside yours/);
    const resident = await s.token({ user: 'r1', roles: ['resident'], scope: ['330106'] });
    const refused = problemOf(await s.request('GET', '/v1/indicators?period=2026-03', { token: resident, headers: { 'accept-language': 'en' } }), 403);
    assert.match(refused.detail, /may not read indicators/);
    assert.equal((await s.request('GET', '/v1/indicators?period=2026-03', { token: null })).status, 401);
  });

  it('names a bad request: level, period, scope, a period over 366 days', async () => {
    const en = { token: admin, headers: { 'accept-language': 'en' } };
    const level = problemOf(await s.request('GET', '/v1/indicators?period=2026-03&level=grid', en), 400);
    assert.deepEqual(level.errors?.map((e) => e.path), ['level']);
    assert.match(level.detail, /level must be one of county, street, community/);
    const missing = problemOf(await s.request('GET', '/v1/indicators?level=street', en), 400);
    assert.deepEqual(missing.errors?.map((e) => e.path), ['period']);
    const scope = problemOf(await s.request('GET', '/v1/indicators?period=2026-03&scope=33%25', en), 400);
    assert.deepEqual(scope.errors?.map((e) => e.path), ['scope']);
    const long = problemOf(await s.request('GET', '/v1/indicators?period=2025-01-01..2026-03-31', en), 422);
    assert.match(long.type, /period-too-long/);
    assert.deepEqual(long.errors, [{ path: 'period', message: 'at most 366 days' }]);
    assert.equal((await s.request('POST', '/v1/indicators?period=2026-03', { token: admin, body: {} })).status, 405);
  });
});

describe('migration 4', () => {
  it('fills score_hazards from the hazards stored before it', () => {
    const dir = mkdtempSync(join(tmpdir(), 'fg-indicators-'));
    const db = openDatabase(dir);
    try {
      const store = new Store(db);
      store.transaction(() => {
        for (const h of data.hazards.slice(0, 50)) store.write('t1', 'hazards', h as unknown as StoredRecord);
      });
      const rows = (): unknown => db.prepare("SELECT * FROM score_hazards WHERE tenant = 't1' ORDER BY id").all();
      const written = rows();
      assert.equal((written as unknown[]).length, 50);
      // As a database from before migration 4: no table, no log entry.
      db.exec('DROP TABLE score_hazards');
      db.prepare('DELETE FROM migrations WHERE id = 4').run();
      assert.deepEqual(migrate(db, MIGRATIONS), [4]);
      assert.deepEqual(rows(), written, 'the backfill gives the rows Store.write gives');
    } finally {
      db.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
