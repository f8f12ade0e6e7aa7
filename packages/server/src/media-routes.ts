/**
 * The photo routes: `POST /v1/media` (an upload, checked against its `Content-Digest`) and
 * `GET /v1/media/{id}` (the file, streamed with its digest and an immutable cache header).
 * @module
 */
import { createReadStream, existsSync, statSync } from 'node:fs';
import { MAX_MEDIA_BYTES, sha256Hex } from '@firegrid/core';
import { HttpError, header, jsonReply, readBody, requireIdempotencyKey, text } from './http.js';
import type { Reply } from './http.js';
import { idempotent } from './idempotency.js';
import { contentDigest } from './requests.js';
import type { Req } from './requests.js';
import type { Call, Service } from './service.js';

/** What the photo routes use of the server. */
export interface MediaRouteDeps {
  service: Service;
  /** The caller of a request (authenticated, rate-limited). */
  callOf: (r: Req) => Promise<Call>;
}

/** `POST /v1/media`: the bytes checked against their `Content-Digest`, stored once per idempotency key. */
export async function uploadMedia(deps: MediaRouteDeps, r: Req): Promise<Reply> {
  const call = await deps.callOf(r);
  const key = requireIdempotencyKey(r.req);
  const declared = contentDigest(header(r.req, 'content-digest'));
  const bytes = await readBody(r.req, MAX_MEDIA_BYTES, text('照片', 'The photo'));
  const hex = await sha256Hex(new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength) as Uint8Array<ArrayBuffer>);
  const actual = Buffer.from(hex, 'hex');
  if (!actual.equals(declared)) {
    throw new HttpError(400, 'content-digest-mismatch', text(
      `照片内容与 Content-Digest 不符（收到的字节的 SHA-256 为 ${actual.toString('base64')}）：照片在传输中损坏，请重新上传`,
      `The photo does not match its Content-Digest (the SHA-256 of the bytes received is ${actual.toString('base64')}): it was damaged on the way; upload it again`,
    ), { errors: [{ path: 'Content-Digest', message: 'does not match the body' }] });
  }
  return idempotent(deps.service.store, call, r, key, await sha256Hex(new TextEncoder().encode(`media\u0000${hex}`)), () => {
    const ref = deps.service.saveMedia(call, { bytes, sha256: hex });
    return jsonReply(201, ref, { location: ref.url });
  });
}

/** `GET /v1/media/{id}`: the file, streamed, to a caller who may read it; 304 for a matching `If-None-Match`. */
export async function serveMedia(deps: MediaRouteDeps, r: Req, id: string): Promise<void> {
  const call = await deps.callOf(r);
  const { row, file } = deps.service.readMedia(call, id);
  if (!existsSync(file)) throw new HttpError(404, 'not-found', text(`照片 ${id} 的文件已不存在`, `The file of photo ${id} is gone`));
  const etag = `"${row.sha256}"`;
  const headers = {
    ...r.cors,
    'x-content-type-options': 'nosniff',
    'content-type': row.contentType,
    'cache-control': 'private, max-age=31536000, immutable',
    'content-security-policy': "default-src 'none'",
    'content-digest': `sha-256=:${Buffer.from(row.sha256, 'hex').toString('base64')}:`,
    etag,
  };
  if (header(r.req, 'if-none-match') === etag) {
    r.res.writeHead(304, headers).end();
    return;
  }
  const size = statSync(file).size;
  r.res.writeHead(200, { ...headers, 'content-length': String(size) });
  await new Promise<void>((done) => {
    const stream = createReadStream(file);
    stream.on('error', () => {
      r.res.destroy();
      done();
    });
    stream.on('end', () => {
      done();
    });
    stream.pipe(r.res);
  });
}
