// @ts-check
// The host adapter of a plain HTML page over the REST contract: copy this file into your app.
// It is the worked example of docs/integration.md. Everything Firegrid needs from your platform
// is here: where the API lives, the sign-in token, and who is signed in.
import { createFiregridClient, defineHost } from '@firegrid/core';
import { createBrowserHost } from '@firegrid/core/browser';
import { httpDataPort } from '@firegrid/core/http';
import { offlineBackend } from '@firegrid/core/offline';

/**
 * The claims of a Firegrid bearer token (the reference server's HS256 JWT; your backend's may
 * carry the same facts under other names — map them here).
 * @typedef {{ sub: string, name?: string, tenant: string, roles: string[], scope: string[], exp: number }} TokenClaims
 */

/**
 * Reads the claims of a JWT without checking its signature: the server checks it on every call;
 * the page only mirrors who is signed in, so the elements offer what the server will allow.
 * @param {string} token
 * @returns {TokenClaims}
 */
export function claimsOf(token) {
  const part = token.split('.')[1];
  if (part === undefined) throw new Error('The sign-in token is not a JWT (it has no payload part).');
  const base64 = part.replace(/-/g, '+').replace(/_/g, '/');
  const bytes = Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));
  return JSON.parse(new TextDecoder().decode(bytes));
}

/**
 * Makes the Firegrid client of a page.
 * @param {{ baseUrl: string, getToken: () => Promise<string>, refreshToken?: () => Promise<void>, locale?: 'zh-CN' | 'en', ports?: Partial<Pick<import('@firegrid/core').FiregridHost, 'media' | 'geo' | 'directory' | 'ui' | 'links' | 'events'>> }} options
 *   `baseUrl`: where `/v1/…` lives (a same-origin path such as `/api`, or an origin your backend allows by CORS);
 *   `getToken`: your app's current sign-in token (called for every request, so an expired one is replaced);
 *   `refreshToken`: asked for when the server answers 401 while the outbox sends;
 *   `locale`: the language the elements speak (zh-CN by default);
 *   `ports`: your app's bridges (camera, map, directory… — see examples/dingtalk and examples/wechat),
 *   used instead of the browser's own file input and Geolocation API.
 */
export function createClient({ baseUrl, getToken, refreshToken, locale = 'zh-CN', ports = {} }) {
  const data = httpDataPort({
    baseUrl,
    headers: async () => ({ authorization: `Bearer ${await getToken()}` }),
    locale,
  });
  const browser = createBrowserHost({
    data,
    // The session mirrors the token's claims: the same user, roles and scope the server enforces.
    session: async () => {
      const c = claimsOf(await getToken());
      return { tenantId: c.tenant, user: { id: c.sub, name: c.name ?? c.sub, roles: /** @type {any} */ (c.roles) }, scope: c.scope, locale };
    },
  });
  const host = defineHost({ ...browser, ...ports });
  // Drafts and writes are kept in IndexedDB and sent when there is signal (DESIGN §4).
  return createFiregridClient({ host, backend: offlineBackend({ onAuthRequired: refreshToken }) });
}
