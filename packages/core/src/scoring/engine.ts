/**
 * The scoring engine: `computeScores(activities, config, context)` (DESIGN §7). Pure and
 * deterministic: the clock, the period and the people are passed in, the order of the activities
 * does not matter, and every figure carries the ids of the activities behind it.
 *
 * It reads the activities once, and DESIGN §8 measures it against a bare pass over them, so the
 * pass does as little as it can per activity: it finds the one thing the activity counts for (a
 * worker, one of his places, a hazard, a building) and notes the one evidence list it joins
 * ({@link Lists}), allocating next to nothing. What dominates a pass over a million parsed
 * records is memory, not arithmetic, so the engine avoids following pointers: places and hazards
 * are numbered by fingerprint ({@link IdTable}) rather than found by comparing scattered strings,
 * what is known about them lives in typed columns rather than in an object each (which the
 * garbage collector would copy during the call), and the worker map is keyed by packed ids
 * ({@link packed}). Per-worker work then reads those columns and list slices: the cost grows
 * linearly with the number of activities.
 * @module
 */
import { FiregridError } from '../errors.js';
import type { Locale, MetricKey, PlaceKind } from '../names.js';
import { isHighRise } from '../rules/place.js';
import type { Activity } from '../schema/activity.js';
import type { Place } from '../schema/place.js';
import type { ScoreConfig } from '../schema/score-config.js';
import type { Worker } from '../schema/worker.js';
import { resolveScoreConfig, targetFor } from './config.js';
import type { ResolvedItem, ResolvedMetric, ResolvedScoreConfig, ScoringConfig } from './config.js';
import { itemActivity } from './config.js';
import { explainMetric } from './explain.js';
import type { MetricFigures } from './explain.js';
import { IdTable, fingerprint, packed } from './ids.js';
import { explainItem, itemFigures, readsEntries } from './items.js';
import type { ItemFigures, ItemRaw } from './items.js';
import { Lists, sorted } from './lists.js';
import type { ItemEntry, ItemScore, MetricScore, RankLevel, ScoreReport, WorkerScore } from './result.js';
import { roundHalfAway } from './round.js';
import {
  CLOSED, Hazards, MANY_GRIDS, MANY_WORKERS, NO_WORKERS, ON_TIME, Places, Rounds, byText, item,
} from './tables.js';
import type { GridState, WorkerState } from './tables.js';
import { AFTER, INSIDE, PeriodWindow, dueEnd, parseAt } from './window.js';

/**
 * What the engine reads of an activity; a full {@link Activity} fits. Activities are trusted input
 * (validated where they entered: the server, the data port); the engine does not validate a
 * million of them again.
 */
export type ScoringActivity = Pick<Activity, 'id' | 'type' | 'at' | 'workerId' | 'gridId'> & {
  placeId?: string | undefined;
  hazardId?: string | undefined;
  dueAt?: string | undefined;
  onTime?: boolean | undefined;
  /** `assessment.entered`: the scheme line, the points, why, and who entered them. */
  item?: string | undefined;
  points?: number | undefined;
  reason?: string | undefined;
  by?: string | undefined;
};
/** What the engine reads of a worker; a full {@link Worker} fits. */
export type ScoringWorker = Pick<Worker, 'id' | 'name' | 'gridIds' | 'active'> & { post?: string | undefined };
/** What the engine reads of a place; a full {@link Place} fits. */
export type ScoringPlace = Pick<Place, 'id' | 'kind' | 'gridId' | 'building'>;

/** Lengths of the code prefixes that name a grid's street and community (GB/T 10114: 9 and 12 digits). */
export interface CodeLengths {
  street: number;
  community: number;
}
/** The default {@link CodeLengths}: 6-digit county + 3-digit street (乡镇/街道) + 3-digit community (社区/村). */
export const DEFAULT_CODE_LENGTHS: Readonly<CodeLengths> = Object.freeze({ street: 9, community: 12 });

/** The people, places and clock a score is computed with. */
export interface ScoringContext {
  /**
   * The workers. Scored: active workers with a grid in the configuration's scope. A worker's home
   * grid (for ranking) is the first of his `gridIds`.
   */
  workers: readonly ScoringWorker[];
  /** The places of their grids (coverage and captain metrics). */
  places: readonly ScoringPlace[];
  /** The instant the scores are for: hazards whose deadline has passed by then and are not closed are overdue. */
  now: Date;
  /** The level ranks are computed within; `grid` by default. */
  rankBy?: RankLevel;
  /** Code prefix lengths of street and community; {@link DEFAULT_CODE_LENGTHS} by default. */
  codeLengths?: Partial<CodeLengths>;
  /** Language of configuration errors; zh-CN by default. Explanations are always made in both. */
  locale?: Locale;
}

