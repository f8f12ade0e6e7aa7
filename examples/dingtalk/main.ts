// The page's script: the plain-HTML example's client over httpDataPort, with DingTalk's bridge as
// its location and camera. Inside DingTalk `window.dd` is dingtalk-jsapi after dd.config; anywhere
// else (a desktop browser, the tests) the stand-in answers with the same call shapes.
import '@firegrid/elements/define';
import { createClient } from '../plain-html/firegrid-host.js';
import { dingtalkPorts } from './dingtalk-host.js';
import type { DingTalkBridge } from './dingtalk-host.js';
import { ddStandIn } from './dd-standin.js';

const params = new URLSearchParams(location.search);
const dd: DingTalkBridge = (window as { dd?: DingTalkBridge }).dd ?? ddStandIn({ deny: params.has('deny') });
(window as { fgBridge?: DingTalkBridge }).fgBridge = dd;

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
  // 浙政钉 and DingTalk maps speak GCJ-02: ask for it (`?coordinate=0` asks for WGS-84).
  ports: dingtalkPorts(dd, { coordinate: params.get('coordinate') === '0' ? 0 : 1 }),
});
const provider = document.querySelector('fg-provider');
if (provider) provider.client = client;
provider?.addEventListener('fg-hazard-submit', (e) => {
  const status = document.getElementById('status');
  if (status) status.textContent = `已上报：${e.detail.hazard.title}`;
});
