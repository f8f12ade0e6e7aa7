import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { RECORD_SCHEMAS, newId } from '@firegrid/core';
import type { ResourceKind } from '@firegrid/core';
import {
  GRID_A, GRID_B, captain, hazard, inspection, pathsOf, place, problemOf, scoreConfig, startTestServer, template, training, worker,
} from './helpers.js';
import type { TestServer } from './helpers.js';

type Rec = Record<string, unknown> & { id: string; version: number };

describe('records: PUT and GET', () => {
  let s: TestServer;
  let admin: string;
  before(async () => {
    s = await startTestServer();
    admin = await s.token();
  });
  after(async () => {
    await s.close();
  });

  it('round-trips every kind: 201 with ETag and Location, GET returns it, and the GET output is accepted back by PUT (200)', async () => {
    const p = place();
    const t = template();
    const w = worker();
    const bodies: [ResourceKind, Record<string, unknown> & { id: string }][] = [
      ['places', p],
      ['templates', t],
      ['inspections', inspection(t.id, p.id)],
      ['hazards', hazard({ placeId: p.id })],
      ['captains', captain(p.id)],
      ['workers', w],
      ['activities', training(w.id)],
      ['score-configs', scoreConfig()],
    ];
    for (const [kind, body] of bodies) {
      const created = await s.put(`/v1/${kind}/${body.id}`, body, admin);
      assert.equal(created.status, 201, `${kind}: ${created.text}`);
      assert.equal(created.headers.get('etag'), '"1"', kind);
      assert.equal(created.headers.get('location'), `/v1/${kind}/${body.id}`, kind);
      const stored = created.json as Rec;
      assert.equal(stored.version, 1);
      assert.equal(stored.tenantId, 't1');
      assert.ok(RECORD_SCHEMAS[kind].safeParse(stored).success, `${kind} as stored passes its read schema`);

      const got = await s.request('GET', `/v1/${kind}/${body.id}`, { token: admin });
      assert.equal(got.status, 200);
      assert.equal(got.headers.get('etag'), '"1"');
      assert.deepEqual(got.json, stored);

      const again = await s.put(`/v1/${kind}/${body.id}`, got.json, admin);
      assert.equal(again.status, 200, `${kind}: PUT of the GET output: ${again.text}`);
      assert.equal(again.headers.get('etag'), '"2"');
      assert.equal((again.json as Rec).version, 2);
      assert.equal((again.json as Rec).createdAt, stored.createdAt, 'createdAt is kept');
    }
  });

  it('ignores server-managed fields on input: version, timestamps, tenantId and history', async () => {
    const h = { ...hazard(), version: 41, tenantId: 'someone-else', createdAt: '2000-01-01T00:00:00Z', updatedAt: '2000-01-01T00:00:00Z',
      history: [{ at: '2000-01-01T00:00:00Z', by: 'x', action: 'verify', from: 'reported', to: 'verified' }] };
    const res = await s.put(`/v1/hazards/${h.id}`, h, admin);
    assert.equal(res.status, 201);
    const rec = res.json as Rec;
    assert.equal(rec.version, 1);
    assert.equal(rec.tenantId, 't1');
    assert.notEqual(rec.createdAt, '2000-01-01T00:00:00Z');
    assert.deepEqual(rec.history, []);
  });

  it('replays an identical write: the first response again, nothing written twice', async () => {
    const h = hazard();
    const key = newId();
    const first = await s.put(`/v1/hazards/${h.id}`, h, admin, { 'idempotency-key': key });
    assert.equal(first.status, 201);
    s.clock.advance(5000);
    // Same body with its keys in another order is the same body.
    const reordered = Object.fromEntries(Object.entries(h).reverse());
    const second = await s.put(`/v1/hazards/${h.id}`, reordered, admin, { 'idempotency-key': key });
    assert.equal(second.status, 201);
    assert.equal(second.text, first.text, 'byte-for-byte the first response');
    assert.equal(second.headers.get('etag'), '"1"');
    assert.equal(second.headers.get('idempotency-replayed'), 'true');
    const got = await s.request('GET', `/v1/hazards/${h.id}`, { token: admin });
    assert.equal((got.json as Rec).version, 1);
  });

  it('refuses a different body under a used key with 422, and changes nothing', async () => {
    const h = hazard();
    const key = newId();
    assert.equal((await s.put(`/v1/hazards/${h.id}`, h, admin, { 'idempotency-key': key })).status, 201);
    const res = await s.put(`/v1/hazards/${h.id}`, { ...h, description: 'changed' }, admin, { 'idempotency-key': key });
    const p = problemOf(res, 422);
    assert.deepEqual(pathsOf(p), ['Idempotency-Key']);
    const got = await s.request('GET', `/v1/hazards/${h.id}`, { token: admin });
    assert.equal((got.json as Rec).description, h.description);
  });

  it('a replay checks the caller: a narrower token of the same user does not get the stored reply', async () => {
    const h = hazard({ gridId: GRID_A });
    const key = newId();
    const wide = await s.token({ user: 'sup-9', roles: ['grid-supervisor', 'fire-officer'], scope: ['*'] });
    assert.equal((await s.put(`/v1/hazards/${h.id}`, h, wide, { 'idempotency-key': key })).status, 201);
    for (const narrow of [
      await s.token({ user: 'sup-9', roles: ['grid-supervisor', 'fire-officer'], scope: [GRID_B] }),
      await s.token({ user: 'sup-9', roles: ['grid-supervisor'], scope: ['*'] }),
    ]) {
      const res = await s.put(`/v1/hazards/${h.id}`, h, narrow, { 'idempotency-key': key });
      const p = problemOf(res, 403);
      assert.equal(p.type, 'urn:firegrid:problem:idempotency-caller-narrower');
      assert.equal(res.headers.get('idempotency-replayed'), null);
      assert.ok(!res.text.includes(h.title), 'nothing of the stored reply');
    }
    // A fresh token with the same rights (the old one expired) still replays.
    s.clock.advance(1000);
    const again = await s.token({ user: 'sup-9', roles: ['fire-officer', 'grid-supervisor'], scope: ['*'] });
    const replay = await s.put(`/v1/hazards/${h.id}`, h, again, { 'idempotency-key': key });
    assert.equal(replay.status, 201);
    assert.equal(replay.headers.get('idempotency-replayed'), 'true');
  });

  it('a key is per user: another user may use the same key for his own write', async () => {
    const key = newId();
    const a = hazard();
    const b = hazard();
    assert.equal((await s.put(`/v1/hazards/${a.id}`, a, admin, { 'idempotency-key': key })).status, 201);
    const other = await s.token({ user: 'admin-2' });
    assert.equal((await s.put(`/v1/hazards/${b.id}`, b, other, { 'idempotency-key': key })).status, 201);
  });

  it('answers a stale If-Match with 409 naming the current version and carrying the current record', async () => {
    const h = hazard();
    await s.put(`/v1/hazards/${h.id}`, h, admin);
    const v2 = await s.put(`/v1/hazards/${h.id}`, { ...h, description: 'second' }, admin, { 'if-match': '"1"' });
    assert.equal(v2.status, 200);
    const stale = await s.put(`/v1/hazards/${h.id}`, { ...h, description: 'third, from version 1' }, admin, { 'if-match': '"1"' });
    const p = problemOf(stale, 409);
    assert.equal(p.currentVersion, 2);
    assert.equal((p.current as Rec).description, 'second');
    assert.equal(stale.headers.get('etag'), '"2"');
    assert.equal((await s.put(`/v1/hazards/${h.id}`, { ...h, description: 'third' }, admin, { 'if-match': '"2"' })).status, 200);
    // If-Match on a record that does not exist yet: 409, unless it says version 0 (create only).
    const fresh = hazard();
    problemOf(await s.put(`/v1/hazards/${fresh.id}`, fresh, admin, { 'if-match': '"3"' }), 409);
    assert.equal((await s.put(`/v1/hazards/${fresh.id}`, fresh, admin, { 'if-match': '"0"' })).status, 201);
    problemOf(await s.put(`/v1/hazards/${fresh.id}`, fresh, admin, { 'if-match': 'yesterday' }), 400);
  });

  it('answers If-None-Match with the current ETag with 304', async () => {
    const p = place();
    await s.put(`/v1/places/${p.id}`, p, admin);
    const res = await s.request('GET', `/v1/places/${p.id}`, { token: admin, headers: { 'if-none-match': '"1"' } });
    assert.equal(res.status, 304);
    assert.equal(res.text, '');
  });

  it('needs an Idempotency-Key on every write', async () => {
    const h = hazard();
    const res = await s.request('PUT', `/v1/hazards/${h.id}`, { token: admin, body: h });
    assert.deepEqual(pathsOf(problemOf(res, 400)), ['Idempotency-Key']);
    assert.equal((await s.request('GET', `/v1/hazards/${h.id}`, { token: admin })).status, 404);
  });

  it('refuses a body whose id is not the one in the URL', async () => {
    const h = hazard();
    const res = await s.put(`/v1/hazards/${newId()}`, h, admin);
    assert.deepEqual(pathsOf(problemOf(res, 400)), ['id']);
  });

  it('answers 404 for unknown ids, unknown kinds and unknown paths, and 405 for other methods', async () => {
    problemOf(await s.request('GET', `/v1/hazards/${newId()}`, { token: admin }), 404);
    problemOf(await s.request('GET', '/v1/buildings', { token: admin }), 404);
    problemOf(await s.request('GET', '/nowhere', { token: admin }), 404);
    const del = await s.request('DELETE', `/v1/hazards/${newId()}`, { token: admin });
    problemOf(del, 405);
    assert.equal(del.headers.get('allow'), 'GET, PUT');
  });
});