/** The figures of one metric for one worker, before points. */
export interface RawFigure {
  value: number;
  /** Denominator or target; null for deductions. */
  outOf: number | null;
  /** Overdue only: overdue hazards and late reviews. */
  overdueHazards?: number;
  overdueReviews?: number;
}

type MetricOf<K extends MetricKey> = Extract<ResolvedMetric, { key: K }>;

/** The configuration as the passes read it: which metrics are on, and the period's bounds. */
interface Plan {
  cfg: ResolvedScoreConfig;
  asOf: number;
  window: PeriodWindow;
  byPlaces: boolean;
  byQuota: boolean;
  discovery: boolean;
  closure: MetricOf<'closure'> | undefined;
  review: boolean;
  overdue: MetricOf<'overdue'> | undefined;
  captains: MetricOf<'captains'> | undefined;
  outreach: boolean;
  /** Deadlines and closures are read (closure or overdue is on). */
  hazards: boolean;
  /** The scheme's lines (issue 20) by the activity type they count; undefined when there are none. */
  itemsByType: Map<string, number[]> | undefined;
}

/** Everything the activities are sorted into. */
interface Tally {
  activities: readonly ScoringActivity[];
  lists: Lists;
  byWorker: Map<string, WorkerState>;
  byGrid: Map<string, GridState>;
  places: Places;
  /** Coverage in places mode: the places each worker owes visits; made once the places are read. */
  rounds: Rounds | undefined;
  hazards: Hazards;
  /**
   * The hazards named by `hazard.rejected`. A rejection can come after the report it rejects, so
   * reports are checked once every activity is read.
   */
  rejected: IdTable;
  /** Indices of late reviews in the period, and the scored workers each counts against (overdue is on). */
  lateReviews: number[];
  lateReviewers: (readonly WorkerState[])[];
}

function rankCode(level: RankLevel, home: string, scope: string, lengths: CodeLengths): string {
  switch (level) {
    case 'grid': return home;
    case 'community': return home.slice(0, lengths.community);
    case 'street': return home.slice(0, lengths.street);
    case 'scope': return scope;
  }
}

/** True when a worker is scored under `scope` (an OrgUnit code prefix; `*` is everything). */
function inScope(grids: readonly string[], scope: string): boolean {
  if (scope === '*') return true;
  for (const g of grids) if (g.startsWith(scope)) return true;
  return false;
}

/** The instant `now` as a number, refusing an invalid Date. */
function nowMs(now: Date): number {
  const t = now instanceof Date ? now.getTime() : NaN;
  if (Number.isNaN(t)) {
    throw new FiregridError('config', 'computeScores needs context.now, a valid Date (the clock is passed in, never read)', {
      issues: [{ path: 'now', message: 'not a valid Date' }],
    });
  }
  return t;
}

function planFor(cfg: ResolvedScoreConfig, asOf: number): Plan {
  const metric = <K extends MetricKey>(key: K): MetricOf<K> | undefined =>
    cfg.metrics.find((m): m is MetricOf<K> => m.key === key);
  const coverage = metric('coverage');
  const closure = metric('closure');
  const overdue = metric('overdue');
  return {
    cfg,
    asOf,
    window: new PeriodWindow(cfg.startMs, cfg.endMs),
    byPlaces: coverage?.params.mode === 'places',
    byQuota: coverage?.params.mode === 'quota',
    discovery: metric('discovery') !== undefined,
    closure,
    review: metric('review') !== undefined,
    overdue,
    captains: metric('captains'),
    outreach: metric('outreach') !== undefined,
    hazards: closure !== undefined || overdue !== undefined,
    itemsByType: itemsByType(cfg.items),
  };
}

function itemsByType(items: readonly ResolvedItem[]): Map<string, number[]> | undefined {
  if (items.length === 0) return undefined;
  const byType = new Map<string, number[]>();
  items.forEach((it, k) => {
    const type = itemActivity(it);
    const list = byType.get(type);
    if (list === undefined) byType.set(type, [k]);
    else list.push(k);
  });
  return byType;
}

/** A scheme line's activities: those in the period credited to a scored worker; an assessor's entry only for the line it names. */
function readItems(t: Tally, a: ScoringActivity, i: number, plan: Plan, lines: readonly number[]): void {
  if (plan.window.where(a.at) !== INSIDE) return;
  const s = t.byWorker.get(a.workerId);
  if (s === undefined) return;
  const items = plan.cfg.items;
  const entry = a.type === 'assessment.entered';
  for (const k of lines) {
    if (entry && a.item !== item(items, k).key) continue;
    let tally = s.items;
    if (tally === undefined) {
      tally = { acts: items.map(() => []), ids: items.map(() => []), cents: items.map(() => 0) };
      s.items = tally;
    }
    item(tally.acts, k).push(i);
    // The id is read while the activity is at hand, not looked up again when the line is scored.
    item(tally.ids, k).push(a.id);
    if (entry) tally.cents[k] = (tally.cents[k] ?? 0) + Math.round((a.points ?? 0) * 100);
  }
}

