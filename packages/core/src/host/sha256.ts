/**
 * SHA-256 of photo bytes, for `MediaMeta.sha256`. A module of its own so that hashing a photo
 * (`preparePhoto` in `@firegrid/core/browser`) does not tie the memory port, the record schemas
 * and zod to a page's first bundle.
 * @module
 */

/** Lower-case hex SHA-256: Web Crypto in secure contexts and Node, a JavaScript digest elsewhere (http:// intranets). */
export async function sha256Hex(bytes: Uint8Array<ArrayBuffer>): Promise<string> {
  const subtle = (globalThis.crypto as Crypto | undefined)?.subtle;
  return toHex(subtle === undefined ? sha256Js(bytes) : new Uint8Array(await subtle.digest('SHA-256', bytes)));
}

/**
 * Lower-case hex SHA-256, computed at once in JavaScript: for code that cannot wait (the server's
 * seed, deterministic demo ids). Prefer {@link sha256Hex} for photo-sized input.
 * @example sha256HexSync(new TextEncoder().encode('abc'));   // 'ba7816bf…f20015ad'
 */
export function sha256HexSync(bytes: Uint8Array): string {
  return toHex(sha256Js(bytes));
}

function toHex(digest: Uint8Array): string {
  let hex = '';
  for (const b of digest) hex += b.toString(16).padStart(2, '0');
  return hex;
}

const K256 = Uint32Array.from([
  0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1, 0x923f82a4, 0xab1c5ed5,
  0xd807aa98, 0x12835b01, 0x243185be, 0x550c7dc3, 0x72be5d74, 0x80deb1fe, 0x9bdc06a7, 0xc19bf174,
  0xe49b69c1, 0xefbe4786, 0x0fc19dc6, 0x240ca1cc, 0x2de92c6f, 0x4a7484aa, 0x5cb0a9dc, 0x76f988da,
  0x983e5152, 0xa831c66d, 0xb00327c8, 0xbf597fc7, 0xc6e00bf3, 0xd5a79147, 0x06ca6351, 0x14292967,
  0x27b70a85, 0x2e1b2138, 0x4d2c6dfc, 0x53380d13, 0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85,
  0xa2bfe8a1, 0xa81a664b, 0xc24b8b70, 0xc76c51a3, 0xd192e819, 0xd6990624, 0xf40e3585, 0x106aa070,
  0x19a4c116, 0x1e376c08, 0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a, 0x5b9cca4f, 0x682e6ff3,
  0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208, 0x90befffa, 0xa4506ceb, 0xbef9a3f7, 0xc67178f2,
]);

/** SHA-256 (FIPS 180-4) in plain JavaScript, for pages where `crypto.subtle` does not exist. */
export function sha256Js(bytes: Uint8Array): Uint8Array {
  const length = bytes.length;
  const blocks = new Uint8Array(((length + 9 + 63) >>> 6) << 6);
  blocks.set(bytes);
  blocks[length] = 0x80;
  const view = new DataView(blocks.buffer);
  view.setUint32(blocks.length - 8, Math.floor(length / 0x20000000));
  view.setUint32(blocks.length - 4, (length << 3) >>> 0);
  const h = Uint32Array.from([0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a, 0x510e527f, 0x9b05688c, 0x1f83d9ab, 0x5be0cd19]);
  const w = new Uint32Array(64);
  const ror = (x: number, n: number): number => (x >>> n) | (x << (32 - n));
  const at = (a: Uint32Array, i: number): number => a[i] ?? 0;
  for (let offset = 0; offset < blocks.length; offset += 64) {
    for (let i = 0; i < 16; i++) w[i] = view.getUint32(offset + i * 4);
    for (let i = 16; i < 64; i++) {
      const x = at(w, i - 15);
      const y = at(w, i - 2);
      w[i] = at(w, i - 16) + (ror(x, 7) ^ ror(x, 18) ^ (x >>> 3)) + at(w, i - 7) + (ror(y, 17) ^ ror(y, 19) ^ (y >>> 10));
    }
    let [a, b, c, d, e, f, g, hh] = [at(h, 0), at(h, 1), at(h, 2), at(h, 3), at(h, 4), at(h, 5), at(h, 6), at(h, 7)];
    for (let i = 0; i < 64; i++) {
      const t1 = (hh + (ror(e, 6) ^ ror(e, 11) ^ ror(e, 25)) + ((e & f) ^ (~e & g)) + at(K256, i) + at(w, i)) | 0;
      const t2 = ((ror(a, 2) ^ ror(a, 13) ^ ror(a, 22)) + ((a & b) ^ (a & c) ^ (b & c))) | 0;
      hh = g; g = f; f = e; e = (d + t1) | 0; d = c; c = b; b = a; a = (t1 + t2) | 0;
    }
    h[0] = at(h, 0) + a; h[1] = at(h, 1) + b; h[2] = at(h, 2) + c; h[3] = at(h, 3) + d;
    h[4] = at(h, 4) + e; h[5] = at(h, 5) + f; h[6] = at(h, 6) + g; h[7] = at(h, 7) + hh;
  }
  const out = new Uint8Array(32);
  const outView = new DataView(out.buffer);
  for (let i = 0; i < 8; i++) outView.setUint32(i * 4, at(h, i));
  return out;
}
