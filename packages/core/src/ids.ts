/**
 * Record ids. Every record's id is a UUIDv7 made on the client, so a record exists (and can be
 * referenced) before it ever reaches a server (DESIGN §2, §4).
 * @module
 */
import { v7 } from 'uuid';
import { Uuid } from './schema/common.js';

/**
 * A new UUIDv7: time-ordered (ids sort by creation), random in its lower 74 bits. Works in
 * insecure contexts too (it needs `crypto.getRandomValues`, not `crypto.randomUUID`).
 * @example
 * const hazard = { id: newId(), ... };   // '019538f2-7c1a-7d4e-9b61-2f0c8a7e5d13'
 */
export function newId(): string {
  return v7();
}

/** True when `s` is a UUID string (any version, as record ids from a vendor's backend may be). */
export function isUuid(s: unknown): s is string {
  // The schema itself, so `isUuid(x)` always agrees with what the record schemas accept.
  return typeof s === 'string' && Uuid.safeParse(s).success;
}
