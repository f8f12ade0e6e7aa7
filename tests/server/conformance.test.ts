/**
 * The conformance suite against the reference server (every check must pass, none may be left
 * unrun) and against deliberately broken servers (the matching checks must fail), plus the
 * `firegrid-conformance` command line: its lines, its closing line and its exit status.
 */
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer, request } from 'node:http';
import type { IncomingHttpHeaders, Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { idSuffixOfReference } from '@firegrid/core';
import { signToken, startServer } from '@firegrid/server';
import type { RunningServer } from '@firegrid/server';
import { CHECKS, defaultGrid, otherGridOf, runConformance } from '@firegrid/server/conformance';
import type { CheckResult, ConformanceReport } from '@firegrid/server/conformance';

const SECRET = 'conformance-test-secret-0123456789abcdef';
const GRID = '330106001001001';
const ORIGIN = 'https://host.example';
const ROOT = fileURLToPath(new URL('../../', import.meta.url));

interface Tokens { token: string; tokenLimited: string; tokenOtherTenant: string; tokenGovernment: string }

let server: RunningServer;
let dataDir: string;
let tokens: Tokens;

before(async () => {
  dataDir = mkdtempSync(join(tmpdir(), 'firegrid-conformance-'));
  // Every test here runs the whole suite (some through a proxy) against this one server with the
  // same tokens: the per-caller scores limit (12 a minute, tested in scores.test.ts) would refuse the
  // later runs within the minute, so it is raised for this file.
  server = await startServer({
    port: 0, host: '127.0.0.1', dataDir, secret: SECRET, corsOrigins: [ORIGIN], log: () => undefined, scoresLimits: { perMinute: 1000 },
  });
  tokens = {
    token: await signToken({ secret: SECRET, tenant: 'city-a', user: 'admin-a', roles: ['admin', 'grid-supervisor', 'fire-officer', 'grid-worker'], scope: ['*'] }),
    tokenLimited: await signToken({ secret: SECRET, tenant: 'city-a', user: 'worker-a', roles: ['grid-worker'], scope: [GRID] }),
    tokenOtherTenant: await signToken({ secret: SECRET, tenant: 'city-b', user: 'admin-b', roles: ['admin'], scope: ['*'] }),
    tokenGovernment: await signToken({ secret: SECRET, tenant: 'city-a', user: 'gov-a', roles: ['government'], scope: ['*'] }),
  };
});

after(async () => {
  await server.close();
  rmSync(dataDir, { recursive: true, force: true });
});

const failures = (report: ConformanceReport): string =>
  report.results.filter((r) => r.status !== 'passed').map((r) => `${r.status} ${r.name}: ${r.detail ?? ''}`).join('\n');

const byName = (report: ConformanceReport): Map<string, CheckResult> => new Map(report.results.map((r) => [r.name, r]));

/** The name of the one check whose name starts with `prefix` (so a renamed check fails loudly here). */
function check(prefix: string): string {
  const found = CHECKS.filter((c) => c.name.startsWith(prefix));
  assert.equal(found.length, 1, `expected one check named "${prefix}…", found ${found.length}`);
  return (found[0] as { name: string }).name;
}

describe('conformance suite against the reference server', () => {
  it('passes every check with all three tokens and an allowed origin', async () => {
    const logged: CheckResult[] = [];
    const report = await runConformance({ baseUrl: server.url, ...tokens, origin: ORIGIN, log: (r) => logged.push(r) });
    assert.equal(report.failed, 0, `failed checks:\n${failures(report)}`);
    assert.equal(report.notRun, 0, `checks not run:\n${failures(report)}`);
    assert.equal(report.passed, CHECKS.length);
    assert.deepEqual(logged, report.results, 'log is called once per check, in order');
    assert.equal(report.grid, GRID, 'the grid defaults to the limited token\'s scope');
  });

  it('reports the checks that need the optional tokens as not run, never as passed', async () => {
    const report = await runConformance({ baseUrl: server.url, token: tokens.token, only: 'scope' });
    const notRun = report.results.filter((r) => r.status === 'not-run');
    assert.ok(notRun.length >= 2, 'the scope checks need --token-limited');
    for (const r of notRun) assert.match(r.detail ?? '', /needs --token-limited/);
    const full = await runConformance({ baseUrl: server.url, token: tokens.token });
    const needing = CHECKS.filter((c) => (c.needs ?? []).length > 0).map((c) => c.name);
    const results = byName(full);
    for (const name of needing) assert.equal(results.get(name)?.status, 'not-run', `${name} must be not run without its token`);
    assert.equal(full.notRun, needing.length);
    assert.equal(full.failed, 0, failures(full));
  });

  it('picks the grid from the limited token and another grid outside it', () => {
    assert.equal(defaultGrid(undefined, tokens.tokenLimited), GRID);
    assert.equal(defaultGrid('440305', tokens.tokenLimited), '440305');
    assert.equal(defaultGrid(undefined, 'opaque-token'), '330106001001001');
    assert.ok(!otherGridOf(GRID).startsWith(GRID.slice(0, 1)));
    assert.equal(otherGridOf('9123'), '8123');
  });
});

/** How the broken proxy misbehaves. */
interface Breaks {
  /** A fresh Idempotency-Key on every request: replays write again, reused keys are never refused. */
  idempotency?: boolean;
  /** 413 answers are turned into 400. */
  no413?: boolean;
  /** Requests without a token get the main token added. */
  noAuth?: boolean;
  /** The limited and the other tenant's tokens are swapped for the main one. */
  noScope?: boolean;
  /** Problems are sent as text/plain. */
  plainErrors?: boolean;
  /** A hazard answered to a PUT comes without its `edit` history entries (a server that records no edits). */
  dropEdits?: boolean;
  /** `q` is a text search only: a reference number finds nothing (a word no record has is added to it). */
  textOnlyQ?: boolean;
  /** `?revision=` is dropped: a server that keeps one revision of a template and serves it for any. */
  latestOnly?: boolean;
}

/** A node:http proxy in front of the reference server that breaks the contract as told. */
async function brokenProxy(target: string, breaks: Breaks): Promise<{ url: string; close: () => Promise<void> }> {
  const upstream = new URL(target);
  let counter = 0;
  const proxy: Server = createServer((req, res) => {
    const headers: IncomingHttpHeaders = { ...req.headers };
    if (breaks.idempotency === true && headers['idempotency-key'] !== undefined) headers['idempotency-key'] = `broken-${++counter}-${Date.now()}`;
    if (breaks.noAuth === true && headers.authorization === undefined) headers.authorization = `Bearer ${tokens.token}`;
    if (breaks.noScope === true && (headers.authorization === `Bearer ${tokens.tokenLimited}` || headers.authorization === `Bearer ${tokens.tokenOtherTenant}`)) {
      headers.authorization = `Bearer ${tokens.token}`;
    }
    // The whole body is read first, so an early answer from upstream (413) never cuts the client off.
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const body = Buffer.concat(chunks);
      let path = req.url ?? '/';
      if (breaks.textOnlyQ === true) {
        const url = new URL(path, 'http://proxy');
        const q = url.searchParams.get('q');
        if (q !== null && idSuffixOfReference(q) !== undefined) url.searchParams.set('q', `${q} 没有记录含有的词`);
        path = `${url.pathname}${url.search}`;
      }
      if (breaks.latestOnly === true) {
        const url = new URL(path, 'http://proxy');
        url.searchParams.delete('revision');
        path = `${url.pathname}${url.search}`;
      }
      const forward = request({ host: upstream.hostname, port: upstream.port, method: req.method, path, headers }, (answer) => {
        let status = answer.statusCode ?? 502;
        const out: IncomingHttpHeaders = { ...answer.headers };
        if (breaks.no413 === true && status === 413) status = 400;
        if (breaks.plainErrors === true && String(out['content-type']).startsWith('application/problem+json')) out['content-type'] = 'text/plain';
        if (breaks.dropEdits === true && req.method === 'PUT' && req.url?.startsWith('/v1/hazards/') === true && status < 300) {
          const parts: Buffer[] = [];
          answer.on('data', (c: Buffer) => parts.push(c));
          answer.on('end', () => {
            const hazard = JSON.parse(Buffer.concat(parts).toString('utf8')) as { history?: { action: string }[] };
            hazard.history = hazard.history?.filter((e) => e.action !== 'edit');
            const text = JSON.stringify(hazard);
            res.writeHead(status, { ...out, 'content-length': String(Buffer.byteLength(text)) });
            res.end(text);
          });
          return;
        }
        res.writeHead(status, out);
        answer.pipe(res);
      });
      forward.on('error', () => res.destroy());
      forward.end(body);
    });
  });
  await new Promise<void>((done) => proxy.listen(0, '127.0.0.1', done));
  const { port } = proxy.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    close: () => new Promise<void>((done) => {
      proxy.close(() => { done(); });
      proxy.closeAllConnections();
    }),
  };
}

