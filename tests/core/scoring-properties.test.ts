import { expect } from '@open-wc/testing';
import fc from 'fast-check';
import { ACTIVITY_TYPES, METRIC_KEYS } from '@firegrid/core';
import type { ActivityType, MetricKey, PlaceKind } from '@firegrid/core';
import { computeScores, exampleScoreConfig, roundHalfAway } from '@firegrid/core/scoring';
import type { ScoreReport, ScoringActivity, ScoringConfig, ScoringPlace, ScoringWorker, WorkerScore } from '@firegrid/core/scoring';

// Property tests of the scoring engine (STYLE.md: scores stay in 0–100, more coverage never lowers
// a score). Worlds are small and dense so that workers share grids, hazards cross period bounds and
// every metric has something to count.

const PERIOD = { from: '2025-03-01', to: '2025-03-31' };
const START = Date.parse('2025-03-01T00:00:00+08:00');
const END = Date.parse('2025-04-01T00:00:00+08:00');
const NOW = new Date('2025-04-03T12:00:00+08:00');
const GRIDS = ['140105001001001', '140105001001002', '140105001002001', '140105002001001'];
const WORKER_IDS = ['w1', 'w2', 'w3', 'w4'];
const KINDS: PlaceKind[] = ['residential', 'small-venue', 'religious', 'public-building', 'three-in-one'];

interface World {
  workers: ScoringWorker[];
  places: ScoringPlace[];
  activities: ScoringActivity[];
}

/** An instant around the period, written in one of the offsets activities arrive in. */
const arbAt = fc.record({
  ms: fc.integer({ min: START - 5 * 86_400_000, max: END + 5 * 86_400_000 }),
  form: fc.constantFrom('Z', '+08:00', '+05:30'),
}).map(({ ms, form }) => {
  if (form === 'Z') return new Date(ms).toISOString();
  const offset = form === '+08:00' ? 480 : 330;
  return `${new Date(ms + offset * 60_000).toISOString().slice(0, 23)}${form}`;
});

const arbDue = fc.oneof(
  fc.integer({ min: -3, max: 34 }).map((d) => new Date(START + d * 86_400_000 + 8 * 3_600_000).toISOString().slice(0, 10)),
  arbAt,
);

const arbPlace = fc.record({
  kind: fc.constantFrom(...KINDS),
  grid: fc.constantFrom(...GRIDS),
  floors: fc.option(fc.integer({ min: 1, max: 33 }), { nil: undefined }),
  heightM: fc.option(fc.integer({ min: 3, max: 99 }), { nil: undefined }),
});

interface RawActivity {
  type: ActivityType;
  worker: string;
  grid: string;
  at: string;
  place: number;
  hazard: number;
  dueAt: string;
  onTime: boolean;
  withDue: boolean;
}

const arbRawActivity: fc.Arbitrary<RawActivity> = fc.record({
  type: fc.constantFrom(...ACTIVITY_TYPES),
  // w9 is never a scored worker: his activities still land in grids.
  worker: fc.constantFrom(...WORKER_IDS, 'w9'),
  grid: fc.constantFrom(...GRIDS),
  at: arbAt,
  place: fc.nat({ max: 11 }),
  hazard: fc.nat({ max: 3 }),
  dueAt: arbDue,
  onTime: fc.boolean(),
  withDue: fc.boolean(),
});

/**
 * Builds an activity as a server would: a place's grid is the activity's grid, and a hazard's
 * activities are credited to its finder (hazard ids are per worker) and carry its one grid.
 */
