/**
 * Tokens and permissions of the reference server (DESIGN §5): HS256 JWTs signed with the
 * server's secret, carrying tenant, user, roles and scope; the role matrix per resource kind; and
 * scope as OrgUnit code prefixes.
 * @module
 */
import { SignJWT, errors as joseErrors, jwtVerify } from 'jose';
import { FiregridError, ROLES, inScope, residentOnly, wholeScope } from '@firegrid/core';
import type { Role } from '@firegrid/core';

/** The `iss` of every token the server signs and accepts. */
export const TOKEN_ISSUER = 'firegrid';
/** Default lifetime of a token: 12 hours. */
export const DEFAULT_TOKEN_TTL_SECONDS = 12 * 3600;
/** The shortest secret the server accepts (HS256 wants a key at least as long as its 256-bit hash). */
export const MIN_SECRET_LENGTH = 32;

/** Who is calling: what a verified token says. */
export interface Principal {
  tenant: string;
  /** The user id (`sub`). */
  user: string;
  name?: string;
  roles: Role[];
  /** OrgUnit code prefixes; `*` is the whole tenant. */
  scope: string[];
}

/** Options of {@link signToken}. */
export interface TokenOptions {
  /** The server's secret (`FIREGRID_SECRET`), at least 32 characters. */
  secret: string;
  tenant: string;
  /** The user id, the token's `sub`. */
  user: string;
  /** The user's display name. */
  name?: string;
  roles: readonly Role[];
  /** OrgUnit code prefixes, `['*']` for the whole tenant. */
  scope: readonly string[];
  /** Lifetime in seconds; 12 hours by default. */
  ttlSeconds?: number;
  /** The issuing time; the real clock by default. */
  now?: Date;
}

/** A token that is missing, malformed, forged, expired or carries unusable claims. */
export class TokenError extends Error {
  /** Why: `missing`, `malformed`, `signature`, `expired`, `claims`. */
  readonly reason: 'missing' | 'malformed' | 'signature' | 'expired' | 'claims';
  constructor(reason: TokenError['reason'], message: string) {
    super(message);
    this.name = 'TokenError';
    this.reason = reason;
  }
}

/** Throws FiregridError `config` when the secret is missing or too short to sign with. */
export function checkSecret(secret: string | undefined): asserts secret is string {
  if (secret === undefined || secret.length < MIN_SECRET_LENGTH) {
    throw new FiregridError('config', 
      `The server secret must be at least ${MIN_SECRET_LENGTH} characters long (got ${secret === undefined ? 'none' : String(secret.length)}); `
      + 'set FIREGRID_SECRET, e.g. to the output of `openssl rand -base64 48`.',
    );
  }
}

const keyOf = (secret: string): Uint8Array => new TextEncoder().encode(secret);

const isRole = (r: unknown): r is Role => typeof r === 'string' && (ROLES as readonly string[]).includes(r);

/** Throws TokenError('claims') naming the first unusable claim. */
function checkClaims(tenant: unknown, sub: unknown, name: unknown, roles: unknown, scope: unknown): Principal {
  const bad = (what: string): never => {
    throw new TokenError('claims', `The token's ${what}.`);
  };
  if (typeof tenant !== 'string' || tenant === '') bad('`tenant` claim must be a non-empty string');
  if (typeof sub !== 'string' || sub === '') bad('`sub` claim (the user id) must be a non-empty string');
  if (name !== undefined && typeof name !== 'string') bad('`name` claim must be a string');
  if (!Array.isArray(roles) || roles.length === 0) bad('`roles` claim must be a non-empty array');
  for (const r of roles as unknown[]) if (!isRole(r)) bad(`role ${JSON.stringify(r)} is not one of ${ROLES.join(', ')}`);
  if (!Array.isArray(scope) || scope.length === 0) bad('`scope` claim must be a non-empty array of OrgUnit code prefixes or "*"');
  for (const s of scope as unknown[]) {
    if (typeof s !== 'string' || !/^(\*|[0-9A-Za-z][0-9A-Za-z_-]*)$/.test(s)) bad(`scope entry ${JSON.stringify(s)} is not an OrgUnit code prefix or "*"`);
  }
  return {
    tenant: tenant as string,
    user: sub as string,
    ...(typeof name === 'string' ? { name } : {}),
    roles: [...new Set(roles as Role[])],
    scope: [...new Set(scope as string[])],
  };
}

