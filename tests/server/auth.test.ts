import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { createHmac } from 'node:crypto';
import { newId } from '@firegrid/core';
import type { Role } from '@firegrid/core';
import { signToken, verifyToken } from '@firegrid/server';
import {
  COMMUNITY_A, GRID_A, GRID_A2, GRID_B, SECRET, hazard, pathsOf, place, problemOf, startTestServer, tokenFor, worker,
} from './helpers.js';
import type { TestServer } from './helpers.js';

type Rec = Record<string, unknown> & { id: string; version: number };

/** An HS256 JWT with any claims, signed by hand (to make tokens the server must refuse). */
function rawJwt(claims: Record<string, unknown>): string {
  const part = (v: unknown): string => Buffer.from(JSON.stringify(v)).toString('base64url');
  const now = Math.floor(Date.now() / 1000);
  const body = `${part({ alg: 'HS256', typ: 'JWT' })}.${part({ iss: 'firegrid', sub: 'u', iat: now, exp: now + 3600, ...claims })}`;
  return `${body}.${createHmac('sha256', SECRET).update(body).digest('base64url')}`;
}
interface Reporter { kind: 'resident' | 'grid-worker'; personId?: string; contact?: string; confidential: boolean }

describe('auth: tokens', () => {
  let s: TestServer;
  let p: Rec;
  before(async () => {
    s = await startTestServer();
    p = place() as unknown as Rec;
    await s.put(`/v1/places/${p.id}`, p, await s.token());
  });
  after(async () => {
    await s.close();
  });

  it('signs tokens that verify with the claims given, and refuses short secrets', async () => {
    const token = await signToken({ secret: SECRET, tenant: 'demo', user: 'wangwei', name: '王伟', roles: ['grid-worker', 'captain'], scope: ['1401'] });
    assert.deepEqual(await verifyToken(token, SECRET), { tenant: 'demo', user: 'wangwei', name: '王伟', roles: ['grid-worker', 'captain'], scope: ['1401'] });
    await assert.rejects(signToken({ secret: 'short', tenant: 't', user: 'u', roles: ['admin'], scope: ['*'] }), /at least 32 characters/);
  });

  const bad: [string, () => Promise<Record<string, string>>, string][] = [
    ['no Authorization header', () => Promise.resolve({}), 'token-missing'],
    ['a header that is not Bearer', () => Promise.resolve({ authorization: 'Basic dXNlcjpwYXNz' }), 'token-malformed'],
    ['a malformed token', () => Promise.resolve({ authorization: 'Bearer not.a.jwt' }), 'token-malformed'],
    ['a token signed with another secret', async () => ({ authorization: `Bearer ${await tokenFor({}, 'another-secret-that-is-long-enough-42')}` }), 'token-signature'],
    ['an expired token', async () => ({
      authorization: `Bearer ${await signToken({ secret: SECRET, tenant: 't1', user: 'u', roles: ['admin'], scope: ['*'], ttlSeconds: 60, now: new Date('2020-01-01T00:00:00Z') })}`,
    }), 'token-expired'],
    ['a well-signed token without scope', () => Promise.resolve({ authorization: `Bearer ${rawJwt({ tenant: 't1', roles: ['admin'] })}` }), 'token-claims'],
    ['a well-signed token without exp (it would never expire)', () => Promise.resolve({
      authorization: `Bearer ${rawJwt({ tenant: 't1', roles: ['admin'], scope: ['*'], exp: undefined })}`,
    }), 'token-claims'],
    ['a well-signed token with an unknown role', () => Promise.resolve({
      authorization: `Bearer ${rawJwt({ tenant: 't1', roles: ['mayor'], scope: ['*'] })}`,
    }), 'token-claims'],
    ['a well-signed token of another issuer', () => Promise.resolve({
      authorization: `Bearer ${rawJwt({ tenant: 't1', roles: ['admin'], scope: ['*'], iss: 'someone' })}`,
    }), 'token-claims'],
    ['a token with alg none', () => Promise.resolve({
      authorization: `Bearer ${rawJwt({ tenant: 't1', roles: ['admin'], scope: ['*'] }).replace(/^[^.]+/, Buffer.from('{"alg":"none"}').toString('base64url'))}`,
    }), 'token-malformed'],
  ];
  for (const [what, headers, slug] of bad) {
    it(`401 problem for ${what}, on reads and writes`, async () => {
      const h = await headers();
      const read = await s.request('GET', `/v1/places/${p.id}`, { headers: h });
      assert.equal(problemOf(read, 401).type, `urn:firegrid:problem:${slug}`);
      assert.match(read.headers.get('www-authenticate') ?? '', /^Bearer/);
      const write = await s.request('PUT', `/v1/places/${p.id}`, { headers: { ...h, 'idempotency-key': newId() }, body: p });
      problemOf(write, 401);
    });
  }
});