/** Workers in scope, and who works each grid. */
function indexWorkers(t: Tally, workers: readonly ScoringWorker[], scope: string): void {
  // Both maps are keyed by packed copies of the ids: every activity is looked up in one of them.
  const keys = packed(workers.map((w) => w.id));
  const gridKeys = packed(workers.map((w) => w.gridIds));
  for (let k = 0; k < workers.length; k++) {
    const worker = item(workers, k);
    const key = keys[k] ?? worker.id;
    if (!worker.active || t.byWorker.has(key)) continue;
    const grids = [...new Set(gridKeys[k] ?? worker.gridIds)];
    const home = grids[0];
    if (home === undefined || !inScope(grids, scope)) continue;
    const lists = t.lists;
    const state: WorkerState = {
      index: t.byWorker.size, worker, grids, gridStates: [], home,
      inspections: lists.open(), verified: lists.open(), reviews: lists.open(), outreach: lists.open(), reviewsOnTime: 0,
      closure: [], closureOnTime: 0, overdue: [], lateReviews: [], verifiedPrints: [],
      // Present from the start: a field added later would give the states two shapes, and every access to them a slower path.
      items: undefined,
    };
    t.byWorker.set(key, state);
    for (const g of grids) {
      let grid = t.byGrid.get(g);
      if (grid === undefined) {
        grid = { workers: [], visited: [], buildings: [] };
        t.byGrid.set(g, grid);
      }
      grid.workers.push(state);
      state.gridStates.push(grid);
    }
  }
}

/** Places of the grids in play: those that need visits this period, and the high-rise buildings. */
function indexPlaces(t: Tally, places: readonly ScoringPlace[], plan: Plan): void {
  const needByKind = new Map<PlaceKind, number>();
  const captains = plan.captains;
  // Places usually come grouped by grid: the previous lookup is reused.
  let lastGrid: string | undefined;
  let grid: GridState | undefined;
  for (const place of places) {
    if (place.gridId !== lastGrid) {
      lastGrid = place.gridId;
      grid = t.byGrid.get(lastGrid);
    }
    if (grid === undefined) continue;
    let need = 0;
    if (plan.byPlaces) {
      const known = needByKind.get(place.kind);
      need = known ?? targetFor(plan.cfg.visitsPerMonth[place.kind] ?? 0, plan.cfg.months);
      if (known === undefined) needByKind.set(place.kind, need);
    }
    const building = captains !== undefined && isHighRise(place)
      && (captains.params.buildings === 'all' || place.kind === 'residential');
    if (need <= 0 && !building) continue;
    const p = t.places.add(place.id);
    if (need > 0 && t.places.setNeed(p, need)) grid.visited.push(p);
    if (building && t.places.registrationsOf(p) < 0) {
      t.places.setRegistrations(p, t.lists.open());
      grid.buildings.push(p);
    }
  }
}

function readInspection(t: Tally, a: ScoringActivity, i: number, plan: Plan): void {
  if (plan.window.where(a.at) !== INSIDE) return;
  if (plan.byQuota) {
    const s = t.byWorker.get(a.workerId);
    if (s !== undefined) t.lists.add(s.inspections, i, a.id);
    return;
  }
  const placeId = a.placeId;
  const rounds = t.rounds;
  if (placeId === undefined || rounds === undefined) return;
  // A visit counts for the workers of the place's grid: it is one of the places of his grids.
  const s = t.byWorker.get(a.workerId);
  if (s === undefined) return;
  const slot = rounds.find(s.index, placeId);
  if (slot < 0) return;
  rounds.visit(slot);
  t.lists.add(s.inspections, i, a.id);
}

/** A verified report in the period joins its finder's list; whether it counts is known once every rejection is read. */
function readVerified(t: Tally, a: ScoringActivity, i: number, plan: Plan): void {
  if (plan.window.where(a.at) !== INSIDE) return;
  const s = t.byWorker.get(a.workerId);
  const id = a.hazardId;
  if (s === undefined || id === undefined) return;
  s.verifiedPrints.push(fingerprint(id));
  t.lists.add(s.verified, i, a.id);
}

