/**
 * Record ids in one canonical case. UUIDs are case-insensitive (RFC 9562 §4), so `0193…AB` and
 * `0193…ab` name one record: every port lower-cases them before it looks a record up or stores
 * one, and an upper-case copy of an id never makes a second record.
 * @module
 */

const UUID_ANY_CASE = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Members that hold record ids (user ids such as `personId`, `userId`, `inspectorId` are the host's and keep their case). */
const ID_FIELDS = new Set(['id', 'placeId', 'parentId', 'buildingId', 'inspectionId', 'hazardId', 'captainId', 'supersedes']);

/**
 * The canonical form of a record id: a UUID in lower case; anything else unchanged.
 * @example
 * canonicalId('0193A2B4-7C1D-7E5F-8A9B-0C1D2E3F4A5B');   // '0193a2b4-7c1d-7e5f-8a9b-0c1d2e3f4a5b'
 */
export function canonicalId(id: string): string {
  return UUID_ANY_CASE.test(id) ? id.toLowerCase() : id;
}

/**
 * A copy of `record` with its record ids in canonical case: the top-level id fields and the ids
 * of its photos (`photos[].id`, `answers.*.photos[].id`) and evidence. Returns the same object
 * when nothing changes.
 */
export function canonicalIds<T extends Record<string, unknown>>(record: T): T {
  let out: Record<string, unknown> | undefined;
  const set = (key: string, value: unknown): void => {
    out ??= { ...record };
    out[key] = value;
  };
  for (const [key, value] of Object.entries(record)) {
    if (ID_FIELDS.has(key) && typeof value === 'string' && canonicalId(value) !== value) set(key, canonicalId(value));
  }
  const photos = record.photos;
  if (Array.isArray(photos) && photos.some((p) => typeof (p as { id?: unknown }).id === 'string' && canonicalId((p as { id: string }).id) !== (p as { id: string }).id)) {
    set('photos', photos.map((p: Record<string, unknown>) => (typeof p.id === 'string' ? { ...p, id: canonicalId(p.id) } : p)));
  }
  const answers = record.answers;
  if (answers !== null && typeof answers === 'object' && !Array.isArray(answers)) {
    const entries = Object.entries(answers as Record<string, Record<string, unknown>>);
    if (entries.some(([, a]) => Array.isArray(a.photos) && (a.photos as { id?: unknown }[]).some((p) => typeof p.id === 'string' && canonicalId(p.id) !== p.id))) {
      set('answers', Object.fromEntries(entries.map(([k, a]) => [k, Array.isArray(a.photos)
        ? { ...a, photos: (a.photos as Record<string, unknown>[]).map((p) => (typeof p.id === 'string' ? { ...p, id: canonicalId(p.id) } : p)) }
        : a])));
    }
  }
  return (out ?? record) as T;
}
