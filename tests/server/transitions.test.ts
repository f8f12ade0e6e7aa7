import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { Activity, RECORD_SCHEMAS, newId } from '@firegrid/core';
import {
  COMMUNITY_A, GRID_A, GRID_B, captain, hazard, inspection, pathsOf, place, problemOf, startTestServer, template, upload, worker,
} from './helpers.js';
import type { Response, TestServer } from './helpers.js';

type Rec = Record<string, unknown> & { id: string; version: number; status: string; history: { by: string; action: string; from: string; to: string; note?: string; evidence?: string[] }[] };
type Act = Activity & Record<string, unknown>;

const DAY = 86_400_000;
const day = (ms: number, days: number): string => new Date(ms + days * DAY + 8 * 3_600_000).toISOString().slice(0, 10);

describe('hazard transitions through the core lifecycle, and the activities they make', () => {
  let s: TestServer;
  let admin: string;
  let workerToken: string;
  let supervisor: string;
  let manager: string;
  let reviewer: string;
  const w = worker({ userId: 'worker-1', gridIds: [GRID_A] });
  const p = place({ gridId: GRID_A });
  let photoId: string;

  const move = (id: string, body: Record<string, unknown>, token: string, headers: Record<string, string> = {}): Promise<Response> =>
    s.request('POST', `/v1/hazards/${id}/transitions`, { token, body, headers: { 'idempotency-key': newId(), ...headers } });
  const ok = async (id: string, body: Record<string, unknown>, token: string): Promise<Rec> => {
    const res = await move(id, body, token);
    assert.equal(res.status, 200, `${String(body.action)}: ${res.text}`);
    return res.json as Rec;
  };
  const activities = async (query = ''): Promise<Act[]> => {
    const res = await s.request('GET', `/v1/activities?limit=500${query}`, { token: admin });
    assert.equal(res.status, 200, res.text);
    return (res.json as { items: Act[] }).items;
  };
  const newHazard = async (over: Parameters<typeof hazard>[0] = {}): Promise<Rec> => {
    const h = hazard({ placeId: p.id, reporter: { kind: 'grid-worker', personId: 'worker-1', confidential: false }, ...over });
    const res = await s.put(`/v1/hazards/${h.id}`, h, workerToken);
    assert.equal(res.status, 201, res.text);
    return res.json as Rec;
  };

  before(async () => {
    s = await startTestServer();
    admin = await s.token();
    workerToken = await s.token({ user: 'worker-1', roles: ['grid-worker'], scope: [COMMUNITY_A] });
    supervisor = await s.token({ user: 'sup-1', roles: ['grid-supervisor'], scope: [COMMUNITY_A] });
    manager = await s.token({ user: 'mgr-1', roles: ['unit-manager'], scope: [COMMUNITY_A] });
    reviewer = await s.token({ user: 'worker-2', roles: ['grid-worker'], scope: [COMMUNITY_A] });
    assert.equal((await s.put(`/v1/workers/${w.id}`, w, admin)).status, 201);
    assert.equal((await s.put(`/v1/places/${p.id}`, p, admin)).status, 201);
    photoId = (await upload(s, manager)).id;
  });
  after(async () => {
    await s.close();
  });

  it("stores the token's name claim as byName on the history entry it writes, and none without one", async () => {
    const named = await s.token({ user: 'sup-9', name: '赵网格长', roles: ['grid-supervisor'], scope: [COMMUNITY_A] });
    const h = await newHazard();
    const verified = await ok(h.id, { action: 'verify' }, named);
    const entry = verified.history.at(-1) as Rec['history'][number] & { byName?: string };
    assert.equal(entry.by, 'sup-9');
    assert.equal(entry.byName, '赵网格长');
    const read = (await s.request('GET', `/v1/hazards/${h.id}`, { token: admin })).json as Rec;
    assert.equal((read.history.at(-1) as { byName?: string }).byName, '赵网格长');
    const other = await newHazard();
    const anonymous = await ok(other.id, { action: 'verify' }, supervisor);
    assert.equal('byName' in (anonymous.history.at(-1) ?? {}), false);
  });

  it('runs the closed loop 上报→核实→交办→整改→复查→销号 with each role, with history and ETag', async () => {
    const h = await newHazard();
    s.clock.advance(3_600_000);
    const verified = await move(h.id, { action: 'verify', note: '属实' }, supervisor);
    assert.equal(verified.status, 200);
    assert.equal(verified.headers.get('etag'), '"2"');
    const deadline = day(s.clock.ms, 7);
    let cur = await ok(h.id, { action: 'assign', responsible: { unit: '幸福里物业', person: '王五', phone: '13800001111' }, deadline, measures: '清理楼道杂物' }, supervisor);
    assert.equal(cur.status, 'assigned');
    assert.equal(cur.deadline, deadline);
    assert.deepEqual(cur.responsible, { unit: '幸福里物业', person: '王五', phone: '13800001111' });
    await ok(h.id, { action: 'start' }, manager);
    cur = await ok(h.id, { action: 'report-rectified', note: '已清理', evidence: [photoId] }, manager);
    assert.equal(cur.status, 'awaiting-review');
    s.clock.advance(DAY);
    cur = await ok(h.id, { action: 'review-pass', note: '复查通过' }, reviewer);
    assert.equal(cur.status, 'closed');
    assert.equal(cur.version, 6);
    assert.deepEqual(cur.history.map((e) => [e.action, e.from, e.to, e.by]), [
      ['verify', 'reported', 'verified', 'sup-1'],
      ['assign', 'verified', 'assigned', 'sup-1'],
      ['start', 'assigned', 'rectifying', 'mgr-1'],
      ['report-rectified', 'rectifying', 'awaiting-review', 'mgr-1'],
      ['review-pass', 'awaiting-review', 'closed', 'worker-2'],
    ]);
    assert.deepEqual(cur.history[3]?.evidence, [photoId]);
    assert.ok(RECORD_SCHEMAS.hazards.safeParse(cur).success, 'the closed hazard passes its read schema');
    const got = await s.request('GET', `/v1/hazards/${h.id}`, { token: admin });
    assert.deepEqual(got.json, cur);

    const acts = (await activities()).filter((a) => 'hazardId' in a && a.hazardId === h.id);
    for (const a of acts) assert.ok(Activity.safeParse(a).success, `${a.type} is a valid activity`);
    const byType = new Map(acts.map((a) => [a.type, a]));
    assert.deepEqual([...byType.keys()].sort(), ['hazard.assigned', 'hazard.closed', 'hazard.reported', 'hazard.verified', 'review.done']);
    for (const t of ['hazard.reported', 'hazard.verified', 'hazard.assigned', 'hazard.closed'] as const) {
      assert.equal(byType.get(t)?.workerId, w.id, `${t} is credited to the finder's worker record`);
      assert.equal(byType.get(t)?.gridId, GRID_A);
    }
    assert.equal(byType.get('hazard.verified')?.by, 'sup-1');
    assert.equal(byType.get('hazard.assigned')?.dueAt, deadline);
    assert.equal(byType.get('hazard.closed')?.onTime, true);
    assert.equal(byType.get('review.done')?.workerId, 'worker-2', 'a reviewer without a worker record is credited by user id');
    assert.equal(byType.get('review.done')?.onTime, true);
  });

  it('refuses an action the role may not run: 403 with the lifecycle\'s code and the allowed actions', async () => {
    const h = await newHazard();
    const p403 = problemOf(await move(h.id, { action: 'verify' }, workerToken), 403);
    assert.equal(p403.code, 'role');
    assert.deepEqual(p403.allowedActions, ['fix-on-spot', 'flag-major', 'escalate']);
    assert.equal(p403.hazardStatus, 'reported');
  });

  it('refuses an action from the wrong status with 409', async () => {
    const h = await newHazard({ status: 'draft' });
    const p = problemOf(await move(h.id, { action: 'verify' }, supervisor), 409);
    assert.equal(p.code, 'not-allowed-from-status');
    assert.match(p.detail, /草稿/);
    const en = problemOf(await move(h.id, { action: 'verify' }, supervisor, { 'accept-language': 'en' }), 409);
    assert.match(en.detail, /not allowed on a hazard in status "Draft"/);
  });

  it('refuses missing required fields with 422 naming each path', async () => {
    const h = await newHazard();
    assert.deepEqual(pathsOf(problemOf(await move(h.id, { action: 'reject' }, supervisor), 422)), ['reason']);
    await ok(h.id, { action: 'verify' }, supervisor);
    const p = problemOf(await move(h.id, { action: 'assign', responsible: { unit: '物业' } }, supervisor), 400);
    assert.deepEqual(pathsOf(p), ['responsible.person'], 'a responsible without person fails the body schema first');
    const missing = problemOf(await move(h.id, { action: 'assign' }, supervisor), 422);
    assert.deepEqual(pathsOf(missing).sort(), ['deadline', 'measures', 'responsible.person', 'responsible.unit']);
    assert.equal(missing.code, 'missing-fields');
  });

  it('refuses a bad body with 400: unknown fields, unknown actions, wrong types', async () => {
    const h = await newHazard();
    assert.deepEqual(pathsOf(problemOf(await move(h.id, { action: 'verify', urgent: true }, supervisor), 400)), ['urgent']);
    assert.deepEqual(pathsOf(problemOf(await move(h.id, { action: 'teleport' }, supervisor), 400)), ['action']);
    assert.deepEqual(pathsOf(problemOf(await move(h.id, { action: 'reject', reason: 5 }, supervisor), 400)), ['reason']);
  });

  it('refuses evidence that was not uploaded (422), an unknown hazard (404), a stale If-Match (409), a missing key (400)', async () => {
    const h = await newHazard();
    await ok(h.id, { action: 'verify' }, supervisor);
    await ok(h.id, { action: 'assign', responsible: { unit: 'u', person: 'p' }, deadline: day(s.clock.ms, 3), measures: 'm' }, supervisor);
    await ok(h.id, { action: 'start' }, manager);
    assert.deepEqual(pathsOf(problemOf(await move(h.id, { action: 'report-rectified', note: 'n', evidence: ['nope'] }, manager), 422)), ['evidence[0]']);
    problemOf(await move(newId(), { action: 'verify' }, supervisor), 404);
    const stale = problemOf(await move(h.id, { action: 'report-rectified', note: 'n', evidence: [photoId] }, manager, { 'if-match': '"2"' }), 409);
    assert.equal(stale.currentVersion, 4);
    assert.equal((await move(h.id, { action: 'report-rectified', note: 'n', evidence: [photoId] }, manager, { 'if-match': '"4"' })).status, 200);
    const noKey = await s.request('POST', `/v1/hazards/${h.id}/transitions`, { token: supervisor, body: { action: 'review-pass', note: 'x' } });
    assert.deepEqual(pathsOf(problemOf(noKey, 400)), ['Idempotency-Key']);
  });

  it('refuses a hazard outside the caller\'s scope with 403', async () => {
    const far = hazard({ gridId: GRID_B });
    await s.put(`/v1/hazards/${far.id}`, far, admin);
    problemOf(await move(far.id, { action: 'verify' }, supervisor), 403);
  });

  it('replays a transition under the same key without running it twice; another body under it is 422', async () => {
    const h = await newHazard();
    const key = newId();
    const first = await move(h.id, { action: 'verify' }, supervisor, { 'idempotency-key': key });
    const again = await move(h.id, { action: 'verify' }, supervisor, { 'idempotency-key': key });
    assert.equal(again.status, 200);
    assert.equal(again.text, first.text);
    assert.equal((again.json as Rec).history.length, 1);
    assert.equal((await activities()).filter((a) => a.type === 'hazard.verified' && a.hazardId === h.id).length, 1);
    problemOf(await move(h.id, { action: 'reject', reason: 'x' }, supervisor, { 'idempotency-key': key }), 422);
  });

  it('credits rejection to the finder, and makes nothing for a resident\'s tip-off', async () => {
    const h = await newHazard();
    await ok(h.id, { action: 'reject', reason: '不属实' }, supervisor);
    const rejected = (await activities()).filter((a) => a.hazardId === h.id);
    assert.deepEqual(rejected.map((a) => [a.type, a.workerId, a.by]), [['hazard.reported', w.id, undefined], ['hazard.rejected', w.id, 'sup-1']]);

    const resident = await s.token({ user: 'res-1', roles: ['resident'] });
    const tip = hazard({ source: 'public', status: 'draft', gridId: GRID_A, reporter: { kind: 'resident', personId: 'res-1', confidential: false } });
    assert.equal((await s.put(`/v1/hazards/${tip.id}`, tip, resident)).status, 201);
    await ok(tip.id, { action: 'submit' }, resident);
    await ok(tip.id, { action: 'verify' }, supervisor);
    assert.deepEqual((await activities()).filter((a) => a.hazardId === tip.id), [], 'a tip-off is nobody\'s discovery');
  });

  it('refuses self-review (403 separation-of-duties) and a grid worker reviewing a major hazard (403 role-for-severity)', async () => {
    const officer = await s.token({ user: 'fo-1', roles: ['fire-officer'], scope: [COMMUNITY_A] });
    const both = await s.token({ user: 'worker-3', roles: ['grid-worker', 'grid-supervisor'], scope: [COMMUNITY_A] });
    const h = await newHazard();
    await ok(h.id, { action: 'verify' }, supervisor);
    await ok(h.id, { action: 'assign', responsible: { unit: 'u', person: 'p' }, deadline: day(s.clock.ms, 3), measures: 'm' }, supervisor);
    await ok(h.id, { action: 'start' }, both);
    const before = await ok(h.id, { action: 'report-rectified', note: '已整改', evidence: [photoId] }, both);
    const self = problemOf(await move(h.id, { action: 'review-pass', note: '自己复查' }, both), 403);
    assert.equal(self.code, 'separation-of-duties');
    assert.match(self.detail, /职责分离/);
    assert.deepEqual(self.allowedActions, ['flag-major', 'escalate'], 'the refusal offers what the actor may still do');
    const en = problemOf(await move(h.id, { action: 'review-fail', note: 'x' }, both, { 'accept-language': 'en' }), 403);
    assert.match(en.detail, /separation of duties/);
    const stored = (await s.request('GET', `/v1/hazards/${h.id}`, { token: admin })).json as Rec;
    assert.equal(stored.version, before.version, 'a refused review changes nothing');
    await ok(h.id, { action: 'review-pass', note: '复查通过' }, reviewer);

    const m = await newHazard();
    await ok(m.id, { action: 'verify' }, supervisor);
    await ok(m.id, { action: 'flag-major', note: '疏散通道堵塞' }, workerToken);
    await ok(m.id, { action: 'confirm-major', note: '经三人集体讨论判定' }, officer);
    await ok(m.id, { action: 'assign', responsible: { unit: 'u', person: 'p' }, deadline: day(s.clock.ms, 3), measures: 'm' }, supervisor);
    await ok(m.id, { action: 'start' }, manager);
    await ok(m.id, { action: 'report-rectified', note: '已整改', evidence: [photoId] }, manager);
    const worker = problemOf(await move(m.id, { action: 'review-pass', note: '通过' }, reviewer), 403);
    assert.equal(worker.code, 'role-for-severity');
    assert.match(worker.detail, /重大火灾隐患/);
    const sup = problemOf(await move(m.id, { action: 'review-fail', note: '不通过' }, supervisor, { 'accept-language': 'en' }), 403);
    assert.equal(sup.code, 'role-for-severity');
    await ok(m.id, { action: 'review-fail', note: '仍未到位' }, officer);
  });

  it('挂牌督办 of a major hazard from the request to the lift: only the lift closes it, and hazard.closed comes with it', async () => {
    const officer = await s.token({ user: 'fo-2', roles: ['fire-officer'], scope: [COMMUNITY_A] });
    const government = await s.token({ user: 'gov-1', roles: ['government'], scope: [COMMUNITY_A] });
    const h = await newHazard();
    await ok(h.id, { action: 'verify' }, supervisor);
    await ok(h.id, { action: 'flag-major', note: '疏散通道堵塞' }, workerToken);
    await ok(h.id, { action: 'confirm-major', note: '经三人集体讨论判定' }, officer);
    await ok(h.id, { action: 'assign', responsible: { unit: 'u', person: 'p' }, deadline: day(s.clock.ms, 10), measures: 'm' }, supervisor);
    const authority = '某区人民政府安委办';
    let cur = await ok(h.id, { action: 'supervise', supervision: { level: 'county', deadline: day(s.clock.ms, 20), authority } }, officer);
    assert.deepEqual(cur.supervision, { level: 'county', authority, deadline: day(s.clock.ms, 20), requestedBy: 'fo-2', requestedAt: new Date(s.clock.ms).toISOString() });
    const requested = await s.request('GET', '/v1/hazards?supervision=requested&limit=50', { token: admin });
    assert.ok((requested.json as { items: Rec[] }).items.some((x) => x.id === h.id), 'the supervision filter finds the request');
    problemOf(await move(h.id, { action: 'supervise', supervision: { level: 'city', deadline: day(s.clock.ms, 20), authority } }, officer), 409);
    cur = await ok(h.id, { action: 'supervise' }, government);
    assert.equal((cur.supervision as { listedBy?: string }).listedBy, 'gov-1');
    await ok(h.id, { action: 'start' }, manager);
    await ok(h.id, { action: 'report-rectified', note: '已整改', evidence: [photoId] }, manager);
    const early = problemOf(await move(h.id, { action: 'lift', note: '摘牌' }, government), 409);
    assert.equal(early.code, 'not-allowed-from-status');
    cur = await ok(h.id, { action: 'review-pass', note: '复查合格' }, officer);
    assert.equal(cur.status, 'awaiting-review', 'a passed review of a supervised hazard waits for the lift');
    assert.equal((await activities()).filter((a) => a.hazardId === h.id && a.type === 'hazard.closed').length, 0);
    problemOf(await move(h.id, { action: 'lift', note: '摘牌' }, officer), 403);
    cur = await ok(h.id, { action: 'lift', note: '复查合格，摘牌销案' }, government);
    assert.equal(cur.status, 'closed');
    assert.deepEqual([cur.history.at(-1)?.action, cur.history.at(-1)?.by], ['lift', 'gov-1']);
    assert.equal((cur.supervision as { liftedBy?: string }).liftedBy, 'gov-1');
    const acts = (await activities()).filter((a) => a.hazardId === h.id);
    assert.deepEqual(acts.filter((a) => a.type === 'hazard.closed').map((a) => a.onTime), [true]);
    assert.deepEqual(acts.filter((a) => a.type === 'review.done').map((a) => a.by ?? a.workerId), ['fo-2']);
    const lifted = await s.request('GET', '/v1/hazards?supervision=lifted&limit=50', { token: admin });
    assert.deepEqual((lifted.json as { items: Rec[] }).items.map((x) => x.id), [h.id]);
  });

  it('marks a late closure and a late review as not on time', async () => {
    const h = await newHazard();
    await ok(h.id, { action: 'verify' }, supervisor);
    const deadline = day(s.clock.ms, 2);
    await ok(h.id, { action: 'assign', responsible: { unit: 'u', person: 'p' }, deadline, measures: 'm' }, supervisor);
    await ok(h.id, { action: 'start' }, manager);
    s.clock.advance(5 * DAY);
    await ok(h.id, { action: 'report-rectified', note: 'n', evidence: [photoId] }, manager);
    s.clock.advance(4 * DAY);
    await ok(h.id, { action: 'review-fail', note: '未整改到位' }, reviewer);
    await ok(h.id, { action: 'report-rectified', note: '再次整改', evidence: [photoId] }, manager);
    s.clock.advance(DAY);
    await ok(h.id, { action: 'review-pass', note: '通过' }, workerToken);
    const acts = (await activities()).filter((a) => a.hazardId === h.id);
    const reviews = acts.filter((a) => a.type === 'review.done');
    assert.deepEqual(reviews.map((a) => [a.workerId, a.onTime]), [['worker-2', false], [w.id, true]]);
    const closed = acts.find((a) => a.type === 'hazard.closed');
    assert.equal(closed?.onTime, false);
    assert.equal(closed.dueAt, deadline);
  });

  it('derives inspection.submitted once, when an inspection is submitted', async () => {
    const t = template();
    assert.equal((await s.put(`/v1/templates/${t.id}`, t, admin)).status, 201);
    const draft = inspection(t.id, p.id, { inspectorId: 'worker-1' });
    assert.equal((await s.put(`/v1/inspections/${draft.id}`, draft, workerToken)).status, 201);
    const count = async (): Promise<Act[]> => (await activities()).filter((a) => a.type === 'inspection.submitted' && a.inspectionId === draft.id);
    assert.equal((await count()).length, 0);
    // The body's submittedAt is back-dated: the server's clock decides when it was submitted.
    const res = await s.put(`/v1/inspections/${draft.id}`, { ...draft, state: 'submitted', submittedAt: '2026-03-05T10:30:00+08:00' }, workerToken);
    assert.equal(res.status, 200);
    const submittedAt = (res.json as { submittedAt?: string }).submittedAt;
    assert.equal(submittedAt, s.clock.now().toISOString());
    const acts = await count();
    assert.equal(acts.length, 1);
    const [act] = acts;
    assert.ok(act !== undefined, 'one activity');
    assert.equal(act.workerId, w.id);
    assert.equal(act.placeId, p.id);
    assert.equal(act.at, submittedAt);
    assert.equal(act.gridId, GRID_A);
  });

  it('derives captain.registered for the one who registered him; filters activities by gridId and updatedSince', async () => {
    const since = new Date(s.clock.ms + 1).toISOString();
    s.clock.advance(60_000);
    const c = captain(p.id);
    assert.equal((await s.put(`/v1/captains/${c.id}`, c, supervisor)).status, 201);
    assert.equal((await s.put(`/v1/captains/${c.id}`, { ...c, duties: ['每月巡查'] }, supervisor)).status, 200);
    const recent = await activities(`&updatedSince=${encodeURIComponent(since)}&gridId=${GRID_A}`);
    assert.deepEqual(recent.map((a) => [a.type, a.workerId, a.placeId, a.captainId]), [['captain.registered', 'sup-1', p.id, c.id]]);
    assert.deepEqual(await activities(`&updatedSince=${encodeURIComponent(since)}&gridId=${GRID_B}`), []);
  });
});

