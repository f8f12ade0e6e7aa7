/**
 * Spreadsheet cells that stay text. A cell beginning with `=`, `+`, `-` or `@` is a formula to
 * Excel, WPS and LibreOffice (`=HYPERLINK(…)`, `=cmd|' /c calc'!A1`), and one beginning with a
 * tab or a carriage return is read as one after the spreadsheet trims it. A hazard description
 * typed by anyone — a public tip-off included — ends up in these exports, so every text cell goes
 * through {@link neutraliseCell} (OWASP "CSV injection"). The CSV export of the hazard ledger and
 * the captain registry both use it.
 * @module
 */

// Importers skip leading whitespace of any kind (a tab, a line feed, U+3000) before they look
// for `=`, and writers drop control and format characters XML cannot hold (U+0001, U+200B, BOM):
// a formula character behind any run of them is still a formula.
const FORMULA_START = /^[\t\r]|^[\s\p{Cc}\p{Cf}]*[=+\-@]/u;

/**
 * Returns the cell's text, prefixed with `'` when a spreadsheet would run it as a formula: text
 * beginning with `=`, `+`, `-`, `@` (also after leading whitespace, control or format characters
 * such as U+0001 or U+200B, which a writer may strip), a tab or a carriage return.
 * `null` and `undefined` become `''`; numbers and booleans become their text (never a formula). The apostrophe is
 * what spreadsheets themselves use to mark "text, not a formula", and a person reading the cell
 * still sees the whole value.
 * @example
 * neutraliseCell('=HYPERLINK("http://x","点我")');  // `'=HYPERLINK("http://x","点我")`
 * neutraliseCell('+86 138 0000 1234');               // `'+86 138 0000 1234`
 * neutraliseCell('消防通道堵塞');                     // '消防通道堵塞'
 */
export function neutraliseCell(value: unknown): string {
  if (value === null || value === undefined) return '';
  // A number's text (`-3`, `1e+21`) is a number to a spreadsheet, never a formula.
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  const text = typeof value === 'string' ? value : JSON.stringify(value);
  return FORMULA_START.test(text) ? `'${text}` : text;
}

/** True when {@link neutraliseCell} would change the text (a spreadsheet would read it as a formula). */
export function isFormulaLike(value: string): boolean {
  return FORMULA_START.test(value);
}

/**
 * Every cell of a table through {@link neutraliseCell}; numbers stay numbers (a typed number cell
 * is never a formula), everything else becomes neutralised text.
 */
export function neutraliseRows(rows: readonly (readonly unknown[])[]): (string | number)[][] {
  return rows.map((row) => row.map((cell) => (typeof cell === 'number' && Number.isFinite(cell) ? cell : neutraliseCell(cell))));
}
