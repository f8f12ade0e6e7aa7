/**
 * The places of the listed hazards, read once each and cached for the two lists' place columns.
 * @module
 */
import type { FiregridClient, Hazard, TwoListPlace } from '@firegrid/core';

/** Looks up the places of `hazards` not yet in `cache` (one read each; a missing one stays unknown). */
export async function loadPlaces(client: FiregridClient, hazards: readonly Hazard[], cache: Map<string, TwoListPlace | null>): Promise<void> {
  const ids = [...new Set(hazards.map((h) => h.placeId).filter((id): id is string => id !== undefined && !cache.has(id)))];
  await Promise.all(ids.map(async (id) => {
    try {
      const p = await client.data.get('places', id);
      cache.set(id, p === null ? null : { name: p.name, address: p.address, gridId: p.gridId });
    } catch {
      // A place that cannot be read leaves its columns empty; the hazard is still listed.
      cache.set(id, null);
    }
  }));
}
