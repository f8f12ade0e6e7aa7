/**
 * The conformance suite of the REST contract (DESIGN §5): runs the contract against any base URL,
 * so a vendor checks his own backend with the checks the reference server passes.
 *
 * It needs a token with scope `*` (and, for the whole loop of a hazard, the roles grid-supervisor,
 * fire-officer and grid-worker — admin alongside is fine). With `tokenLimited` (a grid worker of
 * one grid, role grid-worker only, another user than the main token's) it also checks scope, a
 * refused transition, confidential reporters, the closed loop (the grid worker reports the
 * rectification, the main token reviews it: no one reviews his own) and that neither a self-review
 * nor a grid worker's review of a major hazard is allowed; with `tokenOtherTenant` (any token of another tenant) that tenants never see each
 * other; with `origin` (one the server allows) CORS. Without them those checks are reported as
 * not run, never as passed.
 *
 * It makes its own records (fresh UUIDv7 ids, the run's tag in their text), in `grid` (the grid
 * the limited token covers) and `otherGrid` (one it does not), and touches nothing else. There is
 * no DELETE in the contract, so they stay: find them by the tag.
 * @module
 */
import { newId } from '@firegrid/core';
import { ACCESS_CHECKS } from './checks/access.js';
import { COMMAND_CHECKS } from './checks/commands.js';
import { HAZARD_CHECKS } from './checks/hazards.js';
import { INTEGRITY_CHECKS } from './checks/integrity.js';
import { LIST_CHECKS } from './checks/lists.js';
import { MEDIA_CHECKS } from './checks/media.js';
import { PATH_CHECKS } from './checks/on-the-spot.js';
import { ASSIGNEE_CHECKS } from './checks/assignee.js';
import { RECORD_CHECKS } from './checks/records.js';
import { SCORE_CHECKS } from './checks/scores.js';
import { TIP_OFF_CHECKS } from './checks/tip-off.js';
import { TEMPLATE_CHECKS } from './checks/templates.js';
import type { Check, Need } from './checks/types.js';
import type { Ctx } from './context.js';
import { CheckFailure, createApi, described, preview } from './http.js';
import type { FetchLike, Reply } from './http.js';

export { CaptainImportInput, CaptainImportResult } from './contract.js';
export { Problem, ProblemIssue } from './problem.js';
export type { FetchLike } from './http.js';
export type { Check, Need } from './checks/types.js';

/** The grid used when neither `grid` nor the limited token's scope names one. */
export const DEFAULT_GRID = '330106001001001';

/** Options of {@link runConformance}. */
export interface ConformanceOptions {
  /** The server's base URL, without `/v1` (`https://api.example.com`). */
  baseUrl: string;
  /** A bearer token with scope `*`. */
  token: string;
  /** A token of a grid worker of one grid (role grid-worker, scope that grid). */
  tokenLimited?: string;
  /** A token of another tenant. */
  tokenOtherTenant?: string;
  /** A token of the listing authority (role `government`) covering `grid`: runs the 挂牌督办 check. */
  tokenGovernment?: string;
  /**
   * The grid the suite writes in, which the limited token must cover. By default the first scope
   * entry of the limited token when it is a JWT, else {@link DEFAULT_GRID}.
   */
  grid?: string;
  /** A grid the limited token does not cover; by default `grid` with its first character changed. */
  otherGrid?: string;
  /** An origin the server allows, for the CORS check. */
  origin?: string;
  /** Runs only the checks whose name contains this text (case-insensitive). */
  only?: string;
  /** The `fetch` to use; the global one by default. */
  fetch?: FetchLike;
  /** Called with each result as soon as its check ends. */
  log?: (result: CheckResult) => void;
  /** Milliseconds before one request is given up; 30 000 by default. */
  timeoutMs?: number;
  /** The word put in every record's text; a fresh one by default (see {@link runTag}). */
  tag?: string;
  /** The clock, for deadlines relative to today; the real one by default. */
  now?: () => Date;
}

/** The outcome of one check. */
export interface CheckResult {
  name: string;
  status: 'passed' | 'failed' | 'not-run';
  /** What was seen (passed), what went wrong (failed), or what is missing (not run). */
  detail?: string;
}

/** The outcome of a run. */
export interface ConformanceReport {
  results: CheckResult[];
  passed: number;
  failed: number;
  notRun: number;
  /** The grids and tag the run used, to find its records afterwards. */
  grid: string;
  otherGrid: string;
  tag: string;
}

/** Every check, in the order they run, with what each needs beyond the main token. */
export const CHECKS: readonly Check[] = [
  ...RECORD_CHECKS, ...LIST_CHECKS, ...HAZARD_CHECKS, ...PATH_CHECKS, ...ASSIGNEE_CHECKS, ...MEDIA_CHECKS, ...COMMAND_CHECKS, ...ACCESS_CHECKS, ...INTEGRITY_CHECKS,
  ...SCORE_CHECKS, ...TIP_OFF_CHECKS, ...TEMPLATE_CHECKS,
];

/** The flag that supplies what a check needs, for "not run" messages. */
export const NEED_FLAGS: Readonly<Record<Need, string>> = {
  tokenLimited: '--token-limited',
  tokenOtherTenant: '--token-other-tenant',
  tokenGovernment: '--token-government',
  origin: '--origin',
};

