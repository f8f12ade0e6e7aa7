// outbox.flush1000.ms (DESIGN §8): 1,000 records queued in the offline outbox (IndexedDB, headless
// Chromium) flushed to the reference server on loopback through `httpDataPort`. The clock starts
// when `client.offline.sync()` is called with all 1,000 queued and stops when it resolves with
// the outbox empty: every record sent with its Idempotency-Key, acknowledged, and the
// acknowledgement written back to IndexedDB. Median of 5 runs, each on a fresh database.
//
// outbox.flush1000.ratio (issue 16, item 8): the flush over its floor — the same 1,000 PUTs
// (same URL shape, headers and body) sent with plain `fetch` at the outbox's concurrency (4), in
// the same page, the same run and against the same server, reading each answer's body. Each run
// times both, in alternating order; the figure is the median of the five per-run ratios
// (outbox ÷ floor), with the floor's median as its baseline value. Both go cross-origin, so
// both pay the same CORS preflights; the page is driven over a second DevTools connection with
// network reporting off, so neither pays for DevTools watching each request.
//
// submit.one.ms (issue 16): one hazard from `client.submit` to its outbox entry — validated once,
// queued in IndexedDB, the receipt back — timed around each of the 1,000 submits that fill the
// outbox; the median of all 5,000.
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { build } from 'esbuild';
import { connect } from 'puppeteer-core';
import { signToken, startServer } from '@firegrid/server';
import { median } from '../lib/context.js';
import { compareTo } from '../lib/figure.js';
import type { FigureModule } from '../lib/figure.js';

const N = 1000;
const RUNS = 5;
/** The outbox's default concurrency (`offlineBackend({ concurrency })`), which the floor uses too. */
const CONCURRENCY = 4;
/** DESIGN §8 / issue 16: the flush takes at most this many times its floor. */
const RATIO_TARGET = 1.3;
const SECRET = 'bench-outbox-secret-that-is-long-enough-0123456789';

const PAGE = `
import { createFiregridClient, newId } from '@firegrid/core';
import { offlineBackend } from '@firegrid/core/offline';
import { httpDataPort } from '@firegrid/core/http';

window.submits = [];
const hazardOf = (i) => ({ id: newId(), category: 'exit-blocked', title: '楼道堆放杂物 ' + i, description: '', photos: [],
  source: 'worker', reporter: { kind: 'grid-worker', personId: 'w', confidential: false }, severity: 'general', status: 'reported' });
window.bench = {
  // The floor: the same PUTs with plain fetch, \`concurrency\` at a time, each answer read.
  async floor(api, token, n, concurrency) {
    const bodies = Array.from({ length: n }, (_, i) => hazardOf(i));
    const t0 = performance.now();
    const worker = async () => {
      for (let h = bodies.shift(); h !== undefined; h = bodies.shift()) {
        const res = await fetch(api + '/v1/hazards/' + encodeURIComponent(h.id), {
          method: 'PUT', body: JSON.stringify(h),
          headers: { accept: 'application/json, application/problem+json', 'accept-language': 'zh-CN', authorization: 'Bearer ' + token,
            'content-type': 'application/json', 'idempotency-key': newId() },
        });
        await res.arrayBuffer();
        if (!res.ok) throw new Error('floor PUT answered ' + res.status);
      }
    };
    await Promise.all(Array.from({ length: concurrency }, worker));
    return performance.now() - t0;
  },
  async flush(api, token, n, run) {
    const client = createFiregridClient({
      host: {
        session: async () => ({ tenantId: 'bench', user: { id: 'w' + run, name: 'w', roles: ['admin'] }, scope: ['*'], locale: 'zh-CN' }),
        data: httpDataPort({ baseUrl: api, headers: { authorization: 'Bearer ' + token } }),
      },
      backend: offlineBackend({ prefix: 'bench-' + run, autoSync: false }),
    });
    for (let i = 0; i < n; i++) {
      const hazard = hazardOf(i);
      const s0 = performance.now();
      await client.submit('hazards', hazard);
      window.submits.push(performance.now() - s0);
    }
    const queued = (await client.offline.status()).pending.length;
    if (queued !== n) throw new Error('queued ' + queued + ' of ' + n);
    const t0 = performance.now();
    const after = await client.offline.sync();
    const ms = performance.now() - t0;
    if (after.pending.length + after.failed.length + after.conflicted.length > 0) {
      const e = after.failed[0] ?? after.pending[0] ?? after.conflicted[0];
      throw new Error('the outbox did not empty: ' + (e && e.error ? e.error.message : 'entries left'));
    }
    await client.offline.close();
    return ms;
  },
};
`;

