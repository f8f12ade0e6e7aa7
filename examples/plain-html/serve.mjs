// Plays the vendor's platform around examples/plain-html: the reference backend (seeded with the
// demo data set) behind a same-origin dev proxy at /api, a stand-in for the platform's sign-in at
// /token, and the page bundled by esbuild, all served under the strict CSP the elements promise.
//
//   npm run build && node examples/plain-html/serve.mjs [--port 0]
//
// Open the printed URL; `?user=wangwei` signs in as a grid worker, `?user=zhaojianguo` (default)
// as the supervisor. Ctrl+C stops it and removes the temporary data folder.
import { createServer, request } from 'node:http';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { extname, join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { DEMO_USERS, seedDemo, signToken, startServer } from '@firegrid/server';

const here = fileURLToPath(new URL('.', import.meta.url));
const CSP = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' blob: data:; connect-src 'self'";
const TYPES = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript; charset=utf-8', '.css': 'text/css; charset=utf-8' };

/**
 * Starts the example: returns its URL and a `close()`.
 * @param {{ port?: number }} [options]
 */
export async function serveExample({ port = 5174 } = {}) {
  const dataDir = mkdtempSync(join(tmpdir(), 'firegrid-plain-html-'));
  const secret = randomBytes(32).toString('base64');
  seedDemo(dataDir);
  const api = await startServer({ port: 0, dataDir, secret, log: (message) => process.stderr.write(`${message}\n`) });

  const out = await build({
    entryPoints: [join(here, 'main.js')], bundle: true, splitting: true, format: 'esm', minify: true,
    target: 'es2021', outdir: '/', write: false, logLevel: 'silent',
  });
  /** @type {Map<string, Uint8Array>} */
  const files = new Map(out.outputFiles.map((f) => [f.path.replace(/^.*[\\/]/, ''), f.contents]));
  for (const name of ['index.html', 'page.css']) files.set(name, readFileSync(join(here, name)));
  // The theme, as a vendor serves it from the installed package.
  files.set('government-blue.css', readFileSync(fileURLToPath(import.meta.resolve('@firegrid/elements/themes/government-blue.css'))));

  const server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    if (url.pathname.startsWith('/api/')) {
      // The dev proxy: same origin for the page, so no CORS is needed.
      const upstream = request(`${api.url}${url.pathname.slice(4)}${url.search}`, { method: req.method, headers: req.headers }, (r) => {
        res.writeHead(r.statusCode ?? 502, r.headers);
        r.pipe(res);
      });
      upstream.on('error', () => res.writeHead(502).end());
      req.pipe(upstream);
      return;
    }
    if (url.pathname === '/token') {
      // A stand-in for your platform's sign-in: a token for one of the demo users.
      const user = DEMO_USERS.find((u) => u.user === url.searchParams.get('user'));
      if (!user) { res.writeHead(404, { 'content-type': 'text/plain' }).end('unknown demo user'); return; }
      signToken({ secret, tenant: 'demo', user: user.user, name: user.name, roles: user.roles, scope: user.scope }).then(
        (token) => res.writeHead(200, { 'content-type': 'text/plain', 'cache-control': 'no-store' }).end(token),
        () => res.writeHead(500).end(),
      );
      return;
    }
    const name = url.pathname === '/' ? 'index.html' : url.pathname.slice(1);
    const body = files.get(name);
    if (!body) { res.writeHead(404, { 'content-type': 'text/plain' }).end('not found'); return; }
    res.writeHead(200, { 'content-type': TYPES[/** @type {'.js'} */ (extname(name))] ?? 'application/octet-stream', 'content-security-policy': CSP });
    res.end(body);
  });
  await new Promise((resolve) => server.listen(port, '127.0.0.1', () => resolve(undefined)));
  const address = server.address();
  const url = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : port}/`;
  return {
    url,
    async close() {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(() => resolve(undefined)));
      await api.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const i = process.argv.indexOf('--port');
  const example = await serveExample(i > 0 ? { port: Number(process.argv[i + 1]) } : {});
  console.log(`Firegrid plain-HTML example: ${example.url}   (?user=wangwei for a grid worker; Ctrl+C to stop)`);
  const stop = () => { void example.close().then(() => process.exit(0)); };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}
