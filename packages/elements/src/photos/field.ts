/**
 * The behaviour behind one {@link photoUploader}: taking photos (the host's camera bridge, else
 * the uploader's file input), keeping them through the client, the limit, the busy state, a
 * problem to show, removal with focus kept in the tiles, and the object URLs of the thumbnails.
 * A reactive controller: the element keeps the photos (in its form state) and gives the
 * controller a way to read and replace them.
 *
 * ```ts
 * private readonly photos = new PhotoField(this, {
 *   client: () => this.fg.client, locale: () => this.fg.locale, max: () => this.maxPhotos,
 *   get: () => this.fields.photos, set: (photos) => { this.set({ photos }); },
 * });
 * render() { return photoUploader({ ...this.photos.options(), locale, photos, legend, hint, error }); }
 * ```
 * @module
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { FiregridClient, Locale, PhotoRef } from '@firegrid/core';
import { userError } from '../errors.js';
import { PhotoUrls, captureFromHost, keepPhoto } from './store.js';
import { focusAfterRemoval, tooManyPhotos } from './uploader.js';
import type { PhotoUploaderOptions } from './uploader.js';

/** What a {@link PhotoField} reads from its element. */
export interface PhotoFieldOptions {
  client: () => FiregridClient | undefined;
  locale: () => Locale;
  max: () => number;
  /** The photos now. */
  get: () => readonly PhotoRef[];
  /** Replaces the photos (the element keeps them and saves its draft). */
  set: (photos: PhotoRef[]) => void;
  /** The `id` prefix given to the uploader. */
  idPrefix?: string;
}

/** Taking, keeping and removing the photos of one uploader. */
export class PhotoField implements ReactiveController {
  /** Photos being processed. */
  busy = 0;
  /** What went wrong with the last photos (too many, unreadable, a failed upload), for the field's error. */
  problem: string | undefined;
  /** Object URLs of the thumbnails. */
  readonly urls: PhotoUrls;

  constructor(private readonly host: ReactiveControllerHost & HTMLElement & { readonly renderRoot: ParentNode }, private readonly o: PhotoFieldOptions) {
    host.addController(this);
    this.urls = new PhotoUrls(() => { host.requestUpdate(); });
  }

  hostDisconnected(): void {
    this.urls.clear();
  }

  /** Forgets the problem and the thumbnails (the form was emptied). */
  reset(): void {
    this.problem = undefined;
    this.urls.clear();
  }

  /** The uploader's behaviour: spread into {@link photoUploader}'s options. */
  options(): Pick<PhotoUploaderOptions, 'max' | 'busy' | 'urlOf' | 'onAdd' | 'onRemove' | 'onFiles' | 'idPrefix'> {
    const client = this.o.client();
    return {
      max: this.o.max(), busy: this.busy > 0, urlOf: (ref) => this.urls.url(client, ref), idPrefix: this.o.idPrefix,
      onAdd: this.add, onRemove: this.remove, onFiles: this.files,
    };
  }

  private readonly fail = (e: unknown): void => {
    void userError(this.host, e, this.o.locale(), 'write').then((m) => { this.problem = m; this.host.requestUpdate(); });
  };

  private readonly add = (): void => {
    const client = this.o.client();
    if (client === undefined || this.busy > 0) return;
    if (this.o.get().length >= this.o.max()) {
      this.problem = tooManyPhotos(this.o.locale(), this.o.max());
      this.host.requestUpdate();
      return;
    }
    // The browser opens a file chooser only from the click itself, so no await before it.
    if (client.host.media === undefined) {
      this.host.renderRoot.querySelector<HTMLInputElement>(`#${this.o.idPrefix ?? ''}file`)?.click();
      return;
    }
    captureFromHost(client).then((blobs) => this.keep(blobs ?? []), this.fail);
  };

  private readonly files = (e: Event): void => {
    const input = e.target as HTMLInputElement;
    const files = Array.from(input.files ?? []);
    input.value = '';
    void this.keep(files);
  };

  private async keep(blobs: Blob[]): Promise<void> {
    const client = this.o.client();
    if (client === undefined || blobs.length === 0) return;
    const max = this.o.max();
    const room = Math.max(0, max - this.o.get().length);
    this.problem = blobs.length > room ? tooManyPhotos(this.o.locale(), max) : undefined;
    this.busy++;
    this.host.requestUpdate();
    try {
      for (const blob of blobs.slice(0, room)) {
        try {
          const ref = await keepPhoto(client, blob, this.o.locale());
          this.o.set([...this.o.get(), ref]);
        } catch (error) {
          this.fail(error);
        }
      }
    } finally {
      this.busy--;
      this.host.requestUpdate();
    }
  }

  private readonly remove = (index: number): void => {
    const photos = this.o.get();
    const gone = photos[index];
    if (gone !== undefined) this.urls.drop(gone.id);
    this.problem = undefined;
    this.o.set(photos.filter((_, i) => i !== index));
    void this.host.updateComplete.then(() => { focusAfterRemoval(this.host.renderRoot, index, this.o.idPrefix); });
  };
}
