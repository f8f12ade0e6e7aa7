/**
 * What the REST routes do, without HTTP: read, write, transition, import and media, each checked
 * against the caller's role, scope and tenant (DESIGN §5). Every method runs synchronously, so
 * the routes can wrap a write, its activities and its idempotency record in one transaction.
 * The seed uses the same methods, so demo data goes through the same rules as real data.
 *
 * {@link Service} is the one entry; each job is a module of its own under `service/`, read
 * top-down: `access` (role, scope, what a caller may see), `records` (list, read, `PUT`),
 * `kind-rules` (what one kind adds to a `PUT`), `hazards` (transitions), `captains` (the import),
 * `media` (photos), `scores` (scores and indicators), and `problems` (the errors they answer with).
 * @module
 */
import { RESOURCE_KINDS } from '@firegrid/core';
import type { Lifecycle, Page, PhotoRef, ResourceKind } from '@firegrid/core';
import type { ScoresBackend } from './scores-runner.js';
import type { MediaRow, Store, StoredRecord } from './store.js';
import { tailor } from './service/access.js';
import { importCaptains } from './service/captains.js';
import { transition } from './service/hazards.js';
import { readMedia, saveMedia } from './service/media.js';
import { getRecord, listRecords, putRecord } from './service/records.js';
import { MAX_SCORED_WORKERS, indicators, inlineScoring, scores } from './service/scores.js';
import type { ScoresQueries } from './service/scores.js';
import type { Call, ImportResult, MediaUpload, PutResult } from './service/types.js';

export type { Call, ImportResult, MediaUpload, PutResult } from './service/types.js';
export { MAX_SCORE_PERIOD_DAYS, MAX_SCORED_WORKERS } from './service/scores.js';

/** What {@link Service} needs. */
export interface ServiceOptions {
  store: Store;
  /** Where media files live (`<data>/media`). */
  mediaDir: string;
  /** The hazard lifecycle; its refusals are worded in each caller's locale (passed per call). */
  lifecycle: Lifecycle;
  /**
   * Runs the read-only scores queries; on the store's own connection by default. The server runs
   * them in a worker thread (scores-runner.ts), so a long one never holds up other requests.
   */
  scoring?: ScoresBackend;
  /** The most workers one `GET /v1/scores` scores; {@link MAX_SCORED_WORKERS} by default. */
  maxScoredWorkers?: number;
}

/** True for a resource kind of DESIGN §9. */
export const isResourceKind = (k: string): k is ResourceKind => (RESOURCE_KINDS as readonly string[]).includes(k);

const MULTI_VALUED = new Set(['status', 'category', 'severity', 'kind', 'scope', 'supervision']);

/**
 * The list query of a URL's parameters: `status`, `category`, `severity`, `kind` and `scope`
 * take several values (repeated or comma-separated), `limit` is a number, `overdue` is `true` or
 * `false`. Anything else is passed through for the schema to judge (unknown names are refused).
 * @example
 * queryFromParams(new URLSearchParams('status=reported,verified&limit=20'));   // { status: ['reported', 'verified'], limit: 20 }
 */
export function queryFromParams(params: URLSearchParams): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const key of new Set(params.keys())) {
    const values = params.getAll(key);
    if (MULTI_VALUED.has(key)) {
      const parts = values.flatMap((v) => v.split(',')).map((v) => v.trim()).filter((v) => v !== '');
      if (parts.length > 0) out[key] = parts.length === 1 ? parts[0] : parts;
      continue;
    }
    const [v] = values;
    if (values.length > 1 || v === undefined) out[key] = values;
    else if (key === 'limit') out[key] = /^\d{1,9}$/.test(v) ? Number(v) : v;
    else if (key === 'overdue') out[key] = v === 'true' ? true : v === 'false' ? false : v;
    else out[key] = v;
  }
  return out;
}

/** The REST contract's operations over a {@link Store}. */
export class Service {
  readonly store: Store;
  readonly #mediaDir: string;
  readonly #lifecycle: Lifecycle;
  readonly #scores: ScoresQueries;

  constructor(options: ServiceOptions) {
    this.store = options.store;
    this.#mediaDir = options.mediaDir;
    this.#lifecycle = options.lifecycle;
    this.#scores = {
      store: options.store,
      scoring: options.scoring ?? inlineScoring(options.store.db),
      maxWorkers: options.maxScoredWorkers ?? MAX_SCORED_WORKERS,
    };
  }

  /**
   * A record as this caller may see it (core's `rules/confidential`): a confidential reporter's
   * identity, contact and history entries only for those DESIGN §5 names, and his finds as
   * activities without the hazard for everyone else.
   */
  tailor(call: Call, kind: ResourceKind, rec: StoredRecord): StoredRecord {
    return tailor(this.store, call, kind, rec);
  }

  /** `GET /v1/{kind}`. */
  list(call: Call, kind: ResourceKind, raw: Record<string, unknown>): Page<StoredRecord> {
    return listRecords(this.store, call, kind, raw);
  }

  /** `GET /v1/{kind}/{id}`; with `revision`, that revision of a template (`?revision=N`). */
  get(call: Call, kind: ResourceKind, id: string, revision?: number): StoredRecord {
    return getRecord(this.store, call, kind, id, revision);
  }

  /** `PUT /v1/{kind}/{id}`: 201 when created, 200 when updated. */
  put(call: Call, kind: ResourceKind, rawId: string, body: unknown, ifMatch?: number): PutResult {
    return putRecord(this.store, call, kind, rawId, body, ifMatch);
  }

  /** `POST /v1/hazards/{id}/transitions` (the `hazards.transition` command), through the core lifecycle. */
  transition(call: Call, rawId: string, body: unknown, ifMatch?: number): StoredRecord {
    return transition(this.store, this.#lifecycle, call, rawId, body, ifMatch);
  }

  /** `POST /v1/captains:import` (the `captains.import` command): every row or none (the caller holds the transaction). */
  importCaptains(call: Call, body: unknown): ImportResult {
    return importCaptains(this.store, call, body);
  }

  /** `POST /v1/media`: stores the bytes under the data folder and returns the PhotoRef. */
  saveMedia(call: Call, upload: MediaUpload): PhotoRef {
    return saveMedia(this.store, this.#mediaDir, call, upload);
  }

  /** `GET /v1/media/{id}`: the row and the file's path, to a caller who may read a record citing it or uploaded it (404 to anyone else). */
  readMedia(call: Call, id: string): { row: MediaRow; file: string } {
    return readMedia(this.store, this.#mediaDir, call, id);
  }

  /** `GET /v1/scores?period&scope&config&rankBy`: the assessment as JSON bytes (service/scores.ts). */
  scores(call: Call, params: URLSearchParams): Promise<Uint8Array> {
    return scores(this.#scores, call, params);
  }

  /** `GET /v1/indicators?period&level&scope`: 整改率, 销号率 and 超期率 as JSON bytes (service/scores.ts). */
  indicators(call: Call, params: URLSearchParams): Promise<Uint8Array> {
    return indicators(this.#scores, call, params);
  }
}