function build(raw: RawActivity, id: string, places: ScoringPlace[]): ScoringActivity {
  const p = places[raw.place % Math.max(1, places.length)];
  const placeId = p?.id ?? `nowhere-${raw.place}`;
  const gridId = p?.gridId ?? raw.grid;
  const base = { id, type: raw.type, at: raw.at, workerId: raw.worker };
  const hazardId = `hz-${raw.worker}-${raw.hazard}`;
  const hazardGrid = GRIDS[(raw.worker.charCodeAt(1) + raw.hazard) % GRIDS.length] ?? raw.grid;
  switch (raw.type) {
    case 'inspection.submitted':
    case 'captain.registered':
      return { ...base, gridId, placeId };
    case 'hazard.reported':
    case 'hazard.verified':
    case 'hazard.rejected':
      return { ...base, gridId: hazardGrid, hazardId };
    case 'hazard.assigned':
      return { ...base, gridId: hazardGrid, hazardId, dueAt: raw.dueAt };
    case 'hazard.closed':
      return { ...base, gridId: hazardGrid, hazardId, onTime: raw.onTime, ...(raw.withDue ? { dueAt: raw.dueAt } : {}) };
    case 'review.done':
      return { ...base, gridId: raw.grid, hazardId, onTime: raw.onTime };
    default:
      return { ...base, gridId: raw.grid };
  }
}

const arbWorld: fc.Arbitrary<World> = fc.record({
  workers: fc.uniqueArray(
    fc.record({ id: fc.constantFrom(...WORKER_IDS), grids: fc.subarray(GRIDS, { minLength: 1, maxLength: 2 }), active: fc.boolean() }),
    { selector: (w) => w.id, minLength: 2, maxLength: 4 },
  ),
  places: fc.array(arbPlace, { maxLength: 12 }),
  raws: fc.array(arbRawActivity, { maxLength: 70 }),
}).map(({ workers, places, raws }) => {
  const ps: ScoringPlace[] = places.map((p, i) => ({
    id: `p${i}`, kind: p.kind, gridId: p.grid,
    ...(p.floors === undefined && p.heightM === undefined ? {} : {
      building: { ...(p.floors === undefined ? {} : { floors: p.floors }), ...(p.heightM === undefined ? {} : { heightM: p.heightM }) },
    }),
  }));
  return {
    // At least one active worker, so there is always someone to score.
    workers: workers.map((w, i) => ({ id: w.id, name: w.id, gridIds: w.grids, active: i === 0 || w.active })),
    places: ps,
    activities: raws.map((r, i) => build(r, `a${String(i).padStart(3, '0')}`, ps)),
  };
});

/** A configuration with random weights adding up to 100 and random parameters. */
const arbConfig: fc.Arbitrary<ScoringConfig> = fc.record({
  keys: fc.shuffledSubarray([...METRIC_KEYS], { minLength: 1 }),
  cuts: fc.array(fc.integer({ min: 0, max: 100 }), { minLength: 7, maxLength: 7 }),
  quota: fc.boolean(),
  relative: fc.boolean(),
  byWorker: fc.boolean(),
  whenNone: fc.constantFrom('full', 'zero'),
  perOverdue: fc.constantFrom(0, 0.5, 1, 2, 7.5),
  cap: fc.constantFrom(0, 1, 3, 10, 100),
  visits: fc.constantFrom(0, 1, 2, 0.4),
}).map((c) => {
  const sorted = c.cuts.slice(0, c.keys.length - 1).sort((a, b) => a - b);
  const bounds = [0, ...sorted, 100];
  const attribution = c.byWorker ? 'worker' : 'grid';
  const params = (key: MetricKey): Record<string, string | number | boolean> => {
    switch (key) {
      case 'coverage': return c.quota ? { mode: 'quota', quotaPerMonth: 3, whenNone: c.whenNone } : { whenNone: c.whenNone };
      case 'discovery':
      case 'outreach': return { relativeTo: c.relative ? 'best' : 'target', targetPerMonth: 2, whenNone: c.whenNone };
      case 'closure':
      case 'captains': return { attribution, whenNone: c.whenNone };
      case 'overdue': return { attribution };
      case 'review': return { whenNone: c.whenNone };
    }
  };
  return {
    name: 'random',
    period: PERIOD,
    scope: '*',
    metrics: c.keys.map((key, i) => ({ key, weight: (bounds[i + 1] ?? 100) - (bounds[i] ?? 0), params: params(key) })),
    visitsPerMonth: { residential: c.visits, 'small-venue': 2, 'three-in-one': 4, 'public-building': 1 },
    deductions: { perOverdue: c.perOverdue, cap: c.cap },
  };
});

