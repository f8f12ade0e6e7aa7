/**
 * Clock rules of the hazard lifecycle (DESIGN §7, §9): open, overdue, due soon, when a review is
 * due, and a key that sorts a ledger by urgency. Every function is pure; the clock is passed in.
 *
 * A deadline is either a calendar date (`2025-06-30`, the form a 整改时限 usually takes) or a
 * date-time with an offset (`2025-06-30T18:00:00+08:00`). A calendar date runs to the end of that
 * day in China Standard Time (UTC+8, no daylight saving), where every deadline of this domain is
 * set. A date-time without an offset is refused: its meaning would depend on the machine's zone.
 * @module
 */
import { CLOSED_STATUSES } from '../names.js';
import type { LifecycleHazard } from '../rules/transitions.js';

const DAY_MS = 86_400_000;
/** China Standard Time, where a calendar-date deadline ends. */
const CST_OFFSET_MS = 8 * 3_600_000;
// The forms the schema's `Deadline` accepts: seconds required, any fraction, `Z` or `±hh:mm`.
const ISO_DEADLINE = /^(\d{4})-(\d{2})-(\d{2})(?:T(\d{2}):(\d{2}):(\d{2})(\.\d+)?(Z|[+-]\d{2}:\d{2}))?$/;

/** Default number of days after `report-rectified` by which the review is due (DESIGN §9). */
export const DEFAULT_REVIEW_DUE_DAYS = 3;
/** Default number of days before its deadline from which an open hazard counts as due soon. */
export const DEFAULT_DUE_SOON_DAYS = 3;

/**
 * The last instant (epoch milliseconds) a deadline covers, or `undefined` when the text is not a
 * calendar date or a date-time with an offset.
 * @example
 * deadlineEnd('2025-06-30');                 // 2025-06-30T23:59:59.999+08:00 as epoch ms
 * deadlineEnd('2025-06-30T18:00:00+08:00');  // that instant
 * deadlineEnd('2025-06-30T18:00:00');        // undefined: no offset (the schema's `Deadline` refuses it too)
 */
export function deadlineEnd(deadline: string): number | undefined {
  const m = ISO_DEADLINE.exec(deadline);
  if (m === null) return undefined;
  const [, y, mo, d, h, mi, s, frac, offset] = m;
  const year = Number(y);
  const month = Number(mo) - 1;
  const day = Number(d);
  const dayStart = Date.UTC(year, month, day);
  // Date.UTC rolls 2025-02-30 over to March; a deadline that does not exist is refused instead.
  const check = new Date(dayStart);
  if (check.getUTCFullYear() !== year || check.getUTCMonth() !== month || check.getUTCDate() !== day) return undefined;
  if (h === undefined || mi === undefined || s === undefined || offset === undefined) return dayStart + DAY_MS - CST_OFFSET_MS - 1;
  const hours = Number(h);
  const minutes = Number(mi);
  const seconds = Number(s);
  if (hours > 23 || minutes > 59 || seconds > 59) return undefined;
  const millis = frac === undefined ? 0 : Math.floor(Number(`0${frac}`) * 1000);
  let offsetMs = 0;
  if (offset !== 'Z') {
    const sign = offset.startsWith('-') ? -1 : 1;
    const oh = Number(offset.slice(1, 3));
    const om = Number(offset.slice(4, 6));
    if (oh > 23 || om > 59) return undefined;
    offsetMs = sign * (oh * 60 + om) * 60_000;
  }
  return dayStart + ((hours * 60 + minutes) * 60 + seconds) * 1000 + millis - offsetMs;
}

/** Where a hazard's 挂牌督办 stands: requested (报请, not yet listed), listed (supervised), lifted (摘牌/销案). */
export const SUPERVISION_STATES = ['requested', 'listed', 'lifted'] as const;
/** One of {@link SUPERVISION_STATES}. */
export type SupervisionState = (typeof SUPERVISION_STATES)[number];

/** The state of a hazard's supervision; `undefined` when it has none. */
export function supervisionState(hazard: Pick<LifecycleHazard, 'supervision'>): SupervisionState | undefined {
  const s = hazard.supervision;
  if (s === undefined) return undefined;
  return s.listedAt === undefined ? 'requested' : s.liftedAt === undefined ? 'listed' : 'lifted';
}

/**
 * Whether a hazard is under 挂牌督办: listed (`supervision.listedAt`) and not lifted
 * (`supervision.liftedAt`). A request (报请) alone does not make it supervised.
 */
export function isSupervised(hazard: Pick<LifecycleHazard, 'supervision'>): boolean {
  return supervisionState(hazard) === 'listed';
}

