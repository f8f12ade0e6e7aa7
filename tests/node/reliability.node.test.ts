// The offline layer in real Chromium with real IndexedDB, against the reference server on
// loopback (DESIGN §4): records made offline survive reloads, cut networks and lost answers —
// none lost, none duplicated — and every failure stays visible on the device.
//
// The page is bundled with esbuild and served by a small server on 127.0.0.1 that also proxies
// `/v1` to the reference server: same origin (no CORS), and the proxy can drop answers after the
// server has acted on a request or damage what it returns. Replay a run with FIREGRID_SEED=<n>.
import assert from 'node:assert/strict';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { createServer, request as httpRequest } from 'node:http';
import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import type { Browser, Page } from 'puppeteer-core';
import { launch } from 'puppeteer-core';
import { signToken, startServer } from '@firegrid/server';
import type { RunningServer } from '@firegrid/server';
import { httpDataPort } from '@firegrid/core/http';
import { newId } from '@firegrid/core';
import type { DataPort, FiregridClient, Hazard } from '@firegrid/core';
import type { DraftLock, OfflineControl } from '@firegrid/core/offline';
import { chromiumArgs, chromiumPath } from '../../bench/lib/context.js';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const SECRET = 'reliability-secret-that-is-long-enough-0123456789';
const INSECURE_HOST = 'firegrid.test';

// The page: the SDK on a global, and a client started from the URL (as a host app would on load).
const PAGE = `
import { createFiregridClient, newId } from '@firegrid/core';
import { offlineBackend } from '@firegrid/core/offline';
import { httpDataPort } from '@firegrid/core/http';
const params = new URLSearchParams(location.search);
const fg = (window.fg = { token: params.get('token') ?? '', client: undefined, locks: {} });
fg.start = (user = params.get('user') ?? 'admin-1') => {
  fg.client = createFiregridClient({
    host: {
      session: async () => ({ tenantId: 't1', user: { id: user, name: 'Tester ' + user, roles: ['admin'] }, scope: ['*'], locale: 'en' }),
      data: httpDataPort({ baseUrl: location.origin, headers: async () => ({ authorization: 'Bearer ' + fg.token }), timeoutMs: 8000, locale: 'en' }),
    },
    backend: offlineBackend({ prefix: params.get('db') ?? 'rel', intervalMs: 1000, retry: { baseMs: 100, maxMs: 1500 } }),
    locale: 'en',
  });
  return fg.client;
};
fg.newId = newId;
fg.photo = async (i) => {
  const c = new OffscreenCanvas(320, 240);
  const g = c.getContext('2d');
  g.fillStyle = 'hsl(' + ((i * 37) % 360) + ', 70%, 50%)';
  g.fillRect(0, 0, 320, 240);
  g.fillStyle = '#000';
  g.font = '64px sans-serif';
  g.fillText(String(i), 40, 140);
  return c.convertToBlob({ type: 'image/png' });
};
fg.hazard = (over) => ({ id: newId(), category: 'exit-blocked', title: 'Blocked stairwell', description: '', photos: [], source: 'worker',
  reporter: { kind: 'grid-worker', personId: 'admin-1', confidential: false }, severity: 'general', status: 'reported', ...over });
fg.fail = async (promise) => { try { await promise; return null; } catch (e) { return { code: e.code, message: e.message, issues: e.issues }; } };
if (params.has('boot')) fg.start();
`;

/** What the page puts on `window.fg` (the client is the SDK's). */
interface PageFg {
  token: string;
  client: FiregridClient & { offline: OfflineControl };
  locks: Record<string, DraftLock>;
  start(user?: string): PageFg['client'];
  newId(): string;
  photo(i: number): Promise<Blob>;
  hazard(over?: Record<string, unknown>): Hazard;
  fail(promise: Promise<unknown>): Promise<{ code: string; message: string; issues: { path: string; message: string }[] } | null>;
}
declare const window: Window & { fg: PageFg };
/** True once the page has made its client (runs in the page). */
const ready = (): boolean => (window.fg as Partial<PageFg>).client !== undefined;

