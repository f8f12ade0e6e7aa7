/**
 * A refused hazard transition as a problem (DESIGN §5), in one place for the reference server and
 * the ports' `hazards.transition` command: the lifecycle (`createLifecycle().check`) decides, this
 * module says how the refusal reads — its status, its slug and its paths — so every port refuses
 * the same transition with the same problem.
 * @module
 */
import type { TransitionCheck } from '../hazard/lifecycle.js';
import type { WriteRefusal } from './writes.js';

/**
 * The problem of a transition the lifecycle refused: 403 for a role (`transition-role`,
 * `transition-role-for-severity`, `transition-separation-of-duties`), 409 for an action not allowed
 * from the hazard's status, 422 for missing or unusable fields (one issue per path).
 * @example
 * const verdict = lifecycle.check(hazard, input, actor, now);
 * if (!verdict.ok) throw toError(transitionRefusal(verdict));
 */
export function transitionRefusal(verdict: Extract<TransitionCheck, { ok: false }>): WriteRefusal {
  const status = verdict.code === 'role' || verdict.code === 'role-for-severity' || verdict.code === 'separation-of-duties' ? 403
    : verdict.code === 'not-allowed-from-status' ? 409 : 422;
  const paths = verdict.missing ?? verdict.invalid ?? [];
  return {
    status, code: `transition-${verdict.code}`,
    message: { 'zh-CN': verdict.message, en: verdict.message },
    issues: paths.map((path) => ({ path, message: verdict.code === 'missing-fields' ? 'required' : 'invalid' })),
  };
}
