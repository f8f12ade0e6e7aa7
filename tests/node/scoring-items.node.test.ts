// Local schemes as data (issue 20 item 1): assessor-entered lines cited by who entered them and
// why, several deduction rules each on its own activity type with its own value and cap, bonuses
// with their own cap, threshold lines, and a sum rule that applies to what the sheet says — in
// computeScores, with fast-check properties (numRuns ≤ 200). toSql's equality for the same lines
// is in scoring-sql.node.test.ts.
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { FiregridError, ScoreConfig } from '@firegrid/core';
import {
  computeScores, dongshengSchemeExample, exampleScoreConfig, generateScoringData, parsePeriod, resolveScoreConfig,
} from '@firegrid/core/scoring';
import type { ScoringActivity, ScoringConfig, ScoringWorker } from '@firegrid/core/scoring';

const PERIOD = { from: '2025-03-01', to: '2025-03-31' };
const NOW = new Date('2025-04-02T09:00:00+08:00');
const G1 = '140105001001001';
const G2 = '140105001001002';
const WORKERS: ScoringWorker[] = [
  { id: 'w1', name: '王伟', gridIds: [G1], active: true },
  { id: 'w2', name: '李娜', gridIds: [G2], active: true },
];

/** A town sheet: 40 points of metrics, 60 entered by assessors, three deductions and a bonus. */
const SHEET: ScoringConfig = {
  name: '镇网格考评（示例）',
  period: PERIOD,
  scope: '140105',
  metrics: [{ key: 'outreach', weight: 40, params: { targetPerMonth: 1 } }],
  visitsPerMonth: {},
  deductions: { perOverdue: 0, cap: 0 },
  items: [
    { kind: 'assessor', key: 'office', label: { 'zh-CN': '阵地建设', en: 'Office' }, points: 20 },
    { kind: 'assessor', key: 'records', label: { 'zh-CN': '档案资料', en: 'Records' }, points: 30, start: 'full' },
    { kind: 'threshold', key: 'inspections', label: { 'zh-CN': '巡查任务', en: 'Inspection task' }, points: 10, activity: 'inspection.submitted', atLeastPerMonth: 2 },
    { kind: 'deduction', key: 'rejected', label: { 'zh-CN': '虚报隐患', en: 'False reports' }, activity: 'hazard.rejected', per: 1, cap: 3 },
    { kind: 'deduction', key: 'publicity', label: { 'zh-CN': '宣传不实', en: 'Publicity' }, activity: 'publicity.held', per: 0.5, cap: 1.25 },
    { kind: 'deduction', key: 'spot', label: { 'zh-CN': '抽查扣分', en: 'Spot checks' }, activity: 'assessment.entered', cap: 5 },
    { kind: 'bonus', key: 'praise', label: { 'zh-CN': '表扬加分', en: 'Commendations' }, activity: 'assessment.entered', cap: 3 },
  ],
};

let seq = 0;
const id = (): string => `00000000-0000-7000-8000-${String(++seq).padStart(12, '0')}`;
const act = (type: ScoringActivity['type'], worker: string, at: string, extra: Partial<ScoringActivity> = {}): ScoringActivity => ({
  id: id(), type, at, workerId: worker, gridId: worker === 'w1' ? G1 : G2, ...extra,
});
const entry = (worker: string, item: string, points: number, reason: string, at = '2025-03-10T10:00:00+08:00', by = 'sup1'): ScoringActivity =>
  act('assessment.entered', worker, at, { item, points, reason, by });

function score(activities: ScoringActivity[], config: ScoringConfig = SHEET) {
  return computeScores(activities, config, { workers: WORKERS, places: [], now: NOW, rankBy: 'scope' });
}
const itemOf = (r: ReturnType<typeof score>, worker: string, key: string) => {
  const it = r.workers.find((w) => w.workerId === worker)?.items?.find((i) => i.key === key);
  assert.ok(it, `${worker} has line ${key}`);
  return it;
};

