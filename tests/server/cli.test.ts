/**
 * The `firegrid-server` command, run from its source through tsx (nothing is built): token,
 * start, refusing to start without a secret, --dev, seed. A started server runs in its own
 * process group, killed as a group, so no grandchild outlives the test.
 */
import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { after, describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { signToken, verifyToken } from '@firegrid/server';
import { SECRET } from './helpers.js';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const CLI = join(ROOT, 'packages', 'server', 'src', 'cli.ts');
const NODE_ARGS = ['--import', 'tsx', '--conditions=source', CLI];

/** The environment without a secret (the test runner's own may have one). */
function env(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  const e: NodeJS.ProcessEnv = { ...process.env, ...extra };
  if (!('FIREGRID_SECRET' in extra)) delete e.FIREGRID_SECRET;
  delete e.FIREGRID_CORS_ORIGINS;
  return e;
}

function run(args: string[], extra: Record<string, string> = {}): { status: number | null; stdout: string; stderr: string } {
  const r = spawnSync(process.execPath, [...NODE_ARGS, ...args], { cwd: ROOT, env: env(extra), encoding: 'utf8', timeout: 60_000 });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

const started: ChildProcess[] = [];

/** Starts the server detached; resolves with its URL and everything it printed before it. */
function start(args: string[], extra: Record<string, string> = {}): Promise<{ url: string; output: string; child: ChildProcess }> {
  const child = spawn(process.execPath, [...NODE_ARGS, ...args], { cwd: ROOT, env: env(extra), detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
  started.push(child);
  return new Promise((done, fail) => {
    let output = '';
    const timer = setTimeout(() => {
      fail(new Error(`no URL printed within 30 s; output: ${output}`));
    }, 30_000);
    const read = (chunk: Buffer): void => {
      output += chunk.toString('utf8');
      const m = /listening on (http:\/\/\S+)/.exec(output);
      if (m?.[1] !== undefined) {
        clearTimeout(timer);
        done({ url: m[1], output, child });
      }
    };
    child.stdout.on('data', read);
    child.stderr.on('data', read);
    child.on('exit', (code) => {
      clearTimeout(timer);
      fail(new Error(`exited with ${String(code)} before printing a URL: ${output}`));
    });
  });
}

function stop(child: ChildProcess): Promise<void> {
  return new Promise((done) => {
    if (child.exitCode !== null || child.pid === undefined) {
      done();
      return;
    }
    child.once('exit', () => {
      done();
    });
    process.kill(-child.pid, 'SIGTERM');
  });
}

describe('firegrid-server CLI', () => {
  const dirs: string[] = [];
  const tempDir = (): string => {
    const d = mkdtempSync(join(tmpdir(), 'firegrid-cli-'));
    dirs.push(d);
    return d;
  };
  after(async () => {
    for (const child of started) await stop(child);
    for (const d of dirs) rmSync(d, { recursive: true, force: true });
  });

  it('--version and --help', () => {
    const v = run(['--version']);
    assert.equal(v.status, 0);
    assert.match(v.stdout, /^firegrid-server \d+\.\d+\.\d+ \(node v\d+/);
    const h = run(['--help']);
    assert.equal(h.status, 0);
    assert.match(h.stdout, /firegrid-server token --tenant T --user U --roles/);
  });

  it('token prints a token the server accepts, with comma-separated roles and scope *', async () => {
    const r = run(['token', '--tenant', 'demo', '--user', 'wangwei', '--roles', 'grid-worker,captain', '--scope', '*', '--name', '王伟', '--ttl', '2h'],
      { FIREGRID_SECRET: SECRET });
    assert.equal(r.status, 0, r.stderr);
    const token = r.stdout.trim();
    assert.match(token, /^[\w-]+\.[\w-]+\.[\w-]+$/);
    assert.deepEqual(await verifyToken(token, SECRET), { tenant: 'demo', user: 'wangwei', name: '王伟', roles: ['grid-worker', 'captain'], scope: ['*'] });
    // Every token expires (the server refuses one without exp): --ttl 2h is 7,200 s after iat.
    const claims = JSON.parse(Buffer.from(token.split('.')[1] ?? '', 'base64url').toString('utf8')) as { iat?: number; exp?: number };
    assert.equal(typeof claims.exp, 'number');
    assert.equal((claims.exp ?? 0) - (claims.iat ?? 0), 7200);
  });

  it('token refuses to sign without FIREGRID_SECRET, and with an unknown role (exit 2)', () => {
    const none = run(['token', '--tenant', 't', '--user', 'u', '--roles', 'admin', '--scope', '*']);
    assert.equal(none.status, 2);
    assert.match(none.stderr, /FIREGRID_SECRET/);
    const role = run(['token', '--tenant', 't', '--user', 'u', '--roles', 'mayor', '--scope', '*'], { FIREGRID_SECRET: SECRET });
    assert.equal(role.status, 2);
    assert.match(role.stderr, /unknown role mayor/);
    const flag = run(['token', '--tenant', 't', '--colour', 'red'], { FIREGRID_SECRET: SECRET });
    assert.equal(flag.status, 2);
  });

  it('refuses to start without a secret, naming FIREGRID_SECRET and --dev (exit 2)', () => {
    const r = run(['--port', '0', '--data', tempDir()]);
    assert.equal(r.status, 2);
    assert.match(r.stderr, /FIREGRID_SECRET/);
    assert.match(r.stderr, /--dev/);
    const short = run(['--port', '0', '--data', tempDir()], { FIREGRID_SECRET: 'short' });
    assert.equal(short.status, 2);
    assert.match(short.stderr, /at least 32/);
  });

  it('starts, prints its URL and serves the API with the secret from the environment', async () => {
    const { url, child } = await start(['--port', '0', '--data', tempDir(), '--cors-origin', 'https://a.example'], { FIREGRID_SECRET: SECRET });
    assert.match(url, /^http:\/\/127\.0\.0\.1:\d+$/);
    const health = await fetch(`${url}/v1/health`);
    assert.equal(health.status, 200);
    const token = await signToken({ secret: SECRET, tenant: 't', user: 'u', roles: ['admin'], scope: ['*'] });
    const list = await fetch(`${url}/v1/hazards`, { headers: { authorization: `Bearer ${token}`, origin: 'https://a.example' } });
    assert.equal(list.status, 200);
    assert.equal(list.headers.get('access-control-allow-origin'), 'https://a.example');
    // The dev-only sign-in does not exist without --dev.
    assert.equal((await fetch(`${url}/dev/users`)).status, 404);
    const noDev = await fetch(`${url}/dev/token`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"user":"wangwei"}' });
    assert.equal(noDev.status, 404);
    assert.equal(noDev.headers.get('x-firegrid-dev-only'), null);
    await stop(child);
    assert.equal(child.exitCode, 0, 'SIGTERM stops it cleanly');
  });

  it('--dev makes a secret, prints it, and accepts tokens signed with it', async () => {
    const { url, output, child } = await start(['--dev', '--port', '0', '--data', tempDir()]);
    const secret = /FIREGRID_SECRET=(\S+)/.exec(output)?.[1];
    assert.ok(secret !== undefined && secret.length >= 32, output);
    const token = await signToken({ secret, tenant: 't', user: 'u', roles: ['admin'], scope: ['*'] });
    assert.equal((await fetch(`${url}/v1/places`, { headers: { authorization: `Bearer ${token}` } })).status, 200);
    const wrong = await signToken({ secret: SECRET, tenant: 't', user: 'u', roles: ['admin'], scope: ['*'] });
    assert.equal((await fetch(`${url}/v1/places`, { headers: { authorization: `Bearer ${wrong}` } })).status, 401);
    assert.match(output, /Never use --dev in production/);
    await stop(child);
  });

  it('--dev opens the dev-only sign-in: the demo users, and a real token for one, each answer marked dev-only', async () => {
    const { url, child } = await start(['--dev', '--port', '0', '--data', tempDir()]);
    const users = await fetch(`${url}/dev/users`);
    assert.equal(users.status, 200);
    assert.equal(users.headers.get('x-firegrid-dev-only'), 'true');
    const list = (await users.json()) as { dev: boolean; notice: string; tenant: string; users: { user: string; name: string; roles: string[] }[]; orgUnits: { code: string; name: string }[] };
    assert.equal(list.dev, true);
    assert.match(list.notice, /--dev/);
    assert.equal(list.tenant, 'demo');
    assert.deepEqual(list.users.find((u) => u.user === 'wangwei'), { user: 'wangwei', name: '王伟', roles: ['grid-worker'], scope: ['140105004001'] });
    assert.equal(list.orgUnits.find((o) => o.code === '140105004001001')?.name, '府东第一网格', 'the org units name the scopes and grids');
    const res = await fetch(`${url}/dev/token`, { method: 'POST', headers: { 'content-type': 'application/json', 'accept-language': 'en' }, body: '{"user":"wangwei"}' });
    assert.equal(res.status, 200);
    assert.equal(res.headers.get('x-firegrid-dev-only'), 'true');
    const body = (await res.json()) as { dev: boolean; notice: string; token: string };
    assert.equal(body.dev, true);
    assert.match(body.notice, /Dev only/);
    assert.equal((await fetch(`${url}/v1/places`, { headers: { authorization: `Bearer ${body.token}` } })).status, 200, 'the token is real');
    const unknown = await fetch(`${url}/dev/token`, { method: 'POST', headers: { 'content-type': 'application/json', 'accept-language': 'en' }, body: '{"user":"mallory"}' });
    assert.equal(unknown.status, 404);
    assert.match(((await unknown.json()) as { detail: string }).detail, /no user mallory.*wangwei/);
    // A form post (no JSON type) gets no token: a page elsewhere cannot sign a visitor in.
    assert.equal((await fetch(`${url}/dev/token`, { method: 'POST', body: 'user=wangwei', headers: { 'content-type': 'application/x-www-form-urlencoded' } })).status, 415);
    await stop(child);
  });

  it('seed loads the demo into a data folder that the server then serves', async () => {
    const dir = tempDir();
    const r = run(['seed', '--data', dir]);
    assert.equal(r.status, 0, r.stderr);
    assert.match(r.stdout, /24 hazards/);
    const again = run(['seed', '--data', dir]);
    assert.match(again.stdout, /nothing new/);
    const { url, child } = await start(['--port', '0', '--data', dir], { FIREGRID_SECRET: SECRET });
    const token = await signToken({ secret: SECRET, tenant: 'demo', user: 'zhaojianguo', roles: ['grid-supervisor'], scope: ['140105004'] });
    const res = await fetch(`${url}/v1/hazards?limit=500`, { headers: { authorization: `Bearer ${token}` } });
    assert.equal(((await res.json()) as { items: unknown[] }).items.length, 24);
    await stop(child);
  });
});
