// Reading the registry through the client's data port: the high-rise candidates of a grid or a
// scope with every captain of theirs (coverage needs them all), and search through the port's
// own text query (`q`), so a server does the matching on its indexes.
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { DataPort, FloorCaptain, Place, Query, RecordOf } from '@firegrid/core';

/** The largest page the REST contract allows (DESIGN §5); a literal, as core's constant brings the query schema with it. */
const MAX_LIMIT = 500;

/** The buildings and captains the registry works on (a working copy: saves merge into it). */
export interface RegistryData {
  buildings: readonly Place[];
  captains: FloorCaptain[];
}

/** `data` with `saved` captains put in, replacing those with the same id. */
export function mergeCaptains(data: RegistryData, saved: readonly FloorCaptain[]): RegistryData {
  const byId = new Map(saved.map((c) => [c.id, c]));
  const captains = data.captains.map((c) => byId.get(c.id) ?? c);
  for (const c of saved) if (!data.captains.some((x) => x.id === c.id)) captains.push(c);
  return { buildings: data.buildings, captains };
}

/** Where the registry looks: one grid, or OrgUnit prefixes. */
export type Where = Pick<Query, 'gridId' | 'scope'>;

// Not `signal.throwIfAborted()`: older WebViews in host apps lack it.
function stopIfAborted(signal: AbortSignal): void {
  if (signal.aborted) throw new DOMException('The registry load was superseded.', 'AbortError');
}

/** Every page of a list, in order. Stops (throwing the signal's reason) when aborted. */
async function everything<K extends 'places' | 'captains'>(data: DataPort, kind: K, query: Query, signal: AbortSignal): Promise<RecordOf<K>[]> {
  const out: RecordOf<K>[] = [];
  let cursor: string | undefined;
  do {
    stopIfAborted(signal);
    const page = await data.list(kind, { ...query, limit: MAX_LIMIT, ...(cursor !== undefined && { cursor }) });
    for (const item of page.items) out.push(item);
    cursor = page.nextCursor ?? undefined;
  } while (cursor !== undefined);
  stopIfAborted(signal);
  return out;
}

/**
 * Residential places (by name) and all captains of a grid or scope. Coverage is a figure over
 * the whole set, and the REST contract has no summary endpoint, so both lists are read in full,
 * 500 at a time.
 */
export async function loadRegistry(data: DataPort, where: Where, signal: AbortSignal): Promise<{ buildings: Place[]; captains: FloorCaptain[] }> {
  const [buildings, captains] = await Promise.all([
    everything(data, 'places', { ...where, kind: 'residential', sort: 'name' }, signal),
    everything(data, 'captains', { ...where }, signal),
  ]);
  return { buildings, captains };
}

/**
 * Ids of the buildings whose name or address, or whose captain's name, matches `q` — asked of
 * the port, so a server searches its own indexes.
 */
export async function searchBuildings(data: DataPort, where: Where, q: string, signal: AbortSignal): Promise<Set<string>> {
  const [places, captains] = await Promise.all([
    everything(data, 'places', { ...where, kind: 'residential', q }, signal),
    everything(data, 'captains', { ...where, q }, signal),
  ]);
  return new Set([...places.map((p) => p.id), ...captains.map((c) => c.buildingId)]);
}

const fold = (text: string): string => text.normalize('NFKC').toLowerCase();

/**
 * The ids of buildings matching `q` among data the host gave directly: every word of `q` in the
 * building's name or address, or in the name of a captain of it — what a port's `q` matches for
 * these two kinds (`matchesQuery` of core), without bringing the query schema into the page.
 */
export function searchGiven(buildings: readonly Place[], captains: readonly FloorCaptain[], q: string): Set<string> {
  const words = fold(q).split(/\s+/).filter((w) => w !== '');
  const hit = (text: string): boolean => {
    const t = fold(text);
    return words.every((w) => t.includes(w));
  };
  const ids = new Set<string>();
  for (const b of buildings) if (hit(`${b.name}\n${b.address}`)) ids.add(b.id);
  for (const c of captains) if (hit(c.person.name)) ids.add(c.buildingId);
  return ids;
}

/** What {@link RegistrySearch} asks of the element. */
export interface SearchOptions {
  /** The ids of the buildings matching `q` (never called with a blank `q`). */
  find: (q: string, signal: AbortSignal) => Promise<Set<string>>;
  /** A search failed: show `error`. */
  failed: (error: unknown) => void;
  /** Milliseconds of quiet typing before a search starts. */
  delay?: number;
}

/**
 * The search box's work: waits for a pause in typing, asks `find`, drops answers a newer query
 * superseded, and aborts what is in flight when the element leaves the page. `hits` is undefined
 * while the box is blank (every building is shown).
 */
export class RegistrySearch implements ReactiveController {
  /** What is typed. */
  q = '';
  /** The ids of the matching buildings, or undefined for no search. */
  hits: Set<string> | undefined;
  /** A search is under way. */
  searching = false;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private abort: AbortController | undefined;

  constructor(private readonly host: ReactiveControllerHost, private readonly options: SearchOptions) {
    host.addController(this);
  }

  hostDisconnected(): void {
    clearTimeout(this.timer);
    this.abort?.abort();
  }

  /** The box changed: search after a pause. */
  input(q: string): void {
    this.q = q;
    clearTimeout(this.timer);
    this.host.requestUpdate();
    this.timer = setTimeout(() => { void this.run(q); }, this.options.delay ?? 250);
  }

  private async run(q: string): Promise<void> {
    this.abort?.abort();
    if (q.trim() === '') {
      this.set(undefined, false);
      return;
    }
    const abort = (this.abort = new AbortController());
    this.set(this.hits, true);
    try {
      const ids = await this.options.find(q, abort.signal);
      if (!abort.signal.aborted) this.set(ids, false);
    } catch (e) {
      if (abort.signal.aborted) return;
      this.set(this.hits, false);
      this.options.failed(e);
    }
  }

  private set(hits: Set<string> | undefined, searching: boolean): void {
    this.hits = hits;
    this.searching = searching;
    this.host.requestUpdate();
  }
}