function readHazard(t: Tally, a: ScoringActivity, i: number, closed: boolean): void {
  const id = a.hazardId;
  if (id === undefined) return;
  const hazards = t.hazards;
  const h = hazards.read(a, id, i, t.lists, t.byGrid);
  const dueAt = a.dueAt;
  if (dueAt !== undefined) hazards.setDue(h, dueEnd(dueAt));
  if (closed) hazards.flag(h, a.onTime === true ? CLOSED | ON_TIME : CLOSED);
}

function readReview(t: Tally, a: ScoringActivity, i: number, plan: Plan): void {
  if (plan.window.where(a.at) !== INSIDE) return;
  const onTime = a.onTime === true;
  const s = t.byWorker.get(a.workerId);
  if (s !== undefined) {
    t.lists.add(s.reviews, i, a.id);
    if (onTime) s.reviewsOnTime++;
  } else if (!onTime) {
    // Late reviews count against the workers of the grid too, whoever did them.
    t.lists.keep(i, a.id);
  }
  const overdue = plan.overdue;
  if (onTime || overdue === undefined) return;
  t.lateReviews.push(i);
  if (overdue.params.attribution === 'grid') t.lateReviewers.push(t.byGrid.get(a.gridId)?.workers ?? NO_WORKERS);
  else t.lateReviewers.push(s === undefined ? NO_WORKERS : [s]);
}

/** A captain registered before the period's end, at a building the captain metric counts. */
function readRegistration(t: Tally, a: ScoringActivity, i: number, plan: Plan): void {
  const placeId = a.placeId;
  if (placeId === undefined || plan.window.where(a.at) === AFTER) return;
  const p = t.places.find(placeId);
  const list = p < 0 ? -1 : t.places.registrationsOf(p);
  if (list >= 0) t.lists.add(list, i, a.id);
}

function readOutreach(t: Tally, a: ScoringActivity, i: number, plan: Plan): void {
  if (plan.window.where(a.at) !== INSIDE) return;
  const s = t.byWorker.get(a.workerId);
  if (s !== undefined) t.lists.add(s.outreach, i, a.id);
}

/** The one pass over the activities: each is filed where the metrics that are on will read it. */
function readActivities(t: Tally, activities: readonly ScoringActivity[], plan: Plan): void {
  const coverage = plan.byPlaces || plan.byQuota;
  const reviews = plan.review || plan.overdue !== undefined;
  const n = activities.length;
  let i = 0;
  try {
    const lines = plan.itemsByType;
    if (lines === undefined) {
      for (; i < n; i++) readActivity(t, item(activities, i), i, plan, coverage, reviews);
    } else {
      for (; i < n; i++) {
        const a = item(activities, i);
        readActivity(t, a, i, plan, coverage, reviews);
        const mine = lines.get(a.type);
        if (mine !== undefined) readItems(t, a, i, plan, mine);
      }
    }
  } catch (e) {
    // Records that bypassed the schemas (an id that is not text, a missing field) fail deep in the
    // tables: say which one, as a validation error, instead of a bare TypeError.
    if (!(e instanceof TypeError)) throw e;
    throw new FiregridError('validation', `computeScores: activities[${i}] does not fit ScoringActivity (${e.message})`, {
      issues: [{ path: `activities[${i}]`, message: e.message }],
    });
  }
}

/** Files one activity (the `i`th) where the metrics that are on will read it. */
function readActivity(t: Tally, a: ScoringActivity, i: number, plan: Plan, coverage: boolean, reviews: boolean): void {
  // Most frequent first; each case reads only the fields its type carries.
  switch (a.type) {
    case 'inspection.submitted':
      if (coverage) readInspection(t, a, i, plan);
      break;
    case 'hazard.reported':
      // Discovery counts verified reports; a report alone counts for nothing.
      break;
    case 'hazard.verified':
      if (plan.discovery) readVerified(t, a, i, plan);
      break;
    case 'hazard.rejected':
      if (plan.discovery && a.hazardId !== undefined) t.rejected.add(a.hazardId, fingerprint(a.hazardId));
      break;
    case 'hazard.assigned':
      if (plan.hazards) readHazard(t, a, i, false);
      break;
    case 'hazard.closed':
      if (plan.hazards) readHazard(t, a, i, true);
      break;
    case 'review.done':
      if (reviews) readReview(t, a, i, plan);
      break;
    case 'captain.registered':
      if (plan.captains !== undefined) readRegistration(t, a, i, plan);
      break;
    case 'training.held':
    case 'publicity.held':
      if (plan.outreach) readOutreach(t, a, i, plan);
      break;
  }
}

/**
 * The scored workers a hazard is attributed to: the workers of its grids, or the workers it is
 * credited to. Almost always its activities share one grid and one worker, which needs no set.
 */
