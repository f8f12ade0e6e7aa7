import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { RECORD_SCHEMAS, newId } from '@firegrid/core';
import { COMMUNITY_A, hazard, pathsOf, problemOf, startTestServer } from './helpers.js';
import type { Response, TestServer } from './helpers.js';

interface Entry { by: string; action: string; from: string; to: string; note?: string }
type Rec = Record<string, unknown> & {
  id: string; version: number; status: string; history: Entry[]; description: string;
  publicReply?: { text: string; at: string }; reward?: { due: boolean; amount?: number; paidAt?: string };
};

// Issue 19: 答复举报人 (answer-resident) and 举报奖励 (record-reward) on the reference server.
describe('answer-resident and record-reward on the server', () => {
  let s: TestServer;
  let resident: string;
  let workerToken: string;
  let supervisor: string;
  let officer: string;
  const RESIDENT = 'res-7';

  const move = (id: string, body: Record<string, unknown>, token: string, headers: Record<string, string> = {}): Promise<Response> =>
    s.request('POST', `/v1/hazards/${id}/transitions`, { token, body, headers: { 'idempotency-key': newId(), ...headers } });
  const ok = async (id: string, body: Record<string, unknown>, token: string): Promise<Rec> => {
    const res = await move(id, body, token);
    assert.equal(res.status, 200, `${String(body.action)}: ${res.text}`);
    return res.json as Rec;
  };
  const read = async (id: string, token: string): Promise<Rec> => {
    const res = await s.request('GET', `/v1/hazards/${id}`, { token });
    assert.equal(res.status, 200, res.text);
    return res.json as Rec;
  };
  const tipOff = async (): Promise<Rec> => {
    const h = hazard({
      category: 'fire-lane-blocked', title: '消防车通道被私家车堵住', source: 'public',
      reporter: { kind: 'resident', personId: RESIDENT, contact: '13900001234', confidential: true },
    });
    const res = await s.put(`/v1/hazards/${h.id}`, h, resident);
    assert.equal(res.status, 201, res.text);
    return res.json as Rec;
  };
  const reply = { action: 'answer-resident', note: '已责令物业清理，感谢您的举报' };
  const reward = { action: 'record-reward', reward: { due: true, amount: 200, paidAt: '2026-03-10' } };

  before(async () => {
    s = await startTestServer();
    resident = await s.token({ user: RESIDENT, roles: ['resident'] });
    workerToken = await s.token({ user: 'worker-1', roles: ['grid-worker'], scope: [COMMUNITY_A] });
    supervisor = await s.token({ user: 'sup-1', roles: ['grid-supervisor'], scope: [COMMUNITY_A] });
    officer = await s.token({ user: 'fo-1', roles: ['fire-officer'], scope: [COMMUNITY_A] });
  });
  after(async () => {
    await s.close();
  });

  it('a supervisor answers the resident (publicReply), who sees it on his own report; a grid worker may not (403)', async () => {
    const h = await tipOff();
    assert.equal(problemOf(await move(h.id, reply, workerToken), 403).code, 'role');
    assert.deepEqual(pathsOf(problemOf(await move(h.id, { action: 'answer-resident' }, supervisor), 422)), ['note']);
    const answered = await ok(h.id, reply, supervisor);
    assert.deepEqual([answered.status, answered.publicReply?.text], ['reported', '已责令物业清理，感谢您的举报']);
    assert.ok(RECORD_SCHEMAS.hazards.safeParse(answered).success);
    assert.equal((await read(h.id, resident)).publicReply?.text, '已责令物业清理，感谢您的举报');
    // publicReply is the action's: a save may not write it.
    const edited = await s.put(`/v1/hazards/${h.id}`, { ...answered, publicReply: { text: '改写', at: answered.publicReply?.at } }, supervisor);
    assert.deepEqual(pathsOf(problemOf(edited, 422)), ['publicReply']);
  });

  it('answer-resident and record-reward are refused (409) on a worker\'s own find', async () => {
    const mine = hazard();
    const res = await s.put(`/v1/hazards/${mine.id}`, mine, workerToken);
    assert.equal(res.status, 201, res.text);
    const find = res.json as Rec;
    const r = problemOf(await move(find.id, reply, supervisor, { 'accept-language': 'en' }), 409);
    assert.equal(r.code, 'not-allowed-from-status');
    assert.match(r.detail, /resident's tip-off/);
    await ok(find.id, { action: 'verify' }, supervisor);
    assert.equal(problemOf(await move(find.id, reward, supervisor), 409).code, 'not-allowed-from-status');
  });

  it('record-reward after verification by a supervisor; hidden from a grid worker (with its history entry), kept by his save, shown to the resident', async () => {
    const h = await tipOff();
    assert.equal(problemOf(await move(h.id, reward, supervisor), 409).code, 'not-allowed-from-status');
    await ok(h.id, { action: 'verify' }, supervisor);
    assert.equal(problemOf(await move(h.id, reward, officer), 403).code, 'role');
    assert.deepEqual(pathsOf(problemOf(await move(h.id, { action: 'record-reward', reward: { due: true, amount: -1 } }, supervisor), 400)), ['reward.amount']);
    assert.deepEqual(pathsOf(problemOf(await move(h.id, { action: 'record-reward' }, supervisor), 422)), ['reward.due']);
    const rewarded = await ok(h.id, reward, supervisor);
    assert.deepEqual(rewarded.reward, { due: true, amount: 200, paidAt: '2026-03-10' });
    const seen = await read(h.id, workerToken);
    assert.equal(seen.reward, undefined);
    assert.deepEqual(seen.history.map((e) => e.action), ['verify']);
    const list = await s.request('GET', '/v1/hazards?limit=100', { token: workerToken });
    assert.ok(!list.text.includes('"amount"') && !list.text.includes('record-reward'), 'the list hides the reward too');
    const saved = await s.put(`/v1/hazards/${h.id}`, { ...seen, description: '晚上 8 点后' }, workerToken);
    assert.equal(saved.status, 200, saved.text);
    const kept = await read(h.id, supervisor);
    assert.deepEqual([kept.description, kept.reward?.amount], ['晚上 8 点后', 200]);
    assert.deepEqual((await read(h.id, resident)).reward, { due: true, amount: 200, paidAt: '2026-03-10' });
  });
});
