// Issue 14: the write rules on the reference server — fields an action owns, a plain create,
// the actor from the token, one worker per user, one captain per building, ids in one case —
// and a confidential reporter hidden from history, conflicts, activities and score explanations.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { newId } from '@firegrid/core';
import {
  COMMUNITY_A, GRID_A, GRID_B, captain, hazard, inspection, pathsOf, place, problemOf, startTestServer, template, worker,
} from './helpers.js';
import type { Response, TestServer } from './helpers.js';

type Rec = Record<string, unknown> & { id: string; version: number };

const bodyOf = (res: Response): Rec => res.json as Rec;
const reporter = (personId: string, confidential = false) => ({ kind: 'grid-worker' as const, personId, confidential });

describe('integrity: fields an action owns', () => {
  let s: TestServer;
  let admin: string;
  let gw: string;
  let um: string;
  let officer: string;
  const move = async (id: string, body: Record<string, unknown>, token: string): Promise<Rec> => {
    const res = await s.request('POST', `/v1/hazards/${id}/transitions`, { token, body, headers: { 'idempotency-key': newId() } });
    assert.equal(res.status, 200, res.text);
    return bodyOf(res);
  };
  before(async () => {
    s = await startTestServer();
    admin = await s.token();
    gw = await s.token({ user: 'worker-1', roles: ['grid-worker'], scope: [COMMUNITY_A] });
    um = await s.token({ user: 'um-1', roles: ['unit-manager'], scope: [COMMUNITY_A] });
    officer = await s.token({ user: 'fo-1', roles: ['grid-supervisor', 'fire-officer'], scope: ['*'] });
  });
  after(async () => {
    await s.close();
  });

  it('refuses a PUT that changes severity, deadline, responsible, measures or supervision, naming the field and the action', async () => {
    const h = hazard({ reporter: reporter('worker-1') });
    assert.equal((await s.put(`/v1/hazards/${h.id}`, h, gw)).status, 201);
    await move(h.id, { action: 'verify' }, officer);
    const assigned = await move(h.id, { action: 'assign', deadline: '2026-03-20', measures: '清理', responsible: { unit: '物业', person: '王五' } }, officer);
    const cases: [string, unknown, string, string][] = [
      ['severity', 'major', 'flag-major', gw],
      ['deadline', '2099-12-31', 'extend-deadline', um],
      ['responsible', { unit: '别家', person: '赵六' }, 'assign', um],
      ['measures', '不用整改', 'assign', um],
      ['supervision', { level: 'province', listedAt: '2026-03-02T02:00:00.000Z' }, 'supervise', gw],
    ];
    for (const [field, value, action, token] of cases) {
      const p = problemOf(await s.put(`/v1/hazards/${h.id}`, { ...assigned, [field]: value }, token), 422);
      assert.deepEqual(pathsOf(p), [field], field);
      assert.match(p.detail, new RegExp(action), `${field}: the detail names ${action}`);
      assert.equal((p as unknown as { field?: string }).field, field);
      assert.ok(((p as unknown as { actions?: string[] }).actions ?? []).includes(action), `${field}: actions lists ${action}`);
    }
    const stored = bodyOf(await s.request('GET', `/v1/hazards/${h.id}`, { token: admin }));
    assert.equal(stored.version, assigned.version, 'nothing was written');
    assert.equal(stored.deadline, '2026-03-20');
    // A content edit is still fine, and keeps what the actions set.
    const edited = await s.put(`/v1/hazards/${h.id}`, { ...assigned, title: '改了标题' }, um);
    assert.equal(edited.status, 200, edited.text);
    assert.equal(bodyOf(edited).deadline, '2026-03-20');
  });

  it('does not let a grid worker take a major-candidate back to general by PUT', async () => {
    const h = hazard({ reporter: reporter('worker-1') });
    await s.put(`/v1/hazards/${h.id}`, h, gw);
    const flagged = await move(h.id, { action: 'flag-major', note: '疑似' }, gw);
    assert.equal(flagged.severity, 'major-candidate');
    const p = problemOf(await s.put(`/v1/hazards/${h.id}`, { ...flagged, severity: 'general' }, gw), 422);
    assert.deepEqual(pathsOf(p), ['severity']);
    assert.match(p.detail, /dismiss-major/);
  });

  it('creates a hazard plain: general, without what assign and supervise set, history empty', async () => {
    const res = await s.token({ user: 'res-1', roles: ['resident'] });
    const tip = hazard({
      source: 'public', reporter: { kind: 'resident', personId: 'res-1', confidential: false }, severity: 'major',
      supervision: { level: 'province', listedAt: '2026-03-01T00:00:00Z' },
    });
    problemOf(await s.put(`/v1/hazards/${tip.id}`, tip, res), 422);
    for (const [field, value] of [['deadline', '2026-04-01'], ['responsible', { unit: 'u', person: 'p' }], ['measures', 'm'],
      ['supervision', { level: 'county', listedAt: '2026-03-01T00:00:00Z' }]] as const) {
      const h = hazard({ reporter: reporter('worker-1'), [field]: value });
      const p = problemOf(await s.put(`/v1/hazards/${h.id}`, h, gw), 422);
      assert.deepEqual(pathsOf(p), [field]);
    }
    const major = hazard({ reporter: reporter('worker-1'), severity: 'major-candidate' });
    assert.deepEqual(pathsOf(problemOf(await s.put(`/v1/hazards/${major.id}`, major, gw), 422)), ['severity']);
    const withHistory = hazard({ reporter: reporter('worker-1'), history: [{ at: '2026-03-01T00:00:00Z', by: 'x', action: 'verify', from: 'reported', to: 'verified' }] });
    const made = await s.put(`/v1/hazards/${withHistory.id}`, withHistory, gw);
    assert.equal(made.status, 201, made.text);
    assert.deepEqual(bodyOf(made).history, []);
  });

  it('creates a major-candidate only from an inspection whose cited item says so', async () => {
    const t = template();
    const section = t.sections[0]!;
    const tt = { ...t, sections: [{ ...section, items: [...section.items, { ...section.items[0]!, id: 'q2', severity: 'major-candidate' as const }] }] };
    assert.equal((await s.put(`/v1/templates/${tt.id}`, tt, admin)).status, 201);
    const p = place({ kind: 'residential' });
    await s.put(`/v1/places/${p.id}`, p, admin);
    const i = inspection(tt.id, p.id, { inspectorId: 'worker-1' });
    assert.equal((await s.put(`/v1/inspections/${i.id}`, i, gw)).status, 201);
    const from = (itemId: string) => hazard({
      reporter: reporter('worker-1'), source: 'inspection', inspectionId: i.id, itemId, severity: 'major-candidate', placeId: p.id, status: 'draft',
    });
    const ok = from('q2');
    assert.equal((await s.put(`/v1/hazards/${ok.id}`, ok, gw)).status, 201);
    const general = from('q1');
    assert.deepEqual(pathsOf(problemOf(await s.put(`/v1/hazards/${general.id}`, general, gw), 422)), ['severity']);
  });
});