describe('auth: roles, tenants and scope', () => {
  let s: TestServer;
  let admin: string;
  const inA = hazard({ gridId: GRID_A });
  const inB = hazard({ gridId: GRID_B });
  before(async () => {
    s = await startTestServer();
    admin = await s.token();
    await s.put(`/v1/hazards/${inA.id}`, inA, admin);
    await s.put(`/v1/hazards/${inB.id}`, inB, admin);
  });
  after(async () => {
    await s.close();
  });

  it('another tenant\'s id is 404, not 403, and writing the same id in another tenant touches nothing of the first', async () => {
    const other = await s.token({ tenant: 't2' });
    problemOf(await s.request('GET', `/v1/hazards/${inA.id}`, { token: other }), 404);
    const list = await s.request('GET', '/v1/hazards', { token: other });
    assert.deepEqual((list.json as { items: unknown[] }).items, []);
    const mine = await s.put(`/v1/hazards/${inA.id}`, { ...inA, title: '另一个租户的同 id 记录' }, other);
    assert.equal(mine.status, 201, 'a separate record in t2');
    assert.equal((mine.json as Rec).tenantId, 't2');
    const first = await s.request('GET', `/v1/hazards/${inA.id}`, { token: admin });
    assert.equal((first.json as Rec).title, inA.title);
    assert.equal((first.json as Rec).tenantId, 't1');
  });

  it('403 when the role may not read or write the kind', async () => {
    const cap = await s.token({ user: 'c', roles: ['captain'] });
    const w = worker();
    problemOf(await s.put(`/v1/workers/${w.id}`, w, cap), 403);
    problemOf(await s.request('GET', '/v1/workers', { token: cap }), 403);
    problemOf(await s.request('GET', '/v1/scores', { token: cap }), 403);
    const gw = await s.token({ user: 'g', roles: ['grid-worker'] });
    problemOf(await s.put(`/v1/workers/${w.id}`, w, gw), 403);
  });

  it('403 outside the scope for reads and writes; in scope is fine', async () => {
    const gw = await s.token({ user: 'g', roles: ['grid-worker'], scope: [COMMUNITY_A] });
    assert.equal((await s.request('GET', `/v1/hazards/${inA.id}`, { token: gw })).status, 200);
    problemOf(await s.request('GET', `/v1/hazards/${inB.id}`, { token: gw }), 403);
    const items = ((await s.request('GET', '/v1/hazards', { token: gw })).json as { items: Rec[] }).items;
    assert.deepEqual(items.map((h) => h.id), [inA.id]);
    // Write into another grid, or move an own record out of scope: refused.
    const fresh = hazard({ gridId: GRID_B });
    assert.deepEqual(pathsOf(problemOf(await s.put(`/v1/hazards/${fresh.id}`, fresh, gw), 403)), ['gridId']);
    problemOf(await s.put(`/v1/hazards/${inA.id}`, { ...inA, gridId: GRID_B }, gw), 403);
    problemOf(await s.put(`/v1/hazards/${inB.id}`, { ...inB, gridId: GRID_A }, gw), 403);
    const ok = hazard({ gridId: GRID_A2, reporter: { kind: 'grid-worker', personId: 'g', confidential: false } });
    assert.equal((await s.put(`/v1/hazards/${ok.id}`, ok, gw)).status, 201);
    // A record without any grid needs the whole tenant.
    const loose = hazard();
    delete (loose as Record<string, unknown>).gridId;
    problemOf(await s.put(`/v1/hazards/${loose.id}`, loose, gw), 403);
    assert.equal((await s.put(`/v1/hazards/${loose.id}`, loose, admin)).status, 201);
    problemOf(await s.request('GET', `/v1/hazards/${loose.id}`, { token: gw }), 403);
  });

  it('a record that takes its grid from its place moves with the place', async () => {
    const gw = await s.token({ user: 'g', roles: ['grid-worker'], scope: [COMMUNITY_A] });
    const pl = place({ gridId: GRID_A });
    await s.put(`/v1/places/${pl.id}`, pl, admin);
    const h = hazard({ placeId: pl.id, reporter: { kind: 'grid-worker', personId: 'g', confidential: false } });
    delete (h as Record<string, unknown>).gridId;
    assert.equal((await s.put(`/v1/hazards/${h.id}`, h, gw)).status, 201);
    const listed = async (): Promise<boolean> => ((await s.request('GET', `/v1/hazards?placeId=${pl.id}`, { token: gw })).json as { items: Rec[] })
      .items.some((x) => x.id === h.id);
    assert.equal(await listed(), true);
    assert.equal((await s.put(`/v1/places/${pl.id}`, { ...pl, gridId: GRID_B }, admin)).status, 200);
    assert.equal(await listed(), false, 'out of his lists once the place moved');
    problemOf(await s.request('GET', `/v1/hazards/${h.id}`, { token: gw }), 403);
    const inB = ((await s.request('GET', `/v1/hazards?gridId=${GRID_B}&limit=500`, { token: admin })).json as { items: Rec[] }).items;
    assert.ok(inB.some((x) => x.id === h.id), 'listed in the new grid');
  });

  it('a record written before its place takes the place\'s grid once the place is stored', async () => {
    const gw = await s.token({ user: 'g', roles: ['grid-worker'], scope: [COMMUNITY_A] });
    const pl = place({ gridId: GRID_A });
    const h = hazard({ placeId: pl.id });
    delete (h as Record<string, unknown>).gridId;
    assert.equal((await s.put(`/v1/hazards/${h.id}`, h, admin)).status, 201);
    problemOf(await s.request('GET', `/v1/hazards/${h.id}`, { token: gw }), 403);
    await s.put(`/v1/places/${pl.id}`, pl, admin);
    assert.equal((await s.request('GET', `/v1/hazards/${h.id}`, { token: gw })).status, 200);
    const listed = ((await s.request('GET', `/v1/hazards?gridId=${GRID_A}&limit=500`, { token: gw })).json as { items: Rec[] }).items;
    assert.ok(listed.some((x) => x.id === h.id), 'listed in his grid');
  });

  it('a worker record with several grids needs every one of them in scope to be written', async () => {
    const sup = await s.token({ user: 's', roles: ['grid-supervisor'], scope: [COMMUNITY_A] });
    const w = worker({ gridIds: [GRID_A, GRID_B] });
    assert.deepEqual(pathsOf(problemOf(await s.put(`/v1/workers/${w.id}`, w, sup), 403)), ['gridIds']);
    const ok = worker({ gridIds: [GRID_A, GRID_A2] });
    assert.equal((await s.put(`/v1/workers/${ok.id}`, ok, sup)).status, 201);
  });

  it('templates are read by every staff role whatever the scope; score configurations by overlapping scope', async () => {
    const gw = await s.token({ user: 'g', roles: ['grid-worker'], scope: [GRID_A] });
    assert.equal((await s.request('GET', '/v1/templates', { token: gw })).status, 200);
    const sup = await s.token({ user: 's', roles: ['grid-supervisor'], scope: [COMMUNITY_A] });
    const cfg = {
      id: newId(), name: '社区考评', period: { from: '2026-01-01', to: '2026-03-31' }, scope: COMMUNITY_A,
      metrics: [{ key: 'coverage', weight: 100, params: {} }], visitsPerMonth: {}, deductions: { perOverdue: 1, cap: 10 },
    };
    assert.equal((await s.put(`/v1/score-configs/${cfg.id}`, cfg, sup)).status, 201);
    assert.equal((await s.request('GET', `/v1/score-configs/${cfg.id}`, { token: gw })).status, 200, 'a grid inside the configuration\'s scope');
    const listedForGrid = ((await s.request('GET', '/v1/score-configs', { token: gw })).json as { items: Rec[] }).items;
    assert.deepEqual(listedForGrid.map((c) => c.id), [cfg.id]);
    const wide = { ...cfg, id: newId(), scope: '*' };
    problemOf(await s.put(`/v1/score-configs/${wide.id}`, wide, sup), 403);
    const outsider = await s.token({ user: 'o', roles: ['grid-worker'], scope: [GRID_B] });
    problemOf(await s.request('GET', `/v1/score-configs/${cfg.id}`, { token: outsider }), 403);
    assert.deepEqual(((await s.request('GET', '/v1/score-configs', { token: outsider })).json as { items: Rec[] }).items, []);
  });

  it('GET /v1/scores checks token, role, query and scope before it computes', async () => {
    problemOf(await s.request('GET', '/v1/scores?period=2026-03'), 401);
    const resident = await s.token({ user: 'r', roles: ['resident'], scope: ['*'] });
    problemOf(await s.request('GET', '/v1/scores?period=2026-03', { token: resident }), 403);
    const worker = await s.token({ user: 'w', roles: ['grid-worker'], scope: [GRID_A] });
    problemOf(await s.request('GET', `/v1/scores?period=2026-03&scope=${GRID_B}`, { token: worker }), 403);
    const noPeriod = problemOf(await s.request('GET', '/v1/scores', { token: admin, headers: { 'accept-language': 'en' } }), 400);
    assert.equal(noPeriod.errors?.[0]?.path, 'period', 'a missing period is named');
    problemOf(await s.request('GET', '/v1/scores?period=someday', { token: admin }), 400);
    const badRank = problemOf(await s.request('GET', '/v1/scores?period=2026-03&rankBy=planet', { token: admin }), 400);
    assert.equal(badRank.errors?.[0]?.path, 'rankBy', 'a bad rankBy is named');
    const sup = await s.token({ user: 'sup', roles: ['grid-supervisor'], scope: [GRID_A] });
    problemOf(await s.request('GET', `/v1/scores?period=2026-03&scope=${GRID_B}`, { token: sup }), 403);
    const ok = await s.request('GET', `/v1/scores?period=2026-03&scope=${GRID_A}`, { token: sup });
    assert.equal(ok.status, 200, ok.text);
    const report = ok.json as { scope: string; period: { from: string; to: string }; workers: unknown[] };
    assert.equal(report.scope, GRID_A);
    assert.deepEqual(report.period, { from: '2026-03-01', to: '2026-03-31' });
    assert.ok(Array.isArray(report.workers), 'workers is a list');
  });

  it('GET /v1/indicators checks token, role, query and scope the same way', async () => {
    problemOf(await s.request('GET', '/v1/indicators?period=2026-03'), 401);
    for (const role of ['resident', 'captain'] as const) {
      const refused = await s.token({ user: `x-${role}`, roles: [role], scope: ['*'] });
      problemOf(await s.request('GET', '/v1/indicators?period=2026-03', { token: refused }), 403);
    }
    const worker = await s.token({ user: 'w', roles: ['grid-worker'], scope: [GRID_A] });
    problemOf(await s.request('GET', `/v1/indicators?period=2026-03&scope=${GRID_B}`, { token: worker }), 403);
    const noPeriod = problemOf(await s.request('GET', '/v1/indicators', { token: admin, headers: { 'accept-language': 'en' } }), 400);
    assert.equal(noPeriod.errors?.[0]?.path, 'period', 'a missing period is named');
    const badLevel = problemOf(await s.request('GET', '/v1/indicators?period=2026-03&level=planet', { token: admin }), 400);
    assert.equal(badLevel.errors?.[0]?.path, 'level', 'a bad level is named');
    const sup = await s.token({ user: 'sup', roles: ['grid-supervisor'], scope: [GRID_A] });
    problemOf(await s.request('GET', `/v1/indicators?period=2026-03&scope=${GRID_B}`, { token: sup }), 403);
    const ok = await s.request('GET', `/v1/indicators?period=2026-03&scope=${GRID_A}`, { token: sup });
    assert.equal(ok.status, 200, ok.text);
  });
});

