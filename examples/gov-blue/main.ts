// The page's script: the plain-HTML example's client over httpDataPort for a supervisor's desk.
import '@firegrid/elements/define';
import { createClient } from '../plain-html/firegrid-host.js';

const user = new URLSearchParams(location.search).get('user') ?? 'zhaojianguo';
/** Your platform's sign-in: here the examples server's `/token` stand-in (examples/tools/serve.mjs). */
async function getToken(): Promise<string> {
  const res = await fetch(`/token?user=${encodeURIComponent(user)}`);
  if (!res.ok) throw new Error(`sign-in failed (HTTP ${String(res.status)})`);
  return res.text();
}
let token = getToken();
const provider = document.querySelector('fg-provider');
if (provider) {
  provider.client = createClient({ baseUrl: '/api', getToken: () => token, refreshToken: async () => { token = getToken(); await token; } });
}
provider?.addEventListener('fg-hazard-open', (e) => {
  const status = document.getElementById('status');
  if (status) status.textContent = `打开了隐患 ${e.detail.hazardId}`;
});
