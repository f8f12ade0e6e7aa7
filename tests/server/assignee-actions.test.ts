import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { RECORD_SCHEMAS, newId } from '@firegrid/core';
import { MIGRATIONS, Store, migrate, openDatabase } from '@firegrid/server';
import type { StoredRecord } from '@firegrid/server';
import { COMMUNITY_A, GRID_A, hazard, place, problemOf, startTestServer } from './helpers.js';
import type { Response, TestServer } from './helpers.js';

type Rec = Record<string, unknown> & {
  id: string; version: number; status: string; deadline?: string; tier?: string; acceptedAt?: string;
  responsible?: { unit: string; person: string; personId?: string };
  extensionRequest?: Record<string, unknown>; transfer?: Record<string, unknown> & { answer?: Record<string, unknown> };
  history: { action: string; from: string; to: string; by: string; note?: string }[];
};

const DAY = 86_400_000;

// Issue 19 item 1: the assignee's and the dispatcher's actions on the reference server, each by
// an allowed and a refused role, and GET /v1/hazards?assignee=me|<userId>.
describe('the assignee\'s and the dispatcher\'s actions on the server', () => {
  let s: TestServer;
  let admin: string;
  let reporter: string;
  let assignee: string;
  let otherWorker: string;
  let supervisor: string;
  let manager: string;
  let officer: string;
  const p = place({ gridId: GRID_A });

  const day = (n: number): string => new Date(s.clock.ms + n * DAY).toISOString().slice(0, 10);
  const move = (id: string, body: Record<string, unknown>, token: string): Promise<Response> =>
    s.request('POST', `/v1/hazards/${id}/transitions`, { token, body, headers: { 'idempotency-key': newId() } });
  const ok = async (id: string, body: Record<string, unknown>, token: string): Promise<Rec> => {
    const res = await move(id, body, token);
    assert.equal(res.status, 200, `${String(body.action)}: ${res.text}`);
    return res.json as Rec;
  };
  const refused = async (id: string, body: Record<string, unknown>, token: string, status: number, slug: string): Promise<void> => {
    const res = await move(id, body, token);
    assert.equal(res.status, status, `${String(body.action)} should be ${String(status)}: ${res.text}`);
    assert.equal(problemOf(res, status).type.split(':').pop(), slug, res.text);
  };
  /** A hazard verified by the supervisor; with `assign`, assigned to user worker-2 (a grid worker, not a unit manager). */
  const task = async (assign = true): Promise<Rec> => {
    const h = hazard({ placeId: p.id, status: 'reported', reporter: { kind: 'grid-worker', personId: 'worker-1', confidential: false } });
    assert.equal((await s.put(`/v1/hazards/${h.id}`, h, reporter)).status, 201);
    const verified = await ok(h.id, { action: 'verify' }, supervisor);
    if (!assign) return verified;
    return ok(h.id, {
      action: 'assign', responsible: { unit: '翠苑物业', person: '赵六', personId: 'worker-2' }, deadline: day(5), measures: '清理通道',
    }, supervisor);
  };

  before(async () => {
    s = await startTestServer();
    admin = await s.token();
    reporter = await s.token({ user: 'worker-1', roles: ['grid-worker'], scope: [COMMUNITY_A] });
    assignee = await s.token({ user: 'worker-2', roles: ['grid-worker'], scope: [COMMUNITY_A] });
    otherWorker = await s.token({ user: 'worker-3', roles: ['grid-worker'], scope: [COMMUNITY_A] });
    supervisor = await s.token({ user: 'sup-1', roles: ['grid-supervisor'], scope: [COMMUNITY_A] });
    manager = await s.token({ user: 'mgr-1', roles: ['unit-manager'], scope: [COMMUNITY_A] });
    officer = await s.token({ user: 'fo-1', roles: ['fire-officer'], scope: [COMMUNITY_A] });
    assert.equal((await s.put(`/v1/places/${p.id}`, p, admin)).status, 201);
  });
  after(async () => {
    await s.close();
  });

  it('accept (签收): the assignee by responsible.personId; another grid worker 403; twice 409', async () => {
    const h = await task();
    assert.equal(h.responsible?.personId, 'worker-2');
    await refused(h.id, { action: 'accept' }, otherWorker, 403, 'transition-role');
    const accepted = await ok(h.id, { action: 'accept' }, assignee);
    assert.equal(accepted.status, 'assigned');
    assert.equal(accepted.acceptedAt, new Date(s.clock.ms).toISOString());
    assert.ok(RECORD_SCHEMAS.hazards.safeParse(accepted).success);
    await refused(h.id, { action: 'accept' }, assignee, 409, 'transition-not-allowed-from-status');
    // A unit manager may accept too.
    assert.equal((await ok((await task()).id, { action: 'accept' }, manager)).status, 'assigned');
  });

  it('return (退回): back to verified without responsible; a fire officer 403; no reason 422', async () => {
    const h = await task();
    await refused(h.id, { action: 'return', reason: '不属本物业' }, officer, 403, 'transition-role');
    await refused(h.id, { action: 'return' }, assignee, 422, 'transition-missing-fields');
    const back = await ok(h.id, { action: 'return', reason: '该通道属相邻小区' }, assignee);
    assert.equal(back.status, 'verified');
    assert.equal(back.responsible, undefined);
    assert.deepEqual(back.history.at(-1), { ...back.history.at(-1), action: 'return', from: 'assigned', to: 'verified', note: '该通道属相邻小区' });
  });

  it('request-extension → approve-extension / refuse-extension: the deadline moves only when approved', async () => {
    const h = await task();
    await refused(h.id, { action: 'request-extension', deadline: day(15), reason: '需协调车主' }, otherWorker, 403, 'transition-role');
    const asked = await ok(h.id, { action: 'request-extension', deadline: day(15), reason: '需协调车主' }, assignee);
    assert.equal(asked.deadline, day(5));
    assert.equal(asked.extensionRequest?.requestedBy, 'worker-2');
    await refused(h.id, { action: 'request-extension', deadline: day(20), reason: '再延' }, assignee, 409, 'transition-not-allowed-from-status');
    await refused(h.id, { action: 'approve-extension', note: '同意' }, assignee, 403, 'transition-role');
    const approved = await ok(h.id, { action: 'approve-extension', note: '同意' }, supervisor);
    assert.equal(approved.deadline, day(15));
    assert.equal(approved.extensionRequest?.decision, 'approved');
    await refused(h.id, { action: 'refuse-extension', note: '不同意' }, supervisor, 409, 'transition-not-allowed-from-status');
    await ok(h.id, { action: 'request-extension', deadline: day(30), reason: '材料未到' }, manager);
    await refused(h.id, { action: 'refuse-extension', note: '不同意' }, manager, 403, 'transition-role');
    const refusedExt = await ok(h.id, { action: 'refuse-extension', note: '须按期完成' }, supervisor);
    assert.equal(refusedExt.deadline, day(15));
    assert.equal(refusedExt.extensionRequest?.decision, 'refused');
  });

  it('transfer (转办) and answer-transfer (部门反馈): a supervisor only; the department becomes responsible.unit; an unknown one 422', async () => {
    const h = await task(false);
    const send = { action: 'transfer', department: 'fire-rescue', reason: '堵塞疏散通道需执法', deadline: day(10) };
    await refused(h.id, send, reporter, 403, 'transition-role');
    await refused(h.id, { ...send, department: 'tax-bureau' }, supervisor, 422, 'transition-invalid-field');
    await refused(h.id, { action: 'answer-transfer', note: '已处罚' }, supervisor, 409, 'transition-not-allowed-from-status');
    const sent = await ok(h.id, send, supervisor);
    assert.equal(sent.status, 'assigned');
    assert.equal(sent.responsible?.unit, '消防救援机构');
    assert.equal(sent.transfer?.department, 'fire-rescue');
    await refused(h.id, { action: 'answer-transfer', note: '已处罚' }, reporter, 403, 'transition-role');
    const answered = await ok(h.id, { action: 'answer-transfer', note: '已责令改正', documentNumber: '消责改字〔2025〕第0012号' }, supervisor);
    assert.equal(answered.transfer?.answer?.documentNumber, '消责改字〔2025〕第0012号');
    assert.ok(RECORD_SCHEMAS.hazards.safeParse(answered).success);
  });

  it('escalate (上报上级): a grid worker moves the tier up; a unit manager 403; at the county 409', async () => {
    const h = await task(false);
    await refused(h.id, { action: 'escalate', reason: '拒不整改' }, manager, 403, 'transition-role');
    assert.equal((await ok(h.id, { action: 'escalate', reason: '拒不整改' }, reporter)).tier, 'community');
    assert.equal((await ok(h.id, { action: 'escalate', reason: '社区协调未果' }, supervisor)).tier, 'township');
    assert.equal((await ok(h.id, { action: 'escalate', reason: '需区县协调' }, supervisor)).tier, 'county');
    await refused(h.id, { action: 'escalate', reason: '再报' }, supervisor, 409, 'transition-not-allowed-from-status');
  });

  it('a save may not set the actions\' fields (acceptedAt, tier): 422 naming the field and its action', async () => {
    const h = await task();
    const res = await s.put(`/v1/hazards/${h.id}`, { ...h, tier: 'county' }, supervisor, { 'if-match': `"${String(h.version)}"` });
    assert.equal(res.status, 422, res.text);
    assert.match(res.text, /escalate/);
  });

  it('GET /v1/hazards?assignee=me lists the caller\'s tasks; assignee=<userId> another\'s', async () => {
    const mine = await task();
    await task(false);
    const list = async (q: string, token: string): Promise<string[]> => {
      const res = await s.request('GET', `/v1/hazards?${q}&limit=500`, { token });
      assert.equal(res.status, 200, res.text);
      return (res.json as { items: Rec[] }).items.map((x) => x.id);
    };
    const byMe = await list('assignee=me', assignee);
    assert.ok(byMe.includes(mine.id));
    for (const id of byMe) {
      const res = await s.request('GET', `/v1/hazards/${id}`, { token: admin });
      assert.equal((res.json as Rec).responsible?.personId, 'worker-2');
    }
    assert.deepEqual(await list('assignee=worker-2', supervisor), byMe);
    assert.deepEqual(await list('assignee=me', otherWorker), []);
    // Returned: no longer his.
    await ok(mine.id, { action: 'return', reason: '不属本单位' }, assignee);
    assert.ok(!(await list('assignee=me', assignee)).includes(mine.id));
    const bad = await s.request('GET', '/v1/hazards?assignee=', { token: assignee });
    assert.equal(bad.status, 400, bad.text);
  });
});

