// server.scores.100k.ms (issue 14 item 5: no request stalls the server): GET /v1/scores over
// 100,000 activities of 1,000 workers, answered by the real HTTP server from a real SQLite file:
// core's toSql over the scoring tables the store keeps, run in the server's scoring worker thread.
// While each request runs, GET /v1/health is asked every 10 ms; `server.health.during-scores.ms`
// is the slowest of those answers over all runs, against the 100 ms, beside the slowest
// answer of the idle server polled as long in the same run (on a shared machine, scheduling alone
// delays some answers); the 99th percentiles of both are recorded too.
//
// The data: generateScoringData with a fixed seed (8,000 places, hazard lifecycles, inspections,
// captains, training), written through the server's Store (each record with its scoring rows, as
// the routes write) before the server starts. Recorded too: one worker's line with his evidence
// (`worker=<id>`, rows bounded by him) and the load itself.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { generateScoringData, parsePeriod } from '@firegrid/core/scoring';
import { Store, openDatabase, signToken, startServer } from '@firegrid/server';
import { compareTo } from '../lib/figure.js';
import type { FigureModule } from '../lib/figure.js';
import { median } from '../lib/context.js';

const ACTIVITIES = 100_000;
const WORKERS = 1_000;
const RUNS = 7;
const HEALTH_EVERY_MS = 10;
const SECRET = 'bench-secret-that-is-long-enough-0123456789';

const round1 = (x: number): number => Math.round(x * 10) / 10;
const sleep = (ms: number): Promise<void> => new Promise((done) => setTimeout(done, ms));

export default {
  name: 'server',
  async run(ctx) {
    const dir = mkdtempSync(join(tmpdir(), 'firegrid-bench-server-'));
    try {
      ctx.progress(`writing ${ACTIVITIES.toLocaleString('en')} activities of ${WORKERS.toLocaleString('en')} workers to SQLite …`);
      const period = parsePeriod('2026-03');
      const data = generateScoringData({ seed: 20_260_301, workers: WORKERS, activities: ACTIVITIES, period, tenantId: 'bench', offsets: 'utc' });
      const t0 = performance.now();
      const db = openDatabase(dir);
      const store = new Store(db);
      store.transaction(() => {
        for (const p of data.places) store.write('bench', 'places', p);
        for (const w of data.workers) store.write('bench', 'workers', w);
        for (const a of data.activities) store.write('bench', 'activities', a);
      });
      db.pragma('optimize');
      db.close();
      const loadMs = performance.now() - t0;

      const server = await startServer({
        port: 0, dataDir: dir, secret: SECRET, now: () => new Date('2026-04-03T09:00:00+08:00'), log: () => undefined,
        scoresLimits: { perMinute: 1_000 },
      });
      try {
        const token = await signToken({ secret: SECRET, tenant: 'bench', user: 'bench-admin', roles: ['admin'], scope: ['*'] });
        const headers = { authorization: `Bearer ${token}` };
        const get = async (path: string): Promise<{ ms: number; body: string }> => {
          const start = performance.now();
          const res = await fetch(`${server.url}${path}`, { headers });
          const body = await res.text();
          if (res.status !== 200) throw new Error(`${path}: ${res.status} ${body.slice(0, 300)}`);
          return { ms: performance.now() - start, body };
        };
        const scoresPath = '/v1/scores?period=2026-03';
        const first = JSON.parse((await get(scoresPath)).body) as { workers: { workerId: string }[] };
        if (first.workers.length < WORKERS * 0.9) throw new Error(`only ${first.workers.length} workers were scored`);
        /** Asks for /v1/health every HEALTH_EVERY_MS until `state.done`, adding each answer's time to `into`. */
        const poll = async (state: { done: boolean }, into: number[]): Promise<void> => {
          do {
            into.push((await get('/v1/health')).ms);
            await sleep(HEALTH_EVERY_MS);
          } while (!state.done);
        };

        const scores: number[] = [];
        const health: number[] = [];
        for (let i = 0; i < RUNS; i++) {
          ctx.progress(`run ${i + 1}/${RUNS}: GET ${scoresPath} with /v1/health every ${HEALTH_EVERY_MS} ms …`);
          const state = { done: false };
          const request = get(scoresPath).then((r) => {
            state.done = true;
            return r.ms;
          });
          const polls = poll(state, health);
          scores.push(await request);
          await polls;
        }
        // The floor: the same polling of an idle server for as long, in the same run (a busy machine
        // delays both alike).
        ctx.progress('polling /v1/health on the idle server for as long …');
        const idle: number[] = [];
        const quiet = { done: false };
        const idlePolls = poll(quiet, idle);
        await sleep(scores.reduce((a, b) => a + b, 0));
        quiet.done = true;
        await idlePolls;
        const worker = first.workers[Math.floor(first.workers.length / 2)]?.workerId ?? '';
        const oneWorker = await ctx.median(5, async () => (await get(`${scoresPath}&worker=${worker}`)).ms);
        const slowest = round1(Math.max(...health));
        const p99 = (list: number[]): number => round1([...list].sort((a, b) => a - b)[Math.floor(list.length * 0.99)] ?? 0);
        return [
          { name: 'server.scores.100k.ms', value: round1(median(scores)), unit: 'ms' },
          {
            name: 'server.health.during-scores.ms', value: slowest, unit: 'ms',
            compare: compareTo(slowest, { target: 100, baseline: 'server.health.idle.max.ms', baselineValue: round1(Math.max(...idle)) }),
          },
          { name: 'server.health.idle.max.ms', value: round1(Math.max(...idle)), unit: 'ms' },
          { name: 'server.health.during-scores.p99.ms', value: p99(health), unit: 'ms' },
          { name: 'server.health.idle.p99.ms', value: p99(idle), unit: 'ms' },
          { name: 'server.scores.100k.worker.ms', value: round1(oneWorker), unit: 'ms' },
          { name: 'server.scores.100k.load.ms', value: round1(loadMs), unit: 'ms' },
        ];
      } finally {
        await server.close();
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  },
} satisfies FigureModule;