describe('integrity: every change is in the history', () => {
  let s: TestServer;
  let gw: string;
  let admin: string;
  before(async () => {
    s = await startTestServer();
    admin = await s.token();
    gw = await s.token({ user: 'worker-1', roles: ['grid-worker'], scope: [COMMUNITY_A], name: '王伟' });
  });
  after(async () => {
    await s.close();
  });

  it('appends one edit entry per content-changing PUT: server clock, token user and name, status, changed fields sorted', async () => {
    const h = hazard({ reporter: reporter('worker-1') });
    const made = await s.put(`/v1/hazards/${h.id}`, h, gw);
    assert.equal(made.status, 201, made.text);
    assert.deepEqual(bodyOf(made).history, [], 'creation adds no entry');
    s.clock.advance(60_000);
    const at = s.clock.now().toISOString();
    const edited = await s.put(`/v1/hazards/${h.id}`, { ...bodyOf(made), title: '改了标题', description: '补充说明', address: '3 幢一楼' }, gw);
    assert.equal(edited.status, 200, edited.text);
    assert.deepEqual(bodyOf(edited).history, [
      { at, by: 'worker-1', byName: '王伟', action: 'edit', from: 'reported', to: 'reported', fields: ['address', 'description', 'title'] },
    ]);
    // Removing a field is a change too; a body's own history and timestamps are ignored.
    const withoutAddress = { ...bodyOf(edited) };
    delete withoutAddress.address;
    const again = await s.put(`/v1/hazards/${h.id}`, { ...withoutAddress, history: [], updatedAt: '2020-01-01T00:00:00Z' }, admin);
    assert.equal(again.status, 200, again.text);
    const history = bodyOf(again).history as { by: string; byName?: string; fields: string[] }[];
    assert.deepEqual(history.map((e) => e.fields), [['address', 'description', 'title'], ['address']]);
    assert.deepEqual(history.map((e) => e.byName), ['王伟', undefined], 'a token without a name claim records no byName');
  });

  it('adds no entry for a PUT that changes nothing', async () => {
    const h = hazard({ reporter: reporter('worker-1'), photos: [] });
    const made = bodyOf(await s.put(`/v1/hazards/${h.id}`, h, gw));
    const same = await s.put(`/v1/hazards/${h.id}`, made, gw);
    assert.equal(same.status, 200, same.text);
    assert.deepEqual(bodyOf(same).history, []);
    const stored = bodyOf(await s.request('GET', `/v1/hazards/${h.id}`, { token: admin }));
    assert.deepEqual(stored.history, []);
  });
});

