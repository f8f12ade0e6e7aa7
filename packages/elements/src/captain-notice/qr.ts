// The QR code of the notice, loaded only when a notice is shown (lean-qr: a few kB, maintained).
/** A QR code as an SVG path in module units, with its size in modules. */
export interface QrPath {
  size: number;
  path: string;
}

/**
 * The QR code of `text` at error correction M (≈15%: a printed notice gets scuffed), as a path
 * for an `<svg>` whose viewBox leaves the 4-module quiet zone the standard asks for.
 */
export async function qrPath(text: string): Promise<QrPath> {
  const [{ generate, correction }, { toSvgPath }] = await Promise.all([import('lean-qr'), import('lean-qr/extras/svg')]);
  const code = generate(text, { minCorrectionLevel: correction.M });
  return { size: code.size, path: toSvgPath(code) };
}
