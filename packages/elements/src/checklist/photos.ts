/**
 * Photos of failed items: taken with the host's media bridge when it has one, else with a file
 * input; kept through the client the way the hazard elements keep theirs (`keepPhoto`): with the
 * offline backend the compressed blob stays on the device and the outbox uploads it with the
 * inspection; without it, it is compressed and uploaded through the data port at once. Shown from
 * blobs read through the port.
 * @module
 */
import type { FiregridClient, Locale, PhotoRef } from '@firegrid/core';
import { keepPhoto } from '../hazard-report/photos.js';

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

/**
 * Keeps one photo of a failed item and returns its reference (see the module comment); rejects
 * with the port's FiregridError, or with a clear error for an unreadable image.
 */
export function uploadPhoto(client: FiregridClient, blob: Blob, locale: Locale): Promise<PhotoRef> {
  return keepPhoto(client, blob, locale);
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