/**
 * Signs an HS256 token the server accepts: issuer `firegrid`, subject the user, claims
 * `{ tenant, name?, roles, scope }`, expiring after `ttlSeconds` (12 h by default).
 * @example
 * const token = await signToken({ secret: process.env.FIREGRID_SECRET!, tenant: 'demo', user: 'wangwei',
 *   roles: ['grid-worker'], scope: ['140105004001'] });
 * fetch(url, { headers: { authorization: `Bearer ${token}` } });
 */
export async function signToken(options: TokenOptions): Promise<string> {
  checkSecret(options.secret);
  const principal = checkClaims(options.tenant, options.user, options.name, [...options.roles], [...options.scope]);
  const ttl = options.ttlSeconds ?? DEFAULT_TOKEN_TTL_SECONDS;
  if (!Number.isFinite(ttl) || ttl <= 0) {
    throw new FiregridError('config', `ttlSeconds must be a positive number of seconds, got ${String(ttl)}`);
  }
  const iat = Math.floor((options.now ?? new Date()).getTime() / 1000);
  return new SignJWT({
    tenant: principal.tenant,
    ...(principal.name === undefined ? {} : { name: principal.name }),
    roles: principal.roles,
    scope: principal.scope,
  })
    .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
    .setIssuer(TOKEN_ISSUER)
    .setSubject(principal.user)
    .setIssuedAt(iat)
    .setExpirationTime(iat + Math.round(ttl))
    .sign(keyOf(options.secret));
}

/**
 * Verifies a token (signature, issuer, expiry with `now`) and returns its principal.
 * @throws TokenError with the reason.
 */
export async function verifyToken(token: string, secret: string, now: Date = new Date()): Promise<Principal> {
  let payload: Record<string, unknown>;
  try {
    ({ payload } = await jwtVerify(token, keyOf(secret), {
      issuer: TOKEN_ISSUER, algorithms: ['HS256'], currentDate: now, requiredClaims: ['exp'],
    }));
  } catch (e) {
    if (e instanceof joseErrors.JWTExpired) throw new TokenError('expired', 'The token has expired; ask the host for a fresh one.');
    // A token that never expires stays a key to the tenant after the person has left: every token needs `exp`.
    if (e instanceof joseErrors.JWTClaimValidationFailed && e.claim === 'exp') {
      throw new TokenError('claims', 'The token has no usable `exp` claim (its expiry, in seconds since 1970); every token must expire.');
    }
    if (e instanceof joseErrors.JWSSignatureVerificationFailed) {
      throw new TokenError('signature', 'The token was not signed with this server\'s secret.');
    }
    if (e instanceof joseErrors.JWTClaimValidationFailed) throw new TokenError('claims', `The token was refused: ${e.message}.`);
    throw new TokenError('malformed', 'The token is not a valid HS256 JWT.');
  }
  return checkClaims(payload.tenant, payload.sub, payload.name, payload.roles, payload.scope);
}

/** The token of an `Authorization: Bearer …` header. */
export function bearerToken(authorization: string | undefined): string {
  const m = authorization === undefined ? null : /^Bearer\s+(\S+)\s*$/i.exec(authorization);
  if (m?.[1] === undefined) {
    throw new TokenError(authorization === undefined ? 'missing' : 'malformed', 'The request needs an Authorization: Bearer <token> header.');
  }
  return m[1];
}

/** The role matrix and the roles of staff: core's `rules/access`, the one home every port reads. */
export { PERMISSIONS, STAFF_ROLES, hasRole } from '@firegrid/core';
export type { Permission } from '@firegrid/core';

/** Roles that see a confidential reporter's identity and contact (DESIGN §5): core's list, the one every port reads. */
export { CONFIDENTIAL_READERS } from '@firegrid/core';

/** True when the principal is only a resident (a staff role alongside it lifts the resident rules): core's `residentOnly`. */
export const isResidentOnly = (p: Principal): boolean => residentOnly(p.roles);

/**
 * True when `p` holds at least `grants`: every role in them, and a scope that covers each of
 * their prefixes. An idempotent replay returns the stored reply only to such a caller.
 */
export function covers(p: Principal, grants: { roles: readonly string[]; scope: readonly string[] }): boolean {
  return grants.roles.every((r) => (p.roles as readonly string[]).includes(r))
    && grants.scope.every((prefix) => wholeTenant(p) || (prefix !== '*' && codeInScope(p, prefix)));
}

/** True when the principal's scope is the whole tenant: core's `wholeScope`. */
export const wholeTenant = (p: Principal): boolean => wholeScope(p.scope);

/** True when the OrgUnit code (a grid id) is inside one of the principal's prefixes: core's `inScope`. */
export function codeInScope(p: Principal, code: string): boolean {
  return inScope(p.scope, code);
}
