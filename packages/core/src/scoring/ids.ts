/**
 * Finding string ids among many without reading each candidate's text, for the scoring engine.
 * The ids in a million activities are a million separate strings scattered across the heap. A
 * `Map` keyed by them compares the wanted id with the text of every candidate in its bucket, and
 * each of those reads is a cache miss. Here an id is first matched by a small fingerprint kept in
 * typed arrays, and only the text of the match is compared, which keeps every answer exact.
 *
 * Arrays are read in bounds: `values[i] ?? 0` only satisfies `noUncheckedIndexedAccess`.
 * @module
 */

/**
 * A 30-bit fingerprint of an id: equal ids have equal fingerprints; unequal ones almost always
 * differ. It mixes the length and at most 11 characters — the last 8, where generated ids differ
 * most (a UUID's random tail, a counter), and 3 spread over the rest — so it costs a fraction of
 * hashing the whole id. Ids alike in those places share a fingerprint, which costs comparisons,
 * never a wrong answer.
 */
export function fingerprint(id: string): number {
  const n = id.length;
  let h = Math.imul(n, 0x9e3779b1);
  for (let k = n > 8 ? n - 8 : 0; k < n; k++) h = Math.imul(h ^ id.charCodeAt(k), 0x01000193);
  if (n > 8) {
    h = Math.imul(h ^ id.charCodeAt(0), 0x01000193);
    h = Math.imul(h ^ id.charCodeAt(n >> 2), 0x01000193);
    h = Math.imul(h ^ id.charCodeAt(n >> 1), 0x01000193);
  }
  // Spread the high bits into the low ones, which pick the slot (murmur3's finaliser).
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h & 0x3fffffff;
}

/**
 * Fresh copies of ids (or of lists of ids), made in one go so that they lie side by side in
 * memory. Finding an id ends in comparing its text with a stored one, once per activity; ids parsed
 * along with their records lie apart, each among its record's other fields, and every comparison
 * is a cache miss, while ten thousand copies made together stay in cache.
 */
export function packed<T extends readonly (string | readonly string[])[]>(ids: T): T {
  return JSON.parse(JSON.stringify(ids)) as T;
}

/** A copy of `values` with twice the room. */
export function grown<T extends Int32Array | Float64Array | Uint8Array>(values: T): T {
  const copy = new (values.constructor as new (length: number) => T)(values.length * 2);
  copy.set(values);
  return copy;
}

/**
 * Dense numbers 0, 1, 2, … for string ids, in the order they are first added, so that what is
 * known per id can live in arrays indexed by its number. An open-addressing table of those
 * numbers, probed by {@link fingerprint}, kept at most half full.
 * @example
 * const table = new IdTable();
 * table.add('p-7', fingerprint('p-7')); // 0
 * table.find('p-7', fingerprint('p-7')); // 0
 * table.find('p-8', fingerprint('p-8')); // -1
 */
export class IdTable {
  /** `ids[k]` is the id numbered `k`. */
  private readonly ids: string[] = [];
  /** `prints[k]` is the fingerprint of `ids[k]`. */
  private prints: Int32Array;
  /** 1 + the number of an id whose probe sequence passes the slot; 0 for an empty slot. */
  private slots: Int32Array;

  /** `expected`: about how many ids there will be, so the table is sized once; it grows past that. */
  constructor(expected = 32) {
    let slots = 64;
    while (slots < 2 * expected) slots *= 2;
    this.prints = new Int32Array(slots / 2);
    this.slots = new Int32Array(slots);
  }

  /** The id numbered `k`. */
  id(k: number): string {
    return this.ids[k] ?? '';
  }

  /** How many ids are numbered. */
  get size(): number {
    return this.ids.length;
  }

  /** The fingerprint of the id numbered `k`. */
  printOf(k: number): number {
    return this.prints[k] ?? 0;
  }

  /** The number of `id` (whose fingerprint is `print`), -1 when it has none. */
  find(id: string, print: number): number {
    const mask = this.slots.length - 1;
    for (let j = print & mask; ; j = (j + 1) & mask) {
      const k = (this.slots[j] ?? 0) - 1;
      if (k < 0) return -1;
      if ((this.prints[k] ?? 0) === print && (this.ids[k] ?? '') === id) return k;
    }
  }

  /** False when no numbered id has the fingerprint `print`, without reading any id; true means {@link find} must tell. */
  mayHave(print: number): boolean {
    const mask = this.slots.length - 1;
    for (let j = print & mask; ; j = (j + 1) & mask) {
      const k = (this.slots[j] ?? 0) - 1;
      if (k < 0) return false;
      if ((this.prints[k] ?? 0) === print) return true;
    }
  }

  /** The number of `id` (whose fingerprint is `print`), numbering it first when it has none: then it is `size - 1`. */
  add(id: string, print: number): number {
    const mask = this.slots.length - 1;
    let j = print & mask;
    for (; ; j = (j + 1) & mask) {
      const k = (this.slots[j] ?? 0) - 1;
      if (k < 0) break;
      if ((this.prints[k] ?? 0) === print && (this.ids[k] ?? '') === id) return k;
    }
    const k = this.ids.length;
    this.ids.push(id);
    if (k === this.prints.length) this.prints = grown(this.prints);
    this.prints[k] = print;
    this.slots[j] = k + 1;
    if (2 * this.ids.length > this.slots.length) this.rehash();
    return k;
  }

  /** Doubles the slots, placing every number again from its fingerprint (no id is read). */
  private rehash(): void {
    const slots = new Int32Array(this.slots.length * 2);
    const mask = slots.length - 1;
    for (let k = 0; k < this.ids.length; k++) {
      let j = (this.prints[k] ?? 0) & mask;
      while ((slots[j] ?? 0) !== 0) j = (j + 1) & mask;
      slots[j] = k + 1;
    }
    this.slots = slots;
  }
}
