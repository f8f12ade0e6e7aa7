import { expect } from '@open-wc/testing';
import { FiregridError, PLACE_KINDS, ScoreConfig, isFiregridError, parseWith } from '@firegrid/core';
import {
  ScoreReport, computeScores, configForRequest, dongshengSchemeExample, parseScoresQuery, scoringWindow, exampleScoreConfig, monthsIn, parsePeriod, periodBounds,
  previousPeriod, recentPeriods, resolveScoreConfig, roundHalfAway, monthOf, shanghaiDay, VISITS_PER_MONTH_EXAMPLE,
} from '@firegrid/core/scoring';
import type {
  MetricScore, ScoringActivity, ScoringConfig, ScoringContext, ScoringPlace, ScoringWorker, WorkerScore,
} from '@firegrid/core/scoring';
import type { ActivityType, MetricKey, PlaceKind } from '@firegrid/core';

const G1 = '140105001001001';
const G2 = '140105001001002';
const G3 = '140105001002001'; // another community of the same street
const G4 = '140105002001001'; // another street
const MARCH = { from: '2025-03-01', to: '2025-03-31' };
const NOW = new Date('2025-04-05T00:00:00+08:00');

let serial = 0;
const uid = (): string => `00000000-0000-7000-8000-${String(++serial).padStart(12, '0')}`;

function act(type: ActivityType, workerId: string, gridId: string, at: string, extra: Partial<ScoringActivity> = {}): ScoringActivity {
  return { id: uid(), type, at, workerId, gridId, ...extra };
}
const worker = (id: string, gridIds: string[], extra: Partial<ScoringWorker> = {}): ScoringWorker =>
  ({ id, name: `网格员 ${id}`, gridIds, active: true, ...extra });
const place = (id: string, gridId: string, kind: PlaceKind = 'residential', building?: ScoringPlace['building']): ScoringPlace =>
  ({ id, kind, gridId, ...(building === undefined ? {} : { building }) });

function config(metrics: { key: MetricKey; weight: number; params?: Record<string, string | number | boolean> }[], extra: Partial<ScoringConfig> = {}): ScoringConfig {
  return {
    name: '测试配置',
    period: MARCH,
    scope: '*',
    metrics: metrics.map((m) => ({ key: m.key, weight: m.weight, params: m.params ?? {} })),
    visitsPerMonth: { residential: 1, 'small-venue': 2 },
    deductions: { perOverdue: 2, cap: 6 },
    ...extra,
  };
}

function scoreOf(report: ScoreReport, workerId: string): WorkerScore {
  const w = report.workers.find((x) => x.workerId === workerId);
  if (!w) throw new Error(`no score for ${workerId}`);
  return w;
}
function metricOf(report: ScoreReport, workerId: string, key: MetricKey): MetricScore {
  const m = scoreOf(report, workerId).metrics.find((x) => x.key === key);
  if (!m) throw new Error(`no ${key} for ${workerId}`);
  return m;
}
const ctx = (workers: ScoringWorker[], places: ScoringPlace[] = [], extra: Partial<ScoringContext> = {}): ScoringContext =>
  ({ workers, places, now: NOW, ...extra });