describe('scheme lines in computeScores', () => {
  it('sums an assessor line\'s entries within its points and cites who entered each and why', () => {
    const a = entry('w1', 'office', 12.5, '阵地牌子上墙', '2025-03-12T09:00:00+08:00', 'sup1');
    const b = entry('w1', 'office', 4, '网格图张贴', '2025-03-05T09:00:00+08:00', 'sup2');
    const other = entry('w2', 'office', 30, '全部到位');
    const outside = entry('w1', 'office', 3, '上月补录', '2025-02-27T09:00:00+08:00');
    const r = score([a, b, other, outside]);
    const office = itemOf(r, 'w1', 'office');
    assert.equal(office.value, 16.5);
    assert.equal(office.points, 16.5);
    assert.deepEqual(office.activityIds, [a.id, b.id].sort());
    assert.deepEqual(office.entries.map((e) => [e.by, e.reason, e.points]), [['sup2', '网格图张贴', 4], ['sup1', '阵地牌子上墙', 12.5]]);
    assert.equal(office.explanation['zh-CN'], '阵地建设：考核录入 2 条，合计 16.5 分（满分 20 分）：16.5 分');
    assert.equal(office.explanation.en, 'Office: 2 assessor entries, 16.5 points in all (out of 20): 16.5 points');
    assert.equal(itemOf(r, 'w2', 'office').points, 20, 'kept at the line\'s points');
  });

  it('starts a full line from its points, entries taking off, never below zero', () => {
    const r = score([entry('w1', 'records', -4.25, '缺两月台账'), entry('w2', 'records', -40, '档案缺失')]);
    assert.equal(itemOf(r, 'w1', 'records').points, 25.75);
    assert.equal(itemOf(r, 'w2', 'records').points, 0);
    assert.match(itemOf(r, 'w1', 'records').explanation['zh-CN'], /^档案资料：满分 30 分起，考核录入 1 条，合计 -4.25 分/);
    const none = score([]);
    assert.equal(itemOf(none, 'w1', 'records').points, 30);
    assert.equal(itemOf(none, 'w1', 'records').explanation['zh-CN'], '档案资料：未录入考核分，按满分计：30 分');
  });

  it('applies several deduction rules, each on its own activity type with its own value and cap', () => {
    const acts = [
      ...Array.from({ length: 5 }, () => act('hazard.rejected', 'w1', '2025-03-03T10:00:00+08:00', { hazardId: id() })),
      act('publicity.held', 'w1', '2025-03-04T10:00:00+08:00'),
      act('publicity.held', 'w1', '2025-03-05T10:00:00+08:00'),
      act('publicity.held', 'w1', '2025-03-06T10:00:00+08:00'),
      entry('w1', 'spot', 2, '抽查一户未入户'),
      entry('w1', 'spot', 1.5, '台账字迹不清'),
      act('hazard.rejected', 'w2', '2025-03-03T10:00:00+08:00', { hazardId: id() }),
    ];
    const r = score(acts);
    assert.equal(itemOf(r, 'w1', 'rejected').points, -3, '5 × 1, capped at 3');
    assert.equal(itemOf(r, 'w1', 'publicity').points, -1.25, '3 × 0.5, capped at 1.25');
    assert.equal(itemOf(r, 'w1', 'spot').points, -3.5, 'the entered points');
    assert.equal(itemOf(r, 'w2', 'rejected').points, -1);
    assert.equal(itemOf(r, 'w1', 'rejected').explanation['zh-CN'], '虚报隐患：5 项，每项扣 1 分，最多扣 3 分：扣 3 分');
    assert.equal(itemOf(r, 'w1', 'rejected').explanation.en, 'False reports: 5 items, −1 each, at most −3: −3');
    assert.equal(itemOf(r, 'w1', 'spot').explanation['zh-CN'], '抽查扣分：考核录入 2 条，合计扣 3.5 分，最多扣 5 分：扣 3.5 分');
    assert.equal(itemOf(r, 'w2', 'spot').explanation['zh-CN'], '抽查扣分：无扣分事项：0 分');
    assert.ok(!Object.is(itemOf(r, 'w2', 'spot').points, -0), 'no deduction is 0, not -0');
    // w1: outreach 3 of 1 → 40; office 0; records 30; threshold 0 (no inspections); −3 −1.25 −3.5.
    const w1 = r.workers.find((w) => w.workerId === 'w1');
    assert.equal(w1?.total, 40 + 30 - 3 - 1.25 - 3.5);
  });

  it('adds a bonus within its cap, and keeps the total within the sheet unless the config lets bonuses pass it', () => {
    const full = [
      entry('w1', 'office', 20, '到位'), entry('w1', 'praise', 2, '市级表扬'), entry('w1', 'praise', 2, '县级表扬'),
      act('training.held', 'w1', '2025-03-04T10:00:00+08:00'),
      act('inspection.submitted', 'w1', '2025-03-04T10:00:00+08:00', { placeId: id() }),
      act('inspection.submitted', 'w1', '2025-03-05T10:00:00+08:00', { placeId: id() }),
    ];
    const r = score(full);
    assert.equal(itemOf(r, 'w1', 'praise').points, 3);
    assert.equal(itemOf(r, 'w1', 'inspections').points, 10);
    assert.equal(itemOf(r, 'w1', 'inspections').explanation['zh-CN'], '巡查任务：完成 2 次，须达 2 次，达标：10 分');
    assert.equal(r.workers.find((w) => w.workerId === 'w1')?.total, 100, '103 kept at the sheet\'s 100');
    const above = score(full, { ...SHEET, total: { bonusAboveMax: true } });
    assert.equal(above.workers.find((w) => w.workerId === 'w1')?.total, 103);
    const r2 = score([act('inspection.submitted', 'w2', '2025-03-04T10:00:00+08:00', { placeId: id() })]);
    assert.equal(itemOf(r2, 'w2', 'inspections').points, 0);
    assert.equal(itemOf(r2, 'w2', 'inspections').explanation.en, 'Inspection task: 1 done, 2 required, not met: 0 points');
  });

  it('keeps the total at zero or more when deductions outweigh the points', () => {
    const config: ScoringConfig = { ...SHEET, items: [
      { kind: 'assessor', key: 'all', label: { 'zh-CN': '全部' }, points: 60 },
      { kind: 'deduction', key: 'rejected', label: { 'zh-CN': '虚报' }, activity: 'hazard.rejected', per: 20, cap: 100 },
    ] };
    const r = score(Array.from({ length: 5 }, () => act('hazard.rejected', 'w2', '2025-03-03T10:00:00+08:00', { hazardId: id() })), config);
    assert.equal(r.workers.find((w) => w.workerId === 'w2')?.total, 0);
    assert.equal(itemOf(r, 'w2', 'all').label.en, '全部', 'an English label falls back to the Chinese one');
  });

  it('leaves a metrics-only configuration\'s report without items', () => {
    const config: ScoringConfig = { ...SHEET, metrics: [{ key: 'outreach', weight: 100, params: {} }] };
    delete (config as { items?: unknown }).items;
    const r = score([entry('w1', 'office', 3, 'x')], config);
    assert.equal(r.workers[0]?.items, undefined);
  });
});

