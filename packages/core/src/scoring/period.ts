/**
 * Scoring periods: whole calendar days in Asia/Shanghai (UTC+8, no daylight saving), both ends
 * included (DESIGN §7). Everything here is pure and works in epoch milliseconds, so the engine,
 * the SQL compiler and a server agree on where a period starts and ends.
 * @module
 */
import { FiregridError } from '../errors.js';
import type { Locale } from '../names.js';

const DAY_MS = 86_400_000;
/** China Standard Time: a scoring day starts at 00:00 in UTC+8. */
const CST_OFFSET_MS = 8 * 3_600_000;
const ISO_DAY = /^(\d{4})-(\d{2})-(\d{2})$/;

/** A scoring period as whole days: `from` and `to` are `YYYY-MM-DD`, both included. */
export interface Period {
  from: string;
  to: string;
}

/** Where a period starts and ends as instants: `[startMs, endMs)`. */
export interface PeriodBounds {
  /** 00:00 of `from` in UTC+8, epoch milliseconds. */
  startMs: number;
  /** 00:00 of the day after `to` in UTC+8 (exclusive), epoch milliseconds. */
  endMs: number;
}

function dayUtc(day: string): number | undefined {
  const m = ISO_DAY.exec(day);
  if (m === null) return undefined;
  const y = Number(m[1]);
  const mo = Number(m[2]) - 1;
  const d = Number(m[3]);
  const t = Date.UTC(y, mo, d);
  const check = new Date(t);
  if (check.getUTCFullYear() !== y || check.getUTCMonth() !== mo || check.getUTCDate() !== d) return undefined;
  return t;
}

function badDay(field: string, value: string): FiregridError {
  return new FiregridError('config', `${field} must be a calendar day YYYY-MM-DD, got "${value}"`, {
    issues: [{ path: field, message: 'not a calendar day' }],
  });
}

/**
 * The instants a period covers: from 00:00 of `from` to 24:00 of `to`, China Standard Time.
 * @throws FiregridError `config` when a day is not a real calendar day
 * @example
 * periodBounds({ from: '2025-01-01', to: '2025-03-31' });
 * // { startMs: Date.parse('2025-01-01T00:00:00+08:00'), endMs: Date.parse('2025-04-01T00:00:00+08:00') }
 */
export function periodBounds(period: Period): PeriodBounds {
  const from = dayUtc(period.from);
  if (from === undefined) throw badDay('period.from', period.from);
  const to = dayUtc(period.to);
  if (to === undefined) throw badDay('period.to', period.to);
  return { startMs: from - CST_OFFSET_MS, endMs: to + DAY_MS - CST_OFFSET_MS };
}