describe('computeScores: coverage', () => {
  it('explains coverage the way the issue writes it: 巡查覆盖 18/20 处场所 (90%) × 30 = 27 分', () => {
    const places = Array.from({ length: 20 }, (_, i) => place(`p${i}`, G1));
    const acts = places.slice(0, 18).map((p) => act('inspection.submitted', 'w1', G1, '2025-03-10T09:00:00+08:00', { placeId: p.id }));
    const report = computeScores(acts, config([{ key: 'coverage', weight: 30 }, { key: 'outreach', weight: 70 }]), ctx([worker('w1', [G1])], places));
    const m = metricOf(report, 'w1', 'coverage');
    expect(m.explanation['zh-CN']).to.equal('巡查覆盖 18/20 处场所 (90%) × 30 = 27 分');
    expect(m.explanation.en).to.equal('Patrol coverage: 18 of 20 places visited as often as required (90%) × 30 = 27 points');
    expect([m.value, m.outOf, m.normalized, m.points, m.weight]).to.deep.equal([18, 20, 0.9, 27, 30]);
    expect(m.activityIds).to.deep.equal(acts.map((a) => a.id).sort());
    expect(m.placeIds).to.deep.equal(['p18', 'p19']);
  });

  it('asks each kind for its visits per month over the months of the period, and counts only his own inspections', () => {
    const q1 = parsePeriod('2025-Q1');
    const places = [place('home', G1), place('shop', G1, 'small-venue'), place('church', G1, 'religious')];
    const acts = [
      // residential needs 1 × 3 months = 3 visits: 3 given.
      ...['2025-01-05', '2025-02-05', '2025-03-05'].map((d) => act('inspection.submitted', 'w1', G1, `${d}T10:00:00+08:00`, { placeId: 'home' })),
      // small venue needs 2 × 3 = 6: 5 by him and 1 by someone else.
      ...['01-02', '01-20', '02-02', '02-20', '03-02'].map((d) => act('inspection.submitted', 'w1', G1, `2025-${d}T10:00:00Z`, { placeId: 'shop' })),
      act('inspection.submitted', 'w9', G1, '2025-03-20T10:00:00Z', { placeId: 'shop' }),
    ];
    const report = computeScores(acts, config([{ key: 'coverage', weight: 100 }], { period: q1 }), ctx([worker('w1', [G1])], places));
    const m = metricOf(report, 'w1', 'coverage');
    // The religious site is not in this configuration's table: it needs no visit and is left out.
    expect([m.value, m.outOf]).to.deep.equal([1, 2]);
    expect(m.placeIds).to.deep.equal(['shop']);
    expect(m.points).to.equal(50);
  });

  it('counts inspections against a quota in quota mode', () => {
    const acts = Array.from({ length: 7 }, (_, i) => act('inspection.submitted', 'w1', G4, `2025-03-${String(i + 10)}T08:00:00+08:00`, { placeId: `x${i}` }));
    const report = computeScores(acts, config([{ key: 'coverage', weight: 100, params: { mode: 'quota', quotaPerMonth: 10 } }]), ctx([worker('w1', [G1])]));
    const m = metricOf(report, 'w1', 'coverage');
    expect([m.value, m.outOf, m.points]).to.deep.equal([7, 10, 70]);
    expect(m.explanation['zh-CN']).to.equal('完成巡查 7 次，定额 10 次 (70%) × 100 = 70 分');
  });

  it('gives full points when no place needs a visit, or none with whenNone: zero', () => {
    const full = computeScores([], config([{ key: 'coverage', weight: 40 }, { key: 'review', weight: 60 }]), ctx([worker('w1', [G1])]));
    expect(metricOf(full, 'w1', 'coverage').points).to.equal(40);
    expect(metricOf(full, 'w1', 'coverage').explanation['zh-CN']).to.contain('按满分计');
    const zero = computeScores([], config([{ key: 'coverage', weight: 40, params: { whenNone: 'zero' } }, { key: 'review', weight: 60 }]), ctx([worker('w1', [G1])]));
    expect(metricOf(zero, 'w1', 'coverage').points).to.equal(0);
    expect(metricOf(zero, 'w1', 'coverage').explanation.en).to.contain('no points');
  });
});

describe('computeScores: the period is whole days in Asia/Shanghai', () => {
  const times: [string, boolean][] = [
    ['2025-02-28T23:59:59+08:00', false],
    ['2025-02-28T16:00:00Z', true], // 2025-03-01 00:00 in UTC+8
    ['2025-02-28T15:59:59.999Z', false],
    ['2025-03-01T00:00:00+08:00', true],
    ['2025-03-31T23:59:59.999+08:00', true],
    ['2025-03-31T16:00:00Z', false], // 2025-04-01 00:00 in UTC+8
    ['2025-03-31T15:59:59Z', true],
    ['2025-03-31T21:29:59+05:30', true], // 23:59:59 in UTC+8
    ['2025-03-31T21:30:00+05:30', false],
    ['2025-03-31T12:00:00-04:00', false],
    ['2025-03-31T11:59:59-04:00', true],
  ];
  for (const [at, inside] of times) {
    it(`${at} is ${inside ? 'in' : 'out of'} March`, () => {
      const report = computeScores([act('training.held', 'w1', G1, at)], config([{ key: 'outreach', weight: 100 }]), ctx([worker('w1', [G1])]));
      expect(metricOf(report, 'w1', 'outreach').value).to.equal(inside ? 1 : 0);
    });
  }

  it('refuses an activity time it cannot read, naming it', () => {
    expect(() => computeScores([act('training.held', 'w1', G1, 'yesterday')], config([{ key: 'outreach', weight: 100 }]), ctx([worker('w1', [G1])])))
      .to.throw(FiregridError, /yesterday/);
  });
});

