// Issue 14 §2, as a property: whatever role reads through whatever endpoint (and exports what it
// read), a viewer who may not see a confidential reporter never gets his identity — his user id,
// his contact, or the name and phone of his worker record — nor an activity that ties him to the
// hazard. Run once with the history stripping disabled in core's redactReporter, it fails
// (the reporter's own `submit` entry names him); see the issue 14 report.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import fc from 'fast-check';
import { CONFIDENTIAL_READERS, ROLES, newId, twoListTable } from '@firegrid/core';
import type { Hazard, Role } from '@firegrid/core';
import { COMMUNITY_A, GRID_A, hazard, startTestServer, worker } from './helpers.js';
import type { Response, TestServer } from './helpers.js';

type Rec = Record<string, unknown> & { id: string; version: number };

/** The two confidential reporters: a grid worker with a worker record, and a resident. */
const STAFF = { user: 'u-secret-staff', name: '秘密张三', phone: '13911112222', contact: '13911112222' };
const RESIDENT = { user: 'u-secret-resident', contact: '13733334444' };
const IDENTITY = [STAFF.user, STAFF.name, STAFF.phone, RESIDENT.user, RESIDENT.contact];
const FINDER_TYPES = new Set(['hazard.reported', 'hazard.verified', 'hazard.rejected', 'hazard.assigned', 'hazard.closed']);

const ENDPOINTS = ['get', 'list', 'list-filtered', 'put-409', 'transition-409', 'activities', 'activity', 'scores', 'export'] as const;
type Endpoint = (typeof ENDPOINTS)[number];