/** mulberry32: a small seeded generator, so a run's reload points can be replayed. */
function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Polls until `check` gives a value that is not false/undefined (network changes are asynchronous). */
async function eventually<T>(what: string, check: () => Promise<T | false | undefined>, timeoutMs = 30_000): Promise<T> {
  const end = Date.now() + timeoutMs;
  let last: unknown;
  for (;;) {
    try {
      const value = await check();
      if (value !== false && value !== undefined) return value;
    } catch (error) {
      last = error;
    }
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}${last instanceof Error ? `: ${last.message}` : ''}`);
    await sleep(100);
  }
}

/** The proxy's knobs. */
interface Proxy {
  /** Chance that the answer to a write is dropped after the server acted on it. */
  dropWrites: number;
  random: () => number;
  /** Damage the JSON of `GET /v1/hazards/{id}`. */
  malform: boolean;
  dropped: number;
}

interface World {
  api: RunningServer;
  dataDir: string;
  web: Server;
  origin: string;
  port: number;
  proxy: Proxy;
  clock: { ms: number };
  token(options?: { user?: string; ttlSeconds?: number }): Promise<string>;
  /** The server as seen from Node, with an admin token. */
  data: DataPort;
  close(): Promise<void>;
}

async function bundlePage(): Promise<string> {
  const out = await build({
    stdin: { contents: PAGE, resolveDir: root, loader: 'ts', sourcefile: 'reliability-page.ts' },
    bundle: true, format: 'esm', platform: 'browser', target: 'es2022', conditions: ['source'], write: false, logLevel: 'silent',
  });
  return out.outputFiles[0]?.text ?? '';
}

async function startWorld(script: string): Promise<World> {
  const dataDir = mkdtempSync(join(tmpdir(), 'fg-reliability-'));
  const clock = { ms: Date.now() };
  const api = await startServer({ port: 0, dataDir, secret: SECRET, now: () => new Date(clock.ms), log: () => undefined });
  const upstream = new URL(api.url);
  const proxy: Proxy = { dropWrites: 0, random: Math.random, malform: false, dropped: 0 };
  const forward = (req: IncomingMessage, res: ServerResponse) => {
    const up = httpRequest({ host: upstream.hostname, port: upstream.port, method: req.method, path: req.url, headers: req.headers }, (answer) => {
      const chunks: Buffer[] = [];
      answer.on('data', (c: Buffer) => chunks.push(c));
      answer.on('end', () => {
        let body = Buffer.concat(chunks);
        if (req.method !== 'GET' && proxy.random() < proxy.dropWrites) {
          // The server has done the work; the phone never hears about it.
          proxy.dropped += 1;
          res.socket?.destroy();
          return;
        }
        const headers = { ...answer.headers };
        if (proxy.malform && req.method === 'GET' && /^\/v1\/hazards\/[^/?]+$/.test(req.url ?? '') && answer.statusCode === 200) {
          const record = JSON.parse(body.toString('utf8')) as Record<string, unknown>;
          record.photos = [{ id: 'm1', url: '/v1/media/m1', sha256: 'not-a-digest', width: 1, height: 1, bytes: 1 }];
          body = Buffer.from(JSON.stringify(record));
          headers['content-length'] = String(body.length);
        }
        res.writeHead(answer.statusCode ?? 502, headers);
        res.end(body);
      });
    });
    up.on('error', () => { res.socket?.destroy(); });
    req.pipe(up);
  };
  const web = createServer((req, res) => {
    if (req.url?.startsWith('/v1/') === true) {
      forward(req, res);
    } else if (req.url?.startsWith('/page.js') === true) {
      res.writeHead(200, { 'content-type': 'text/javascript', 'cache-control': 'no-store' }).end(script);
    } else if (req.url === '/' || req.url?.startsWith('/?') === true) {
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' })
        .end('<!doctype html><meta charset="utf-8"><title>reliability</title><script type="module" src="/page.js"></script>');
    } else {
      res.writeHead(404).end();
    }
  });
  await new Promise<void>((resolve) => web.listen(0, '127.0.0.1', resolve));
  const port = (web.address() as AddressInfo).port;
  const token = (options: { user?: string; ttlSeconds?: number } = {}) => signToken({
    secret: SECRET, tenant: 't1', user: options.user ?? 'admin-1', roles: ['admin'], scope: ['*'],
    now: new Date(clock.ms), ...(options.ttlSeconds === undefined ? {} : { ttlSeconds: options.ttlSeconds }),
  });
  const nodeToken = await token({ user: 'checker' });
  return {
    api, dataDir, web, port, proxy, clock, token,
    origin: `http://127.0.0.1:${port}`,
    data: httpDataPort({ baseUrl: api.url, headers: { authorization: `Bearer ${nodeToken}` }, locale: 'en' }),
    async close() {
      web.closeAllConnections();
      await new Promise<void>((resolve) => { web.close(() => { resolve(); }); });
      await api.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** Every hazard on the server. */
async function serverHazards(data: DataPort): Promise<Hazard[]> {
  const all: Hazard[] = [];
  let cursor: string | undefined;
  do {
    const page = await data.list('hazards', { limit: 500, ...(cursor === undefined ? {} : { cursor }) });
    all.push(...page.items);
    cursor = page.nextCursor ?? undefined;
  } while (cursor !== undefined);
  return all;
}

const mediaFiles = (dataDir: string) => readdirSync(join(dataDir, 'media')).filter((f) => !f.endsWith('.part'));

async function openPage(browser: Browser, url: string): Promise<Page> {
  const context = await browser.createBrowserContext();
  const page = await context.newPage();
  await page.goto(url);
  await page.waitForFunction(ready);
  return page;
}

const status = (page: Page) => page.evaluate(() => window.fg.client.offline.status());

describe('offline reliability in Chromium against the reference server', () => {
  let browser: Browser;
  let world: World;
  let script: string;

  before(async () => {
    script = await bundlePage();
    browser = await launch({
      executablePath: chromiumPath(), headless: true,
      // A name that resolves to loopback but is not "localhost": a plain-http, insecure context.
      args: [...chromiumArgs, `--host-resolver-rules=MAP ${INSECURE_HOST} 127.0.0.1`],
    });
    world = await startWorld(script);
  });
  after(async () => {
    await browser.close();
    await world.close();
  });

  const seed = Number(process.env.FIREGRID_SEED ?? Math.floor(Math.random() * 2 ** 31));

  it(`keeps 200 records with photos made offline through reloads, cuts and lost answers: none lost, none duplicated (seed ${seed})`, async (t) => {
    t.diagnostic(`seed ${seed} — replay with FIREGRID_SEED=${seed}`);
    const random = rng(seed);
    const token = await world.token();
    const page = await openPage(browser, `${world.origin}/?boot&db=chaos&token=${token}`);
    await page.setOfflineMode(true);
    await eventually('the page to see it is offline', () => page.evaluate(() => !navigator.onLine));

    const ids = await page.evaluate(async (count) => {
      const { client } = window.fg;
      const made: string[] = [];
      for (let i = 0; i < count; i++) {
        const photo = await client.offline.addPhoto(await window.fg.photo(i));
        const record = window.fg.hazard({ title: `Record ${i}`, photos: [photo] });
        await client.submit('hazards', record);
        made.push(record.id);
      }
      return made;
    }, 200);
    const queued = await status(page);
    assert.equal(queued.pending.length, 200, 'all 200 writes are queued on the device');
    assert.equal(queued.unsentPhotos, 200, 'all 200 photos wait on the device');
    assert.equal((await serverHazards(world.data)).length, 0, 'nothing reached the server while offline');

    world.proxy.random = random;
    world.proxy.dropWrites = 0.1;
    await page.setOfflineMode(false);
    const actions: string[] = [];
    for (let round = 0; round < 8; round++) {
      await sleep(150 + Math.floor(random() * 700));
      if (random() < 0.7) {
        actions.push('reload');
        await page.reload();
        await page.waitForFunction(ready);
      } else {
        actions.push('cut');
        await page.setOfflineMode(true);
        await sleep(200 + Math.floor(random() * 600));
        await page.setOfflineMode(false);
      }
    }
    t.diagnostic(`chaos: ${actions.join(', ')}; ${world.proxy.dropped} answers dropped so far`);
    world.proxy.dropWrites = 0;

    const done = await eventually('the outbox to empty', async () => {
      const s = await status(page);
      return s.pending.length === 0 && s.failed.length === 0 && s.conflicted.length === 0 ? s : false;
    }, 45_000);
    assert.equal(done.unsentPhotos, 0);

    const hazards = await serverHazards(world.data);
    assert.equal(hazards.length, 200, 'exactly 200 records on the server');
    assert.deepEqual(new Set(hazards.map((h) => h.id)), new Set(ids), 'the very records made on the device');
    assert.ok(hazards.every((h) => h.version === 1), 'each record was applied once');
    assert.equal(mediaFiles(world.dataDir).length, 200, 'exactly 200 photos on the server: none lost, none uploaded twice');
    const byTitle = new Map(hazards.map((h) => [h.title, h]));
    for (let i = 0; i < 200; i++) {
      const h = byTitle.get(`Record ${i}`);
      assert.ok(h !== undefined, `Record ${i} is on the server`);
      assert.equal(h.photos.length, 1, `Record ${i} has its photo`);
      const ref = h.photos[0]!;
      assert.match(ref.url, /^\/v1\/media\//);
      // Reading checks the bytes against the SHA-256 the device computed.
      const blob = await world.data.readMedia(ref);
      assert.equal(blob.size, ref.bytes);
    }
    await page.browserContext().close();
  });

  it('keeps a record the server rejects on the device with its reason, through a reload, and lets it be fixed', async () => {
    const page = await openPage(browser, `${world.origin}/?boot&db=rejected&token=${await world.token()}`);
    const id = await page.evaluate(async () => {
      const record = window.fg.hazard({ status: 'closed', title: 'Created closed' });
      await window.fg.client.submit('hazards', record);
      await window.fg.client.offline.sync();
      return record.id;
    });
    const rejected = await eventually('the rejection', async () => {
      const s = await status(page);
      return s.failed.length === 1 ? s.failed[0] : false;
    });
    assert.equal(rejected.error?.code, 'rejected');
    assert.equal(rejected.error.status, 422);
    assert.ok(rejected.error.issues.some((i) => i.path === 'status'), 'the reason names the field');
    await page.reload();
    await page.waitForFunction(ready);
    const after = await status(page);
    assert.deepEqual(after.failed.map((e) => e.id), [rejected.id], 'still on the device after a reload');
    assert.equal(await world.data.get('hazards', id), null);

    await page.evaluate(async (entryId) => {
      const { client } = window.fg;
      const draft = await client.offline.edit(entryId);
      await client.submit('hazards', { ...(draft as Hazard), status: 'reported' });
      await client.offline.sync();
    }, rejected.id);
    await eventually('the fixed record on the server', async () => (await world.data.get('hazards', id))?.status === 'reported');
    await page.browserContext().close();
  });

  it('ends two edits from the same version in a visible conflict, not an overwrite', async () => {
    const base = await world.data.save('hazards', {
      id: newId(), category: 'fire-door', title: 'Fire door held open', description: '', photos: [],
      source: 'worker', reporter: { kind: 'grid-worker', personId: 'admin-1', confidential: false }, severity: 'general', status: 'reported',
    }, { idempotencyKey: newId() });
    const a = await openPage(browser, `${world.origin}/?boot&db=conflict&user=alice&token=${await world.token({ user: 'alice' })}`);
    const b = await openPage(browser, `${world.origin}/?boot&db=conflict&user=bob&token=${await world.token({ user: 'bob' })}`);
    const edit = (page: Page, title: string) => page.evaluate(async (id, newTitle) => {
      const { client } = window.fg;
      const record = await client.data.get('hazards', id);
      await client.submit('hazards', { ...record!, title: newTitle });
      return client.offline.sync();
    }, base.id, title);
    // Both read version 1 before either sends.
    await Promise.all([a, b].map((p) => p.evaluate((id) => window.fg.client.data.get('hazards', id), base.id)));
    await b.setOfflineMode(true);
    await eventually('b offline', () => b.evaluate(() => !navigator.onLine));
    const bQueued = b.evaluate(async (id) => {
      const { client } = window.fg;
      const record = await client.data.get('hazards', id);
      await client.submit('hazards', { ...record!, title: 'Bob: door fixed' });
    }, base.id);
    await edit(a, 'Alice: door wedged');
    await bQueued;
    await b.setOfflineMode(false);
    const conflict = await eventually('the conflict', async () => {
      const s = await b.evaluate(() => window.fg.client.offline.sync());
      return s.conflicted[0];
    });
    assert.equal(conflict.record?.title, 'Bob: door fixed', 'mine is shown');
    assert.equal(conflict.theirs?.title, 'Alice: door wedged', 'theirs is shown');
    assert.equal(conflict.theirs.version, 2);
    assert.equal((await world.data.get('hazards', base.id))?.title, 'Alice: door wedged', 'nothing was overwritten');

    await b.evaluate((entryId) => window.fg.client.offline.resolve(entryId, 'mine'), conflict.id);
    await eventually('the resolved record', async () => (await world.data.get('hazards', base.id))?.version === 3);
    assert.equal((await world.data.get('hazards', base.id))?.title, 'Bob: door fixed');
    await a.browserContext().close();
    await b.browserContext().close();
  });

  it('two tabs of one user editing from the same version end in a visible conflict, not a lost update', async () => {
    const base = await world.data.save('hazards', {
      id: newId(), category: 'fire-door', title: 'Fire door held open', description: '', photos: [],
      source: 'worker', reporter: { kind: 'grid-worker', personId: 'admin-1', confidential: false }, severity: 'general', status: 'reported',
    }, { idempotencyKey: newId() });
    const context = await browser.createBrowserContext();
    const url = `${world.origin}/?boot&db=two-tabs&token=${await world.token()}`;
    const [one, two] = [await context.newPage(), await context.newPage()];
    for (const p of [one, two]) {
      await p.goto(url);
      await p.waitForFunction(ready);
    }
    // Both tabs open version 1, then go offline (a stairwell) and each saves its edit.
    const open = (p: Page) => p.evaluate(async (id) => { (window as unknown as { copy: unknown }).copy = await window.fg.client.data.get('hazards', id); }, base.id);
    await open(one);
    await open(two);
    for (const p of [one, two]) await p.setOfflineMode(true);
    const save = (p: Page, title: string) => p.evaluate(async (newTitle) => {
      const copy = (window as unknown as { copy: Hazard }).copy;
      await window.fg.client.submit('hazards', { ...copy, title: newTitle });
    }, title);
    await save(one, 'Tab one: door wedged');
    await save(two, 'Tab two: door fixed');
    for (const p of [one, two]) await p.setOfflineMode(false);
    const conflict = await eventually('the conflict', async () => {
      const s = await one.evaluate(() => window.fg.client.offline.sync({ force: true }));
      return s.pending.length === 0 ? s.conflicted[0] : undefined;
    });
    assert.equal(conflict.record?.title, 'Tab two: door fixed', 'mine is shown');
    assert.equal(conflict.theirs?.title, 'Tab one: door wedged', 'theirs is shown');
    assert.equal(conflict.theirs.version, 2);
    const server = await world.data.get('hazards', base.id);
    assert.equal(server?.title, 'Tab one: door wedged', 'nothing was overwritten');
    assert.equal(server.version, 2);
    await context.close();
  });

  it('a double save from the same copy, online, ends in a visible conflict, not a lost update', async () => {
    const base = await world.data.save('hazards', {
      id: newId(), category: 'fire-door', title: 'Fire door held open', description: '', photos: [],
      source: 'worker', reporter: { kind: 'grid-worker', personId: 'admin-1', confidential: false }, severity: 'general', status: 'reported',
    }, { idempotencyKey: newId() });
    const page = await openPage(browser, `${world.origin}/?boot&db=double-save&token=${await world.token()}`);
    await page.evaluate(async (id) => {
      const { client } = window.fg;
      const copy = await client.data.get('hazards', id);
      // Two quick taps on 保存 from the same form: neither waits for the other to be sent.
      await Promise.all([
        client.submit('hazards', { ...copy!, title: 'First save' }),
        client.submit('hazards', { ...copy!, description: 'Second save' }),
      ]);
    }, base.id);
    const status = await eventually('both saves settled', async () => {
      const s = await page.evaluate(() => window.fg.client.offline.sync({ force: true }));
      return s.pending.length === 0 ? s : undefined;
    });
    const server = await world.data.get('hazards', base.id);
    assert.equal(server?.version, 2, 'one save went through');
    assert.equal(status.conflicted.length, 1, 'the other is a conflict to resolve');
    const kept = status.conflicted[0]!;
    assert.equal(kept.theirs?.version, 2);
    const first = server.title === 'First save';
    assert.equal(first ? server.description : server.title, first ? '' : 'Fire door held open');
    assert.equal(first ? kept.record?.description : kept.record?.title, first ? 'Second save' : 'First save');
    await page.browserContext().close();
  });

  it('pauses sync when the token expired while offline, instead of rejecting, and resumes with a fresh one', async () => {
    const page = await openPage(browser, `${world.origin}/?boot&db=expired&token=${await world.token({ ttlSeconds: 600 })}`);
    await page.setOfflineMode(true);
    await eventually('offline', () => page.evaluate(() => !navigator.onLine));
    const id = await page.evaluate(async () => {
      const record = window.fg.hazard({ title: 'Made in the basement' });
      await window.fg.client.submit('hazards', record);
      return record.id;
    });
    world.clock.ms += 3600_000;   // an hour in the basement: the 10-minute token has expired
    try {
      await page.setOfflineMode(false);
      const paused = await eventually('the pause', async () => {
        const s = await status(page);
        return s.paused === 'auth' ? s : false;
      });
      assert.equal(paused.pending.length, 1, 'the record waits');
      assert.equal(paused.failed.length, 0, 'nothing is rejected');
      assert.equal(paused.pending[0]?.error?.code, 'unauthorized');
      await sleep(1500);   // a timer wake-up later, still paused, still not rejected
      assert.equal((await status(page)).failed.length, 0);
      const fresh = await world.token();
      await page.evaluate(async (t) => {
        window.fg.token = t;
        await window.fg.client.offline.sync();
      }, fresh);
      await eventually('the record on the server', async () => (await world.data.get('hazards', id)) !== null);
      const resumed = await status(page);
      assert.equal(resumed.paused, null);
      assert.equal(resumed.pending.length, 0);
    } finally {
      world.clock.ms -= 3600_000;
    }
    await page.browserContext().close();
  });

  it('gives a clear error and keeps the draft when the browser has no storage left', async () => {
    const context = await browser.createBrowserContext();
    const page = await context.newPage();
    const cdp = await page.createCDPSession();
    // Before the origin first uses IndexedDB in this context, or the override is ignored.
    await cdp.send('Storage.overrideQuotaForOrigin', { origin: world.origin, quotaSize: 1 << 20 });
    await page.goto(`${world.origin}/?boot&db=quota&token=${await world.token()}`);
    await page.waitForFunction(ready);
    const result = await page.evaluate(async () => {
      const { client } = window.fg;
      const draft = window.fg.hazard({ title: 'Small draft' });
      await client.drafts.save('hazards', draft);
      // Incompressible: Chromium compresses what it stores, so repeated text would still fit.
      const chunks: string[] = [];
      for (let i = 0; i < 48; i++) {
        const bytes = crypto.getRandomValues(new Uint8Array(65536));
        chunks.push(btoa(String.fromCharCode(...bytes)));
      }
      const error = await window.fg.fail(client.drafts.save('hazards', { ...draft, description: chunks.join('') }));
      const kept = await client.drafts.get('hazards', draft.id);
      return { id: draft.id, error, keptTitle: kept?.title, keptLength: kept?.description?.length };
    });
    assert.equal(result.error?.code, 'storage');
    assert.match(result.error.message, /no storage left/);
    assert.equal(result.keptTitle, 'Small draft');
    assert.equal(result.keptLength, 0, 'the last saved version is kept');
    await page.reload();
    await page.waitForFunction(ready);
    const afterReload = await page.evaluate((id) => window.fg.client.drafts.get('hazards', id), result.id);
    assert.equal(afterReload?.title, 'Small draft');
    await context.close();
  });

  it('lets one tab edit a draft at a time', async () => {
    const context = await browser.createBrowserContext();
    const url = `${world.origin}/?boot&db=tabs&token=${await world.token()}`;
    const [one, two] = [await context.newPage(), await context.newPage()];
    for (const p of [one, two]) {
      await p.goto(url);
      await p.waitForFunction(ready);
    }
    const id = await one.evaluate(async () => {
      const draft = window.fg.hazard({ title: 'Open in tab one' });
      await window.fg.client.drafts.save('hazards', draft);
      window.fg.locks[draft.id] = await window.fg.client.offline.lockDraft('hazards', draft.id);
      return window.fg.locks[draft.id]!.acquired ? draft.id : '';
    });
    assert.notEqual(id, '', 'tab one holds the draft');
    const inTwo = await two.evaluate(async (draftId) => {
      const { client } = window.fg;
      const lock = await client.offline.lockDraft('hazards', draftId);
      const draft = await client.drafts.get('hazards', draftId);
      const error = await window.fg.fail(client.drafts.save('hazards', { ...draft!, title: 'Edited in tab two' }));
      return { acquired: lock.acquired, error };
    }, id);
    assert.equal(inTwo.acquired, false);
    assert.equal(inTwo.error?.code, 'conflict');
    assert.match(inTwo.error.message, /another tab/);
    await one.close();   // closing the tab lets go of the draft
    const later = await two.evaluate(async (draftId) => {
      const lock = await window.fg.client.offline.lockDraft('hazards', draftId, { wait: true });
      return lock.acquired;
    }, id);
    assert.equal(later, true);
    await context.close();
  });

  it('gives a typed error naming the field when the host returns malformed data', async () => {
    const page = await openPage(browser, `${world.origin}/?boot&db=malformed&token=${await world.token()}`);
    const id = await page.evaluate(async () => {
      const record = window.fg.hazard({ title: 'Will come back damaged' });
      await window.fg.client.submit('hazards', record);
      await window.fg.client.offline.sync();
      return record.id;
    });
    await eventually('the record on the server', async () => (await world.data.get('hazards', id)) !== null);
    world.proxy.malform = true;
    try {
      const error = await page.evaluate(async (hazardId) => {
        // A fresh client: the first one has the record cached from its own write.
        const fresh = window.fg.start('reader');
        return window.fg.fail(fresh.data.get('hazards', hazardId));
      }, id);
      assert.equal(error?.code, 'host-response');
      assert.ok(error.issues.some((i) => i.path === 'photos[0].sha256'), 'the issue names the field');
      assert.match(error.message, /photos\[0\]\.sha256/);
    } finally {
      world.proxy.malform = false;
    }
    await page.browserContext().close();
  });

  it('degrades on a plain-http intranet (no Web Locks, no Web Crypto), reports it, and still sends with photos', async () => {
    const page = await openPage(browser, `http://${INSECURE_HOST}:${world.port}/?boot&db=insecure&token=${await world.token()}`);
    const result = await page.evaluate(async () => {
      const { client } = window.fg;
      const photo = await client.offline.addPhoto(await window.fg.photo(7));
      const record = window.fg.hazard({ title: 'From the intranet', photos: [photo] });
      await client.submit('hazards', record);
      const s = await client.offline.sync();
      return { secure: isSecureContext, id: record.id, sha256: photo.sha256, mode: s.mode, locks: s.locks, digest: s.digest, reasons: s.degradedBecause, pending: s.pending.length };
    });
    assert.equal(result.secure, false);
    assert.equal(result.mode, 'degraded');
    assert.equal(result.locks, 'broadcast-channel');
    assert.equal(result.digest, 'javascript');
    assert.ok(result.reasons.some((r) => r.includes('insecure context')));
    const stored = await eventually('the record on the server', async () => (await world.data.get('hazards', result.id)) ?? undefined);
    // The server checked the JavaScript digest against the bytes (Content-Digest).
    assert.equal(stored.photos[0]?.sha256, result.sha256);
    await page.browserContext().close();
  });
});
