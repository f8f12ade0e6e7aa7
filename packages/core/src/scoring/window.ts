/**
 * Reading activity times fast: where an `at` falls against a period without parsing it, and a
 * deadline's last instant without a regular expression, for the forms servers actually write.
 * Both agree with `Date.parse` / `deadlineEnd` on every input they accept.
 * @module
 */
import { FiregridError } from '../errors.js';
import { deadlineEnd } from '../hazard/deadlines.js';

const DAY_MS = 86_400_000;
/** UTC+8, China Standard Time. */
export const CST_MS = 8 * 3_600_000;

/** `at` is before the period. */
export const BEFORE = 0;
/** `at` is in the period. */
export const INSIDE = 1;
/** `at` is at or after the period's end. */
export const AFTER = 2;

const pad2 = (n: number): string => (n < 10 ? `0${n}` : String(n));

/** `YYYY-MM-DDTHH:MM:SS` of an instant as seen at UTC offset `offsetMs`, as a flat string. */
function wallClock(ms: number, offsetMs: number): string {
  const d = new Date(ms + offsetMs);
  return [
    String(d.getUTCFullYear()).padStart(4, '0'), '-', pad2(d.getUTCMonth() + 1), '-', pad2(d.getUTCDate()), 'T',
    pad2(d.getUTCHours()), ':', pad2(d.getUTCMinutes()), ':', pad2(d.getUTCSeconds()),
  ].join('');
}

/**
 * Tells where an activity's `at` falls against `[startMs, endMs)`. An ISO date-time in `Z` or
 * `+08:00` compares as text against the bounds' wall clock in that offset: the 19-character
 * prefix decides, and an equal prefix with more characters (seconds' fraction, offset) means
 * "at or after". Any other offset is parsed.
 */
export class PeriodWindow {
  readonly startMs: number;
  readonly endMs: number;
  private readonly sU: string;
  private readonly eU: string;
  private readonly sC: string;
  private readonly eC: string;

  constructor(startMs: number, endMs: number) {
    this.startMs = startMs;
    this.endMs = endMs;
    this.sU = wallClock(startMs, 0);
    this.eU = wallClock(endMs, 0);
    this.sC = wallClock(startMs, CST_MS);
    this.eC = wallClock(endMs, CST_MS);
  }

  /** {@link BEFORE}, {@link INSIDE} or {@link AFTER}. */
  where(at: string): number {
    const len = at.length;
    const last = at.charCodeAt(len - 1);
    if (last === 90 /* Z */) return at < this.sU ? BEFORE : at < this.eU ? INSIDE : AFTER;
    if (last === 48 && at.charCodeAt(len - 6) === 43 /* + */ && at.charCodeAt(len - 5) === 48
      && at.charCodeAt(len - 4) === 56 && at.charCodeAt(len - 2) === 48) {
      return at < this.sC ? BEFORE : at < this.eC ? INSIDE : AFTER;
    }
    const ms = parseAt(at);
    return ms < this.startMs ? BEFORE : ms < this.endMs ? INSIDE : AFTER;
  }
}

/**
 * An activity's time in epoch ms.
 * @throws FiregridError `validation` for a time that is not ISO 8601
 */
export function parseAt(at: string): number {
  const ms = Date.parse(at);
  if (Number.isNaN(ms)) {
    throw new FiregridError('validation', `An activity has an unreadable time "${at}": expected ISO 8601 with an offset`, {
      issues: [{ path: 'at', message: 'not an ISO 8601 date-time' }],
    });
  }
  return ms;
}

const digit = (text: string, i: number): number => text.charCodeAt(i) - 48;
const DIGIT_AT = [0, 1, 2, 3, 5, 6, 8, 9];
function isDay(text: string): boolean {
  return text.length === 10 && startsWithDay(text);
}
/** `YYYY-MM-DD` in the first 10 characters (digits and dashes only; the date itself is checked later). */
function startsWithDay(text: string): boolean {
  if (text.charCodeAt(4) !== 45 || text.charCodeAt(7) !== 45) return false;
  for (const i of DIGIT_AT) {
    const d = digit(text, i);
    if (d < 0 || d > 9) return false;
  }
  return true;
}

/**
 * The last instant of a deadline (`deadlineEnd`), computed without a regular expression for a
 * calendar day: it runs to its last millisecond in UTC+8. NaN when unreadable.
 */
