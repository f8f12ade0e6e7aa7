/**
 * Coordinate conversion between the systems Chinese maps and GIS speak (DESIGN §2).
 *
 * - `GCJ02` (高德, 腾讯, most host bridges) and `BD09` (百度) are converted with gcoord, a
 *   maintained library; GCJ-02 is only offset inside China, so points abroad pass unchanged.
 * - `CGCS2000` (天地图, government GIS) is treated as `WGS84`. Both are geocentric datums whose
 *   realisations differ by well under a metre at the scale of a grid, less than a phone's GPS
 *   error, so no conversion is applied: a CGCS2000 point converts exactly as the same numbers in
 *   WGS84 would, and a point converted *to* CGCS2000 carries the WGS84 numbers.
 * @module
 */
import gcoord from 'gcoord';
import type { Crs } from './names.js';
import type { GeoPoint } from './schema/geo.js';

type GcoordCrs = typeof gcoord.WGS84 | typeof gcoord.GCJ02 | typeof gcoord.BD09;

const GCOORD: Record<Crs, GcoordCrs> = {
  WGS84: gcoord.WGS84,
  CGCS2000: gcoord.WGS84,
  GCJ02: gcoord.GCJ02,
  BD09: gcoord.BD09,
};

/**
 * The same place in another coordinate system, keeping `accuracyM`. Returns a new object.
 * @example
 * convertPoint({ lng: 120.1551, lat: 30.2741, crs: 'GCJ02' }, 'WGS84');
 * // { lng: 120.1504…, lat: 30.2765…, crs: 'WGS84' }
 */
export function convertPoint(point: GeoPoint, to: Crs): GeoPoint {
  const from = GCOORD[point.crs];
  const target = GCOORD[to];
  const [lng, lat] = from === target ? [point.lng, point.lat] : gcoord.transform([point.lng, point.lat], from, target);
  const out: GeoPoint = { lng, lat, crs: to };
  if (point.accuracyM !== undefined) out.accuracyM = point.accuracyM;
  return out;
}

const EARTH_RADIUS_M = 6_371_008.8;
const rad = (deg: number): number => (deg * Math.PI) / 180;

/**
 * Great-circle distance in metres between two points, after converting `b` to `a`'s system
 * (haversine on the mean Earth radius: good to about 0.5 % — plenty to tell whether an
 * inspection was made at the place).
 * @example
 * distanceM(inspection.location, place.location) < 200;
 */
export function distanceM(a: GeoPoint, b: GeoPoint): number {
  const q = convertPoint(b, a.crs);
  const dLat = rad(q.lat - a.lat);
  const dLng = rad(q.lng - a.lng);
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(rad(a.lat)) * Math.cos(rad(q.lat)) * Math.sin(dLng / 2) ** 2;
  return 2 * EARTH_RADIUS_M * Math.asin(Math.min(1, Math.sqrt(h)));
}
