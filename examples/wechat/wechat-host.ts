// The WeChat JS-SDK (jweixin) as Firegrid's location and camera ports: copy this file into your
// H5 page. `wx` is the JS-SDK after `wx.config` / `wx.ready`; call shapes: see README.md.
import { FiregridError } from '@firegrid/core';
import type { GeoPoint, GeoPort, MediaPort } from '@firegrid/core';
/** What a JS-SDK call passes to `fail`. */ export interface WxFailure { errMsg?: string }
/** The part of `wx` this adapter calls. */
export interface WeChatBridge {
  getLocation(params: { type?: 'wgs84' | 'gcj02'; success(res: { latitude: number; longitude: number; accuracy?: number }): void;
    fail?(res: WxFailure): void; cancel?(res: WxFailure): void }): void;
  chooseImage(params: { count: number; sizeType: ('original' | 'compressed')[]; sourceType: ('album' | 'camera')[];
    success(res: { localIds: string[] }): void; fail?(res: WxFailure): void; cancel?(res: WxFailure): void }): void;
  getLocalImgData(params: { localId: string; success(res: { localData: string }): void; fail?(res: WxFailure): void }): void;
}
/** Options of {@link wechatPorts}. */
export interface WeChatPortsOptions {
  /** `gcj02` (default: what Tencent maps speak) or `wgs84` (the JS-SDK's own default, GPS). */
  type?: 'wgs84' | 'gcj02';
}
const failure = (api: string, res: WxFailure): FiregridError =>
  new FiregridError('host-failure', `WeChat wx.${api} failed: ${res.errMsg ?? 'no errMsg'}.`);

/**
 * A photo from `localData`: iOS gives `data:image/jgp;base64,…` (sic), Android bare base64 with
 * line breaks. Either way the bytes are the JPEG the JS-SDK made.
 */
export function localDataToBlob(localData: string): Blob {
  const base64 = localData.replace(/^data:[^,]*,/, '').replace(/\s+/g, '');
  const bytes = Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));
  return new Blob([bytes], { type: 'image/jpeg' });
}

/** `geo` and `media` ports over the WeChat JS-SDK. A point is tagged with the `type` it was asked in. */
export function wechatPorts(wx: WeChatBridge, options: WeChatPortsOptions = {}): { geo: GeoPort; media: MediaPort } {
  const type = options.type ?? 'gcj02';
  const locate = (): Promise<GeoPoint> => new Promise((resolve, reject) => {
    wx.getLocation({
      type, // always passed: left out, the JS-SDK answers in WGS-84
      success: (r) => { resolve({ lng: r.longitude, lat: r.latitude, crs: type === 'gcj02' ? 'GCJ02' : 'WGS84', ...(r.accuracy ? { accuracyM: r.accuracy } : {}) }); },
      fail: (r) => { reject(failure('getLocation', r)); },
      cancel: (r) => { reject(new FiregridError('forbidden', `Location was refused in WeChat (${r.errMsg ?? 'cancel'}); allow it or pick the point on the map.`)); },
    });
  });
  const capture: MediaPort['capture'] = async (o = {}) => {
    const localIds = await new Promise<string[]>((resolve, reject) => {
      wx.chooseImage({
        count: o.multiple === false ? 1 : 9, sizeType: ['compressed'], sourceType: o.camera === false ? ['album', 'camera'] : ['camera'],
        success: (r) => { resolve(r.localIds); }, fail: (r) => { reject(failure('chooseImage', r)); }, cancel: () => { resolve([]); },
      });
    });
    const blobs: Blob[] = []; // one at a time: the JS-SDK reads one local image per call
    for (const localId of localIds) {
      blobs.push(await new Promise<Blob>((resolve, reject) => {
        wx.getLocalImgData({ localId, success: (r) => { resolve(localDataToBlob(r.localData)); }, fail: (r) => { reject(failure('getLocalImgData', r)); } });
      }));
    }
    return blobs;
  };
  return { geo: { locate }, media: { capture } };
}