describe('auth: residents', () => {
  let s: TestServer;
  let admin: string;
  let resident: string;
  const residentRep = (personId = 'res-1'): Reporter => ({ kind: 'resident', personId, contact: '13900001111', confidential: true });
  before(async () => {
    s = await startTestServer({ residentLimits: { writes: 1000, reads: 1000 } });
    admin = await s.token();
    resident = await s.token({ user: 'res-1', roles: ['resident'] });
  });
  after(async () => {
    await s.close();
  });

  it('may create a public hazard naming himself, as draft or reported', async () => {
    const h = hazard({ source: 'public', reporter: residentRep(), status: 'draft' });
    assert.equal((await s.put(`/v1/hazards/${h.id}`, h, resident)).status, 201);
    // He sees his own report in full, confidential details included.
    const got = await s.request('GET', `/v1/hazards/${h.id}`, { token: resident });
    assert.equal((got.json as { reporter: Reporter }).reporter.contact, '13900001111');
    // He may submit his own draft, and nothing more.
    const submit = await s.request('POST', `/v1/hazards/${h.id}/transitions`, { token: resident, body: { action: 'submit' }, headers: { 'idempotency-key': newId() } });
    assert.equal(submit.status, 200, submit.text);
    const verify = await s.request('POST', `/v1/hazards/${h.id}/transitions`, { token: resident, body: { action: 'verify' }, headers: { 'idempotency-key': newId() } });
    assert.equal(problemOf(verify, 403).code, 'role');
    // Once reported, he may no longer edit it.
    problemOf(await s.put(`/v1/hazards/${h.id}`, { ...h, status: 'reported', title: '改' }, resident), 403);
  });

  it('may not create other sources, or name someone else as reporter', async () => {
    const worker = hazard({ source: 'worker', reporter: residentRep() });
    assert.deepEqual(pathsOf(problemOf(await s.put(`/v1/hazards/${worker.id}`, worker, resident), 403)), ['source']);
    const other = hazard({ source: 'public', reporter: residentRep('res-2') });
    assert.deepEqual(pathsOf(problemOf(await s.put(`/v1/hazards/${other.id}`, other, resident), 403)), ['reporter.personId']);
  });

  it('reads only his own hazards: another\'s is 404, lists hold only his, other kinds are 403', async () => {
    const mine = hazard({ source: 'public', reporter: residentRep() });
    const theirs = hazard({ source: 'public', reporter: residentRep('res-2') });
    assert.equal((await s.put(`/v1/hazards/${mine.id}`, mine, resident)).status, 201);
    assert.equal((await s.put(`/v1/hazards/${theirs.id}`, theirs, admin)).status, 201);
    problemOf(await s.request('GET', `/v1/hazards/${theirs.id}`, { token: resident }), 404);
    const staff = hazard();
    await s.put(`/v1/hazards/${staff.id}`, staff, admin);
    problemOf(await s.request('GET', `/v1/hazards/${staff.id}`, { token: resident }), 404);
    const items = ((await s.request('GET', '/v1/hazards?limit=500', { token: resident })).json as { items: { reporter: Reporter }[] }).items;
    assert.ok(items.length >= 2, 'both of his reports');
    assert.ok(items.every((h) => h.reporter.personId === 'res-1'), 'only his own reports');
    problemOf(await s.request('GET', '/v1/places', { token: resident }), 403);
    problemOf(await s.request('GET', '/v1/activities', { token: resident }), 403);
    const p = place();
    problemOf(await s.put(`/v1/places/${p.id}`, p, resident), 403);
  });

  it('is rate-limited: the 11th write within a minute gets 429 with Retry-After', async () => {
    const limited = await startTestServer();
    try {
      const token = await limited.token({ user: 'res-9', roles: ['resident'] });
      for (let i = 0; i < 10; i++) {
        const h = hazard({ source: 'public', reporter: residentRep('res-9') });
        assert.equal((await limited.put(`/v1/hazards/${h.id}`, h, token)).status, 201, `write ${i + 1}`);
      }
      const h = hazard({ source: 'public', reporter: residentRep('res-9') });
      const res = await limited.put(`/v1/hazards/${h.id}`, h, token);
      problemOf(res, 429);
      const wait = Number(res.headers.get('retry-after'));
      assert.ok(wait >= 1 && wait <= 60, `Retry-After ${String(wait)}`);
      // Reads have their own budget, and staff are not limited.
      assert.equal((await limited.request('GET', '/v1/hazards', { token })).status, 200);
      const staff = await limited.token({ user: 'w', roles: ['grid-worker'] });
      for (let i = 0; i < 12; i++) {
        const x = hazard({ reporter: { kind: 'grid-worker', personId: 'w', confidential: false } });
        assert.equal((await limited.put(`/v1/hazards/${x.id}`, x, staff)).status, 201);
      }
      // A minute later the resident may write again.
      limited.clock.advance(61_000);
      assert.equal((await limited.put(`/v1/hazards/${h.id}`, h, token)).status, 201);
    } finally {
      await limited.close();
    }
  });
});