function membersOf(t: Tally, h: number, byGridAttribution: boolean): readonly WorkerState[] {
  const hazards = t.hazards;
  if (!hazards.has(h, byGridAttribution ? MANY_GRIDS : MANY_WORKERS)) {
    if (byGridAttribution) return hazards.gridState(h)?.workers ?? NO_WORKERS;
    const s = t.byWorker.get(hazards.worker(h));
    return s === undefined ? NO_WORKERS : [s];
  }
  const seen = new Set<WorkerState>();
  const lists = t.lists;
  const list = hazards.listOf(h);
  for (let p = lists.from(list), end = lists.to(list); p < end; p++) {
    const a = item(t.activities, lists.activityAt(p));
    if (byGridAttribution) {
      for (const s of t.byGrid.get(a.gridId)?.workers ?? NO_WORKERS) seen.add(s);
    } else {
      const s = t.byWorker.get(a.workerId);
      if (s !== undefined) seen.add(s);
    }
  }
  return [...seen];
}

/** Hazards whose deadline falls in the period, and late reviews, go to the workers they are attributed to. */
function attributeHazards(t: Tally, plan: Plan): void {
  const { closure, overdue, cfg } = plan;
  const closureByGrid = closure?.params.attribution === 'grid';
  const overdueByGrid = overdue?.params.attribution === 'grid';
  const { lists, hazards } = t;
  for (let h = 0; h < hazards.count; h++) {
    const closed = hazards.has(h, CLOSED);
    let due = hazards.due(h);
    if (Number.isNaN(due)) {
      // A closure without any deadline falls in the period it was closed in.
      if (!closed) continue;
      due = Infinity;
      const list = hazards.listOf(h);
      for (let p = lists.from(list), end = lists.to(list); p < end; p++) {
        const a = item(t.activities, lists.activityAt(p));
        if (a.type === 'hazard.closed') due = Math.min(due, parseAt(a.at));
      }
    }
    if (due < cfg.startMs || due >= cfg.endMs) continue;
    const late = closed ? !hazards.has(h, ON_TIME) : due < plan.asOf;
    // Not closed and not yet due: it counts once it is closed or late.
    if (!closed && !late) continue;
    if (closure !== undefined) {
      const members = membersOf(t, h, closureByGrid);
      for (let k = 0; k < members.length; k++) {
        const s = item(members, k);
        s.closure.push(h);
        if (!late) s.closureOnTime++;
      }
    }
    if (overdue !== undefined && late) {
      const members = membersOf(t, h, overdueByGrid);
      for (let k = 0; k < members.length; k++) item(members, k).overdue.push(h);
    }
  }
  for (let k = 0; k < t.lateReviews.length; k++) {
    const i = t.lateReviews[k] ?? 0;
    for (const s of t.lateReviewers[k] ?? NO_WORKERS) s.lateReviews.push(i);
  }
}

/** A metric's figures with their evidence. */
interface Evidence extends RawFigure {
  ids: string[];
  placeIds: string[];
}

/** The ids of the assignments and closures of some hazards, and of late reviews, in id order. */
function hazardIds(t: Tally, hazards: readonly number[], lateReviews: readonly number[] = []): string[] {
  const lists = t.lists;
  lists.merging();
  for (const h of hazards) lists.mergeList(t.hazards.listOf(h));
  for (const i of lateReviews) lists.mergeActivity(i);
  return lists.merged();
}

/** The hazard a verified report names (every report in a list names one). */
const hazardOf = (t: Tally, i: number): string => item(t.activities, i).hazardId ?? '';

/**
 * Discovery: the distinct hazards among a worker's verified reports, leaving out rejected ones,
 * and the ids of the reports kept. Hazards are told apart by fingerprint, reading a report's
 * hazard id only when its fingerprint matches a rejected hazard's or an earlier report's.
 */
function discoveries(t: Tally, s: WorkerState): { found: number; ids: string[] } {
  const lists = t.lists;
  const found: number[] = [];
  const foundPrints: number[] = [];
  const ids: string[] = [];
  const from = lists.from(s.verified);
  for (let p = from, end = lists.to(s.verified); p < end; p++) {
    const i = lists.activityAt(p);
    const print = s.verifiedPrints[p - from] ?? 0;
    if (t.rejected.mayHave(print) && t.rejected.find(hazardOf(t, i), print) >= 0) continue;
    let known = false;
    for (let k = 0; k < found.length && !known; k++) {
      known = foundPrints[k] === print && hazardOf(t, found[k] ?? 0) === hazardOf(t, i);
    }
    if (!known) {
      found.push(i);
      foundPrints.push(print);
    }
    ids.push(lists.idAt(p));
  }
  return { found: found.length, ids: lists.inIdOrder(ids) };
}