describe('confidential reporter: no read path leaks him (property)', () => {
  let s: TestServer;
  let admin: string;
  const secret: Rec[] = [];
  let activityIds: string[] = [];

  const move = async (id: string, body: Record<string, unknown>, token: string): Promise<void> => {
    const res = await s.request('POST', `/v1/hazards/${id}/transitions`, { token, body, headers: { 'idempotency-key': newId() } });
    assert.equal(res.status, 200, res.text);
  };

  before(async () => {
    s = await startTestServer();
    admin = await s.token();
    const w = worker({ userId: STAFF.user, name: STAFF.name, phone: STAFF.phone, gridIds: [GRID_A] });
    assert.equal((await s.put(`/v1/workers/${w.id}`, w, admin)).status, 201);
    const staff = await s.token({ user: STAFF.user, roles: ['grid-worker'], scope: [COMMUNITY_A] });
    const resident = await s.token({ user: RESIDENT.user, roles: ['resident'] });
    const officer = await s.token({ user: 'fo-1', roles: ['grid-supervisor', 'fire-officer'], scope: ['*'] });
    // Each reporter files and submits his own report, so his user id is in its history.
    const a = hazard({ status: 'draft', title: '保密甲', reporter: { kind: 'grid-worker', personId: STAFF.user, contact: STAFF.contact, confidential: true } });
    const b = hazard({ status: 'draft', title: '保密乙', source: 'public', reporter: { kind: 'resident', personId: RESIDENT.user, contact: RESIDENT.contact, confidential: true } });
    assert.equal((await s.put(`/v1/hazards/${a.id}`, a, staff)).status, 201);
    assert.equal((await s.put(`/v1/hazards/${b.id}`, b, resident)).status, 201);
    await move(a.id, { action: 'submit' }, staff);
    await move(b.id, { action: 'submit' }, resident);
    for (const h of [a, b]) {
      await move(h.id, { action: 'verify' }, officer);
      await move(h.id, { action: 'assign', deadline: '2026-03-20', measures: '清理', responsible: { unit: '物业', person: '王五' } }, officer);
      await move(h.id, { action: 'start' }, officer);
    }
    for (const h of [a, b]) secret.push((await s.request('GET', `/v1/hazards/${h.id}`, { token: admin })).json as Rec);
    activityIds = ((await s.request('GET', '/v1/activities?limit=500', { token: admin })).json as { items: Rec[] }).items.map((x) => x.id);
    assert.ok(activityIds.length >= 3, 'the staff find made its activities (reported, verified, assigned)');
  });
  after(async () => {
    await s.close();
  });

  async function read(endpoint: Endpoint, token: string, target: Rec, pick: number, viewer: { id: string; roles: Role[] }): Promise<unknown> {
    const json = (r: Response): unknown => r.json ?? r.text;
    switch (endpoint) {
      case 'get': return json(await s.request('GET', `/v1/hazards/${target.id}`, { token }));
      case 'list': return json(await s.request('GET', '/v1/hazards?limit=500', { token }));
      case 'list-filtered': return json(await s.request('GET', `/v1/hazards?limit=1&sort=urgency&status=rectifying&q=${encodeURIComponent('保密')}`, { token }));
      case 'put-409': return json(await s.put(`/v1/hazards/${target.id}`, { ...target, history: undefined, version: undefined, title: '过期编辑' }, token, { 'if-match': '"1"' }));
      case 'transition-409': {
        return json(await s.request('POST', `/v1/hazards/${target.id}/transitions`, {
          token, body: { action: 'report-rectified', note: 'x', evidence: [] }, headers: { 'idempotency-key': newId(), 'if-match': '"1"' },
        }));
      }
      case 'activities': return json(await s.request('GET', '/v1/activities?limit=500', { token }));
      case 'activity': return json(await s.request('GET', `/v1/activities/${activityIds[pick % activityIds.length] ?? ''}`, { token }));
      case 'scores': return json(await s.request('GET', `/v1/scores?period=2026-03&scope=${COMMUNITY_A}`, { token }));
      case 'export': {
        // What an element exports is what the port read, through core's two-list rules.
        const page = (await s.request('GET', '/v1/hazards?limit=500', { token })).json as { items?: Hazard[] } | undefined;
        const items = page?.items ?? [];
        return ['problems', 'responsibility'].map((list) => twoListTable(list as 'problems', items, { now: s.clock.now(), viewer }));
      }
    }
  }

  it('finds no identity for any role that may not see him, through any endpoint', async () => {
    const started = Date.now();
    await fc.assert(fc.asyncProperty(
      fc.constantFrom(...ROLES), fc.constantFrom(...ENDPOINTS), fc.nat({ max: 1 }), fc.nat({ max: 50 }),
      fc.constantFrom<readonly string[]>([COMMUNITY_A], ['*'], [GRID_A]),
      async (role, endpoint, which, pick, scope) => {
        const viewer = { id: `viewer-${role}`, roles: [role] as Role[] };
        if (CONFIDENTIAL_READERS.includes(role)) return;
        const token = await s.token({ user: viewer.id, roles: viewer.roles, scope: [...scope] });
        const target = secret[which]!;
        const body = await read(endpoint, token, target, pick, viewer);
        const text = JSON.stringify(body);
        if (endpoint === 'scores') {
          // Names in a score report are the workers scored; what must not appear is the find.
          for (const h of secret) assert.ok(!text.includes(h.id), `${role} ${endpoint}: the report names the confidential hazard ${h.id}`);
          return;
        }
        if (endpoint === 'activities' || endpoint === 'activity') {
          const items = (endpoint === 'activity' ? [body] : ((body as { items?: Rec[] }).items ?? [])) as Rec[];
          const tied = items.filter((a) => FINDER_TYPES.has(String(a.type)) && secret.some((h) => h.id === a.hazardId));
          assert.deepEqual(tied, [], `${role} ${endpoint}: an activity ties a confidential finder to his hazard`);
          return;
        }
        for (const id of IDENTITY) assert.ok(!text.includes(id), `${role} via ${endpoint} got "${id}": ${text.slice(0, 400)}`);
      },
    ), { numRuns: 200 });
    assert.ok(Date.now() - started < 30_000, 'under 30 s');
  });

  it('shows him to the roles that may see him (the property above is not vacuous)', async () => {
    const sup = await s.token({ user: 'sup-x', roles: ['grid-supervisor'], scope: [COMMUNITY_A] });
    const got = JSON.stringify((await s.request('GET', `/v1/hazards/${secret[0]!.id}`, { token: sup })).json);
    assert.ok(got.includes(STAFF.user) && got.includes(STAFF.contact));
    const gw = await s.token({ user: 'gw-x', roles: ['grid-worker'], scope: [COMMUNITY_A] });
    const hidden = (await s.request('GET', `/v1/hazards/${secret[0]!.id}`, { token: gw })).json as Rec;
    assert.equal((hidden.history as { by: string }[])[0]?.by, '网格员（保密）');
  });
});
