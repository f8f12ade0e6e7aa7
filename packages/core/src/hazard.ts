// @firegrid/core/hazard — hazard deadlines: open, overdue, due soon, review dates. A narrow entry
// (also exported from the main entry) for first screens. The lifecycle and the major-hazard rules
// stay in the main entry only: elements load them lazily, with the panels that use them.

export {
  isOpen, isOverdue, isDueSoon, reviewDueAt, urgencyKey, deadlineEnd, effectiveDeadline, DEFAULT_REVIEW_DUE_DAYS,
  DEFAULT_DUE_SOON_DAYS, SUPERVISION_STATES, isSupervised, supervisionState,
} from './hazard/deadlines.js';
export type { SupervisionState } from './hazard/deadlines.js';
export { tipOffClocks, DEFAULT_SITE_CHECK_HOURS, DEFAULT_SITE_CHECK_HOURS_BY_CATEGORY, DEFAULT_ANSWER_WORKING_DAYS } from './hazard/tip-off.js';
export type { TipOffClocks, TipOffClockOptions } from './hazard/tip-off.js';
export { CN_CALENDAR_2026, workingDaysAfter } from './hazard/working-days.js';
export type { WorkingCalendar } from './hazard/working-days.js';
