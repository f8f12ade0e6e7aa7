/**
 * `@firegrid/core/browser`: a host adapter made of what a plain browser offers — the Geolocation
 * API and a file input with `capture` — around a data port you give it. For standalone pages,
 * demos and hosts whose WebView has no bridge of its own.
 * @module
 */
import { FiregridError } from './errors.js';
import { LOCALES } from './names.js';
import type { Locale } from './names.js';
import type { GeoPoint, HostSession } from './schema/index.js';
import { defineHost } from './host/define-host.js';
import { positionToGeoPoint } from './host/position.js';
import type {
  CaptureOptions, DataPort, DirectoryPort, EventSink, FiregridHost, GeoPort, LinkPort, MediaPort, UiPort,
} from './host/types.js';

/** Options of {@link createBrowserHost}. */
export interface BrowserHostOptions {
  /** Where records are read and written: `httpDataPort`, `localDataPort`, `memoryDataPort` or your own. */
  data: DataPort;
  /**
   * The signed-in user. Without it the host answers with a local session: tenant `local`, user
   * `local` with the `grid-worker` role, the whole tenant in scope, and the browser's language.
   * Give a real one whenever the data port enforces roles or scope.
   */
  session?: HostSession | (() => Promise<HostSession>);
  /** Options of `navigator.geolocation.getCurrentPosition`; high accuracy, 15 s timeout and no cached fix by default. */
  geolocation?: PositionOptions;
  /** Ports the page provides itself; the browser has no such thing of its own. */
  directory?: DirectoryPort;
  ui?: UiPort;
  links?: LinkPort;
  events?: EventSink;
}

/** The browser's language as a Firegrid locale: Chinese (any region) → zh-CN, else English. */
function browserLocale(): Locale {
  const languages = typeof navigator === 'undefined' ? [] : [...navigator.languages, navigator.language];
  for (const language of languages) {
    const tag = language.toLowerCase();
    if (tag.startsWith('zh')) return 'zh-CN';
    if (tag.startsWith('en')) return 'en';
  }
  return LOCALES[0];
}

const GEO_ERRORS: Record<number, { code: 'forbidden' | 'host-failure'; message: string }> = {
  1: { code: 'forbidden', message: 'Location permission was denied; allow location for this site (or pick the point on the map) and try again.' },
  2: { code: 'host-failure', message: 'The device could not determine its position; move to open sky or pick the point on the map.' },
  3: { code: 'host-failure', message: 'Finding the position took too long; try again, or pick the point on the map.' },
};

function browserGeo(options: PositionOptions): GeoPort {
  return {
    locate: () => new Promise<GeoPoint>((resolve, reject) => {
      // Read at call time, not at creation: permissions and stubs may change in between.
      const geolocation = typeof navigator === 'undefined' ? undefined : (navigator.geolocation as Geolocation | undefined);
      if (geolocation === undefined) {
        reject(new FiregridError('config', 'This browser offers no geolocation; pick the point on the map instead.'));
        return;
      }
      geolocation.getCurrentPosition(
        (position) => { resolve(positionToGeoPoint(position)); },
        (error) => {
          const known = GEO_ERRORS[error.code] ?? { code: 'host-failure', message: 'Finding the position failed.' };
          reject(new FiregridError(known.code, `${known.message} (${error.message})`, { cause: error }));
        },
        options,
      );
    }),
  };
}

/**
 * Photo capture with `<input type="file" capture>`: on phones it opens the camera (the back one
 * by default), on desktops a file chooser. Must be called from a user gesture (a click), or the
 * browser will not open anything. Resolves with the chosen Files; an empty list when cancelled.
 */
function browserMedia(): MediaPort {
  return {
    capture: (options: CaptureOptions = {}) => new Promise<Blob[]>((resolve) => {
      const input = document.createElement('input');
      input.type = 'file';
      input.accept = options.accept ?? 'image/*';
      input.multiple = options.multiple ?? false;
      const camera = options.camera ?? 'environment';
      if (camera !== false) input.setAttribute('capture', camera);
      // Some mobile WebViews ignore clicks on inputs that are not in the document.
      input.hidden = true;
      input.dataset.firegridCapture = '';
      const done = (files: Blob[]) => {
        input.remove();
        resolve(files);
      };
      input.addEventListener('change', () => { done(Array.from(input.files ?? [])); }, { once: true });
      input.addEventListener('cancel', () => { done([]); }, { once: true });
      document.body.append(input);
      input.click();
    }),
  };
}

/**
 * A host adapter over browser APIs, around the data port you give it:
 * - `geo.locate()` uses `navigator.geolocation` and returns `{ lng, lat, crs: 'WGS84', accuracyM }`;
 *   a denied permission rejects with FiregridError `forbidden`. There is no map, so no `pick`.
 *   Left out when the browser has no Geolocation API.
 * - `media.capture()` opens a file input with `capture` (the camera on phones) and returns Files.
 * - `session()` returns the session given (or a local one, see {@link BrowserHostOptions.session}).
 * - `directory`, `ui`, `links` and `events` are the ones given, if any.
 * @example
 * import { createBrowserHost } from '@firegrid/core/browser';
 * const client = createFiregridClient({ host: createBrowserHost({ data: httpDataPort({ baseUrl: '/api' }), session }) });
 */
export function createBrowserHost(options: BrowserHostOptions): FiregridHost {
  const given = options.session;
  const session = typeof given === 'function'
    ? given
    : () => Promise.resolve(given ?? {
      tenantId: 'local',
      user: { id: 'local', name: 'local', roles: ['grid-worker'] },
      scope: ['*'],
      locale: browserLocale(),
    } satisfies HostSession);
  const hasGeolocation = typeof navigator !== 'undefined' && 'geolocation' in navigator;
  const host: FiregridHost = {
    session,
    data: options.data,
    ...(hasGeolocation && { geo: browserGeo(options.geolocation ?? { enableHighAccuracy: true, timeout: 15_000, maximumAge: 0 }) }),
    ...(typeof document !== 'undefined' && { media: browserMedia() }),
    ...(options.directory && { directory: options.directory }),
    ...(options.ui && { ui: options.ui }),
    ...(options.links && { links: options.links }),
    ...(options.events && { events: options.events }),
  };
  return defineHost(host);
}

export { compressPhoto, preparePhoto, MAX_PHOTO_EDGE } from './media/compress.js';
export { positionToGeoPoint } from './host/position.js';
export type { CompressOptions, CompressedPhoto, PreparedPhoto } from './media/compress.js';