describe('auth: confidential reporters', () => {
  let s: TestServer;
  let admin: string;
  const h = hazard({
    source: 'public', status: 'reported', gridId: GRID_A,
    reporter: { kind: 'resident', personId: 'res-1', contact: '13900002222', confidential: true },
  });
  const open = hazard({ gridId: GRID_A, reporter: { kind: 'grid-worker', personId: 'w-1', contact: '13800001111', confidential: false } });
  before(async () => {
    s = await startTestServer();
    admin = await s.token();
    await s.put(`/v1/hazards/${h.id}`, h, admin);
    await s.put(`/v1/hazards/${open.id}`, open, admin);
  });
  after(async () => {
    await s.close();
  });

  const reporterFor = async (roles: Role[], user = 'someone'): Promise<{ one: Reporter; listed: Reporter }> => {
    const token = await s.token({ user, roles, scope: [COMMUNITY_A] });
    const one = await s.request('GET', `/v1/hazards/${h.id}`, { token });
    assert.equal(one.status, 200, one.text);
    const list = await s.request('GET', `/v1/hazards?gridId=${GRID_A}&limit=500`, { token });
    const listed = (list.json as { items: (Rec & { reporter: Reporter })[] }).items.find((x) => x.id === h.id);
    assert.ok(listed !== undefined, 'the hazard is in the list');
    return { one: (one.json as { reporter: Reporter }).reporter, listed: listed.reporter };
  };

  for (const roles of [['grid-supervisor'], ['fire-officer'], ['admin']] as Role[][]) {
    it(`${roles.join(',')} sees the reporter's identity and contact`, async () => {
      const { one, listed } = await reporterFor(roles);
      for (const r of [one, listed]) {
        assert.equal(r.personId, 'res-1');
        assert.equal(r.contact, '13900002222');
      }
    });
  }

  for (const roles of [['grid-worker'], ['unit-manager'], ['captain'], ['grid-worker', 'captain']] as Role[][]) {
    it(`${roles.join(',')} gets them stripped, in GET and in lists`, async () => {
      const { one, listed } = await reporterFor(roles);
      for (const r of [one, listed]) {
        assert.deepEqual(r, { kind: 'resident', confidential: true });
      }
    });
  }

  it('a reporter who is not confidential is shown to every role', async () => {
    const token = await s.token({ user: 'g', roles: ['grid-worker'] });
    const got = await s.request('GET', `/v1/hazards/${open.id}`, { token });
    assert.equal((got.json as { reporter: Reporter }).reporter.contact, '13800001111');
  });

  it('a worker who saves the stripped record back does not erase the reporter', async () => {
    const token = await s.token({ user: 'g', roles: ['grid-worker'], scope: [COMMUNITY_A] });
    const got = (await s.request('GET', `/v1/hazards/${h.id}`, { token })).json as Rec;
    const saved = await s.put(`/v1/hazards/${h.id}`, { ...got, description: '网格员补充了现场情况' }, token);
    assert.equal(saved.status, 200, saved.text);
    assert.deepEqual((saved.json as { reporter: Reporter }).reporter, { kind: 'resident', confidential: true }, 'still stripped for him');
    const full = (await s.request('GET', `/v1/hazards/${h.id}`, { token: admin })).json as { reporter: Reporter; description: string };
    assert.equal(full.description, '网格员补充了现场情况');
    assert.equal(full.reporter.personId, 'res-1');
    assert.equal(full.reporter.contact, '13900002222');
  });

  it('a transition answer is stripped the same way', async () => {
    const token = await s.token({ user: 'g', roles: ['grid-worker'], scope: [COMMUNITY_A] });
    const res = await s.request('POST', `/v1/hazards/${h.id}/transitions`, {
      token, body: { action: 'flag-major', note: '疑似重大' }, headers: { 'idempotency-key': newId() },
    });
    assert.equal(res.status, 200, res.text);
    assert.deepEqual((res.json as { reporter: Reporter }).reporter, { kind: 'resident', confidential: true });
  });
});
