// A stand-in for DingTalk's `dd` outside the DingTalk app (a desktop browser, the tests): the same
// call shapes as dingtalk-jsapi's `device.geolocation.get` and `biz.util.chooseImage` (README.md),
// answering asynchronously through onSuccess/onFail as the bridge does. Not for production.
import { convertPoint } from '@firegrid/core';
import type { DingTalkBridge } from './dingtalk-host.js';

/** One call the page made, without its callbacks. */
export interface StandInCall { api: string; params: Record<string, unknown> }

/** Options of {@link ddStandIn}. */
export interface DdStandInOptions {
  /** The device's GPS fix (WGS-84); a street in 太原市小店区 by default. */
  fix?: { lng: number; lat: number; accuracy: number };
  /** Makes every call fail as a denied permission does. */
  deny?: boolean;
}

const withoutCallbacks = (params: object): Record<string, unknown> =>
  Object.fromEntries(Object.entries(params).filter(([, v]) => typeof v !== 'function'));

/** A JPEG the stand-in "camera" takes: drawn on a canvas, served at a blob: URL as the file path. */
async function photoPath(n: number): Promise<{ path: string; size: number; fileType: string }> {
  const canvas = new OffscreenCanvas(320, 240);
  const ctx = canvas.getContext('2d');
  if (ctx) {
    ctx.fillStyle = '#5d4037';
    ctx.fillRect(0, 0, 320, 240);
    ctx.fillStyle = '#fff';
    ctx.font = '28px sans-serif';
    ctx.fillText(`钉钉拍照 ${String(n)}`, 24, 128);
  }
  const blob = await canvas.convertToBlob({ type: 'image/jpeg', quality: 0.8 });
  return { path: URL.createObjectURL(blob), size: blob.size, fileType: 'jpg' };
}

/** The stand-in `dd`, with `calls` recording what the page asked of it. */
export function ddStandIn(options: DdStandInOptions = {}): DingTalkBridge & { calls: StandInCall[] } {
  const fix = options.fix ?? { lng: 112.5548, lat: 37.8561, accuracy: 18 };
  const calls: StandInCall[] = [];
  const denied = { errorCode: 7, errorMessage: '用户拒绝授权' };
  let taken = 0;
  return {
    calls,
    device: { geolocation: { get(params) {
      calls.push({ api: 'device.geolocation.get', params: withoutCallbacks(params) });
      // coordinate 1: 高德 (GCJ-02) coordinates; 0: the GPS fix as it is (WGS-84).
      const p = params.coordinate === 1 ? convertPoint({ ...fix, crs: 'WGS84' }, 'GCJ02') : fix;
      setTimeout(() => {
        if (options.deny === true) params.onFail(denied);
        else params.onSuccess({ longitude: p.lng, latitude: p.lat, accuracy: fix.accuracy });
      }, 10);
    } } },
    biz: { util: { chooseImage(params) {
      calls.push({ api: 'biz.util.chooseImage', params: withoutCallbacks(params) });
      if (options.deny === true) { setTimeout(() => { params.onFail(denied); }, 10); return; }
      void photoPath(++taken).then((file) => { params.onSuccess({ filePaths: [file.path], files: [file] }); });
    } } },
  };
}
