import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { Activity, RECORD_SCHEMAS, newId } from '@firegrid/core';
import { COMMUNITY_A, GRID_A, hazard, pathsOf, place, problemOf, startTestServer, upload, worker } from './helpers.js';
import type { Response, TestServer } from './helpers.js';

interface Entry { by: string; action: string; from: string; to: string; note?: string; evidence?: string[]; before?: string[] }
type Rec = Record<string, unknown> & { id: string; version: number; status: string; history: Entry[] };
type Act = Activity & Record<string, unknown>;

const DAY = 86_400_000;

// Issue 19, first slice: 当场整改 (fix-on-spot) and 复核不合格 (reopen) on the reference server.
describe('fix-on-spot and reopen on the server', () => {
  let s: TestServer;
  let admin: string;
  let workerToken: string;
  let supervisor: string;
  let officer: string;
  let manager: string;
  const w = worker({ userId: 'worker-1', gridIds: [GRID_A] });
  const p = place({ gridId: GRID_A });
  let beforeId: string;
  let beforeUrl: string;
  let afterId: string;

  const move = (id: string, body: Record<string, unknown>, token: string, headers: Record<string, string> = {}): Promise<Response> =>
    s.request('POST', `/v1/hazards/${id}/transitions`, { token, body, headers: { 'idempotency-key': newId(), ...headers } });
  const ok = async (id: string, body: Record<string, unknown>, token: string): Promise<Rec> => {
    const res = await move(id, body, token);
    assert.equal(res.status, 200, `${String(body.action)}: ${res.text}`);
    return res.json as Rec;
  };
  const activitiesOf = async (hazardId: string): Promise<Act[]> => {
    const res = await s.request('GET', '/v1/activities?limit=500', { token: admin });
    assert.equal(res.status, 200, res.text);
    return (res.json as { items: Act[] }).items.filter((a) => a.hazardId === hazardId);
  };
  const newHazard = async (over: Parameters<typeof hazard>[0] = {}): Promise<Rec> => {
    const h = hazard({ placeId: p.id, reporter: { kind: 'grid-worker', personId: 'worker-1', confidential: false }, ...over });
    const res = await s.put(`/v1/hazards/${h.id}`, h, workerToken);
    assert.equal(res.status, 201, res.text);
    return res.json as Rec;
  };
  const fix = (): Record<string, unknown> => ({ action: 'fix-on-spot', note: '当场清走纸箱', before: [beforeId], evidence: [afterId] });
  const reopen = (): Record<string, unknown> => ({
    action: 'reopen', note: '复核发现纸箱又堆回', responsible: { unit: '翠苑物业', person: '李四' },
    deadline: new Date(s.clock.ms + 3 * DAY).toISOString().slice(0, 10), measures: '清理并每日巡查',
  });

  before(async () => {
    s = await startTestServer();
    admin = await s.token();
    workerToken = await s.token({ user: 'worker-1', roles: ['grid-worker'], scope: [COMMUNITY_A] });
    supervisor = await s.token({ user: 'sup-1', roles: ['grid-supervisor'], scope: [COMMUNITY_A] });
    officer = await s.token({ user: 'fo-1', roles: ['fire-officer'], scope: [COMMUNITY_A] });
    manager = await s.token({ user: 'mgr-1', roles: ['unit-manager'], scope: [COMMUNITY_A] });
    assert.equal((await s.put(`/v1/workers/${w.id}`, w, admin)).status, 201);
    assert.equal((await s.put(`/v1/places/${p.id}`, p, admin)).status, 201);
    ({ id: beforeId, url: beforeUrl } = await upload(s, workerToken));
    afterId = (await upload(s, workerToken)).id;
  });
  after(async () => {
    await s.close();
  });

  it('a grid worker fixes a draft on the spot: closed in one step, both photos on the entry, reported and closed on time credited to him', async () => {
    const h = await newHazard({ status: 'draft' });
    const closed = await ok(h.id, fix(), workerToken);
    assert.equal(closed.status, 'closed');
    assert.deepEqual(closed.history.map((e) => [e.action, e.from, e.to, e.by, e.before, e.evidence]), [
      ['fix-on-spot', 'draft', 'closed', 'worker-1', [beforeId], [afterId]],
    ]);
    assert.ok(RECORD_SCHEMAS.hazards.safeParse(closed).success);
    const acts = await activitiesOf(h.id);
    for (const a of acts) assert.ok(Activity.safeParse(a).success, `${a.type} is a valid activity`);
    assert.deepEqual(acts.map((a) => [a.type, a.workerId, a.onTime]).sort(), [
      ['hazard.closed', w.id, true], ['hazard.reported', w.id, undefined],
    ]);
    // The photos are cited by the hazard, so whoever may read it may read them.
    const photo = await s.request('GET', new URL(beforeUrl, 'http://x').pathname, { token: supervisor });
    assert.equal(photo.status, 200, photo.text);
  });

  it('from reported, only the closure is new; a fire officer may fix it and is credited', async () => {
    const h = await newHazard();
    assert.deepEqual((await activitiesOf(h.id)).map((a) => a.type), ['hazard.reported']);
    await ok(h.id, fix(), officer);
    const acts = await activitiesOf(h.id);
    assert.deepEqual(acts.map((a) => [a.type, a.workerId]).sort(), [['hazard.closed', 'fo-1'], ['hazard.reported', w.id]]);
    assert.equal(acts.find((a) => a.type === 'hazard.closed')?.onTime, true);
  });

  it('refuses a refused role (403), a major or supervised hazard (409) and missing photos or unknown ones (422)', async () => {
    const h = await newHazard();
    const role = problemOf(await move(h.id, fix(), manager), 403);
    assert.equal(role.code, 'role');
    const missing = problemOf(await move(h.id, { action: 'fix-on-spot', note: '已清理' }, workerToken), 422);
    assert.deepEqual(pathsOf(missing).sort(), ['before', 'evidence']);
    assert.match(missing.detail, /整改前照片/);
    assert.deepEqual(pathsOf(problemOf(await move(h.id, { ...fix(), before: ['nope'] }, workerToken), 422)), ['before[0]']);
    await ok(h.id, { action: 'flag-major', note: '疑似重大' }, workerToken);
    const candidate = problemOf(await move(h.id, fix(), workerToken, { 'accept-language': 'en' }), 409);
    assert.equal(candidate.code, 'not-allowed-from-status');
    assert.match(candidate.detail, /only for general hazards/);
    const listed = await newHazard();
    await ok(listed.id, { action: 'supervise', supervision: { level: 'county', deadline: '2030-01-31', authority: '某区政府安委办' } }, officer);
    const asked = problemOf(await move(listed.id, fix(), workerToken), 409);
    assert.match(asked.detail, /挂牌督办/);
    assert.equal(((await s.request('GET', `/v1/hazards/${h.id}`, { token: admin })).json as Rec).status, 'reported', 'refusals change nothing');
  });

  it('reopen within 7 days sends it back to rectifying with responsible, deadline and measures; a grid worker may not', async () => {
    const h = await newHazard();
    await ok(h.id, fix(), workerToken);
    s.clock.advance(6 * DAY);
    const denied = problemOf(await move(h.id, reopen(), workerToken), 403);
    assert.equal(denied.code, 'role');
    assert.deepEqual(pathsOf(problemOf(await move(h.id, { action: 'reopen', note: 'x' }, supervisor), 422)).sort(), [
      'deadline', 'measures', 'responsible.person', 'responsible.unit',
    ]);
    const back = await ok(h.id, reopen(), supervisor);
    assert.equal(back.status, 'rectifying');
    assert.deepEqual(back.responsible, { unit: '翠苑物业', person: '李四' });
    assert.equal(back.measures, '清理并每日巡查');
    assert.deepEqual(back.history.map((e) => [e.action, e.from, e.to, e.by]), [
      ['fix-on-spot', 'reported', 'closed', 'worker-1'], ['reopen', 'closed', 'rectifying', 'sup-1'],
    ]);
    // Back in the loop: the unit reports, someone else reviews.
    await ok(h.id, { action: 'report-rectified', note: '已清理', evidence: [afterId] }, manager);
    assert.equal((await ok(h.id, { action: 'review-pass', note: '复查合格' }, supervisor)).status, 'closed');
    // Closed by a review now, not by an on-the-spot fix: no more reopen.
    assert.match(problemOf(await move(h.id, reopen(), supervisor, { 'accept-language': 'en' }), 409).detail, /only for a hazard closed by "Fix on the spot"/);
  });

  it('reopen after 7 days is refused with 409, naming the window', async () => {
    const h = await newHazard();
    await ok(h.id, fix(), workerToken);
    s.clock.advance(7 * DAY + 1000);
    const late = problemOf(await move(h.id, reopen(), officer, { 'accept-language': 'en' }), 409);
    assert.equal(late.code, 'not-allowed-from-status');
    assert.match(late.detail, /within 7 days/);
    assert.deepEqual(late.allowedActions, []);
  });
});
