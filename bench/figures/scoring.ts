// scoring.1m.ratio (DESIGN §8): computeScores over 1,000,000 activities of 10,000 workers, divided
// by the fixed floor shared/bench/bare-pass.js (one pass counting each worker's activities by type)
// over the very same array, in this process, after the same warm-up. The floor and the engine are
// timed back to back RUNS times; the figure is the median of the per-pair ratios, which a busy
// machine disturbs far less than a ratio of separate medians (both halves of a pair see the same
// load). The medians of the times are recorded too.
//
// The data: generateScoringData with a fixed seed (80,000 places, hazard lifecycles, inspections,
// captains, training; times in `Z`, `+08:00` and now and then another offset), given to both as a
// data port or a database driver delivers records: parsed from JSON, so each record has its own
// strings. The configuration is the example one (every metric on) with a local scheme's lines on
// top (issue 20 item 5): two assessor lines, three deductions each on its own activity type (one
// of them assessor-entered), a bonus and a threshold; every 50th activity is replaced by an
// assessor's entry (20,000 of them), so the array stays 1,000,000 long. Ranked by grid.
// `scoring.1m.example.ms` times the example configuration alone over the same array.
//
// Also recorded: both times, and how the cost grows — computeScores over the first quarter of the
// array (250,000 activities, same workers and places) against the whole: `scoring.growth.ratio` is
// t(1M) ÷ (4 × t(250k)), 1 when the cost grows linearly, below 1 while the per-worker and per-place
// work (the same at both sizes) still weighs in.
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { computeScores, exampleScoreConfig, generateScoringData, parsePeriod } from '@firegrid/core/scoring';
import type { ScoringActivity, ScoringConfig, ScoringContext } from '@firegrid/core/scoring';
import { compareTo } from '../lib/figure.js';
import type { FigureModule } from '../lib/figure.js';

const ACTIVITIES = 1_000_000;
const WORKERS = 10_000;
const RUNS = 9;
const WARM_UP = 2;

type BarePass = (activities: readonly unknown[]) => unknown;

/** The floor as it is: its text, imported unchanged (it sits outside any package, so as a data: URL). */
async function loadFloor(path: string): Promise<BarePass> {
  const source = readFileSync(path).toString('base64');
  const mod = (await import(`data:text/javascript;base64,${source}`)) as { barePass?: BarePass };
  if (typeof mod.barePass !== 'function') throw new Error(`${path} does not export barePass`);
  return mod.barePass;
}

/** Records as a data port delivers them: parsed from JSON, in chunks to keep the text small. */
function asParsed<T>(records: readonly T[]): T[] {
  const out: T[] = [];
  for (let i = 0; i < records.length; i += 20_000) {
    for (const r of JSON.parse(JSON.stringify(records.slice(i, i + 20_000))) as T[]) out.push(r);
  }
  return out;
}

const time = (fn: () => unknown): number => {
  const t0 = performance.now();
  fn();
  return performance.now() - t0;
};

function median(values: number[]): number {
  const s = [...values].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 === 1 ? (s[mid] ?? 0) : ((s[mid - 1] ?? 0) + (s[mid] ?? 0)) / 2;
}

const round1 = (x: number): number => Math.round(x * 10) / 10;
const round2 = (x: number): number => Math.round(x * 100) / 100;