/**
 * The deadline that binds a hazard, as epoch milliseconds of its last instant: the earlier of the
 * rectification deadline and the deadline of its supervision (挂牌督办) once listed, when either
 * is set and readable. The 督办期限 of a request binds nobody until the government lists it.
 */
export function effectiveDeadline(hazard: Pick<LifecycleHazard, 'deadline' | 'supervision'>): number | undefined {
  const own = hazard.deadline === undefined ? undefined : deadlineEnd(hazard.deadline);
  const sup = hazard.supervision;
  const listed = sup?.deadline === undefined || sup.listedAt === undefined ? undefined : deadlineEnd(sup.deadline);
  if (own === undefined) return listed;
  if (listed === undefined) return own;
  return Math.min(own, listed);
}

/** True for every status but `rejected` and `closed` (DESIGN §9, "Open"). */
export function isOpen(hazard: Pick<LifecycleHazard, 'status'>): boolean {
  return !CLOSED_STATUSES.includes(hazard.status);
}

/**
 * True when the hazard is open, has a deadline ({@link effectiveDeadline}) and `now` is past its
 * last instant. A closed or rejected hazard is never overdue; neither is one without a deadline.
 * @example
 * isOverdue({ status: 'rectifying', deadline: '2025-06-30', ... }, new Date('2025-07-01T00:00:00+08:00')); // true
 */
export function isOverdue(hazard: Pick<LifecycleHazard, 'status' | 'deadline' | 'supervision'>, now: Date): boolean {
  if (!isOpen(hazard)) return false;
  const end = effectiveDeadline(hazard);
  return end !== undefined && now.getTime() > end;
}

/**
 * True when the hazard is open, not overdue, and its deadline ends within `days` days of `now`
 * (inclusive: exactly `days` × 24 h before the deadline counts).
 */
export function isDueSoon(
  hazard: Pick<LifecycleHazard, 'status' | 'deadline' | 'supervision'>,
  now: Date,
  days: number = DEFAULT_DUE_SOON_DAYS,
): boolean {
  if (!isOpen(hazard)) return false;
  const end = effectiveDeadline(hazard);
  if (end === undefined) return false;
  const left = end - now.getTime();
  return left >= 0 && left <= days * DAY_MS;
}

/**
 * When the review of the latest reported rectification is due: the time of the last
 * `report-rectified` history entry plus `reviewDueDays` days (DESIGN §9). `undefined` when the
 * hazard was never reported rectified. The date stays after the review, so `review.done` can be
 * judged on time or late.
 */
export function reviewDueAt(
  hazard: Pick<LifecycleHazard, 'history'>,
  reviewDueDays: number = DEFAULT_REVIEW_DUE_DAYS,
): Date | undefined {
  for (let i = hazard.history.length - 1; i >= 0; i--) {
    const entry = hazard.history[i];
    if (entry?.action !== 'report-rectified') continue;
    const at = Date.parse(entry.at);
    return Number.isNaN(at) ? undefined : new Date(at + reviewDueDays * DAY_MS);
  }
  return undefined;
}

const SEVERITY_RANK = { major: 0, 'major-candidate': 1, general: 2 } as const;
const KEY_WIDTH = 15;

/**
 * A string that sorts hazards by urgency, most urgent first, with a plain ascending sort
 * (`a < b`). The order is by group, then severity (major, candidate, general), then deadline
 * (earliest first; none last):
 *
 * 0. overdue and under supervision (挂牌督办);
 * 1. overdue;
 * 2. due within `dueSoonDays`;
 * 3. open with a later deadline;
 * 4. open without a deadline (not yet assigned);
 * 5. closed or rejected.
 * @example
 * hazards.sort((a, b) => (urgencyKey(a, now) < urgencyKey(b, now) ? -1 : urgencyKey(a, now) > urgencyKey(b, now) ? 1 : 0));
 */
export function urgencyKey(
  hazard: Pick<LifecycleHazard, 'status' | 'severity' | 'deadline' | 'supervision'>,
  now: Date,
  dueSoonDays: number = DEFAULT_DUE_SOON_DAYS,
): string {
  const end = effectiveDeadline(hazard);
  let group: number;
  if (!isOpen(hazard)) group = 5;
  else if (isOverdue(hazard, now)) group = isSupervised(hazard) ? 0 : 1;
  else if (isDueSoon(hazard, now, dueSoonDays)) group = 2;
  else group = end === undefined ? 4 : 3;
  const severity = SEVERITY_RANK[hazard.severity];
  const deadline = end === undefined ? '9'.repeat(KEY_WIDTH) : String(Math.max(0, end)).padStart(KEY_WIDTH, '0');
  return `${group}${severity}${deadline}`;
}
