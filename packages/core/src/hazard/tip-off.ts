/**
 * The clocks of a resident's tip-off (DESIGN §7: flags computed with the clock passed in, never
 * timers): the site check (核查) and the answer to the resident (答复). Defaults follow Beijing's
 * 96119 practice (REGULATIONS §1.5): the site check within 3 days, within 24 hours for blocked
 * exits; the answer within 5 working days ({@link workingDaysAfter}). `verify` or `reject` (or a
 * `fix-on-spot` on site) completes the check; `answer-resident` the answer.
 * @module
 */
import type { HazardCategory } from '../names.js';
import type { Hazard, HazardHistoryEntry } from '../schema/hazard.js';
import { CN_CALENDAR_2026, workingDaysAfter } from './working-days.js';
import type { WorkingCalendar } from './working-days.js';

const HOUR_MS = 3_600_000;

/** Default hours from the report to the site check (3 days). */
export const DEFAULT_SITE_CHECK_HOURS = 72;
/** Default hours per category where they differ: a blocked exit within 24 hours. */
export const DEFAULT_SITE_CHECK_HOURS_BY_CATEGORY: Readonly<Partial<Record<HazardCategory, number>>> = /* @__PURE__ */ Object.freeze({ 'exit-blocked': 24 });
/** Default working days from the report to the answer. */
export const DEFAULT_ANSWER_WORKING_DAYS = 5;

/** The actions that complete the site check: the hazard was seen where it was reported. */
export const SITE_CHECK_ACTIONS = /* @__PURE__ */ Object.freeze(['verify', 'reject', 'fix-on-spot'] as const);

/** A vendor's clock settings. */
export interface TipOffClockOptions {
  /** Hours from the report to the site check; default 72. */
  siteCheckHours?: number;
  /** Hours per category, over {@link DEFAULT_SITE_CHECK_HOURS_BY_CATEGORY} (`exit-blocked`: 24). */
  siteCheckHoursByCategory?: Partial<Record<HazardCategory, number>>;
  /** Working days from the report to the answer; default 5. */
  answerWorkingDays?: number;
  /** Holidays and 调休 workdays; {@link CN_CALENDAR_2026} by default (update yearly). */
  calendar?: WorkingCalendar;
}

/** What the clocks read of a hazard. */
export type TipOffFacts = Pick<Hazard, 'source' | 'category' | 'status'> & {
  readonly history: readonly Pick<HazardHistoryEntry, 'at' | 'action' | 'from' | 'to'>[];
  readonly createdAt?: string | undefined;
};

/** The clocks of one tip-off at one instant. */
export interface TipOffClocks {
  /** When it was reported: its `submit`, else its creation. */
  reportedAt: string;
  siteCheckDueAt: string;
  /** When `verify`, `reject` or `fix-on-spot` first ran. */
  siteCheckedAt?: string;
  /** Not checked and past its due time. */
  siteCheckOverdue: boolean;
  answerDueAt: string;
  /** When `answer-resident` first ran. */
  answeredAt?: string;
  /** Not answered and past its due time. */
  answerOverdue: boolean;
}

function firstAt(history: TipOffFacts['history'], test: (e: TipOffFacts['history'][number]) => boolean): string | undefined {
  return history.find(test)?.at;
}

/**
 * The site-check and answer clocks of a resident's tip-off (`source: 'public'`) at `now`;
 * `undefined` for any other hazard, and for a draft (not reported yet) or one without a known
 * report time.
 * @throws RangeError for a negative or non-numeric number of hours, or working days below 1.
 * @example
 * const c = tipOffClocks(hazard, new Date());
 * if (c?.answerOverdue) badge('超期未答复');
 */
export function tipOffClocks(hazard: TipOffFacts, now: Date, options: TipOffClockOptions = {}): TipOffClocks | undefined {
  if (hazard.source !== 'public' || hazard.status === 'draft') return undefined;
  const reportedAt = firstAt(hazard.history, (e) => e.to === 'reported' && e.from === 'draft') ?? hazard.createdAt
    ?? firstAt(hazard.history, () => true);
  const reported = reportedAt === undefined ? Number.NaN : Date.parse(reportedAt);
  if (reportedAt === undefined || Number.isNaN(reported)) return undefined;
  const hours = { ...DEFAULT_SITE_CHECK_HOURS_BY_CATEGORY, ...options.siteCheckHoursByCategory }[hazard.category]
    ?? options.siteCheckHours ?? DEFAULT_SITE_CHECK_HOURS;
  if (typeof hours !== 'number' || !(hours >= 0)) throw new RangeError(`site-check hours must be a number ≥ 0, got ${String(hours)}`);
  const siteDue = reported + hours * HOUR_MS;
  const answerDue = workingDaysAfter(reported, options.answerWorkingDays ?? DEFAULT_ANSWER_WORKING_DAYS, options.calendar ?? CN_CALENDAR_2026).getTime();
  const checked = firstAt(hazard.history, (e) => (SITE_CHECK_ACTIONS as readonly string[]).includes(e.action));
  const answered = firstAt(hazard.history, (e) => e.action === 'answer-resident');
  const t = now.getTime();
  return {
    reportedAt,
    siteCheckDueAt: new Date(siteDue).toISOString(),
    ...(checked === undefined ? {} : { siteCheckedAt: checked }),
    siteCheckOverdue: checked === undefined && t > siteDue,
    answerDueAt: new Date(answerDue).toISOString(),
    ...(answered === undefined ? {} : { answeredAt: answered }),
    answerOverdue: answered === undefined && t > answerDue,
  };
}
