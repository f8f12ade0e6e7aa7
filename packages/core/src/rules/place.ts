/**
 * Facts about a place that are computed, never typed in (DESIGN §2): high-rise and old residential.
 * @module
 */
import type { Place } from '../schema/place.js';

/** What the place rules read of a place; a full {@link Place} fits. */
export type PlaceFacts = Pick<Place, 'kind' | 'building'>;

/** Residential buildings above this height (m) are high-rise (GB 50016-2014 §2.1.1). */
export const RESIDENTIAL_HIGH_RISE_M = 27;
/** Storeys from which a residential building of unknown height counts as high-rise. */
export const RESIDENTIAL_HIGH_RISE_FLOORS = 10;
/** Other buildings above this height (m) are high-rise unless single-storey (GB 50016-2014 §2.1.1). */
export const OTHER_HIGH_RISE_M = 24;
/** Residential buildings built before this year are old (the three-year plan's 老旧小区). */
export const OLD_RESIDENTIAL_BEFORE_YEAR = 2000;

/**
 * True when the place is a high-rise building: a `residential` one over 27 m, or with 10 or more
 * storeys when its height is unknown; any other kind over 24 m that is not single-storey (a
 * building of unknown storeys over 24 m counts). Without the building data it cannot be known and
 * the answer is false; a non-residential building without a height is not judged.
 * @example
 * isHighRise({ kind: 'residential', building: { floors: 11 } });      // true
 * isHighRise({ kind: 'residential', building: { heightM: 27 } });     // false: not over 27 m
 * isHighRise({ kind: 'warehouse', building: { heightM: 30, floors: 1 } }); // false: single-storey
 */
export function isHighRise(place: PlaceFacts): boolean {
  const b = place.building;
  if (!b) return false;
  if (place.kind === 'residential') {
    if (b.heightM !== undefined) return b.heightM > RESIDENTIAL_HIGH_RISE_M;
    return b.floors !== undefined && b.floors >= RESIDENTIAL_HIGH_RISE_FLOORS;
  }
  return b.heightM !== undefined && b.heightM > OTHER_HIGH_RISE_M && b.floors !== 1;
}

/**
 * True when the place is old residential: `residential` built before 2000. Without a known year
 * it is false.
 * @example
 * isOldResidential({ kind: 'residential', building: { yearBuilt: 1998 } }); // true
 */
export function isOldResidential(place: PlaceFacts): boolean {
  const year = place.building?.yearBuilt;
  return place.kind === 'residential' && year !== undefined && year < OLD_RESIDENTIAL_BEFORE_YEAR;
}
