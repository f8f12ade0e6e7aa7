import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { HAZARD_STATUSES, RECORD_SCHEMAS, RESOURCE_KINDS, isHighRise, isOldResidential } from '@firegrid/core';
import type { Place, ResourceKind } from '@firegrid/core';
import { templates } from '@firegrid/core/templates';
import { ScoreReport, computeScores, exampleScoreConfig } from '@firegrid/core/scoring';
import type { ScoringActivity, ScoringPlace, ScoringWorker } from '@firegrid/core/scoring';
import { DEMO_ORG_UNITS, openDatabase, seedDemo } from '@firegrid/server';
import type { SeedResult } from '@firegrid/server';
import { startTestServer } from './helpers.js';
import type { TestServer } from './helpers.js';

type Rec = Record<string, unknown> & { id: string };

describe('seed: the demo data set', () => {
  const dir = mkdtempSync(join(tmpdir(), 'firegrid-seed-'));
  const now = new Date('2026-03-10T02:00:00.000Z');
  let first: SeedResult;
  let second: SeedResult;
  let s: TestServer;
  let admin: string;
  const records = new Map<ResourceKind, Rec[]>();

  before(async () => {
    first = seedDemo(dir, { now });
    second = seedDemo(dir, { now });
    s = await startTestServer({ dataDir: dir, now: () => now });
    admin = await s.token({ tenant: 'demo' });
    for (const kind of RESOURCE_KINDS) {
      const res = await s.request('GET', `/v1/${kind}?limit=500`, { token: admin });
      assert.equal(res.status, 200, res.text);
      records.set(kind, (res.json as { items: Rec[] }).items);
    }
  });
  after(async () => {
    await s.close();
    rmSync(dir, { recursive: true, force: true });
  });

  const all = (kind: ResourceKind): Rec[] => records.get(kind) ?? [];

  it('loads workers, places, hazards, photos and activities, and a second run adds nothing', () => {
    assert.equal(first.tenant, 'demo');
    assert.equal(first.created.workers, 7);
    assert.equal(first.created.places, 22);
    assert.equal(first.created.hazards, 24);
    assert.equal(first.created.captains, 3, 'floor captains of three of the four high-rise buildings');
    assert.equal(first.created.inspections, 9, 'submitted inspections, some places never inspected');
    assert.ok((first.created.media ?? 0) >= 18, 'a photo per reported hazard');
    assert.ok((first.created.activities ?? 0) >= 30, 'the workflow\'s activities');
    assert.deepEqual(second.created, {});
    assert.ok(second.skipped >= 7 + 22 + 24 + templates.length, 'everything skipped the second time');
    assert.equal(all('hazards').length, 24);
    assert.equal(all('places').length, 22);
  });

  it('serves GET /v1/scores computed in SQL over the stored data, equal to the core engine', async () => {
    const res = await s.request('GET', '/v1/scores?period=2026-03-01..2026-03-10', { token: admin });
    assert.equal(res.status, 200, res.text);
    const report = ScoreReport.parse(res.json);
    const local = computeScores(
      all('activities') as unknown as ScoringActivity[],
      exampleScoreConfig({ period: { from: '2026-03-01', to: '2026-03-10' }, scope: '*' }),
      { workers: all('workers') as unknown as ScoringWorker[], places: all('places') as unknown as ScoringPlace[], now },
    );
    // Computed in SQL over the scoring tables: every figure, point, rank and explanation the
    // engine gives; the evidence lists (activity and place ids) are left to computeScores.
    const withoutEvidence = {
      ...local, workers: local.workers.map((w) => ({ ...w, metrics: w.metrics.map((m) => ({ ...m, activityIds: [], placeIds: [] })) })),
    };
    assert.deepEqual(report, JSON.parse(JSON.stringify(withoutEvidence)), 'the server gives what the client would compute');
    assert.ok(local.workers.some((w) => w.metrics.some((m) => m.activityIds.length > 0)), 'the engine had evidence to leave out');
    assert.equal(report.workers.length, 7, 'six grid workers and the supervisor');
    for (const w of report.workers) {
      assert.ok(w.total >= 0 && w.total <= 100, `${w.workerId} total ${w.total} in 0–100`);
      assert.ok(w.metrics.every((m) => m.explanation['zh-CN'].length > 0), `${w.workerId}: every metric explained`);
    }
    assert.ok(report.workers.some((w) => w.total > 0), 'the seeded work earns points');
  });

  it('includes the checklist template library, once', () => {
    assert.equal(first.created.templates, templates.length);
    assert.deepEqual(all('templates').map((t) => t.id).sort(), templates.map((t) => t.id).sort());
  });

  it('every record passes its read schema', () => {
    for (const kind of RESOURCE_KINDS) {
      for (const r of all(kind)) {
        const result = RECORD_SCHEMAS[kind].safeParse(r);
        assert.ok(result.success, `${kind} ${r.id}: ${result.success ? '' : result.error.message}`);
      }
    }
  });

  it('is one street with three communities of two or three grids, and places in every grid', () => {
    const communities = DEMO_ORG_UNITS.filter((u) => u.level === 'community');
    assert.equal(communities.length, 3);
    for (const c of communities) {
      const grids = DEMO_ORG_UNITS.filter((u) => u.level === 'grid' && u.parentCode === c.code);
      assert.ok(grids.length >= 2 && grids.length <= 3, c.name);
      for (const g of grids) {
        assert.ok(g.code.startsWith(c.code), 'grid codes extend their community\'s');
        assert.ok(all('places').some((p) => p.gridId === g.code), `a place in ${g.name}`);
      }
    }
  });

  it('has high-rise and old residential buildings, small venues, a three-in-one shop and e-bike sheds', () => {
    const places = all('places') as unknown as Place[];
    assert.ok(places.filter((p) => isHighRise(p)).length >= 4, 'high-rise buildings');
    assert.ok(places.filter((p) => isOldResidential(p)).length >= 3, 'old residential buildings');
    const highRise = places.find((p) => isHighRise(p));
    assert.ok(highRise?.building?.households !== undefined && highRise.building.yearBuilt !== undefined, 'a high-rise with households and year built');
    for (const kind of ['small-venue', 'three-in-one', 'ebike-shed'] as const) assert.ok(places.some((p) => p.kind === kind), kind);
    // Buildings point to their compound.
    assert.ok(places.some((p) => p.parentId !== undefined && places.some((c) => c.id === p.parentId)), 'buildings point to their compound');
  });

  it('has six grid workers and a supervisor', () => {
    const workers = all('workers') as (Rec & { userId: string; gridIds: string[] })[];
    assert.equal(workers.length, 7);
    assert.ok(workers.some((w) => w.userId === 'zhaojianguo' && w.gridIds.length === 7), 'the supervisor covers all seven grids');
  });

  it('has hazards in every status, overdue ones and a supervised major one, with real histories', async () => {
    const hazards = all('hazards') as (Rec & { status: string; severity: string; history: unknown[]; title: string })[];
    for (const status of HAZARD_STATUSES) assert.ok(hazards.some((h) => h.status === status), status);
    assert.ok(hazards.some((h) => h.severity === 'major' && h.supervision !== undefined), 'a supervised major hazard');
    assert.ok(hazards.some((h) => h.severity === 'major-candidate'), 'a major candidate');
    assert.ok(hazards.every((h) => /[\u4e00-\u9fff]/.test(h.title)), 'zh-CN titles');
    const closed = hazards.find((h) => h.status === 'closed');
    assert.ok(closed !== undefined && closed.history.length >= 5, 'a closed hazard with its history');
    const overdue = await s.request('GET', '/v1/hazards?overdue=true', { token: admin });
    assert.ok((overdue.json as { items: unknown[] }).items.length >= 2, 'overdue hazards');
  });

  it('derives the activities the workflow makes, plus recorded training and publicity', () => {
    const types = new Set(all('activities').map((a) => a.type));
    for (const t of ['inspection.submitted', 'hazard.reported', 'hazard.verified', 'hazard.rejected', 'hazard.assigned', 'hazard.closed', 'review.done', 'training.held', 'publicity.held']) {
      assert.ok(types.has(t), t);
    }
    const onTime = all('activities').filter((a) => a.type === 'hazard.closed').map((a) => a.onTime);
    assert.deepEqual(onTime.sort(), [false, true], 'one closure on time, one late');
  });

  it('obeys scope and confidentiality like any data: a worker sees his community, the tip-off reporter is hidden from him', async () => {
    const fudong = await s.token({ tenant: 'demo', user: 'wangwei', roles: ['grid-worker'], scope: ['140105004001'] });
    const mine = ((await s.request('GET', '/v1/hazards?limit=500', { token: fudong })).json as { items: Rec[] }).items;
    assert.ok(mine.length > 0 && mine.every((h) => String(h.gridId).startsWith('140105004001')), 'only his community\'s hazards');
    const nanping = await s.token({ tenant: 'demo', user: 'zhangqiang', roles: ['grid-worker'], scope: ['140105004002'] });
    const tip = ((await s.request('GET', '/v1/hazards?category=three-in-one', { token: nanping })).json as { items: { reporter: Record<string, unknown> }[] }).items[0];
    assert.deepEqual(tip?.reporter, { kind: 'resident', confidential: true });
    const sup = await s.token({ tenant: 'demo', user: 'zhaojianguo', roles: ['grid-supervisor'], scope: ['140105004'] });
    const full = ((await s.request('GET', '/v1/hazards?category=three-in-one', { token: sup })).json as { items: { reporter: Record<string, unknown> }[] }).items[0];
    assert.equal(full?.reporter.contact, '13900001234');
  });

  it('has a resident\'s confidential tip-off with a photo in every grid', async () => {
    const grids = DEMO_ORG_UNITS.filter((u) => u.level === 'grid');
    const tips = all('hazards') as (Rec & { source: string; gridId: string; photos: unknown[]; reporter: { kind: string; confidential: boolean; contact?: string } })[];
    for (const g of grids) {
      const tip = tips.find((h) => h.gridId === g.code && h.source === 'public');
      assert.ok(tip !== undefined, `a tip-off in ${g.name}`);
      assert.equal(tip.reporter.kind, 'resident');
      assert.equal(tip.reporter.confidential, true, `${g.name}: the reporter is confidential`);
      assert.ok(tip.reporter.contact !== undefined, `${g.name}: the supervisor sees the contact`);
      assert.ok(tip.photos.length > 0, `${g.name}: the tip-off has a photo`);
    }
    // A grid worker reads the grid's tip-offs without the reporter's contact.
    const wangwei = await s.token({ tenant: 'demo', user: 'wangwei', roles: ['grid-worker'], scope: ['140105004001'] });
    const seen = ((await s.request('GET', '/v1/hazards?limit=500&gridId=140105004001001', { token: wangwei })).json as { items: { source: string; reporter: Record<string, unknown> }[] }).items;
    const hers = seen.filter((h) => h.source === 'public');
    assert.ok(hers.length > 0 && hers.every((h) => h.reporter.contact === undefined), 'the contact is stripped for the worker');
  });

  it('stores photos that are served as PNGs', async () => {
    const withPhoto = all('hazards').find((h) => Array.isArray(h.photos) && h.photos.length > 0) as { photos: { url: string; width: number }[] } | undefined;
    const ref = withPhoto?.photos[0];
    assert.ok(ref !== undefined, 'a hazard with a photo');
    const res = await fetch(`${s.url}${ref.url}`, { headers: { authorization: `Bearer ${admin}` } });
    assert.equal(res.status, 200);
    assert.equal(res.headers.get('content-type'), 'image/png');
    assert.equal(ref.width, 64);
  });

  it('seeds an open database as well as a folder', () => {
    const other = mkdtempSync(join(tmpdir(), 'firegrid-seed-db-'));
    const db = openDatabase(other);
    try {
      assert.equal(seedDemo(db, { now }).created.hazards, 24);
      assert.ok(db.open, 'a database passed in stays open');
    } finally {
      db.close();
      rmSync(other, { recursive: true, force: true });
    }
  });
});