describe('records: problem+json for bad input, never a 500', () => {
  let s: TestServer;
  let admin: string;
  before(async () => {
    s = await startTestServer();
    admin = await s.token();
  });
  after(async () => {
    await s.close();
  });

  it('bad JSON → 400', async () => {
    const h = hazard();
    const res = await s.request('PUT', `/v1/hazards/${h.id}`, {
      token: admin, raw: '{"id": "oops",', headers: { 'content-type': 'application/json', 'idempotency-key': newId() },
    });
    const p = problemOf(res, 400);
    assert.equal(p.type, 'urn:firegrid:problem:bad-json');
    assert.equal(p.instance, `/v1/hazards/${h.id}`);
  });

  it('unknown fields → 400 naming each path, at the top and nested', async () => {
    const h = { ...hazard(), colour: 'red', reporter: { kind: 'grid-worker', personId: 'w', confidential: false, mood: 'calm' } };
    const p = problemOf(await s.put(`/v1/hazards/${h.id}`, h, admin), 400);
    const paths = pathsOf(p);
    assert.ok(paths.includes('colour'), `paths: ${paths.join(', ')}`);
    assert.ok(paths.includes('reporter.mood'), `paths: ${paths.join(', ')}`);
  });

  it('wrong types and missing fields → 400 with their paths', async () => {
    const h = { ...hazard(), title: 42, photos: 'none', category: 'arson' } as unknown as Record<string, unknown>;
    delete h.severity;
    const p = problemOf(await s.put(`/v1/hazards/${String(h.id)}`, h, admin), 400);
    const paths = pathsOf(p);
    for (const path of ['title', 'photos', 'category', 'severity']) assert.ok(paths.includes(path), `${path} in ${paths.join(', ')}`);
  });

  it('speaks zh-CN by default and English when asked', async () => {
    const h = { ...hazard(), title: 42 };
    const zh = problemOf(await s.put(`/v1/hazards/${h.id}`, h, admin), 400);
    assert.equal(zh.title, '请求无效');
    const en = problemOf(await s.put(`/v1/hazards/${h.id}`, h, admin, { 'accept-language': 'en-GB,en;q=0.9' }), 400);
    assert.equal(en.title, 'Bad request');
    assert.match(en.detail, /hazard is invalid/);
  });

  it('a body that is not an object (array, null, a string) → 400', async () => {
    const id = newId();
    for (const body of [[], null, 'text', 7]) problemOf(await s.put(`/v1/hazards/${id}`, body, admin), 400);
  });

  it('JSON nested 100,000 deep → 400, not a stack overflow', async () => {
    const id = newId();
    const raw = `{"id":"${id}","title":${'['.repeat(100_000)}${']'.repeat(100_000)}}`;
    const res = await s.request('PUT', `/v1/hazards/${id}`, {
      token: admin, raw, headers: { 'content-type': 'application/json', 'idempotency-key': newId() },
    });
    assert.equal(problemOf(res, 400).type, 'urn:firegrid:problem:too-deep');
  });

  it('a JSON body with __proto__ is refused, not merged', async () => {
    const h = hazard();
    const raw = JSON.stringify(h).replace(/^\{/, '{"__proto__":{"polluted":true},');
    const res = await s.request('PUT', `/v1/hazards/${h.id}`, {
      token: admin, raw, headers: { 'content-type': 'application/json', 'idempotency-key': newId() },
    });
    problemOf(res, 400);
    assert.equal(({} as Record<string, unknown>).polluted, undefined);
  });

  it('a reserved key anywhere in the body (an answer keyed __proto__, constructor) → 400 naming it, never dropped silently', async () => {
    const t = template();
    const pl = place();
    assert.equal((await s.put(`/v1/templates/${t.id}`, t, admin)).status, 201);
    assert.equal((await s.put(`/v1/places/${pl.id}`, pl, admin)).status, 201);
    for (const key of ['__proto__', 'constructor', 'prototype']) {
      const i = inspection(t.id, pl.id);
      const raw = JSON.stringify(i).replace('"answers":{', `"answers":{"${key}":{"result":"fail"},`);
      const res = await s.request('PUT', `/v1/inspections/${i.id}`, {
        token: admin, raw, headers: { 'content-type': 'application/json', 'idempotency-key': newId() },
      });
      const p = problemOf(res, 400);
      assert.equal(p.type, 'urn:firegrid:problem:reserved-key', key);
      assert.deepEqual(pathsOf(p), [`answers.${key}`]);
      assert.ok(p.detail.includes(key), p.detail);
      assert.equal((await s.request('GET', `/v1/inspections/${i.id}`, { token: admin })).status, 404, 'nothing stored');
    }
  });

  it('a JSON body over 1 MB → 413, and the server keeps serving', async () => {
    const h = { ...hazard(), description: 'x'.repeat(1_200_000) };
    const p = problemOf(await s.put(`/v1/hazards/${h.id}`, h, admin), 413);
    assert.equal(p.limit, 1_000_000);
    assert.equal((await s.request('GET', '/v1/health')).status, 200);
  });

  it('a body that is not JSON → 415', async () => {
    const h = hazard();
    const res = await s.request('PUT', `/v1/hazards/${h.id}`, {
      token: admin, raw: 'title=x', headers: { 'content-type': 'application/x-www-form-urlencoded', 'idempotency-key': newId() },
    });
    assert.deepEqual(pathsOf(problemOf(res, 415)), ['Content-Type']);
  });

  it('a JSON body without Content-Type → 415, on PUT, transitions and imports', async () => {
    const h = hazard();
    // Bytes, not a string: fetch would label a string text/plain.
    const bytes = (value: unknown): Uint8Array => new TextEncoder().encode(JSON.stringify(value));
    const put = await s.request('PUT', `/v1/hazards/${h.id}`, { token: admin, raw: bytes(h), headers: { 'idempotency-key': newId() } });
    assert.deepEqual(pathsOf(problemOf(put, 415)), ['Content-Type']);
    assert.equal((await s.request('GET', `/v1/hazards/${h.id}`, { token: admin })).status, 404, 'nothing stored');
    assert.equal((await s.put(`/v1/hazards/${h.id}`, h, admin)).status, 201);
    const move = await s.request('POST', `/v1/hazards/${h.id}/transitions`, {
      token: admin, raw: bytes({ action: 'verify' }), headers: { 'idempotency-key': newId() },
    });
    problemOf(move, 415);
    const imported = await s.request('POST', '/v1/captains:import', { token: admin, raw: bytes({ rows: [] }), headers: { 'idempotency-key': newId() } });
    problemOf(imported, 415);
  });
});

describe('records: rules per kind', () => {
  let s: TestServer;
  let admin: string;
  before(async () => {
    s = await startTestServer();
    admin = await s.token();
  });
  after(async () => {
    await s.close();
  });

  it('a hazard is created only as draft or reported', async () => {
    const h = hazard({ status: 'closed' });
    assert.deepEqual(pathsOf(problemOf(await s.put(`/v1/hazards/${h.id}`, h, admin), 422)), ['status']);
    const d = hazard({ status: 'draft' });
    assert.equal((await s.put(`/v1/hazards/${d.id}`, d, admin)).status, 201);
  });

  it('a PUT may edit a hazard but not its status', async () => {
    const h = hazard();
    await s.put(`/v1/hazards/${h.id}`, h, admin);
    const res = await s.put(`/v1/hazards/${h.id}`, { ...h, status: 'verified' }, admin);
    assert.deepEqual(pathsOf(problemOf(res, 422)), ['status']);
    const edit = await s.put(`/v1/hazards/${h.id}`, { ...h, title: '改过的标题' }, admin);
    assert.equal(edit.status, 200);
    assert.equal((edit.json as Rec).status, 'reported');
  });

  it('a submitted inspection never changes (409); a new one may supersede it', async () => {
    const p = place();
    const t = template();
    await s.put(`/v1/places/${p.id}`, p, admin);
    await s.put(`/v1/templates/${t.id}`, t, admin);
    const i = inspection(t.id, p.id, { state: 'submitted', submittedAt: '2026-03-01T10:00:00+08:00' });
    assert.equal((await s.put(`/v1/inspections/${i.id}`, i, admin)).status, 201);
    problemOf(await s.put(`/v1/inspections/${i.id}`, { ...i, answers: { q1: { result: 'fail' } } }, admin), 409);
    const fix = inspection(t.id, p.id, { supersedes: i.id });
    assert.equal((await s.put(`/v1/inspections/${fix.id}`, fix, admin)).status, 201);
  });

  it('only training and publicity activities are recorded by PUT; the others are derived', async () => {
    const a = training('w-1', { type: 'hazard.closed', hazardId: newId(), onTime: true } as never);
    assert.deepEqual(pathsOf(problemOf(await s.put(`/v1/activities/${a.id}`, a, admin), 422)), ['type']);
    const ok = training('w-1', { type: 'publicity.held' });
    assert.equal((await s.put(`/v1/activities/${ok.id}`, ok, admin)).status, 201);
  });

  it('a hazard may only refer to photos uploaded here', async () => {
    const h = hazard({ photos: [{ id: 'nope', url: '/v1/media/nope', sha256: 'a'.repeat(64), width: 1, height: 1, bytes: 1 }] });
    assert.deepEqual(pathsOf(problemOf(await s.put(`/v1/hazards/${h.id}`, h, admin), 422)), ['photos[0].id']);
  });

  it('a record that names a place the server does not know needs whole-tenant scope (422 otherwise)', async () => {
    const limited = await s.token({ user: 'w', roles: ['grid-worker'], scope: [GRID_A] });
    const c = captain(newId());
    const res = await s.put(`/v1/captains/${c.id}`, c, (await s.token({ user: 'sup', roles: ['grid-supervisor'], scope: [GRID_A] })));
    assert.deepEqual(pathsOf(problemOf(res, 422)), ['buildingId']);
    const h = hazard({ gridId: undefined, placeId: newId() });
    delete (h as Record<string, unknown>).gridId;
    assert.deepEqual(pathsOf(problemOf(await s.put(`/v1/hazards/${h.id}`, h, limited), 422)), ['placeId']);
  });
});

describe('CORS', () => {
  let s: TestServer;
  before(async () => {
    s = await startTestServer({ corsOrigins: ['https://grid.example.gov.cn'] });
  });
  after(async () => {
    await s.close();
  });

  it('answers a preflight from a configured origin with the contract headers', async () => {
    const res = await s.request('OPTIONS', '/v1/hazards/x', {
      headers: { origin: 'https://grid.example.gov.cn', 'access-control-request-method': 'PUT', 'access-control-request-headers': 'if-match' },
    });
    assert.equal(res.status, 204);
    assert.equal(res.headers.get('access-control-allow-origin'), 'https://grid.example.gov.cn');
    const allowed = (res.headers.get('access-control-allow-headers') ?? '').toLowerCase();
    for (const h of ['authorization', 'content-type', 'idempotency-key', 'if-match', 'content-digest', 'accept-language']) {
      assert.ok(allowed.includes(h), `${h} allowed`);
    }
    assert.match(res.headers.get('access-control-allow-methods') ?? '', /PUT/);
  });

  it('lets the browser keep a preflight for 10 minutes (Access-Control-Max-Age), on preflights only', async () => {
    // Without it Chromium keeps a preflight 5 s: a retry of the same PUT would pay it again.
    const res = await s.request('OPTIONS', '/v1/hazards/x', {
      headers: { origin: 'https://grid.example.gov.cn', 'access-control-request-method': 'PUT', 'access-control-request-headers': 'authorization, content-type, idempotency-key' },
    });
    assert.equal(res.status, 204);
    assert.equal(res.headers.get('access-control-max-age'), '600');
    const token = await s.token();
    const p = place();
    const put = await s.put(`/v1/places/${p.id}`, p, token, { origin: 'https://grid.example.gov.cn' });
    assert.equal(put.headers.get('access-control-max-age'), null, 'an actual response carries no Max-Age');
  });

  it('exposes ETag and Location to the page, on errors too', async () => {
    const token = await s.token();
    const p = place();
    const res = await s.put(`/v1/places/${p.id}`, p, token, { origin: 'https://grid.example.gov.cn' });
    assert.equal(res.headers.get('access-control-allow-origin'), 'https://grid.example.gov.cn');
    assert.match(res.headers.get('access-control-expose-headers') ?? '', /ETag/);
    assert.match(res.headers.get('access-control-expose-headers') ?? '', /Location/);
    const denied = await s.request('GET', '/v1/places', { headers: { origin: 'https://grid.example.gov.cn' } });
    assert.equal(denied.status, 401);
    assert.equal(denied.headers.get('access-control-allow-origin'), 'https://grid.example.gov.cn');
  });

  it('sends no CORS headers to other origins', async () => {
    const res = await s.request('OPTIONS', '/v1/hazards', { headers: { origin: 'https://evil.example.com', 'access-control-request-method': 'GET' } });
    assert.equal(res.headers.get('access-control-allow-origin'), null);
  });
});
