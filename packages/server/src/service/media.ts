/**
 * Photos (DESIGN §5): an upload stored under the data folder, served to whoever may read a record
 * citing it (or to its uploader), and the check that a record cites only photos the caller may
 * read — citing a photo must not become a way to read it.
 * @module
 */
import { renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { PERMISSIONS, hasRole, newId } from '@firegrid/core';
import type { PhotoRef, ResourceKind } from '@firegrid/core';
import { HttpError, text } from '../http.js';
import { imageInfo } from '../image.js';
import type { MediaRow, Store } from '../store.js';
import { mayRead, requireRole } from './access.js';
import { invalid, notFound } from './problems.js';
import type { Call, MediaUpload } from './types.js';

type Rec = Record<string, unknown>;

/** `POST /v1/media`: stores the bytes under `mediaDir` and returns the PhotoRef. */
export function saveMedia(store: Store, mediaDir: string, call: Call, upload: MediaUpload): PhotoRef {
  const p = call.principal;
  requireRole(call, PERMISSIONS.media.write, text('上传照片', 'upload photos'));
  if (upload.bytes.length === 0) {
    throw invalid(400, text('照片内容为空', 'The photo is empty'), [{ path: 'body', message: 'empty' }]);
  }
  const info = imageInfo(upload.bytes);
  if (info === undefined) {
    throw new HttpError(415, 'unsupported-media', text(
      '只接受 JPEG、PNG、WebP 或 GIF 格式的照片',
      'Only JPEG, PNG, WebP or GIF photos are accepted',
    ), { errors: [{ path: 'body', message: 'not a JPEG, PNG, WebP or GIF image' }] });
  }
  const id = newId();
  const file = join(mediaDir, id);
  writeFileSync(`${file}.part`, upload.bytes);
  renameSync(`${file}.part`, file);
  const row: MediaRow = {
    tenant: p.tenant, id, sha256: upload.sha256, bytes: upload.bytes.length, width: info.width, height: info.height,
    contentType: info.contentType, uploader: p.user, createdAt: call.now.toISOString(),
  };
  store.insertMedia(row);
  return { id, url: `/v1/media/${id}`, sha256: row.sha256, width: row.width, height: row.height, bytes: row.bytes };
}

/**
 * `GET /v1/media/{id}`: the row and the file's path. A photo is served by its record: to a
 * caller who may read a record citing it, or to its uploader (photos go up before the record
 * that cites them); to anyone else of the tenant it does not exist (404).
 */
export function readMedia(store: Store, mediaDir: string, call: Call, id: string): { row: MediaRow; file: string } {
  const p = call.principal;
  requireRole(call, PERMISSIONS.media.read, text('查看照片', 'read photos'));
  const row = store.getMedia(p.tenant, id);
  if (row === undefined || !mayReadMedia(store, call, row)) throw notFound('media', id);
  return { row, file: join(mediaDir, row.id) };
}

/** A photo is the caller's to read when he uploaded it or may read a record that cites it. */
function mayReadMedia(store: Store, call: Call, row: MediaRow): boolean {
  const p = call.principal;
  return row.uploader === p.user || store.citing(p.tenant, row.id).some(({ kind, rec }) =>
    hasRole(p.roles, PERMISSIONS[kind].read) && mayRead(store, call, kind, rec));
}

/**
 * Refuses photo references that are not uploads of this tenant the caller may read (his own, or
 * cited by a record he may read): citing a photo must not become a way to read it.
 */
export function checkPhotos(store: Store, call: Call, refs: { path: string; id: string }[]): void {
  const missing = refs.filter((r) => {
    const row = store.getMedia(call.principal.tenant, r.id);
    return row === undefined || !mayReadMedia(store, call, row);
  });
  if (missing.length === 0) return;
  throw invalid(422, text(
    `照片 ${missing.map((m) => m.id).join('、')} 未上传到本服务器；先通过 POST /v1/media 上传`,
    `Photo ${missing.map((m) => m.id).join(', ')} was not uploaded to this server; upload it with POST /v1/media first`,
  ), missing.map((m) => ({ path: m.path, message: 'unknown photo' })), 'unknown-photo');
}

/** The photos a record cites, each with its path in the record: a hazard's `photos`, an inspection's answers' photos. */
export function photoRefs(kind: ResourceKind, content: Rec): { path: string; id: string }[] {
  const refs: { path: string; id: string }[] = [];
  if (kind === 'hazards' && Array.isArray(content.photos)) {
    (content.photos as PhotoRef[]).forEach((p, i) => refs.push({ path: `photos[${i}].id`, id: p.id }));
  }
  if (kind === 'inspections' && content.answers !== null && typeof content.answers === 'object') {
    for (const [item, answer] of Object.entries(content.answers as Record<string, { photos?: PhotoRef[] }>)) {
      answer.photos?.forEach((p, i) => refs.push({ path: `answers.${item}.photos[${i}].id`, id: p.id }));
    }
  }
  return refs;
}
