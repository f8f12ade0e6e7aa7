// A Geolocation API position as a Firegrid GeoPoint: used by the browser host and by elements that
// read the position themselves, so it sits apart from the browser host (see base.ts).
import type { GeoPoint } from '../schema/index.js';

/**
 * Maps a Geolocation API position to a GeoPoint. Browsers report WGS-84 (the W3C Geolocation
 * API's reference system), with the fix's accuracy radius in metres.
 */
export function positionToGeoPoint(position: GeolocationPosition): GeoPoint {
  const { longitude, latitude, accuracy } = position.coords;
  return {
    lng: longitude,
    lat: latitude,
    crs: 'WGS84',
    ...(Number.isFinite(accuracy) && accuracy >= 0 && { accuracyM: accuracy }),
  };
}