describe('conformance suite against broken servers', () => {
  it('fails the idempotency, body-limit and auth checks of a server that ignores them', async () => {
    const proxy = await brokenProxy(server.url, { idempotency: true, no413: true, noAuth: true });
    try {
      const report = await runConformance({ baseUrl: proxy.url, ...tokens, origin: ORIGIN });
      const results = byName(report);
      for (const name of [
        check('idempotency: same key, same body'), check('idempotency: same key, different body'), check('transition: replay'),
        check('limits: JSON body over 1 MB'), check('limits: media over 20 MB'), check('auth: no token'),
      ]) {
        assert.equal(results.get(name)?.status, 'failed', `${name} should fail against the broken server`);
      }
      assert.match(results.get(check('limits: JSON body over 1 MB'))?.detail ?? '', /expected 413, got PUT .* 400/);
      assert.match(results.get(check('idempotency: same key, different body'))?.detail ?? '', /expected 422/);
      // What the proxy does not break still passes: failures point at the broken behaviour.
      for (const name of [check('paging: limit=2'), check('versions: stale If-Match'), check('filter: status'), check('sort: urgency')]) {
        assert.equal(results.get(name)?.status, 'passed', `${name} should still pass: ${results.get(name)?.detail ?? ''}`);
      }
      assert.ok(report.failed >= 6);
    } finally {
      await proxy.close();
    }
  });

  it('fails the reference-number check of a server whose q is a text search only', async () => {
    const proxy = await brokenProxy(server.url, { textOnlyQ: true });
    try {
      const report = await runConformance({ baseUrl: proxy.url, ...tokens, origin: ORIGIN });
      const results = byName(report);
      const reference = results.get(check('filter: a reference number in q'));
      assert.equal(reference?.status, 'failed');
      assert.match(reference.detail ?? '', /q=[0-9A-Z]{4}-[0-9A-Z]{4}/);
      assert.equal(results.get(check('filter: q (text search)'))?.status, 'passed');
      assert.equal(report.failed, 1, failures(report));
    } finally {
      await proxy.close();
    }
  });

  it('fails scope, role, confidentiality and tenant checks of a server that lets every token see everything', async () => {
    const proxy = await brokenProxy(server.url, { noScope: true });
    try {
      const report = await runConformance({ baseUrl: proxy.url, ...tokens });
      const results = byName(report);
      for (const name of [
        check('scope: lists leave out'), check('scope: a record outside'), check('role: a transition'), check('confidential reporter'),
        check('tenant: another tenant'), check('confidential history'), check('actor: a grid worker'),
        check('media: a photo is served by its record'),
      ]) {
        assert.equal(results.get(name)?.status, 'failed', `${name} should fail when the limited and other-tenant tokens see everything`);
      }
      assert.equal(results.get(check('paging: limit=2'))?.status, 'passed');
    } finally {
      await proxy.close();
    }
  });

  it('fails the template-revision checks of a server that serves the latest revision for any', async () => {
    const proxy = await brokenProxy(server.url, { latestOnly: true });
    try {
      const results = byName(await runConformance({ baseUrl: proxy.url, ...tokens, only: 'templates:' }));
      const served = results.get(check('templates: ?revision=N'));
      assert.equal(served?.status, 'failed');
      assert.match(served.detail ?? '', /GET \?revision=1 returned revision 2 .*the old revision must stay readable/);
      assert.equal(results.get(check('templates: a stored revision is never rewritten'))?.status, 'failed');
    } finally {
      await proxy.close();
    }
  });

  it('fails the edit-history check of a server whose PUT records no edit entry', async () => {
    const proxy = await brokenProxy(server.url, { dropEdits: true });
    try {
      const results = byName(await runConformance({ baseUrl: proxy.url, ...tokens, only: 'hazard history' }));
      const edit = results.get(check('hazard history: a PUT that changes content'));
      assert.equal(edit?.status, 'failed');
      assert.match(edit.detail ?? '', /should append one history entry with action "edit"/);
    } finally {
      await proxy.close();
    }
  });

  it('fails the 挂牌督办 check of a server that lets a fire officer lift what the government listed', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'firegrid-conformance-lift-'));
    const loose = await startServer({
      port: 0, host: '127.0.0.1', dataDir: dir, secret: SECRET, log: () => undefined,
      lifecycle: { roles: { lift: ['fire-officer', 'government'] } },
    });
    try {
      const results = byName(await runConformance({ baseUrl: loose.url, ...tokens, only: '挂牌督办' }));
      const lift = results.get(check('transition: 挂牌督办'));
      assert.equal(lift?.status, 'failed');
      // The fire officer is a listing authority there: his supervise lists instead of requesting.
      assert.match(lift.detail ?? '', /should record a request \(requestedAt, no listedAt\)/);
    } finally {
      await loose.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('fails the answer-resident and record-reward checks of a server that lets a grid worker run them', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'firegrid-conformance-tip-'));
    const loose = await startServer({
      port: 0, host: '127.0.0.1', dataDir: dir, secret: SECRET, log: () => undefined,
      lifecycle: { roles: { 'answer-resident': ['grid-supervisor', 'grid-worker'], 'record-reward': ['grid-supervisor', 'grid-worker'] } },
    });
    try {
      const results = byName(await runConformance({ baseUrl: loose.url, ...tokens, only: 'transition: ' }));
      for (const name of ['transition: answer-resident', 'transition: record-reward']) {
        const r = results.get(check(name));
        assert.equal(r?.status, 'failed', name);
        assert.match(r.detail ?? '', /by a grid worker.*expected 403/);
      }
      assert.equal(results.get(check('transition: fix-on-spot'))?.status, 'passed');
    } finally {
      await loose.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('fails the fix-on-spot and reopen checks of a server that lets the wrong roles run them', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'firegrid-conformance-spot-'));
    const loose = await startServer({
      port: 0, host: '127.0.0.1', dataDir: dir, secret: SECRET, log: () => undefined,
      lifecycle: { roles: { 'fix-on-spot': ['grid-worker', 'government'], reopen: ['grid-supervisor', 'grid-worker'] } },
    });
    try {
      const results = byName(await runConformance({ baseUrl: loose.url, ...tokens, only: 'transition: ' }));
      const fix = results.get(check('transition: fix-on-spot'));
      assert.equal(fix?.status, 'failed');
      assert.match(fix.detail ?? '', /by the government.*expected 403/);
      const back = results.get(check('transition: reopen'));
      assert.equal(back?.status, 'failed');
      assert.match(back.detail ?? '', /by a grid worker.*expected 403/);
      assert.equal(results.get(check('transition: the closed loop'))?.status, 'passed');
    } finally {
      await loose.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('fails the checks of the assignee\'s and the dispatcher\'s actions (issue 19) on a server that lets the wrong roles run them', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'firegrid-conformance-assignee-'));
    const loose = await startServer({
      port: 0, host: '127.0.0.1', dataDir: dir, secret: SECRET, log: () => undefined,
      lifecycle: {
        roles: {
          accept: ['unit-manager', 'grid-worker'], return: ['unit-manager', 'grid-worker'], 'request-extension': ['unit-manager', 'grid-worker'],
          'approve-extension': ['grid-supervisor', 'grid-worker'], 'refuse-extension': ['grid-supervisor', 'grid-worker'],
          transfer: ['grid-supervisor', 'grid-worker'], 'answer-transfer': ['grid-supervisor', 'grid-worker'], escalate: ['grid-worker', 'government'],
        },
      },
    });
    try {
      const results = byName(await runConformance({ baseUrl: loose.url, ...tokens, only: 'transition: ' }));
      for (const name of ['accept', 'return', 'request-extension', 'approve-extension', 'refuse-extension', 'transfer', 'answer-transfer', 'escalate']) {
        const r = results.get(check(`transition: ${name} (`));
        assert.equal(r?.status, 'failed', `${name}: ${JSON.stringify(r)}`);
        assert.match(r.detail ?? '', /expected 403/, name);
      }
    } finally {
      await loose.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('fails the review-duties check of a server with the old matrix (self-review, grid workers reviewing majors)', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'firegrid-conformance-old-'));
    const all = ['grid-worker', 'grid-supervisor', 'fire-officer'] as const;
    const old = await startServer({
      port: 0, host: '127.0.0.1', dataDir: dir, secret: SECRET, log: () => undefined,
      lifecycle: { separationOfDuties: false, rolesWhen: { major: { 'review-pass': all, 'review-fail': all } } },
    });
    try {
      const results = byName(await runConformance({ baseUrl: old.url, ...tokens, only: 'transition' }));
      const duties = results.get(check('transition: no self-review'));
      assert.equal(duties?.status, 'failed');
      assert.match(duties.detail ?? '', /separation of duties.*expected 403, got POST .* 200/);
      assert.equal(results.get(check('transition: the closed loop'))?.status, 'passed');
    } finally {
      await old.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('fails the problem+json checks of a server that sends errors as text', async () => {
    const proxy = await brokenProxy(server.url, { plainErrors: true });
    try {
      const results = byName(await runConformance({ baseUrl: proxy.url, token: tokens.token }));
      for (const name of [
        check('problem+json: invalid'), check('read: unknown id'), check('versions: stale If-Match'), check('auth: no token'),
        check('idempotency: same key, different body'), check('media: Content-Digest mismatch'),
      ]) {
        assert.equal(results.get(name)?.status, 'failed', `${name} should fail`);
        assert.match(results.get(name)?.detail ?? '', /expected application\/problem\+json/);
      }
    } finally {
      await proxy.close();
    }
  });
});

