/**
 * Photos for the hazard elements: taken through the host's camera bridge (or a file input),
 * kept through the client, and shown from blobs read through the data port (an `<img>` cannot
 * send a token). Shared by the report form, the ledger's rectification evidence and the checklist;
 * the tiles that show them are `./uploader.js`.
 * @module
 */
import { newId } from '@firegrid/core/base';
import type { FiregridClient, Locale, PhotoRef } from '@firegrid/core';

/**
 * Keeps one photo the person took and returns its reference. With the offline backend the photo
 * stays on the device (compressed, no EXIF) behind a device reference the outbox uploads with the
 * record; without it, it is compressed here and uploaded through the data port at once.
 */
export async function keepPhoto(client: FiregridClient, blob: Blob, locale: Locale): Promise<PhotoRef> {
  if (client.offline !== undefined) return client.offline.addPhoto(blob);
  // Compression and hashing are loaded with the first photo: a form that takes none needs neither.
  const { preparePhoto } = await import('./prepare.js');
  const prepared = await preparePhoto(blob, { locale });
  return client.data.uploadMedia(prepared.blob, prepared.meta, { idempotencyKey: newId() });
}

/**
 * Asks the host's camera bridge for photos. Resolves `undefined` when the host has none: the
 * caller then opens its own `<input type="file">` (it must, from the same click).
 */
export async function captureFromHost(client: FiregridClient): Promise<Blob[] | undefined> {
  const media = client.host.media;
  if (media === undefined) return undefined;
  // `camera: false` lets the person choose between the camera and the album.
  return media.capture({ accept: 'image/*', multiple: true, camera: false });
}

/**
 * Object URLs of photos read through `client.data.readMedia`, made once per photo and revoked
 * with {@link PhotoUrls.clear}. `url()` returns undefined until the blob has arrived, then calls
 * `onChange` so the element renders again.
 */
export class PhotoUrls {
  private readonly urls = new Map<string, string>();
  private readonly failed = new Set<string>();
  private readonly loading = new Set<string>();

  constructor(private readonly onChange: () => void) {}

  /** The object URL of `ref`, or undefined while it loads (or when it could not be read). */
  url(client: FiregridClient | undefined, ref: PhotoRef): string | undefined {
    const known = this.urls.get(ref.id);
    if (known !== undefined || client === undefined || this.failed.has(ref.id) || this.loading.has(ref.id)) return known;
    this.loading.add(ref.id);
    client.data.readMedia(ref).then(
      (blob) => {
        this.loading.delete(ref.id);
        this.urls.set(ref.id, URL.createObjectURL(blob));
        this.onChange();
      },
      () => {
        // A photo that cannot be read is shown by its alt text; the rest of the record still is.
        this.loading.delete(ref.id);
        this.failed.add(ref.id);
        this.onChange();
      },
    );
    return undefined;
  }

  /** Forgets one photo and revokes its URL. */
  drop(id: string): void {
    const url = this.urls.get(id);
    if (url !== undefined) URL.revokeObjectURL(url);
    this.urls.delete(id);
    this.failed.delete(id);
  }

  /** Revokes every URL. */
  clear(): void {
    for (const url of this.urls.values()) URL.revokeObjectURL(url);
    this.urls.clear();
    this.failed.clear();
  }
}
