/**
 * The scoring engine: `computeScores(activities, config, context)` (DESIGN §7). Pure and
 * deterministic: the clock, the period and the people are passed in, the order of the activities
 * does not matter, and every figure carries the ids of the activities behind it.
 *
 * It reads the activities once, threading what each metric needs into per-worker, per-hazard and
 * per-place lists (through one index array, so the pass allocates almost nothing), then works per
 * worker over those lists: the cost grows linearly
 * with the number of activities.
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
import type { ResolvedMetric, ResolvedScoreConfig, ScoringConfig } from './config.js';
import { explainMetric } from './explain.js';
import type { MetricFigures } from './explain.js';
import type { MetricScore, RankLevel, ScoreReport, WorkerScore } from './result.js';
import { roundHalfAway } from './round.js';
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
};
/** What the engine reads of a worker; a full {@link Worker} fits. */
export type ScoringWorker = Pick<Worker, 'id' | 'name' | 'gridIds' | 'active'>;
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

/**
 * A list of activities threaded through {@link Links}: `head` is the index of the last one added,
 * -1 when empty. Embedded in the objects that own a list, so adding an activity allocates nothing.
 */
interface List {
  head: number;
  count: number;
}

/** The links of every list: `next[i]` is the activity added to the same list before activity `i`. */
interface Links {
  /** Scratch space for merging lists, reused by every worker's evidence (one allocation per call, not per list). */
  scratch: number[];
  next: Int32Array;
  activities: readonly ScoringActivity[];
  /** `ids[i]` is `activities[i].id`, read once in the pass so lists copy pointers without touching activities again. */
  ids: string[];
  /**
   * True when the activities came in id order (as a data port or `ORDER BY id` gives them): then
   * input order is id order, and lists read in input order need no sorting.
   */
  sortedById: boolean;
}

/** What one worker's activities add up to. */
interface WorkerState {
  worker: ScoringWorker;
  grids: string[];
  home: string;
  /** His inspections that count for coverage: at places of his grids that need visits (places mode), or all (quota mode). */
  inspections: List;
  verified: List;
  outreach: List;
  reviews: List;
  reviewsOnTime: number;
  /** Hazards due in the period attributed to him (closure), and those of them that are late (overdue). */
  closure: HazardState[];
  closureOnTime: number;
  overdue: HazardState[];
  /** Indices of late reviews attributed to him. */
  lateReviews: number[];
}

/** What the activities of one hazard say about its deadline and closure. */
interface HazardState extends List {
  /** Latest deadline seen on `hazard.assigned` / `hazard.closed`, epoch ms; NaN when none. */
  due: number;
  closed: boolean;
  onTime: boolean;
  /** Grid and credited worker of its first activity, and whether the others all share them. */
  grid: string;
  worker: string;
  oneGrid: boolean;
  oneWorker: boolean;
}

/** A place that needs visits this period, with the visits of the workers of its grid. */
interface VisitedPlace {
  place: ScoringPlace;
  need: number;
  /** The scored workers of the place's grid; `owner` is the first, the usual only one. */
  workers: WorkerState[];
  owner: WorkerState;
  /** The id of `owner`, kept here so the hot loop compares without following pointers. */
  ownerId: string;
  /** Visits by `owner` in the period. */
  visits: number;
  /** Visits by the others, when the grid has more than one worker. */
  others: Map<WorkerState, number> | undefined;
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
  /** Hazards are read at all (closure or overdue is on). */
  hazards: boolean;
}

/** Everything the activities are sorted into. */
interface Tally {
  links: Links;
  byWorker: Map<string, WorkerState>;
  byGrid: Map<string, WorkerState[]>;
  visited: Map<string, VisitedPlace>;
  visitedByGrid: Map<string, VisitedPlace[]>;
  highRiseByGrid: Map<string, ScoringPlace[]>;
  hazards: Map<string, HazardState>;
  rejected: Set<string>;
  registered: Map<string, List>;
  /** Indices of late reviews in the period. */
  lateReviews: number[];
}

