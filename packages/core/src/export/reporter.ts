/**
 * Who may see a confidential reporter (DESIGN §5): the identity (`personId`) and contact of a
 * reporter who asked for confidentiality go only to grid supervisors, fire officers and admins —
 * and to the reporter himself. The server strips them for everyone else; the elements apply the
 * same rule to what they show and export, and stories emulate the server with
 * {@link redactReporter}, so a mistake in one layer is not a leak.
 * @module
 */
import type { Role } from '../names.js';
import type { Hazard } from '../schema/hazard.js';

/** Roles that see a confidential reporter's identity and contact (DESIGN §5). */
export const CONFIDENTIAL_READERS: readonly Role[] = Object.freeze(['grid-supervisor', 'fire-officer', 'admin'] as const);

/** Who is looking: a user id and roles, as in the session. */
export interface Viewer {
  id: string;
  roles: readonly Role[];
}

/**
 * True when `viewer` may see the reporter's identity and contact: the reporter is not
 * confidential, the viewer holds one of {@link CONFIDENTIAL_READERS}, or the viewer is the reporter.
 */
export function canSeeReporter(reporter: Pick<Hazard['reporter'], 'confidential' | 'personId'>, viewer: Viewer): boolean {
  if (!reporter.confidential) return true;
  if (viewer.roles.some((r) => CONFIDENTIAL_READERS.includes(r))) return true;
  return reporter.personId !== undefined && reporter.personId === viewer.id;
}

/**
 * The hazard as `viewer` may see it: a confidential reporter's `personId` and `contact` removed
 * unless {@link canSeeReporter}. Returns the same object when nothing is hidden, a copy otherwise.
 * @example
 * const shown = redactReporter(hazard, { id: session.user.id, roles: session.user.roles });
 */
export function redactReporter<H extends Pick<Hazard, 'reporter'>>(hazard: H, viewer: Viewer): H {
  const reporter = hazard.reporter;
  if (canSeeReporter(reporter, viewer)) return hazard;
  return { ...hazard, reporter: { kind: reporter.kind, confidential: true } };
}