describe('per-post quotas and quotas of distinct places', () => {
  const workers: ScoringWorker[] = [
    { id: 'lead', name: '街道领导', gridIds: [G1], active: true, post: 'street-leader' },
    { id: 'staff', name: '社区干部', gridIds: [G1], active: true, post: 'community-staff' },
    { id: 'patrol', name: '巡查员', gridIds: [G2], active: true, post: 'patrol' },
    { id: 'other', name: '无岗位', gridIds: [G2], active: true },
  ];
  const shops = [id(), id(), id()];
  const visits = (worker: string, n: number, places: readonly string[]): ScoringActivity[] => Array.from({ length: n }, (_, k) =>
    act('inspection.submitted', worker, `2025-03-${String(1 + (k % 28)).padStart(2, '0')}T10:00:00+08:00`, { placeId: places[k % places.length] }));
  const quota = (count: 'visits' | 'places'): ScoringConfig => ({
    ...SHEET, items: undefined,
    metrics: [{ key: 'coverage', weight: 100, params: { mode: 'quota', count, quotaPerMonth: 60, quotaByPost: { 'street-leader': 40, 'community-staff': 80, patrol: 120 } } }],
  });
  const places = Array.from({ length: 130 }, () => id());
  const acts = [...visits('lead', 20, places), ...visits('staff', 80, places), ...visits('patrol', 125, shops), ...visits('other', 30, places)];

  it('measures each worker against his post\'s quota, in one ranking', () => {
    const r = computeScores(acts, quota('visits'), { workers, places: [], now: NOW, rankBy: 'scope' });
    const of = (w: string) => r.workers.find((x) => x.workerId === w)?.metrics[0];
    assert.deepEqual(['lead', 'staff', 'patrol', 'other'].map((w) => [of(w)?.value, of(w)?.outOf, of(w)?.points]),
      [[20, 40, 50], [80, 80, 100], [125, 120, 100], [30, 60, 50]]);
    assert.deepEqual(new Set(r.workers.map((w) => w.rank.code)), new Set(['140105']), 'one ranking');
  });

  it('counts distinct places when the quota says so: 125 visits to 3 shops are 3', () => {
    const r = computeScores(acts, quota('places'), { workers, places: [], now: NOW, rankBy: 'scope' });
    const patrol = r.workers.find((x) => x.workerId === 'patrol')?.metrics[0];
    assert.ok(patrol);
    assert.equal(patrol.value, 3);
    assert.equal(patrol.points, 2.5);
    assert.equal(patrol.explanation['zh-CN'], '巡查不同场所 3 处，定额 120 处 (2.5%) × 100 = 2.5 分');
    assert.equal(r.workers.find((x) => x.workerId === 'staff')?.metrics[0]?.value, 80);
  });
});

