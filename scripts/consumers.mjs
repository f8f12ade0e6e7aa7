// Gate step `consumers` (issue 13): a vendor's app, built from the packed tarballs by every bundler
// we support, works in Chromium. `npm pack`s @firegrid/core and @firegrid/elements from the built
// dist, installs them into a copy of tests/consumers/app with npm (from the cache), builds the app
// with Vite, Rollup, webpack and esbuild, and drives each build: every tag the library registers
// is defined once its chunks load, a hazard opens in the ledger and 核实 (verify) runs, the
// checklist and the report render, and the page logs no error. A bundler that drops a lazily
// imported registration (a `sideEffects` list that misses a module which defines tags on
// evaluation) fails here.
//
// Usage: node scripts/consumers.mjs [vite|rollup|webpack|esbuild …]   (needs `npx rollup -c` first)
import { cpSync, mkdirSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { createServer } from 'node:http';
import { dirname, extname, join, normalize, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { packedInstall } from './pack-lib.mjs';

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const appSource = join(repoRoot, 'tests', 'consumers', 'app');
const STEP_MS = 20_000;

/** Every bundler and how it builds `app` into `out` (each leaves an index.html there). */
const BUNDLERS = {
  async vite(app, out) {
    const { build } = await import('vite');
    await build({ root: app, configFile: false, logLevel: 'warn', base: '/', build: { outDir: out, emptyOutDir: true } });
  },
  async rollup(app, out) {
    const { rollup } = await import('rollup');
    const { nodeResolve } = await import('@rollup/plugin-node-resolve');
    const bundle = await rollup({ input: join(app, 'main.js'), plugins: [nodeResolve({ browser: true })], onwarn: () => undefined });
    await bundle.write({ dir: out, format: 'es', entryFileNames: 'main.js' });
    await bundle.close();
    cpSync(join(app, 'index.html'), join(out, 'index.html'));
  },
  async webpack(app, out) {
    const { default: webpack } = await import('webpack');
    const stats = await new Promise((ok, fail) => {
      webpack({
        // Production mode: sideEffects, usedExports and module concatenation on, as a vendor ships.
        // Only Terser is off: it costs most of the build's time and drops no module.
        mode: 'production', context: app, entry: './main.js', devtool: false, performance: { hints: false },
        optimization: { minimize: false },
        output: { path: out, filename: 'main.js', publicPath: '/', clean: true },
      }, (err, s) => (err ? fail(err) : ok(s)));
    });
    if (stats.hasErrors()) throw new Error(stats.toString({ all: false, errors: true }));
    cpSync(join(app, 'index.html'), join(out, 'index.html'));
  },
  async esbuild(app, out) {
    const { build } = await import('esbuild');
    await build({
      entryPoints: [join(app, 'main.js')], absWorkingDir: app, bundle: true, splitting: true, minify: true,
      format: 'esm', outdir: out, logLevel: 'silent',
    });
    cpSync(join(app, 'index.html'), join(out, 'index.html'));
  },
};

/** Every `.js` file under `dir`. */
const jsFiles = (dir) => readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
  e.isDirectory() ? jsFiles(join(dir, e.name)) : e.name.endsWith('.js') ? [join(dir, e.name)] : []);

/**
 * Tags the library registers: the public ones of the installed manifest, and every tag the
 * installed dist passes to `defineElement`/`customElements.define` (the ledger's internal ones).
 * @returns {{ publicTags: string[], all: string[] }}
 */
function libraryTags(app) {
  const pkg = join(app, 'node_modules', '@firegrid', 'elements');
  const manifest = JSON.parse(readFileSync(join(pkg, 'custom-elements.json'), 'utf8'));
  const publicTags = new Set();
  for (const mod of manifest.modules ?? []) {
    for (const d of mod.declarations ?? []) if (typeof d.tagName === 'string') publicTags.add(d.tagName);
  }
  const all = new Set(publicTags);
  for (const file of jsFiles(join(pkg, 'dist'))) {
    for (const m of readFileSync(file, 'utf8').matchAll(/(?:defineElement|customElements\.define)\(\s*['"]([a-z][a-z0-9]*-[a-z0-9-]+)['"]/g)) all.add(m[1]);
  }
  if (publicTags.size === 0) throw new Error('the installed custom-elements.json lists no tag: run `npm run analyze` before packing');
  return { publicTags: [...publicTags].sort(), all: [...all].sort() };
}

const TYPES = { '.html': 'text/html', '.js': 'text/javascript', '.css': 'text/css', '.json': 'application/json', '.svg': 'image/svg+xml' };

/** A static server for one folder on 127.0.0.1; resolves with its origin and a close(). */
function serve(root) {
  const server = createServer((req, res) => {
    const path = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
    const file = normalize(join(root, path === '/' ? 'index.html' : path));
    if (!file.startsWith(root + sep)) { res.writeHead(403).end(); return; }
    let body;
    try { body = statSync(file).isFile() ? readFileSync(file) : undefined; } catch { body = undefined; }
    if (body === undefined) { res.writeHead(404).end(); return; }
    res.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream', 'cache-control': 'no-store' }).end(body);
  });
  return new Promise((ok) => {
    server.listen(0, '127.0.0.1', () => {
      const { port } = /** @type {import('node:net').AddressInfo} */ (server.address());
      ok({
        origin: `http://127.0.0.1:${port}`,
        // The browser keeps idle keep-alive connections open; close them, or close() waits on them.
        close: () => new Promise((done) => { server.close(() => done()); server.closeAllConnections(); }),
      });
    });
  });
}

// Runs in the page: the first element under `root`, through open shadow roots, matching `sel`.
const DEEP = `(root, sel) => {
  const walk = (n) => {
    for (const el of n.querySelectorAll('*')) {
      if (el.matches(sel)) return el;
      if (el.shadowRoot) { const f = walk(el.shadowRoot); if (f) return f; }
    }
    return null;
  };
  return walk(root);
}`;

/** Drives one build; throws naming what did not happen. */
async function drive(browser, origin, tags) {
  const page = await browser.newPage();
  const errors = [];
  page.on('console', (m) => { if (m.type() === 'error') errors.push(`console: ${m.text()}`); });
  page.on('pageerror', (e) => { errors.push(`page error: ${e instanceof Error ? e.message : String(e)}`); });
  page.on('requestfailed', (r) => { errors.push(`request failed: ${r.url()} (${r.failure()?.errorText ?? '?'})`); });
  page.on('response', (r) => { if (r.status() >= 400) errors.push(`HTTP ${r.status()}: ${r.url()}`); });
  const step = async (what, fn, arg) => {
    try {
      await page.waitForFunction(fn, { timeout: STEP_MS, polling: 50 }, arg);
    } catch {
      throw new Error(`${what} did not happen within ${STEP_MS / 1000} s${errors.length ? `; the page logged:\n    ${errors.join('\n    ')}` : ''}`);
    }
  };
  const deep = `(${DEEP})`;
  try {
    await page.goto(`${origin}/`, { waitUntil: 'load' });
    const { publicTags, all } = tags;
    await step(`every public tag defined (${publicTags.join(', ')})`, (list) => list.every((t) => customElements.get(t) !== undefined) && 'consumer' in window, publicTags);
    await step('the ledger lists the seeded hazard', `(() => ${deep}(document, '[data-hazard="' + window.consumer.hazardId + '"]') !== null)()`);
    await page.evaluate(`${deep}(document, '[data-hazard="' + window.consumer.hazardId + '"]').click()`);
    await step('the hazard opens with a 核实 (verify) action', `(() => ${deep}(document, 'fg-hazard-detail') !== null && ${deep}(document, '[data-action="verify"]') !== null)()`);
    // The hazard's detail loaded the last lazy chunk that registers tags: now every tag is defined.
    const missing = await page.evaluate((list) => list.filter((t) => customElements.get(t) === undefined), all);
    if (missing.length > 0) throw new Error(`after the detail loaded, not defined: ${missing.join(', ')}`);
    await page.evaluate(`${deep}(document, '[data-action="verify"]').click()`);
    await step('the 核实 form opens', `(() => ${deep}(document, 'fg-hazard-transition-form') !== null && ${deep}(document, '#t-confirm') !== null)()`);
    await page.evaluate(`${deep}(document, '#t-confirm').click()`);
    await step('the transition is stored (fg-hazard-transitioned, status verified)', async () => window.consumer.transitioned.length > 0 && (await window.consumer.status()) === 'verified');
    await step('the checklist renders its items', `(() => ${deep}(document.getElementById('checklist').shadowRoot, '[data-item] input[type=radio]') !== null)()`);
    await step('the report renders its form', `(() => ${deep}(document.getElementById('report').shadowRoot, 'form') !== null)()`);
    // Anything logged late (a rejected lazy import) surfaces before the verdict.
    await new Promise((r) => setTimeout(r, 200));
    if (errors.length > 0) throw new Error(`the page logged errors:\n    ${errors.join('\n    ')}`);
  } finally {
    await page.close();
  }
}

const only = process.argv.slice(2);
for (const name of only) {
  if (!(name in BUNDLERS)) { console.error(`consumers: unknown bundler ${name}; one of ${Object.keys(BUNDLERS).join(', ')}`); process.exit(2); }
}
const chosen = Object.keys(BUNDLERS).filter((b) => only.length === 0 || only.includes(b));
const t0 = Date.now();
const secs = (t) => `${((Date.now() - t) / 1000).toFixed(1)} s`;

let installed;
let browser;
const results = [];
try {
  installed = packedInstall({ prefix: 'firegrid-consumers-' });
  const app = installed.app;
  for (const f of readdirSync(appSource)) cpSync(join(appSource, f), join(app, f), { recursive: true });
  console.log(`consumers: packed and installed @firegrid/core, @firegrid/elements (${secs(t0)})`);
  const tags = libraryTags(app);
  console.log(`consumers: the library registers ${tags.all.join(', ')}`);
  const { launch } = await import('puppeteer-core');
  browser = await launch({
    executablePath: process.env.CHROME_PATH ?? '/usr/bin/chromium', headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--disable-background-networking', '--no-first-run'],
  });
  for (const name of chosen) {
    const out = join(installed.dir, `out-${name}`);
    mkdirSync(out, { recursive: true });
    const tb = Date.now();
    try {
      await BUNDLERS[name](app, out);
    } catch (err) {
      results.push({ name, ok: false, why: `build failed: ${err instanceof Error ? err.message : String(err)}` });
      continue;
    }
    const built = secs(tb);
    const td = Date.now();
    const server = await serve(out);
    try {
      await drive(browser, server.origin, tags);
      results.push({ name, ok: true, why: `built in ${built}, driven in ${secs(td)}` });
    } catch (err) {
      results.push({ name, ok: false, why: err instanceof Error ? err.message : String(err) });
    } finally {
      await server.close();
    }
  }
} catch (err) {
  console.error(`consumers: ${err instanceof Error ? err.message : String(err)}`);
  process.exitCode = 1;
} finally {
  const tc = Date.now();
  await browser?.close();
  installed?.dispose();
  console.log(`consumers: closed the browser and removed the temp folder (${secs(tc)})`);
}

for (const r of results) console.log(`  ${r.ok ? '✔' : '✖'} ${r.name}: ${r.why}`);
// One check per bundler, counted by the gate's closing line.
console.log(`${results.filter((r) => r.ok).length} passed, ${chosen.length - results.filter((r) => r.ok).length} failed`);
const failed = results.filter((r) => !r.ok).length + (process.exitCode ? 1 : 0);
if (failed === 0 && results.length > 0) console.log(`consumers: ${results.length} bundler(s) ok in ${secs(t0)}`);
else {
  console.error(`consumers: ${results.filter((r) => !r.ok).map((r) => r.name).join(', ') || 'setup'} failed (${secs(t0)})`);
  process.exitCode = 1;
}