describe('computeScores: hazards', () => {
  const H = ['00000000-0000-7000-8000-0000000000a1', '00000000-0000-7000-8000-0000000000a2', '00000000-0000-7000-8000-0000000000a3', '00000000-0000-7000-8000-0000000000a4'];

  it('counts distinct verified hazards found in the period; a rejected report never counts', () => {
    const acts = [
      act('hazard.verified', 'w1', G1, '2025-03-02T10:00:00+08:00', { hazardId: H[0] }),
      act('hazard.verified', 'w1', G1, '2025-03-03T10:00:00+08:00', { hazardId: H[0] }), // the same hazard twice
      act('hazard.verified', 'w1', G1, '2025-03-04T10:00:00+08:00', { hazardId: H[1] }),
      act('hazard.rejected', 'w1', G1, '2025-03-05T10:00:00+08:00', { hazardId: H[1] }),
      act('hazard.verified', 'w1', G1, '2025-02-27T10:00:00+08:00', { hazardId: H[2] }), // before the period
      act('hazard.reported', 'w1', G1, '2025-03-06T10:00:00+08:00', { hazardId: H[3] }), // not verified yet
    ];
    const report = computeScores(acts, config([{ key: 'discovery', weight: 100, params: { targetPerMonth: 4 } }]), ctx([worker('w1', [G1])]));
    const m = metricOf(report, 'w1', 'discovery');
    expect([m.value, m.outOf, m.points]).to.deep.equal([1, 4, 25]);
    expect(m.activityIds).to.deep.equal([acts[0]?.id, acts[1]?.id].sort());
    expect(m.explanation['zh-CN']).to.equal('发现并经核实的隐患 1 处，目标 4 (25%) × 100 = 25 分');
  });

  it('scores hazards whose deadline falls in the period: closed on time, against closed late or still open past it', () => {
    const acts = [
      // H0: due in March, closed on time.
      act('hazard.assigned', 'w1', G1, '2025-02-20T10:00:00+08:00', { hazardId: H[0], dueAt: '2025-03-10' }),
      act('hazard.closed', 'w1', G1, '2025-03-09T10:00:00+08:00', { hazardId: H[0], dueAt: '2025-03-10', onTime: true }),
      // H1: due in March, closed late.
      act('hazard.assigned', 'w1', G1, '2025-03-01T10:00:00+08:00', { hazardId: H[1], dueAt: '2025-03-15' }),
      act('hazard.closed', 'w1', G1, '2025-03-20T10:00:00+08:00', { hazardId: H[1], dueAt: '2025-03-15', onTime: false }),
      // H2: due in March, still open at `now`: late.
      act('hazard.assigned', 'w1', G1, '2025-03-01T10:00:00+08:00', { hazardId: H[2], dueAt: '2025-03-31T18:00:00+08:00' }),
      // H3: due in April: not this period's.
      act('hazard.assigned', 'w1', G1, '2025-03-25T10:00:00+08:00', { hazardId: H[3], dueAt: '2025-04-02' }),
    ];
    const report = computeScores(acts, config([{ key: 'closure', weight: 60 }, { key: 'overdue', weight: 40 }], { deductions: { perOverdue: 15, cap: 100 } }), ctx([worker('w1', [G1])]));
    const closure = metricOf(report, 'w1', 'closure');
    expect([closure.value, closure.outOf, closure.points]).to.deep.equal([1, 3, 20]);
    expect(closure.explanation['zh-CN']).to.equal('到期隐患按期整改销号 1/3 处 (33.33%) × 60 = 20 分');
    expect(closure.activityIds).to.have.length(5);
    const overdue = metricOf(report, 'w1', 'overdue');
    expect([overdue.value, overdue.deduction, overdue.points]).to.deep.equal([2, 30, 10]);
    expect(overdue.explanation['zh-CN']).to.equal('超期事项 2 项（超期未整改隐患 2 处、超期复查 0 次），每项扣 15 分，最多扣 100 分：40 − 30 = 10 分');

    // Judged a day before the deadline of H2, H2 is pending, not late.
    const early = computeScores(acts, config([{ key: 'closure', weight: 100 }]), ctx([worker('w1', [G1])], [], { now: new Date('2025-03-30T00:00:00+08:00') }));
    expect([metricOf(early, 'w1', 'closure').value, metricOf(early, 'w1', 'closure').outOf]).to.deep.equal([1, 2]);
  });

  it('attributes hazards to the workers of their grid by default, or only to the worker credited', () => {
    const acts = [
      act('hazard.assigned', 'w2', G1, '2025-03-01T10:00:00+08:00', { hazardId: H[0], dueAt: '2025-03-10' }),
      act('hazard.closed', 'w2', G1, '2025-03-05T10:00:00+08:00', { hazardId: H[0], dueAt: '2025-03-10', onTime: true }),
    ];
    const workers = [worker('w1', [G1]), worker('w2', [G2])];
    const byGrid = computeScores(acts, config([{ key: 'closure', weight: 100, params: { whenNone: 'zero' } }]), ctx(workers));
    expect(metricOf(byGrid, 'w1', 'closure').value).to.equal(1);
    expect(metricOf(byGrid, 'w2', 'closure').outOf).to.equal(0);
    const byWorker = computeScores(acts, config([{ key: 'closure', weight: 100, params: { attribution: 'worker', whenNone: 'zero' } }]), ctx(workers));
    expect(metricOf(byWorker, 'w1', 'closure').outOf).to.equal(0);
    expect(metricOf(byWorker, 'w2', 'closure').value).to.equal(1);
  });

  it('takes deductions per overdue item (late reviews too) up to the cap, never below zero', () => {
    const acts = [
      ...[0, 1, 2].map((k) => act('hazard.assigned', 'w1', G1, '2025-03-01T10:00:00+08:00', { hazardId: H[k], dueAt: '2025-03-10' })),
      act('review.done', 'w1', G1, '2025-03-12T10:00:00+08:00', { hazardId: H[3], onTime: false }),
      act('review.done', 'w1', G1, '2025-03-13T10:00:00+08:00', { hazardId: H[3], onTime: true }),
    ];
    const report = computeScores(acts, config([{ key: 'overdue', weight: 10 }, { key: 'review', weight: 90 }]), ctx([worker('w1', [G1])]));
    const overdue = metricOf(report, 'w1', 'overdue');
    // 4 items × 2 = 8, capped at 6.
    expect([overdue.value, overdue.deduction, overdue.points]).to.deep.equal([4, 6, 4]);
    expect(overdue.explanation.en).to.equal('Overdue items: 4 (3 hazards past their deadline, 1 late review), −2 each, at most −6: 10 − 6 = 4 points');
    const review = metricOf(report, 'w1', 'review');
    expect([review.value, review.outOf, review.points]).to.deep.equal([1, 2, 45]);
    // A cap above the weight takes the whole weight and no more.
    const heavy = computeScores(acts, config([{ key: 'overdue', weight: 5 }, { key: 'review', weight: 95 }], { deductions: { perOverdue: 3, cap: 50 } }), ctx([worker('w1', [G1])]));
    expect([metricOf(heavy, 'w1', 'overdue').deduction, metricOf(heavy, 'w1', 'overdue').points]).to.deep.equal([5, 0]);
    const clean = computeScores([], config([{ key: 'overdue', weight: 10 }, { key: 'review', weight: 90 }]), ctx([worker('w1', [G1])]));
    expect(metricOf(clean, 'w1', 'overdue').explanation['zh-CN']).to.equal('没有超期事项：10 分');
  });
});