describe('integrity: the actor and the time come from the token and the clock', () => {
  let s: TestServer;
  let admin: string;
  before(async () => {
    s = await startTestServer();
    admin = await s.token();
    for (const w of [
      worker({ userId: 'worker-1', gridIds: [GRID_A] }), worker({ userId: 'worker-2', gridIds: [GRID_A] }), worker({ userId: 'worker-b', gridIds: [GRID_B] }),
    ]) assert.equal((await s.put(`/v1/workers/${w.id}`, w, admin)).status, 201);
  });
  after(async () => {
    await s.close();
  });

  it('refuses a grid worker filing or re-crediting a hazard under someone else\'s id, and fills his own in', async () => {
    const gw = await s.token({ user: 'worker-1', roles: ['grid-worker'], scope: [COMMUNITY_A] });
    const forged = hazard({ reporter: reporter('worker-2') });
    const p = problemOf(await s.put(`/v1/hazards/${forged.id}`, forged, gw), 403);
    assert.deepEqual(pathsOf(p), ['reporter.personId']);
    const own = hazard({ reporter: { kind: 'grid-worker', confidential: false } });
    const made = await s.put(`/v1/hazards/${own.id}`, own, gw);
    assert.equal(made.status, 201, made.text);
    assert.equal((bodyOf(made).reporter as { personId?: string }).personId, 'worker-1');
    // Someone else's stored hazard: a colleague may edit it, not take its credit.
    const theirs = hazard({ reporter: reporter('worker-2') });
    await s.put(`/v1/hazards/${theirs.id}`, theirs, admin);
    const stored = bodyOf(await s.request('GET', `/v1/hazards/${theirs.id}`, { token: gw }));
    assert.deepEqual(pathsOf(problemOf(await s.put(`/v1/hazards/${theirs.id}`, { ...stored, reporter: reporter('worker-1') }, gw), 403)), ['reporter.personId']);
    assert.equal((await s.put(`/v1/hazards/${theirs.id}`, { ...stored, title: '同事改标题' }, gw)).status, 200);
  });

  it('lets a grid supervisor file on behalf of a worker inside his scope, recording both; not outside it', async () => {
    const sup = await s.token({ user: 'sup-1', roles: ['grid-supervisor'], scope: [COMMUNITY_A] });
    const inScope = hazard({ reporter: reporter('worker-2') });
    assert.equal((await s.put(`/v1/hazards/${inScope.id}`, inScope, sup)).status, 201);
    const acts = (bodyOf(await s.request('GET', '/v1/activities?limit=500', { token: admin })).items as Rec[])
      .filter((a) => a.hazardId === inScope.id && a.type === 'hazard.reported');
    assert.equal(acts.length, 1);
    const workerOf2 = (bodyOf(await s.request('GET', '/v1/workers?limit=500', { token: admin })).items as Rec[]).find((w) => w.userId === 'worker-2');
    assert.equal(acts[0]?.workerId, workerOf2?.id, 'credited to the worker named');
    assert.equal(acts[0]?.by, 'sup-1', 'the supervisor who wrote it is recorded too');
    const outside = hazard({ reporter: reporter('worker-b') });
    assert.deepEqual(pathsOf(problemOf(await s.put(`/v1/hazards/${outside.id}`, outside, sup), 403)), ['reporter.personId']);
    const unknown = hazard({ reporter: reporter('nobody-known') });
    problemOf(await s.put(`/v1/hazards/${unknown.id}`, unknown, sup), 403);
  });

  it('refuses an inspection under another inspector\'s id, and takes submittedAt from the server\'s clock', async () => {
    const gw = await s.token({ user: 'worker-1', roles: ['grid-worker'], scope: [COMMUNITY_A] });
    const t = template();
    await s.put(`/v1/templates/${t.id}`, t, admin);
    const p = place();
    await s.put(`/v1/places/${p.id}`, p, admin);
    const forged = inspection(t.id, p.id, { inspectorId: 'worker-2' });
    assert.deepEqual(pathsOf(problemOf(await s.put(`/v1/inspections/${forged.id}`, forged, gw), 403)), ['inspectorId']);
    const future = inspection(t.id, p.id, { inspectorId: 'worker-1', state: 'submitted', submittedAt: '2030-01-01T00:00:00+08:00' });
    const res = await s.put(`/v1/inspections/${future.id}`, future, gw);
    assert.equal(res.status, 201, res.text);
    assert.equal(bodyOf(res).submittedAt, s.clock.now().toISOString());
  });

  it('keeps userId unique among a tenant\'s workers', async () => {
    const sup = await s.token({ user: 'sup-1', roles: ['grid-supervisor'], scope: [COMMUNITY_A] });
    // A second record for a user (here one working in another grid) would capture his activities.
    const capture = worker({ userId: 'worker-b', gridIds: [GRID_A] });
    const p = problemOf(await s.put(`/v1/workers/${capture.id}`, capture, sup), 409);
    assert.deepEqual(pathsOf(p), ['userId']);
    const fresh = worker({ userId: 'worker-new', gridIds: [GRID_A] });
    assert.equal((await s.put(`/v1/workers/${fresh.id}`, fresh, sup)).status, 201);
    assert.equal((await s.put(`/v1/workers/${fresh.id}`, { ...fresh, name: '改名' }, sup)).status, 200, 'his own record may be edited');
  });
});

