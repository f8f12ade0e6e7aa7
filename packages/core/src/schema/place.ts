/**
 * Places: a compound, a building, a shop, a village (DESIGN §2).
 * @module
 */
import * as z from 'zod/mini';
import { PLACE_KINDS } from '../names.js';
import { NonEmpty, StoredInputShape, StoredShape, Uuid, strictDeep } from './common.js';
import { GeoPoint } from './geo.js';

/** The recorded yes/no facts of a building that a checklist `when` can test (`{ fact, is }`). */
export const BUILDING_FACTS = ['hasControlRoom', 'hasKitchen', 'overnightStay'] as const;
/** One of {@link BUILDING_FACTS}. */
export type BuildingFact = (typeof BUILDING_FACTS)[number];

/**
 * The building of a place, as far as it is known. High-rise and old are computed from it by
 * {@link isHighRise} and {@link isOldResidential}, never typed in; the yes/no facts are recorded,
 * and one left out is unknown.
 */
export const Building = z.object({
  /** Storeys above ground. */
  floors: z.optional(z.int().check(z.positive())),
  /** Building height in metres (GB 50016: from the outdoor ground to the roof surface or cornice). */
  heightM: z.optional(z.number().check(z.positive())),
  households: z.optional(z.int().check(z.nonnegative())),
  yearBuilt: z.optional(z.int().check(z.gte(1000), z.lte(2200))),
  /** The building has a fire control room (消防控制室). Unknown when left out. */
  hasControlRoom: z.optional(z.boolean()),
  /** The place has a kitchen or cooks for customers (厨房、餐饮). Unknown when left out. */
  hasKitchen: z.optional(z.boolean()),
  /** People sleep there overnight (住宿、住院、寄宿、留宿). Unknown when left out. */
  overnightStay: z.optional(z.boolean()),
});
export type Building = z.infer<typeof Building>;

/** The fields of a place besides the stored ones. */
export const PlaceShape = {
  /** What the place is used for (DESIGN §9). */
  kind: z.enum(PLACE_KINDS),
  name: NonEmpty,
  address: z.string(),
  /** Code of the grid (an OrgUnit of level `grid`) the place belongs to. */
  gridId: NonEmpty,
  /** The compound a building stands in. */
  parentId: z.optional(Uuid),
  location: z.optional(GeoPoint),
  building: z.optional(Building),
};

/**
 * A place as stored and read.
 * @example
 * const p: Place = { id, version: 1, createdAt, updatedAt, tenantId: 't1', kind: 'residential',
 *   name: '翠苑一区 3 幢', address: '杭州市西湖区翠苑一区 3 幢', gridId: '330106001001001',
 *   building: { floors: 18, heightM: 54, households: 144, yearBuilt: 2008 } };
 */
export const Place = z.object({ ...StoredShape, ...PlaceShape });
export type Place = z.infer<typeof Place>;

/** A place as a `PUT` body: unknown keys refused at every level, server-managed fields optional. */
export const PlaceInput = strictDeep(z.object({ ...StoredInputShape, ...PlaceShape }));
export type PlaceInput = z.infer<typeof PlaceInput>;