const list = (): List => ({ head: -1, count: 0 });

/**
 * `list[i]` where the loop's bounds guarantee an element, which `noUncheckedIndexedAccess` cannot
 * see. A hole would be a bug here, so it throws instead of passing `undefined` on.
 */
function item<T>(values: ArrayLike<T>, i: number): T {
  const v = values[i];
  if (v === undefined) throw new RangeError(`scoring: no element at ${i} of ${values.length}`);
  return v;
}

/** The activity linked before `j` in its list, -1 at the end. */
function nextOf(links: Links, j: number): number {
  return links.next[j] ?? -1;
}

function link(t: Tally, l: List, i: number): void {
  t.links.next[i] = l.head;
  l.head = i;
  l.count++;
}

/** The ids of a list's activities, in input order. */
function idsOf(links: Links, l: List): string[] {
  const out = new Array<string>(l.count);
  let p = l.count - 1;
  for (let j = l.head; j >= 0; j = nextOf(links, j)) out[p--] = item(links.ids, j);
  return inIdOrder(links, out);
}

/** The ids of several lists' activities (and single ones), in input order: indices are merged, not strings. */
function idsOfMany(links: Links, lists: readonly List[], singles: readonly number[] = []): string[] {
  const index = links.scratch;
  index.length = 0;
  for (const l of lists) for (let j = l.head; j >= 0; j = nextOf(links, j)) index.push(j);
  for (const j of singles) index.push(j);
  sortIndices(index);
  const out = new Array<string>(index.length);
  for (let k = 0; k < index.length; k++) out[k] = item(links.ids, item(index, k));
  return inIdOrder(links, out);
}

/**
 * Sorts activity indices ascending. The lists are short and made of descending runs (each list is
 * threaded newest first), so an insertion sort beats a sort with a comparison callback.
 */
function sortIndices(index: number[]): void {
  if (index.length > 64) {
    index.sort((a, b) => a - b);
    return;
  }
  for (let i = 1; i < index.length; i++) {
    const v = item(index, i);
    let j = i - 1;
    while (j >= 0 && item(index, j) > v) {
      index[j + 1] = item(index, j);
      j--;
    }
    index[j + 1] = v;
  }
}

/** Ids in input order are in id order when the input was; otherwise they are sorted here. */
function inIdOrder(links: Links, ids: string[]): string[] {
  return links.sortedById ? ids : sorted(ids);
}

const byText = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/**
 * Sorts ids in place, in UTF-16 code unit order (the order of `<` on strings). Activities usually
 * arrive in id order, which leaves most lists sorted already: checking costs one comparison per id.
 */
function sorted(ids: string[]): string[] {
  for (let i = 1; i < ids.length; i++) {
    // The default sort compares in the same order as `<`, without a callback per comparison.
    if (item(ids, i - 1) > item(ids, i)) return ids.sort();
  }
  return ids;
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

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const l = map.get(key);
  if (l === undefined) map.set(key, [value]);
  else l.push(value);
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
  };
}

/** Workers in scope, and who works each grid. */
function indexWorkers(t: Tally, workers: readonly ScoringWorker[], scope: string): void {
  for (const worker of workers) {
    if (!worker.active || t.byWorker.has(worker.id)) continue;
    const grids = [...new Set(worker.gridIds)];
    const home = grids[0];
    if (home === undefined || !inScope(grids, scope)) continue;
    const state: WorkerState = {
      worker, grids, home, inspections: list(), verified: list(), outreach: list(), reviews: list(), reviewsOnTime: 0,
      closure: [], closureOnTime: 0, overdue: [], lateReviews: [],
    };
    t.byWorker.set(worker.id, state);
    for (const g of grids) push(t.byGrid, g, state);
  }
}