describe('existing configurations keep their results', () => {
  // SHA-256 of the whole report (figures, points, explanations, evidence, ranks) as the engine gave
  // it before scheme lines existed (commit 258a155), over the same seeded data — with issue 19's
  // one word changed (超期 where it said 逾期; the hashes with 逾期 restored were ef9a3ff5… and 7ddc74e7…).
  it('the example configuration and the 东升镇 scheme give the reports they gave before issue 20', () => {
    const period = parsePeriod('2025-03');
    const d = generateScoringData({ seed: 2020, workers: 150, activities: 12000, period, placesPerGrid: 6 });
    const now = new Date('2025-04-05T09:00:00+08:00');
    const pinned = {
      example: '210c95ab76286b879fe7a887c28107ffe26029ce2d999cf9d7f6790e219430ed',
      dongsheng: '68e4608c3ef70b748b1c33d46e641b9d1a82452ed36a357742fbc14a0b9c444e',
    };
    for (const [name, config] of [['example', exampleScoreConfig({ period })], ['dongsheng', dongshengSchemeExample({ period })]] as const) {
      const r = computeScores(d.activities, config, { workers: d.workers, places: d.places, now, rankBy: 'community' });
      assert.equal(createHash('sha256').update(JSON.stringify(r)).digest('hex'), pinned[name], name);
    }
  });
});