describe('computeScores: captains and outreach', () => {
  it('counts high-rise residential buildings of his grids with a captain registered before the period ends', () => {
    const places = [
      place('tower-a', G1, 'residential', { heightM: 54 }),
      place('tower-b', G1, 'residential', { floors: 18 }),
      place('tower-c', G1, 'residential', { floors: 12 }),
      place('low', G1, 'residential', { floors: 6 }),
      place('office', G1, 'public-building', { heightM: 60, floors: 15 }),
    ];
    const acts = [
      act('captain.registered', 'w1', G1, '2024-11-02T10:00:00+08:00', { placeId: 'tower-a' }), // long before: still counts
      act('captain.registered', 'w7', G1, '2025-03-30T10:00:00+08:00', { placeId: 'tower-b' }), // by someone else, in his grid
      act('captain.registered', 'w1', G1, '2025-04-02T10:00:00+08:00', { placeId: 'tower-c' }), // after the period
      act('captain.registered', 'w1', G1, '2025-03-02T10:00:00+08:00', { placeId: 'low' }), // not high-rise
    ];
    const report = computeScores(acts, config([{ key: 'captains', weight: 100 }]), ctx([worker('w1', [G1])], places));
    const m = metricOf(report, 'w1', 'captains');
    expect([m.value, m.outOf, m.points]).to.deep.equal([2, 3, 66.67]);
    expect(m.placeIds).to.deep.equal(['tower-c']);
    expect(m.explanation['zh-CN']).to.equal('高层建筑落实楼长 2/3 栋 (66.67%) × 100 = 66.67 分');
    const all = computeScores(acts, config([{ key: 'captains', weight: 100, params: { buildings: 'all', attribution: 'worker' } }]), ctx([worker('w1', [G1])], places));
    expect([metricOf(all, 'w1', 'captains').value, metricOf(all, 'w1', 'captains').outOf]).to.deep.equal([1, 4]);
  });

  it('counts training and publicity against a target, or against the best in scope', () => {
    const acts = [
      act('training.held', 'w1', G1, '2025-03-02T10:00:00+08:00'),
      act('publicity.held', 'w1', G1, '2025-03-03T10:00:00+08:00'),
      ...[1, 2, 3, 4].map((d) => act('publicity.held', 'w2', G2, `2025-03-1${d}T10:00:00+08:00`)),
    ];
    const workers = [worker('w1', [G1]), worker('w2', [G2])];
    const target = computeScores(acts, config([{ key: 'outreach', weight: 100, params: { targetPerMonth: 3 } }]), ctx(workers));
    expect([metricOf(target, 'w1', 'outreach').points, metricOf(target, 'w2', 'outreach').points]).to.deep.equal([66.67, 100]);
    const best = computeScores(acts, config([{ key: 'outreach', weight: 100, params: { relativeTo: 'best' } }]), ctx(workers));
    expect([metricOf(best, 'w1', 'outreach').outOf, metricOf(best, 'w1', 'outreach').points]).to.deep.equal([4, 50]);
    expect(metricOf(best, 'w1', 'outreach').explanation['zh-CN']).to.equal('开展消防培训、宣传 2 次，本范围最多 4 (50%) × 100 = 50 分');
  });
});