describe('captains import: all rows or none', () => {
  let s: TestServer;
  let admin: string;
  let supervisor: string;
  const inA = place({ gridId: GRID_A, building: { floors: 18, heightM: 54 } });
  const inB = place({ gridId: GRID_B, building: { floors: 20 } });
  const importRows = (rows: unknown, token = supervisor, key = newId()): Promise<Response> =>
    s.request('POST', '/v1/captains:import', { token, body: { rows }, headers: { 'idempotency-key': key } });
  const stored = async (id: string): Promise<number> => (await s.request('GET', `/v1/captains/${id}`, { token: admin })).status;
  /** A high-rise building in grid A with no captain yet: terms of one building must not overlap. */
  const freshBuilding = async (): Promise<string> => {
    const b = place({ gridId: GRID_A, building: { floors: 24, heightM: 72 } });
    await s.put(`/v1/places/${b.id}`, b, admin);
    return b.id;
  };

  before(async () => {
    s = await startTestServer();
    admin = await s.token();
    supervisor = await s.token({ user: 'sup-1', roles: ['grid-supervisor'], scope: [COMMUNITY_A] });
    await s.put(`/v1/places/${inA.id}`, inA, admin);
    await s.put(`/v1/places/${inB.id}`, inB, admin);
  });
  after(async () => {
    await s.close();
  });

  it('imports every row in one go and credits each registration', async () => {
    // One building's file: two past terms and the one in office, back to back (half-open terms).
    const rows = [
      captain(inA.id, { term: { from: '2024-01-01', to: '2025-01-01' } }),
      captain(inA.id, { person: { id: 'p-2', name: '张伟', phone: '13912345678' }, term: { from: '2025-01-01', to: '2026-01-01' } }),
      captain(inA.id),
    ];
    const res = await importRows(rows);
    assert.equal(res.status, 200, res.text);
    const body = res.json as { count: number; created: number; updated: number; items: Rec[] };
    assert.deepEqual([body.count, body.created, body.updated], [3, 3, 0]);
    for (const r of rows) assert.equal(await stored(r.id), 200);
    const acts = ((await s.request('GET', '/v1/activities?limit=500', { token: admin })).json as { items: Act[] }).items;
    assert.equal(acts.filter((a) => a.type === 'captain.registered').length, 3);
    const again = await importRows(rows.map((r) => ({ ...r, duties: ['每周巡查'] })));
    const b2 = again.json as { count: number; created: number; updated: number; items: Rec[] };
    assert.deepEqual([b2.count, b2.created, b2.updated], [3, 0, 3]);
    assert.ok(b2.items.every((r) => r.version === 2), 'every row at version 2');
  });

  it('refuses terms that would overlap at one building, in the import or with a stored captain (422, nothing stored)', async () => {
    const building = { id: await freshBuilding() };
    const inOffice = captain(building.id, { term: { from: '2026-01-01' } });
    assert.equal((await importRows([inOffice])).status, 200);
    // A second captain from a later day while the first is still in office.
    const rival = captain(building.id, { person: { id: 'p-9', name: '赵强', phone: '13700001111' }, term: { from: '2026-03-01' } });
    const other = captain(await freshBuilding());
    const clash = problemOf(await importRows([other, rival]), 422);
    assert.deepEqual(pathsOf(clash), ['rows[1].term']);
    assert.match(JSON.stringify(clash), /李芳/);
    assert.equal(await stored(rival.id), 404);
    assert.equal(await stored(other.id), 404, 'the good row was not stored either');
    // Two rows of the import that overlap each other.
    const a = captain(building.id, { term: { from: '2020-01-01', to: '2021-06-01' } });
    const b = captain(building.id, { term: { from: '2021-01-01', to: '2022-01-01' } });
    assert.deepEqual(pathsOf(problemOf(await importRows([a, b]), 422)), ['rows[0].term', 'rows[1].term']);
    // A replacement — the old term ends the day the new one begins — is what the rule allows.
    const ended = { ...inOffice, term: { from: '2026-01-01', to: '2026-03-01' } };
    assert.equal((await importRows([ended, rival])).status, 200);
  });

  it('refuses the whole import when one row is invalid, naming rows[i] paths', async () => {
    const rows: unknown[] = [
      captain(inA.id),
      captain(inA.id, { person: { id: 'p-3', name: '王芳', phone: 'call me' } }),
      { ...captain(inA.id), floor: 3 },
    ];
    const p = problemOf(await importRows(rows), 400);
    assert.deepEqual(pathsOf(p), ['rows[1].person.phone', 'rows[2].floor']);
    assert.equal(await stored((rows[0] as { id: string }).id), 404, 'the valid row was not stored either');
  });

  it('refuses the whole import when a building is unknown (422) or out of scope (403)', async () => {
    const good = captain(await freshBuilding());
    const unknown = problemOf(await importRows([good, captain(newId())]), 422);
    assert.deepEqual(pathsOf(unknown), ['rows[1].buildingId']);
    const outside = problemOf(await importRows([good, captain(inB.id)]), 403);
    assert.deepEqual(pathsOf(outside), ['rows[1].gridId']);
    assert.equal(await stored(good.id), 404);
  });

  it('refuses duplicate ids, a body that is not { rows }, and roles that may not register captains', async () => {
    const c = captain(inA.id);
    assert.deepEqual(pathsOf(problemOf(await importRows([c, c]), 400)), ['rows[1].id']);
    const res = await s.request('POST', '/v1/captains:import', { token: supervisor, body: [c], headers: { 'idempotency-key': newId() } });
    assert.deepEqual(pathsOf(problemOf(res, 400)), ['rows']);
    const extra = await s.request('POST', '/v1/captains:import', { token: supervisor, body: { rows: [c], dryRun: true }, headers: { 'idempotency-key': newId() } });
    assert.deepEqual(pathsOf(problemOf(extra, 400)), ['dryRun']);
    problemOf(await importRows([c], await s.token({ user: 'c', roles: ['captain'] })), 403);
    assert.equal(await stored(c.id), 404);
  });

  it('replays an import under the same key without importing twice', async () => {
    const rows = [captain(await freshBuilding())];
    const key = newId();
    const first = await importRows(rows, supervisor, key);
    const again = await importRows(rows, supervisor, key);
    assert.equal(again.text, first.text);
    const got = await s.request('GET', `/v1/captains/${rows[0]?.id ?? ''}`, { token: admin });
    assert.equal((got.json as Rec).version, 1);
  });
});