export default {
  name: 'scoring',
  async run(ctx) {
    const floorPath = resolve(ctx.root, '../shared/bench/bare-pass.js');
    if (!existsSync(floorPath)) throw new Error(`the floor ${floorPath} is missing: shared/ must sit beside the repository`);
    const barePass = await loadFloor(floorPath);

    ctx.progress(`generating ${ACTIVITIES.toLocaleString('en')} activities of ${WORKERS.toLocaleString('en')} workers …`);
    const period = parsePeriod('2025-Q1');
    const { activities, context } = (() => {
      // Scoped so the generated originals can be collected: only the parsed copies stay alive.
      const data = generateScoringData({ seed: 20_250_301, workers: WORKERS, activities: ACTIVITIES, period });
      const lines = ['office', 'records', 'spot'];
      for (let i = 49, k = 0; i < data.activities.length; i += 50, k++) {
        const a = data.activities[i];
        if (a === undefined) continue;
        data.activities[i] = {
          ...a, type: 'assessment.entered', item: lines[k % lines.length], points: ((k * 37) % 900) / 100 - 2, reason: '抽查', by: 'sup-1',
          placeId: undefined, hazardId: undefined, dueAt: undefined, onTime: undefined,
        } as unknown as (typeof data.activities)[number];
      }
      ctx.progress('parsing them as a data port delivers them …');
      return {
        activities: asParsed<ScoringActivity>(data.activities),
        context: { workers: asParsed(data.workers), places: asParsed(data.places), now: new Date('2025-04-10T09:00:00+08:00') } satisfies ScoringContext,
      };
    })();
    const quarter = activities.slice(0, ACTIVITIES / 4);
    const example = exampleScoreConfig({ period });
    const config: ScoringConfig = {
      ...example, total: { max: 140 },
      items: [
        { kind: 'assessor', key: 'office', label: { 'zh-CN': '阵地建设' }, points: 15 },
        { kind: 'assessor', key: 'records', label: { 'zh-CN': '档案资料' }, points: 15, start: 'full' },
        { kind: 'threshold', key: 'inspections', label: { 'zh-CN': '巡查任务' }, points: 10, activity: 'inspection.submitted', atLeastPerMonth: 4 },
        { kind: 'deduction', key: 'rejected', label: { 'zh-CN': '虚报' }, activity: 'hazard.rejected', per: 1, cap: 3 },
        { kind: 'deduction', key: 'reviews', label: { 'zh-CN': '复查' }, activity: 'review.done', per: 0.5, cap: 2 },
        { kind: 'deduction', key: 'spot', label: { 'zh-CN': '抽查扣分' }, activity: 'assessment.entered', cap: 5 },
        { kind: 'bonus', key: 'publicity', label: { 'zh-CN': '宣传加分' }, activity: 'publicity.held', per: 0.5, cap: 2 },
      ],
    };

    ctx.progress(`warming up (${WARM_UP} runs each) …`);
    let scored = 0;
    for (let i = 0; i < WARM_UP; i++) {
      barePass(activities);
      scored = computeScores(activities, config, context).workers.length;
      computeScores(quarter, config, context);
    }
    if (scored < WORKERS * 0.9) throw new Error(`only ${scored} workers were scored`);

    const floor: number[] = [];
    const engine: number[] = [];
    const part: number[] = [];
    const plain: number[] = [];
    for (let i = 0; i < RUNS; i++) {
      ctx.progress(`run ${i + 1}/${RUNS} …`);
      floor.push(time(() => barePass(activities)));
      engine.push(time(() => computeScores(activities, config, context)));
      part.push(time(() => computeScores(quarter, config, context)));
      plain.push(time(() => computeScores(activities, example, context)));
    }
    const floorMs = median(floor);
    const engineMs = median(engine);
    const partMs = median(part);
    const ratio = median(engine.map((e, i) => e / (floor[i] ?? Infinity)));
    const growth = median(engine.map((e, i) => e / (4 * (part[i] ?? Infinity))));
    return [
      {
        name: 'scoring.1m.ratio', value: round2(ratio), unit: 'ratio',
        compare: compareTo(round2(ratio), { target: 3, baseline: 'shared/bench/bare-pass.js', baselineValue: round1(floorMs) }),
      },
      { name: 'scoring.1m.ms', value: round1(engineMs), unit: 'ms' },
      { name: 'scoring.1m.floor.ms', value: round1(floorMs), unit: 'ms' },
      { name: 'scoring.250k.ms', value: round1(partMs), unit: 'ms' },
      { name: 'scoring.1m.example.ms', value: round1(median(plain)), unit: 'ms' },
      { name: 'scoring.growth.ratio', value: round2(growth), unit: 'ratio' },
    ];
  },
} satisfies FigureModule;
