/**
 * The excerpts of every document the template library cites (one file per document, keyed by
 * clause, copied from shared/domain and the plan), and the check that a basis's quote is found in
 * them. Used by the library's tests and `npm run bench`; no template imports it, so it never
 * reaches a host bundle.
 * @module
 */
import type { Basis } from '../../schema/template.js';
import { COMPLEX_RULES_EXCERPTS } from './complex-rules.js';
import { EBIKE_DRAFT_EXCERPTS } from './ebike-draft.js';
import { EBIKE_NOTICE_EXCERPTS } from './ebike-notice.js';
import { FIRE_LANE_NOTICE_EXCERPTS } from './fire-lane-notice.js';
import { GA703_EXCERPTS } from './ga703.js';
import { GB35181_2017_EXCERPTS } from './gb35181-2017.js';
import { GB35181_2025_EXCERPTS } from './gb35181-2025.js';
import { GB50039_EXCERPTS } from './gb50039.js';
import { HIGH_RISE_REG_EXCERPTS } from './high-rise-reg.js';
import { MPS61_EXCERPTS } from './mps61.js';
import { PLAN_EXCERPTS } from './plan.js';
import { SMALL_VENUE_LOCAL_EXCERPTS } from './small-venue-local.js';
import { TEN_CHECKS_EXCERPTS } from './ten-checks.js';
import type { SourceExcerpts } from './types.js';
import { VILLAGE_PACT_EXCERPTS } from './village-pact.js';

export type { SourceExcerpts } from './types.js';

/** Every excerpt file, one per document. */
export const SOURCE_EXCERPTS: readonly SourceExcerpts[] = [
  PLAN_EXCERPTS, HIGH_RISE_REG_EXCERPTS, MPS61_EXCERPTS, COMPLEX_RULES_EXCERPTS, GB35181_2017_EXCERPTS,
  GB35181_2025_EXCERPTS, GB50039_EXCERPTS, GA703_EXCERPTS, EBIKE_NOTICE_EXCERPTS, EBIKE_DRAFT_EXCERPTS,
  FIRE_LANE_NOTICE_EXCERPTS, SMALL_VENUE_LOCAL_EXCERPTS, TEN_CHECKS_EXCERPTS,
  VILLAGE_PACT_EXCERPTS,
];

/**
 * The excerpt text a basis is to be read against: the clause (`第三十四条（三）` falls back to
 * `第三十四条`), or the text without a confirmed clause number when the basis names none — or,
 * for an unverified basis only, when its clause is not among the excerpts. Undefined when our
 * sources hold no text for it.
 * @example
 * excerptFor({ doc: PLAN, clause: '二（一）5', verified: true }); // the plan's 二（一）5 paragraph
 */
export function excerptFor(basis: Pick<Basis, 'doc' | 'clause'> & { verified?: boolean }): string | undefined {
  const file = SOURCE_EXCERPTS.find((s) => s.doc === basis.doc);
  if (file === undefined) return undefined;
  if (basis.clause === undefined) return file.clauses[''];
  return file.clauses[basis.clause] ?? file.clauses[basis.clause.replace(/（[^（）]*）$/, '')]
    ?? (basis.verified === false ? file.clauses[''] : undefined);
}

/** Why a basis's quote does not hold, or undefined when it does (or there is no quote). */
export function quoteProblem(basis: Basis): string | undefined {
  if (basis.quote === undefined) return basis.verified ? 'a verified basis has no quote' : undefined;
  const text = excerptFor(basis);
  const where = `${basis.doc}${basis.clause === undefined ? '' : ` ${basis.clause}`}`;
  if (text === undefined) return `no excerpt of ${where} is committed`;
  if (!text.includes(basis.quote)) return `the quote "${basis.quote}" is not in the excerpt of ${where}`;
  return undefined;
}