/** Places of the grids in play: those that need visits this period, and the high-rise buildings. */
function indexPlaces(t: Tally, places: readonly ScoringPlace[], plan: Plan): void {
  const needByKind = new Map<PlaceKind, number>();
  const captains = plan.captains;
  const highRise = new Set<string>();
  // Places usually come grouped by grid: the previous lookup is reused.
  let lastGrid: string | undefined;
  let workers: WorkerState[] | undefined;
  for (const place of places) {
    if (place.gridId !== lastGrid) {
      lastGrid = place.gridId;
      workers = t.byGrid.get(lastGrid);
    }
    if (workers === undefined) continue;
    if (plan.byPlaces && !t.visited.has(place.id)) {
      let need = needByKind.get(place.kind);
      if (need === undefined) {
        need = targetFor(plan.cfg.visitsPerMonth[place.kind] ?? 0, plan.cfg.months);
        needByKind.set(place.kind, need);
      }
      if (need > 0) {
        const owner = item(workers, 0);
        const v: VisitedPlace = { place, need, workers, owner, ownerId: owner.worker.id, visits: 0, others: undefined };
        t.visited.set(place.id, v);
        push(t.visitedByGrid, place.gridId, v);
      }
    }
    if (captains !== undefined && !highRise.has(place.id) && isHighRise(place)
      && (captains.params.buildings === 'all' || place.kind === 'residential')) {
      highRise.add(place.id);
      push(t.highRiseByGrid, place.gridId, place);
    }
  }
}

function readInspection(t: Tally, a: ScoringActivity, i: number, plan: Plan): void {
  if (plan.window.where(a.at) !== INSIDE) return;
  if (plan.byQuota) {
    const s = t.byWorker.get(a.workerId);
    if (s !== undefined) link(t, s.inspections, i);
    return;
  }
  const placeId = a.placeId;
  if (placeId === undefined) return;
  const v = t.visited.get(placeId);
  if (v === undefined) return;
  const workerId = a.workerId;
  if (v.ownerId === workerId) {
    v.visits++;
    link(t, v.owner.inspections, i);
  } else if (v.workers.length > 1) {
    const s = t.byWorker.get(workerId);
    if (s === undefined || !v.workers.includes(s)) return;
    v.others ??= new Map();
    v.others.set(s, (v.others.get(s) ?? 0) + 1);
    link(t, s.inspections, i);
  }
}

function readHazard(t: Tally, a: ScoringActivity, i: number, closed: boolean): void {
  const id = a.hazardId;
  if (id === undefined) return;
  let h = t.hazards.get(id);
  if (h === undefined) {
    h = {
      head: -1, count: 0, due: NaN, closed: false, onTime: false, grid: a.gridId, worker: a.workerId, oneGrid: true, oneWorker: true,
    };
    t.hazards.set(id, h);
  } else {
    if (a.gridId !== h.grid) h.oneGrid = false;
    if (a.workerId !== h.worker) h.oneWorker = false;
  }
  const dueAt = a.dueAt;
  if (dueAt !== undefined) {
    const due = dueEnd(dueAt);
    if (!Number.isNaN(due) && (Number.isNaN(h.due) || due > h.due)) h.due = due;
  }
  if (closed) {
    h.closed = true;
    if (a.onTime === true) h.onTime = true;
  }
  link(t, h, i);
}

function readReview(t: Tally, a: ScoringActivity, i: number, plan: Plan): void {
  if (plan.window.where(a.at) !== INSIDE) return;
  const onTime = a.onTime === true;
  const s = t.byWorker.get(a.workerId);
  if (s !== undefined) {
    link(t, s.reviews, i);
    if (onTime) s.reviewsOnTime++;
  }
  if (!onTime) t.lateReviews.push(i);
}

