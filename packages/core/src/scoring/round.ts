/**
 * Rounding of DESIGN §7: half away from zero, to 2 decimals for points. The same arithmetic is
 * compiled into SQL by `toSql`, so both give the same doubles.
 * @module
 */

/**
 * Absorbs the binary error of a product such as `1.005 * 100` (= 100.49999999999999), so a value
 * meant to sit on a half rounds away from zero. Far below any difference a score can show.
 */
export const ROUNDING_EPSILON = 1e-9;

/**
 * Rounds half away from zero to `decimals` places (2 for points, 4 for normalised values).
 * @example
 * roundHalfAway(2.675);      // 2.68 (plain Math.round(267.49999999999997) / 100 gives 2.67)
 * roundHalfAway(-0.125);     // -0.13
 * roundHalfAway(0.66666, 4); // 0.6667
 */
export function roundHalfAway(value: number, decimals = 2): number {
  const scale = decimals === 2 ? 100 : 10 ** decimals;
  const r = Math.floor(Math.abs(value) * scale + 0.5 + ROUNDING_EPSILON) / scale;
  // `0 * -1` would give -0, which prints as "0" but is not `Object.is` 0.
  return value < 0 && r !== 0 ? -r : r;
}