describe('a scheme as configuration', () => {
  it('accepts a second deduction rule and a sheet whose points are mostly entered by assessors', () => {
    assert.ok(ScoreConfig.safeParse({ ...SHEET, id: '00000000-0000-7000-8000-00000000c0f1', version: 1, createdAt: NOW.toISOString(), updatedAt: NOW.toISOString(), tenantId: 't1' }).success);
    assert.equal(resolveScoreConfig(SHEET).items.length, 7);
  });

  it('applies the sum rule to the metrics, assessor and threshold lines — not to deductions and bonuses — against the sheet\'s maximum', () => {
    const short = { ...SHEET, items: SHEET.items?.filter((i) => i.key !== 'office') };
    assert.throws(() => resolveScoreConfig(short, 'en'), (e: unknown) => e instanceof FiregridError && e.code === 'config'
      && e.message.includes('the weights of metrics and the points of the assessor and threshold items add up to 80; they must add up to 100'));
    assert.doesNotThrow(() => resolveScoreConfig({ ...short, total: { max: 80 } }));
    // A metrics-only sheet keeps its old rule and message.
    assert.throws(() => resolveScoreConfig({ ...SHEET, items: undefined, metrics: [{ key: 'outreach', weight: 90, params: {} }] }, 'en'),
      /the weights of metrics add up to 90; they must add up to 100/);
  });

  it('refuses a line key given twice, and a bad key, naming them', () => {
    const twice = { ...SHEET, items: [...(SHEET.items ?? []), { kind: 'bonus', key: 'praise', label: { 'zh-CN': '再加' }, activity: 'training.held', cap: 1 }] } as ScoringConfig;
    assert.throws(() => resolveScoreConfig(twice, 'en'), (e: unknown) => e instanceof FiregridError
      && e.issues.some((i) => i.path === 'items[7].key' && i.message.includes('item praise is listed twice')));
    const bad = { ...SHEET, items: [{ kind: 'bonus', key: 'Bad Key', label: { 'zh-CN': '加' }, activity: 'training.held', cap: 1 }] } as ScoringConfig;
    assert.throws(() => resolveScoreConfig(bad, 'en'), (e: unknown) => e instanceof FiregridError && e.issues.some((i) => i.path === 'items[0].key'));
  });
});

describe('scheme lines: properties (numRuns ≤ 200)', () => {
  const arbEntry = fc.record({
    worker: fc.constantFrom('w1', 'w2'),
    item: fc.constantFrom('office', 'records', 'spot', 'praise', 'unknown'),
    cents: fc.integer({ min: -3000, max: 3000 }),
    day: fc.integer({ min: -3, max: 33 }),
  }).map((e) => entry(e.worker, e.item, e.cents / 100, '理由', new Date(Date.parse('2025-03-01T10:00:00+08:00') + e.day * 86_400_000).toISOString()));
  const arbCounted = fc.record({
    worker: fc.constantFrom('w1', 'w2'),
    type: fc.constantFrom('hazard.rejected', 'publicity.held', 'training.held', 'inspection.submitted'),
    day: fc.integer({ min: -3, max: 33 }),
  }).map((e) => act(e.type as ScoringActivity['type'], e.worker, new Date(Date.parse('2025-03-01T10:00:00+08:00') + e.day * 86_400_000).toISOString(),
    e.type === 'hazard.rejected' ? { hazardId: id() } : e.type === 'inspection.submitted' ? { placeId: id() } : {}));
  const arbActs = fc.array(fc.oneof(arbEntry, arbCounted), { maxLength: 40 });

  it('adding an assessor entry never changes another worker\'s points', () => {
    fc.assert(fc.property(arbActs, fc.constantFrom('office', 'records', 'spot', 'praise'), fc.integer({ min: -3000, max: 3000 }), (acts, item, cents) => {
      const before = score(acts).workers.find((w) => w.workerId === 'w2');
      const after = score([...acts, entry('w1', item, cents / 100, '新增')]).workers.find((w) => w.workerId === 'w2');
      assert.equal(after?.total, before?.total);
      assert.deepEqual(after?.items?.map((i) => i.points), before?.items?.map((i) => i.points));
    }), { numRuns: 150 });
  });

  it('a deduction never takes more than its cap, a bonus never gives more than its cap, and the total stays in the sheet\'s range', () => {
    const caps = new Map((SHEET.items ?? []).map((i) => [i.key, 'cap' in i ? i.cap : i.points]));
    fc.assert(fc.property(arbActs, fc.boolean(), (acts, above) => {
      const r = score(acts, { ...SHEET, total: { bonusAboveMax: above } });
      for (const w of r.workers) {
        for (const it of w.items ?? []) {
          const cap = caps.get(it.key) ?? 0;
          if (it.kind === 'deduction') assert.ok(it.points <= 0 && it.points >= -cap, `${it.key}: ${it.points}`);
          else assert.ok(it.points >= 0 && it.points <= cap, `${it.key}: ${it.points}`);
        }
        assert.ok(w.total >= 0 && w.total <= (above ? 103 : 100), `total ${w.total}`);
      }
    }), { numRuns: 150 });
  });
});