describe('integrity: one captain per building, ids in one case', () => {
  let s: TestServer;
  let admin: string;
  before(async () => {
    s = await startTestServer();
    admin = await s.token();
  });
  after(async () => {
    await s.close();
  });

  it('refuses a second captain in office by PUT, as the import does', async () => {
    const b = place();
    await s.put(`/v1/places/${b.id}`, b, admin);
    const first = captain(b.id, { term: { from: '2026-01-01' } });
    assert.equal((await s.put(`/v1/captains/${first.id}`, first, admin)).status, 201);
    const second = captain(b.id, { person: { id: 'p-2', name: '张强', phone: '13812345678' }, term: { from: '2026-02-01' } });
    const p = problemOf(await s.put(`/v1/captains/${second.id}`, second, admin), 422);
    assert.deepEqual(pathsOf(p), ['term']);
    assert.equal((await s.put(`/v1/captains/${first.id}`, { ...first, term: { from: '2026-01-01', to: '2026-02-01' } }, admin)).status, 200);
    assert.equal((await s.put(`/v1/captains/${second.id}`, second, admin)).status, 201);
  });

  it('treats an upper-case copy of a UUID as the same record', async () => {
    const p = place();
    assert.equal((await s.put(`/v1/places/${p.id}`, p, admin)).status, 201);
    const upper = p.id.toUpperCase();
    const again = await s.put(`/v1/places/${upper}`, { ...p, id: upper, name: '改名' }, admin);
    assert.equal(again.status, 200, again.text);
    assert.equal(bodyOf(again).id, p.id);
    assert.equal(bodyOf(again).version, 2);
    const read = await s.request('GET', `/v1/places/${upper}`, { token: admin });
    assert.equal(read.status, 200);
    assert.equal(bodyOf(read).name, '改名');
    const listed = (bodyOf(await s.request('GET', '/v1/places?limit=500', { token: admin })).items as Rec[]).filter((x) => x.id.toLowerCase() === p.id);
    assert.equal(listed.length, 1);
    const h = hazard({ placeId: upper });
    const made = await s.put(`/v1/hazards/${h.id.toUpperCase()}`, { ...h, id: h.id.toUpperCase() }, admin);
    assert.equal(made.status, 201, made.text);
    assert.equal(bodyOf(made).id, h.id);
    assert.equal(bodyOf(made).placeId, p.id, 'references are stored in the same case');
    const byPlace = bodyOf(await s.request('GET', `/v1/hazards?placeId=${upper}`, { token: admin })).items as Rec[];
    assert.deepEqual(byPlace.map((x) => x.id), [h.id], 'a list filter takes the id in either case');
  });
});

