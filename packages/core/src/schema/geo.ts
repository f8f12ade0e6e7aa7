/**
 * Points on the map. A point never travels without its coordinate reference system (DESIGN §2).
 * @module
 */
import * as z from 'zod/mini';
import { CRS } from '../names.js';

/**
 * A point with its CRS: `WGS84` (GPS), `GCJ02` (高德/腾讯 maps and most host bridges), `BD09`
 * (百度) or `CGCS2000` (天地图 and government GIS). `accuracyM` is the radius of the fix in metres,
 * when the device reports one. Convert with {@link convertPoint}.
 * @example
 * const p: GeoPoint = { lng: 120.1551, lat: 30.2741, crs: 'GCJ02', accuracyM: 12 };
 */
export const GeoPoint = z.object({
  lng: z.number().check(z.gte(-180), z.lte(180)),
  lat: z.number().check(z.gte(-90), z.lte(90)),
  crs: z.enum(CRS),
  accuracyM: z.optional(z.number().check(z.nonnegative())),
});
export type GeoPoint = z.infer<typeof GeoPoint>;
