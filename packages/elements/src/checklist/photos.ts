/**
 * Photos of failed items: taken with the host's media bridge when it has one, else with a file
 * input; uploaded through the data port when attached; shown from blobs read through the port.
 *
 * Until the offline layer (issue #4) lands, a photo is uploaded the moment it is attached and only
 * its `PhotoRef` is kept in the answer; when the upload fails the answer stays and the element
 * shows why. The outbox will instead keep the compressed blob on the device and queue the upload.
 * @module
 */
import { newId } from '@firegrid/core/base';
import type { FiregridClient, PhotoRef } from '@firegrid/core';

/**
 * Asks for photos: `host.media.capture()` when the host has a camera bridge, else the given file
 * input (which must be in the document; `cancel` resolves with none). Call from a user gesture.
 */
export function pickPhotos(client: FiregridClient, input: HTMLInputElement): Promise<Blob[]> {
  const media = client.host.media;
  if (media !== undefined) return media.capture({ accept: 'image/*', camera: 'environment' });
  return new Promise((resolve) => {
    const done = (): void => {
      input.removeEventListener('change', done);
      input.removeEventListener('cancel', done);
      const files = [...(input.files ?? [])];
      input.value = '';
      resolve(files);
    };
    input.addEventListener('change', done);
    input.addEventListener('cancel', done);
    input.click();
  });
}

/** Measures a photo and uploads it; rejects with the port's FiregridError, or a plain one for an unreadable image. */
export async function uploadPhoto(client: FiregridClient, blob: Blob): Promise<PhotoRef> {
  const bitmap = await createImageBitmap(blob);
  const { width, height } = bitmap;
  bitmap.close();
  const name = blob instanceof File ? blob.name : undefined;
  return client.data.uploadMedia(
    blob,
    { width, height, ...(blob.type !== '' && { contentType: blob.type }), ...(name !== undefined && { name }) },
    { idempotencyKey: newId() },
  );
}

/**
 * Object URLs of photos read through the data port (an `<img>` cannot send the host's token).
 * `url()` returns undefined until the blob has arrived, then `onLoad` asks for a re-render.
 */
export class PhotoUrls {
  private readonly urls = new Map<string, string | null>();

  constructor(private readonly onLoad: () => void) {}

  /** The object URL of a photo, or undefined while it loads (or when it could not be read). */
  url(client: FiregridClient | undefined, ref: PhotoRef): string | undefined {
    const known = this.urls.get(ref.id);
    if (known !== undefined || client === undefined) return known ?? undefined;
    this.urls.set(ref.id, null);
    client.data.readMedia(ref).then(
      (blob) => { this.urls.set(ref.id, URL.createObjectURL(blob)); this.onLoad(); },
      () => { /* The thumbnail stays empty; the reference itself is kept in the answer. */ },
    );
    return undefined;
  }

  /** Releases every object URL. */
  clear(): void {
    for (const url of this.urls.values()) if (url !== null) URL.revokeObjectURL(url);
    this.urls.clear();
  }
}