/** A fresh run tag: `fgc` and 10 lower-case letters and digits, one word for text search. */
export function runTag(): string {
  return `fgc${newId().replace(/-/g, '').slice(6, 16)}`;
}

/** The claims of a JWT, unverified (only to pick a default grid), or undefined when it is not one. */
function jwtClaims(token: string): Record<string, unknown> | undefined {
  const part = token.split('.')[1];
  if (part === undefined) return undefined;
  try {
    const json = new TextDecoder().decode(Uint8Array.from(atob(part.replace(/-/g, '+').replace(/_/g, '/')), (c) => c.charCodeAt(0)));
    const claims: unknown = JSON.parse(json);
    return claims !== null && typeof claims === 'object' ? claims as Record<string, unknown> : undefined;
  } catch {
    return undefined;
  }
}

/**
 * The grid a run writes in: `grid` when given, else the first OrgUnit code in the limited token's
 * `scope` claim (a JWT like the reference server's), else {@link DEFAULT_GRID}.
 * @example
 * defaultGrid(undefined, limitedToken);   // '330106001001001' when that token's scope is ['330106001001001']
 */
export function defaultGrid(grid: string | undefined, tokenLimited: string | undefined): string {
  if (grid !== undefined && grid !== '') return grid;
  const scope = tokenLimited === undefined ? undefined : jwtClaims(tokenLimited)?.scope;
  const first = Array.isArray(scope) ? scope.find((s): s is string => typeof s === 'string' && /^[0-9A-Za-z][0-9A-Za-z_-]*$/.test(s)) : undefined;
  return first ?? DEFAULT_GRID;
}

/** A grid code no scope prefix of `grid` covers: `grid` with its first character changed. */
export function otherGridOf(grid: string): string {
  return `${grid.startsWith('9') ? '8' : '9'}${grid.slice(1)}`;
}

/** Why no check can run (the server does not answer, or refuses the main token), or undefined. */
async function probe(ctx: Ctx): Promise<string | undefined> {
  let reply: Reply;
  try {
    reply = await ctx.api.request('GET', '/v1/places?limit=1', { token: ctx.token });
  } catch (e) {
    return `not attempted: ${e instanceof Error ? e.message : String(e)}; is --base-url right and the server up?`;
  }
  if (reply.status === 401) return `not attempted: the server refuses --token (${described(reply)}: ${preview(reply)})`;
  return undefined;
}

/**
 * Runs the suite against a server and resolves to every check's result; it never rejects for a
 * server's failure (that is a failed check).
 * @example
 * const report = await runConformance({ baseUrl: 'http://127.0.0.1:8787', token, tokenLimited, tokenOtherTenant });
 * if (report.failed > 0) for (const r of report.results) if (r.status === 'failed') console.error(r.name, r.detail);
 */
export async function runConformance(options: ConformanceOptions): Promise<ConformanceReport> {
  const grid = defaultGrid(options.grid, options.tokenLimited);
  const otherGrid = options.otherGrid ?? otherGridOf(grid);
  const tag = options.tag ?? runTag();
  const shared = new Map<string, Promise<unknown>>();
  const ctx: Ctx = {
    api: createApi(options.baseUrl, options.fetch ?? ((input, init) => fetch(input, init)), options.timeoutMs ?? 30_000),
    token: options.token,
    tokenLimited: options.tokenLimited,
    tokenOtherTenant: options.tokenOtherTenant,
    tokenGovernment: options.tokenGovernment,
    grid,
    otherGrid,
    origin: options.origin,
    tag,
    now: options.now ?? (() => new Date()),
    once<T>(key: string, make: () => Promise<T>): Promise<T> {
      let made = shared.get(key) as Promise<T> | undefined;
      if (made === undefined) {
        made = make().catch((e: unknown) => {
          throw new CheckFailure(`could not set up "${key}" for this check: ${e instanceof Error ? e.message : String(e)}`);
        });
        shared.set(key, made);
      }
      return made;
    },
  };
  const only = options.only?.toLowerCase();
  const results: CheckResult[] = [];
  // One clear reason instead of fifty alike when the server is down or refuses the main token.
  const blocked = await probe(ctx);
  for (const check of CHECKS) {
    if (only !== undefined && !check.name.toLowerCase().includes(only)) continue;
    const missing = (check.needs ?? []).filter((need) => ctx[need] === undefined);
    let result: CheckResult;
    if (missing.length > 0) {
      result = { name: check.name, status: 'not-run', detail: `needs ${missing.map((m) => NEED_FLAGS[m]).join(' and ')}` };
    } else if (blocked !== undefined) {
      result = { name: check.name, status: 'failed', detail: blocked };
    } else {
      try {
        const detail = await check.run(ctx);
        result = { name: check.name, status: 'passed', ...(detail === undefined ? {} : { detail }) };
      } catch (e) {
        const detail = e instanceof CheckFailure ? e.message
          : `the suite failed on its own (please report it): ${e instanceof Error ? e.stack ?? e.message : String(e)}`;
        result = { name: check.name, status: 'failed', detail };
      }
    }
    results.push(result);
    options.log?.(result);
  }
  const count = (status: CheckResult['status']): number => results.filter((r) => r.status === status).length;
  return { results, passed: count('passed'), failed: count('failed'), notRun: count('not-run'), grid, otherGrid, tag };
}
