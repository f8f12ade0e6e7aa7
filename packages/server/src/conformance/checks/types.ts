/**
 * The shape of one conformance check.
 * @module
 */
import type { Ctx } from '../context.js';

/** What an optional check needs besides the main token. */
export type Need = 'tokenLimited' | 'tokenOtherTenant' | 'tokenGovernment' | 'origin';

/**
 * One check: a name printed as is, what it needs, and the work. `run` resolves to a short note
 * on success and throws a `CheckFailure` saying what the server did wrong.
 */
export interface Check {
  name: string;
  needs?: readonly Need[];
  run(ctx: Ctx): Promise<string | undefined>;
}
