/**
 * What the lifecycle reads from a hazard's history and supervision: who reported the rectification
 * under review, whether its review passed, the entry that closed it, a pending 报请.
 * @module
 */
import type { HazardAction, Role } from '../names.js';
import type { HazardHistoryEntry } from '../schema/hazard.js';
import type { LifecycleHazard } from '../rules/transitions.js';

/** The user id of whoever reported the rectification now under review (the last `report-rectified`). */
export function rectificationReportedBy(hazard: Pick<LifecycleHazard, 'history'>): string | undefined {
  for (let i = hazard.history.length - 1; i >= 0; i--) {
    const e = hazard.history[i];
    if (e?.action === 'report-rectified') return e.by;
  }
  return undefined;
}

/** The pending request (报请) of a hazard: a supervision without `listedAt`. */
export function requestOf(hazard: Pick<LifecycleHazard, 'supervision'>): LifecycleHazard['supervision'] {
  const s = hazard.supervision;
  return s !== undefined && s.listedAt === undefined ? s : undefined;
}

/**
 * Whether the review of the rectification now under review has passed, and the hazard waits for
 * the lift (摘牌/销案) that closes it: it is `awaiting-review` and its latest report, pass or fail
 * is a `review-pass`.
 */
export function reviewPassed(hazard: Pick<LifecycleHazard, 'status' | 'history'>): boolean {
  if (hazard.status !== 'awaiting-review') return false;
  for (let i = hazard.history.length - 1; i >= 0; i--) {
    const a = hazard.history[i]?.action;
    if (a === 'review-pass') return true;
    if (a === 'report-rectified' || a === 'review-fail') return false;
  }
  return false;
}

/** The reviews separation of duties applies to. */
export const REVIEWS: readonly HazardAction[] = ['review-pass', 'review-fail'];

/** Whether any of the actor's roles is allowed. */
export function roleAllows(allowed: readonly Role[], roles: readonly Role[]): boolean {
  return roles.some((role) => allowed.includes(role));
}

/**
 * The entry that closed a hazard (the last one that moved it to `closed`), or `undefined` when its
 * history does not show one.
 */
export function closingEntry(hazard: Pick<LifecycleHazard, 'history'>): HazardHistoryEntry | undefined {
  for (let i = hazard.history.length - 1; i >= 0; i--) {
    const e = hazard.history[i];
    if (e?.to === 'closed' && e.from !== 'closed') return e;
  }
  return undefined;
}