describe('migration 5', () => {
  it('indexes the assignees of the hazards stored before it, as Store.write does', () => {
    const dir = mkdtempSync(join(tmpdir(), 'fg-assignee-'));
    const db = openDatabase(dir);
    try {
      const store = new Store(db);
      const at = '2025-06-01T00:00:00.000Z';
      const stored = (n: number, personId?: string): StoredRecord => (({
        ...hazard({ status: 'assigned', gridId: GRID_A }), id: newId(), version: 1, createdAt: at, updatedAt: at, tenantId: 't1',
        responsible: { unit: '物业', person: `人${String(n)}`, ...(personId === undefined ? {} : { personId }) },
      }));
      store.transaction(() => {
        store.write('t1', 'hazards', stored(1, 'u-a'));
        store.write('t1', 'hazards', stored(2, 'u-b'));
        store.write('t1', 'hazards', stored(3));
      });
      const facets = (): unknown => db.prepare("SELECT id, value FROM facets WHERE tenant = 't1' AND facet = 'assignee' ORDER BY id").all();
      const written = facets();
      assert.equal((written as unknown[]).length, 2);
      // As a database from before migration 5: no assignee facets, no log entry.
      db.exec("DELETE FROM facets WHERE facet = 'assignee'");
      db.prepare('DELETE FROM migrations WHERE id = 5').run();
      assert.deepEqual(migrate(db, MIGRATIONS), [5]);
      assert.deepEqual(facets(), written, 'the backfill gives the facets Store.write gives');
    } finally {
      db.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