describe('computeScores: workers, totals and ranks', () => {
  const cfg = config([{ key: 'outreach', weight: 100, params: { targetPerMonth: 4 } }]);
  const held = (w: string, g: string, n: number): ScoringActivity[] =>
    Array.from({ length: n }, (_, i) => act('training.held', w, g, `2025-03-${String(10 + i)}T10:00:00+08:00`));

  it('ranks within the chosen level, highest total first, ties to the smaller worker id', () => {
    const workers = [worker('b', [G1]), worker('a', [G1]), worker('c', [G3]), worker('d', [G4]), worker('e', [G2])];
    const acts = [...held('a', G1, 2), ...held('b', G1, 2), ...held('c', G3, 3), ...held('d', G4, 4), ...held('e', G2, 1)];
    const byGrid = computeScores(acts, cfg, ctx(workers));
    expect(byGrid.rankBy).to.equal('grid');
    expect(scoreOf(byGrid, 'a').rank).to.deep.equal({ level: 'grid', code: G1, position: 1, of: 2 });
    expect(scoreOf(byGrid, 'b').rank).to.deep.equal({ level: 'grid', code: G1, position: 2, of: 2 });
    const community = computeScores(acts, cfg, ctx(workers, [], { rankBy: 'community' }));
    expect(community.workers.filter((w) => w.rank.code === '140105001001').map((w) => [w.workerId, w.rank.position]))
      .to.deep.equal([['a', 1], ['b', 2], ['e', 3]]);
    const street = computeScores(acts, cfg, ctx(workers, [], { rankBy: 'street' }));
    expect(street.workers.filter((w) => w.rank.code === '140105001').map((w) => w.workerId)).to.deep.equal(['c', 'a', 'b', 'e']);
    const scope = computeScores(acts, cfg, ctx(workers, [], { rankBy: 'scope' }));
    expect(scope.workers.map((w) => [w.workerId, w.rank.position, w.rank.of])).to.deep.equal([['d', 1, 5], ['c', 2, 5], ['a', 3, 5], ['b', 4, 5], ['e', 5, 5]]);
    const custom = computeScores(acts, cfg, ctx(workers, [], { rankBy: 'community', codeLengths: { community: 9 } }));
    expect(scoreOf(custom, 'c').rank.code).to.equal('140105001');
  });

  it('scores active workers with a grid in scope only, and says what it was computed for', () => {
    const workers = [worker('in', [G1]), worker('gone', [G1], { active: false }), worker('out', [G4]), worker('none', [])];
    const report = computeScores(held('in', G1, 1), { ...cfg, id: 'cfg-1', scope: '140105001' }, ctx(workers));
    expect(report.workers.map((w) => w.workerId)).to.deep.equal(['in']);
    expect(report.configId).to.equal('cfg-1');
    expect(report.period).to.deep.equal(MARCH);
    expect(report.asOf).to.equal(NOW.toISOString());
    expect(parseWith(ScoreReport, report)).to.deep.equal(report);
  });

  it('adds the rounded points of the metrics into a total in 0–100', () => {
    const report = computeScores(held('w1', G1, 1), config([
      { key: 'outreach', weight: 33.33, params: { targetPerMonth: 3 } },
      { key: 'review', weight: 33.33 },
      { key: 'captains', weight: 33.34 },
    ]), ctx([worker('w1', [G1])]));
    const w = scoreOf(report, 'w1');
    expect(w.metrics.map((m) => m.points)).to.deep.equal([11.11, 33.33, 33.34]);
    expect(w.total).to.equal(77.78);
  });

  it('gives the same result whatever the order of the activities', () => {
    const acts = [...held('a', G1, 3), ...held('b', G1, 2), act('hazard.verified', 'a', G1, '2025-03-09T00:00:00Z', { hazardId: '00000000-0000-7000-8000-00000000ffff' })];
    const one = computeScores(acts, cfg, ctx([worker('a', [G1]), worker('b', [G1])]));
    const two = computeScores([...acts].reverse(), cfg, ctx([worker('a', [G1]), worker('b', [G1])]));
    expect(two).to.deep.equal(one);
  });
});

