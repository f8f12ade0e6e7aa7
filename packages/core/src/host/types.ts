/**
 * The host adapter (DESIGN §3): the one interface a platform vendor implements. Every method is
 * async, optional ports may be left out, and everything a method returns is validated by
 * {@link validateHost} before Firegrid uses it.
 * @module
 */
import * as z from 'zod/mini';
import { PLACE_KINDS, ROLES } from '../names.js';
import type { CommandName, Locale, ResourceKind } from '../names.js';
import { GeoPoint } from '../schema/index.js';
import type { HostSession, Page, PhotoRef, RecordInputOf, RecordOf } from '../schema/index.js';
import type { FiregridEvent } from '../client/events.js';
import type { Query } from './query.js';
import type { CommandPayload, CommandResult } from '../commands.js';

/** Options of {@link DataPort.save}. */
export interface SaveOptions {
  /** One per write, stable across retries (the `Idempotency-Key` header). */
  idempotencyKey: string;
  /** The version the edit started from (`If-Match`); left out to create, or to overwrite. */
  baseVersion?: number;
}

/** Options of {@link DataPort.command} and {@link DataPort.uploadMedia}. */
export interface CommandOptions {
  /** One per write, stable across retries (the `Idempotency-Key` header). */
  idempotencyKey: string;
}

/** What the client knows about a photo it uploads. */
export const MediaMeta = z.object({
  /** Pixel width and height after on-device compression. */
  width: z.int().check(z.positive()),
  height: z.int().check(z.positive()),
  /** MIME type; the blob's own type when left out. */
  contentType: z.optional(z.string()),
  /** Lower-case hex SHA-256 of the bytes; a port that gets it checks it (`Content-Digest`). */
  sha256: z.optional(z.string().check(z.regex(/^[0-9a-f]{64}$/))),
  /** Original file name, for people only. */
  name: z.optional(z.string()),
});
/** What the client knows about a photo it uploads. */
export type MediaMeta = z.infer<typeof MediaMeta>;

/** Options of {@link DataPort.get}. */
export interface GetOptions {
  /**
   * For `templates`: the content revision wanted (a positive integer), as an inspection's
   * `templateVersion` names it; the latest when left out. Other kinds have no revisions.
   */
  revision?: number;
}

/**
 * Where records are read and written (required). Lists are filtered, sorted and paged by the
 * port (DESIGN §5), never by fetching everything.
 */
export interface DataPort {
  /** One page of records of a kind that match the query. */
  list<K extends ResourceKind>(kind: K, query: Query): Promise<Page<RecordOf<K>>>;
  /**
   * One record, or null when there is none with that id. With `options.revision` (templates
   * only): that content revision of the template, or null when the store does not hold it
   * (DESIGN §5, `GET /v1/templates/{id}?revision=N`). A port whose backend stores templates keeps
   * every revision it is given; one that does not know the option would return the latest, which
   * the client refuses (`host-response`), so a draft never opens under another revision unnoticed.
   */
  get<K extends ResourceKind>(kind: K, id: string, options?: GetOptions): Promise<RecordOf<K> | null>;
  /**
   * Creates or updates a record (a record as `get` returned it is accepted back; the
   * server-managed fields are ignored) and returns it as stored (new version, timestamps). Rejects with
   * FiregridError `conflict` on a stale `baseVersion`, `rejected` for invalid content or a
   * different body under a used idempotency key.
   */
  save<K extends ResourceKind>(kind: K, record: RecordInputOf<K>, options: SaveOptions): Promise<RecordOf<K>>;
  /**
   * Runs a named command of the command map (`hazards.transition`, `captains.import`; see
   * `COMMAND_MAP`): the payload and the result are typed per command. Rejects with FiregridError
   * `rejected` naming the field for a malformed payload.
   */
  command<N extends CommandName>(name: N, payload: CommandPayload<N>, options: CommandOptions): Promise<CommandResult<N>>;
  /** Stores a photo and returns its reference. */
  uploadMedia(blob: Blob, meta: MediaMeta, options: CommandOptions): Promise<PhotoRef>;
  /** Reads a photo's bytes (an `<img>` cannot send a token, so photos are read through the port). */
  readMedia(ref: PhotoRef): Promise<Blob>;
}