const DEFAULT = exampleScoreConfig({ period: PERIOD });
const score = (world: World, config: ScoringConfig, activities = world.activities): ScoreReport =>
  computeScores(activities, config, { workers: world.workers, places: world.places, now: NOW });
const find = (r: ScoreReport, id: string): WorkerScore | undefined => r.workers.find((w) => w.workerId === id);
/** A worker's score without his rank, which depends on everyone else by definition. */
const own = (w: WorkerScore | undefined): Omit<WorkerScore, 'rank'> | undefined => {
  if (w === undefined) return undefined;
  const rest: Partial<WorkerScore> = { ...w };
  delete rest.rank;
  return rest as Omit<WorkerScore, 'rank'>;
};
const isRelative = (c: ScoringConfig): boolean =>
  c.metrics.some((m) => (m.key === 'discovery' || m.key === 'outreach') && m.params?.relativeTo === 'best');

describe('scoring properties', () => {
  it('totals stay in 0–100 and each metric within its weight, as the sum of its rounded points', () => {
    fc.assert(fc.property(arbWorld, fc.oneof(fc.constant(DEFAULT), arbConfig), (world, config) => {
      const report = score(world, config);
      for (const w of report.workers) {
        expect(w.total).to.be.within(0, 100);
        let sum = 0;
        for (const m of w.metrics) {
          expect(m.points, m.key).to.be.within(0, m.weight);
          expect(m.normalized, m.key).to.be.within(0, 1);
          sum += m.points;
        }
        expect(w.total).to.equal(roundHalfAway(sum));
      }
    }), { numRuns: 300 });
  });

  it('adding a qualifying inspection never lowers the worker\'s score', () => {
    fc.assert(fc.property(arbWorld, fc.oneof(fc.constant(DEFAULT), arbConfig), fc.nat(), fc.nat(), fc.integer({ min: START, max: END - 1 }),
      (world, config, wi, pi, ms) => {
        const scored = score(world, config);
        const w = scored.workers[wi % Math.max(1, scored.workers.length)];
        if (w === undefined) return;
        const grids = world.workers.find((x) => x.id === w.workerId)?.gridIds ?? [];
        const mine = world.places.filter((p) => grids.includes(p.gridId));
        const p = mine[pi % Math.max(1, mine.length)];
        const inspection: ScoringActivity = {
          id: 'a999', type: 'inspection.submitted', at: new Date(ms).toISOString(), workerId: w.workerId,
          gridId: p?.gridId ?? w.gridId, placeId: p?.id ?? 'p-new',
        };
        const after = find(score(world, config, [...world.activities, inspection]), w.workerId);
        expect(after?.total).to.be.at.least(w.total);
      }), { numRuns: 300 });
  });

  it('tells ids apart however alike they are: renaming every id, keeping their order, renames the report and nothing else', () => {
    const DIGITS = '0123456789abcdefghijklmnopqrstuvwxyz';
    const HEX = ['0', '1', '2', '3', '4', '5', '6', '7', '8', '9', 'a', 'b', 'c', 'd', 'e', 'f', '-'];
    const arbAlike = fc.record({ base: fc.string({ unit: fc.constantFrom(...HEX), minLength: 12, maxLength: 40 }), at: fc.nat() });
    fc.assert(fc.property(arbWorld, fc.oneof(fc.constant(DEFAULT), arbConfig), arbAlike, (world, config, { base, at }) => {
      const ids = [...new Set([
        ...world.workers.map((w) => w.id),
        ...world.places.map((p) => p.id),
        ...world.activities.flatMap((a) => [a.id, a.workerId, a.placeId, a.hazardId]),
      ].filter((id): id is string => id !== undefined))].sort();
      // Every id becomes the same text but for two characters at one place (36² names, in the same order).
      const j = at % (base.length - 1);
      const alike = new Map(ids.map((id, k) => [id, `${base.slice(0, j)}${DIGITS[Math.floor(k / 36)]}${DIGITS[k % 36]}${base.slice(j + 2)}`]));
      const back = new Map([...alike].map(([id, renamed]) => [renamed, id]));
      const to = (id: string): string => alike.get(id) ?? id;
      const from = (id: string): string => back.get(id) ?? id;
      const renamed: World = {
        workers: world.workers.map((w) => ({ ...w, id: to(w.id) })),
        places: world.places.map((p) => ({ ...p, id: to(p.id) })),
        activities: world.activities.map((a) => ({
          ...a, id: to(a.id), workerId: to(a.workerId),
          ...(a.placeId === undefined ? {} : { placeId: to(a.placeId) }),
          ...(a.hazardId === undefined ? {} : { hazardId: to(a.hazardId) }),
        })),
      };
      const report = score(renamed, config);
      const restored: ScoreReport = {
        ...report,
        workers: report.workers.map((w) => ({
          ...w,
          workerId: from(w.workerId),
          metrics: w.metrics.map((m) => ({ ...m, activityIds: m.activityIds.map(from), placeIds: m.placeIds.map(from) })),
        })),
      };
      expect(restored).to.deep.equal(score(world, config));
    }), { numRuns: 300 });
  });

  it('does not depend on the order of the activities', () => {
    fc.assert(fc.property(arbWorld, fc.oneof(fc.constant(DEFAULT), arbConfig), fc.array(fc.nat()), (world, config, keys) => {
      const shuffled = world.activities
        .map((a, i) => ({ a, k: keys[i % Math.max(1, keys.length)] ?? 0, i }))
        .sort((x, y) => x.k - y.k || y.i - x.i)
        .map((x) => x.a);
      expect(score(world, config, shuffled)).to.deep.equal(score(world, config));
    }), { numRuns: 200 });
  });

  it("a worker's score does not change when another worker's activities outside his grids change", () => {
    fc.assert(fc.property(arbWorld, fc.oneof(fc.constant(DEFAULT), arbConfig), fc.array(arbRawActivity, { maxLength: 20 }), fc.nat(),
      (world, config, extra, pick) => {
        fc.pre(!isRelative(config));
        const before = score(world, config);
        const w = before.workers[pick % Math.max(1, before.workers.length)];
        if (w === undefined) return;
        const grids = world.workers.find((x) => x.id === w.workerId)?.gridIds ?? [];
        const others = world.workers.map((x) => x.id).filter((id) => id !== w.workerId);
        const outside = (a: ScoringActivity): boolean => !grids.includes(a.gridId);
        // Drop the other workers' activities outside his grids, and add new ones there.
        const kept = world.activities.filter((a) => a.workerId === w.workerId || !others.includes(a.workerId) || !outside(a));
        const added = extra
          .map((r, i) => build({ ...r, worker: others[i % others.length] ?? 'w9' }, `b${i}`, world.places))
          .filter(outside);
        expect(own(find(score(world, config, [...kept, ...added]), w.workerId))).to.deep.equal(own(w));
      }), { numRuns: 300 });
  });

  it("with every metric attributed to the worker credited, no change to another worker's activities moves his score", () => {
    const byWorker = (c: ScoringConfig): ScoringConfig => ({
      ...c,
      metrics: c.metrics.map((m) => (['closure', 'overdue', 'captains'].includes(m.key) ? { ...m, params: { ...m.params, attribution: 'worker' } } : m)),
    });
    fc.assert(fc.property(arbWorld, fc.oneof(fc.constant(DEFAULT), arbConfig).map(byWorker), fc.array(arbRawActivity, { maxLength: 20 }), fc.nat(),
      (world, config, extra, pick) => {
        fc.pre(!isRelative(config));
        const before = score(world, config);
        const w = before.workers[pick % Math.max(1, before.workers.length)];
        if (w === undefined) return;
        const others = world.workers.map((x) => x.id).filter((id) => id !== w.workerId);
        const kept = world.activities.filter((a) => !others.includes(a.workerId));
        const added = extra.map((r, i) => build({ ...r, worker: others[i % others.length] ?? 'w9' }, `b${i}`, world.places));
        expect(own(find(score(world, config, [...kept, ...added]), w.workerId))).to.deep.equal(own(w));
      }), { numRuns: 300 });
  });
});
