/**
 * Who a new hazard's reporter is (DESIGN §2 `reporter.kind`), in one place for both ways a hazard
 * is made on the client: the report form (`client.hazards.fromReport`) and a failed checklist
 * item (`client.inspections.submit`, `failedItemsToHazards`).
 * @module
 */
import type { Role } from '../names.js';
import type { HazardSource } from '../names.js';
import { REPORTER_KINDS } from '../schema/hazard.js';
import type { ReporterKind } from '../schema/hazard.js';

/**
 * The staff roles a finding is credited under, most specific to the grid first: a user who is
 * both grid worker and grid supervisor reports as the grid worker he is on the street.
 */
export const REPORTING_ROLE_ORDER: readonly Role[] = Object.freeze(
  ['grid-worker', 'captain', 'unit-manager', 'grid-supervisor', 'fire-officer', 'admin'] as const,
);

/**
 * The reporter kind of a hazard found by a user with `roles`: `resident` for a public tip-off
 * (`source: 'public'`); otherwise his first role in {@link REPORTING_ROLE_ORDER}, else his first
 * role that is a reporter kind at all (e.g. `government`, `resident`), else `grid-worker`.
 * @example
 * reporterKindOf(['grid-supervisor', 'grid-worker'], 'inspection'); // 'grid-worker'
 * reporterKindOf(['grid-worker'], 'public');                       // 'resident'
 */
export function reporterKindOf(roles: readonly Role[], source: HazardSource): ReporterKind {
  if (source === 'public') return 'resident';
  return REPORTING_ROLE_ORDER.find((r) => roles.includes(r))
    ?? roles.find((r) => (REPORTER_KINDS as readonly string[]).includes(r))
    ?? 'grid-worker';
}
