/**
 * Record ids. Every record's id is a UUIDv7 made on the client, so a record exists (and can be
 * referenced) before it ever reaches a server (DESIGN §2, §4).
 * @module
 */
import { Uuid } from './schema/common.js';

export { newId } from './new-id.js';

/** True when `s` is a UUID string (any version, as record ids from a vendor's backend may be). */
export function isUuid(s: unknown): s is string {
  // The schema itself, so `isUuid(x)` always agrees with what the record schemas accept.
  return typeof s === 'string' && Uuid.safeParse(s).success;
}
