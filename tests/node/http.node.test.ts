// `httpDataPort` in Node against the reference server on loopback: the REST contract of DESIGN §5
// as a client speaks it (idempotency, If-Match, problem+json, media with Content-Digest).
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { FiregridError, newId } from '@firegrid/core';
import type { DataPort, HazardInput } from '@firegrid/core';
import { FiregridHttpError, httpDataPort } from '@firegrid/core/http';
import { signToken, startServer } from '@firegrid/server';
import type { RunningServer } from '@firegrid/server';

const SECRET = 'http-port-secret-that-is-long-enough-0123456789';

function hazard(over: Partial<HazardInput> = {}): HazardInput {
  return {
    id: newId(), category: 'exit-blocked', title: '楼道堆放杂物', description: '', photos: [], source: 'worker', gridId: '330106001001001',
    reporter: { kind: 'grid-worker', personId: 'sup-1', confidential: false }, severity: 'general', status: 'reported', ...over,
  };
}

/** The smallest PNG header the server reads (it checks the type and size, not the pixels). */
function png(width: number, height: number, salt: number): Uint8Array {
  const b = Buffer.alloc(45);
  Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]).copy(b, 0);
  b.writeUInt32BE(13, 8);
  b.write('IHDR', 12, 'ascii');
  b.writeUInt32BE(width, 16);
  b.writeUInt32BE(height, 20);
  b.set([8, 6, 0, 0, 0], 24);
  b.writeUInt32BE(salt, 29);
  b.writeUInt32BE(0, 33);
  b.write('IEND', 37, 'ascii');
  return new Uint8Array(b);
}

/** The error a call failed with; a FiregridError, with the HTTP details when the port had them. */
async function rejection(promise: Promise<unknown>): Promise<FiregridError & Partial<Pick<FiregridHttpError, 'status' | 'problem'>>> {
  try {
    await promise;
  } catch (error) {
    assert.ok(error instanceof FiregridError, `expected a FiregridError, got ${String(error)}`);
    return error;
  }
  throw new Error('expected the promise to reject');
}

