// The page's script: the plain-HTML example's client over httpDataPort, with the WeChat JS-SDK as
// its location and camera. Inside WeChat `window.wx` is jweixin after wx.config/wx.ready; anywhere
// else (a desktop browser, the tests) the stand-in answers with the same call shapes
// (`?platform=android` gives Android's localData, `?cancel` cancels the chooser).
import '@firegrid/elements/define';
import { createClient } from '../plain-html/firegrid-host.js';
import { wechatPorts } from './wechat-host.js';
import type { WeChatBridge } from './wechat-host.js';
import { wxStandIn } from './wx-standin.js';

const params = new URLSearchParams(location.search);
const wx: WeChatBridge = (window as { wx?: WeChatBridge }).wx
  ?? wxStandIn({ platform: params.get('platform') === 'android' ? 'android' : 'ios', cancelChooser: params.has('cancel') });
(window as { fgBridge?: WeChatBridge }).fgBridge = wx;

/** Your platform's sign-in: here the example server's `/token` stand-in (examples/tools/serve.mjs). */
async function getToken(): Promise<string> {
  const res = await fetch(`/token?user=${encodeURIComponent(params.get('user') ?? 'wangwei')}`);
  if (!res.ok) throw new Error(`sign-in failed (HTTP ${String(res.status)})`);
  return res.text();
}
let token = getToken();
const client = createClient({
  baseUrl: '/api',
  getToken: () => token,
  refreshToken: async () => { token = getToken(); await token; },
  // `?type=wgs84` asks for GPS coordinates; the point is tagged with what was asked.
  ports: wechatPorts(wx, { type: params.get('type') === 'wgs84' ? 'wgs84' : 'gcj02' }),
});
const provider = document.querySelector('fg-provider');
if (provider) provider.client = client;
provider?.addEventListener('fg-hazard-submit', (e) => {
  const status = document.getElementById('status');
  if (status) status.textContent = `已上报：${e.detail.hazard.title}`;
});