describe('score configuration', () => {
  const good = config([{ key: 'coverage', weight: 50 }, { key: 'discovery', weight: 50 }]);
  const fails = (c: unknown, path: string): FiregridError => {
    try {
      resolveScoreConfig(c as ScoringConfig, 'en');
    } catch (e) {
      expect(isFiregridError(e, 'config'), String(e)).to.equal(true);
      const err = e as FiregridError;
      expect(err.issues.map((i) => i.path)).to.include(path);
      // The message names the field too ("deductions is missing cap", "metrics[0].params.mode: …").
      expect(err.message).to.contain(path.split('.').pop() ?? path);
      return err;
    }
    throw new Error(`expected a config error at ${path}`);
  };

  it('names the field of a bad configuration', () => {
    const sum = fails({ ...good, metrics: [{ key: 'coverage', weight: 50, params: {} }, { key: 'discovery', weight: 40, params: {} }] }, 'metrics');
    expect(sum.message).to.contain('add up to 90');
    fails({ ...good, metrics: [{ key: 'coverage', weight: 50, params: { mode: 'weekly' } }, { key: 'discovery', weight: 50, params: {} }] }, 'metrics[0].params.mode');
    fails({ ...good, metrics: [{ key: 'coverage', weight: 50, params: {} }, { key: 'discovery', weight: 50, params: { tagetPerMonth: 3 } }] }, 'metrics[1].params');
    fails({ ...good, metrics: [{ key: 'coverage', weight: 50, params: {} }, { key: 'discovery', weight: 50, params: { targetPerMonth: -1 } }] }, 'metrics[1].params.targetPerMonth');
    fails({ ...good, metrics: [{ key: 'coverage', weight: 100, params: { mode: 'quota' } }] }, 'metrics[0].params.quotaPerMonth');
    fails({ ...good, period: { from: '2025-03-31', to: '2025-03-01' } }, 'period.to');
    fails({ ...good, period: { from: '2025-02-30', to: '2025-03-01' } }, 'period.from');
    fails({ ...good, deductions: { perOverdue: 1 } }, 'deductions.cap');
    fails({ ...good, visitsPerMonth: { castle: 2 } }, 'visitsPerMonth.castle');
    fails({ ...good, metrics: [{ key: 'bravery', weight: 100, params: {} }] }, 'metrics[0].key');
  });

  it('speaks zh-CN by default', () => {
    try {
      computeScores([], { ...good, period: { from: '2025-03-31', to: '2025-03-01' } }, ctx([]));
      expect.fail('should throw');
    } catch (e) {
      expect((e as Error).message).to.contain('考评期结束日 2025-03-01 早于开始日 2025-03-31');
    }
  });

  it('refuses a context without a valid clock', () => {
    expect(() => computeScores([], good, { workers: [], places: [], now: new Date('nope') })).to.throw(FiregridError, /context\.now/);
  });

  it('accepts a stored ScoreConfig and the shipped examples, which say they are examples', () => {
    const stored = parseWith(ScoreConfig, {
      ...good, id: '00000000-0000-7000-8000-000000000001', version: 3, createdAt: '2025-01-01T00:00:00Z',
      updatedAt: '2025-01-01T00:00:00Z', tenantId: 't1',
    });
    expect(resolveScoreConfig(stored).id).to.equal(stored.id);
    const example = exampleScoreConfig({ period: MARCH });
    expect(example.name).to.contain('示例');
    expect(resolveScoreConfig(example).metrics.map((m) => m.key)).to.deep.equal(['coverage', 'discovery', 'closure', 'review', 'overdue', 'captains', 'outreach']);
    expect(VISITS_PER_MONTH_EXAMPLE.example).to.equal(true);
    expect(VISITS_PER_MONTH_EXAMPLE.note['zh-CN']).to.contain('示例');
    // Every place kind has an example frequency.
    expect(Object.keys(VISITS_PER_MONTH_EXAMPLE.visitsPerMonth)).to.have.members([...PLACE_KINDS]);
  });

  it('expresses the 东升镇 scheme as configuration: a 3-point quota and −1 per overdue item, at most −3', () => {
    const scheme = dongshengSchemeExample({ period: MARCH, scope: '140105' });
    const resolved = resolveScoreConfig(scheme);
    expect(resolved.deductions).to.deep.equal({ perOverdue: 1, cap: 3 });
    const overdue = resolved.metrics.find((m) => m.key === 'overdue');
    expect(overdue?.weight).to.equal(3);
    const acts = Array.from({ length: 5 }, (_, k) => act('review.done', 'w1', G1, '2025-03-10T10:00:00+08:00', { hazardId: `00000000-0000-7000-8000-00000000000${k}`, onTime: false }));
    const report = computeScores(acts, scheme, ctx([worker('w1', [G1])]));
    expect(metricOf(report, 'w1', 'overdue').points).to.equal(0);
    expect(metricOf(report, 'w1', 'overdue').deduction).to.equal(3);
    expect(metricOf(report, 'w1', 'coverage').explanation['zh-CN']).to.equal('完成巡查 0 次，定额 20 次 (0%) × 3 = 0 分');
  });
});

