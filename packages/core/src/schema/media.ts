/**
 * References to photos uploaded through `DataPort.uploadMedia` (DESIGN §3, §5).
 * @module
 */
import * as z from 'zod/mini';
import { NonEmpty } from './common.js';

/**
 * An uploaded photo as `POST /v1/media` returns it. `url` is read through `DataPort.readMedia`
 * (an `<img>` cannot send a token), so it may be relative to the host's API. `sha256` is the
 * lowercase hex digest of the bytes, checked by the server against `Content-Digest`.
 * @example
 * const ref: PhotoRef = { id: 'm_01', url: '/v1/media/m_01', sha256: 'e3b0…', width: 1600, height: 1200, bytes: 183_204 };
 */
export const PhotoRef = z.object({
  id: NonEmpty,
  url: NonEmpty,
  sha256: z.string().check(z.regex(/^[0-9a-f]{64}$/)),
  width: z.int().check(z.positive()),
  height: z.int().check(z.positive()),
  bytes: z.int().check(z.nonnegative()),
});
export type PhotoRef = z.infer<typeof PhotoRef>;