/** The monthly quota of a worker's post (`quotaByPost`), else `quotaPerMonth`. */
export function quotaOf(p: { quotaPerMonth: number; quotaByPost: Record<string, number> }, post: string | undefined): number {
  return post !== undefined && Object.prototype.hasOwnProperty.call(p.quotaByPost, post) ? (p.quotaByPost[post] ?? 0) : p.quotaPerMonth;
}

/** The distinct places a list's inspections name (quota of places: 125 visits to 3 shops are 3). */
function distinctPlaces(t: Tally, list: number): number {
  const lists = t.lists;
  const seen = new Set<string>();
  for (let p = lists.from(list), end = lists.to(list); p < end; p++) {
    const place = item(t.activities, lists.activityAt(p)).placeId;
    if (place !== undefined) seen.add(place);
  }
  return seen.size;
}

function evidence(m: ResolvedMetric, s: WorkerState, cfg: ResolvedScoreConfig, t: Tally): Evidence {
  const lists = t.lists;
  switch (m.key) {
    case 'coverage': {
      if (m.params.mode === 'quota') {
        const value = m.params.count === 'places' ? distinctPlaces(t, s.inspections) : lists.size(s.inspections);
        return { value, outOf: targetFor(quotaOf(m.params, s.worker.post), cfg.months), ids: lists.ids(s.inspections), placeIds: [] };
      }
      const short: string[] = [];
      const covered = t.rounds?.covered(s.index, t.places, short) ?? 0;
      return { value: covered, outOf: t.rounds?.required(s.index) ?? 0, ids: lists.ids(s.inspections), placeIds: short };
    }
    case 'discovery': {
      const { found, ids } = discoveries(t, s);
      return { value: found, outOf: targetFor(m.params.targetPerMonth, cfg.months), ids, placeIds: [] };
    }
    case 'closure':
      return { value: s.closureOnTime, outOf: s.closure.length, ids: hazardIds(t, s.closure), placeIds: [] };
    case 'review':
      return { value: s.reviewsOnTime, outOf: lists.size(s.reviews), ids: lists.ids(s.reviews), placeIds: [] };
    case 'overdue': {
      return {
        value: s.overdue.length + s.lateReviews.length, outOf: null, ids: hazardIds(t, s.overdue, s.lateReviews), placeIds: [],
        overdueHazards: s.overdue.length, overdueReviews: s.lateReviews.length,
      };
    }
    case 'captains': {
      let buildings = 0;
      let covered = 0;
      lists.merging();
      const short: string[] = [];
      const byWorker = m.params.attribution === 'worker';
      for (const g of s.gridStates) {
        for (const b of g.buildings) {
          buildings++;
          let found = false;
          const list = t.places.registrationsOf(b);
          for (let p = lists.from(list), end = lists.to(list); p < end; p++) {
            if (byWorker && item(t.activities, lists.activityAt(p)).workerId !== s.worker.id) continue;
            found = true;
            lists.mergeAt(p);
          }
          if (found) covered++;
          else short.push(t.places.id(b));
        }
      }
      return { value: covered, outOf: buildings, ids: lists.merged(), placeIds: short };
    }
    case 'outreach':
      return { value: lists.size(s.outreach), outOf: targetFor(m.params.targetPerMonth, cfg.months), ids: lists.ids(s.outreach), placeIds: [] };
  }
}

/**
 * Points, normalised value and the figures an explanation reads, from a metric's raw figures: the
 * arithmetic `toSql` compiles too, so both give the same doubles.
 */
export function figuresOf(m: ResolvedMetric, raw: RawFigure, cfg: ResolvedScoreConfig): MetricFigures {
  if (m.key === 'overdue') {
    const items = raw.value;
    const deduction = Math.min(cfg.deductions.cap, items * cfg.deductions.perOverdue, m.weight);
    const points = roundHalfAway(m.weight - deduction);
    const ratio = m.weight > 0 ? points / m.weight : items === 0 ? 1 : 0;
    return {
      value: items, outOf: null, ratio, points, deduction: roundHalfAway(deduction), none: false,
      overdueHazards: raw.overdueHazards ?? 0, overdueReviews: raw.overdueReviews ?? 0,
    };
  }
  const outOf = raw.outOf ?? 0;
  const none = outOf <= 0;
  const ratio = none ? (m.params.whenNone === 'full' ? 1 : 0) : Math.min(1, raw.value / outOf);
  return { value: raw.value, outOf: raw.outOf, ratio, points: roundHalfAway(ratio * m.weight), none };
}