describe('periods and rounding', () => {
  it('rounds half away from zero to 2 decimals', () => {
    expect(roundHalfAway(2.675)).to.equal(2.68);
    expect(roundHalfAway(1.005)).to.equal(1.01);
    expect(roundHalfAway(0.125)).to.equal(0.13);
    expect(roundHalfAway(-0.125)).to.equal(-0.13);
    expect(roundHalfAway(2.6749)).to.equal(2.67);
    expect(roundHalfAway(0.666666, 4)).to.equal(0.6667);
    expect(Object.is(roundHalfAway(-0.001), 0)).to.equal(true);
  });

  it('bounds a period by whole days in UTC+8 and counts its months', () => {
    expect(periodBounds(MARCH)).to.deep.equal({ startMs: Date.parse('2025-03-01T00:00:00+08:00'), endMs: Date.parse('2025-04-01T00:00:00+08:00') });
    expect(monthsIn(parsePeriod('2025-Q1'))).to.equal(3);
    expect(monthsIn({ from: '2025-02-01', to: '2025-02-14' })).to.equal(0.5);
    expect(monthsIn(parsePeriod('2024'))).to.equal(12);
  });

  it('reads the forms of the period parameter and refuses others', () => {
    expect(parsePeriod('2025-Q2')).to.deep.equal({ from: '2025-04-01', to: '2025-06-30' });
    expect(parsePeriod('2024-02')).to.deep.equal({ from: '2024-02-01', to: '2024-02-29' });
    expect(parsePeriod('2025-H2')).to.deep.equal({ from: '2025-07-01', to: '2025-12-31' });
    expect(parsePeriod('2025-01-06..2025-01-12')).to.deep.equal({ from: '2025-01-06', to: '2025-01-12' });
    expect(() => parsePeriod('2025-13')).to.throw(FiregridError, /2025-13/);
    expect(() => parsePeriod('2025-03-10..2025-03-01', 'en')).to.throw(FiregridError, /Cannot read the period/);
  });

  it('steps back by months or by days for a trend', () => {
    expect(previousPeriod(MARCH)).to.deep.equal({ from: '2025-02-01', to: '2025-02-28' });
    expect(previousPeriod(parsePeriod('2025-Q1'))).to.deep.equal({ from: '2024-10-01', to: '2024-12-31' });
    expect(previousPeriod({ from: '2025-03-10', to: '2025-03-16' })).to.deep.equal({ from: '2025-03-03', to: '2025-03-09' });
    expect(recentPeriods(MARCH, 3).map((p) => p.from)).to.deep.equal(['2025-01-01', '2025-02-01', '2025-03-01']);
    expect(monthOf(new Date('2025-03-31T20:00:00Z'))).to.deep.equal({ from: '2025-04-01', to: '2025-04-30' });
    expect(shanghaiDay(new Date('2025-03-31T16:00:00Z'))).to.equal('2025-04-01');
  });
});

