// The DingTalk / 浙政钉 bridge as Firegrid's location and camera ports: copy this file into your
// micro-app. `dd` is the dingtalk-jsapi module after `dd.config`; call shapes: see README.md.
import { FiregridError } from '@firegrid/core';
import type { GeoPoint, GeoPort, MediaPort } from '@firegrid/core';
/** What a bridge call passes to `onFail`. */ export interface DingTalkFailure { errorCode?: string | number; errorMessage?: string }

/** The part of `dd` this adapter calls (a structural subset of dingtalk-jsapi's types). */
export interface DingTalkBridge {
  device: { geolocation: { get(params: {
    targetAccuracy: number; coordinate: 0 | 1; withReGeocode: boolean; useCache: boolean;
    onSuccess(result: { longitude: number; latitude: number; accuracy: number }): void;
    onFail(error: DingTalkFailure): void;
  }): void } };
  biz: { util: { chooseImage(params: {
    count: number; sourceType: ('camera' | 'album')[];
    onSuccess(result: { filePaths: string[]; files?: { path: string; size: number; fileType: string }[] }): void;
    onFail(error: DingTalkFailure): void;
  }): void } };
}
/** Options of {@link dingtalkPorts}. */
export interface DingTalkPortsOptions {
  /** 1 (default): GCJ-02 (高德), the coordinates DingTalk's maps speak; 0: WGS-84 (GPS). */
  coordinate?: 0 | 1;
  /** Reads a chosen photo's local path; `fetch` by default (the container serves its paths to the page). */
  readFile?: (path: string) => Promise<Blob>;
}
const failure = (api: string, e: DingTalkFailure): FiregridError =>
  new FiregridError('host-failure', `DingTalk ${api} failed: ${e.errorMessage ?? 'no message'} (errorCode ${String(e.errorCode ?? 'none')}).`);
const fetchFile = async (path: string): Promise<Blob> => {
  const res = await fetch(path);
  if (res.ok) return res.blob();
  throw new FiregridError('host-failure', `Reading the chosen photo ${path} failed (HTTP ${String(res.status)}).`);
};

/**
 * `geo` and `media` ports over DingTalk's JSAPI. A point keeps the CRS it was asked for (GCJ-02
 * unless `coordinate: 0`); Firegrid converts when it compares it with a place.
 */
export function dingtalkPorts(dd: DingTalkBridge, options: DingTalkPortsOptions = {}): { geo: GeoPort; media: MediaPort } {
  const coordinate = options.coordinate ?? 1;
  const readFile = options.readFile ?? fetchFile;
  const locate = (): Promise<GeoPoint> => new Promise((resolve, reject) => {
    dd.device.geolocation.get({
      targetAccuracy: 200, coordinate, withReGeocode: false, useCache: false,
      onSuccess: (r) => { resolve({ lng: r.longitude, lat: r.latitude, crs: coordinate === 1 ? 'GCJ02' : 'WGS84', accuracyM: r.accuracy }); },
      onFail: (e) => { reject(failure('device.geolocation.get', e)); },
    });
  });
  const capture: MediaPort['capture'] = async (o = {}) => {
    const paths = await new Promise<string[]>((resolve, reject) => {
      dd.biz.util.chooseImage({
        count: o.multiple === false ? 1 : 9, sourceType: o.camera === false ? ['camera', 'album'] : ['camera'],
        onSuccess: (r) => { resolve(r.filePaths); },
        onFail: (e) => { reject(failure('biz.util.chooseImage', e)); },
      });
    });
    return Promise.all(paths.map(readFile));
  };
  return { geo: { locate }, media: { capture } };
}
