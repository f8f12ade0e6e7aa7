/**
 * The types the service's modules pass between them: who calls, and what a write, an import and
 * an upload give back.
 * @module
 */
import type { Locale } from '@firegrid/core';
import type { Principal } from '../auth.js';
import type { StoredRecord } from '../store.js';

/** Who calls, in which language, at what time. */
export interface Call {
  principal: Principal;
  locale: Locale;
  now: Date;
}

/** The outcome of a `PUT`. */
export interface PutResult {
  created: boolean;
  record: StoredRecord;
}

/** The outcome of `captains.import`. */
export interface ImportResult {
  count: number;
  created: number;
  updated: number;
  items: StoredRecord[];
}

/** An upload as the route hands it over. */
export interface MediaUpload {
  bytes: Buffer;
  /** Lower-case hex SHA-256 of `bytes`, already checked against `Content-Digest`. */
  sha256: string;
}