/** What every worker with the same figures for a metric shares: points, normalised value, explanation. */
interface Scored {
  figures: MetricFigures;
  normalized: number;
  explanation: { 'zh-CN': string; en: string };
}

/**
 * The scored figures of one metric, made once per distinct raw figure: thousands of workers share
 * a few hundred combinations (4 of 6 reviews on time), so their explanations are built once and
 * the same (frozen) explanation object is shared.
 */
class MetricScorer {
  private readonly cache = new Map<number, Scored>();
  constructor(private readonly m: ResolvedMetric, private readonly cfg: ResolvedScoreConfig) {}

  score(raw: RawFigure): Scored {
    const second = this.m.key === 'overdue' ? (raw.overdueHazards ?? 0) : (raw.outOf ?? 0);
    // Counts below 2^20 make an exact numeric key; anything larger is scored without the cache.
    if (raw.value >= KEY_LIMIT || second >= KEY_LIMIT) return this.make(raw);
    const key = raw.value * KEY_LIMIT + second;
    let s = this.cache.get(key);
    if (s === undefined) {
      s = this.make(raw);
      this.cache.set(key, s);
    }
    return s;
  }

  private make(raw: RawFigure): Scored {
    const figures = figuresOf(this.m, raw, this.cfg);
    return {
      figures,
      normalized: roundHalfAway(figures.ratio, 4),
      explanation: Object.freeze(explainMetric(this.m, figures, this.cfg.deductions)),
    };
  }
}

const KEY_LIMIT = 1_048_576;

/** A line's figures and (frozen, shared) explanation per distinct raw figure: thousands of workers share a few. */
type ItemCache = Map<number, { f: ItemFigures; explanation: { 'zh-CN': string; en: string } }>;

/** One worker's score on one scheme line, with its activities and, for assessor lines, the entries cited. */
function scoreItem(it: ResolvedItem, k: number, s: WorkerState, t: Tally, cfg: ResolvedScoreConfig, cache: ItemCache): ItemScore {
  const acts = s.items?.acts[k] ?? [];
  const raw: ItemRaw = { count: acts.length, cents: s.items?.cents[k] ?? 0 };
  const exact = raw.count < KEY_LIMIT && Math.abs(raw.cents) < KEY_LIMIT;
  const key = raw.count * 2 * KEY_LIMIT + raw.cents + KEY_LIMIT;
  let scored = exact ? cache.get(key) : undefined;
  if (scored === undefined) {
    const figures = itemFigures(it, raw, cfg);
    scored = { f: figures, explanation: Object.freeze(explainItem(it, figures, raw)) };
    if (exact) cache.set(key, scored);
  }
  const f = scored.f;
  const entries: ItemEntry[] = [];
  if (readsEntries(it)) {
    for (const i of acts) {
      const a = item(t.activities, i);
      entries.push({ activityId: a.id, by: a.by ?? '', at: a.at, points: a.points ?? 0, reason: a.reason ?? '' });
    }
    entries.sort((x, y) => parseAt(x.at) - parseAt(y.at) || byText(x.activityId, y.activityId));
  }
  return {
    key: it.key, kind: it.kind, label: it.label, value: f.value, outOf: f.outOf, points: f.points,
    explanation: scored.explanation, activityIds: sorted(s.items?.ids[k] ?? []), entries,
  };
}

/**
 * Scores every active worker in the configuration's scope over its period: per metric the raw
 * figure, the normalised value, weight, points, an explanation in zh-CN and English and the
 * activity ids behind it; a total in 0–100; and a rank within `context.rankBy` (ties go to the
 * smaller worker id). Pure: the clock is `context.now`, and the result does not depend on the order
 * of `activities`.
 *
 * What each metric counts (activities in the period are those with `at` in its days, UTC+8):
 * - `coverage`: places of his grids whose kind needs visits (`visitsPerMonth` × months of the
 *   period, rounded up) that his inspections in the period visited that often; or, with
 *   `mode: 'quota'`, his inspections against `quotaPerMonth` × months.
 * - `discovery`: distinct hazards he found that were verified in the period; a rejected report never counts.
 * - `closure`: hazards whose deadline falls in the period — closed on time, against those closed
 *   late or still open past the deadline at `now` (hazards not yet due are left out).
 * - `review`: his reviews in the period done on time, against all his reviews in the period.
 * - `overdue`: overdue hazards (as in `closure`) and late reviews in the period; each takes
 *   `deductions.perOverdue` off the metric's weight, at most `deductions.cap` in all.
 * - `captains`: high-rise buildings of his grids with a captain registered before the period's end.
 * - `outreach`: training and publicity he held in the period, against `targetPerMonth` × months.
 * @throws FiregridError `config` naming the field of a bad configuration, or a bad `context.now`
 * @example
 * const report = computeScores(activities, config, { workers, places, now: new Date(), rankBy: 'community' });
 * report.workers[0].metrics[0].explanation['zh-CN']; // '巡查覆盖 18/20 处场所 (90%) × 30 = 27 分'
 */
