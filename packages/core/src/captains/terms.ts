/**
 * Terms of office of floor captains: "一楼一长" — one captain in office per building at a time,
 * terms half-open in whole days (`[from, to)`, Asia/Shanghai), and a replacement ends the old term
 * on the day the new one begins, so the file keeps every term (一长一档) and no two overlap.
 * @module
 */
import { FiregridError } from '../errors.js';
import type { Locale } from '../names.js';

/** What the term rules read of a captain; a stored `FloorCaptain` or a `PUT` body fits. */
export interface TermFacts {
  id: string;
  buildingId: string;
  term: { from: string; to?: string | undefined };
}

const CST_OFFSET_MS = 8 * 3_600_000;
const ISO_DAY = /^\d{4}-\d{2}-\d{2}$/;

/**
 * The calendar day (`YYYY-MM-DD`) of an instant in Asia/Shanghai (UTC+8, no daylight saving),
 * where terms are counted. A `YYYY-MM-DD` string is returned as it is.
 * @example
 * dayOf(new Date('2025-03-01T17:00:00Z')); // '2025-03-02': 01:00 the next morning in Beijing
 */
export function dayOf(at: Date | string): string {
  if (typeof at === 'string') {
    if (ISO_DAY.test(at)) return at;
    const t = Date.parse(at);
    if (Number.isNaN(t)) throw new FiregridError('validation', `"${at}" is neither a day (YYYY-MM-DD) nor an instant with an offset.`);
    return new Date(t + CST_OFFSET_MS).toISOString().slice(0, 10);
  }
  return new Date(at.getTime() + CST_OFFSET_MS).toISOString().slice(0, 10);
}

/**
 * True when the captain is in office on `at`: `from ≤ day < to` (on `to` he no longer is).
 * @example
 * isInOffice({ id, buildingId, term: { from: '2025-01-01', to: '2025-07-01' } }, '2025-07-01'); // false
 */
export function isInOffice(captain: Pick<TermFacts, 'term'>, at: Date | string): boolean {
  const day = dayOf(at);
  return captain.term.from <= day && (captain.term.to === undefined || day < captain.term.to);
}

/** True when two terms share at least one day (half-open intervals; an open end runs forever). */
export function termsOverlap(a: Pick<TermFacts, 'term'>, b: Pick<TermFacts, 'term'>): boolean {
  return (b.term.to === undefined || a.term.from < b.term.to) && (a.term.to === undefined || b.term.from < a.term.to);
}

/**
 * The captain in office for a building on `at`, or `undefined` for a gap. Should the data hold
 * two (a backend that does not enforce one captain per building), the one whose term began last
 * is taken: he is the one most recently appointed.
 * @example
 * const c = activeCaptain(captains, building.id, client.now());
 */
export function activeCaptain<C extends TermFacts>(captains: readonly C[], buildingId: string, at: Date | string): C | undefined {
  const day = dayOf(at);
  let found: C | undefined;
  for (const c of captains) {
    if (c.buildingId === buildingId && isInOffice(c, day) && (found === undefined || c.term.from > found.term.from)) found = c;
  }
  return found;
}

/**
 * Every captain a building has had, newest term first (the building's file, 一长一档).
 */
export function captainHistory<C extends TermFacts>(captains: readonly C[], buildingId: string): C[] {
  return captains
    .filter((c) => c.buildingId === buildingId)
    .sort((a, b) => (a.term.from < b.term.from ? 1 : a.term.from > b.term.from ? -1 : a.id < b.id ? 1 : -1));
}

/**
 * Pairs of captains of the same building whose terms overlap, each pair once — what breaks
 * "one captain per building". Empty when the data is consistent.
 */
