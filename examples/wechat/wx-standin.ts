// A stand-in for the WeChat JS-SDK's `wx` outside WeChat (a desktop browser, the tests): the same
// call shapes as wx.getLocation, wx.chooseImage and wx.getLocalImgData (README.md), answering
// asynchronously through success/fail/cancel, and the two platforms' localData. Not for production.
import { convertPoint } from '@firegrid/core';
import type { WeChatBridge } from './wechat-host.js';

/** One call the page made, without its callbacks. */
export interface StandInCall { api: string; params: Record<string, unknown> }

/** Options of {@link wxStandIn}. */
export interface WxStandInOptions {
  /** `ios`: localIds `wxLocalResource://…`, localData with a `data:image/jgp;base64,` prefix; `android`: `weixin://resourceid/…`, bare base64 with line breaks. */
  platform?: 'ios' | 'android';
  /** The device's GPS fix (WGS-84); a street in 太原市小店区 by default. */
  fix?: { lng: number; lat: number; accuracy: number };
  /** The person presses 取消 in the image chooser. */
  cancelChooser?: boolean;
}

const withoutCallbacks = (params: object): Record<string, unknown> =>
  Object.fromEntries(Object.entries(params).filter(([, v]) => typeof v !== 'function'));

/** Base64 of a JPEG drawn on a canvas: what the JS-SDK's camera would hand over. */
async function jpegBase64(n: number): Promise<string> {
  const canvas = new OffscreenCanvas(320, 240);
  const ctx = canvas.getContext('2d');
  if (ctx) {
    ctx.fillStyle = '#1b5e20';
    ctx.fillRect(0, 0, 320, 240);
    ctx.fillStyle = '#fff';
    ctx.font = '28px sans-serif';
    ctx.fillText(`微信拍照 ${String(n)}`, 24, 128);
  }
  const bytes = new Uint8Array(await (await canvas.convertToBlob({ type: 'image/jpeg', quality: 0.8 })).arrayBuffer());
  let binary = '';
  for (const b of bytes) binary += String.fromCharCode(b);
  return btoa(binary);
}

/** The stand-in `wx`, with `calls` recording what the page asked of it. */
export function wxStandIn(options: WxStandInOptions = {}): WeChatBridge & { calls: StandInCall[] } {
  const platform = options.platform ?? 'ios';
  const fix = options.fix ?? { lng: 112.5548, lat: 37.8561, accuracy: 25 };
  const calls: StandInCall[] = [];
  const images = new Map<string, string>();
  const later = (fn: () => void): void => { setTimeout(fn, 10); };
  return {
    calls,
    getLocation(params) {
      calls.push({ api: 'getLocation', params: withoutCallbacks(params) });
      // The JS-SDK's default is wgs84 (GPS); gcj02 returns 国测局 coordinates for Tencent maps.
      const p = params.type === 'gcj02' ? convertPoint({ ...fix, crs: 'WGS84' }, 'GCJ02') : fix;
      later(() => { params.success({ latitude: p.lat, longitude: p.lng, accuracy: fix.accuracy }); });
    },
    chooseImage(params) {
      calls.push({ api: 'chooseImage', params: withoutCallbacks(params) });
      if (options.cancelChooser === true) { later(() => params.cancel?.({ errMsg: 'chooseImage:cancel' })); return; }
      const localId = `${platform === 'ios' ? 'wxLocalResource://' : 'weixin://resourceid/'}${String(images.size + 1)}`;
      void jpegBase64(images.size + 1).then((base64) => {
        images.set(localId, base64);
        params.success({ localIds: [localId] });
      });
    },
    getLocalImgData(params) {
      calls.push({ api: 'getLocalImgData', params: withoutCallbacks(params) });
      const base64 = images.get(params.localId);
      if (base64 === undefined) { later(() => params.fail?.({ errMsg: 'getLocalImgData:fail invalid localId' })); return; }
      const localData = platform === 'ios' ? `data:image/jgp;base64,${base64}` : base64.replace(/.{76}/g, '$&\n');
      later(() => { params.success({ localData }); });
    },
  };
}