describe('integrity: a confidential reporter stays hidden', () => {
  let s: TestServer;
  let admin: string;
  let reporterToken: string;
  let hazardId: string;
  const viewers: Record<string, string> = {};
  before(async () => {
    s = await startTestServer();
    admin = await s.token();
    const w = worker({ userId: 'w-secret', name: '保密员', phone: '13911112222', gridIds: [GRID_A] });
    assert.equal((await s.put(`/v1/workers/${w.id}`, w, admin)).status, 201);
    reporterToken = await s.token({ user: 'w-secret', roles: ['grid-worker'], scope: [COMMUNITY_A] });
    const h = hazard({ status: 'draft', reporter: { kind: 'grid-worker', personId: 'w-secret', contact: '13911112222', confidential: true } });
    hazardId = h.id;
    assert.equal((await s.put(`/v1/hazards/${h.id}`, h, reporterToken)).status, 201);
    for (const body of [{ action: 'submit' }]) {
      const res = await s.request('POST', `/v1/hazards/${h.id}/transitions`, { token: reporterToken, body, headers: { 'idempotency-key': newId() } });
      assert.equal(res.status, 200, res.text);
    }
    const sup = await s.token({ user: 'sup-1', roles: ['grid-supervisor'], scope: [COMMUNITY_A] });
    const verified = await s.request('POST', `/v1/hazards/${h.id}/transitions`, { token: sup, body: { action: 'verify' }, headers: { 'idempotency-key': newId() } });
    assert.equal(verified.status, 200, verified.text);
    viewers.gw = await s.token({ user: 'worker-other', roles: ['grid-worker'], scope: [COMMUNITY_A] });
    viewers.um = await s.token({ user: 'um-1', roles: ['unit-manager'], scope: [COMMUNITY_A] });
    viewers.cap = await s.token({ user: 'cap-1', roles: ['captain'], scope: [COMMUNITY_A] });
    viewers.sup = sup;
  });
  after(async () => {
    await s.close();
  });

  const leaks = (value: unknown): boolean => /w-secret|13911112222|保密员/.test(JSON.stringify(value));

  it('shows his history entries as his role, marked confidential, in GET, lists and the 409 body', async () => {
    for (const who of ['gw', 'um', 'cap'] as const) {
      const got = await s.request('GET', `/v1/hazards/${hazardId}`, { token: viewers[who]! });
      assert.equal(got.status, 200);
      assert.ok(!leaks(got.json), `${who} GET: ${got.text}`);
      const history = bodyOf(got).history as { by: string; action: string }[];
      assert.equal(history.find((e) => e.action === 'submit')?.by, '网格员（保密）');
      assert.equal(history.find((e) => e.action === 'verify')?.by, 'sup-1', 'other actors stay named');
      const listed = await s.request('GET', '/v1/hazards?limit=500', { token: viewers[who]! });
      assert.ok(!leaks(listed.json), `${who} list`);
      const stale = await s.put(`/v1/hazards/${hazardId}`, { ...bodyOf(got), title: '过期' }, viewers[who]!, { 'if-match': '"1"' });
      assert.equal(stale.status, 409);
      assert.ok(!leaks(stale.json), `${who} 409: ${stale.text}`);
    }
    const en = await s.request('GET', `/v1/hazards/${hazardId}`, { token: viewers.gw!, headers: { 'accept-language': 'en' } });
    assert.equal((bodyOf(en).history as { by: string }[])[0]?.by, 'Grid worker (confidential)');
    for (const token of [viewers.sup!, reporterToken]) {
      const got = bodyOf(await s.request('GET', `/v1/hazards/${hazardId}`, { token }));
      assert.equal((got.history as { by: string }[])[0]?.by, 'w-secret', 'readers of confidential reporters and he himself see him');
    }
  });

  it('shows his finds in /v1/activities as confidential, without the hazard, to those who may not see him', async () => {
    const mine = (items: Rec[]) => items.filter((a) => a.confidential === true);
    const gwItems = bodyOf(await s.request('GET', '/v1/activities?limit=500', { token: viewers.gw! })).items as Rec[];
    const hidden = mine(gwItems);
    assert.deepEqual(hidden.map((a) => a.type).sort(), ['hazard.reported', 'hazard.verified']);
    assert.ok(hidden.every((a) => a.hazardId === undefined && a.placeId === undefined));
    assert.ok(!gwItems.some((a) => a.hazardId === hazardId && (a.type === 'hazard.reported' || a.type === 'hazard.verified')));
    const one = await s.request('GET', `/v1/activities/${String(hidden[0]?.id)}`, { token: viewers.gw! });
    assert.equal(bodyOf(one).hazardId, undefined);
    const supItems = mine(bodyOf(await s.request('GET', '/v1/activities?limit=500', { token: viewers.sup! })).items as Rec[]);
    assert.ok(supItems.every((a) => a.hazardId === hazardId), 'a supervisor sees the hazard');
    const ownItems = mine(bodyOf(await s.request('GET', '/v1/activities?limit=500', { token: reporterToken })).items as Rec[]);
    assert.ok(ownItems.every((a) => a.hazardId === hazardId), 'the finder sees his own');
  });

  it('still counts the find in his own score, and no score explanation names the hazard', async () => {
    const report = await s.request('GET', `/v1/scores?period=2026-03&scope=${COMMUNITY_A}`, { token: viewers.gw! });
    assert.equal(report.status, 200, report.text);
    assert.ok(!report.text.includes(hazardId), 'the hazard id is nowhere in the report');
    const workers = (report.json as { workers: { name: string; metrics: { key: string; value: number; activityIds: string[] }[] }[] }).workers;
    const his = workers.find((w) => w.name === '保密员');
    assert.equal(his?.metrics.find((m) => m.key === 'discovery')?.value, 1, 'his verified find counts');
  });
});
