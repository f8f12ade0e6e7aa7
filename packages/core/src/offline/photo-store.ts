/**
 * Photos on the device: photos taken here (compressed, with their SHA-256) kept until their
 * upload is acknowledged, server photos kept for offline reading, the device photos a write
 * refers to, and their upload before the write is sent (each photo's id is its idempotency key).
 * @module
 */
import { FiregridError } from '../errors.js';
import { newId } from '../ids.js';
import type { PhotoRef } from '../schema/index.js';
import { sha256Js } from '../host/memory-port.js';
import type { MediaMeta } from '../host/types.js';
import { PhotoRow, storageError } from './db.js';
import { DEVICE_PHOTO_SCHEME, compressPhoto, devicePhotoIds, isDevicePhoto } from './photos.js';
import { dbOf, spaceOf } from './space.js';
import { textOf } from './state.js';
import type { OfflineState, Space } from './state.js';
import { WHAT } from './text.js';
import type { OutboxEntry } from './types.js';

async function digestHex(state: OfflineState, bytes: Uint8Array<ArrayBuffer>): Promise<string> {
  const subtle = state.env.subtle;
  const digest = subtle === undefined ? sha256Js(bytes) : new Uint8Array(await subtle.digest('SHA-256', bytes));
  let hex = '';
  for (const b of digest) hex += b.toString(16).padStart(2, '0');
  return hex;
}

/** Keeps a photo taken on this device (compressed unless `photos.compress` is false); returns its device ref. */
export async function addPhoto(state: OfflineState, blob: Blob, meta: Partial<MediaMeta> = {}): Promise<PhotoRef> {
  const s = await spaceOf(state);
  const photoOptions = state.options.photos ?? {};
  let out: { blob: Blob; width: number; height: number };
  if (photoOptions.compress !== false && typeof createImageBitmap === 'function') {
    out = await compressPhoto(blob, { locale: state.locale, ...photoOptions });
  } else {
    out = { blob, width: meta.width ?? 1, height: meta.height ?? 1 };
  }
  const bytes = new Uint8Array(await out.blob.arrayBuffer());
  const sha256 = await digestHex(state, bytes);
  const contentType = out.blob.type === '' ? meta.contentType ?? 'application/octet-stream' : out.blob.type;
  const id = newId();
  const row: PhotoRow = {
    id, blob: new Blob([bytes], { type: contentType }), sha256, width: out.width, height: out.height, bytes: bytes.length,
    contentType, origin: 'device', createdAt: state.context.now().toISOString(),
  };
  try {
    await (await s.db.get()).put('photos', row);
  } catch (error) {
    throw storageError(error, WHAT.photo, state.locale);
  }
  return { id, url: `${DEVICE_PHOTO_SCHEME}${id}`, sha256, width: row.width, height: row.height, bytes: row.bytes };
}

/** A photo's bytes: from the device, from the cache, or from the server (then cached). */
export async function readPhoto(state: OfflineState, ref: PhotoRef): Promise<Blob> {
  const db = await dbOf(state);
  if (isDevicePhoto(ref)) {
    const row = PhotoRow.safeParse(await db.get('photos', ref.id));
    if (!row.success) throw new FiregridError('not-found', textOf(state).photoMissing(ref.id));
    return row.data.blob;
  }
  const cached = PhotoRow.safeParse(await db.getFromIndex('photos', 'byRemoteId', ref.id));
  if (cached.success) return cached.data.blob;
  const blob = await state.port.readMedia(ref);
  try {
    await db.put('photos', {
      id: newId(), blob, sha256: ref.sha256, width: ref.width, height: ref.height, bytes: blob.size,
      contentType: blob.type, origin: 'server', remoteId: ref.id, createdAt: state.context.now().toISOString(),
    });
  } catch {
    // A full disk must not keep a photo from being shown; it is read from the network next time too.
  }
  return blob;
}

/**
 * The ids of the device photos `value` refers to (a record or a command's payload).
 * @throws FiregridError `validation` naming a device photo that is no longer on the device
 */
export async function devicePhotosIn(state: OfflineState, s: Space, value: unknown): Promise<string[]> {
  const candidates = devicePhotoIds(value, () => true);
  if (candidates.length === 0) return [];
  const db = await s.db.get();
  const known = new Set<string>();
  for (const id of candidates) {
    const row = PhotoRow.safeParse(await db.get('photos', id));
    // A photo taken here whose upload another record's send already acknowledged keeps its id and
    // its server ref: a draft made from the same answer (a failed checklist item's hazard) still sends it.
    if (row.success && (row.data.origin === 'device' || row.data.ref !== undefined)) known.add(id);
  }
  const missing = devicePhotoIds(value).filter((id) => !known.has(id));
  if (missing[0] !== undefined) {
    throw new FiregridError('validation', textOf(state).photoGone(missing[0]), { issues: missing.map((id) => ({ path: 'photos', message: `device photo ${id} is missing` })) });
  }
  return devicePhotoIds(value, (id) => known.has(id));
}

/**
 * Uploads the entry's device photos not yet acknowledged; returns device id → server ref. Each
 * acknowledged upload is written down at once (no transaction is held across the upload).
 */
export async function uploadPhotos(state: OfflineState, s: Space, entry: OutboxEntry): Promise<Map<string, PhotoRef>> {
  const refs = new Map<string, PhotoRef>();
  for (const id of entry.photos) {
    const db = await s.db.get();
    const row = PhotoRow.safeParse(await db.get('photos', id));
    if (!row.success) throw new FiregridError('rejected', textOf(state).photoGone(id), { issues: [{ path: 'photos', message: `device photo ${id} is missing` }] });
    const photo = row.data;
    if (photo.ref !== undefined) {
      refs.set(id, photo.ref);
      continue;
    }
    // The photo's own id is its idempotency key: a resend after a lost answer gets the same ref.
    const ref = await state.port.uploadMedia(photo.blob, {
      width: photo.width, height: photo.height, contentType: photo.contentType, sha256: photo.sha256,
    }, { idempotencyKey: id });
    const tx = (await s.db.get()).transaction('photos', 'readwrite');
    const still = PhotoRow.safeParse(await tx.store.get(id));
    if (still.success) await tx.store.put({ ...still.data, ref, remoteId: ref.id });
    await tx.done;
    refs.set(id, ref);
  }
  return refs;
}
