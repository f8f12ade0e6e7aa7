/**
 * The lines of a local scheme besides the metrics (issue 20): assessor-entered points,
 * deductions and bonuses each with its own value and cap, and threshold lines. Their points and
 * explanations are made from two figures alone — how many activities the line counts, and the
 * points assessors entered in hundredths (whole numbers, so every database sums them exactly) —
 * so the engine and the rows of the compiled SQL give the same numbers and words.
 * @module
 */
import type { ResolvedItem, ResolvedScoreConfig } from './config.js';
import { targetFor } from './config.js';
import type { BilingualText } from './examples.js';
import { roundHalfAway } from './round.js';

/** What a line counts for one worker: activities, and the points entered on them in hundredths. */
export interface ItemRaw {
  count: number;
  cents: number;
}

/** A line's figures: what it shows, what that is against, and the points it adds (negative for a deduction). */
export interface ItemFigures {
  value: number;
  outOf: number;
  points: number;
  /** Deductions and bonuses: the points before the cap, never negative. */
  amount: number;
}

/** True when a counted line's amount is the assessors' entered points rather than `per` each. */
export const readsEntries = (i: ResolvedItem): boolean => i.kind === 'assessor' || (i.kind !== 'threshold' && i.activity === 'assessment.entered');

/**
 * The arithmetic of one line, which `toSql` compiles in the same order:
 * - assessor: (0 or `points`, by `start`) + entered, kept in 0…`points`;
 * - deduction / bonus: `count × per` (entered points for `assessment.entered`), at least 0, at most `cap`;
 * - threshold: `points` when `count ≥ targetFor(atLeastPerMonth, months)`, else 0.
 */
export function itemFigures(i: ResolvedItem, raw: ItemRaw, cfg: Pick<ResolvedScoreConfig, 'months'>): ItemFigures {
  const entered = raw.cents / 100;
  switch (i.kind) {
    case 'assessor': {
      const start = i.start === 'full' ? i.points : 0;
      const points = roundHalfAway(Math.min(i.points, Math.max(0, start + entered)));
      return { value: entered, outOf: i.points, points, amount: 0 };
    }
    case 'deduction':
    case 'bonus': {
      const byEntries = i.activity === 'assessment.entered';
      const amount = Math.max(0, byEntries ? entered : raw.count * i.per);
      const taken = roundHalfAway(Math.min(i.cap, amount));
      return { value: byEntries ? entered : raw.count, outOf: i.cap, points: i.kind === 'deduction' ? (taken === 0 ? 0 : -taken) : taken, amount };
    }
    case 'threshold': {
      const target = targetFor(i.atLeastPerMonth, cfg.months);
      return { value: raw.count, outOf: target, points: raw.count >= target ? i.points : 0, amount: 0 };
    }
  }
}

const n = (x: number): string => String(x);
const enPoints = (p: number): string => (p === 1 || p === -1 ? `${n(p)} point` : `${n(p)} points`);

/**
 * The explanation of one line's points, in zh-CN and English.
 * @example
 * explainItem(records, { value: 8, outOf: 10, points: 8, amount: 0 }, { count: 2, cents: 800 });
 * // { 'zh-CN': '档案资料：考核录入 2 条，合计 8 分（满分 10 分）：8 分', en: 'Records: 2 assessor entries, 8 points in all (out of 10): 8 points' }
 */
export function explainItem(i: ResolvedItem, f: ItemFigures, raw: ItemRaw): BilingualText {
  const zh = i.label['zh-CN'];
  const en = i.label.en;
  const v = n(f.value);
  switch (i.kind) {
    case 'assessor': {
      if (raw.count === 0) {
        return { 'zh-CN': `${zh}：未录入考核分，${i.start === 'full' ? '按满分计' : '不得分'}：${n(f.points)} 分`, en: `${en}: nothing entered by an assessor; ${enPoints(f.points)}` };
      }
      const start = i.start === 'full' ? { zh: `满分 ${n(i.points)} 分起，`, en: `from full ${n(i.points)}, ` } : { zh: '', en: '' };
      return {
        'zh-CN': `${zh}：${start.zh}考核录入 ${n(raw.count)} 条，合计 ${v} 分（满分 ${n(i.points)} 分）：${n(f.points)} 分`,
        en: `${en}: ${start.en}${n(raw.count)} assessor ${raw.count === 1 ? 'entry' : 'entries'}, ${v} points in all (out of ${n(i.points)}): ${enPoints(f.points)}`,
      };
    }
    case 'deduction':
    case 'bonus': {
      const minus = i.kind === 'deduction';
      const word = minus ? { zh: '扣', en: '−' } : { zh: '加', en: '+' };
      if (f.amount === 0) return { 'zh-CN': `${zh}：无${minus ? '扣分' : '加分'}事项：0 分`, en: `${en}: nothing to ${minus ? 'deduct' : 'add'}: 0 points` };
      const shown = n(Math.abs(f.points));
      if (readsEntries(i)) {
        return {
          'zh-CN': `${zh}：考核录入 ${n(raw.count)} 条，合计${word.zh} ${v} 分，最多${word.zh} ${n(i.cap)} 分：${word.zh} ${shown} 分`,
          en: `${en}: ${n(raw.count)} assessor ${raw.count === 1 ? 'entry' : 'entries'}, ${word.en}${v} in all, at most ${word.en}${n(i.cap)}: ${word.en}${shown}`,
        };
      }
      return {
        'zh-CN': `${zh}：${v} 项，每项${word.zh} ${n(i.per)} 分，最多${word.zh} ${n(i.cap)} 分：${word.zh} ${shown} 分`,
        en: `${en}: ${v} ${f.value === 1 ? 'item' : 'items'}, ${word.en}${n(i.per)} each, at most ${word.en}${n(i.cap)}: ${word.en}${shown}`,
      };
    }
    case 'threshold': {
      const met = f.points > 0 || f.value >= f.outOf;
      return {
        'zh-CN': `${zh}：完成 ${v} 次，须达 ${n(f.outOf)} 次，${met ? '达标' : '未达标'}：${n(f.points)} 分`,
        en: `${en}: ${v} done, ${n(f.outOf)} required, ${met ? 'met' : 'not met'}: ${enPoints(f.points)}`,
      };
    }
  }
}