export function computeScores(
  activities: readonly ScoringActivity[],
  config: ScoringConfig | ScoreConfig,
  context: ScoringContext,
): ScoreReport {
  const cfg = resolveScoreConfig(config, context.locale ?? 'zh-CN');
  const plan = planFor(cfg, nowMs(context.now));
  const rankBy = context.rankBy ?? 'grid';
  const lengths: CodeLengths = { ...DEFAULT_CODE_LENGTHS, ...context.codeLengths };
  const t: Tally = {
    activities, lists: new Lists(activities.length), byWorker: new Map(), byGrid: new Map(), places: new Places(context.places.length), rounds: undefined,
    hazards: new Hazards(), rejected: new IdTable(), lateReviews: [], lateReviewers: [],
  };
  indexWorkers(t, context.workers, cfg.scope);
  indexPlaces(t, context.places, plan);
  if (plan.byPlaces) t.rounds = new Rounds([...t.byWorker.values()], t.places);
  readActivities(t, activities, plan);
  t.lists.place();
  attributeHazards(t, plan);

  const states = [...t.byWorker.values()];
  const found = states.map((s) => cfg.metrics.map((m) => evidence(m, s, cfg, t)));
  // Relative metrics are measured against the best in scope.
  cfg.metrics.forEach((m, k) => {
    if ((m.key !== 'discovery' && m.key !== 'outreach') || m.params.relativeTo !== 'best') return;
    let best = 0;
    for (const e of found) best = Math.max(best, item(e, k).value);
    for (const e of found) item(e, k).outOf = best;
  });

  const scorers = cfg.metrics.map((m) => new MetricScorer(m, cfg));
  const itemCaches = cfg.items.map((): ItemCache => new Map());
  const scores = states.map((s, i): WorkerScore => {
    let sum = 0;
    const metrics = cfg.metrics.map((m, k): MetricScore => {
      const e = item(item(found, i), k);
      const { figures: f, normalized, explanation } = item(scorers, k).score(e);
      sum += f.points;
      const score: MetricScore = {
        key: m.key, weight: m.weight, value: f.value, outOf: f.outOf, normalized, points: f.points, explanation,
        activityIds: e.ids, placeIds: sorted(e.placeIds),
      };
      if (f.deduction !== undefined) score.deduction = f.deduction;
      return score;
    });
    const score: WorkerScore = {
      workerId: s.worker.id,
      name: s.worker.name,
      gridId: s.home,
      total: roundHalfAway(sum),
      rank: { level: rankBy, code: rankCode(rankBy, s.home, cfg.scope, lengths), position: 1, of: 1 },
      metrics,
    };
    if (cfg.items.length > 0) {
      const items = cfg.items.map((it, k) => scoreItem(it, k, s, t, cfg, item(itemCaches, k)));
      for (const it of items) sum += it.points;
      score.items = items;
      score.total = roundHalfAway(clampTotal(sum, cfg));
    }
    return score;
  });

  return {
    ...(cfg.id === undefined ? {} : { configId: cfg.id }),
    name: cfg.name,
    period: { ...cfg.period },
    scope: cfg.scope,
    rankBy,
    asOf: new Date(plan.asOf).toISOString(),
    workers: rankWorkers(scores),
  };
}

/** A total with scheme lines kept in 0…max (above max only when bonuses may lift it). */
export function clampTotal(sum: number, cfg: Pick<ResolvedScoreConfig, 'max' | 'bonusAboveMax'>): number {
  return Math.max(0, cfg.bonusAboveMax ? sum : Math.min(cfg.max, sum));
}

/**
 * Sets each worker's rank within his rank code — highest total first, ties to the smaller worker
 * id — and returns them sorted by code, then position.
 */
export function rankWorkers(scores: WorkerScore[]): WorkerScore[] {
  scores.sort((a, b) => byText(a.rank.code, b.rank.code) || b.total - a.total || byText(a.workerId, b.workerId));
  let i = 0;
  while (i < scores.length) {
    const code = item(scores, i).rank.code;
    let j = i;
    while (j < scores.length && item(scores, j).rank.code === code) j++;
    for (let k = i; k < j; k++) {
      const r = item(scores, k).rank;
      r.position = k - i + 1;
      r.of = j - i;
    }
    i = j;
  }
  return scores;
}