function readOther(t: Tally, a: ScoringActivity, i: number, plan: Plan, type: ScoringActivity['type']): void {
  const window = plan.window;
  if (type === 'hazard.verified') {
    if (!plan.discovery || window.where(a.at) !== INSIDE) return;
    const s = t.byWorker.get(a.workerId);
    if (s !== undefined) link(t, s.verified, i);
  } else if (type === 'hazard.rejected') {
    if (a.hazardId !== undefined) t.rejected.add(a.hazardId);
  } else if (type === 'captain.registered') {
    if (plan.captains === undefined || a.placeId === undefined || window.where(a.at) === AFTER) return;
    let l = t.registered.get(a.placeId);
    if (l === undefined) {
      l = list();
      t.registered.set(a.placeId, l);
    }
    link(t, l, i);
  } else if (type === 'training.held' || type === 'publicity.held') {
    if (!plan.outreach || window.where(a.at) !== INSIDE) return;
    const s = t.byWorker.get(a.workerId);
    if (s !== undefined) link(t, s.outreach, i);
  }
}

/** The one pass over the activities, threading each into the list that metrics read. */
function readActivities(t: Tally, activities: readonly ScoringActivity[], plan: Plan): void {
  const n = activities.length;
  const coverage = plan.byPlaces || plan.byQuota;
  const reviews = plan.review || plan.overdue !== undefined;
  let previous = '';
  let sortedById = true;
  const ids = t.links.ids;
  for (let i = 0; i < n; i++) {
    const a = item(activities, i);
    const id = a.id;
    ids[i] = id;
    if (sortedById && id < previous) sortedById = false;
    previous = id;
    const type = a.type;
    if (type === 'inspection.submitted') {
      if (coverage) readInspection(t, a, i, plan);
    } else if (type === 'hazard.assigned') {
      if (plan.hazards) readHazard(t, a, i, false);
    } else if (type === 'hazard.closed') {
      if (plan.hazards) readHazard(t, a, i, true);
    } else if (type === 'review.done') {
      if (reviews) readReview(t, a, i, plan);
    } else {
      readOther(t, a, i, plan, type);
    }
  }
  t.links.sortedById = sortedById;
}

/**
 * The scored workers an item is attributed to: the workers of its grids, or the workers it is
 * credited to. Almost always a hazard's activities share one grid and one worker, which needs no set.
 */
