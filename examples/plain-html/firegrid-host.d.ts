// Types of firegrid-host.js, for the TypeScript examples that build on it (examples/dingtalk, examples/wechat).
import type { FiregridClient, FiregridHost } from '@firegrid/core';

/** The claims of a Firegrid bearer token. */
export interface TokenClaims { sub: string; name?: string; tenant: string; roles: string[]; scope: string[]; exp: number }
/** Reads the claims of a JWT without checking its signature. */
export declare function claimsOf(token: string): TokenClaims;
/** Options of {@link createClient}. */
export interface ClientOptions {
  baseUrl: string;
  getToken: () => Promise<string>;
  refreshToken?: () => Promise<void>;
  locale?: 'zh-CN' | 'en';
  ports?: Partial<Pick<FiregridHost, 'media' | 'geo' | 'directory' | 'ui' | 'links' | 'events'>>;
}
/** Makes the Firegrid client of a page (httpDataPort, the token's session, the offline backend, your bridges). */
export declare function createClient(options: ClientOptions): FiregridClient;
