/**
 * Photos on the device: compressed where they are taken (long edge ≤ 1600 px, JPEG — which also
 * drops EXIF, GPS included), kept as blobs, and referred to by a device `PhotoRef` until the
 * server has acknowledged them. A record may hold device refs; the outbox uploads each photo
 * first, then sends the record with the server's refs in their place (DESIGN §4).
 * @module
 */
import { FiregridError } from '../errors.js';
import type { Locale } from '../names.js';
import type { PhotoRef } from '../schema/index.js';

/** The URL scheme of a photo kept on this device and not yet known to the server. */
export const DEVICE_PHOTO_SCHEME = 'firegrid-device:';

/** The longest edge, in pixels, a photo keeps after compression. */
export const MAX_PHOTO_EDGE = 1600;

/** Options of {@link compressPhoto}. */
export interface CompressOptions {
  /** The longest edge in pixels; {@link MAX_PHOTO_EDGE} by default. */
  maxEdge?: number;
  /** JPEG quality between 0 and 1; 0.82 by default (a readable fire-door label at about 200 kB). */
  quality?: number;
  /** Language of the error message; zh-CN by default. */
  locale?: Locale;
}

/** A compressed photo. */
export interface CompressedPhoto {
  blob: Blob;
  width: number;
  height: number;
}

const TEXT = {
  'zh-CN': {
    unreadable: (why: string) => `这个文件不是本设备能读取的照片（${why}）；请换一张 JPEG、PNG 或 WebP 照片`,
    unsupported: '此环境不能处理照片（没有 createImageBitmap 或画布）',
  },
  en: {
    unreadable: (why: string) => `This file is not a photo this device can read (${why}); choose a JPEG, PNG or WebP photo`,
    unsupported: 'This environment cannot process photos (no createImageBitmap or canvas)',
  },
} as const;

interface Canvas { width: number; height: number; getContext(id: '2d'): unknown }

function makeCanvas(width: number, height: number): Canvas | undefined {
  if (typeof OffscreenCanvas === 'function') return new OffscreenCanvas(width, height);
  if (typeof document === 'undefined') return undefined;
  const canvas = document.createElement('canvas');
  canvas.width = width;
  canvas.height = height;
  return canvas;
}

async function encode(canvas: Canvas, quality: number): Promise<Blob | null> {
  if (typeof OffscreenCanvas === 'function' && canvas instanceof OffscreenCanvas) {
    return canvas.convertToBlob({ type: 'image/jpeg', quality });
  }
  return new Promise((resolve) => { (canvas as HTMLCanvasElement).toBlob(resolve, 'image/jpeg', quality); });
}

/**
 * Compresses a photo on the device: decoded with its EXIF orientation applied, scaled so its
 * long edge is at most `maxEdge`, drawn on white (a transparent PNG does not turn black) and
 * encoded as JPEG. Re-encoding drops every metadata block, so location and device details in
 * EXIF never leave the phone.
 * @throws FiregridError `rejected` when the blob is not an image the browser can decode.
 * @example
 * const { blob, width, height } = await compressPhoto(file);   // ≤ 1600 px, image/jpeg
 */
export async function compressPhoto(source: Blob, options: CompressOptions = {}): Promise<CompressedPhoto> {
  const text = TEXT[options.locale ?? 'zh-CN'];
  const maxEdge = options.maxEdge ?? MAX_PHOTO_EDGE;
  const quality = options.quality ?? 0.82;
  if (typeof createImageBitmap !== 'function') throw new FiregridError('config', text.unsupported);
  let bitmap: ImageBitmap;
  try {
    bitmap = await createImageBitmap(source, { imageOrientation: 'from-image' });
  } catch (error) {
    const why = error instanceof Error ? error.message : String(error);
    throw new FiregridError('rejected', text.unreadable(why), { cause: error, issues: [{ path: 'photo', message: why }] });
  }
  try {
    const scale = Math.min(1, maxEdge / Math.max(bitmap.width, bitmap.height));
    const width = Math.max(1, Math.round(bitmap.width * scale));
    const height = Math.max(1, Math.round(bitmap.height * scale));
    const canvas = makeCanvas(width, height);
    const ctx = canvas?.getContext('2d') as CanvasRenderingContext2D | OffscreenCanvasRenderingContext2D | null | undefined;
    if (canvas === undefined || ctx == null) throw new FiregridError('config', text.unsupported);
    ctx.fillStyle = '#fff';
    ctx.fillRect(0, 0, width, height);
    ctx.imageSmoothingQuality = 'high';
    ctx.drawImage(bitmap, 0, 0, width, height);
    const blob = await encode(canvas, quality);
    if (blob === null) throw new FiregridError('config', text.unsupported);
    return { blob, width, height };
  } finally {
    bitmap.close();
  }
}

/** True when `ref` is a photo kept on this device, not yet acknowledged by the server. */
export function isDevicePhoto(ref: unknown): boolean {
  return typeof ref === 'object' && ref !== null && typeof (ref as { url?: unknown }).url === 'string'
    && (ref as { url: string }).url.startsWith(DEVICE_PHOTO_SCHEME) && typeof (ref as { id?: unknown }).id === 'string';
}

/** Keys of the lists of photo ids in a transition: the evidence, and the photos before an on-the-spot fix. */
const ID_LISTS = ['evidence', 'before'];

/** The ids of the device photos a record or command payload refers to (PhotoRefs and `evidence`/`before` ids). */
export function devicePhotoIds(value: unknown, known: (id: string) => boolean = () => false): string[] {
  const ids = new Set<string>();
  const walk = (v: unknown, key: string | undefined): void => {
    if (Array.isArray(v)) {
      for (const item of v) {
        if (key !== undefined && ID_LISTS.includes(key) && typeof item === 'string' && known(item)) ids.add(item);
        else walk(item, undefined);
      }
    } else if (typeof v === 'object' && v !== null) {
      if (isDevicePhoto(v)) ids.add((v as PhotoRef).id);
      else for (const [k, child] of Object.entries(v)) walk(child, k);
    }
  };
  walk(value, undefined);
  return [...ids];
}

/**
 * A copy of `value` with each device photo replaced by the server's reference: PhotoRefs whole,
 * and ids in `evidence` and `before` lists by the server's id.
 */
export function withServerPhotos<T>(value: T, refs: ReadonlyMap<string, PhotoRef>): T {
  const walk = (v: unknown, key: string | undefined): unknown => {
    if (Array.isArray(v)) {
      return v.map((item: unknown) => (key !== undefined && ID_LISTS.includes(key) && typeof item === 'string' ? refs.get(item)?.id ?? item : walk(item, undefined)));
    }
    if (typeof v === 'object' && v !== null) {
      if (isDevicePhoto(v)) return { ...(refs.get((v as PhotoRef).id) ?? v) };
      return Object.fromEntries(Object.entries(v).map(([k, child]) => [k, walk(child, k)]));
    }
    return v;
  };
  return walk(value, undefined) as T;
}
