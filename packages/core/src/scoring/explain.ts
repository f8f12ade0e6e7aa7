/**
 * Explanations of the points, in zh-CN and English, made from the figures alone so the engine and
 * the rows of the compiled SQL explain a score in the same words.
 * @module
 */
import type { ResolvedMetric } from './config.js';
import type { BilingualText } from './examples.js';
import { roundHalfAway } from './round.js';

/** The figures of one metric before they are explained. */
export interface MetricFigures {
  value: number;
  outOf: number | null;
  /** Unrounded share, 0–1. */
  ratio: number;
  points: number;
  deduction?: number;
  /** Nothing to measure: the points follow `whenNone`. */
  none: boolean;
  /** Overdue only: overdue hazards and late reviews. */
  overdueHazards?: number;
  overdueReviews?: number;
}

const n = (x: number): string => String(x);
const pct = (ratio: number): string => `${n(roundHalfAway(ratio * 100, 2))}%`;
const enPoints = (p: number): string => (p === 1 ? '1 point' : `${n(p)} points`);
const enCount = (count: number, one: string, many: string): string => `${n(count)} ${count === 1 ? one : many}`;

function noneText(m: ResolvedMetric, f: MetricFigures, zh: string, en: string): BilingualText {
  const full = f.points === m.weight && m.weight > 0;
  return {
    'zh-CN': `${zh}，本项${full ? '按满分计' : '不得分'}：${n(f.points)} 分`,
    en: `${en}; ${full ? 'full points' : 'no points'}: ${enPoints(f.points)}`,
  };
}

/**
 * The explanation of one metric's points.
 * @example
 * explainMetric(coverage, { value: 18, outOf: 20, ratio: 0.9, points: 27, none: false }, config.deductions);
 * // { 'zh-CN': '巡查覆盖 18/20 处场所 (90%) × 30 = 27 分', en: 'Patrol coverage: 18 of 20 places visited as often as required (90%) × 30 = 27 points' }
 */
export function explainMetric(
  m: ResolvedMetric,
  f: MetricFigures,
  deductions: { perOverdue: number; cap: number },
): BilingualText {
  const w = n(m.weight);
  const tail = { zh: ` (${pct(f.ratio)}) × ${w} = ${n(f.points)} 分`, en: ` (${pct(f.ratio)}) × ${w} = ${enPoints(f.points)}` };
  const v = n(f.value);
  const of = f.outOf === null ? '' : n(f.outOf);
  const best = (relative: boolean): { zh: string; en: string } =>
    relative ? { zh: `，本范围最多 ${of}`, en: `, the most in scope is ${of}` } : { zh: `，目标 ${of}`, en: `, target ${of}` };
  switch (m.key) {
    case 'coverage':
      if (m.params.mode === 'quota') {
        if (f.none) return noneText(m, f, '本期没有巡查定额', 'No inspection quota this period');
        if (m.params.count === 'places') {
          return {
            'zh-CN': `巡查不同场所 ${v} 处，定额 ${of} 处${tail.zh}`,
            en: `Distinct places inspected: ${v} against a quota of ${of}${tail.en}`,
          };
        }
        return {
          'zh-CN': `完成巡查 ${v} 次，定额 ${of} 次${tail.zh}`,
          en: `Inspections: ${v} against a quota of ${of}${tail.en}`,
        };
      }
      if (f.none) return noneText(m, f, '网格内没有本期需巡查的场所', 'No place in the grid needs a visit this period');
      return {
        'zh-CN': `巡查覆盖 ${v}/${of} 处场所${tail.zh}`,
        en: `Patrol coverage: ${v} of ${of} places visited as often as required${tail.en}`,
      };
    case 'discovery': {
      const b = best(m.params.relativeTo === 'best');
      if (f.none) return noneText(m, f, `发现并经核实的隐患 ${v} 处${b.zh}`, `Verified hazards found: ${v}${b.en}`);
      return {
        'zh-CN': `发现并经核实的隐患 ${v} 处${b.zh}${tail.zh}`,
        en: `Verified hazards found: ${v}${b.en}${tail.en}`,
      };
    }
    case 'closure':
      if (f.none) return noneText(m, f, '本期没有到期的隐患', 'No hazard fell due this period');
      return {
        'zh-CN': `到期隐患按期整改销号 ${v}/${of} 处${tail.zh}`,
        en: `Hazards closed by their deadline: ${v} of ${of}${tail.en}`,
      };
    case 'review':
      if (f.none) return noneText(m, f, '本期没有复查', 'No review this period');
      return {
        'zh-CN': `按时复查 ${v}/${of} 次${tail.zh}`,
        en: `Reviews done on time: ${v} of ${of}${tail.en}`,
      };
    case 'overdue': {
      const d = f.deduction ?? 0;
      const hz = f.overdueHazards ?? 0;
      const rv = f.overdueReviews ?? 0;
      if (f.value === 0) {
        return { 'zh-CN': `没有超期事项：${w} 分`, en: `No overdue items: ${enPoints(f.points)}` };
      }
      return {
        'zh-CN': `超期事项 ${v} 项（超期未整改隐患 ${hz} 处、超期复查 ${rv} 次），每项扣 ${n(deductions.perOverdue)} 分，最多扣 ${n(deductions.cap)} 分：${w} − ${n(d)} = ${n(f.points)} 分`,
        en: `Overdue items: ${v} (${enCount(hz, 'hazard past its deadline', 'hazards past their deadline')}, ${enCount(rv, 'late review', 'late reviews')}), −${n(deductions.perOverdue)} each, at most −${n(deductions.cap)}: ${w} − ${n(d)} = ${enPoints(f.points)}`,
      };
    }
    case 'captains':
      if (f.none) return noneText(m, f, '网格内没有高层住宅', 'No high-rise building in the grid');
      return {
        'zh-CN': `高层建筑落实楼长 ${v}/${of} 栋${tail.zh}`,
        en: `High-rise buildings with a floor captain: ${v} of ${of}${tail.en}`,
      };
    case 'outreach': {
      const b = best(m.params.relativeTo === 'best');
      if (f.none) return noneText(m, f, `开展消防培训、宣传 ${v} 次${b.zh}`, `Training and publicity held: ${v}${b.en}`);
      return {
        'zh-CN': `开展消防培训、宣传 ${v} 次${b.zh}${tail.zh}`,
        en: `Training and publicity held: ${v}${b.en}${tail.en}`,
      };
    }
  }
}
