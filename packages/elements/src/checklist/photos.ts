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

// Thumbnails come from blobs read through the port, as the hazard elements show theirs.
export { PhotoUrls } from '../hazard-report/photos.js';
