/**
 * The tables the scoring pass fills (see the module comment of ./engine.ts): the state of each
 * scored worker and grid, and the places, visit rounds and hazards as typed columns by number.
 * @module
 */
import { IdTable, fingerprint, grown } from './ids.js';
import type { Lists } from './lists.js';
import type { ScoringActivity, ScoringWorker } from './engine.js';

/**
 * `list[i]` where the loop's bounds guarantee an element, which `noUncheckedIndexedAccess` cannot
 * see. A hole would be a bug here, so it throws instead of passing `undefined` on. Used for arrays
 * of objects only: typed and number arrays on the hot paths are read as `values[i] ?? 0`, because
 * one helper loading from every kind of array turns its load megamorphic, and slow everywhere.
 */
export function item<T>(values: ArrayLike<T>, i: number): T {
  const v = values[i];
  if (v === undefined) throw new RangeError(`scoring: no element at ${i} of ${values.length}`);
  return v;
}

export const byText = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/** What one worker's activities add up to. */
export interface WorkerState {
  /** His number among the scored workers (the order of `Tally.byWorker`). */
  index: number;
  worker: ScoringWorker;
  grids: string[];
  /** What is known of each of his grids, in the order of `grids`. */
  gridStates: GridState[];
  home: string;
  /**
   * His lists ({@link Lists}): inspections that count for coverage (at places of his grids that
   * need visits in places mode, all in quota mode), verified reports, reviews, training and publicity.
   */
  inspections: number;
  verified: number;
  reviews: number;
  outreach: number;
  reviewsOnTime: number;
  /** Numbers of the hazards due in the period attributed to him (closure), and of those of them that are late (overdue). */
  closure: number[];
  closureOnTime: number;
  overdue: number[];
  /** Indices of late reviews attributed to him. */
  lateReviews: number[];
  /** Fingerprints of the hazards his verified reports name, in the order of his `verified` list (input order). */
  verifiedPrints: number[];
  /** The scheme's lines (issue 20): per line his activity indices and the points entered in hundredths; made on his first. */
  items: { acts: number[][]; ids: string[][]; cents: number[] } | undefined;
}

export const NO_WORKERS: readonly WorkerState[] = [];

/** A grid with scored workers: who works it, and the numbers of its places that need visits and of its buildings the captain metric counts. */
export interface GridState {
  workers: WorkerState[];
  visited: number[];
  buildings: number[];
}

/**
 * The places activities can count for, as columns by place number: those that need visits this
 * period, and the high-rise buildings the captain metric counts. One number per id; each role
 * comes from the first place with the id that qualifies for it.
 */
export class Places {
  private readonly numbers: IdTable;
  /** Visits owed this period by each worker of its grid; 0 when no place with the id needs visits. */
  private need: Int32Array;
  /** 1 + the list ({@link Lists}) of captains registered at it; 0 when no building with the id counts. */
  private registrations: Int32Array;

  /** `expected`: about how many places there will be, to size the table once. */
  constructor(expected: number) {
    this.numbers = new IdTable(expected);
    this.need = new Int32Array(Math.max(64, expected));
    this.registrations = new Int32Array(Math.max(64, expected));
  }

  /** The number of the place `id`, numbering it when new. */
  add(id: string): number {
    const p = this.numbers.add(id, fingerprint(id));
    if (p === this.need.length) {
      this.need = grown(this.need);
      this.registrations = grown(this.registrations);
    }
    return p;
  }

  /** The number of the place `id`, -1 when no activity can count for it. */
  find(id: string): number {
    return this.numbers.find(id, fingerprint(id));
  }

  id(p: number): string {
    return this.numbers.id(p);
  }

  printOf(p: number): number {
    return this.numbers.printOf(p);
  }

  needOf(p: number): number {
    return this.need[p] ?? 0;
  }

  /** Sets the visits a place needs; false when a place with its id already set them. */
  setNeed(p: number, need: number): boolean {
    if ((this.need[p] ?? 0) > 0) return false;
    this.need[p] = need;
    return true;
  }

  /** The list of registrations at building `p`, -1 when it is not one the captain metric counts. */
  registrationsOf(p: number): number {
    return (this.registrations[p] ?? 0) - 1;
  }

  /** Makes `p` a building the captain metric counts, with its list; false when a place with its id already is one. */
  setRegistrations(p: number, list: number): boolean {
    if ((this.registrations[p] ?? 0) > 0) return false;
    this.registrations[p] = list + 1;
    return true;
  }
}

/**
 * The places each worker owes visits (the places of his grids that need them), with his visits to
 * each. An inspection counts for a worker of the place's grid, so it is found from its worker (a
 * lookup the pass makes anyway for most activities) and then among his few places by
 * fingerprint: a binary search in his slice, reading the text of the match only.
 */
export class Rounds {
  /** Worker `w`'s places are slots `starts[w]` to `starts[w + 1]`, sorted by fingerprint. */
  private readonly starts: Int32Array;
  /** The place number, fingerprint and id in each slot, side by side so a search reads no place. */
  private readonly places: Int32Array;
  private readonly prints: Int32Array;
  private readonly ids: string[];
  /** Visits in the period per slot. */
  private readonly visits: Int32Array;