export default {
  name: 'outbox',
  async run(ctx) {
    ctx.progress('bundling the page …');
    const out = await build({
      stdin: { contents: PAGE, resolveDir: ctx.root, sourcefile: 'outbox-bench.js', loader: 'js' },
      bundle: true, format: 'esm', minify: true, write: false, conditions: ['source'], logLevel: 'silent',
    });
    const script = out.outputFiles[0]?.text ?? '';
    const web = createServer((req, res) => {
      if (req.url === '/page.js') res.writeHead(200, { 'content-type': 'text/javascript' }).end(script);
      else res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end('<!doctype html><meta charset="utf-8"><script type="module" src="/page.js"></script>');
    });
    await new Promise<void>((resolve) => web.listen(0, '127.0.0.1', resolve));
    const origin = `http://127.0.0.1:${(web.address() as AddressInfo).port}`;
    const dataDir = mkdtempSync(join(tmpdir(), 'fg-bench-outbox-'));
    const api = await startServer({ port: 0, dataDir, secret: SECRET, corsOrigins: [origin], log: () => undefined });
    const shared = await ctx.browser();
    // A second DevTools connection to the same browser, with network reporting off: the first one
    // (puppeteer's default) would have DevTools follow every request of both the flush and the floor.
    const browser = await connect({ browserWSEndpoint: shared.wsEndpoint(), networkEnabled: false });
    const context = await browser.createBrowserContext();
    const tab = await context.newPage();
    try {
      await tab.goto(origin);
      await tab.waitForFunction('"bench" in window');
      const flushes: number[] = [];
      const floors: number[] = [];
      const ratios: number[] = [];
      for (let run = 1; run <= RUNS; run++) {
        ctx.progress(`run ${run}/${RUNS}: queueing ${N} records, flushing them, and the same PUTs with plain fetch …`);
        const token = await signToken({ secret: SECRET, tenant: 'bench', user: `w${run}`, roles: ['admin'], scope: ['*'] });
        const flush = () => tab.evaluate(`window.bench.flush(${JSON.stringify(api.url)}, ${JSON.stringify(token)}, ${N}, ${run})`) as Promise<number>;
        const floor = () => tab.evaluate(`window.bench.floor(${JSON.stringify(api.url)}, ${JSON.stringify(token)}, ${N}, ${CONCURRENCY})`) as Promise<number>;
        // Alternating which goes first, so that neither always meets a warmer (or fuller) server.
        let outboxMs: number;
        let floorMs: number;
        if (run % 2 === 1) {
          outboxMs = await flush();
          floorMs = await floor();
        } else {
          floorMs = await floor();
          outboxMs = await flush();
        }
        flushes.push(outboxMs);
        floors.push(floorMs);
        ratios.push(outboxMs / floorMs);
      }
      const submits = (await tab.evaluate('window.submits') as number[]).sort((a, b) => a - b);
      const one = submits[Math.floor(submits.length / 2)] ?? Number.NaN;
      const floorMs = Math.round(median(floors) * 10) / 10;
      const ratio = Math.round(median(ratios) * 100) / 100;
      return [
        { name: 'outbox.flush1000.ms', value: Math.round(median(flushes) * 10) / 10, unit: 'ms' },
        {
          name: 'outbox.flush1000.ratio', value: ratio, unit: 'ratio',
          compare: compareTo(ratio, { target: RATIO_TARGET, baseline: `plain fetch, ${CONCURRENCY} at a time (ms)`, baselineValue: floorMs }),
        },
        { name: 'submit.one.ms', value: Math.round(one * 100) / 100, unit: 'ms' },
      ];
    } finally {
      await context.close();
      await browser.disconnect();
      web.closeAllConnections();
      web.close();
      await api.close();
      rmSync(dataDir, { recursive: true, force: true });
    }
  },
} satisfies FigureModule;