describe('conformance suite when it cannot start', () => {
  it('fails every check with one reason when the server refuses the main token', async () => {
    const report = await runConformance({ baseUrl: server.url, token: 'not-a-token', only: 'paging' });
    assert.ok(report.results.length >= 3);
    for (const r of report.results) {
      assert.equal(r.status, 'failed');
      assert.match(r.detail ?? '', /not attempted: the server refuses --token \(GET \/v1\/places\?limit=1 → 401/);
    }
  });

  it('fails every check with one reason when nothing answers', async () => {
    const closed = createServer();
    await new Promise<void>((done) => closed.listen(0, '127.0.0.1', done));
    const { port } = closed.address() as AddressInfo;
    await new Promise<void>((done) => closed.close(() => { done(); }));
    const report = await runConformance({ baseUrl: `http://127.0.0.1:${port}`, ...tokens, only: 'filter' });
    assert.ok(report.results.length >= 5);
    for (const r of report.results) assert.match(r.detail ?? '', /not attempted: .*got no HTTP answer.*is --base-url right/);
  });
});

/** Runs the CLI from source and collects its output and exit status. */
function cli(args: string[], env: Record<string, string> = {}): Promise<{ code: number | null; out: string; err: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', '--conditions=source', 'packages/server/src/conformance/cli.ts', ...args], {
      cwd: ROOT,
      env: { ...process.env, FIREGRID_TOKEN: '', FIREGRID_TOKEN_LIMITED: '', FIREGRID_TOKEN_OTHER_TENANT: '', ...env },
    });
    let out = '';
    let err = '';
    child.stdout.on('data', (d: Buffer) => (out += d.toString()));
    child.stderr.on('data', (d: Buffer) => (err += d.toString()));
    child.on('error', reject);
    child.on('close', (code) => { resolve({ code, out, err }); });
  });
}

