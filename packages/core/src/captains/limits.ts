/**
 * How much one captain may take on. One local scheme (REGULATIONS.md §1.2): each captain covers at
 * most 5 buildings and at most 500 households. Limits differ from place to place, so they are
 * configuration, not law.
 * @module
 */
import type { Place } from '../schema/place.js';
import { dayOf, isInOffice } from './terms.js';

/** Limits per person; a limit left out is not checked. */
export interface CaptainLimits {
  /** Most buildings one person may be captain of at the same time. */
  maxBuildings?: number | undefined;
  /** Most households (sum over his buildings) one person may look after. */
  maxHouseholds?: number | undefined;
}

/** The local scheme the design names: at most 5 buildings and 500 households per captain. */
export const DEFAULT_LIMITS: Readonly<Required<CaptainLimits>> = { maxBuildings: 5, maxHouseholds: 500 };

/** What the limit rules read of a captain. */
export interface LimitFacts {
  id: string;
  buildingId: string;
  person: { id: string; name: string };
  term: { from: string; to?: string | undefined };
}

/** One person over a limit. */
export interface LimitBreach {
  personId: string;
  name: string;
  /** The buildings he is captain of on the day checked, in the order of the captains given. */
  buildingIds: string[];
  /** Households of those buildings; a building whose households are not known counts 0. */
  households: number;
  /** Which limits he is over. */
  exceeds: ('buildings' | 'households')[];
}

/**
 * The people over a limit on `at`, counting only captains in office that day.
 * @param buildings the places, for their household counts (others are looked up as 0)
 * @example
 * checkLimits(captains, buildings, client.now(), DEFAULT_LIMITS)
 * // → [{ personId: 'p9', name: '李芳', buildingIds: [...6 ids], households: 420, exceeds: ['buildings'] }]
 */
export function checkLimits(
  captains: readonly LimitFacts[],
  buildings: readonly Pick<Place, 'id' | 'building'>[],
  at: Date | string,
  limits: CaptainLimits = DEFAULT_LIMITS,
): LimitBreach[] {
  const day = dayOf(at);
  const households = new Map<string, number>();
  for (const b of buildings) households.set(b.id, b.building?.households ?? 0);
  const people = new Map<string, { name: string; buildingIds: string[] }>();
  for (const c of captains) {
    if (!isInOffice(c, day)) continue;
    const p = people.get(c.person.id);
    if (p === undefined) people.set(c.person.id, { name: c.person.name, buildingIds: [c.buildingId] });
    else if (!p.buildingIds.includes(c.buildingId)) p.buildingIds.push(c.buildingId);
  }
  const breaches: LimitBreach[] = [];
  for (const [personId, p] of people) {
    const total = p.buildingIds.reduce((sum, id) => sum + (households.get(id) ?? 0), 0);
    const exceeds: LimitBreach['exceeds'] = [];
    if (limits.maxBuildings !== undefined && p.buildingIds.length > limits.maxBuildings) exceeds.push('buildings');
    if (limits.maxHouseholds !== undefined && total > limits.maxHouseholds) exceeds.push('households');
    if (exceeds.length > 0) breaches.push({ personId, name: p.name, buildingIds: p.buildingIds, households: total, exceeds });
  }
  return breaches;
}
