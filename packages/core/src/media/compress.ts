/**
 * Photos compressed on the device before they are stored or sent (DESIGN §4): the long edge at
 * most 1600 px, re-encoded as JPEG through a canvas, which keeps only pixels — EXIF (the camera's
 * GPS position, the phone's model) never leaves the device.
 *
 * One implementation: `compressPhoto` is the offline layer's (`offline/photos.ts`), re-exported
 * here so `@firegrid/core/browser` offers it to hosts and elements that run without the offline
 * backend. {@link preparePhoto} adds what a direct `DataPort.uploadMedia` needs.
 * @module
 */
import { sha256Hex } from '../host/sha256.js';
import type { MediaMeta } from '../host/types.js';
import { compressPhoto } from '../offline/photos.js';
import type { CompressOptions } from '../offline/photos.js';

export { compressPhoto, MAX_PHOTO_EDGE } from '../offline/photos.js';
export type { CompressOptions, CompressedPhoto } from '../offline/photos.js';

/** A compressed photo ready for `DataPort.uploadMedia`: the blob and the meta that goes with it. */
export interface PreparedPhoto {
  /** The JPEG bytes, without EXIF. */
  blob: Blob;
  /** Width, height, content type, the SHA-256 of the bytes and the original name when there was one. */
  meta: MediaMeta & { sha256: string };
}

/**
 * `compressPhoto`, then the meta `DataPort.uploadMedia` takes: size, content type, the SHA-256 of
 * the compressed bytes (the server checks it against `Content-Digest`) and the original file
 * name when the input was a File. With the offline backend, use `client.offline.addPhoto`
 * instead: it compresses, keeps the photo on the device and uploads it with the record.
 * @throws FiregridError `rejected` when the file is not an image the browser can decode.
 * @example
 * const { blob, meta } = await preparePhoto(file);
 * const ref = await client.data.uploadMedia(blob, meta, { idempotencyKey: newId() });
 */
export async function preparePhoto(input: Blob, options: CompressOptions = {}): Promise<PreparedPhoto> {
  const { blob, width, height } = await compressPhoto(input, options);
  const sha256 = await sha256Hex(new Uint8Array(await blob.arrayBuffer()));
  const name = typeof File !== 'undefined' && input instanceof File && input.name !== '' ? input.name : undefined;
  return { blob, meta: { width, height, contentType: blob.type === '' ? 'image/jpeg' : blob.type, sha256, ...(name === undefined ? {} : { name }) } };
}
