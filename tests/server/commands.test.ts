/**
 * The command map on the wire (issue 16 item 3): the server answers each command at the route
 * core's `COMMAND_MAP` gives it, `httpDataPort` sends each command there and parses the answer
 * with the map's result schema, and a malformed payload is refused naming the field — over plain
 * HTTP and through the port. The lifecycle's refusals are worded in each caller's language.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { COMMANDS, COMMAND_MAP, commandRequest, newId } from '@firegrid/core';
import type { FiregridError } from '@firegrid/core';
import { httpDataPort } from '@firegrid/core/http';
import type { DataPort } from '@firegrid/core';
import { COMMUNITY_A, GRID_A, hazard, pathsOf, place, problemOf, startTestServer } from './helpers.js';
import type { TestServer } from './helpers.js';

describe('the command map on the wire', () => {
  let s: TestServer;
  let supervisor: string;
  let worker: string;
  let data: DataPort;
  const p = place({ gridId: GRID_A });

  const newHazard = async (): Promise<string> => {
    const h = hazard({ placeId: p.id, reporter: { kind: 'grid-worker', personId: 'worker-1', confidential: false } });
    const res = await s.put(`/v1/hazards/${h.id}`, h, worker);
    assert.equal(res.status, 201, res.text);
    return h.id;
  };

  before(async () => {
    s = await startTestServer();
    const admin = await s.token();
    supervisor = await s.token({ user: 'sup-1', roles: ['grid-supervisor'], scope: [COMMUNITY_A] });
    worker = await s.token({ user: 'worker-1', roles: ['grid-worker'], scope: [COMMUNITY_A] });
    assert.equal((await s.put(`/v1/places/${p.id}`, p, admin)).status, 201);
    data = httpDataPort({ baseUrl: s.url, headers: { authorization: `Bearer ${supervisor}` }, locale: 'en' });
  });
  after(async () => {
    await s.close();
  });

  it('answers every command of the map at its route, with the result its schema describes', async () => {
    const hazardId = await newHazard();
    const samples = {
      'hazards.transition': { hazardId, action: 'verify' as const },
      'captains.import': { rows: [] },
    };
    assert.deepEqual(Object.keys(samples).sort(), [...COMMANDS].sort(), 'a sample per command');
    // An admin imports captains; a supervisor verifies.
    const admin = await s.token({ roles: ['admin', 'grid-supervisor'] });
    for (const name of COMMANDS) {
      const request = commandRequest(name, samples[name]);
      const res = await s.request('POST', `/v1/${request.path}`, { token: admin, body: request.body, headers: { 'idempotency-key': newId() } });
      assert.equal(res.status, 200, `${name}: ${res.text}`);
      assert.equal(COMMAND_MAP[name].result.safeParse(res.json).success, true, `${name} answers its result schema`);
    }
  });

  it('refuses a malformed transition with 400 naming the field, over HTTP and through httpDataPort', async () => {
    const hazardId = await newHazard();
    const cases: [Record<string, unknown>, string][] = [
      [{ action: 'approve' }, 'action'],
      [{ action: 'extend-deadline', deadline: 20250630, reason: '雨季' }, 'deadline'],
      [{ action: 'report-rectified', note: '已整改', evidence: 'p1' }, 'evidence'],
    ];
    for (const [body, field] of cases) {
      const res = await s.request('POST', `/v1/hazards/${hazardId}/transitions`, { token: supervisor, body, headers: { 'idempotency-key': newId() } });
      assert.deepEqual(pathsOf(problemOf(res, 400)), [field], JSON.stringify(body));
      const error = await data.command('hazards.transition', { hazardId, ...body } as never, { idempotencyKey: newId() }).then(
        () => assert.fail('expected a refusal'), (e: unknown) => e as FiregridError,
      );
      assert.equal(error.code, 'rejected', JSON.stringify(body));
      assert.deepEqual(error.issues.map((i) => i.path), [field], JSON.stringify(body));
    }
    const rows = await data.command('captains.import', { rows: 'all' } as never, { idempotencyKey: newId() }).then(
      () => assert.fail('expected a refusal'), (e: unknown) => e as FiregridError,
    );
    assert.deepEqual(rows.issues.map((i) => i.path), ['rows']);
    // Nothing moved, and a well-formed transition still runs through the port.
    const verified = await data.command('hazards.transition', { hazardId, action: 'verify' }, { idempotencyKey: newId() });
    assert.equal(verified.status, 'verified');
    assert.deepEqual(verified.history.map((e) => e.action), ['verify']);
  });

  it('words a refused transition in the language of each caller, from one lifecycle', async () => {
    const hazardId = await newHazard();
    const ask = async (language: string) => problemOf(await s.request('POST', `/v1/hazards/${hazardId}/transitions`, {
      token: worker, body: { action: 'verify' }, headers: { 'idempotency-key': newId(), 'accept-language': language },
    }), 403);
    const en = await ask('en');
    const zh = await ask('zh-CN');
    assert.match(en.detail, /may not run/);
    assert.match(zh.detail, /无权/);
  });
});
