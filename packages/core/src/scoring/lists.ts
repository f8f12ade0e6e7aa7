/**
 * The activities behind each figure of a score, as numbered lists filled count-then-place (see
 * {@link Lists}), for the scoring engine.
 *
 * Arrays are read in bounds: `values[i] ?? 0` only satisfies `noUncheckedIndexedAccess`.
 * @module
 */

/**
 * Sorts ids in place, in UTF-16 code unit order (the order of `<` on strings). Activities usually
 * arrive in id order, which leaves most lists sorted already: checking costs one comparison per id.
 */
export function sorted(ids: string[]): string[] {
  for (let i = 1; i < ids.length; i++) {
    if ((ids[i - 1] ?? '') <= (ids[i] ?? '')) continue;
    // The default sort compares in the same order as `<`, without a callback per comparison; a
    // short list is sorted in place without the sort's scratch allocation.
    if (ids.length > 16) return ids.sort();
    for (let k = i; k < ids.length; k++) {
      const v = ids[k] ?? '';
      let j = k - 1;
      while (j >= 0 && (ids[j] ?? '') > v) {
        ids[j + 1] = ids[j] ?? '';
        j--;
      }
      ids[j + 1] = v;
    }
    return ids;
  }
  return ids;
}

/**
 * Sorts `ids` by `keys` (activity indices, all different), moving both. Merged lists are short and
 * made of ascending runs, one per list, so an insertion sort beats a sort with a callback; a long
 * merge is sorted through an index instead.
 */
function sortByKeys(keys: number[], ids: string[]): void {
  if (keys.length > 64) {
    const order = keys.map((_, k) => k).sort((a, b) => (keys[a] ?? 0) - (keys[b] ?? 0));
    const sortedIds = order.map((k) => ids[k] ?? '');
    const sortedKeys = order.map((k) => keys[k] ?? 0);
    for (let k = 0; k < order.length; k++) {
      ids[k] = sortedIds[k] ?? '';
      keys[k] = sortedKeys[k] ?? 0;
    }
    return;
  }
  for (let i = 1; i < keys.length; i++) {
    const key = keys[i] ?? 0;
    const id = ids[i] ?? '';
    let j = i - 1;
    while (j >= 0 && (keys[j] ?? 0) > key) {
      keys[j + 1] = keys[j] ?? 0;
      ids[j + 1] = ids[j] ?? '';
      j--;
    }
    keys[j + 1] = key;
    ids[j + 1] = id;
  }
}

/**
 * Numbered lists of activities, filled count-then-place. During the pass an activity joins at most
 * one list ({@link add}: its list is noted and counted, nothing grows); {@link place} then lays the
 * lists out one after another, each in input order, in one sequential sweep. A list is then a range
 * of positions: its ids are one slice, and merging lists follows no links.
 * @example
 * const lists = new Lists(activities.length);
 * const mine = lists.open();
 * lists.add(mine, 7, activities[7].id);
 * lists.place();
 * lists.ids(mine); // [activities[7].id]
 */
export class Lists {
  /** `joined[i]` is 1 + the list activity `i` joined, 0 for none. */
  private readonly joined: Int32Array;
  /** The id of every activity in a list or kept, by activity index, read while the activity is at hand. */
  private readonly idOf: string[];
  /** Members per list, while the pass counts them. */
  private readonly counts: number[] = [];
  /** After {@link place}: list `l` holds positions `starts[l]` to `starts[l + 1]` (exclusive). */
  private starts = new Int32Array(1);
  /** After {@link place}: the activity index and the id at each position. */
  private order = new Int32Array(0);
  private placed: string[] = [];
  /**
   * True while the activities joining lists come in id order (as a data port or `ORDER BY id` gives
   * them): then every list, and every merge of lists by input index, is in id order with no sorting.
   */
  private sortedById = true;
  private previous = '';
  /** The merge being collected ({@link merging}): activity indices and their ids, reused by every merge. */
  private readonly mergeKeys: number[] = [];
  private readonly mergeIds: string[] = [];

  constructor(activities: number) {
    this.joined = new Int32Array(activities);
    this.idOf = new Array<string>(activities);
  }

  /** A new, empty list; its number. */
  open(): number {
    this.counts.push(0);
    return this.counts.length - 1;
  }

  /** Activity `i`, whose id is `id`, joins list `list`. Each activity joins one list at most. */
  add(list: number, i: number, id: string): void {
    this.joined[i] = list + 1;
    this.counts[list] = (this.counts[list] ?? 0) + 1;
    this.keep(i, id);
  }

  /** Keeps the id of activity `i`, which joins no list but is merged with lists later ({@link mergeActivity}). */
  keep(i: number, id: string): void {
    this.idOf[i] = id;
    if (id < this.previous) this.sortedById = false;
    this.previous = id;
  }

  /** Lays the lists out, each in input order. Called once, after the pass. */
  place(): void {
    const lists = this.counts.length;
    const starts = new Int32Array(lists + 1);
    for (let l = 0; l < lists; l++) starts[l + 1] = (starts[l] ?? 0) + (this.counts[l] ?? 0);
    const total = starts[lists] ?? 0;
    const order = new Int32Array(total);
    const placed = new Array<string>(total);
    const next = starts.slice(0, lists);
    const joined = this.joined;
    for (let i = 0; i < joined.length; i++) {
      const l = (joined[i] ?? 0) - 1;
      if (l < 0) continue;
      const p = next[l] ?? 0;
      next[l] = p + 1;
      order[p] = i;
      placed[p] = this.idOf[i] ?? '';
    }
    this.starts = starts;
    this.order = order;
    this.placed = placed;
  }

  /** The first position of a list. */
  from(list: number): number {
    return this.starts[list] ?? 0;
  }

  /** The position after the last of a list. */
  to(list: number): number {
    return this.starts[list + 1] ?? 0;
  }

  size(list: number): number {
    return this.to(list) - this.from(list);
  }

  /** The index of the activity at a position. */
  activityAt(p: number): number {
    return this.order[p] ?? 0;
  }

  /** The id of the activity at a position. */
  idAt(p: number): string {
    return this.placed[p] ?? '';
  }

  /** The ids of a list, in id order. */
  ids(list: number): string[] {
    return this.inIdOrder(this.placed.slice(this.from(list), this.to(list)));
  }

  /**
   * Starts merging lists, and single activities, into one list of ids ({@link merged}). Listed
   * activities are taken by position, which reads their id where the index is, side by side.
   */
  merging(): void {
    this.mergeKeys.length = 0;
    this.mergeIds.length = 0;
  }

  /** Adds every activity of a list to the merge. */
  mergeList(list: number): void {
    for (let p = this.from(list), end = this.to(list); p < end; p++) this.mergeAt(p);
  }

  /** Adds the activity at position `p` to the merge. */
  mergeAt(p: number): void {
    this.mergeKeys.push(this.order[p] ?? 0);
    this.mergeIds.push(this.placed[p] ?? '');
  }

  /** Adds activity `i`, which is in no list but was kept ({@link keep}), to the merge. */
  mergeActivity(i: number): void {
    this.mergeKeys.push(i);
    this.mergeIds.push(this.idOf[i] ?? '');
  }

  /** The ids of the merge, in id order. */
  merged(): string[] {
    sortByKeys(this.mergeKeys, this.mergeIds);
    return this.inIdOrder(this.mergeIds.slice());
  }

  /** Ids in input order are in id order when the input was; otherwise they are sorted here. */
  inIdOrder(ids: string[]): string[] {
    return this.sortedById ? ids : sorted(ids);
  }
}
