// Who is signed in to the demo, and the Firegrid client for that person: the part of a vendor's
// app that a real platform replaces with its own sign-in. The token comes from the reference
// server's dev-only sign-in (`firegrid-server --dev`); the page holds no secret.
import { createFiregridClient } from '@firegrid/core';
import type { FiregridClient, OrgUnit, Role } from '@firegrid/core';
import { createBrowserHost } from '@firegrid/core/browser';
import { httpDataPort } from '@firegrid/core/http';
import { offlineBackend } from '@firegrid/core/offline';

/** Where the reference server is, on the page's own origin (the demo server proxies it). */
export const API = '/api';

/** A person of the demo data set, as the server's `GET /dev/users` lists them. */
export interface DemoPerson {
  user: string;
  name: string;
  roles: Role[];
  scope: string[];
}

/** A signed-in person: the token and what the server said about them. */
export interface SignedIn {
  tenant: string;
  token: string;
  person: DemoPerson;
  /** The administrative path of the demo, to name scopes and grids. */
  orgUnits: OrgUnit[];
}

/** The name of an OrgUnit code (a scope or a grid), or the code when it is not known. */
export function unitName(orgUnits: readonly OrgUnit[], code: string): string {
  return code === '*' ? '全辖区' : orgUnits.find((o) => o.code === code)?.name ?? code;
}

const STORAGE_KEY = 'firegrid-demo:session';

/** A failure of the demo's sign-in, with a message a person can act on. */
export class SignInError extends Error {
  override name = 'SignInError';
}

async function problemText(res: Response): Promise<string> {
  try {
    const body = (await res.json()) as { detail?: unknown };
    return typeof body.detail === 'string' ? body.detail : `HTTP ${res.status}`;
  } catch {
    return `HTTP ${res.status}`;
  }
}

const NOT_DEV = '服务器没有开启演示登录（仅 --dev 模式提供）：请用 npm start 启动演示。'
  + ' · The server has no demo sign-in (it exists only with --dev): start the demo with npm start.';

/** The people one may sign in as, and the server's notice that this sign-in is for development only. */
export async function listPeople(): Promise<{ notice: string; people: DemoPerson[]; orgUnits: OrgUnit[] }> {
  let res: Response;
  try {
    res = await fetch(`${API}/dev/users`, { headers: { 'accept-language': 'zh-CN' } });
  } catch {
    throw new SignInError('连不上演示服务器，请检查 npm start 是否仍在运行。 · Cannot reach the demo server: is npm start still running?');
  }
  if (res.status === 404) throw new SignInError(NOT_DEV);
  if (!res.ok) throw new SignInError(`读取演示用户失败：${await problemText(res)}`);
  const body = (await res.json()) as { notice: string; users: DemoPerson[]; orgUnits?: OrgUnit[] };
  return { notice: body.notice, people: body.users, orgUnits: body.orgUnits ?? [] };
}

/**
 * Gets a real token for one of the demo people from the server and, unless `remember` is false
 * (the tip-off page's resident), keeps it on this device.
 */
export async function signIn(user: string, { remember = true }: { remember?: boolean } = {}): Promise<SignedIn> {
  let res: Response;
  try {
    res = await fetch(`${API}/dev/token`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'accept-language': 'zh-CN' },
      body: JSON.stringify({ user }),
    });
  } catch {
    throw new SignInError('登录需要网络：连不上演示服务器。 · Signing in needs the network: the demo server cannot be reached.');
  }
  if (res.status === 404 && res.headers.get('x-firegrid-dev-only') === null) throw new SignInError(NOT_DEV);
  if (!res.ok) throw new SignInError(`登录失败：${await problemText(res)}`);
  const body = (await res.json()) as { tenant: string; token: string; user: DemoPerson; orgUnits?: OrgUnit[] };
  const signedIn: SignedIn = { tenant: body.tenant, token: body.token, person: body.user, orgUnits: body.orgUnits ?? [] };
  if (remember) localStorage.setItem(STORAGE_KEY, JSON.stringify(signedIn));
  return signedIn;
}

/** Seconds since 1970 at which a JWT expires (its `exp`), read without checking the signature. */
function expiryOf(token: string): number {
  try {
    const part = (token.split('.')[1] ?? '').replace(/-/g, '+').replace(/_/g, '/');
    const claims = JSON.parse(new TextDecoder().decode(Uint8Array.from(atob(part), (c) => c.charCodeAt(0)))) as { exp?: unknown };
    return typeof claims.exp === 'number' ? claims.exp : 0;
  } catch {
    return 0;
  }
}

/** The person signed in on this device, unless the token has expired. */
export function savedSession(now = Date.now()): SignedIn | undefined {
  const raw = localStorage.getItem(STORAGE_KEY);
  if (raw === null) return undefined;
  try {
    const s = JSON.parse(raw) as SignedIn;
    if (typeof s.token === 'string' && expiryOf(s.token) * 1000 > now) return { ...s, orgUnits: Array.isArray(s.orgUnits) ? s.orgUnits : [] };
  } catch { /* a damaged entry is dropped below */ }
  localStorage.removeItem(STORAGE_KEY);
  return undefined;
}

/** Forgets the signed-in person (the client's own data is wiped with `client.purge()`). */
export function forgetSession(): void {
  localStorage.removeItem(STORAGE_KEY);
}

/**
 * The Firegrid client of a signed-in person: `httpDataPort` on the page's origin with the token,
 * the session mirroring the token (the same user, roles and scope the server enforces), and the
 * offline backend (drafts and the outbox in IndexedDB, per tenant and user).
 */
export function clientFor(signedIn: SignedIn): FiregridClient {
  let token = signedIn.token;
  const data = httpDataPort({ baseUrl: API, headers: () => ({ authorization: `Bearer ${token}` }) });
  const host = createBrowserHost({
    data,
    session: {
      tenantId: signedIn.tenant,
      user: { id: signedIn.person.user, name: signedIn.person.name, roles: signedIn.person.roles },
      scope: signedIn.person.scope,
      locale: 'zh-CN',
    },
    // The notice's QR code: the resident's tip-off page of the place, in this app, with what a
    // resident may not read himself (the place's grid, name and address).
    links: {
      tipOff: async (placeId) => {
        const place = await data.get('places', placeId);
        const q = new URLSearchParams();
        if (place !== null) {
          q.set('grid', place.gridId);
          q.set('at', `${place.name}，${place.address}`);
        }
        return new URL(`#/tip-off/${encodeURIComponent(placeId)}?${q.toString()}`, location.href).href;
      },
    },
  });
  return createFiregridClient({
    host,
    backend: offlineBackend({
      // The outbox met a 401 (the token expired): sign the same person in again.
      onAuthRequired: async () => {
        token = (await signIn(signedIn.person.user, { remember: savedSession()?.person.user === signedIn.person.user })).token;
      },
    }),
  });
}

/** What each role is called in the app. */
export const ROLE_LABELS: Readonly<Record<Role, string>> = {
  'grid-worker': '网格员',
  'grid-supervisor': '网格长 · 综治中心',
  'fire-officer': '消防救援',
  'unit-manager': '单位 · 物业',
  captain: '楼长',
  resident: '群众',
  admin: '系统管理员',
  government: '区安委办',
};
