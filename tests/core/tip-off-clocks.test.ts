import { expect } from '@open-wc/testing';
import { CN_CALENDAR_2026, PLAIN_WEEK, cstDay, isWorkingDay, workingDaysAfter } from '../../packages/core/src/hazard/working-days.js';
import { tipOffClocks } from '../../packages/core/src/hazard/tip-off.js';
import type { TipOffFacts } from '../../packages/core/src/hazard/tip-off.js';

const cst = (iso: string): Date => new Date(iso);
const endOf = (day: string): string => new Date(Date.parse(`${day}T23:59:59.999+08:00`)).toISOString();

describe('working days (Mon–Fri corrected by the holiday/调休 table)', () => {
  it('counts a 调休 Saturday as a working day and the Spring Festival as none', () => {
    expect(isWorkingDay('2026-02-14')).to.equal(true);
    expect(isWorkingDay('2026-02-14', PLAIN_WEEK)).to.equal(false);
    expect(isWorkingDay('2026-02-16')).to.equal(false);
    expect(isWorkingDay('2026-02-16', PLAIN_WEEK)).to.equal(true);
    expect(isWorkingDay('2026-03-04')).to.equal(true);
    expect(isWorkingDay('2026-03-07')).to.equal(false);
  });

  it('the fifth working day after Friday 2026-02-13 is 02-27: the 调休 Saturday counts, the holiday does not', () => {
    const from = cst('2026-02-13T10:00:00+08:00');
    expect(workingDaysAfter(from, 5).toISOString()).to.equal(endOf('2026-02-27'));
    expect(workingDaysAfter(from, 1).toISOString()).to.equal(endOf('2026-02-14'));
    // Without the table: Mon 02-16 … Fri 02-20.
    expect(workingDaysAfter(from, 5, PLAIN_WEEK).toISOString()).to.equal(endOf('2026-02-20'));
  });

  it('May Day: from Thursday 2026-05-07 the 调休 Saturday 05-09 is the second working day', () => {
    expect(workingDaysAfter(cst('2026-05-07T09:00:00+08:00'), 5).toISOString()).to.equal(endOf('2026-05-13'));
    expect(workingDaysAfter(cst('2026-05-07T09:00:00+08:00'), 5, PLAIN_WEEK).toISOString()).to.equal(endOf('2026-05-14'));
  });

  it('counts from the day in China Standard Time, not UTC', () => {
    // 23:30 UTC on Thursday is already Friday in Beijing.
    const lateThursdayUtc = new Date('2026-03-05T23:30:00Z');
    expect(cstDay(lateThursdayUtc)).to.equal('2026-03-06');
    expect(workingDaysAfter(lateThursdayUtc, 1).toISOString()).to.equal(endOf('2026-03-09'));
  });

  it('refuses a bad number of days and a malformed table, naming them', () => {
    expect(() => workingDaysAfter(new Date(), 0)).to.throw(RangeError, /≥ 1/);
    expect(() => workingDaysAfter(new Date(), 1, { holidays: ['2026-1-1'], workdays: [] })).to.throw(RangeError, /2026-1-1/);
    expect(CN_CALENDAR_2026.workdays).to.have.length(6);
  });
});

describe('tip-off clocks (flags at read, never timers)', () => {
  const tip = (over: Partial<TipOffFacts> = {}): TipOffFacts => ({
    source: 'public', category: 'fire-lane-blocked', status: 'reported', createdAt: '2026-03-02T02:00:00.000Z', history: [], ...over,
  });

  it('the site check is due 3 days after the report, 24 hours for a blocked exit; overdue until verify or reject', () => {
    const c = tipOffClocks(tip(), cst('2026-03-05T02:00:00.001Z'));
    expect([c?.siteCheckDueAt, c?.siteCheckOverdue]).to.deep.equal(['2026-03-05T02:00:00.000Z', true]);
    expect(tipOffClocks(tip(), cst('2026-03-05T02:00:00.000Z'))?.siteCheckOverdue).to.equal(false);
    const exit = tipOffClocks(tip({ category: 'exit-blocked' }), cst('2026-03-03T02:00:00.001Z'));
    expect([exit?.siteCheckDueAt, exit?.siteCheckOverdue]).to.deep.equal(['2026-03-03T02:00:00.000Z', true]);
    for (const action of ['verify', 'reject'] as const) {
      const done = tipOffClocks(tip({ history: [{ at: '2026-03-06T00:00:00.000Z', action, from: 'reported', to: 'verified' }] }), cst('2026-03-10T00:00:00Z'));
      expect([done?.siteCheckOverdue, done?.siteCheckedAt], action).to.deep.equal([false, '2026-03-06T00:00:00.000Z']);
    }
  });

  it('the answer is due 5 working days after the report; answer-resident completes it', () => {
    const c = tipOffClocks(tip(), cst('2026-03-09T16:00:00.000Z'));
    expect([c?.answerDueAt, c?.answerOverdue]).to.deep.equal([endOf('2026-03-09'), true]);
    expect(tipOffClocks(tip(), cst('2026-03-09T15:59:59.999Z'))?.answerOverdue).to.equal(false);
    const answered = tipOffClocks(tip({
      status: 'closed', history: [{ at: '2026-03-12T00:00:00.000Z', action: 'answer-resident', from: 'closed', to: 'closed' }],
    }), cst('2026-04-01T00:00:00Z'));
    expect([answered?.answerOverdue, answered?.answeredAt]).to.deep.equal([false, '2026-03-12T00:00:00.000Z']);
  });

  it('over the Spring Festival the 调休 Saturday counts', () => {
    const c = tipOffClocks(tip({ createdAt: '2026-02-13T02:00:00.000Z' }), cst('2026-02-25T00:00:00Z'));
    expect([c?.answerDueAt, c?.answerOverdue]).to.deep.equal([endOf('2026-02-27'), false]);
  });

  it('counts from the submit of a draft, and is configurable per category', () => {
    const h = tip({ createdAt: '2026-03-01T00:00:00.000Z', history: [{ at: '2026-03-02T02:00:00.000Z', action: 'submit', from: 'draft', to: 'reported' }] });
    expect(tipOffClocks(h, new Date())?.reportedAt).to.equal('2026-03-02T02:00:00.000Z');
    const fast = tipOffClocks(h, new Date(), { siteCheckHoursByCategory: { 'fire-lane-blocked': 12 }, answerWorkingDays: 1 });
    expect([fast?.siteCheckDueAt, fast?.answerDueAt]).to.deep.equal(['2026-03-02T14:00:00.000Z', endOf('2026-03-03')]);
    expect(() => tipOffClocks(tip({ category: 'other' }), new Date(), { siteCheckHours: -1 })).to.throw(RangeError, /site-check hours/);
  });

  it('has no clocks for a worker\'s find or a draft', () => {
    expect(tipOffClocks(tip({ source: 'worker' }), new Date())).to.equal(undefined);
    expect(tipOffClocks(tip({ status: 'draft' }), new Date())).to.equal(undefined);
  });
});