  constructor(workers: readonly WorkerState[], places: Places) {
    let slots = 0;
    for (const s of workers) for (const g of s.gridStates) slots += g.visited.length;
    this.starts = new Int32Array(workers.length + 1);
    this.places = new Int32Array(slots);
    this.prints = new Int32Array(slots);
    this.ids = new Array<string>(slots);
    this.visits = new Int32Array(slots);
    let end = 0;
    for (const s of workers) {
      const from = end;
      for (const g of s.gridStates) {
        for (const p of g.visited) {
          // Insertion into his slice, kept sorted by fingerprint: a worker has a handful of places.
          const print = places.printOf(p);
          let k = end++;
          for (; k > from && (this.prints[k - 1] ?? 0) > print; k--) {
            this.places[k] = this.places[k - 1] ?? 0;
            this.prints[k] = this.prints[k - 1] ?? 0;
            this.ids[k] = this.ids[k - 1] ?? '';
          }
          this.places[k] = p;
          this.prints[k] = print;
          this.ids[k] = places.id(p);
        }
      }
      this.starts[s.index + 1] = end;
    }
  }

  /** The slot of the place `id` among worker `w`'s, -1 when he owes it no visits. */
  find(w: number, id: string): number {
    const print = fingerprint(id);
    let lo = this.starts[w] ?? 0;
    let hi = this.starts[w + 1] ?? 0;
    const end = hi;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if ((this.prints[mid] ?? 0) < print) lo = mid + 1;
      else hi = mid;
    }
    for (let k = lo; k < end && (this.prints[k] ?? 0) === print; k++) if ((this.ids[k] ?? '') === id) return k;
    return -1;
  }

  visit(slot: number): void {
    this.visits[slot] = (this.visits[slot] ?? 0) + 1;
  }

  /** Counts worker `w`'s places visited as often as they need, and adds the others' ids to `short`. */
  covered(w: number, places: Places, short: string[]): number {
    let covered = 0;
    for (let k = this.starts[w] ?? 0, end = this.starts[w + 1] ?? 0; k < end; k++) {
      if ((this.visits[k] ?? 0) >= places.needOf(this.places[k] ?? 0)) covered++;
      else short.push(this.ids[k] ?? '');
    }
    return covered;
  }

  /** How many places worker `w` owes visits. */
  required(w: number): number {
    return (this.starts[w + 1] ?? 0) - (this.starts[w] ?? 0);
  }
}

/** Bits of {@link Hazards} flags. */
export const CLOSED = 1;
export const ON_TIME = 2;
/** Its assignments and closures name more than one grid, or credit more than one worker. */
export const MANY_GRIDS = 4;
export const MANY_WORKERS = 8;

/**
 * What the assignments and closures of each hazard say about its deadline and closure, as columns
 * by hazard number. A million activities name about a hundred thousand hazards.
 */
export class Hazards {
  private readonly numbers = new IdTable();
  /** The list ({@link Lists}) of each hazard's assignments and closures. */
  private lists = new Int32Array(256);
  /** Latest deadline seen on them, epoch ms; NaN when none. */
  private dues = new Float64Array(256);
  private flags = new Uint8Array(256);
  /** Grid and credited worker of its first assignment or closure, and that grid's state (undefined when no scored worker works it). */
  private readonly grids: string[] = [];
  private readonly workers: string[] = [];
  private readonly gridStates: (GridState | undefined)[] = [];

  get count(): number {
    return this.numbers.size;
  }

  /** The number of the hazard `a` names, made on its first assignment or closure; `a` joins its list. */
  read(a: ScoringActivity, id: string, i: number, lists: Lists, byGrid: ReadonlyMap<string, GridState>): number {
    const h = this.numbers.add(id, fingerprint(id));
    if (h === this.grids.length) {
      if (h === this.lists.length) {
        this.lists = grown(this.lists);
        this.dues = grown(this.dues);
        this.flags = grown(this.flags);
      }
      this.lists[h] = lists.open();
      this.dues[h] = NaN;
      this.grids.push(a.gridId);
      this.workers.push(a.workerId);
      // Looked up now, while the activity's grid id is at hand, rather than from the stored one later.
      this.gridStates.push(byGrid.get(a.gridId));
    } else {
      if (a.gridId !== (this.grids[h] ?? '')) this.flag(h, MANY_GRIDS);
      if (a.workerId !== (this.workers[h] ?? '')) this.flag(h, MANY_WORKERS);
    }
    lists.add(this.lists[h] ?? 0, i, a.id);
    return h;
  }

  listOf(h: number): number {
    return this.lists[h] ?? 0;
  }

  due(h: number): number {
    return this.dues[h] ?? NaN;
  }

  /** Keeps the later of the deadline known and `due`, ignoring NaN. */
  setDue(h: number, due: number): void {
    const known = this.dues[h] ?? NaN;
    if (!Number.isNaN(due) && (Number.isNaN(known) || due > known)) this.dues[h] = due;
  }

  has(h: number, flag: number): boolean {
    return ((this.flags[h] ?? 0) & flag) !== 0;
  }

  flag(h: number, flag: number): void {
    this.flags[h] = (this.flags[h] ?? 0) | flag;
  }

  /** The state of the grid of its first assignment or closure; undefined when no scored worker works it. */
  gridState(h: number): GridState | undefined {
    return this.gridStates[h];
  }

  worker(h: number): string {
    return this.workers[h] ?? '';
  }
}
