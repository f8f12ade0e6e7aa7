import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { applyQuery, newId, referenceOf, sortRecords } from '@firegrid/core';
import type { HazardCategory, Query, Sort } from '@firegrid/core';
import {
  COMMUNITY_A, GRID_A, GRID_A2, GRID_B, hazard, pathsOf, place, problemOf, startTestServer, upload,
} from './helpers.js';
import type { TestServer } from './helpers.js';

type Rec = Record<string, unknown> & { id: string; version: number; title: string; updatedAt: string };

const MINUTE = 60_000;
const DAY = 86_400_000;

/** `YYYY-MM-DD` in UTC+8, `days` from `ms`. */
const day = (ms: number, days: number): string => new Date(ms + days * DAY + 8 * 3_600_000).toISOString().slice(0, 10);

function params(query: Query): string {
  const p = new URLSearchParams();
  for (const [k, v] of Object.entries(query) as [string, unknown][]) {
    if (v === undefined) continue;
    if (Array.isArray(v)) for (const x of v as unknown[]) p.append(k, String(x));
    else p.append(k, typeof v === 'string' ? v : JSON.stringify(v));
  }
  return p.toString();
}

describe('lists: filters, sort and keyset paging in SQL', () => {
  let s: TestServer;
  let admin: string;
  const places = { a1: place({ gridId: GRID_A }), a2: place({ gridId: GRID_A2, kind: 'small-venue', name: '便民超市' }), b: place({ gridId: GRID_B, kind: 'hotel', name: '快捷宾馆' }) };
  let all: Rec[] = [];

  /** Every page of a list, following nextCursor; fails on a duplicate id. */
  async function listAll(query: Query, token = admin): Promise<Rec[]> {
    const out: Rec[] = [];
    let cursor: string | null = null;
    for (let guard = 0; guard < 100; guard++) {
      const res = await s.request('GET', `/v1/hazards?${params({ ...query, ...(cursor === null ? {} : { cursor }) })}`, { token });
      assert.equal(res.status, 200, res.text);
      const page = res.json as { items: Rec[]; nextCursor: string | null };
      assert.ok(page.items.length <= (query.limit ?? 50), 'a page holds at most limit items');
      out.push(...page.items);
      cursor = page.nextCursor;
      if (cursor === null) break;
    }
    assert.equal(new Set(out.map((r) => r.id)).size, out.length, `no id twice in ${JSON.stringify(query)}`);
    return out;
  }

  const placeOf = (id: string) => {
    const p = Object.values(places).find((x) => x.id === id);
    return p === undefined ? undefined : { gridId: p.gridId, kind: p.kind };
  };

  before(async () => {
    s = await startTestServer();
    admin = await s.token();
    const supervisor = await s.token({ user: 'sup', roles: ['grid-supervisor', 'fire-officer', 'unit-manager'] });
    // Whoever reports a rectification may not review it (separation of duties).
    const manager = await s.token({ user: 'mgr', roles: ['unit-manager'] });
    // The 安委办 lists what the fire officer asks for (报请).
    const government = await s.token({ user: 'gov', roles: ['government'] });
    for (const p of Object.values(places)) assert.equal((await s.put(`/v1/places/${p.id}`, p, admin)).status, 201);
    // The evidence is uploaded by who reports the rectification: a photo is cited only by who may read it.
    const photo = await upload(s, manager);
    const categories: HazardCategory[] = ['exit-blocked', 'electrical', 'ebike-indoor', 'fire-door'];
    const titles = ['楼道堆放杂物', '私拉电线', '电动车入户充电', 'Fire door held open', '安全出口上锁', '消火栓无水'];
    const move = async (id: string, body: Record<string, unknown>, token = supervisor): Promise<void> => {
      const res = await s.request('POST', `/v1/hazards/${id}/transitions`, { token, body, headers: { 'idempotency-key': newId() } });
      assert.equal(res.status, 200, res.text);
    };
    for (let i = 0; i < 130; i++) {
      s.clock.advance(MINUTE);
      const p = i % 3 === 0 ? places.a1 : i % 3 === 1 ? places.a2 : places.b;
      const h = hazard({
        title: `${titles[i % titles.length] ?? ''} #${String(i).padStart(3, '0')}`, category: categories[i % categories.length] ?? 'other',
        placeId: p.id, gridId: p.gridId, status: i % 6 === 0 ? 'draft' : 'reported',
      });
      // Some records have no grid of their own and take their place's.
      if (i % 5 === 0) delete (h as Record<string, unknown>).gridId;
      assert.equal((await s.put(`/v1/hazards/${h.id}`, h, admin)).status, 201);
      const stage = i % 6;
      if (stage >= 2) await move(h.id, stage === 3 ? { action: 'reject', reason: '不属实' } : { action: 'verify' });
      if (stage === 4 || stage === 5) {
        await move(h.id, {
          action: 'assign', responsible: { unit: '物业', person: '王五' }, measures: '清理', deadline: day(s.clock.ms, (i % 11) - 5),
        });
      }
      if (stage === 5 && i % 4 === 1) {
        await move(h.id, { action: 'start' });
        await move(h.id, { action: 'report-rectified', note: '已整改', evidence: [photo.id] }, manager);
        await move(h.id, { action: 'review-pass', note: '复查通过' });
      }
      if (i % 7 === 0 && stage !== 3 && !(stage === 5 && i % 4 === 1)) await move(h.id, { action: 'flag-major', note: '疑似重大' });
      if (i % 14 === 0 && stage === 4) {
        await move(h.id, { action: 'confirm-major', note: '集体讨论判定' });
        await move(h.id, { action: 'supervise', supervision: { level: 'county', deadline: day(s.clock.ms, 1), authority: '某县人民政府安委办' } });
        if (i % 28 === 0) await move(h.id, { action: 'supervise' }, government);
      }
    }
    s.clock.advance(MINUTE);
    all = await listAll({ limit: 500 });
  });
  after(async () => {
    await s.close();
  });

  it('pages through more records than a page holds with no duplicate and no gap (default: creation order)', async () => {
    assert.equal(all.length, 130);
    const paged = await listAll({ limit: 25 });
    assert.deepEqual(paged.map((r) => r.id), all.map((r) => r.id));
    assert.deepEqual(paged.map((r) => r.id), [...paged.map((r) => r.id)].sort(), 'creation order = UUIDv7 order');
    const first = await s.request('GET', '/v1/hazards', { token: admin });
    assert.equal((first.json as { items: unknown[] }).items.length, 50, 'limit defaults to 50');
  });

  for (const sort of ['urgency', 'deadline', 'updatedAt'] as const satisfies readonly Sort[]) {
    it(`sort=${sort} pages in the order @firegrid/core gives`, async () => {
      const paged = await listAll({ sort, limit: 17 });
      const expected = sortRecords(all, sort, s.clock.now());
      assert.deepEqual(paged.map((r) => r.id), expected.map((r) => r.id));
    });
  }

  it('sort=name pages by title (code-point order), then id', async () => {
    const paged = await listAll({ sort: 'name', limit: 17 });
    const expected = [...all].sort((a, b) => (a.title < b.title ? -1 : a.title > b.title ? 1 : a.id < b.id ? -1 : 1));
    assert.deepEqual(paged.map((r) => r.id), expected.map((r) => r.id));
  });

  it('urgency puts overdue supervised majors first and closed last', async () => {
    const paged = await listAll({ sort: 'urgency', limit: 500 });
    assert.ok(paged[0]?.supervision !== undefined, 'first: under supervision');
    const closedAt = paged.findIndex((r) => r.status === 'closed' || r.status === 'rejected');
    assert.ok(closedAt > 0 && paged.slice(closedAt).every((r) => r.status === 'closed' || r.status === 'rejected'), 'closed and rejected come last');
  });

  const queries: Query[] = [
    { status: 'reported' },
    { status: ['assigned', 'verified'] },
    { category: 'electrical' },
    { severity: ['major-candidate', 'major'] },
    { gridId: GRID_A },
    { scope: COMMUNITY_A },
    { scope: [GRID_B, GRID_A2] },
    { scope: '*' },
    { placeId: places.a1.id },
    { kind: 'small-venue' },
    { kind: ['hotel', 'residential'] },
    { overdue: true },
    { supervision: 'listed' },
    { supervision: ['requested', 'lifted'] },
    { overdue: false },
    { q: '电动车' },
    { q: 'FIRE door' },
    { q: '#012' },
    { status: 'assigned', overdue: true, sort: 'deadline' },
    { scope: COMMUNITY_A, category: ['exit-blocked', 'fire-door'], sort: 'urgency' },
  ];
  for (const query of queries) {
    it(`filters like @firegrid/core's applyQuery: ${JSON.stringify(query)}`, async () => {
      const got = await listAll({ ...query, limit: 9 });
      const expected = applyQuery(all, { ...query, limit: 500 }, { now: s.clock.now(), placeOf });
      assert.ok(expected.items.length > 0, 'the data set exercises this filter');
      assert.deepEqual(got.map((r) => r.id), expected.items.map((r) => r.id));
    });
  }

  it('the first page counts every match (total, for 共 N 条), later pages do not; as applyQuery does', async () => {
    for (const query of [{ limit: 3 }, { status: 'reported', limit: 2 }, { scope: COMMUNITY_A, sort: 'urgency', limit: 4 }] satisfies Query[]) {
      const first = await s.request('GET', `/v1/hazards?${params(query)}`, { token: admin });
      const page = first.json as { items: Rec[]; nextCursor: string | null; total?: number };
      const expected = applyQuery(all, { ...query, limit: 500 }, { now: s.clock.now(), placeOf });
      assert.equal(page.total, expected.items.length, `total of ${JSON.stringify(query)}`);
      assert.equal(applyQuery(all, query, { now: s.clock.now(), placeOf }).total, expected.items.length, `applyQuery total of ${JSON.stringify(query)}`);
      assert.ok(page.nextCursor !== null && page.total > page.items.length, 'the data set has more than one page');
      const second = await s.request('GET', `/v1/hazards?${params({ ...query, cursor: page.nextCursor })}`, { token: admin });
      assert.equal((second.json as { total?: number }).total, undefined, 'a later page has no total');
    }
    const none = (await s.request('GET', '/v1/hazards?q=%E6%B2%A1%E6%9C%89%E8%BF%99%E4%B8%AA%E8%AF%8D', { token: admin })).json as { total?: number };
    assert.equal(none.total, 0);
  });

  it('q finds a hazard by its reference number (XXXX-XXXX, as typed: lowercase, no dash, O for 0), as applyQuery does', async () => {
    const wanted = all[3];
    assert.ok(wanted !== undefined);
    const ref = referenceOf(wanted.id);
    for (const q of [ref, ref.replace('-', '').toLowerCase(), ` ${ref.replace(/0/g, 'O')} `]) {
      const got = await listAll({ q, limit: 9 });
      assert.deepEqual(got.map((r) => r.id), [wanted.id], `q=${q}`);
      assert.deepEqual(applyQuery(all, { q, limit: 500 }, { now: s.clock.now(), placeOf }).items.map((r) => r.id), [wanted.id], `applyQuery q=${q}`);
    }
    // A reference no record has finds nothing; the filters still apply beside it.
    const other = referenceOf(newId());
    assert.deepEqual(await listAll({ q: other }), [], `q=${other}`);
    assert.deepEqual(await listAll({ q: ref, status: 'closed' === wanted.status ? 'reported' : 'closed' }), [], 'q and a status it does not have');
  });

  it('updatedSince keeps records changed at or after that instant', async () => {
    const mid = [...all].sort((a, b) => a.updatedAt.localeCompare(b.updatedAt))[65];
    assert.ok(mid !== undefined, 'a middle record');
    const got = await listAll({ updatedSince: mid.updatedAt, limit: 40 });
    const expected = all.filter((r) => r.updatedAt >= mid.updatedAt);
    assert.deepEqual(new Set(got.map((r) => r.id)), new Set(expected.map((r) => r.id)));
  });

  it('takes several values comma-separated as well as repeated', async () => {
    const comma = await s.request('GET', '/v1/hazards?status=assigned,verified&limit=500', { token: admin });
    const repeated = await s.request('GET', '/v1/hazards?status=assigned&status=verified&limit=500', { token: admin });
    assert.equal(comma.status, 200);
    assert.deepEqual(comma.json, repeated.json);
  });

  it('neither duplicates nor skips records that were there when paging began, while others are written', async () => {
    const seen: Rec[] = [];
    let cursor: string | null = null;
    let round = 0;
    do {
      const res = await s.request('GET', `/v1/hazards?sort=name&limit=20${cursor === null ? '' : `&cursor=${cursor}`}`, { token: admin });
      const page = res.json as { items: Rec[]; nextCursor: string | null };
      seen.push(...page.items);
      cursor = page.nextCursor;
      // New records that sort before and after the position reached so far.
      for (const title of ['A 开头的新隐患', '龘 结尾的新隐患']) {
        const h = hazard({ title: `${title} ${String(round)}` });
        await s.put(`/v1/hazards/${h.id}`, h, admin);
      }
      round++;
    } while (cursor !== null && round < 50);
    const ids = seen.map((r) => r.id);
    assert.equal(new Set(ids).size, ids.length, 'no duplicates');
    for (const r of all) assert.ok(ids.includes(r.id), `${r.title} was listed`);
  });

  it('a worker sees only his scope, and a record without a grid of its own through its place', async () => {
    const worker = await s.token({ user: 'w', roles: ['grid-worker'], scope: [COMMUNITY_A] });
    const got = await listAll({ limit: 500 }, worker);
    const expected = applyQuery(all, { scope: COMMUNITY_A, limit: 500 }, { now: s.clock.now(), placeOf });
    assert.deepEqual(got.filter((r) => all.some((a) => a.id === r.id)).map((r) => r.id), expected.items.map((r) => r.id));
    assert.ok(got.some((r) => r.gridId === undefined), 'includes records whose grid comes from their place');
    // A filter cannot widen the token's scope.
    const wider = await listAll({ scope: '*', limit: 500 }, worker);
    assert.ok(wider.every((r) => typeof r.gridId !== 'string' || r.gridId.startsWith(COMMUNITY_A)), 'only records in his community');
  });

  it('sort=urgency and overdue pin their clock in the cursor: a hazard crossing a threshold between pages is not skipped', async () => {
    const started = s.clock.ms;
    try {
      for (const query of [{ sort: 'urgency', limit: 10 }, { overdue: false, sort: 'deadline', limit: 10 }] satisfies Query[]) {
        s.clock.ms = started;
        const expected = await listAll({ ...query, limit: 500 });
        const out: Rec[] = [];
        let cursor: string | null = null;
        do {
          const res = await s.request('GET', `/v1/hazards?${params({ ...query, ...(cursor === null ? {} : { cursor }) })}`, { token: admin });
          assert.equal(res.status, 200, res.text);
          const page = res.json as { items: Rec[]; nextCursor: string | null };
          out.push(...page.items);
          cursor = page.nextCursor;
          // Days pass between two pages: deadlines come due and pass, so urgency keys move.
          s.clock.advance(2 * DAY);
        } while (cursor !== null);
        assert.deepEqual(out.map((r) => r.id), expected.map((r) => r.id), JSON.stringify(query));
      }
      // The SDK's in-memory paging (memory and local ports) pins it the same way.
      s.clock.ms = started;
      const whole = applyQuery(all, { sort: 'urgency', limit: 500 }, { now: s.clock.now(), placeOf });
      const paged: Rec[] = [];
      let cursor: string | undefined;
      let at = started;
      do {
        const page = applyQuery(all, { sort: 'urgency', limit: 10, ...(cursor === undefined ? {} : { cursor }) }, { now: new Date(at), placeOf });
        paged.push(...page.items);
        cursor = page.nextCursor ?? undefined;
        at += 2 * DAY;
      } while (cursor !== undefined);
      assert.deepEqual(paged.map((r) => r.id), whole.items.map((r) => r.id));
    } finally {
      s.clock.ms = started;
    }
  });

  it('refuses bad queries with 400 naming the parameter', async () => {
    const cases: [string, string][] = [
      ['limit=501', 'limit'], ['limit=0', 'limit'], ['limit=ten', 'limit'], ['colour=red', 'colour'], ['status=lost', 'status'],
      ['overdue=maybe', 'overdue'], ['sort=random', 'sort'], ['updatedSince=yesterday', 'updatedSince'], ['cursor=not-a-cursor', 'cursor'],
    ];
    for (const [qs, path] of cases) {
      const p = problemOf(await s.request('GET', `/v1/hazards?${qs}`, { token: admin }), 400);
      assert.ok(pathsOf(p).some((x) => x.startsWith(path)), `${qs}: ${pathsOf(p).join(', ')}`);
    }
  });

  it('refuses a cursor used with other filters', async () => {
    const res = await s.request('GET', '/v1/hazards?status=reported&limit=2', { token: admin });
    const cursor = (res.json as { nextCursor: string }).nextCursor;
    assert.equal((await s.request('GET', `/v1/hazards?status=reported&limit=2&cursor=${cursor}`, { token: admin })).status, 200);
    assert.deepEqual(pathsOf(problemOf(await s.request('GET', `/v1/hazards?status=verified&limit=2&cursor=${cursor}`, { token: admin }), 400)), ['cursor']);
  });

  it('filters other kinds too: places by kind and scope, activities by gridId and updatedSince', async () => {
    const venues = await s.request('GET', '/v1/places?kind=small-venue', { token: admin });
    assert.deepEqual((venues.json as { items: Rec[] }).items.map((r) => r.id), [places.a2.id]);
    const inA = await s.request('GET', `/v1/places?scope=${COMMUNITY_A}&sort=name`, { token: admin });
    assert.deepEqual(new Set((inA.json as { items: Rec[] }).items.map((r) => r.id)), new Set([places.a1.id, places.a2.id]));
    const acts = await s.request('GET', `/v1/activities?gridId=${GRID_B}&limit=500`, { token: admin });
    const items = (acts.json as { items: { gridId: string }[] }).items;
    assert.ok(items.length > 0 && items.every((a) => a.gridId === GRID_B), 'activities of that grid only');
  });
});
