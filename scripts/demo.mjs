// `npm start`: the demo grid app (examples/grid-app) on the reference server, on one origin.
//
//   npm start                  # http://localhost:5173/ (the next free port when 5173 is taken)
//   PORT=8080 npm start        # that port or a clear error; PORT=0 picks any free port
//   npm start -- --data .demo  # keep the data in ./.demo between runs (seeded once)
//
// It seeds the demo data set into an embedded SQLite database (a temporary folder, removed on
// Ctrl+C, unless --data names one), starts @firegrid/server with its dev-only sign-in, bundles the
// app from the workspace sources with esbuild, and serves both from one origin: the app at `/`
// under the strict CSP the elements promise (DESIGN §6), the server behind `/api`. Run through
// tsx with the `source` condition (see package.json), so nothing else needs building.
import { createServer, request } from 'node:http';
import { mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { extname, join, resolve } from 'node:path';
import { createHash, randomBytes } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { DEMO_ORG_UNITS, DEMO_TENANT, DEMO_USERS, seedDemo, startServer } from '@firegrid/server';

const appDir = fileURLToPath(new URL('../examples/grid-app/', import.meta.url));
/** The port `npm start` tries first. */
export const DEFAULT_PORT = 5173;
const CSP = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' blob: data:; connect-src 'self'";
const TYPES = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript; charset=utf-8', '.css': 'text/css; charset=utf-8' };

/** The app's files, bundled in memory from the workspace sources: name → bytes. */
async function bundleApp() {
  const out = await build({
    entryPoints: [join(appDir, 'main.ts')], bundle: true, splitting: true, format: 'esm', minify: true,
    target: 'es2021', conditions: ['source'], outdir: '/', write: false, logLevel: 'silent',
  });
  /** @type {Map<string, Uint8Array>} */
  const files = new Map(out.outputFiles.map((f) => [f.path.replace(/^.*[\\/]/, ''), f.contents]));
  for (const name of ['index.html', 'page.css']) files.set(name, readFileSync(join(appDir, name)));
  // The government-blue theme of @firegrid/elements (design tokens only), as a vendor links it.
  files.set('government-blue.css', readFileSync(fileURLToPath(new URL('../packages/elements/themes/government-blue.css', import.meta.url))));
  files.set('sw.js', await buildServiceWorker(files));
  return files;
}

/**
 * The service worker (examples/grid-app/sw.ts) with the shell it caches: every file of the app
 * (the page as `/`), and a version hashed from their bytes, so a new build is a new cache.
 * @param {Map<string, Uint8Array>} files
 */
async function buildServiceWorker(files) {
  const hash = createHash('sha256');
  const shell = [...files.keys()].sort().map((name) => {
    hash.update(name).update(files.get(name) ?? new Uint8Array());
    return name === 'index.html' ? '/' : `/${name}`;
  });
  const out = await build({
    entryPoints: [join(appDir, 'sw.ts')], bundle: true, format: 'esm', minify: true, target: 'es2021', write: false,
    logLevel: 'silent',
    define: { FIREGRID_SHELL: JSON.stringify(shell), FIREGRID_SHELL_VERSION: JSON.stringify(hash.digest('hex').slice(0, 16)) },
  });
  return out.outputFiles[0].contents;
}

/**
 * Listens on `port`; when it is taken and `fallback` is set, on any free port instead.
 * @param {import('node:http').Server} server
 * @returns {Promise<number>} the port it listens on
 */
function listen(server, port, fallback) {
  return new Promise((done, fail) => {
    const onError = (/** @type {NodeJS.ErrnoException} */ e) => {
      if (e.code === 'EADDRINUSE' && fallback) {
        server.listen(0, '127.0.0.1');
        return;
      }
      server.off('listening', onListening);
      fail(e);
    };
    const onListening = () => {
      server.off('error', onError);
      const a = server.address();
      done(typeof a === 'object' && a ? a.port : port);
    };
    server.on('error', onError);
    server.once('listening', onListening);
    server.listen(port, '127.0.0.1');
  });
}

/**
 * Starts the demo: the seeded reference server and the app on one origin.
 * @param {{ port?: number, strictPort?: boolean, dataDir?: string, log?: (line: string) => void }} [options]
 *   `port`: where to listen (5173 by default; 0 = any free port); `strictPort`: fail when it is
 *   taken instead of taking a free one; `dataDir`: keep the database there (a temporary folder,
 *   removed by `close()`, by default); `log`: where the server's errors go.
 * @returns {Promise<{ url: string, port: number, dataDir: string, fellBack: boolean, close(): Promise<void> }>}
 */
export async function startDemo({ port = DEFAULT_PORT, strictPort = false, dataDir, log } = {}) {
  const temporary = dataDir === undefined;
  const dir = temporary ? mkdtempSync(join(tmpdir(), 'firegrid-demo-')) : resolve(dataDir);
  mkdirSync(dir, { recursive: true });
  const stop = [];
  const close = async () => {
    for (const s of stop.reverse()) await s();
    if (temporary) rmSync(dir, { recursive: true, force: true });
  };
  try {
    seedDemo(dir);
    // A secret for this run only: tokens die with the demo. The page never sees it.
    const secret = randomBytes(32).toString('base64url');
    const api = await startServer({
      port: 0, dataDir: dir, secret, devSignIn: { tenant: DEMO_TENANT, users: DEMO_USERS, orgUnits: DEMO_ORG_UNITS },
      log: log ?? ((message) => process.stderr.write(`${message}\n`)),
    });
    stop.push(() => api.close());
    const files = await bundleApp();

    const server = createServer((req, res) => {
      const url = new URL(req.url ?? '/', 'http://localhost');
      if (url.pathname.startsWith('/api/')) {
        // The reference server on the app's own origin: no CORS, and the same CSP `connect-src 'self'`.
        const upstream = request(`${api.url}${url.pathname.slice(4)}${url.search}`, { method: req.method, headers: req.headers }, (r) => {
          res.writeHead(r.statusCode ?? 502, r.headers);
          r.pipe(res);
        });
        upstream.on('error', () => { if (!res.headersSent) res.writeHead(502, { 'content-type': 'text/plain' }).end('the reference server is not answering'); });
        req.pipe(upstream);
        return;
      }
      const name = url.pathname === '/' ? 'index.html' : url.pathname.slice(1);
      const body = files.get(name);
      if (!body) {
        res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' }).end(`not found: ${url.pathname}`);
        return;
      }
      res.writeHead(200, {
        'content-type': TYPES[/** @type {'.js'} */ (extname(name))] ?? 'application/octet-stream',
        'content-security-policy': CSP,
        'x-content-type-options': 'nosniff',
        // The page and the service worker are checked on every load; the rest is cached by the worker.
        'cache-control': name === 'index.html' || name === 'sw.js' ? 'no-cache' : 'public, max-age=3600',
      });
      res.end(body);
    });
    stop.push(() => new Promise((done) => { server.closeAllConnections(); server.close(() => done(undefined)); }));
    const actual = await listen(server, port, !strictPort && port !== 0);
    return { url: `http://127.0.0.1:${actual}/`, port: actual, dataDir: dir, fellBack: actual !== port && port !== 0, close };
  } catch (e) {
    await close();
    throw e;
  }
}

if (process.argv[1] && fileURLToPath(import.meta.url) === resolve(process.argv[1])) {
  const i = process.argv.indexOf('--data');
  const dataDir = i > 0 ? process.argv[i + 1] : undefined;
  const fromEnv = process.env.PORT !== undefined && process.env.PORT !== '';
  const port = fromEnv ? Number(process.env.PORT) : DEFAULT_PORT;
  if (!Number.isInteger(port) || port < 0 || port > 65_535) {
    console.error(`PORT must be a port number (0–65535; 0 = any free port); got ${String(process.env.PORT)}`);
    process.exit(2);
  }
  process.stderr.write('Seeding the demo data, starting the reference server and bundling the app…\n');
  let demo;
  try {
    demo = await startDemo({ port, strictPort: fromEnv, dataDir });
  } catch (e) {
    if (e instanceof Error && 'code' in e && e.code === 'EADDRINUSE') {
      console.error(`Port ${port} (from PORT) is in use. Choose another, e.g. PORT=${port + 1} npm start, or PORT=0 npm start for any free port.`);
      process.exit(1);
    }
    throw e;
  }
  if (demo.fellBack) console.log(`Port ${DEFAULT_PORT} is in use, so the demo took port ${demo.port} (set PORT to choose one).`);
  console.log(`Firegrid demo grid app: ${demo.url}   (Ctrl+C to stop)`);
  console.log('  Sign in as 王伟 (网格员) for the worker\'s phone app, as 赵建国 (网格长) for the 综治中心 desk.');
  console.log(`  Data: ${demo.dataDir}${dataDir === undefined ? ' (temporary, removed on exit; --data DIR keeps it)' : ''}`);
  console.log('  The sign-in is the reference server\'s dev-only token endpoint (firegrid-server --dev): never in production.');
  const stop = () => { void demo.close().then(() => process.exit(0)); };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}
