/**
 * The names of the people a page of hazards shows (finders, history actors), looked up once each
 * per client and cached: the host's directory (`directory.people` with `ids`), then the stored
 * worker records by `userId`. Names stored with the writes need no look-up, and a confidential
 * reporter the viewer may not see is never looked up (`peopleToLookUp`).
 * @module
 */
import { peopleToLookUp } from '@firegrid/core/export';
import type { FiregridClient, Hazard, HostSession, PeopleSources } from '@firegrid/core';

/** How many pages of workers are read at most to name people (500 each). */
const WORKER_PAGES = 10;

/** Names found so far, by user id (null: asked, not found). */
export interface PeopleCache {
  directory: Map<string, string | null>;
  workers: Map<string, string | null>;
  /** The worker of record of each grid, by grid code (监管责任人), once the worker records were read. */
  grids?: Map<string, string>;
}

/** The grid's worker of record by name (监管责任人 of the 整改责任清单), from the worker records read. */
export function gridWorkerOf(cache: PeopleCache): (gridId: string) => string | undefined {
  return (gridId) => cache.grids?.get(gridId);
}

/** The look-ups of {@link PeopleCache} for `personName`; the signed-in user is named by his session. */
export function peopleSources(cache: PeopleCache, session: HostSession | undefined): PeopleSources {
  return {
    directory: (id) => (id === session?.user.id ? session.user.name : cache.directory.get(id) ?? undefined),
    workers: (id) => cache.workers.get(id) ?? undefined,
  };
}

/**
 * Looks up the people of `hazards` not yet in `cache`. A failing directory or worker list leaves
 * those names to the next source (in the end, the role and the id's last 4 characters): a name
 * is never worth an error.
 */
export async function loadPeople(client: FiregridClient, hazards: readonly Hazard[], session: HostSession, cache: PeopleCache): Promise<void> {
  const viewer = { id: session.user.id, roles: session.user.roles };
  const wanted = peopleToLookUp(hazards, viewer).filter((id) => id !== session.user.id && !cache.directory.has(id));
  // 监管责任人: the grids' workers of record come with the worker records, read once per cache.
  const gridsWanted = cache.grids === undefined && hazards.some((h) => h.status !== 'draft');
  if (wanted.length === 0 && !gridsWanted) return;
  const directory = client.host.directory;
  if (directory?.people !== undefined) {
    try {
      const found = await directory.people({ ids: wanted, limit: wanted.length });
      for (const p of found) if (wanted.includes(p.id) && p.name.trim() !== '') cache.directory.set(p.id, p.name);
    } catch {
      // Falls through to the worker records.
    }
  }
  for (const id of wanted) if (!cache.directory.has(id)) cache.directory.set(id, null);
  const missing = new Set(wanted.filter((id) => cache.directory.get(id) === null && !cache.workers.has(id)));
  if (missing.size === 0 && !gridsWanted) return;
  const grids = gridsWanted ? new Map<string, string>() : undefined;
  try {
    let cursor: string | undefined;
    for (let page = 0; page < WORKER_PAGES && (missing.size > 0 || grids !== undefined); page++) {
      const got = await client.data.list('workers', { limit: 500, ...(cursor === undefined ? {} : { cursor }) });
      for (const w of got.items) {
        if (grids !== undefined && w.active) for (const g of w.gridIds) if (!grids.has(g)) grids.set(g, w.name);
        if (w.userId !== undefined && missing.has(w.userId)) {
          cache.workers.set(w.userId, w.name);
          missing.delete(w.userId);
        }
      }
      if (got.nextCursor === null) break;
      cursor = got.nextCursor;
    }
    if (grids !== undefined) cache.grids = grids;
  } catch {
    // The role and the id's last 4 characters remain.
  }
  for (const id of missing) cache.workers.set(id, null);
}