describe('GET /v1/scores requests', () => {
  it('reads period, scope, rankBy and configId, and refuses what it does not know, naming it', () => {
    expect(parseScoresQuery(new URLSearchParams('period=2025-Q1&scope=140105&rankBy=community&configId=c1'))).to.deep.equal({
      period: { from: '2025-01-01', to: '2025-03-31' }, scope: '140105', rankBy: 'community', configId: 'c1',
    });
    expect(parseScoresQuery({})).to.deep.equal({ period: undefined, scope: undefined, rankBy: 'grid', configId: undefined });
    expect(() => parseScoresQuery({ rankBy: 'city' }, 'en')).to.throw(FiregridError, /rankBy/);
    expect(() => parseScoresQuery({ perod: '2025' }, 'en')).to.throw(FiregridError, /GET \/v1\/scores/);
    expect(() => parseScoresQuery({ period: 'last month' })).to.throw(FiregridError, /无法识别考评期"last month"/);
  });

  it('scores with the stored configuration over the requested period and scope, reading activities before its end', () => {
    const stored = exampleScoreConfig({ period: MARCH, scope: '140105' });
    const c = configForRequest(stored, parseScoresQuery({ period: '2025-02', scope: '140105001' }));
    expect([c.period, c.scope, c.metrics]).to.deep.equal([{ from: '2025-02-01', to: '2025-02-28' }, '140105001', stored.metrics]);
    expect(configForRequest(stored, { period: undefined, scope: undefined })).to.deep.equal(stored);
    expect(scoringWindow(c).endMs).to.equal(Date.parse('2025-03-01T00:00:00+08:00'));
  });
});

describe('computeScores: records that bypassed the schemas', () => {
  it('names the activity that does not fit, as a validation error, instead of failing with a TypeError', () => {
    const places = [place('p1', G1)];
    const good = act('inspection.submitted', 'w1', G1, '2025-03-10T09:00:00+08:00', { placeId: 'p1' });
    const bad = { ...act('inspection.submitted', 'w1', G1, '2025-03-11T09:00:00+08:00', { placeId: 'p1' }), at: 20_250_311 } as unknown as ScoringActivity;
    let caught: unknown;
    try {
      computeScores([good, bad], config([{ key: 'coverage', weight: 100 }]), ctx([worker('w1', [G1])], places));
    } catch (e) {
      caught = e;
    }
    expect(isFiregridError(caught, 'validation'), String(caught)).to.equal(true);
    const err = caught as FiregridError;
    expect(err.message).to.contain('activities[1]');
    expect(err.issues.map((x) => x.path)).to.deep.equal(['activities[1]']);
  });
});
