/**
 * Checks of photos: upload with `Content-Digest`, reading back with the token, the digest and
 * size refusals, and a hazard that refers to an uploaded photo.
 * @module
 */
import { PhotoRef, checkWith, newId, sha256HexSync } from '@firegrid/core';
import { create, expectRecord, get } from '../context.js';
import type { Ctx } from '../context.js';
import { JPEG_4X3, hazardRecord, jpegBytes } from '../fixtures.js';
import { CheckFailure, described, expect, preview } from '../http.js';
import type { Reply } from '../http.js';
import { expectProblem } from '../problem.js';
import type { Check } from './types.js';

/** `sha-256=:<base64>:` (RFC 9530) of `bytes`. */
export function contentDigest(bytes: Uint8Array): string {
  return `sha-256=:${Buffer.from(sha256HexSync(bytes), 'hex').toString('base64')}:`;
}

/** `POST /v1/media` of `bytes` with the digest given (the right one by default). */
export function postMedia(ctx: Ctx, bytes: Uint8Array, options: { digest?: string; token?: string | null; key?: string } = {}): Promise<Reply> {
  return ctx.api.request('POST', '/v1/media', {
    token: options.token === undefined ? ctx.token : options.token,
    body: bytes,
    headers: {
      'content-type': 'image/jpeg',
      'content-digest': options.digest ?? contentDigest(bytes),
      'idempotency-key': options.key ?? newId(),
    },
  });
}

/** Checks an upload's answer: 201 (or 200) and a PhotoRef that describes the bytes sent. */
function expectPhotoRef(reply: Reply, bytes: Uint8Array): PhotoRef {
  expect(reply.status === 201 || reply.status === 200, () => `uploading a photo: expected 201, got ${described(reply)}: ${preview(reply)}`);
  const parsed = checkWith(PhotoRef, reply.json, { locale: 'en' });
  if (!parsed.ok) throw new CheckFailure(`${described(reply)} did not return a PhotoRef: ${parsed.message}; body: ${preview(reply)}`);
  const ref = parsed.value;
  const sha256 = sha256HexSync(bytes);
  expect(ref.sha256 === sha256, () => `the PhotoRef says sha256 ${ref.sha256}, the bytes sent have ${sha256}`);
  expect(ref.bytes === bytes.length, () => `the PhotoRef says ${ref.bytes} bytes, ${bytes.length} were sent`);
  expect(ref.width === JPEG_4X3.width && ref.height === JPEG_4X3.height, () =>
    `the PhotoRef says ${ref.width} × ${ref.height} px; the JPEG sent is ${JPEG_4X3.width} × ${JPEG_4X3.height}`);
  return ref;
}

/** Uploads the test photo once per run and returns its PhotoRef. */
export function uploadPhoto(ctx: Ctx, token: string = ctx.token): Promise<PhotoRef> {
  // One upload per token: a photo may be cited only by who may read it (its uploader, or who
  // may read a record citing it), so evidence is uploaded by whoever reports with it.
  return ctx.once(`photo:${token}`, async () => {
    const bytes = jpegBytes();
    return expectPhotoRef(await postMedia(ctx, bytes, { token }), bytes);
  });
}

const upload: Check = {
  name: 'media: upload → PhotoRef, read back with the token',
  async run(ctx) {
    const bytes = jpegBytes();
    const key = newId();
    const first = await postMedia(ctx, bytes, { key });
    const ref = expectPhotoRef(first, bytes);
    const again = await postMedia(ctx, bytes, { key });
    expect(again.status === first.status && JSON.stringify(again.json) === JSON.stringify(first.json), () =>
      `replaying the upload (same Idempotency-Key) answered ${described(again)} with another body: ${preview(again)}`);
    const read = await ctx.api.request('GET', ctx.api.resolve(ref.url), { token: ctx.token, headers: { accept: 'image/*' } });
    expect(read.status === 200, () => `reading the photo: ${described(read)}: ${preview(read)}`);
    expect(read.bytes.length === bytes.length && read.bytes.every((b, i) => b === bytes[i]), () =>
      `the photo read back has ${read.bytes.length} bytes that differ from the ${bytes.length} uploaded`);
    expect(read.contentType.startsWith('image/'), () => `the photo is served as "${read.contentType}", expected image/jpeg`);
    const hazard = hazardRecord({ title: `一致性测试 ${ctx.tag} 带照片`, gridId: ctx.grid });
    const withPhoto = await create(ctx, 'hazards', { ...hazard, photos: [ref] });
    const stored = expectRecord(await get(ctx, 'hazards', withPhoto.id), 'hazards', 200, 'a hazard with the photo');
    expect(Array.isArray(stored.photos) && JSON.stringify(stored.photos[0]) === JSON.stringify(ref), 'the hazard did not keep the PhotoRef as sent');
    return `${ref.id}: ${ref.bytes} bytes, ${ref.width} × ${ref.height}, url ${ref.url}`;
  },
};

const digestMismatch: Check = {
  name: 'media: Content-Digest mismatch → 400 problem',
  async run(ctx) {
    const bytes = jpegBytes();
    const wrong = contentDigest(new TextEncoder().encode('not these bytes'));
    expectProblem(await postMedia(ctx, bytes, { digest: wrong }), 400, 'an upload whose Content-Digest is of other bytes');
    return 'refused';
  },
};

const readNeedsToken: Check = {
  name: 'media: reading without a token → 401',
  async run(ctx) {
    const ref = await uploadPhoto(ctx);
    const reply = await ctx.api.request('GET', ctx.api.resolve(ref.url), { token: null, headers: { accept: 'image/*' } });
    expectProblem(reply, 401, `GET ${ref.url} without Authorization`);
    return ref.url;
  },
};

const mediaTooLarge: Check = {
  name: 'limits: media over 20 MB → 413 problem',
  async run(ctx) {
    const head = jpegBytes();
    const bytes = new Uint8Array(21 * 1024 * 1024);
    bytes.set(head.subarray(0, head.length - 2));
    expectProblem(await postMedia(ctx, bytes), 413, 'an upload of 21 MiB');
    return '21 MiB refused';
  },
};

/** Checks of media, in the order they run. */
export const MEDIA_CHECKS: readonly Check[] = [upload, digestMismatch, readNeedsToken, mediaTooLarge];