describe('firegrid-conformance command line', () => {
  it('prints one line per check and "N passed, 0 failed", exit 0', async () => {
    const { code, out, err } = await cli([
      '--base-url', server.url, '--token', tokens.token, '--token-limited', tokens.tokenLimited,
      '--token-other-tenant', tokens.tokenOtherTenant, '--token-government', tokens.tokenGovernment, '--origin', ORIGIN,
    ]);
    assert.equal(code, 0, `${out}\n${err}`);
    const lines = out.trim().split('\n');
    assert.match(lines[0] ?? '', /^Firegrid conformance: http:\/\/127\.0\.0\.1:\d+ \(grid 330106001001001/);
    assert.equal(lines.filter((l) => l.startsWith('✓ ')).length, CHECKS.length);
    assert.equal(lines[lines.length - 1], `${CHECKS.length} passed, 0 failed`);
  });

  it('lists checks it could not run, keeps them off the closing line, exit 0', async () => {
    const { code, out } = await cli(['--base-url', server.url, '--only', 'scope'], { FIREGRID_TOKEN: tokens.token });
    assert.equal(code, 0, out);
    const lines = out.trim().split('\n');
    assert.ok(lines.some((l) => /^- not run: scope: .* \(needs --token-limited\)$/.test(l)), out);
    assert.match(lines[lines.length - 2] ?? '', /^\d+ not run \(give --token-limited to run them\)$/);
    assert.match(lines[lines.length - 1] ?? '', /^\d+ passed, 0 failed$/);
  });

  it('exits 1 with a ✗ line when a check fails', async () => {
    const proxy = await brokenProxy(server.url, { no413: true });
    try {
      const { code, out } = await cli(['--base-url', proxy.url, '--token', tokens.token, '--only', 'limits']);
      assert.equal(code, 1, out);
      assert.match(out, /^✗ limits: JSON body over 1 MB → 413 problem: .*expected 413/m);
      assert.match(out.trim().split('\n').pop() ?? '', /^0 passed, 2 failed$/);
    } finally {
      await proxy.close();
    }
  });

  it('exits 2 on a usage error', async () => {
    const missing = await cli(['--base-url', server.url]);
    assert.equal(missing.code, 2);
    assert.match(missing.err, /--token \(or FIREGRID_TOKEN\) is required/);
    const unknown = await cli(['--base-url', server.url, '--token', 't', '--bogus']);
    assert.equal(unknown.code, 2);
    assert.match(unknown.err, /Usage: firegrid-conformance/);
  });
});
