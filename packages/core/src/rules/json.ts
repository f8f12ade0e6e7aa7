/**
 * Canonical JSON: the one way every port compares two bodies (idempotency keys) and two values
 * of a field (action-owned fields), so "the same" means the same everywhere.
 * @module
 */

/**
 * JSON with object keys sorted at every level, so values that differ only in key order give the
 * same text. `undefined` members are left out, as `JSON.stringify` leaves them out.
 * @example
 * canonicalJson({ b: 1, a: { d: 2, c: 3 } });   // '{"a":{"c":3,"d":2},"b":1}'
 */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) => {
    if (v === null || typeof v !== 'object' || Array.isArray(v)) return v;
    const sorted: Record<string, unknown> = {};
    for (const k of Object.keys(v).sort()) sorted[k] = (v as Record<string, unknown>)[k];
    return sorted;
  });
}
