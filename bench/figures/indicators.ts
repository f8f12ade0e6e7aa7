// indicators.1m.ms (DESIGN §8, issue 21): GET /v1/indicators' query — core's indicatorsSql over one
// tenant's score_hazards and score_places (tenantIndicatorsSql), on SQLite as the reference server
// runs it — over 1,000,000 hazards of one county's hierarchy (3 streets × 10 communities × 5 grids,
// 4 places a grid), found over two months around the period (a month), by community. The median
// of RUNS runs after a warm-up; the rows are checked against computeIndicators over the same
// hazards, whose time is recorded too (`indicators.1m.core.ms`). The data is generated in the run
// into an in-memory database and dropped afterwards.
import Database from 'better-sqlite3';
import { computeIndicators, indicatorsFromRows, parsePeriod } from '@firegrid/core/scoring';
import type { IndicatorHazard, IndicatorRequest } from '@firegrid/core/scoring';
import { scoringTablesDdl, scoringWrites, tenantIndicatorsSql } from '@firegrid/server';
import type { FigureModule } from '../lib/figure.js';

const HAZARDS = 1_000_000;
const RUNS = 5;
const STATUSES = ['reported', 'verified', 'rejected', 'assigned', 'rectifying', 'awaiting-review', 'closed', 'closed', 'draft'];

/** A deterministic PRNG (mulberry32). */
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const round1 = (n: number): number => Math.round(n * 10) / 10;
const median = (xs: readonly number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 === 1 ? (s[m] ?? 0) : ((s[m - 1] ?? 0) + (s[m] ?? 0)) / 2;
};

export default {
  name: 'indicators',
  run(ctx) {
    const rnd = prng(2101);
    const pad = (n: number): string => String(n).padStart(3, '0');
    const grids: string[] = [];
    for (let s = 1; s <= 3; s++) for (let c = 1; c <= 10; c++) for (let g = 1; g <= 5; g++) grids.push(`140105${pad(s)}${pad(c)}${pad(g)}`);
    const places = grids.flatMap((gridId, i) => [0, 1, 2, 3].map((k) => ({ id: `p${i}-${k}`, kind: 'residential', gridId })));
    const start = Date.parse('2026-03-01T00:00:00+08:00');
    ctx.progress(`generating ${HAZARDS.toLocaleString('en')} hazards …`);
    const hazards: IndicatorHazard[] = [];
    for (let i = 0; i < HAZARDS; i++) {
      const found = start + Math.floor((rnd() * 60 - 15) * 86_400_000);
      const place = places[Math.floor(rnd() * places.length)] ?? places[0];
      const deadline = rnd() < 0.8 ? new Date(found + Math.floor(rnd() * 40) * 86_400_000).toISOString().slice(0, 10) : undefined;
      hazards.push({
        id: `h${String(i).padStart(7, '0')}`, status: STATUSES[Math.floor(rnd() * STATUSES.length)] ?? 'reported', createdAt: new Date(found).toISOString(),
        ...(rnd() < 0.4 ? { gridId: place?.gridId } : { placeId: place?.id }), ...(deadline === undefined ? {} : { deadline }),
      });
    }
    const db = new Database(':memory:');
    try {
      for (const ddl of scoringTablesDdl('sqlite')) db.exec(ddl);
      ctx.progress('loading score_hazards …');
      db.transaction(() => {
        const statements = new Map<string, Database.Statement>();
        const run = (s: { sql: string; params: unknown[] }): void => {
          let st = statements.get(s.sql);
          if (st === undefined) statements.set(s.sql, st = db.prepare(s.sql));
          st.run(s.params);
        };
        for (const p of places) for (const s of scoringWrites('sqlite', 'bench', 'places', p)) run(s);
        for (const h of hazards) for (const s of scoringWrites('sqlite', 'bench', 'hazards', h as unknown as Record<string, unknown>)) run(s);
      })();
      const request: IndicatorRequest = { period: parsePeriod('2026-03'), level: 'community', scope: '140105' };
      const now = new Date('2026-04-05T09:00:00+08:00');
      const q = tenantIndicatorsSql(request, 'sqlite');
      const st = db.prepare(q.sql);
      const sqlTimes: number[] = [];
      let rows: Record<string, unknown>[] = [];
      for (let i = 0; i <= RUNS; i++) {
        ctx.progress(`query ${i === 0 ? 'warm-up' : `${i}/${RUNS}`} …`);
        const t0 = performance.now();
        rows = st.all(q.params(now, 'bench')) as Record<string, unknown>[];
        if (i > 0) sqlTimes.push(performance.now() - t0);
      }
      const t0 = performance.now();
      const engine = computeIndicators(hazards, places, request, now);
      const coreMs = performance.now() - t0;
      if (JSON.stringify(indicatorsFromRows(rows, request, now)) !== JSON.stringify(engine)) {
        throw new Error('indicators: the SQL rows differ from computeIndicators over the same hazards');
      }
      return [
        { name: 'indicators.1m.ms', value: round1(median(sqlTimes)), unit: 'ms' },
        { name: 'indicators.1m.core.ms', value: round1(coreMs), unit: 'ms' },
      ];
    } finally {
      db.close();
    }
  },
} satisfies FigureModule;