/** Options of {@link MediaPort.capture}. */
export interface CaptureOptions {
  /** MIME types to accept, as in `<input accept>`; `image/*` by default. */
  accept?: string;
  /** Allow several files at once. */
  multiple?: boolean;
  /** Which camera to prefer; `false` offers the album too. `environment` by default. */
  camera?: 'environment' | 'user' | false;
}

/** Photo capture through the host's camera or album bridge. Call from a user gesture. */
export interface MediaPort {
  /** Resolves with the files taken or chosen; an empty list when the person cancelled. */
  capture(options?: CaptureOptions): Promise<Blob[]>;
}

/** Location through the host. */
export interface GeoPort {
  /** The device's position, with its `crs` (and accuracy when known). */
  locate(): Promise<GeoPoint>;
  /** Lets the person pick a point on the host's map; null when cancelled. */
  pick?(options?: { initial?: GeoPoint }): Promise<GeoPoint | null>;
}

/** A place in the host's base data (人、地、事、物). */
export const DirectoryPlace = z.object({
  id: z.string().check(z.minLength(1)),
  name: z.string(),
  address: z.optional(z.string()),
  gridId: z.optional(z.string()),
  kind: z.optional(z.enum(PLACE_KINDS)),
  location: z.optional(GeoPoint),
});
/** A place in the host's base data. */
export type DirectoryPlace = z.infer<typeof DirectoryPlace>;

/** A person in the host's base data. */
export const DirectoryPerson = z.object({
  id: z.string().check(z.minLength(1)),
  name: z.string(),
  phone: z.optional(z.string()),
  gridId: z.optional(z.string()),
  roles: z.optional(z.array(z.enum(ROLES))),
});
/** A person in the host's base data. */
export type DirectoryPerson = z.infer<typeof DirectoryPerson>;

/** A search of the host's directory. */
export interface DirectoryQuery {
  /** Free text (name, address, phone). */
  q?: string;
  /** An OrgUnit code prefix. */
  scope?: string;
  gridId?: string;
  limit?: number;
  /**
   * Exactly these ids (people shown by name in the lists and the history). A port that cannot
   * filter by id may return more; Firegrid keeps only the ids it asked for.
   */
  ids?: readonly string[];
}

/** The host's base data. Either lookup may be left out. */
export interface DirectoryPort {
  places?(query: DirectoryQuery): Promise<DirectoryPlace[]>;
  people?(query: DirectoryQuery): Promise<DirectoryPerson[]>;
}

/** Where to navigate inside the host app. */
export interface NavigateTarget {
  kind: ResourceKind;
  id: string;
}

/** The host app's own UI. Any member may be left out. */
export interface UiPort {
  toast?(message: string, options?: { tone?: 'info' | 'success' | 'error' }): Promise<void>;
  confirm?(message: string, options?: { title?: string; confirmLabel?: string; cancelLabel?: string }): Promise<boolean>;
  navigate?(target: NavigateTarget): Promise<void>;
}

/** URLs the host owns. */
export interface LinkPort {
  /** The public tip-off page of a place, for the QR code of its notice. An absolute URL. */
  tipOff(placeId: string): Promise<string>;
}

/** The host's event hub. */
export interface EventSink {
  /**
   * Receives every domain event of the client, with `externalCode` (the vendor's code of the
   * hazard's category) on events about a mapped hazard. What it throws is reported to the
   * client's `onError` and never breaks the operation that raised the event.
   */
  emit(event: FiregridEvent): Promise<void> | void;
}

/** The host adapter (DESIGN §3). Build one with {@link defineHost}. */
export interface FiregridHost {
  /** Tenant, user {id, name, roles}, scope (OrgUnit prefixes), locale. */
  session(): Promise<HostSession>;
  data: DataPort;
  media?: MediaPort;
  geo?: GeoPort;
  directory?: DirectoryPort;
  ui?: UiPort;
  links?: LinkPort;
  events?: EventSink;
}

/** Locale given per call, or read lazily (the session knows it only once it has loaded). */
export type LocaleSource = Locale | (() => Locale | undefined);
