import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { request } from 'node:http';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { PhotoRef, newId } from '@firegrid/core';
import { openDatabase } from '@firegrid/server';
import { GRID_A, GRID_B, fakePng, hazard, pathsOf, problemOf, sha256b64, startTestServer } from './helpers.js';
import type { TestServer } from './helpers.js';

const JPEG_4X3 = Buffer.from(
  '/9j/4AAQSkZJRgABAQAAAQABAAD/2wBDAAYEBQYFBAYGBQYHBwYIChAKCgkJChQODwwQFxQYGBcUFhYaHSUfGhsjHBYWICwgIyYnKSopGR8tMC0oMCUoKSj/wAARCAADAAQDASIAAhEBAxEB/8QAFQABAQAAAAAAAAAAAAAAAAAAAAb/xAAUEAEAAAAAAAAAAAAAAAAAAAAA/9oACAEBAAA/AKp//9k=',
  'base64',
);

describe('media', () => {
  let s: TestServer;
  let admin: string;
  const post = (bytes: Uint8Array, headers: Record<string, string>, token: string | null = admin) =>
    s.request('POST', '/v1/media', { token, raw: bytes, headers: { 'content-type': 'image/png', 'idempotency-key': newId(), ...headers } });
  const digest = (bytes: Uint8Array): string => `sha-256=:${sha256b64(bytes)}:`;
  const files = (): number => readdirSync(join(s.dataDir, 'media')).length;

  before(async () => {
    s = await startTestServer();
    admin = await s.token();
  });
  after(async () => {
    await s.close();
  });

  it('stores an upload verified against Content-Digest and answers 201 with a PhotoRef of the real size', async () => {
    const bytes = fakePng(1600, 1200, 5000);
    const res = await post(bytes, { 'content-digest': digest(bytes) });
    assert.equal(res.status, 201, res.text);
    const ref = PhotoRef.parse(res.json);
    assert.equal(ref.width, 1600);
    assert.equal(ref.height, 1200);
    assert.equal(ref.bytes, bytes.length);
    assert.equal(Buffer.from(ref.sha256, 'hex').toString('base64'), sha256b64(bytes));
    assert.equal(ref.url, `/v1/media/${ref.id}`);
    assert.equal(res.headers.get('location'), ref.url);
    const file = join(s.dataDir, 'media', ref.id);
    assert.ok(existsSync(file), 'stored under the data folder');
    assert.deepEqual(new Uint8Array(readFileSync(file)), bytes);
  });

  it('reads the size of a JPEG from its frame header, whatever the client says the type is', async () => {
    const res = await post(JPEG_4X3, { 'content-digest': digest(JPEG_4X3), 'content-type': 'application/octet-stream' });
    assert.equal(res.status, 201, res.text);
    const ref = PhotoRef.parse(res.json);
    assert.deepEqual([ref.width, ref.height], [4, 3]);
    const back = await s.request('GET', ref.url, { token: admin });
    assert.equal(back.headers.get('content-type'), 'image/jpeg');
  });

  it('reads a photo back only with a token of its tenant, with its type, digest and ETag', async () => {
    const bytes = fakePng(64, 48);
    const ref = PhotoRef.parse((await post(bytes, { 'content-digest': digest(bytes) })).json);
    const res = await fetch(`${s.url}${ref.url}`, { headers: { authorization: `Bearer ${admin}` } });
    assert.equal(res.status, 200);
    assert.equal(res.headers.get('content-type'), 'image/png');
    assert.equal(res.headers.get('content-digest'), digest(bytes));
    assert.equal(res.headers.get('etag'), `"${ref.sha256}"`);
    assert.match(res.headers.get('cache-control') ?? '', /private/);
    assert.deepEqual(new Uint8Array(await res.arrayBuffer()), bytes);
    problemOf(await s.request('GET', ref.url), 401);
    problemOf(await s.request('GET', ref.url, { token: await s.token({ tenant: 't2' }) }), 404);
    const cached = await fetch(`${s.url}${ref.url}`, { headers: { authorization: `Bearer ${admin}`, 'if-none-match': `"${ref.sha256}"` } });
    assert.equal(cached.status, 304);
  });

  it('a resident reads his own uploads only', async () => {
    const resident = await s.token({ user: 'res-1', roles: ['resident'] });
    const bytes = fakePng(10, 10);
    const own = PhotoRef.parse((await post(bytes, { 'content-digest': digest(bytes) }, resident)).json);
    assert.equal((await s.request('GET', own.url, { token: resident })).status, 200);
    const staff = PhotoRef.parse((await post(bytes, { 'content-digest': digest(bytes) })).json);
    problemOf(await s.request('GET', staff.url, { token: resident }), 404);
    problemOf(await s.request('GET', own.url, { token: await s.token({ user: 'res-2', roles: ['resident'] }) }), 404);
  });

  it('serves a photo by its record: to its uploader and to who may read a record citing it, not to the whole tenant', async () => {
    const workerA = await s.token({ user: 'w-a', roles: ['grid-worker'], scope: [GRID_A] });
    const workerB = await s.token({ user: 'w-b', roles: ['grid-worker'], scope: [GRID_B] });
    const unitManager = await s.token({ user: 'um-1', roles: ['unit-manager'], scope: ['*'] });
    const bytes = fakePng(20, 20);
    // Worker A's photo, before the record that cites it: his to read, no one else's yet.
    const ref = PhotoRef.parse((await post(bytes, { 'content-digest': digest(bytes) }, workerA)).json);
    assert.equal((await s.request('GET', ref.url, { token: workerA })).status, 200);
    problemOf(await s.request('GET', ref.url, { token: workerB }), 404);
    problemOf(await s.request('GET', ref.url, { token: admin }), 404);
    // Cited by a hazard of grid A: whoever may read that hazard reads the photo; another grid still does not.
    const h = hazard({ gridId: GRID_A, photos: [ref], reporter: { kind: 'grid-worker', personId: 'w-a', confidential: false } });
    assert.equal((await s.put(`/v1/hazards/${h.id}`, h, workerA)).status, 201);
    assert.equal((await s.request('GET', ref.url, { token: admin })).status, 200);
    assert.equal((await s.request('GET', ref.url, { token: unitManager })).status, 200);
    assert.equal((await s.request('GET', ref.url, { token: await s.token({ user: 'w-a2', roles: ['grid-worker'], scope: [GRID_A] }) })).status, 200);
    problemOf(await s.request('GET', ref.url, { token: workerB }), 404);
    // Citing a photo one may not read is no way to read it.
    const h2 = hazard({ gridId: GRID_B, photos: [ref], reporter: { kind: 'grid-worker', personId: 'w-b', confidential: false } });
    assert.deepEqual(pathsOf(problemOf(await s.put(`/v1/hazards/${h2.id}`, h2, workerB), 422)), ['photos[0].id']);
    problemOf(await s.request('GET', ref.url, { token: workerB }), 404);

    // Evidence of a transition and an inspection's answer photos count as citing too.
    const evidenceBytes = fakePng(21, 21);
    const evidence = PhotoRef.parse((await post(evidenceBytes, { 'content-digest': digest(evidenceBytes) }, unitManager)).json);
    const sup = await s.token({ user: 'sup-1', roles: ['grid-supervisor', 'fire-officer'], scope: ['*'] });
    const move = async (body: Record<string, unknown>, token = sup) => {
      const res = await s.request('POST', `/v1/hazards/${h.id}/transitions`, { token, body, headers: { 'idempotency-key': newId() } });
      assert.equal(res.status, 200, res.text);
    };
    await move({ action: 'verify' });
    await move({ action: 'assign', responsible: { unit: '物业', person: '王五' }, measures: '清理', deadline: '2026-04-01' });
    await move({ action: 'start' });
    problemOf(await s.request('GET', evidence.url, { token: workerA }), 404);
    await move({ action: 'report-rectified', note: '已整改', evidence: [evidence.id] }, unitManager);
    assert.equal((await s.request('GET', evidence.url, { token: workerA })).status, 200);
    problemOf(await s.request('GET', evidence.url, { token: workerB }), 404);
  });

  it('a database from before photos were served by their record gets its photo facets on migration', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'firegrid-media-'));
    try {
      const old = await startTestServer({ dataDir });
      const uploader = await old.token({ user: 'w-a', roles: ['grid-worker'], scope: [GRID_A] });
      const bytes = fakePng(22, 22);
      const uploaded = await old.request('POST', '/v1/media', {
        token: uploader, raw: bytes, headers: { 'content-type': 'image/png', 'content-digest': digest(bytes), 'idempotency-key': newId() },
      });
      const ref = PhotoRef.parse(uploaded.json);
      const h = hazard({ gridId: GRID_A, photos: [ref], reporter: { kind: 'grid-worker', personId: 'w-a', confidential: false } });
      assert.equal((await old.put(`/v1/hazards/${h.id}`, h, uploader)).status, 201);
      await old.close();
      // Back to the schema of migration 1: no photo facets, no grants column (and none of the columns
      // a later migration adds with ALTER TABLE, which would fail when it runs again).
      const db = openDatabase(dataDir);
      db.exec("DELETE FROM facets WHERE facet = 'photo'; ALTER TABLE idempotency DROP COLUMN grants; DELETE FROM migrations WHERE id >= 2;");
      for (const [table, column] of [['score_activities', 'item'], ['score_activities', 'points_c'], ['score_activities', 'reason'], ['score_activities', 'by_id'], ['score_workers', 'post']]) {
        db.exec(`ALTER TABLE ${table} DROP COLUMN ${column}`);
      }
      db.close();
      const again = await startTestServer({ dataDir });
      try {
        const colleague = await again.token({ user: 'w-a2', roles: ['grid-worker'], scope: [GRID_A] });
        assert.equal((await again.request('GET', ref.url, { token: colleague })).status, 200, 'read through the hazard citing it');
        problemOf(await again.request('GET', ref.url, { token: await again.token({ user: 'w-b', roles: ['grid-worker'], scope: [GRID_B] }) }), 404);
      } finally {
        await again.close();
      }
    } finally {
      rmSync(dataDir, { recursive: true, force: true });
    }
  });

  it('refuses bytes that do not match Content-Digest with 400 naming the header, and stores nothing', async () => {
    const bytes = fakePng(20, 20);
    const wrong = fakePng(20, 21);
    const before = files();
    const p = problemOf(await post(bytes, { 'content-digest': digest(wrong) }), 400);
    assert.deepEqual(pathsOf(p), ['Content-Digest']);
    assert.equal(p.type, 'urn:firegrid:problem:content-digest-mismatch');
    assert.equal(files(), before);
  });

  it('needs Content-Digest with a sha-256 member', async () => {
    const bytes = fakePng(20, 20);
    assert.deepEqual(pathsOf(problemOf(await post(bytes, {}), 400)), ['Content-Digest']);
    assert.deepEqual(pathsOf(problemOf(await post(bytes, { 'content-digest': 'md5=:abc:' }), 400)), ['Content-Digest']);
    // Other algorithms alongside sha-256 are fine (RFC 9530 dictionary).
    assert.equal((await post(bytes, { 'content-digest': `sha-512=:AAAA:, ${digest(bytes)}` })).status, 201);
  });

  it('refuses what is not a JPEG, PNG, WebP or GIF with 415', async () => {
    const svg = Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>');
    problemOf(await post(svg, { 'content-digest': digest(svg), 'content-type': 'image/svg+xml' }), 415);
    problemOf(await post(Buffer.alloc(0), { 'content-digest': digest(Buffer.alloc(0)) }), 400);
  });

  it('refuses media over 20 MB with 413, without buffering it', async () => {
    const big = new Uint8Array(20 * 1024 * 1024 + 1);
    big.set(fakePng(4000, 3000), 0);
    const p = problemOf(await post(big, { 'content-digest': digest(big) }), 413);
    assert.equal(p.limit, 20 * 1024 * 1024);
    assert.equal((await s.request('GET', '/v1/health')).status, 200);
  });

  it('refuses a chunked upload (no Content-Length) once it passes 20 MB', async () => {
    const chunk = Buffer.alloc(1024 * 1024, 1);
    const status = await new Promise<number>((done, fail) => {
      const req = request(`${s.url}/v1/media`, {
        method: 'POST',
        headers: { authorization: `Bearer ${admin}`, 'content-type': 'image/png', 'idempotency-key': newId(), 'content-digest': digest(chunk), 'transfer-encoding': 'chunked' },
      }, (res) => {
        res.resume();
        done(res.statusCode ?? 0);
      });
      req.on('error', fail);
      let sent = 0;
      const pump = (): void => {
        while (sent < 22) {
          sent++;
          if (!req.write(chunk)) {
            req.once('drain', pump);
            return;
          }
        }
        req.end();
      };
      pump();
    });
    assert.equal(status, 413);
  });

  it('replays an upload under the same key (same PhotoRef, one file) and refuses other bytes under it', async () => {
    const bytes = fakePng(30, 30);
    const key = newId();
    const before = files();
    const first = await post(bytes, { 'content-digest': digest(bytes), 'idempotency-key': key });
    const second = await post(bytes, { 'content-digest': digest(bytes), 'idempotency-key': key });
    assert.equal(second.status, 201);
    assert.equal(second.text, first.text);
    assert.equal(files(), before + 1);
    const other = fakePng(31, 30);
    assert.deepEqual(pathsOf(problemOf(await post(other, { 'content-digest': digest(other), 'idempotency-key': key }), 422)), ['Idempotency-Key']);
  });

  it('a hazard refers to an uploaded photo by its PhotoRef', async () => {
    const bytes = fakePng(800, 600);
    const ref = PhotoRef.parse((await post(bytes, { 'content-digest': digest(bytes) })).json);
    const h = hazard({ photos: [ref] });
    const res = await s.put(`/v1/hazards/${h.id}`, h, admin);
    assert.equal(res.status, 201, res.text);
    assert.deepEqual((res.json as { photos: unknown[] }).photos, [ref]);
    // Another tenant cannot point at it.
    const other = await s.token({ tenant: 't2' });
    const h2 = hazard({ photos: [ref] });
    assert.deepEqual(pathsOf(problemOf(await s.put(`/v1/hazards/${h2.id}`, h2, other), 422)), ['photos[0].id']);
  });
});