const pad = (n: number, width = 2): string => String(n).padStart(width, '0');
function dayText(utcMs: number): string {
  const d = new Date(utcMs);
  return `${pad(d.getUTCFullYear(), 4)}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;
}
const daysInMonth = (y: number, m: number): number => new Date(Date.UTC(y, m + 1, 0)).getUTCDate();

/**
 * How many months a period spans, counting a part of a month as its share of that month's days:
 * a calendar quarter is exactly 3, January 1–15 is 15/31. Quotas "per month" are multiplied by it.
 * @example
 * monthsIn({ from: '2025-01-01', to: '2025-03-31' }); // 3
 * monthsIn({ from: '2025-02-01', to: '2025-02-14' }); // 0.5
 */
export function monthsIn(period: Period): number {
  const { startMs, endMs } = periodBounds(period);
  let months = 0;
  // Walk the days as UTC calendar days; the +8 h offset is the same for both ends.
  let day = startMs + CST_OFFSET_MS;
  const end = endMs + CST_OFFSET_MS;
  while (day < end) {
    const d = new Date(day);
    const y = d.getUTCFullYear();
    const m = d.getUTCMonth();
    const dim = daysInMonth(y, m);
    const monthEnd = Date.UTC(y, m + 1, 1);
    const until = Math.min(end, monthEnd);
    const days = Math.round((until - day) / DAY_MS);
    months += days === dim ? 1 : days / dim;
    day = until;
  }
  return months;
}

/** The number of days in a period (both ends included). */
export function daysIn(period: Period): number {
  const { startMs, endMs } = periodBounds(period);
  return Math.round((endMs - startMs) / DAY_MS);
}

function isWholeMonths(period: Period): boolean {
  const from = dayUtc(period.from);
  const to = dayUtc(period.to);
  if (from === undefined || to === undefined) return false;
  const f = new Date(from);
  const t = new Date(to + DAY_MS);
  return f.getUTCDate() === 1 && t.getUTCDate() === 1;
}

/**
 * The period just before `period`, of the same length: whole calendar months step back by the same
 * number of months (the quarter before Q2 is Q1, the month before March is February); any other
 * period steps back by its number of days.
 * @example
 * previousPeriod({ from: '2025-03-01', to: '2025-03-31' }); // { from: '2025-02-01', to: '2025-02-28' }
 * previousPeriod({ from: '2025-03-10', to: '2025-03-16' }); // { from: '2025-03-03', to: '2025-03-09' }
 */
export function previousPeriod(period: Period): Period {
  const from = dayUtc(period.from);
  if (from === undefined) throw badDay('period.from', period.from);
  const to = dayUtc(period.to);
  if (to === undefined) throw badDay('period.to', period.to);
  if (isWholeMonths(period)) {
    const f = new Date(from);
    const t = new Date(to + DAY_MS);
    const span = (t.getUTCFullYear() - f.getUTCFullYear()) * 12 + t.getUTCMonth() - f.getUTCMonth();
    const start = Date.UTC(f.getUTCFullYear(), f.getUTCMonth() - span, 1);
    return { from: dayText(start), to: dayText(from - DAY_MS) };
  }
  const days = Math.round((to - from) / DAY_MS) + 1;
  return { from: dayText(from - days * DAY_MS), to: dayText(from - DAY_MS) };
}

/**
 * `count` periods ending with `period`, oldest first (`period` itself last): the periods of a trend.
 * @example
 * recentPeriods({ from: '2025-03-01', to: '2025-03-31' }, 3).map((p) => p.from); // ['2025-01-01', '2025-02-01', '2025-03-01']
 */
export function recentPeriods(period: Period, count: number): Period[] {
  const out: Period[] = [period];
  for (let i = 1; i < count; i++) out.unshift(previousPeriod(out[0] ?? period));
  return out;
}

/** The calendar day (`YYYY-MM-DD`) an instant falls on in Asia/Shanghai. */
export function shanghaiDay(instant: Date): string {
  return dayText(instant.getTime() + CST_OFFSET_MS);
}

/**
 * The calendar month (in Asia/Shanghai) that contains `instant`, as a period.
 * @example
 * monthOf(new Date('2025-03-31T20:00:00Z')); // { from: '2025-04-01', to: '2025-04-30' } (already April in UTC+8)
 */
export function monthOf(instant: Date): Period {
  const d = new Date(instant.getTime() + CST_OFFSET_MS);
  const y = d.getUTCFullYear();
  const m = d.getUTCMonth();
  return { from: dayText(Date.UTC(y, m, 1)), to: dayText(Date.UTC(y, m + 1, 0)) };
}

const PERIOD_TEXT = /^(\d{4})(?:-(?:(\d{2})|Q([1-4])|H([12])))?$/;
const RANGE_TEXT = /^(\d{4}-\d{2}-\d{2})(?:\.\.|\/)(\d{4}-\d{2}-\d{2})$/;

const PERIOD_MESSAGES = {
  'zh-CN': (text: string) =>
    `无法识别考评期"${text}"：可写 2025、2025-H1、2025-Q1、2025-03 或 2025-01-01..2025-03-31`,
  en: (text: string) =>
    `Cannot read the period "${text}": write 2025, 2025-H1, 2025-Q1, 2025-03 or 2025-01-01..2025-03-31`,
} as const;

/**
 * Reads a period as people and query strings write it: a year (`2025`), a half (`2025-H1`), a
 * quarter (`2025-Q1`), a month (`2025-03`) or a range of days (`2025-01-01..2025-03-31`, also with
 * `/`). The `period` parameter of `GET /v1/scores` takes these forms.
 * @throws FiregridError `validation` naming `period`, in `locale` (zh-CN by default)
 * @example
 * parsePeriod('2025-Q2'); // { from: '2025-04-01', to: '2025-06-30' }
 */
export function parsePeriod(text: string, locale: Locale = 'zh-CN'): Period {
  const fail = (): FiregridError =>
    new FiregridError('validation', PERIOD_MESSAGES[locale](text), { issues: [{ path: 'period', message: PERIOD_MESSAGES[locale](text) }] });
  const range = RANGE_TEXT.exec(text);
  if (range !== null) {
    const [, from = '', to = ''] = range;
    const f = dayUtc(from);
    const t = dayUtc(to);
    if (f === undefined || t === undefined || t < f) throw fail();
    return { from, to };
  }
  const m = PERIOD_TEXT.exec(text);
  if (m === null) throw fail();
  const y = Number(m[1]);
  let first = 0;
  let months = 12;
  if (m[2] !== undefined) {
    first = Number(m[2]) - 1;
    months = 1;
    if (first < 0 || first > 11) throw fail();
  } else if (m[3] !== undefined) {
    first = (Number(m[3]) - 1) * 3;
    months = 3;
  } else if (m[4] !== undefined) {
    first = (Number(m[4]) - 1) * 6;
    months = 6;
  }
  return { from: dayText(Date.UTC(y, first, 1)), to: dayText(Date.UTC(y, first + months, 0)) };
}
