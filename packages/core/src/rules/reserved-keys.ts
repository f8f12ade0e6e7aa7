/**
 * Keys no record may carry (issue 14): `__proto__`, `constructor` and `prototype`. JavaScript
 * treats them as an object's prototype rather than as data, so a schema drops them without a
 * word — an answer keyed `__proto__` would vanish. Every write path refuses them instead: the
 * reference server (400 `reserved-key`), the memory port and the local port (`rejected`).
 * @module
 */
import { FiregridError } from '../errors.js';

/** The reserved keys. */
export const RESERVED_KEYS: readonly string[] = ['__proto__', 'constructor', 'prototype'];

/**
 * The first reserved key in a JSON value, with its path (`answers.__proto__`, `rows[2].prototype`),
 * or undefined. Walks iteratively: the value may be hostile and deep.
 * @example
 * reservedKeyOf(JSON.parse('{"answers":{"__proto__":{"result":"fail"}}}'));  // { key: '__proto__', path: 'answers.__proto__' }
 */
export function reservedKeyOf(value: unknown): { key: string; path: string } | undefined {
  const stack: [unknown, string][] = [[value, '']];
  for (let top = stack.pop(); top !== undefined; top = stack.pop()) {
    const [v, path] = top;
    if (v === null || typeof v !== 'object') continue;
    const list = Array.isArray(v);
    for (const [k, child] of Object.entries(v)) {
      const at = list ? `${path}[${k}]` : path === '' ? k : `${path}.${k}`;
      if (!list && RESERVED_KEYS.includes(k)) return { key: k, path: at };
      stack.push([child, at]);
    }
  }
  return undefined;
}

/**
 * Throws FiregridError `rejected` naming the first reserved key of a record about to be saved
 * (what the memory and local ports do; the server answers 400 `reserved-key`).
 */
export function refuseReservedKeys(kind: string, record: unknown): void {
  const found = reservedKeyOf(record);
  if (found === undefined) return;
  throw new FiregridError('rejected', `The ${kind} record has the reserved key "${found.key}" at ${found.path} (400): __proto__, constructor and prototype cannot be field names or item ids.`, {
    issues: [{ path: found.path, message: `reserved key ${found.key}` }],
  });
}