describe('httpDataPort against the reference server', () => {
  let server: RunningServer;
  let dataDir: string;
  let data: DataPort;
  let headerCalls = 0;
  const now = { ms: Date.now() };

  before(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'fg-http-'));
    server = await startServer({ port: 0, dataDir, secret: SECRET, now: () => new Date(now.ms), log: () => undefined });
    const token = await signToken({ secret: SECRET, tenant: 't1', user: 'sup-1', roles: ['grid-supervisor', 'grid-worker'], scope: ['330106'] });
    data = httpDataPort({
      baseUrl: `${server.url}/`, locale: 'en',
      headers: async () => { headerCalls += 1; await Promise.resolve(); return { authorization: `Bearer ${token}` }; },
    });
  });
  after(async () => {
    await server.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('creates, edits with If-Match, reads and lists records, asking for headers on every request', async () => {
    const calls = headerCalls;
    const h = hazard();
    const created = await data.save('hazards', h, { idempotencyKey: newId() });
    assert.equal(created.version, 1);
    assert.equal(created.tenantId, 't1');
    const edited = await data.save('hazards', { ...created, title: '已清理一半' }, { idempotencyKey: newId(), baseVersion: 1 });
    assert.equal(edited.version, 2);
    assert.equal((await data.get('hazards', h.id))?.title, '已清理一半');
    assert.equal(await data.get('hazards', newId()), null);
    for (let i = 0; i < 3; i++) await data.save('hazards', hazard({ title: `第${i}处`, status: 'draft' }), { idempotencyKey: newId() });
    const drafts = await data.list('hazards', { status: ['draft'], limit: 2 });
    assert.equal(drafts.items.length, 2);
    assert.ok(drafts.nextCursor !== null);
    const rest = await data.list('hazards', { status: 'draft', limit: 2, cursor: drafts.nextCursor });
    assert.equal(rest.items.length, 1);
    assert.equal(rest.nextCursor, null);
    assert.ok(headerCalls - calls >= 7, 'headers were asked for on each request');
  });

  it('answers a resend with the same key as the first time, and refuses another body under it', async () => {
    const h = hazard();
    const key = newId();
    const first = await data.save('hazards', h, { idempotencyKey: key });
    const again = await data.save('hazards', h, { idempotencyKey: key });
    assert.deepEqual(again, first);
    assert.equal((await data.get('hazards', h.id))?.version, 1);
    const reused = await rejection(data.save('hazards', { ...h, title: '不同的内容' }, { idempotencyKey: key }));
    assert.equal(reused.code, 'rejected');
    assert.equal(reused.status, 422);
    assert.ok(reused.issues.some((i) => i.path === 'Idempotency-Key'));
  });

  it('maps a stale edit to conflict with the server\'s version, and bad content to rejected with its paths', async () => {
    const h = hazard();
    await data.save('hazards', h, { idempotencyKey: newId() });
    await data.save('hazards', { ...h, title: '别人先改了' }, { idempotencyKey: newId(), baseVersion: 1 });
    const conflict = await rejection(data.save('hazards', { ...h, title: '我的' }, { idempotencyKey: newId(), baseVersion: 1 }));
    assert.ok(conflict instanceof FiregridHttpError);
    assert.equal(conflict.code, 'conflict');
    assert.equal(conflict.status, 409);
    assert.equal((conflict.problem?.current as { title?: string } | undefined)?.title, '别人先改了');
    const bad = await rejection(data.save('hazards', { ...hazard(), status: 'closed' }, { idempotencyKey: newId() }));
    assert.equal(bad.code, 'rejected');
    assert.ok(bad.issues.some((i) => i.path === 'status'));
    const outside = await rejection(data.save('hazards', hazard({ gridId: '330108002003001' }), { idempotencyKey: newId() }));
    assert.equal(outside.code, 'forbidden');
  });

  it('uploads photos with their digest, reads them back through the port, and refuses damaged bytes', async () => {
    const bytes = png(640, 480, 1);
    const sha256 = createHash('sha256').update(bytes).digest('hex');
    const key = newId();
    const ref = await data.uploadMedia(new Blob([bytes as Uint8Array<ArrayBuffer>], { type: 'image/png' }), { width: 640, height: 480, sha256 }, { idempotencyKey: key });
    assert.equal(ref.sha256, sha256);
    assert.deepEqual([ref.width, ref.height, ref.bytes], [640, 480, bytes.length]);
    const replay = await data.uploadMedia(new Blob([bytes as Uint8Array<ArrayBuffer>], { type: 'image/png' }), { width: 640, height: 480 }, { idempotencyKey: key });
    assert.equal(replay.id, ref.id, 'a resend gets the same photo');
    const back = new Uint8Array(await (await data.readMedia(ref)).arrayBuffer());
    assert.deepEqual(back, bytes);
    const wrong = await rejection(data.uploadMedia(new Blob([png(10, 10, 2) as Uint8Array<ArrayBuffer>]), { width: 10, height: 10, sha256 }, { idempotencyKey: newId() }));
    assert.equal(wrong.code, 'rejected');
    assert.ok(wrong.issues.some((i) => i.path === 'Content-Digest'));
    const withPhoto = await data.save('hazards', hazard({ photos: [ref] }), { idempotencyKey: newId() });
    assert.equal(withPhoto.photos[0]?.id, ref.id);
    const mismatch = await rejection(data.readMedia({ ...ref, sha256: '0'.repeat(64) }));
    assert.equal(mismatch.code, 'host-response');
  });

  it('runs a hazard transition with If-Match', async () => {
    const h = await data.save('hazards', hazard(), { idempotencyKey: newId() });
    const verified = await data.command('hazards.transition', { hazardId: h.id, action: 'verify', baseVersion: 1 }, { idempotencyKey: newId() });
    assert.equal((verified as { status: string }).status, 'verified');
    const stale = await rejection(data.command('hazards.transition', { hazardId: h.id, action: 'reject', reason: '重复', baseVersion: 1 }, { idempotencyKey: newId() }));
    assert.equal(stale.code, 'conflict');
  });

  it('fails with unauthorized for a missing, forged or expired token', async () => {
    const anonymous = httpDataPort({ baseUrl: server.url, locale: 'en' });
    assert.equal((await rejection(anonymous.list('hazards', {}))).code, 'unauthorized');
    const forged = await signToken({ secret: `${SECRET}-other`, tenant: 't1', user: 'x', roles: ['admin'], scope: ['*'] });
    assert.equal((await rejection(httpDataPort({ baseUrl: server.url, headers: { authorization: `Bearer ${forged}` } }).list('hazards', {}))).code, 'unauthorized');
    const short = await signToken({ secret: SECRET, tenant: 't1', user: 'x', roles: ['admin'], scope: ['*'], ttlSeconds: 60, now: new Date(now.ms) });
    const port = httpDataPort({ baseUrl: server.url, headers: { authorization: `Bearer ${short}` } });
    await port.list('hazards', {});
    now.ms += 120_000;
    try {
      const expired = await rejection(port.list('hazards', {}));
      assert.equal(expired.code, 'unauthorized');
      assert.equal(expired.status, 401);
    } finally {
      now.ms -= 120_000;
    }
  });

  it('times out through an AbortSignal when the server stalls, and reports no network as network', async () => {
    const stall = createServer(() => { /* never answers */ });
    await new Promise<void>((resolve) => stall.listen(0, '127.0.0.1', resolve));
    try {
      const slow = httpDataPort({ baseUrl: `http://127.0.0.1:${(stall.address() as AddressInfo).port}`, timeoutMs: 200 });
      const timeout = await rejection(slow.get('hazards', newId()));
      assert.equal(timeout.code, 'network');
      assert.match(timeout.message, /200/);
    } finally {
      stall.closeAllConnections();
      stall.close();
    }
    const closed = httpDataPort({ baseUrl: 'http://127.0.0.1:9', timeoutMs: 2000 });
    const down = await rejection(closed.list('hazards', {}));
    assert.equal(down.code, 'network');
    assert.equal(down.status, 0);
  });
});
