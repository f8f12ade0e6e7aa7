/**
 * `newId`, in a module of its own: making an id needs only `uuid`, while `isUuid` (in `ids.ts`)
 * checks with the record schema and so brings zod along.
 * @module
 */
import { v7 } from 'uuid';

/**
 * A new UUIDv7: time-ordered (ids sort by creation), random in its lower 74 bits. Works in
 * insecure contexts too (it needs `crypto.getRandomValues`, not `crypto.randomUUID`).
 * @example
 * const hazard = { id: newId(), ... };   // '019538f2-7c1a-7d4e-9b61-2f0c8a7e5d13'
 */
export function newId(): string {
  return v7();
}