function membersOf(t: Tally, h: HazardState, byGridAttribution: boolean): readonly WorkerState[] {
  if (byGridAttribution ? h.oneGrid : h.oneWorker) {
    if (byGridAttribution) return t.byGrid.get(h.grid) ?? [];
    const s = t.byWorker.get(h.worker);
    return s === undefined ? [] : [s];
  }
  const seen = new Set<WorkerState>();
  for (let j = h.head; j >= 0; j = nextOf(t.links, j)) {
    const a = item(t.links.activities, j);
    if (byGridAttribution) {
      for (const s of t.byGrid.get(a.gridId) ?? []) seen.add(s);
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
  for (const h of t.hazards.values()) {
    let due = h.due;
    if (Number.isNaN(due)) {
      // A closure without any deadline falls in the period it was closed in.
      if (!h.closed) continue;
      due = Infinity;
      for (let j = h.head; j >= 0; j = nextOf(t.links, j)) {
        const a = item(t.links.activities, j);
        if (a.type === 'hazard.closed') due = Math.min(due, parseAt(a.at));
      }
    }
    if (due < cfg.startMs || due >= cfg.endMs) continue;
    const late = h.closed ? !h.onTime : due < plan.asOf;
    // Not closed and not yet due: it counts once it is closed or late.
    if (!h.closed && !late) continue;
    if (closure !== undefined) {
      for (const s of membersOf(t, h, closureByGrid)) {
        s.closure.push(h);
        if (!late) s.closureOnTime++;
      }
    }
    if (overdue !== undefined && late) {
      for (const s of membersOf(t, h, overdueByGrid)) s.overdue.push(h);
    }
  }
  if (overdue === undefined) return;
  for (const i of t.lateReviews) {
    const a = item(t.links.activities, i);
    if (overdueByGrid) {
      for (const s of t.byGrid.get(a.gridId) ?? []) s.lateReviews.push(i);
    } else {
      t.byWorker.get(a.workerId)?.lateReviews.push(i);
    }
  }
}

/** A metric's figures with their evidence. */
interface Evidence extends RawFigure {
  ids: string[];
  placeIds: string[];
}

function evidence(m: ResolvedMetric, s: WorkerState, cfg: ResolvedScoreConfig, t: Tally): Evidence {
  const links = t.links;
  switch (m.key) {
    case 'coverage': {
      if (m.params.mode === 'quota') {
        return { value: s.inspections.count, outOf: targetFor(m.params.quotaPerMonth, cfg.months), ids: idsOf(links, s.inspections), placeIds: [] };
      }
      let required = 0;
      let covered = 0;
      const short: string[] = [];
      for (const g of s.grids) {
        for (const v of t.visitedByGrid.get(g) ?? []) {
          required++;
          const visits = v.owner === s ? v.visits : (v.others?.get(s) ?? 0);
          if (visits >= v.need) covered++;
          else short.push(v.place.id);
        }
      }
      return { value: covered, outOf: required, ids: idsOf(links, s.inspections), placeIds: short };
    }
    case 'discovery': {
      const found: string[] = [];
      const kept: number[] = [];
      for (let j = s.verified.head; j >= 0; j = nextOf(links, j)) {
        const id = item(links.activities, j).hazardId;
        if (id === undefined || (t.rejected.size > 0 && t.rejected.has(id))) continue;
        if (!found.includes(id)) found.push(id);
        kept.push(j);
      }
      return { value: found.length, outOf: targetFor(m.params.targetPerMonth, cfg.months), ids: idsOfMany(links, [], kept), placeIds: [] };
    }
    case 'closure':
      return { value: s.closureOnTime, outOf: s.closure.length, ids: idsOfMany(links, s.closure), placeIds: [] };
    case 'review':
      return { value: s.reviewsOnTime, outOf: s.reviews.count, ids: idsOf(links, s.reviews), placeIds: [] };
    case 'overdue': {
      return {
        value: s.overdue.length + s.lateReviews.length, outOf: null, ids: idsOfMany(links, s.overdue, s.lateReviews), placeIds: [],
        overdueHazards: s.overdue.length, overdueReviews: s.lateReviews.length,
      };
    }
    case 'captains': {
      let buildings = 0;
      let covered = 0;
      const kept: number[] = [];
      const short: string[] = [];
      for (const g of s.grids) {
        for (const place of t.highRiseByGrid.get(g) ?? []) {
          buildings++;
          let found = false;
          const l = t.registered.get(place.id);
          for (let j = l === undefined ? -1 : l.head; j >= 0; j = nextOf(links, j)) {
            if (m.params.attribution === 'worker' && item(links.activities, j).workerId !== s.worker.id) continue;
            found = true;
            kept.push(j);
          }
          if (found) covered++;
          else short.push(place.id);
        }
      }
      return { value: covered, outOf: buildings, ids: idsOfMany(links, [], kept), placeIds: short };
    }
    case 'outreach':
      return { value: s.outreach.count, outOf: targetFor(m.params.targetPerMonth, cfg.months), ids: idsOf(links, s.outreach), placeIds: [] };
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
    links: { scratch: [], next: new Int32Array(activities.length), activities, ids: new Array<string>(activities.length), sortedById: true },
    byWorker: new Map(), byGrid: new Map(), visited: new Map(), visitedByGrid: new Map(), highRiseByGrid: new Map(),
    hazards: new Map(), rejected: new Set(), registered: new Map(), lateReviews: [],
  };
  indexWorkers(t, context.workers, cfg.scope);
  indexPlaces(t, context.places, plan);
  readActivities(t, activities, plan);
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
    return {
      workerId: s.worker.id,
      name: s.worker.name,
      gridId: s.home,
      total: roundHalfAway(sum),
      rank: { level: rankBy, code: rankCode(rankBy, s.home, cfg.scope, lengths), position: 1, of: 1 },
      metrics,
    };
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