export function dueEnd(deadline: string): number {
  if (isDay(deadline)) {
    const y = digit(deadline, 0) * 1000 + digit(deadline, 1) * 100 + digit(deadline, 2) * 10 + digit(deadline, 3);
    const m = digit(deadline, 5) * 10 + digit(deadline, 6);
    const d = digit(deadline, 8) * 10 + digit(deadline, 9);
    // A day that does not exist (2025-02-30) goes to the full reader, which refuses it.
    if (m < 1 || m > 12 || d < 1 || d > daysInMonth(y, m)) return deadlineEnd(deadline) ?? NaN;
    return daysFromCivil(y, m, d) * DAY_MS + DAY_MS - CST_MS - 1;
  }
  const instant = instantOf(deadline);
  return Number.isNaN(instant) ? (deadlineEnd(deadline) ?? NaN) : instant;
}

/** Two digits at `i` as a number, or NaN. */
function two(text: string, i: number): number {
  const a = digit(text, i);
  const b = digit(text, i + 1);
  return a >= 0 && a <= 9 && b >= 0 && b <= 9 ? a * 10 + b : NaN;
}

/**
 * `YYYY-MM-DDTHH:MM:SS[.f{1,3}](Z|±HH:MM)` as epoch ms, read digit by digit (a regular expression
 * allocates a match per deadline). NaN for anything else — the caller then asks `deadlineEnd`,
 * which this agrees with on every string it reads (fractions of up to 3 digits are exact).
 */
function instantOf(text: string): number {
  const len = text.length;
  if (len < 20 || text.charCodeAt(10) !== 84 /* T */ || !startsWithDay(text)) return NaN;
  if (text.charCodeAt(13) !== 58 || text.charCodeAt(16) !== 58) return NaN;
  const h = two(text, 11);
  const mi = two(text, 14);
  const sec = two(text, 17);
  if (!(h <= 23 && mi <= 59 && sec <= 59)) return NaN;
  let i = 19;
  let millis = 0;
  if (text.charCodeAt(i) === 46 /* . */) {
    let k = 0;
    i++;
    while (i < len && k < 4) {
      const dd = digit(text, i);
      if (dd < 0 || dd > 9) break;
      millis = millis * 10 + dd;
      k++;
      i++;
    }
    // More than 3 digits, or none: leave it to deadlineEnd.
    if (k === 0 || k > 3) return NaN;
    millis *= k === 1 ? 100 : k === 2 ? 10 : 1;
  }
  let offset: number;
  const sign = text.charCodeAt(i);
  if (sign === 90 /* Z */ && i === len - 1) {
    offset = 0;
  } else if ((sign === 43 || sign === 45) && i === len - 6 && text.charCodeAt(i + 3) === 58) {
    const oh = two(text, i + 1);
    const om = two(text, i + 4);
    if (!(oh <= 23 && om <= 59)) return NaN;
    offset = (sign === 45 ? -1 : 1) * (oh * 60 + om) * 60_000;
  } else {
    return NaN;
  }
  const y = digit(text, 0) * 1000 + digit(text, 1) * 100 + digit(text, 2) * 10 + digit(text, 3);
  const m = digit(text, 5) * 10 + digit(text, 6);
  const d = digit(text, 8) * 10 + digit(text, 9);
  if (m < 1 || m > 12 || d < 1 || d > daysInMonth(y, m)) return NaN;
  return daysFromCivil(y, m, d) * DAY_MS + ((h * 60 + mi) * 60 + sec) * 1000 + millis - offset;
}

const MONTH_DAYS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
function daysInMonth(y: number, m: number): number {
  if (m === 2 && y % 4 === 0 && (y % 100 !== 0 || y % 400 === 0)) return 29;
  return MONTH_DAYS[m - 1] ?? 0;
}

/** Days since 1970-01-01 of a proleptic Gregorian date (H. Hinnant's days_from_civil), without a Date object. */
function daysFromCivil(y: number, m: number, d: number): number {
  const yy = m <= 2 ? y - 1 : y;
  const era = Math.floor(yy / 400);
  const yoe = yy - era * 400;
  const doy = Math.floor((153 * (m + (m > 2 ? -3 : 9)) + 2) / 5) + d - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146_097 + doe - 719_468;
}
