/**
 * What the report form asks of the host besides the client's writes: the device's position and
 * a search of places.
 * @module
 */
import { FiregridError } from '@firegrid/core/base';
import type { DirectoryPlace, FiregridClient, GeoPoint, Locale } from '@firegrid/core';
import { positionToGeoPoint } from '@firegrid/core/base';
import { t } from './form.js';

/**
 * The device's position: the host's (its bridge speaks GCJ-02 or BD-09, kept as it says), else
 * the browser's Geolocation API (WGS-84).
 */
export function locatePoint(client: FiregridClient | undefined, locale: Locale): Promise<GeoPoint> {
  const geo = client?.host.geo;
  if (geo !== undefined) return geo.locate();
  const text = t('errNoGeo', locale);
  return new Promise((resolve, reject) => {
    const g = typeof navigator === 'undefined' ? undefined : (navigator.geolocation as Geolocation | undefined);
    if (g === undefined) {
      reject(new FiregridError('config', text));
      return;
    }
    g.getCurrentPosition(
      (p) => { resolve(positionToGeoPoint(p)); },
      (err) => { reject(new FiregridError('host-failure', `${text}（${err.message}）`)); },
      { enableHighAccuracy: true, timeout: 15_000, maximumAge: 0 },
    );
  });
}

/** Places matching `q`: the host's directory when it has one, else the places of the data port. */
export async function searchPlaces(client: FiregridClient, q: string): Promise<DirectoryPlace[]> {
  const directory = client.host.directory;
  if (directory !== undefined && 'places' in directory) return await directory.places?.({ q, limit: 8 }) ?? [];
  const page = await client.data.list('places', { q, limit: 8 });
  return page.items.map(({ id, name, address, gridId, kind }) => ({ id, name, address, gridId, kind }));
}
