/**
 * Reference numbers a resident can quote (DESIGN §5, issue 17): the last 40 bits of a record's
 * UUID — its last 10 hex digits, random in a UUIDv7 — written as 8 Crockford base32 characters,
 * shown `XXXX-XXXX`. It is derived from the id alone, so it exists offline, before the record
 * reaches a server, and a ledger's `q` finds the record by it without a stored column.
 * @module
 */

const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

/**
 * The reference number of a record id, `XXXX-XXXX` (Crockford base32 of the id's last 40 bits).
 * @example referenceOf('01936f3e-8b1c-7a2b-9c3d-4e5f60718293') // → 'BXG7-30MK'
 */
export function referenceOf(id: string): string {
  const hex = id.replace(/-/g, '').slice(-10);
  let bits = BigInt(`0x${hex}`);
  let out = '';
  for (let i = 0; i < 8; i++) {
    out = `${ALPHABET.charAt(Number(bits & 31n))}${out}`;
    bits >>= 5n;
  }
  return `${out.slice(0, 4)}-${out.slice(4)}`;
}

/**
 * The id suffix (10 lowercase hex digits) a reference number stands for, or `undefined` when `q`
 * is not one. Accepts what people type: lowercase, no dash, spaces, and Crockford's
 * look-alikes (`O`→0, `I`/`L`→1). A record's id ends with the suffix exactly when
 * `referenceOf(id)` equals the normalised reference.
 */
export function idSuffixOfReference(q: string): string | undefined {
  const s = q.trim().toUpperCase().replace(/[\s-]/g, '').replace(/O/g, '0').replace(/[IL]/g, '1');
  if (!/^[0-9A-HJKMNP-TV-Z]{8}$/.test(s)) return undefined;
  let bits = 0n;
  for (const c of s) bits = (bits << 5n) | BigInt(ALPHABET.indexOf(c));
  return bits.toString(16).padStart(10, '0');
}
