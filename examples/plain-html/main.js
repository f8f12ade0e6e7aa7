// @ts-check
// The page's script: get a token from your sign-in, make the client, hand it to <fg-provider>.
import '@firegrid/elements/define';
import { createClient } from './firegrid-host.js';

/** Your platform's sign-in: here the example server's `/token` stand-in (see serve.mjs). */
async function getToken() {
  const user = new URLSearchParams(location.search).get('user') ?? 'zhaojianguo';
  const res = await fetch(`./token?user=${encodeURIComponent(user)}`);
  if (!res.ok) throw new Error(`sign-in failed (${res.status})`);
  return res.text();
}

let token = getToken();
const client = createClient({
  baseUrl: '/api',
  getToken: () => token,
  refreshToken: async () => { token = getToken(); await token; },
  locale: document.documentElement.lang === 'en' ? 'en' : 'zh-CN',
});
const provider = document.querySelector('fg-provider');
if (provider) provider.client = client;

// Domain events bubble out of the elements: forward them to your app's own hub.
provider?.addEventListener('fg-hazard-transitioned', (e) => {
  const status = document.getElementById('status');
  if (status) status.textContent = `${e.detail.from} → ${e.detail.to}`;
});
