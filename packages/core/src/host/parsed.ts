/**
 * Port methods that parse what they return with the record schemas themselves — `httpDataPort`
 * reads the network and is a trust boundary of its own. `validateHost` does not parse their
 * values again (DESIGN §2, issue 16: a record is validated once per boundary, not by each layer).
 * A method is marked, not a port: a vendor who replaces or wraps one (`{ ...port, save }`) gets
 * his own function checked as before.
 * @module
 */

const PARSING = new WeakSet<object>();

/** Marks a port method whose resolved value is already parsed with `RECORD_SCHEMAS` (or a page of them). */
export function parsesItsResult<F extends (...args: never[]) => unknown>(method: F): F {
  PARSING.add(method);
  return method;
}

/** Whether the port's method `member` was marked by {@link parsesItsResult}. */
export function parsesResult(port: object, member: string): boolean {
  const method: unknown = (port as Record<string, unknown>)[member];
  return typeof method === 'function' && PARSING.has(method);
}
