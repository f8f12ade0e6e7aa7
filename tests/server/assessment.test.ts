// An assessor's entry over HTTP (issue 20 item 1): `assessment.entered` is recorded through
// `PUT /v1/activities` by a grid supervisor or an admin, as himself (`by` from the token); a
// stored scheme's `GET /v1/scores?config=` gives the line its points from SQL, and one worker's
// answer cites the entry (who, why).
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { newId } from '@firegrid/core';
import { ScoreReport } from '@firegrid/core/scoring';
import { COMMUNITY_A, GRID_A, pathsOf, problemOf, scoreConfig, startTestServer, worker } from './helpers.js';
import type { TestServer } from './helpers.js';

describe('assessor entries (assessment.entered)', () => {
  let s: TestServer;
  let admin: string;
  let sup: string;
  const w = worker();
  const cfg = scoreConfig({
    name: '镇网格考评', period: { from: '2026-03-01', to: '2026-03-31' },
    metrics: [{ key: 'outreach', weight: 40, params: {} }],
    items: [
      { kind: 'assessor', key: 'records', label: { 'zh-CN': '档案资料', en: 'Records' }, points: 60 },
      { kind: 'deduction', key: 'spot', label: { 'zh-CN': '抽查扣分' }, activity: 'assessment.entered', cap: 5 },
    ],
  });
  const entry = (over: Record<string, unknown> = {}): Record<string, unknown> => ({
    id: newId(), type: 'assessment.entered', at: '2026-03-10T10:00:00+08:00', workerId: w.id, gridId: GRID_A,
    item: 'records', points: 42.5, reason: '台账齐全，缺一次例会记录', by: 'sup-1', ...over,
  });

  before(async () => {
    s = await startTestServer();
    s.clock.ms = Date.parse('2026-04-02T01:00:00Z');
    admin = await s.token();
    sup = await s.token({ user: 'sup-1', roles: ['grid-supervisor'], scope: [COMMUNITY_A] });
    assert.equal((await s.put(`/v1/workers/${w.id}`, w, admin)).status, 201);
    const put = await s.put(`/v1/score-configs/${cfg.id}`, cfg, admin);
    assert.equal(put.status, 201, put.text);
  });
  after(async () => {
    await s.close();
  });

  it('is recorded by a grid supervisor as himself, and refused with another enterer, for a grid worker, or with a third decimal', async () => {
    const ok = entry();
    const res = await s.put(`/v1/activities/${String(ok.id)}`, ok, sup);
    assert.equal(res.status, 201, res.text);
    const spot = entry({ item: 'spot', points: 2, reason: '抽查一户未入户' });
    assert.equal((await s.put(`/v1/activities/${String(spot.id)}`, spot, sup)).status, 201);

    const other = entry({ by: 'sup-2' });
    const p = problemOf(await s.put(`/v1/activities/${String(other.id)}`, other, sup), 403);
    assert.deepEqual(pathsOf(p), ['by']);

    const gw = await s.token({ user: 'worker-1', roles: ['grid-worker'], scope: [GRID_A] });
    const mine = entry({ by: 'worker-1' });
    problemOf(await s.put(`/v1/activities/${String(mine.id)}`, mine, gw), 403);

    const odd = entry({ points: 1.234 });
    assert.ok(pathsOf(problemOf(await s.put(`/v1/activities/${String(odd.id)}`, odd, sup), 400)).includes('points'));
  });

  it('gives the scheme\'s lines their points from SQL, and one worker\'s answer cites who entered what and why', async () => {
    const res = await s.request('GET', `/v1/scores?config=${cfg.id}`, { token: admin });
    assert.equal(res.status, 200, res.text);
    const report = ScoreReport.parse(res.json);
    const mine = report.workers.find((x) => x.workerId === w.id);
    assert.ok(mine?.items);
    assert.deepEqual(mine.items.map((i) => [i.key, i.points]), [['records', 42.5], ['spot', -2]]);
    assert.equal(mine.total, 0 + 42.5 - 2, 'no training held: outreach 0');
    assert.equal(mine.items[0]?.explanation['zh-CN'], '档案资料：考核录入 1 条，合计 42.5 分（满分 60 分）：42.5 分');

    const one = ScoreReport.parse((await s.request('GET', `/v1/scores?config=${cfg.id}&worker=${w.id}`, { token: admin })).json);
    const records = one.workers[0]?.items?.[0];
    assert.ok(records);
    assert.deepEqual(records.entries.map((e) => [e.by, e.reason, e.points]), [['sup-1', '台账齐全，缺一次例会记录', 42.5]]);
    assert.equal(records.activityIds.length, 1);
  });
});
