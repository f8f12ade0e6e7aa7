// outbox.flush1000.ms (DESIGN §8): 1,000 records queued in the offline outbox (IndexedDB, headless
// Chromium) flushed to the reference server on loopback through `httpDataPort`. The clock starts
// when `client.offline.sync()` is called with all 1,000 queued and stops when it resolves with
// the outbox empty: every record sent with its Idempotency-Key, acknowledged, and the
// acknowledgement written back to IndexedDB. Median of 5 runs, each on a fresh database.
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
import { signToken, startServer } from '@firegrid/server';
import type { FigureModule } from '../lib/figure.js';

const N = 1000;
const RUNS = 5;
const SECRET = 'bench-outbox-secret-that-is-long-enough-0123456789';

const PAGE = `
import { createFiregridClient, newId } from '@firegrid/core';
import { offlineBackend } from '@firegrid/core/offline';
import { httpDataPort } from '@firegrid/core/http';

window.submits = [];
window.bench = {
  async flush(api, token, n, run) {
    const client = createFiregridClient({
      host: {
        session: async () => ({ tenantId: 'bench', user: { id: 'w' + run, name: 'w', roles: ['admin'] }, scope: ['*'], locale: 'zh-CN' }),
        data: httpDataPort({ baseUrl: api, headers: { authorization: 'Bearer ' + token } }),
      },
      backend: offlineBackend({ prefix: 'bench-' + run, autoSync: false }),
    });
    for (let i = 0; i < n; i++) {
      const hazard = { id: newId(), category: 'exit-blocked', title: '楼道堆放杂物 ' + i, description: '', photos: [],
        source: 'worker', reporter: { kind: 'grid-worker', personId: 'w', confidential: false }, severity: 'general', status: 'reported' };
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
    const browser = await ctx.browser();
    const context = await browser.createBrowserContext();
    const tab = await context.newPage();
    try {
      await tab.goto(origin);
      await tab.waitForFunction(() => 'bench' in window);
      let run = 0;
      const median = await ctx.median(RUNS, async () => {
        run += 1;
        ctx.progress(`run ${run}/${RUNS}: queueing ${N} records and flushing …`);
        const token = await signToken({ secret: SECRET, tenant: 'bench', user: `w${run}`, roles: ['admin'], scope: ['*'] });
        return tab.evaluate((url, t, n, r) => (window as unknown as {
          bench: { flush(api: string, token: string, n: number, run: number): Promise<number> };
        }).bench.flush(url, t, n, r), api.url, token, N, run);
      });
      const submits = (await tab.evaluate(() => (window as unknown as { submits: number[] }).submits)).sort((a, b) => a - b);
      const one = submits[Math.floor(submits.length / 2)] ?? Number.NaN;
      return [
        { name: 'outbox.flush1000.ms', value: Math.round(median * 10) / 10, unit: 'ms' },
        { name: 'submit.one.ms', value: Math.round(one * 100) / 100, unit: 'ms' },
      ];
    } finally {
      await context.close();
      web.closeAllConnections();
      web.close();
      await api.close();
      rmSync(dataDir, { recursive: true, force: true });
    }
  },
} satisfies FigureModule;
