// @firegrid/core/hazard — hazard deadlines: open, overdue, due soon, review dates. A narrow entry
// (also exported from the main entry) for first screens. The lifecycle and the major-hazard rules
// stay in the main entry only: elements load them lazily, with the panels that use them.

export {
  isOpen, isOverdue, isDueSoon, reviewDueAt, urgencyKey, deadlineEnd, effectiveDeadline, DEFAULT_REVIEW_DUE_DAYS,
  DEFAULT_DUE_SOON_DAYS, SUPERVISION_STATES, isSupervised, supervisionState,
} from './hazard/deadlines.js';
export type { SupervisionState } from './hazard/deadlines.js';