export function findOverlaps<C extends TermFacts>(captains: readonly C[]): [C, C][] {
  const byBuilding = new Map<string, C[]>();
  for (const c of captains) {
    const list = byBuilding.get(c.buildingId);
    if (list === undefined) byBuilding.set(c.buildingId, [c]);
    else list.push(c);
  }
  const pairs: [C, C][] = [];
  for (const list of byBuilding.values()) {
    for (let i = 0; i < list.length; i++) {
      for (let j = i + 1; j < list.length; j++) {
        const a = list[i];
        const b = list[j];
        if (a !== undefined && b !== undefined && a.id !== b.id && termsOverlap(a, b)) pairs.push([a, b]);
      }
    }
  }
  return pairs;
}

const TEXT = {
  'zh-CN': {
    endBefore: (on: string, from: string) => `任期结束日 ${on} 应晚于开始日 ${from}`,
    endedAlready: (to: string, on: string) => `该楼长的任期已于 ${to} 结束，不能再改到 ${on} 结束`,
    startBefore: (from: string, current: string) => `新楼长的任期开始日 ${from} 应晚于现任楼长的开始日 ${current}`,
    otherBuilding: '新楼长应属于同一栋楼',
  },
  en: {
    endBefore: (on: string, from: string) => `The term cannot end on ${on}: it began on ${from}; choose a later day`,
    endedAlready: (to: string, on: string) => `This captain's term already ended on ${to}; it cannot be moved to ${on}`,
    startBefore: (from: string, current: string) => `The new captain's term must begin after the current one's began (${current}), not on ${from}`,
    otherBuilding: 'The new captain must be for the same building',
  },
} as const;

/**
 * The captain with his term ended on `on` (the first day he is no longer in office). Throws
 * FiregridError `validation` with a message in `locale` when `on` is not after the term began,
 * or the term already ended earlier.
 * @example
 * const ended = endTerm(current, '2025-07-01'); // then client.submit('captains', ended)
 */
export function endTerm<C extends TermFacts>(captain: C, on: Date | string, locale: Locale = 'zh-CN'): C {
  const day = dayOf(on);
  const text = TEXT[locale];
  if (day <= captain.term.from) {
    throw new FiregridError('validation', text.endBefore(day, captain.term.from), { issues: [{ path: 'term.to', message: text.endBefore(day, captain.term.from) }] });
  }
  if (captain.term.to !== undefined && captain.term.to < day) {
    throw new FiregridError('validation', text.endedAlready(captain.term.to, day), { issues: [{ path: 'term.to', message: text.endedAlready(captain.term.to, day) }] });
  }
  return { ...captain, term: { ...captain.term, to: day } };
}

/**
 * Replaces the captain in office: his term ends on the day the new one's begins, with no gap and
 * no overlap, and both records are kept (the building's history). Send both in one transaction
 * (`client.command('captains.import', { rows: [ended, started] })`), so a building never has two
 * captains or none because one write failed.
 * @param current the captain in office
 * @param next the new captain, for the same building; his `term.to` (if any) is kept
 * @param from the first day of the new term, and the day the old one ends
 * @throws FiregridError `validation` when `from` is not after the current term began, or the
 *   new captain is for another building
 * @example
 * const { ended, started } = replaceCaptain(current, { ...current, id: newId(), person, term: { from: '2025-07-01' } }, '2025-07-01');
 */
export function replaceCaptain<C extends TermFacts, N extends TermFacts>(
  current: C,
  next: N,
  from: Date | string,
  locale: Locale = 'zh-CN',
): { ended: C; started: N } {
  const day = dayOf(from);
  const text = TEXT[locale];
  if (next.buildingId !== current.buildingId) {
    throw new FiregridError('validation', text.otherBuilding, { issues: [{ path: 'buildingId', message: text.otherBuilding }] });
  }
  if (day <= current.term.from) {
    throw new FiregridError('validation', text.startBefore(day, current.term.from), { issues: [{ path: 'term.from', message: text.startBefore(day, current.term.from) }] });
  }
  // A term that already ends on or before the new start needs no change; it cannot overlap.
  const ended = current.term.to !== undefined && current.term.to <= day ? current : { ...current, term: { ...current.term, to: day } };
  const started = { ...next, term: next.term.to === undefined ? { from: day } : { from: day, to: next.term.to } };
  return { ended, started };
}
