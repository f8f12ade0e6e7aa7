// Reading the registry through the client's data port: the high-rise candidates of a grid or a
// scope with every captain of theirs (coverage needs them all), and search through the port's
// own text query (`q`), so a server does the matching on its indexes.
import type { DataPort, FloorCaptain, Place, Query, RecordOf } from '@firegrid/core';

/** The largest page the REST contract allows (DESIGN §5); a literal, as core's constant brings the query schema with it. */
const MAX_LIMIT = 500;

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
