/**
 * Working days (工作日) in China Standard Time: Monday to Friday, corrected by a calendar of public
 * holidays (法定节假日) and of the weekend days worked instead (调休上班), which the State Council
 * publishes each year. The calendar is data the integrator provides ({@link WorkingCalendar});
 * {@link CN_CALENDAR_2026} ships as an example and needs a yearly update. Outside the years a
 * calendar covers, days are plain Monday to Friday.
 * @module
 */

const DAY_MS = 86_400_000;
/** China Standard Time (UTC+8, no daylight saving). */
const CST_OFFSET_MS = 8 * 3_600_000;
const ISO_DAY = /^\d{4}-\d{2}-\d{2}$/;

/**
 * Holidays and worked weekend days, as calendar dates (`YYYY-MM-DD`) in China Standard Time. A
 * date in `holidays` is no working day even on a weekday; a date in `workdays` (调休上班) is one even
 * on a Saturday or Sunday.
 */
export interface WorkingCalendar {
  /** What the table is, e.g. 国务院办公厅关于2026年部分节假日安排的通知. */
  readonly source?: string;
  readonly holidays: readonly string[];
  readonly workdays: readonly string[];
}

/**
 * The 2026 table (国务院办公厅关于2026年部分节假日安排的通知): 元旦 1 月 1–3 日（1 月 4 日周日上班）;
 * 春节 2 月 15–23 日（2 月 14 日周六、2 月 28 日周六上班）; 清明节 4 月 4–6 日; 劳动节 5 月 1–5 日
 * （5 月 9 日周六上班）; 端午节 6 月 19–21 日; 中秋节 9 月 25–27 日; 国庆节 10 月 1–7 日（9 月 20 日周日、
 * 10 月 10 日周六上班）, as 新华社 published the notice on 2025-11-04
 * (https://politics.gmw.cn/2025-11/04/content_38391083.htm; checked date by date on 2026-12-08).
 * An example only: give the next year's
 * table (published each November or December) to `tipOffClocks` before the year starts — a date
 * outside it counts as Monday–Friday only.
 */
export const CN_CALENDAR_2026: WorkingCalendar = /* @__PURE__ */ Object.freeze({
  source: '国务院办公厅关于2026年部分节假日安排的通知',
  holidays: /* @__PURE__ */ Object.freeze([
    '2026-01-01', '2026-01-02', '2026-01-03',
    '2026-02-15', '2026-02-16', '2026-02-17', '2026-02-18', '2026-02-19', '2026-02-20', '2026-02-21', '2026-02-22', '2026-02-23',
    '2026-04-04', '2026-04-05', '2026-04-06',
    '2026-05-01', '2026-05-02', '2026-05-03', '2026-05-04', '2026-05-05',
    '2026-06-19', '2026-06-20', '2026-06-21',
    '2026-09-25', '2026-09-26', '2026-09-27',
    '2026-10-01', '2026-10-02', '2026-10-03', '2026-10-04', '2026-10-05', '2026-10-06', '2026-10-07',
  ]),
  workdays: /* @__PURE__ */ Object.freeze(['2026-01-04', '2026-02-14', '2026-02-28', '2026-05-09', '2026-09-20', '2026-10-10']),
});

/** A calendar without holidays: Monday to Friday. */
export const PLAIN_WEEK: WorkingCalendar = /* @__PURE__ */ Object.freeze({ holidays: /* @__PURE__ */ Object.freeze([]), workdays: /* @__PURE__ */ Object.freeze([]) });

/** The calendar date (`YYYY-MM-DD`) of an instant in China Standard Time. */
export function cstDay(at: Date | number): string {
  return new Date((typeof at === 'number' ? at : at.getTime()) + CST_OFFSET_MS).toISOString().slice(0, 10);
}

/** Whether a calendar date (`YYYY-MM-DD`) is a working day by `calendar`. */
export function isWorkingDay(day: string, calendar: WorkingCalendar = CN_CALENDAR_2026): boolean {
  if (calendar.workdays.includes(day)) return true;
  if (calendar.holidays.includes(day)) return false;
  const weekday = new Date(`${day}T00:00:00Z`).getUTCDay();
  return weekday !== 0 && weekday !== 6;
}

/**
 * The end (23:59:59.999 CST) of the `days`-th working day after the day of `from`; the day of
 * `from` itself does not count (期限开始的当日不计入).
 * @throws RangeError when `days` is not a whole number ≥ 1, or a calendar date is malformed.
 * @example
 * // Reported on Friday 2026-02-13: the 调休 Saturday 02-14 is the first working day, the Spring
 * // Festival holiday follows, so the fifth is Friday 02-27.
 * workingDaysAfter(new Date('2026-02-13T10:00:00+08:00'), 5);   // 2026-02-27T23:59:59.999+08:00
 */
export function workingDaysAfter(from: Date | number, days: number, calendar: WorkingCalendar = CN_CALENDAR_2026): Date {
  if (!Number.isInteger(days) || days < 1) throw new RangeError(`working days must be a whole number ≥ 1, got ${String(days)}`);
  for (const d of [...calendar.holidays, ...calendar.workdays]) {
    if (!ISO_DAY.test(d)) throw new RangeError(`the working calendar holds "${d}", not a calendar date YYYY-MM-DD`);
  }
  let day = Date.parse(`${cstDay(from)}T00:00:00Z`);
  let left = days;
  while (left > 0) {
    day += DAY_MS;
    if (isWorkingDay(new Date(day).toISOString().slice(0, 10), calendar)) left -= 1;
  }
  return new Date(day + DAY_MS - CST_OFFSET_MS - 1);
}
