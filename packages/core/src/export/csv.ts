/**
 * CSV as spreadsheets in China open it: UTF-8 with a byte-order mark (without it Excel reads
 * UTF-8 as GBK and the Chinese turns to mojibake), CRLF line ends, RFC 4180 quoting, and every
 * text cell neutralised against formula injection. Pure and runs in Node too.
 *
 * Written here rather than with papaparse's `unparse`: papaparse ships only a UMD file, which the
 * browser test runner and native ES-module hosts cannot import, and writing (unlike parsing) CSV
 * is only quoting.
 * @module
 */
import { neutraliseCell } from './cells.js';

/** The UTF-8 byte-order mark Excel needs to read a CSV file as UTF-8. */
export const UTF8_BOM = '\uFEFF';

/** Options of {@link toCsv}. */
export interface CsvOptions {
  /** Start with {@link UTF8_BOM}; true by default. */
  bom?: boolean;
  /** Neutralise formula-like text cells (`neutraliseCell`); true by default. Turn off only for data no spreadsheet opens. */
  neutralise?: boolean;
}

const NEEDS_QUOTES = /[",\r\n]|^\s|\s$/;

/** One cell as CSV: neutralised (unless told otherwise), then quoted when it holds a comma, quote, line break or edge space. */
export function csvCell(value: unknown, neutralise = true): string {
  const text = neutralise ? neutraliseCell(value) : value === null || value === undefined ? '' : typeof value === 'string' ? value : JSON.stringify(value);
  return NEEDS_QUOTES.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/**
 * Rows as CSV text (header row first, if you want one): UTF-8 BOM, CRLF, quoted as RFC 4180 says,
 * formula-like cells neutralised.
 * @example
 * const text = toCsv([table.header, ...table.rows]);
 * const blob = new Blob([text], { type: 'text/csv;charset=utf-8' });
 */
export function toCsv(rows: readonly (readonly unknown[])[], options: CsvOptions = {}): string {
  const neutralise = options.neutralise ?? true;
  const body = rows.map((row) => row.map((cell) => csvCell(cell, neutralise)).join(',')).join('\r\n');
  return `${options.bom ?? true ? UTF8_BOM : ''}${body}\r\n`;
}
