// Plays the vendor's platform around the examples a vendor copies (README.md, "Examples"): one
// reference backend seeded with the demo street behind a same-origin dev proxy at /api, a
// stand-in for the platform's sign-in at /token, and each example built once and served at
// /<name>/ under the strict CSP the elements promise:
//   dingtalk, wechat, gov-blue   bundled by esbuild from their main.ts
//   react, vue                   built by Vite with the example's own vite.config.ts
//
//   npm run examples                         (from the sources, no build needed)
//   npm run build && node examples/tools/serve.mjs  (from the built packages, as a vendor installs them)
//   … [--port 5174] [--only react,vue]
//
// Open the printed URLs; `?user=zhaojianguo` signs in as the supervisor, `?user=wangwei` (default)
// as a grid worker. Ctrl+C stops it and removes the temporary data folder.
import { createServer, request } from 'node:http';
import { mkdtempSync, readFileSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { extname, join, relative } from 'node:path';
import { randomBytes } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import { DEMO_USERS, seedDemo, signToken, startServer } from '@firegrid/server';

const here = fileURLToPath(new URL('..', import.meta.url)); // examples/
const csp = (connect = '') => `default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' blob: data:; connect-src 'self'${connect && ` ${connect}`}`;
const TYPES = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript; charset=utf-8', '.css': 'text/css; charset=utf-8', '.svg': 'image/svg+xml' };

/** The examples, what builds each, and what it shows (the README's index says the same). */
export const EXAMPLES = {
  // The chosen photos' local paths are read with fetch: the page's connect-src allows the scheme the
  // container serves them on (blob: here, for the stand-in; your container's own in DingTalk).
  dingtalk: { bundler: 'esbuild', connect: 'blob:', title: '钉钉 / 浙政钉 micro-app: dd.device.geolocation.get (GCJ-02) and biz.util.chooseImage' },
  wechat: { bundler: 'esbuild', title: 'WeChat H5 page: wx.getLocation, wx.chooseImage and wx.getLocalImgData (iOS and Android)' },
  'gov-blue': { bundler: 'esbuild', title: 'the government-blue theme and a page layout, through --fg-* tokens and ::part only' },
  react: { bundler: 'vite', title: 'React 19: @lit/react wrappers with typed props and event callbacks' },
  vue: { bundler: 'vite', title: 'Vue 3: isCustomElement, the .client binding and @fg-… listeners' },
};

const themeCss = () => readFileSync(fileURLToPath(import.meta.resolve('@firegrid/elements/themes/government-blue.css')));

/** Every file under `dir`, by its path relative to it. */
function readTree(dir, base = dir, out = new Map()) {
  for (const name of readdirSync(dir)) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) readTree(p, base, out);
    else out.set(relative(base, p).split('\\').join('/'), readFileSync(p));
  }
  return out;
}

/** Builds one example into a map of file name → bytes. */
async function buildExample(name, source) {
  const dir = join(here, name);
  if (EXAMPLES[name].bundler === 'esbuild') {
    const { build } = await import('esbuild');
    const out = await build({
      entryPoints: [join(dir, 'main.ts')], bundle: true, splitting: true, format: 'esm', minify: true,
      target: 'es2021', outdir: '/', write: false, logLevel: 'silent', ...(source && { conditions: ['source'] }),
    });
    const files = new Map(out.outputFiles.map((f) => [f.path.replace(/^.*[\\/]/, ''), f.contents]));
    for (const f of readdirSync(dir)) if (f.endsWith('.html') || f.endsWith('.css')) files.set(f, readFileSync(join(dir, f)));
    // The theme, as a vendor serves it from the installed package.
    files.set('government-blue.css', themeCss());
    return files;
  }
  const { build, defaultClientConditions } = await import('vite');
  const outDir = mkdtempSync(join(tmpdir(), `firegrid-example-${name}-`));
  try {
    await build({
      root: dir, configFile: join(dir, 'vite.config.ts'), base: `/${name}/`, logLevel: 'warn',
      // bundlerTimings off: Rolldown's "callbacks ran for …" note would print on every build.
      build: { outDir, emptyOutDir: true, rolldownOptions: { checks: { bundlerTimings: false } } },
      ...(source && { resolve: { conditions: ['source', ...defaultClientConditions] } }),
    });
    return readTree(outDir);
  } finally {
    rmSync(outDir, { recursive: true, force: true });
  }
}

/**
 * Starts the examples: builds each once, then serves them; returns the base URL and a `close()`.
 * @param {{ port?: number, only?: string[], source?: boolean }} [options] `source`: build from the
 *   packages' TypeScript sources (the `source` export condition) instead of their `dist`; by default
 *   when Node itself runs with `--conditions=source`.
 */
export async function serveExamples({ port = 5174, only, source = process.execArgv.some((a) => a.includes('conditions=source')) } = {}) {
  const names = only ?? Object.keys(EXAMPLES);
  for (const n of names) if (!(n in EXAMPLES)) throw new Error(`no example named "${n}"; the examples are ${Object.keys(EXAMPLES).join(', ')}`);
  const dataDir = mkdtempSync(join(tmpdir(), 'firegrid-examples-'));
  const secret = randomBytes(32).toString('base64');
  seedDemo(dataDir);
  const api = await startServer({ port: 0, dataDir, secret, log: (message) => process.stderr.write(`${message}\n`) });
  /** @type {Map<string, Map<string, Uint8Array>>} */
  const built = new Map();
  try {
    for (const n of names) built.set(n, await buildExample(n, source));
  } catch (e) {
    await api.close();
    rmSync(dataDir, { recursive: true, force: true });
    throw e;
  }

  const server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    if (url.pathname.startsWith('/api/')) {
      // The dev proxy: same origin for the pages, so no CORS is needed.
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
    const [, name = '', ...rest] = url.pathname.split('/');
    const files = built.get(name);
    const key = rest.join('/') || 'index.html';
    const body = files?.get(key);
    if (!body) {
      if (url.pathname === '/') {
        const items = names.map((n) => `<li><a href="/${n}/">${n}</a> — ${EXAMPLES[n].title}</li>`).join('');
        res.writeHead(200, { 'content-type': TYPES['.html'], 'content-security-policy': csp() }).end(`<!doctype html><meta charset="utf-8"><title>Firegrid examples</title><h1>Firegrid examples</h1><ul>${items}</ul>`);
        return;
      }
      if (files && rest.length === 0) { res.writeHead(301, { location: `/${name}/` }).end(); return; }
      res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
      return;
    }
    res.writeHead(200, { 'content-type': TYPES[/** @type {'.js'} */ (extname(key))] ?? 'application/octet-stream', 'content-security-policy': csp(EXAMPLES[name].connect) });
    res.end(body);
  });
  await new Promise((resolve) => server.listen(port, '127.0.0.1', () => resolve(undefined)));
  const address = server.address();
  const url = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : port}/`;
  return {
    url,
    names,
    async close() {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(() => resolve(undefined)));
      await api.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const arg = (flag) => { const i = process.argv.indexOf(flag); return i > 0 ? process.argv[i + 1] : undefined; };
  const only = arg('--only')?.split(',');
  const port = arg('--port');
  const running = await serveExamples({ ...(port !== undefined && { port: Number(port) }), ...(only && { only }) });
  console.log(`Firegrid examples at ${running.url} (?user=zhaojianguo for the supervisor; Ctrl+C to stop):`);
  for (const n of running.names) console.log(`  ${running.url}${n}/   ${EXAMPLES[n].title}`);
  const stop = () => { void running.close().then(() => process.exit(0)); };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}
