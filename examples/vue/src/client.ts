// The client of examples/plain-html (httpDataPort over /api, the session from the sign-in token,
// the offline backend). Your app passes its own token here.
import { createClient } from '../../plain-html/firegrid-host.js';

const user = new URLSearchParams(location.search).get('user') ?? 'zhaojianguo';
/** Your platform's sign-in: here the examples server's `/token` stand-in (examples/tools/serve.mjs). */
async function getToken(): Promise<string> {
  const res = await fetch(`/token?user=${encodeURIComponent(user)}`);
  if (!res.ok) throw new Error(`sign-in failed (HTTP ${String(res.status)})`);
  return res.text();
}
let token = getToken();
/** The page's one client: make it once, outside any component, so a re-render keeps its outbox. */
export const client = createClient({
  baseUrl: '/api',
  getToken: () => token,
  refreshToken: async () => { token = getToken(); await token; },
});
